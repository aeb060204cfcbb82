"""The document structure as plain data (for ``brief export --format json``).

The schema is documented in README ("JSON export").
"""

from __future__ import annotations

from typing import Any

from compiler.model import Block, Document, Item, Paper, Section

SCHEMA_VERSION = 1


def documents_to_dict(documents: list[Document]) -> dict[str, Any]:
    return {"schema": SCHEMA_VERSION, "documents": [document_to_dict(d) for d in documents]}


def document_to_dict(document: Document) -> dict[str, Any]:
    return {
        "source": document.source,
        "format": document.format,
        "papers": [paper_to_dict(p) for p in document.papers],
        "front_matter": [block_to_dict(b) for b in document.front_matter],
        "footnotes": [block_to_dict(b) for b in document.footnotes],
        "furniture": [block_to_dict(b) for b in document.furniture],
    }


def paper_to_dict(paper: Paper) -> dict[str, Any]:
    return {
        "province": paper.province,
        "province_2025": paper.province_2025,
        "title": paper.title,
        "author": paper.author,
        "provenance": paper.provenance.to_dict(),
        "sections": [section_to_dict(s) for s in paper.sections],
    }


def section_to_dict(section: Section) -> dict[str, Any]:
    return {
        "kind": section.kind.value,
        "heading": section.heading,
        "heading_path": [b.text for b in section.heading_blocks],
        "text": section.text,
        "provenance": section.provenance.to_dict(),
        "paragraphs": [block_to_dict(b) for b in section.paragraphs],
        "items": [item_to_dict(i) for i in section.items],
    }


def item_to_dict(item: Item) -> dict[str, Any]:
    return {
        "label": item.label,
        "title": item.title,
        "text": item.text,
        "provenance": item.provenance.to_dict(),
    }


def block_to_dict(block: Block) -> dict[str, Any]:
    data: dict[str, Any] = {"text": block.text, "provenance": block.provenance.to_dict()}
    if block.footnote_refs:
        data["footnote_refs"] = list(block.footnote_refs)
    return data
