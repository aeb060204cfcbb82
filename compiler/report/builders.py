"""Report builders: documents and alignments → a format-free ``Report``.

``briefing_pack``: a brief a leader reads in five minutes. The cover on its own page, the
contents, the summary ("Những điểm chính"), the body (an overview table, then for each
chosen kind the shared themes and every province's items, one line each), and the annex
with every paper in full and the sources. ``comparison_report``: two papers side by side,
one row per matched pair; near-identical pairs (and one province across two meetings)
show their word differences, other pairs their plain text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

from compiler.align import Comparison, SectionThemes
from compiler.align.changes import change_of
from compiler.align.history import History
from compiler.align.matching import DiffOp, Pair
from compiler.align.strength import redline, strength
from compiler.enumeration import to_roman as roman
from compiler.labels import Labels, date_line, labels
from compiler.model import Document, Item, SectionKind
from compiler.normalize import clean_text
from compiler.options import PACK_KINDS
from compiler.report import annex, body
from compiler.report.catalogue import (
    Catalogue,
    Detail,
    SourceNotes,
    kind_scope,
    province_scope,
)
from compiler.report.meetings import meeting_chapters
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
from compiler.report.summary import summary

K = SectionKind


@dataclass(frozen=True, slots=True)
class ReportOptions:
    title: str | None = None  # None: the default title of the language
    created: date = field(default_factory=date.today)
    kinds: tuple[SectionKind, ...] = PACK_KINDS
    language: str = "vi"
    detail: Detail = Detail.CONCISE
    provenance: SourceNotes = SourceNotes.SHORT
    annex: bool = True
    issuer: str | None = None  # the issuing body; "\n" separates its lines

    @property
    def labels(self) -> Labels:
        return labels(self.language)


# --- briefing pack ---------------------------------------------------------------------------


def briefing_pack(
    documents: list[Document],
    themes: list[SectionThemes],
    options: ReportOptions,
    history: History | None = None,
) -> Report:
    from compiler.asks import find_asks
    from compiler.figures import find_figures

    text = options.labels
    catalogue = Catalogue(
        documents,
        {entry.kind: entry for entry in themes},
        text,
        notes=options.provenance,
        with_annex=options.annex,
        body_kinds=options.kinds,
        figures=find_figures(documents),
        asks=find_asks(documents, themes) if K.PROPOSALS in options.kinds else [],
    )
    title = clean_text(options.title or text.default_title)
    report = Report(title=title, created=options.created, language=_locale(options))
    report.add(_cover(title, catalogue, options), PageBreak(), TableOfContents(text.contents))
    report.add(PageBreak())
    numbers = {kind: roman(n) for n, kind in enumerate(options.kinds, start=2)}
    report.add(*summary(catalogue, options.kinds, numbers))
    report.add(*body.overview(catalogue, 1), body.strength_note(text))
    for number, kind in enumerate(options.kinds, start=2):
        report.add(*body.kind_part(catalogue, kind, number, options.detail))
    report.add(*meeting_chapters(history, options.language, len(options.kinds) + 2))
    if options.annex:
        report.add(PageBreak(), *annex.full_texts(catalogue))
    report.add(PageBreak(), *annex.sources(catalogue))
    return report


def _locale(options: ReportOptions) -> str:
    return "vi-VN" if options.language == "vi" else "en-GB"


def issuer_lines(issuer: str | None) -> tuple[str, ...]:
    """The issuing body as Nghị định 30 prints it: upper case, one line per level."""
    if not issuer:
        return ()
    return tuple(line.strip().upper() for line in issuer.split("\n") if line.strip())


def _cover(title: str, catalogue: Catalogue, options: ReportOptions) -> TitleBlock:
    text = options.labels
    provinces = catalogue.provinces()
    return TitleBlock(
        title=title,
        subtitle_lines=(
            text.provinces_line.format(provinces=", ".join(provinces) or text.none),
            text.cover_sources.format(papers=len(catalogue.province_papers())),
        ),
        date_line=date_line(options.created, options.language),
        issuer=issuer_lines(options.issuer),
    )


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
    sides = (_side_line(left, comparison, text), _side_line(right, comparison, text))
    report.add(
        TitleBlock(
            title,
            sides,
            date_line(options.created, options.language),
            issuer=issuer_lines(options.issuer),
        ),
        Paragraph.plain(text.strength_note, ParagraphStyle.NOTE),
    )
    for number, section in enumerate(comparison.sections, start=1):
        kind_name = text.kinds[section.kind]
        over_time = section.changes is not None  # one province, two meetings
        shown = [p for p in section.matching.pairs if over_time or strength(p.score)]
        weak = [p for p in section.matching.pairs if p not in shown]  # not claimed as matches
        report.add(Heading(1, f"{roman(number)}. {kind_name}", scope=kind_scope(section.kind)))
        if shown:
            report.add(_pairs_table(shown, over_time, left_name, right_name, kind_name, text))
        left_alone = section.matching.unmatched_left + [p.left for p in weak]
        right_alone = section.matching.unmatched_right + [p.right for p in weak]
        report.add(*_alone(left_alone, left_name, left.paper.province, "dropped", section, text))
        report.add(*_alone(right_alone, right_name, right.paper.province, "new", section, text))
    return report


def _side_name(ref, comparison: Comparison) -> str:
    """The province, or for one province across two meetings, the source file."""
    if comparison.same_province or not ref.paper.province:
        return PurePath(ref.document.source).name
    return ref.paper.province


def _side_line(ref, comparison: Comparison, text: Labels) -> str:
    """A side named by province and title (and its file, for one province over time)."""
    name = ref.paper.province or text.general_part
    line = f"{name}: {ref.paper.title}" if ref.paper.title else name
    if comparison.same_province:
        line = f"{line} ({PurePath(ref.document.source).name})"
    return line


def _pairs_table(
    pairs: list[Pair],
    over_time: bool,
    left_name: str,
    right_name: str,
    kind_name: str,
    text: Labels,
) -> Table:
    rows = []
    for pair in pairs:
        word = strength(pair.score)
        middle = text.strength[word.value] if word else text.none
        if over_time:
            middle = f"{text.change_status[change_of(pair).value]}\n{middle}"
        if redline(pair.score, over_time):
            cells = (_diff_cell(pair, DiffOp.DELETE), _diff_cell(pair, DiffOp.INSERT))
        else:
            cells = (_plain_cell(pair.left), _plain_cell(pair.right))
        rows.append((cells[0], Cell.plain(middle), cells[1]))
    columns = (Column(left_name, 0.42), Column(text.score, 0.16), Column(right_name, 0.42))
    caption = (text.pairs_caption if over_time else text.side_by_side_caption).format(
        kind=kind_name
    )
    return Table(columns, tuple(rows), caption=caption)


def _plain_cell(item: Item) -> Cell:
    runs = [Run(f"{item.label} ", bold=True)] if item.label else []
    runs.append(Run(item.text))
    return Cell((Paragraph(tuple(runs)), _note(item)))


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
    return Cell((Paragraph(tuple(runs)), _note(item)))


def _note(item: Item) -> Paragraph:
    return Paragraph((Run(item.provenance.describe(), style=RunStyle.MUTED),), ParagraphStyle.NOTE)


def _alone(
    items: list[Item], side: str, province: str | None, change: str, section, text: Labels
) -> list:
    if not items:
        return []
    heading = text.only_in.format(side=side)
    if section.changes is not None:
        heading = f"{heading} ({text.change_status[change].lower()})"
    ordered = sorted(
        items, key=lambda i: i.provenance.line_start or i.provenance.paragraph_start or 0
    )
    entries = tuple(
        ListEntry(i.label or "•", (Run(i.text),), i.provenance.describe()) for i in ordered
    )
    return [Heading(2, heading, scope=province_scope(province)), ItemList(entries)]
