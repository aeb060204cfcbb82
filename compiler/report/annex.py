"""The annex "Toàn văn tham luận": every paper in full, in source order, as it was read.

For each paper: its title and author lines, then each section's own heading(s) and every
paragraph as written (enumeration labels and punctuation included), footnote markers where
the text cites them, and the paper's footnotes after it. Text before the first paper of a
document (front matter) opens that document's part. Nothing the reading kept is left out;
page furniture (stray dashes, page numbers) is not text and is not shown.
"""

from __future__ import annotations

from pathlib import PurePath

from compiler.model import Block, Document, Paper
from compiler.report.catalogue import Catalogue, PaperEntry, kind_scope, province_scope
from compiler.report.model import (
    Cell,
    Column,
    Element,
    Heading,
    Paragraph,
    ParagraphStyle,
    Run,
    RunStyle,
    Scope,
    Table,
)


def full_texts(catalogue: Catalogue) -> list[Element]:
    text = catalogue.text
    elements: list[Element] = [Heading(1, text.annex_texts, anchor="annex")]
    placed = _footnotes_by_paper(catalogue)
    for document in catalogue.documents:
        if document.front_matter:
            elements.append(Heading(2, f"{text.front_matter} ({_name(document)})"))
            elements.extend(_paragraph(block) for block in document.front_matter)
        for ref in (r for r in catalogue.papers if r.document is document):
            elements.extend(_paper(catalogue, ref, placed.get(id(ref.paper), [])))
        loose = placed.get(id(document), [])
        if loose:
            elements.append(_footnotes_title(catalogue))
            elements.extend(_footnote(block) for block in loose)
    return elements


def _paper(catalogue: Catalogue, ref: PaperEntry, footnotes: list[Block]) -> list[Element]:
    paper = ref.paper
    heading = f"{ref.number}. {catalogue.paper_name(ref)}"
    elements: list[Element] = [
        Heading(
            2, heading, anchor=catalogue.paper_anchor(ref), scope=province_scope(paper.province)
        )
    ]
    for block in paper.title_blocks:
        elements.append(
            Paragraph((Run(block.text, bold=True),), ParagraphStyle.CENTERED, keep_with_next=True)
        )
    if paper.author_block:
        elements.append(
            Paragraph((Run(paper.author_block.text, italic=True),), ParagraphStyle.CENTERED)
        )
    anchors = catalogue.paragraph_anchors if catalogue.with_annex else {}
    for section in paper.sections:
        scope = kind_scope(section.kind)
        for block in section.heading_blocks:
            runs = (Run(block.text, bold=True),)
            elements.append(Paragraph(runs, keep_with_next=True, scope=scope))
        for block in section.paragraphs:
            elements.append(_paragraph(block, anchors.get(id(block)), scope))
    if footnotes:
        elements.append(_footnotes_title(catalogue))
        elements.extend(_footnote(block) for block in footnotes)
    return elements


def _paragraph(block: Block, anchor: str | None = None, scope: Scope | None = None) -> Paragraph:
    runs = [Run(block.text)]
    if block.footnote_refs:
        marks = "".join(f"({ref})" for ref in block.footnote_refs)
        runs.append(Run(marks, style=RunStyle.NOTE_MARK))
    return Paragraph(tuple(runs), anchor=anchor, scope=scope)


def _footnotes_title(catalogue: Catalogue) -> Paragraph:
    return Paragraph(
        (Run(catalogue.text.footnotes, italic=True),), ParagraphStyle.NOTE, keep_with_next=True
    )


def _footnote(block: Block) -> Paragraph:
    marker = "".join(f"({ref}) " for ref in block.footnote_refs)
    return Paragraph.plain(f"{marker}{block.text}", ParagraphStyle.NOTE)


def _footnotes_by_paper(catalogue: Catalogue) -> dict[int, list[Block]]:
    """Each footnote under the paper whose lines, paragraphs or pages hold it, else under
    the paper whose text cites its marker, else under its document."""
    placed: dict[int, list[Block]] = {}
    for document in catalogue.documents:
        papers = [ref.paper for ref in catalogue.papers if ref.document is document]
        for block in document.footnotes:
            owner = _holder(papers, block) or _citer(papers, block)
            placed.setdefault(id(owner) if owner else id(document), []).append(block)
    return placed


def _holder(papers: list[Paper], block: Block) -> Paper | None:
    position = _position(block)
    if position is None:
        return None
    for paper in papers:
        prov = paper.provenance
        start = prov.line_start or prov.paragraph_start or prov.page_start
        end = prov.line_end or prov.paragraph_end or prov.page_end
        if start is not None and end is not None and start <= position <= end:
            return paper
    return None


def _citer(papers: list[Paper], block: Block) -> Paper | None:
    wanted = set(block.footnote_refs)
    for paper in papers:
        for section in paper.sections:
            if any(wanted & set(b.footnote_refs) for b in section.paragraphs):
                return paper
    return None


def _position(block: Block) -> int | None:
    prov = block.provenance
    return prov.line_start or prov.paragraph_start or prov.page_start


def _name(document: Document) -> str:
    return PurePath(document.source).name


# --- sources -----------------------------------------------------------------------------


def sources(catalogue: Catalogue) -> list[Element]:
    """Each source file by name and format, with its papers by province and title."""
    text = catalogue.text
    rows, scopes = [], []
    for document in catalogue.documents:
        lines = []
        papers = [ref.paper.province for ref in catalogue.papers if ref.document is document]
        scopes.append(province_scope(*papers))
        for ref in (r for r in catalogue.papers if r.document is document):
            runs = [
                Run(f"{catalogue.paper_name(ref)}: ", bold=True),
                Run(ref.paper.title or text.none),
            ]
            runs.append(Run(f" ({_where(ref.paper, text)})", style=RunStyle.MUTED))
            lines.append(Paragraph(tuple(runs)))
        rows.append(
            (
                Cell.plain(f"{_name(document)} ({document.format})"),
                Cell(tuple(lines) or (Paragraph.plain(text.none),)),
            )
        )
    columns = (Column(text.source, 0.28), Column(text.papers, 0.72))
    table = Table(columns, tuple(rows), row_scopes=tuple(scopes))
    return [Heading(1, text.annex_sources), table]


def _where(paper: Paper, text) -> str:
    prov = paper.provenance
    if prov.line_start is not None:
        return f"{text.lines} {prov.line_start}–{prov.line_end}"
    if prov.paragraph_start is not None:
        return f"{text.paragraphs_word} {prov.paragraph_start}–{prov.paragraph_end}"
    return f"{text.pages_word} {prov.page_start}–{prov.page_end}"
