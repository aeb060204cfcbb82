"""Terminal views of documents and papers (``brief ingest``, ``brief show``)."""

from __future__ import annotations

import textwrap
from pathlib import PurePath
from typing import Any

import click

from compiler.model import Document, Item, Paper, Section, SectionKind


def document_table(document: Document) -> str:
    """One line per paper: province, its 2025 unit, and its sections with item counts."""
    name = PurePath(document.source).name
    lines = [f"{name} — {document.format}, {len(document.papers)} paper(s)"]
    width = max((len(p.province or "?") for p in document.papers), default=8)
    for paper in document.papers:
        merged = f" → {paper.province_2025}" if paper.province_2025 != paper.province else ""
        province = (paper.province or "(general)").ljust(width)
        lines.append(f"  {province}{merged:<16} {section_summary(paper)}")
    extras = _extras(document)
    if extras:
        lines.append(f"  ({extras})")
    return "\n".join(lines)


def section_summary(paper: Paper) -> str:
    """ "context 3 · tasks 6 · …": kinds in paper order with their item counts."""
    return " · ".join(f"{s.kind.value} {len(s.items)}" for s in paper.sections)


def _extras(document: Document) -> str:
    parts = []
    for label, blocks in (
        ("title lines", document.title_blocks),
        ("front matter", document.front_matter),
        ("footnotes", document.footnotes),
        ("furniture", document.furniture),
    ):
        if blocks:
            parts.append(f"{len(blocks)} {label}")
    return ", ".join(parts)


def paper_outline(paper: Paper, kinds: list[SectionKind] | None = None, full: bool = False) -> str:
    """A paper's structure: sections with headings and provenance, items with labels."""
    lines = [
        f"{paper.province or '(general)'} — {paper.title or '(untitled)'}",
        f"author: {paper.author or '—'} · 2025 unit: {paper.province_2025 or '—'} · "
        f"{paper.provenance.describe()}",
    ]
    for section in paper.sections:
        if kinds and section.kind not in kinds:
            continue
        lines.extend(_section_lines(section, full))
    return "\n".join(lines)


def _section_lines(section: Section, full: bool) -> list[str]:
    heading = " / ".join(b.labelled_text for b in section.heading_blocks) or "(no heading)"
    lines = ["", f"[{section.kind.value}] {heading}  ({section.provenance.describe()})"]
    for item in section.items:
        label = item.label or "·"
        body = item.text if full else item.title
        wrapped = textwrap.fill(
            body, width=96, initial_indent=f"  {label} ", subsequent_indent="      "
        )
        lines.append(f"{wrapped}  ({item.provenance.describe()})")
    if not section.items:
        lines.append(f"  {len(section.paragraphs)} paragraph(s), no items")
    return lines


# --- alignment -----------------------------------------------------------------------------

_DIFF_MARKS = {"insert": ("{+", "+}"), "delete": ("[-", "-]")}


def comparison_view(
    comparison: Any, width: int = 110, color: bool = False, full: bool | None = None
) -> str:
    """Two columns, one row per matched pair, then the unmatched items of each side.

    Under each pair, its word diff: of the full texts for one province over time (or with
    ``full``), of the titles otherwise (two provinces' long texts differ almost everywhere).
    """
    from compiler.align.changes import change_of
    from compiler.align.matching import word_diff

    full = comparison.same_province if full is None else full
    left, right = comparison.left, comparison.right
    column = (width - 9) // 2
    lines = [f"{left.describe()}  ⟷  {right.describe()}"]
    for section in comparison.sections:
        matching = section.matching
        lines += [
            "",
            f"[{section.kind.value}] {len(matching.pairs)} pair(s), "
            f"{len(matching.unmatched_left)} + {len(matching.unmatched_right)} unmatched",
        ]
        over_time = section.changes is not None  # one province, two meetings
        for pair in matching.pairs:
            status = change_of(pair).value if over_time else ""
            lines += _side_by_side(pair.left, pair.right, f"{pair.score:.2f}", column, status)
            runs = pair.diff if full else word_diff(pair.left.title, pair.right.title)
            lines.append(
                "      "
                + textwrap.fill(diff_text(runs, color), width - 6, subsequent_indent="      ")
            )
        for item in matching.unmatched_left:
            lines += _side_by_side(item, None, "  — ", column, "dropped" if over_time else "")
        for item in matching.unmatched_right:
            lines += _side_by_side(None, item, "  — ", column, "new" if over_time else "")
    return "\n".join(lines)


def _side_by_side(
    left: Item | None, right: Item | None, middle: str, column: int, status: str
) -> list[str]:
    def cell(item: Item | None) -> list[str]:
        if item is None:
            return [""]
        return textwrap.wrap(f"{item.label or '·'} {item.title}", column) or [""]

    a, b = cell(left), cell(right)
    a += [""] * (len(b) - len(a))
    b += [""] * (len(a) - len(b))
    rows = [
        f"{left_line:<{column}} {middle if n == 0 else '':^5} {right_line}".rstrip()
        for n, (left_line, right_line) in enumerate(zip(a, b, strict=True))
    ]
    if status:
        rows[0] += f"  ({status})"
    return [""] + rows


def diff_text(runs: list[Any], color: bool = False) -> str:
    """Word diff in one line: deletions as [-…-], insertions as {+…+} (or coloured)."""
    parts = []
    for run in runs:
        op = run.op.value
        if op == "equal":
            parts.append(run.text)
        elif color:
            parts.append(
                click.style(
                    run.text,
                    fg="red" if op == "delete" else "green",
                    strikethrough=op == "delete",
                    underline=op == "insert",
                )
            )
        else:
            opening, closing = _DIFF_MARKS[op]
            parts.append(f"{opening}{run.text}{closing}")
    return " ".join(parts)


def themes_view(section_themes: list[Any], width: int = 110) -> str:
    lines: list[str] = []
    for entry in section_themes:
        themes, unique = entry.themes.themes, entry.themes.unique
        lines += [
            "",
            f"[{entry.kind.value}] {len(themes)} shared theme(s), {len(unique)} unique item(s)",
        ]
        for n, theme in enumerate(themes, start=1):
            lines.append(f"  {n}. {theme.label}")
            lines.append(f"     {len(theme.provinces)} provinces: {', '.join(theme.provinces)}")
            for member in theme.members:
                text = f"{member.province}: {member.item.label or '·'} {member.item.title}"
                lines.append("       - " + textwrap.shorten(text, width - 9))
        if unique:
            lines.append("  Unique:")
            for member in unique:
                text = f"{member.province}: {member.item.label or '·'} {member.item.title}"
                lines.append("     - " + textwrap.shorten(text, width - 7))
    return "\n".join(lines).lstrip("\n")


# --- key figures and asks ----------------------------------------------------------------------


def figures_view(figures: list[Any], width: int = 110) -> str:
    """Every figure, per province in text order, then the categories several provinces
    report side by side (each figure with its period)."""
    from compiler.figures import shared_categories, side_by_side

    lines: list[str] = []
    for province, listed in _by_province(figures):
        lines += ["", f"{province or '(general)'} — {len(listed)} figure(s)"]
        for figure in listed:
            period = f" [{figure.period}]" if figure.period else ""
            where = f"{figure.section.value}, {figure.provenance.describe()}"
            text = f"{figure.category:<19} {figure.quoted}{period}  ({where})"
            lines.append("  " + (text if len(text) <= width - 2 else text[: width - 3] + "…"))
    for category in shared_categories(figures):
        lines += ["", f"Side by side: {category}"]
        rows = side_by_side(figures, category)
        name_width = max(len(province) for province, _ in rows)
        for province, listed in rows:
            cells = "; ".join(f.quoted + (f" [{f.period}]" if f.period else "") for f in listed)
            lines.append(
                textwrap.fill(
                    cells,
                    width,
                    initial_indent=f"  {province:<{name_width}}  ",
                    subsequent_indent=" " * (name_width + 4),
                )
            )
    return "\n".join(lines).lstrip("\n") or "No figures found."


def asks_view(asks: list[Any], width: int = 110) -> str:
    """Every ask, per province, with its addressees (and where they were read), action and
    theme; then how many asks each addressee receives."""
    from compiler.asks import by_addressee

    lines: list[str] = []
    for province, listed in _by_province(asks):
        lines += ["", f"{province or '(general)'} — {len(listed)} ask(s)"]
        for ask in listed:
            to = ", ".join(ask.addressees) or "(no addressee named)"
            source = f" (from {ask.addressed_in})" if ask.addressed_in not in ("", "item") else ""
            lines.append(f"  → {to}{source} · {ask.action or '—'} · {ask.provenance.describe()}")
            if ask.theme:
                lines.append(f"    theme: {ask.theme}")
            lines.append("    " + textwrap.shorten(ask.text, width - 4, placeholder="…"))
    groups = by_addressee(asks)
    if groups:
        lines += ["", "By addressee:"]
        for name, listed in groups:
            provinces = ", ".join(sorted({a.province or "(general)" for a in listed}))
            lines.append(f"  {name or '(none named)'}: {len(listed)} ask(s) from {provinces}")
    return "\n".join(lines).lstrip("\n") or "No proposal items found."


def _by_province(records: list[Any]) -> list[tuple[str | None, list[Any]]]:
    groups: dict[tuple[str, str | None], list[Any]] = {}
    for record in records:
        groups.setdefault((record.provenance.source, record.province), []).append(record)
    return [(province, listed) for (_, province), listed in groups.items()]


# --- search and the store ------------------------------------------------------------------


def search_view(found: Any, width: int = 110) -> str:
    """The best passages, each with where it comes from, as ``brief search`` prints them."""
    from compiler.model import Provenance

    shown = len(found.results)
    lines = [f'{shown} of {found.total} passage(s) for "{found.query}"']
    for n, result in enumerate(found.results, start=1):
        label = f" · {result['label']}" if result["label"] else ""
        where = Provenance(**result["provenance"]).describe()
        lines += [
            "",
            f"{n:>2}. {result['province'] or '(general)'} · {result['meeting']} · "
            f"{result['section']}{label}  [{result['score']:.2f}]",
            textwrap.fill(
                textwrap.shorten(result["text"], 4 * (width - 4), placeholder=" …"),
                width,
                initial_indent="    ",
                subsequent_indent="    ",
            ),
            f"    ({where})",
        ]
    return "\n".join(lines)


def store_view(summary: dict[str, Any]) -> str:
    """``brief store list``: the meetings kept, then the documents and the file's size."""
    lines = []
    for meeting in summary["meetings"]:
        lines.append(
            f"{meeting['name']}  {meeting['date'] or '(no date)'}  "
            f"{len(meeting['files'])} file(s), {meeting['provinces']} province(s), "
            f"{meeting['passages']} passage(s)  built {meeting['built_at']}"
        )
        if meeting["manifest"]:
            lines.append(f"  manifest: {meeting['manifest']}")
        lines += [f"  {path}" for path in meeting["files"]]
    unused = summary["unused"]
    tidy = f", {unused} no meeting uses ('brief store gc' removes them)" if unused else ""
    lines.append(
        f"{summary['store']}: {len(summary['meetings'])} meeting(s), "
        f"{summary['documents']} document(s){tidy}; {summary['bytes'] / 1e6:,.1f} MB; "
        f"reading {summary['reading']}"
    )
    return "\n".join(lines)
