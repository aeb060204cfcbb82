"""The conservation check: segmentation loses, duplicates and reorders nothing.

Every paragraph the normaliser produced (footnotes aside) must come out exactly once as
front matter, a paper's title or author line, a section heading, a section paragraph or
page furniture (captions, bylines, greetings: set apart by segmentation); put back in source
order (a news article groups its paragraphs by province), the words must read as the input
did. Compared word by word, so a run-in heading split from its paragraph still counts.
"""

from __future__ import annotations

from pathlib import Path

from compiler.model import Block, BlockRole, Document
from compiler.normalize import normalize_blocks
from compiler.readers import read_blocks


def input_words(raw_blocks: list[Block]) -> list[str]:
    body = [b for b in normalize_blocks(raw_blocks) if b.role != BlockRole.FOOTNOTE]
    return " ".join(b.text for b in body).split()


def output_words(document: Document) -> list[str]:
    blocks = document.title_blocks + document.front_matter + document.furniture
    for paper in document.papers:
        blocks += paper.title_blocks + ([paper.author_block] if paper.author_block else [])
        for section in paper.sections:
            blocks += section.heading_blocks + section.paragraphs
    ordered = sorted(blocks, key=_source_position)  # stable: a run-in heading stays first
    return " ".join(b.text for b in ordered).split()


def _source_position(block: Block) -> int:
    prov = block.provenance
    return prov.line_start or prov.paragraph_start or prov.page_start or 0


def first_difference(document: Document, raw_blocks: list[Block]) -> str | None:
    """None when conserved; else where the two word sequences part."""
    expected, actual = input_words(raw_blocks), output_words(document)
    for position, (want, got) in enumerate(zip(expected, actual, strict=False)):
        if want != got:
            around = " ".join(expected[max(0, position - 8) : position + 8])
            return f"word {position}: expected {want!r}, got {got!r} near: {around}"
    if len(expected) != len(actual):
        return f"lengths differ: {len(expected)} input words, {len(actual)} output words"
    return None


def unaccounted_lines(document: Document, path: Path) -> list[str]:
    _, raw = read_blocks(path, str(path))
    difference = first_difference(document, raw)
    return [difference] if difference else []
