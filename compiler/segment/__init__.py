"""Segmentation: normalised blocks → genre → papers → sections → items (see the submodules).

1. ``furniture`` sets apart lines that belong to no section (captions, bylines, greetings,
   administrative header and signature blocks, web menus).
2. ``genre`` judges what the document is from its own evidence.
3. Headed documents (official papers, compilations) are split into papers by their titles
   and author lines (``papers``) and into sections by their headings (``sections``).
   Unheaded pieces (interviews, news reports, speeches, prose) and papers without section
   headings get owners (``owners``) and kinds from their wording (``prose``, ``pieces``).
Every guess the reading makes is recorded in ``Document.warnings``.
"""

from __future__ import annotations

from compiler import provinces
from compiler.model import Block, BlockRole, Document, Genre, KindBasis, Paper, Section
from compiler.normalize import normalize_blocks
from compiler.segment import furniture, genre, pieces
from compiler.segment.papers import (
    PaperBlocks,
    heading_kinds,
    leading_title,
    paper_starts,
    split_papers,
)
from compiler.segment.sections import build_sections

_SET_APART = (BlockRole.FOOTNOTE, BlockRole.FURNITURE)
_NEWS_LIKE = (Genre.NEWS, Genre.INTERVIEW)
_HEADED = (Genre.PAPER, Genre.COMPILATION)
_HEADER_BLOCKS = 8


def build_document(source: str, fmt: str, raw_blocks: list[Block]) -> Document:
    """Normalise a reader's blocks and segment them into a Document."""
    blocks = furniture.mark_furniture(normalize_blocks(raw_blocks), news_like=False)
    body = _body(blocks)
    starts = paper_starts(body)
    headed = heading_kinds(body)
    split = split_papers(body, starts, _issuer(blocks))
    authors = len({p.province.key for p in split.papers if p.province}) if starts else 0
    kind, clear = genre.decide(genre.gather(body, _furniture(blocks), authors, len(headed)))
    if kind in _NEWS_LIKE:
        blocks = furniture.mark_furniture(blocks, news_like=True)
        body = _body(blocks)
    document = Document(source=source, format=fmt, genre=kind)
    if not clear:
        document.warnings.append(f"genre unclear; read as {kind.value}")
    if kind in _HEADED and (starts or headed):  # the body is as split: only news re-marks it
        document.papers = [
            _headed_paper(p, document.warnings) for p in split.papers if _has_text(p)
        ]
        title = leading_title(split.front_matter)
        document.title_blocks = title
        document.front_matter = split.front_matter[len(title) :]
    else:
        framing = [b for b in _furniture(blocks) if furniture.frames_the_piece(b.text)]
        found = pieces.read_piece(body, framing, kind)
        document.papers = [_paper(p.raw, p.sections) for p in found]
        if found:
            document.warnings.append("no section headings: kinds come from the wording")
    document.footnotes = [b for b in blocks if b.role == BlockRole.FOOTNOTE]
    document.furniture = _furniture(blocks)
    return document


def _issuer(blocks: list[Block]) -> provinces.Province | None:
    """The province of the authority issuing the document, from its header block ("UBND
    TỈNH CAO BẰNG" above the national motto): who a report without an author line is by."""
    for block in blocks[:_HEADER_BLOCKS]:
        if block.role == BlockRole.FURNITURE:
            province = provinces.from_author_line(block.text)
            if province is not None:
                return province
    return None


def _body(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if b.role not in _SET_APART]


def _furniture(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if b.role == BlockRole.FURNITURE]


def _has_text(raw: PaperBlocks) -> bool:
    return bool(raw.body or raw.title_blocks or raw.author)


def _headed_paper(raw: PaperBlocks, warnings: list[str]) -> Paper:
    sections = build_sections(raw.body) if raw.body else []
    if len(raw.body) >= 2 and not any(s.kind_from == KindBasis.HEADING for s in sections):
        # A paper without section headings: its kinds come from its wording.
        owned = pieces.owned_sections(raw.body, [raw.province] * len(raw.body))
        sections = [section for _, section, _ in owned]
        name = raw.province.name if raw.province else "a paper"
        warnings.append(f"{name}: no section headings; kinds come from the wording")
    return _paper(raw, sections)


def _paper(raw: PaperBlocks, sections: list[Section]) -> Paper:
    framing = raw.title_blocks + ([raw.author] if raw.author else [])
    provenance_blocks = framing + raw.body
    provenance = provenance_blocks[0].provenance.span(provenance_blocks[-1].provenance)
    province = raw.province
    return Paper(
        province=province.name if province else None,
        province_2025=provinces.province_2025(province).name if province else None,
        provenance=provenance,
        sections=sections,
        title_blocks=list(raw.title_blocks),
        author_block=raw.author,
    )
