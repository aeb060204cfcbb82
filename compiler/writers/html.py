"""HTML writer: renders a ``Report`` as one self-contained page to explore in a browser.

One file, nothing fetched: the style sheet (``report.css``) and the script (``report.js``)
are inlined, fonts are the system's (a stack of faces with Vietnamese coverage), and a
Content-Security-Policy allows no network at all and no script but ours (by its hash).
Every string of the report is escaped (``html.escape``), so a paper can never inject markup
or script: its text stays text. The page works without the script; the script adds the
reading aids:

- filters by province and by section kind, and a search box (diacritics optional), which
  hide the entries, table rows and paragraphs that do not match, and the parts left empty;
  they act on the report's ``Scope``s (HTML data attributes);
- an entry's ``folded`` text (the item in full) collapsed under it (``<details>``);
- following a link to a part a filter hides clears the filters first.

Layout: headings nest into ``<section>``s (report heading level n is ``<h(n+1)>``, the title
is the ``<h1>``); anchors are ids and links ``#anchor``; tables have ``<th scope="col">``
headers, wide tables scroll sideways on narrow screens and are printed on landscape A4
pages; diffs are ``<ins>``/``<del>``. The print style sheet lays the page out on A4 with the
margins of Nghị định 30 (filters and toggles left out). The stamp in ``<meta
name="generator">`` keeps brief from reading the page back as a source.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections.abc import Iterator
from html import escape
from importlib import resources
from pathlib import Path

from compiler import REPORT_STAMP
from compiler.collation import vietnamese_key
from compiler.errors import OutputError
from compiler.labels import LANGUAGES, Labels
from compiler.model import SectionKind
from compiler.report import model as m
from compiler.writers import WriterOptions, atomic_output

SUFFIX = ".html"

# Characters HTML does not allow in text (C0/C1 controls but tab and newline, lone
# surrogates, non-characters): the report model should hold none; never let one through.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_ENDS = re.compile("\r\n?")


def write(report: m.Report, path: Path, options: WriterOptions) -> None:
    """Render ``report`` into ``path`` (atomically); ``options`` has nothing for HTML."""
    del options  # the DOCX template does not apply to HTML
    page = render(report).encode("utf-8")
    try:
        with atomic_output(path) as temp:
            temp.write_bytes(page)
    except OSError as error:
        raise OutputError(path, f"cannot write HTML ({error.strerror or error})") from error


def render(report: m.Report) -> str:
    return _Page(report).render()


# --- assets ------------------------------------------------------------------------------


@functools.cache
def _asset(name: str) -> str:
    return (resources.files("compiler.writers") / name).read_text(encoding="utf-8")


def _policy(script: str) -> str:
    """No network, no plugins, no forms sent anywhere; our one inline script, by hash."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src 'sha256-{digest}'; img-src data:; base-uri 'none'; form-action 'none'"
    )


# --- text --------------------------------------------------------------------------------


def text(value: str) -> str:
    """User text as HTML: cleaned, escaped, line breaks as <br>."""
    cleaned = _ILLEGAL.sub("", _LINE_ENDS.sub("\n", value))
    return escape(cleaned, quote=True).replace("\n", "<br>")


def attribute(value: str) -> str:
    """A value for a double-quoted attribute (line breaks are spaces there)."""
    return escape(" ".join(_ILLEGAL.sub("", value).split()), quote=True)


def run_html(run: m.Run) -> str:
    """A run's text in its inline elements; its outer spaces stay outside them (a link or a
    diff never starts or ends with an underlined space)."""
    rest = run.text.lstrip(" ")
    core = rest.rstrip(" ")
    if not core:
        return text(run.text)
    lead, trail = run.text[: len(run.text) - len(rest)], rest[len(core) :]
    html = text(core)
    if run.style is m.RunStyle.INSERTED:
        html = f"<ins>{html}</ins>"
    elif run.style is m.RunStyle.DELETED:
        html = f"<del>{html}</del>"
    elif run.style is m.RunStyle.MUTED:
        html = f'<span class="muted">{html}</span>'
    elif run.style is m.RunStyle.NOTE_MARK:
        html = f"<sup>{html}</sup>"
    if run.italic:
        html = f"<i>{html}</i>"
    if run.bold:
        html = f"<b>{html}</b>"
    if run.link:
        html = f'<a href="#{attribute(run.link)}">{html}</a>'
    return f"{text(lead)}{html}{text(trail)}"


def runs_html(runs: tuple[m.Run, ...]) -> str:
    return "".join(run_html(run) for run in runs)


_PARAGRAPH_CLASS = {
    m.ParagraphStyle.BODY: "",
    m.ParagraphStyle.CAPTION: "caption",
    m.ParagraphStyle.NOTE: "note",
    m.ParagraphStyle.CENTERED: "center",
}


# --- the page ----------------------------------------------------------------------------


class _Facets:
    """The provinces and section kinds the report's scopes name, numbered for the filters:
    provinces in Vietnamese alphabetical order, kinds in their canonical order."""

    def __init__(self, report: m.Report) -> None:
        scopes = list(_scopes(report.elements))
        self.provinces = sorted(
            {p for s in scopes for p in s.provinces}, key=lambda p: (vietnamese_key(p), p)
        )
        named = {k for s in scopes for k in s.kinds}
        self.kinds: list[str] = [kind.value for kind in SectionKind if kind.value in named]
        self._province = {p: str(n) for n, p in enumerate(self.provinces)}
        self._kind = {k: str(n) for n, k in enumerate(self.kinds)}

    def attributes(self, scope: m.Scope | None) -> str:
        """``data-p``/``data-k``: the numbers of the scope's provinces and kinds."""
        if scope is None:
            return ""
        html = ""
        if scope.provinces:
            html += f' data-p="{" ".join(self._province[p] for p in scope.provinces)}"'
        if scope.kinds:
            html += f' data-k="{" ".join(self._kind[k] for k in scope.kinds)}"'
        return html


def _scopes(elements: list[m.Element]) -> Iterator[m.Scope]:
    for element in elements:
        if isinstance(element, m.Heading | m.Paragraph) and element.scope:
            yield element.scope
        elif isinstance(element, m.ItemList):
            yield from (entry.scope for entry in element.entries if entry.scope)
        elif isinstance(element, m.Table):
            yield from (scope for scope in element.row_scopes if scope)


class _Page:
    def __init__(self, report: m.Report) -> None:
        self.report = report
        self.language = report.language.split("-")[0].lower()
        self.words: Labels = LANGUAGES.get(self.language, LANGUAGES["vi"])
        self.facets = _Facets(report)
        self.heading_ids = _heading_ids(report)
        self.front: list[str] = []  # the cover and the contents, before the filters
        self.main: list[str] = []
        self.open_levels: list[int] = []  # heading levels of the open <section>s
        self.headings = 0
        self.tables = 0

    def render(self) -> str:
        elements = self.report.elements
        for index, element in enumerate(elements):
            following = elements[index + 1] if index + 1 < len(elements) else None
            self._element(element, following)
        self._close_sections(1)
        script = _asset("report.js")
        head = (
            "<!DOCTYPE html>\n"
            f'<html lang="{attribute(self.language)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="generator" content="{REPORT_STAMP}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{_policy(script)}">\n'
            f'<meta name="author" content="{attribute(self.report.author)}">\n'
            f'<meta name="date" content="{self.report.created.isoformat()}">\n'
            f"<title>{text(self.report.title)}</title>\n"
            f"<style>\n{_asset('report.css')}</style>\n</head>\n<body>\n"
        )
        skip = f'<a class="skip" href="#main">{text(self.words.skip_to_content)}</a>\n'
        return (
            head
            + skip
            + "".join(self.front[:1])
            + self._filters()
            + "".join(self.front[1:])
            + '<main id="main">\n'
            + "".join(self.main)
            + "</main>\n"
            + f"<script>{script}</script>\n</body>\n</html>\n"
        )

    # -- elements --

    def _element(self, element: m.Element, following: m.Element | None) -> None:
        if isinstance(element, m.TitleBlock):
            self.front.append(_cover(element))
        elif isinstance(element, m.TableOfContents):
            self.front.append(self._contents(element))
        elif isinstance(element, m.PageBreak):
            if self.main:  # a break before the body is the cover's or the contents' own
                self.main.append('<div class="page-break"></div>\n')
        elif isinstance(element, m.Heading):
            wide = isinstance(following, m.Table) and following.landscape
            self._heading(element, wide)
        elif isinstance(element, m.Paragraph):
            self.main.append(self._paragraph(element))
        elif isinstance(element, m.ItemList):
            self.main.append(self._item_list(element))
        elif isinstance(element, m.Table):
            self.main.append(self._table(element))

    def _heading(self, heading: m.Heading, wide: bool) -> None:
        level = min(max(heading.level, 1), 5)
        self._close_sections(level)
        self.open_levels.append(level)
        ident = self.heading_ids[self.headings]
        self.headings += 1
        tag = f"h{level + 1}"
        css = ' class="wide"' if wide else ""
        self.main.append(
            f"<section{self.facets.attributes(heading.scope)}>\n"
            f'<{tag} id="{attribute(ident)}"{css}>{text(heading.text)}</{tag}>\n'
        )

    def _close_sections(self, level: int) -> None:
        while self.open_levels and self.open_levels[-1] >= level:
            self.open_levels.pop()
            self.main.append("</section>\n")

    def _paragraph(self, paragraph: m.Paragraph, scoped: bool = True) -> str:
        css = _PARAGRAPH_CLASS[paragraph.style]
        attrs = f' id="{attribute(paragraph.anchor)}"' if paragraph.anchor else ""
        attrs += f' class="{css}"' if css else ""
        attrs += self.facets.attributes(paragraph.scope) if scoped else ""
        return f"<p{attrs}>{runs_html(paragraph.runs)}</p>\n"

    def _item_list(self, items: m.ItemList) -> str:
        # The labels' column: as wide as the longest label (about 0.6 em a bold letter), so
        # that the texts of one list line up; a longer label widens its own line only.
        longest = max((len(entry.label) for entry in items.entries), default=1)
        width = min(max(longest, 2), 12) * 0.6
        lines = [f'<ul class="items" style="--label:{width:.1f}em">\n']
        for entry in items.entries:
            attrs = f' id="{attribute(entry.anchor)}"' if entry.anchor else ""
            attrs += self.facets.attributes(entry.scope)
            body = runs_html(entry.runs)
            if entry.note:
                note = text(entry.note)
                if entry.note_link:
                    note = f'<a href="#{attribute(entry.note_link)}">{note}</a>'
                body += f' <span class="note">{note}</span>'
            if entry.folded:
                inner = "".join(self._paragraph(p, scoped=False) for p in entry.folded)
                body += f"<details><summary>{text(self.words.full_text)}</summary>{inner}</details>"
            lines.append(
                f'<li{attrs}><span class="label">{text(entry.label)}</span>'
                f'<div class="entry">{body}</div></li>\n'
            )
        lines.append("</ul>\n")
        return "".join(lines)

    def _table(self, table: m.Table) -> str:
        self.tables += 1
        caption_id = f"table-{self.tables}"
        parts = []
        if table.landscape:  # wider than a phone: a region that scrolls, keyboard included
            label = f' aria-labelledby="{caption_id}"' if table.caption else ""
            parts.append(f'<div class="table wide" role="region" tabindex="0"{label}>\n')
        else:
            parts.append('<div class="table">\n')
        parts.append("<table>\n")
        if table.caption:
            parts.append(f'<caption id="{caption_id}">{text(table.caption)}</caption>\n')
        parts.append("<colgroup>")
        total = sum(max(column.width, 0.0) for column in table.columns) or 1.0
        for column in table.columns:
            parts.append(f'<col style="width:{100 * max(column.width, 0.0) / total:.1f}%">')
        parts.append("</colgroup>\n<thead><tr>")
        parts.extend(f'<th scope="col">{text(c.title)}</th>' for c in table.columns)
        parts.append("</tr></thead>\n<tbody>\n")
        # Each cell's column title, shown above it where rows are stacked (phones).
        titles = [
            "" if table.landscape else f' data-title="{attribute(column.title)}"'
            for column in table.columns
        ]
        for index, row in enumerate(table.rows):
            scope = table.row_scopes[index] if index < len(table.row_scopes) else None
            parts.append(f"<tr{self.facets.attributes(scope)}>")
            for cell, title in zip(row, titles, strict=False):
                parts.append(f"<td{title}>{self._cell(cell)}</td>")
            parts.append("</tr>\n")
        parts.append("</tbody>\n</table>\n</div>\n")
        return "".join(parts)

    def _cell(self, cell: m.Cell) -> str:
        paragraphs = cell.paragraphs
        if len(paragraphs) == 1 and paragraphs[0] == m.Paragraph(paragraphs[0].runs):
            return runs_html(paragraphs[0].runs)  # one plain paragraph: no <p> needed
        return "".join(self._paragraph(p).rstrip("\n") for p in paragraphs)

    def _contents(self, toc: m.TableOfContents) -> str:
        """The contents: every heading ``in_contents``, nested by level, each a link; open
        (the script folds it on a phone, where it would stand between the filters and what
        they show)."""
        lines = [
            '<nav class="toc" aria-labelledby="contents">\n<details open>'
            f'<summary><h2 id="contents">{text(toc.title)}</h2></summary>\n'
        ]
        depth = 0
        headings = [e for e in self.report.elements if isinstance(e, m.Heading)]
        for heading, ident in zip(headings, self.heading_ids, strict=True):
            if not heading.in_contents:
                continue
            level = min(max(heading.level, 1), 5)
            if level > depth:  # a skipped level gets an empty entry: lists stay well formed
                lines.append("<ul>" + "<li><ul>" * (level - depth - 1))
            else:
                lines.append("</li>" + "</ul></li>" * (depth - level))
            depth = level
            lines.append(f'<li><a href="#{attribute(ident)}">{text(heading.text)}</a>')
        lines.append("</li></ul>" * depth)
        lines.append("\n</details>\n</nav>\n")
        return "".join(lines)

    def _filters(self) -> str:
        """The filter bar: hidden until the script shows it (no script, no dead controls)."""
        words = self.words
        name = attribute(words.filters)
        parts = [f'<form id="filters" class="filters" role="search" aria-label="{name}" hidden>\n']
        parts.append('<div class="bar">\n')
        if len(self.facets.provinces) > 1:
            provinces = self.facets.provinces
            parts.append(_select("p", words.filter_province, words.filter_all, provinces))
        if len(self.facets.kinds) > 1:
            names = [words.kinds[SectionKind(kind)] for kind in self.facets.kinds]
            parts.append(_select("k", words.filter_kind, words.filter_all, names))
        parts.append(
            f'<label>{text(words.search)} <input type="search" name="q" '
            f'placeholder="{attribute(words.search_hint)}" autocomplete="off"></label>\n'
            f'<button type="reset">{text(words.clear_filters)}</button>\n'
            f'<p id="filter-status" role="status" '
            f'data-template="{attribute(words.filter_status)}"></p>\n</div>\n</form>\n'
        )
        return "".join(parts)


def _select(name: str, label: str, everything: str, values: list[str]) -> str:
    options = "".join(
        f'<option value="{n}">{text(value)}</option>' for n, value in enumerate(values)
    )
    return (
        f'<label>{text(label)} <select name="{name}">'
        f'<option value="">{text(everything)}</option>{options}</select></label>\n'
    )


def _cover(block: m.TitleBlock) -> str:
    parts = ['<header class="cover">\n']
    if block.issuer:
        issuer = "<br>".join(text(line) for line in block.issuer)
        parts.append(f'<p class="issuer">{issuer}</p>\n')
    parts.append(f"<h1>{text(block.title)}</h1>\n")
    parts.extend(f'<p class="subtitle">{text(line)}</p>\n' for line in block.subtitle_lines)
    if block.date_line:
        parts.append(f'<p class="date">{text(block.date_line)}</p>\n')
    parts.append("</header>\n")
    return "".join(parts)


def _heading_ids(report: m.Report) -> list[str]:
    """Every heading's id: its anchor, else "h-N" (never one of the report's anchors)."""
    taken = set(report.anchors())
    ids = []
    for n, heading in enumerate(e for e in report.elements if isinstance(e, m.Heading)):
        ident = heading.anchor or f"h-{n + 1}"
        while ident in taken and not heading.anchor:
            ident += "x"
        ids.append(ident)
    return ids
