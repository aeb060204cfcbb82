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
        "encoding": document.encoding,
        "genre": document.genre.value,
        "title": " ".join(b.text for b in document.title_blocks),
        "title_provenance": [b.provenance.to_dict() for b in document.title_blocks],
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
        "title_provenance": [b.provenance.to_dict() for b in paper.title_blocks],
        "sections": [section_to_dict(s) for s in paper.sections],
    }


def section_to_dict(section: Section) -> dict[str, Any]:
    return {
        "kind": section.kind.value,
        "kind_from": section.kind_from.value,
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


# --- alignment -----------------------------------------------------------------------------


def comparison_to_dict(comparison: Any) -> dict[str, Any]:
    """``brief compare --format json``: pairs and unmatched items of every section compared.

    Top-level ``pairs``/``unmatched_*`` hold every section's entries (each names its
    ``section``); ``sections`` repeats them per section, with ``changes`` when both papers
    are the same province.
    """
    sections = [_section_comparison(s) for s in comparison.sections]
    return {
        "left": paper_ref_to_dict(comparison.left),
        "right": paper_ref_to_dict(comparison.right),
        "same_province": comparison.same_province,
        "pairs": [p for s in sections for p in s["pairs"]],
        "unmatched_left": [i for s in sections for i in s["unmatched_left"]],
        "unmatched_right": [i for s in sections for i in s["unmatched_right"]],
        "sections": sections,
    }


def _section_comparison(section: Any) -> dict[str, Any]:
    kind = section.kind.value
    data: dict[str, Any] = {
        "section": kind,
        "pairs": [
            {
                "section": kind,
                "left": _aligned_item(p.left, kind),
                "right": _aligned_item(p.right, kind),
                "score": round(p.score, 4),
                "diff": [{"op": run.op.value, "text": run.text} for run in p.diff],
            }
            for p in section.matching.pairs
        ],
        "unmatched_left": [_aligned_item(i, kind) for i in section.matching.unmatched_left],
        "unmatched_right": [_aligned_item(i, kind) for i in section.matching.unmatched_right],
    }
    if section.changes is not None:
        changes = section.changes
        data["changes"] = {
            "unchanged": [_change_pair(p) for p in changes.unchanged],
            "reworded": [_change_pair(p) for p in changes.reworded],
            "new": [item_to_dict(i) for i in changes.new],
            "dropped": [item_to_dict(i) for i in changes.dropped],
        }
    return data


def _aligned_item(item: Item, kind: str) -> dict[str, Any]:
    return {"section": kind, **item_to_dict(item)}


def _change_pair(pair: Any) -> dict[str, Any]:
    return {
        "before": item_to_dict(pair.left),
        "after": item_to_dict(pair.right),
        "score": round(pair.score, 4),
    }


def paper_ref_to_dict(ref: Any) -> dict[str, Any]:
    return {
        "province": ref.paper.province,
        "province_2025": ref.paper.province_2025,
        "source": ref.document.source,
        "title": ref.paper.title,
    }


def themes_to_dict(section_themes: list[Any]) -> dict[str, Any]:
    """``brief themes --format json``: ``themes[]`` and ``unique[]`` (each names its section)."""
    themes: list[dict[str, Any]] = []
    unique: list[dict[str, Any]] = []
    for entry in section_themes:
        kind = entry.kind.value
        for theme in entry.themes.themes:
            themes.append(
                {
                    "section": kind,
                    "label": theme.label,
                    "provinces": theme.provinces,
                    "cohesion": round(theme.cohesion, 4),
                    "members": [_member(m) for m in theme.members],
                }
            )
        unique.extend({"section": kind, **_member(m)} for m in entry.themes.unique)
    return {"themes": themes, "unique": unique}


def _member(member: Any) -> dict[str, Any]:
    return {"province": member.province, "source": member.source, **item_to_dict(member.item)}
