"""Report builders: documents and alignments → a format-free ``Report``.

``briefing_pack``: cover block, contents, an overview table (provinces × section kinds),
then for each chosen kind the themes several provinces share and every province's items
in full (unique ones marked), and an annex of sources. ``comparison_report``: two papers
side by side, one row per matched pair with its word differences, then what each side has
alone; for one province across two meetings, each row says what changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

from compiler.align import Comparison, SectionThemes
from compiler.align.changes import change_of
from compiler.align.matching import DiffOp, Pair
from compiler.align.themes import Member
from compiler.enumeration import to_roman as roman
from compiler.labels import Labels, date_line, labels
from compiler.model import Document, Item, Paper, SectionKind
from compiler.normalize import clean_text
from compiler.options import PACK_KINDS
from compiler.report.model import (
    Cell,
    Column,
    Heading,
    ItemList,
    ListEntry,
    PageBreak,
    Paragraph,
    ParagraphStyle,
    Report,
    Run,
    RunStyle,
    Table,
    TableOfContents,
    TitleBlock,
)

K = SectionKind


@dataclass(frozen=True, slots=True)
class ReportOptions:
    title: str | None = None  # None: the default title of the language
    created: date = field(default_factory=date.today)
    kinds: tuple[SectionKind, ...] = PACK_KINDS
    language: str = "vi"

    @property
    def labels(self) -> Labels:
        return labels(self.language)


# --- briefing pack ---------------------------------------------------------------------------


def briefing_pack(
    documents: list[Document], themes: list[SectionThemes], options: ReportOptions
) -> Report:
    text = options.labels
    papers = _province_papers(documents)
    title = clean_text(options.title or text.default_title)
    report = Report(title=title, created=options.created, language=_locale(options))
    report.add(
        _cover(title, documents, papers, options), TableOfContents(text.contents), PageBreak()
    )
    report.add(Heading(1, f"{roman(1)}. {text.overview}"), _overview_table(documents, text))
    themes_by_kind = {entry.kind: entry for entry in themes}
    for number, kind in enumerate(options.kinds, start=2):
        report.add(Heading(1, f"{roman(number)}. {text.kinds[kind]}"))
        report.add(*_kind_part(kind, papers, themes_by_kind.get(kind), text))
    report.add(Heading(1, text.annex), _sources_table(documents, text))
    return report


def _locale(options: ReportOptions) -> str:
    return "vi-VN" if options.language == "vi" else "en-GB"


def _cover(title: str, documents: list[Document], papers, options: ReportOptions) -> TitleBlock:
    text = options.labels
    provinces = sorted({paper.province for _, paper in papers if paper.province})
    sources = [PurePath(d.source).name for d in documents]
    return TitleBlock(
        title=title,
        subtitle_lines=(
            text.provinces_line.format(provinces=", ".join(provinces) or text.none),
            text.sources_line.format(sources=", ".join(sources)),
        ),
        date_line=date_line(options.created, options.language),
    )


def _province_papers(documents: list[Document]) -> list[tuple[Document, Paper]]:
    return [(d, p) for d in documents for p in d.papers if p.province]


def _paper_name(
    document: Document, paper: Paper, papers: list[tuple[Document, Paper]], text: Labels
) -> str:
    """The province, with its file when the same province has papers in several files."""
    name = paper.province or text.general_part
    twins = sum(1 for _, other in papers if other.province == paper.province)
    return f"{name} ({PurePath(document.source).name})" if twins > 1 else name


def _overview_table(documents: list[Document], text: Labels) -> Table:
    kinds = list(SectionKind)
    papers = [(d, p) for d in documents for p in d.papers]
    rows = []
    for document, paper in papers:
        counts = [len(paper.items(kind)) if paper.section(kind) else None for kind in kinds]
        rows.append(
            (
                Cell.plain(_paper_name(document, paper, papers, text)),
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
    return Table(columns, tuple(rows), caption=text.overview_caption, landscape=True)


def _kind_part(kind: SectionKind, papers, entry: SectionThemes | None, text: Labels) -> list:
    unique = {id(m.item) for m in entry.themes.unique} if entry else set()
    elements: list = [Heading(2, f"1. {text.shared_themes}")]
    if entry and entry.themes.themes:
        elements.append(_themes_table(entry, text))
    else:
        elements.append(Paragraph.plain(text.no_themes))
    elements.append(Heading(2, f"2. {text.by_province}"))
    for document, paper in papers:
        elements.append(Heading(3, _paper_name(document, paper, papers, text)))
        items = paper.items(kind)
        if items:
            elements.append(
                ItemList(tuple(_entry(item, id(item) in unique, text) for item in items))
            )
        else:
            elements.append(Paragraph.plain(text.no_items, ParagraphStyle.NOTE))
    return elements


def _themes_table(entry: SectionThemes, text: Labels) -> Table:
    """One row per theme: its label, the provinces raising it, and how each of them words it."""
    rows = []
    for number, theme in enumerate(entry.themes.themes, start=1):
        wordings = Cell(tuple(_wording(member) for member in theme.members))
        rows.append(
            (
                Cell.plain(f"{number}. {theme.label}"),
                Cell.plain(", ".join(theme.provinces)),
                wordings,
            )
        )
    columns = (
        Column(text.theme, 0.27),
        Column(text.raised_by, 0.18),
        Column(text.representative, 0.55),
    )
    return Table(columns, tuple(rows))


def _wording(member: Member) -> Paragraph:
    shown = member.item.label not in ("", "-", "+", "•", "–")  # a bare bullet says nothing
    label = f" ({member.item.label})" if shown else ""
    return Paragraph(
        (
            Run(f"{member.province}{label}: ", bold=True),
            Run(member.item.title),
            Run(f" ({member.item.provenance.describe()})", style=RunStyle.MUTED),
        )
    )


def _entry(item: Item, unique: bool, text: Labels) -> ListEntry:
    runs = [Run(item.text)]
    if unique:
        runs.append(Run(f" {text.unique_mark}", bold=True, italic=True))
    return ListEntry(item.label or "•", tuple(runs), note=item.provenance.describe())


def _sources_table(documents: list[Document], text: Labels) -> Table:
    rows = []
    for document in documents:
        lines = [
            Paragraph(
                (
                    Run(f"{paper.province or text.general_part}: ", bold=True),
                    Run(paper.title or text.none),
                    Run(f" ({_where(paper, text)})", style=RunStyle.MUTED),
                )
            )
            for paper in document.papers
        ]
        rows.append(
            (
                Cell.plain(f"{document.source} ({document.format})"),
                Cell(tuple(lines) or (Paragraph.plain(text.none),)),
            )
        )
    return Table((Column(text.source, 0.3), Column(text.papers, 0.7)), tuple(rows))


def _where(paper: Paper, text: Labels) -> str:
    prov = paper.provenance
    if prov.line_start is not None:
        return f"{text.lines} {prov.line_start}–{prov.line_end}"
    if prov.paragraph_start is not None:
        return f"{text.paragraphs_word} {prov.paragraph_start}–{prov.paragraph_end}"
    return f"{text.pages_word} {prov.page_start}–{prov.page_end}"


# --- comparison ------------------------------------------------------------------------------


def comparison_report(comparison: Comparison, options: ReportOptions) -> Report:
    text = options.labels
    left, right = comparison.left, comparison.right
    left_name, right_name = _side_name(left, comparison), _side_name(right, comparison)
    if comparison.same_province:
        title = text.changes_title.format(
            province=left.paper.province,
            left=PurePath(left.document.source).name,
            right=PurePath(right.document.source).name,
        )
    else:
        title = text.comparison_title.format(left=left_name, right=right_name)
    title = clean_text(options.title or title)
    report = Report(title=title, created=options.created, language=_locale(options))
    report.add(
        TitleBlock(
            title, (left.describe(), right.describe()), date_line(options.created, options.language)
        )
    )
    for number, section in enumerate(comparison.sections, start=1):
        kind_name = text.kinds[section.kind]
        report.add(Heading(1, f"{roman(number)}. {kind_name}"))
        report.add(_pairs_table(section, left_name, right_name, kind_name, text))
        report.add(*_alone(section.matching.unmatched_left, left_name, "dropped", section, text))
        report.add(*_alone(section.matching.unmatched_right, right_name, "new", section, text))
    return report


def _side_name(ref, comparison: Comparison) -> str:
    """The province, or for one province across two meetings, the source file."""
    if comparison.same_province or not ref.paper.province:
        return PurePath(ref.document.source).name
    return ref.paper.province


def _pairs_table(section, left_name: str, right_name: str, kind_name: str, text: Labels) -> Table:
    over_time = section.changes is not None  # one province, two meetings
    rows = []
    for pair in section.matching.pairs:
        status = f"\n{text.change_status[change_of(pair).value]}" if over_time else ""
        middle = f"{pair.score:.2f}{status}"
        rows.append(
            (_diff_cell(pair, DiffOp.DELETE), Cell.plain(middle), _diff_cell(pair, DiffOp.INSERT))
        )
    columns = (Column(left_name, 0.43), Column(text.score, 0.14), Column(right_name, 0.43))
    return Table(columns, tuple(rows), caption=text.pairs_caption.format(kind=kind_name))


def _diff_cell(pair: Pair, shown: DiffOp) -> Cell:
    """One side of a pair: its label, then its words with what only it has marked."""
    item = pair.left if shown == DiffOp.DELETE else pair.right
    style = RunStyle.DELETED if shown == DiffOp.DELETE else RunStyle.INSERTED
    runs = [Run(f"{item.label} ", bold=True)] if item.label else []
    for run in pair.diff:
        if run.op == DiffOp.EQUAL:
            runs.append(Run(run.text + " "))
        elif run.op == shown:
            runs.append(Run(run.text, style=style))
            runs.append(Run(" "))
    note = Paragraph((Run(item.provenance.describe(), style=RunStyle.MUTED),), ParagraphStyle.NOTE)
    return Cell((Paragraph(tuple(runs)), note))


def _alone(items: list[Item], side: str, change: str, section, text: Labels) -> list:
    if not items:
        return []
    heading = text.only_in.format(side=side)
    if section.changes is not None:
        heading = f"{heading} ({text.change_status[change].lower()})"
    entries = tuple(
        ListEntry(i.label or "•", (Run(i.text),), i.provenance.describe()) for i in items
    )
    return [Heading(2, heading), ItemList(entries)]
