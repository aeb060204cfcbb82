"""Segmentation: normalised blocks → papers → sections → items (see the submodules)."""

from __future__ import annotations

from compiler import provinces
from compiler.model import Block, BlockRole, Document, Paper, SectionKind
from compiler.normalize import normalize_blocks
from compiler.segment.papers import PaperBlocks, split_papers
from compiler.segment.sections import build_sections

_SET_APART = (BlockRole.FOOTNOTE, BlockRole.FURNITURE)


def build_document(source: str, fmt: str, raw_blocks: list[Block]) -> Document:
    """Normalise a reader's blocks and segment them into a Document."""
    blocks = normalize_blocks(raw_blocks)
    body = [b for b in blocks if b.role not in _SET_APART]
    split = split_papers(body)
    papers = [
        _paper(p, split.is_article) for p in split.papers if p.body or p.title_blocks or p.author
    ]
    return Document(
        source=source,
        format=fmt,
        papers=papers,
        footnotes=[b for b in blocks if b.role == BlockRole.FOOTNOTE],
        front_matter=split.front_matter,
        furniture=[b for b in blocks if b.role == BlockRole.FURNITURE],
    )


def _paper(raw: PaperBlocks, from_article: bool) -> Paper:
    # A news article has no paper structure: what it reports of a province is, by default,
    # what that province has done; the rest is background.
    if from_article:
        kind = SectionKind.ACHIEVEMENTS if raw.province else SectionKind.CONTEXT
        sections = build_sections(raw.body, single_kind=kind)
    else:
        sections = build_sections(raw.body) if raw.body else []
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
