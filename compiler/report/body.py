"""The brief's body: an overview table, then for each section kind the themes several
provinces share and every province's items, one line each (or in full with ``Detail.FULL``).

A shared item points to its theme ("[vấn đề 2]"); an item's reference ("mục 3.2") links to
its full text in the annex. Provinces follow Vietnamese alphabetical order.
"""

from __future__ import annotations

from compiler.align.strength import theme_strength
from compiler.align.themes import Member, Theme
from compiler.collation import vietnamese_key
from compiler.enumeration import to_roman as roman
from compiler.labels import Labels
from compiler.model import Item, SectionKind
from compiler.report.catalogue import Catalogue, Detail, PaperEntry, kind_scope, province_scope
from compiler.report.concise import lead
from compiler.report.model import (
    Cell,
    Column,
    Element,
    Heading,
    ItemList,
    ListEntry,
    Paragraph,
    ParagraphStyle,
    Run,
    RunStyle,
    Scope,
    Table,
)

BARE_BULLETS = ("", "-", "+", "•", "–")  # labels that say nothing about the item


def overview(catalogue: Catalogue, number: int) -> list[Element]:
    """Items per section kind of every paper (a landscape table), and how to read matches."""
    text = catalogue.text
    kinds = list(SectionKind)
    rows, scopes = [], []
    for ref in catalogue.province_papers() + _general_papers(catalogue):
        paper = ref.paper
        scopes.append(province_scope(paper.province))
        counts = [len(paper.items(kind)) if paper.section(kind) else None for kind in kinds]
        rows.append(
            (
                Cell.plain(catalogue.paper_name(ref)),
                Cell.plain(paper.province_2025 or text.none),
                *(Cell.plain(text.none if n is None else str(n)) for n in counts),
            )
        )
    width = 0.72 / len(kinds)
    columns = (
        Column(text.province, 0.16),
        Column(text.unit_2025, 0.12),
        *(Column(text.kinds[kind], width) for kind in kinds),
    )
    table = Table(
        columns,
        tuple(rows),
        caption=text.overview_caption,
        landscape=True,
        row_scopes=tuple(scopes),
    )
    return [Heading(1, f"{roman(number)}. {text.overview}"), table, *figures_table(catalogue)]


def figures_table(catalogue: Catalogue) -> list[Element]:
    """Every category that two provinces or more report, province by province, each figure
    with its period (the summary's key-figures lines link here)."""
    from compiler.figures import shared_categories, side_by_side
    from compiler.report.summary import distinct_quotes

    text = catalogue.text
    rows: list[tuple[Cell, ...]] = []
    scopes: list[Scope | None] = []
    for category in shared_categories(catalogue.figures):
        listed = sorted(
            side_by_side(catalogue.figures, category), key=lambda r: vietnamese_key(r[0])
        )
        for n, (province, figures) in enumerate(listed):
            name = text.figure_categories[category] if n == 0 else ""
            anchor = "figures" if not rows else None
            rows.append(
                (
                    Cell((Paragraph((Run(name, bold=True),), anchor=anchor),)),
                    Cell.plain(province),
                    Cell.plain("; ".join(distinct_quotes(figures))),
                )
            )
            scopes.append(province_scope(province))
    if not rows:
        return []
    columns = (
        Column(text.figure_category, 0.24),
        Column(text.province, 0.18),
        Column(text.figures_column, 0.58),
    )
    return [Table(columns, tuple(rows), caption=text.figures_caption, row_scopes=tuple(scopes))]


def _general_papers(catalogue: Catalogue) -> list[PaperEntry]:
    return [ref for ref in catalogue.papers if not ref.paper.province]


def kind_part(catalogue: Catalogue, kind: SectionKind, number: int, detail: Detail) -> list:
    text = catalogue.text
    elements: list[Element] = [
        Heading(
            1,
            f"{roman(number)}. {text.kinds[kind]}",
            anchor=catalogue.kind_anchor(kind),
            scope=kind_scope(kind),
        ),
        Heading(2, f"1. {text.shared_themes}"),
    ]
    themes = catalogue.themes_of(kind)
    if themes:
        elements.append(_themes_table(catalogue, kind, themes))
    else:
        elements.append(Paragraph.plain(text.no_themes))
    elements.append(Heading(2, f"2. {text.by_province}"))
    missing = []
    for ref in catalogue.province_papers():
        items = ref.paper.items(kind)
        if not items:
            missing.append(catalogue.paper_name(ref))
            continue
        name = catalogue.paper_name(ref)
        scope = province_scope(ref.paper.province)
        elements.append(Heading(3, name, in_contents=False, scope=scope))
        entries = tuple(_entry(catalogue, item, detail) for item in items)
        elements.append(ItemList(entries))
    if missing:
        line = text.missing_kind.format(provinces=", ".join(missing))
        elements.append(Paragraph.plain(line, ParagraphStyle.NOTE))
    return elements


def _themes_table(catalogue: Catalogue, kind: SectionKind, themes: list[Theme]) -> Table:
    """One row per theme: its label, the provinces raising it (each item linked), how alike."""
    text = catalogue.text
    rows, scopes = [], []
    for number, theme in enumerate(themes, start=1):
        scopes.append(province_scope(*theme.provinces))
        label = Paragraph(
            (Run(f"{number}. {theme.label}"),), anchor=catalogue.theme_anchor(kind, number)
        )
        word = theme_strength(theme.cohesion)
        rows.append(
            (
                Cell((label,)),
                Cell((Paragraph(tuple(_members_runs(catalogue, theme.members))),)),
                Cell.plain(text.strength[word.value] if word else text.none),
            )
        )
    columns = (
        Column(text.theme, 0.36),
        Column(text.raised_by, 0.46),
        Column(text.score, 0.18),
    )
    return Table(columns, tuple(rows), row_scopes=tuple(scopes))


def _members_runs(catalogue: Catalogue, members: list[Member]) -> list[Run]:
    """ "Đà Nẵng (mục 3, ý 3); Lạng Sơn (mục 3.2)", each reference linking to the item."""
    runs: list[Run] = []
    ordered = sorted(
        members, key=lambda m: (vietnamese_key(m.province), m.item.provenance.line_start or 0)
    )
    for n, member in enumerate(ordered):
        if n:
            runs.append(Run("; "))
        runs.append(Run(member.province, bold=True))
        where = catalogue.reference(member.item, with_province=False)
        if where:
            link = catalogue.body_anchor(member.item)
            runs.append(Run(f" ({where})", style=RunStyle.MUTED, link=link))
    return runs


def _entry(catalogue: Catalogue, item: Item, detail: Detail) -> ListEntry:
    text = catalogue.text
    body = item.text if detail is Detail.FULL else lead(item)
    runs = [Run(body)]
    folded = () if body == item.text else full_text(item)
    theme = catalogue.theme_of(item)
    if theme:
        kind, number = theme
        mark = text.theme_ref.format(number=number)
        runs.append(Run(f" [{mark}]", italic=True, link=catalogue.theme_anchor(kind, number)))
    label = item.label if item.label not in BARE_BULLETS else "•"
    note = catalogue.reference(item, with_province=False)
    return ListEntry(
        label,
        tuple(runs),
        note=note,
        note_link=catalogue.annex_anchor(item) if note else None,
        anchor=catalogue.body_anchor(item),
        folded=folded,
    )


def full_text(item: Item) -> tuple[Paragraph, ...]:
    """The item in full, one paragraph per source paragraph."""
    return tuple(Paragraph.plain(part) for part in item.text.split("\n") if part.strip())


def strength_note(text: Labels) -> Paragraph:
    return Paragraph.plain(text.strength_note, ParagraphStyle.NOTE)
