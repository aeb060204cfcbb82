"""The document structure as plain data (for ``brief export --format json``), and back.

The schema is documented in README ("JSON export"). It holds everything reading found, so
``document_from_dict`` rebuilds the Document a later stage needs (the store keeps read
documents this way): export → import → export gives the same data. Key figures and asks
are plain data too, as JSON (``figures``, ``asks``) and as CSV rows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from compiler.model import (
    Block,
    BlockRole,
    Document,
    Genre,
    Item,
    KindBasis,
    Paper,
    Provenance,
    Section,
    SectionKind,
)

SCHEMA_VERSION = 1


def documents_to_dict(documents: list[Document]) -> dict[str, Any]:
    """The documents, with every paper's key figures and asks (``figures``, ``asks``)."""
    from compiler.asks import find_asks
    from compiler.figures import find_figures

    return {
        "schema": SCHEMA_VERSION,
        "documents": [document_to_dict(d) for d in documents],
        **figures_to_dict(find_figures(documents)),
        **asks_to_dict(find_asks(documents)),
    }


def document_to_dict(document: Document) -> dict[str, Any]:
    return {
        "source": document.source,
        "format": document.format,
        "encoding": document.encoding,
        "genre": document.genre.value,
        "title": " ".join(b.text for b in document.title_blocks),
        "title_provenance": [b.provenance.to_dict() for b in document.title_blocks],
        "title_blocks": [block_to_dict(b) for b in document.title_blocks],
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
        "title_blocks": [block_to_dict(b) for b in paper.title_blocks],
        "author_block": block_to_dict(paper.author_block) if paper.author_block else None,
        "sections": [section_to_dict(s) for s in paper.sections],
    }


def section_to_dict(section: Section) -> dict[str, Any]:
    return {
        "kind": section.kind.value,
        "kind_from": section.kind_from.value,
        "heading": section.heading,
        "heading_path": [b.labelled_text for b in section.heading_blocks],
        "heading_blocks": [block_to_dict(b) for b in section.heading_blocks],
        "text": section.text,
        "provenance": section.provenance.to_dict(),
        "paragraphs": [block_to_dict(b) for b in section.paragraphs],
        "items": [_section_item(i, section.paragraphs) for i in section.items],
    }


def item_to_dict(item: Item) -> dict[str, Any]:
    return {
        "label": item.label,
        "title": item.title,
        "text": item.text,
        "provenance": item.provenance.to_dict(),
    }


def _section_item(item: Item, section_paragraphs: list[Block]) -> dict[str, Any]:
    """An item with its paragraphs: each the index of one of the section's paragraphs, or the
    paragraph itself when it is a piece cut out of one (a closing paragraph's asks)."""
    position = {id(block): n for n, block in enumerate(section_paragraphs)}
    paragraphs = [
        position[id(b)] if id(b) in position else block_to_dict(b) for b in item.paragraphs
    ]
    return {**item_to_dict(item), "paragraphs": paragraphs}


def block_to_dict(block: Block) -> dict[str, Any]:
    """Text and provenance; the reader's hints only where they say something."""
    data: dict[str, Any] = {"text": block.text, "provenance": block.provenance.to_dict()}
    if block.footnote_refs:
        data["footnote_refs"] = list(block.footnote_refs)
    if block.role != BlockRole.BODY:
        data["role"] = block.role.value
    if block.heading_level is not None:
        data["heading_level"] = block.heading_level
    if block.bold:
        data["bold"] = True
    if block.list_label is not None:
        data["list_label"] = block.list_label
    return data


# --- back to the model -------------------------------------------------------------------------


def document_from_dict(data: dict[str, Any]) -> Document:
    """The Document ``document_to_dict`` exported, equal to the one read but for its
    ``warnings`` (the run's, printed on stderr, not exported). Shorthands (a
    section's ``text`` and ``heading_path``; a document's or paper's ``title`` and
    ``title_provenance``, a paper's ``author``) are rebuilt from the blocks, not read."""
    return Document(
        source=data["source"],
        format=data["format"],
        papers=[paper_from_dict(p) for p in data["papers"]],
        footnotes=[block_from_dict(b) for b in data["footnotes"]],
        front_matter=[block_from_dict(b) for b in data["front_matter"]],
        furniture=[block_from_dict(b) for b in data["furniture"]],
        encoding=data["encoding"],
        genre=Genre(data["genre"]),
        title_blocks=[block_from_dict(b) for b in data.get("title_blocks", [])],
    )


def paper_from_dict(data: dict[str, Any]) -> Paper:
    author = data["author_block"]
    return Paper(
        province=data["province"],
        province_2025=data["province_2025"],
        provenance=provenance_from_dict(data["provenance"]),
        sections=[section_from_dict(s) for s in data["sections"]],
        title_blocks=[block_from_dict(b) for b in data["title_blocks"]],
        author_block=block_from_dict(author) if author else None,
    )


def section_from_dict(data: dict[str, Any]) -> Section:
    paragraphs = [block_from_dict(b) for b in data["paragraphs"]]
    return Section(
        kind=SectionKind(data["kind"]),
        heading=data["heading"],
        provenance=provenance_from_dict(data["provenance"]),
        paragraphs=paragraphs,
        items=[item_from_dict(i, paragraphs) for i in data["items"]],
        heading_blocks=[block_from_dict(b) for b in data["heading_blocks"]],
        kind_from=KindBasis(data["kind_from"]),
    )


def item_from_dict(data: dict[str, Any], section_paragraphs: Sequence[Block] = ()) -> Item:
    return Item(
        label=data["label"],
        title=data["title"],
        text=data["text"],
        provenance=provenance_from_dict(data["provenance"]),
        paragraphs=[
            section_paragraphs[p] if isinstance(p, int) else block_from_dict(p)
            for p in data.get("paragraphs", [])
        ],
    )


def block_from_dict(data: dict[str, Any]) -> Block:
    return Block(
        text=data["text"],
        provenance=provenance_from_dict(data["provenance"]),
        role=BlockRole(data.get("role", BlockRole.BODY.value)),
        heading_level=data.get("heading_level"),
        bold=data.get("bold", False),
        list_label=data.get("list_label"),
        footnote_refs=tuple(data.get("footnote_refs", ())),
    )


def provenance_from_dict(data: dict[str, Any]) -> Provenance:
    return Provenance(**data)


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
                "strength": _strength(p.score),
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
                    "topic": theme.topic,
                    "provinces": theme.provinces,
                    "cohesion": round(theme.cohesion, 4),
                    "strength": _theme_strength(theme.cohesion),
                    "members": [_member(m) for m in theme.members],
                }
            )
        unique.extend({"section": kind, **_member(m)} for m in entry.themes.unique)
    return {"themes": themes, "unique": unique}


def _strength(score: float) -> str | None:
    """ "near", "similar", "related", or None when no match is claimed (compiler.align.strength)."""
    from compiler.align.strength import strength

    word = strength(score)
    return word.value if word else None


def _theme_strength(cohesion: float) -> str:
    from compiler.align.strength import theme_strength

    return theme_strength(cohesion).value


def _member(member: Any) -> dict[str, Any]:
    return {"province": member.province, "source": member.source, **item_to_dict(member.item)}


# --- key figures and asks ----------------------------------------------------------------------


def figures_to_dict(figures: list[Any]) -> dict[str, Any]:
    """``brief figures --format json``: ``figures[]`` (shape in README)."""
    return {"figures": [figure_to_dict(f) for f in figures]}


def figure_to_dict(figure: Any) -> dict[str, Any]:
    return {
        "province": figure.province,
        "section": figure.section.value,
        "category": figure.category,
        "value": figure.value,
        "value_max": figure.value_max,
        "unit": figure.unit,
        "multiplier": figure.multiplier,
        "qualifier": figure.qualifier,
        "as_written": figure.as_written,
        "period": figure.period,
        "sentence": figure.sentence,
        "provenance": figure.provenance.to_dict(),
    }


def asks_to_dict(asks: list[Any]) -> dict[str, Any]:
    """``brief asks --format json``: ``asks[]`` (shape in README)."""
    return {"asks": [ask_to_dict(a) for a in asks]}


def ask_to_dict(ask: Any) -> dict[str, Any]:
    return {
        "province": ask.province,
        "addressees": list(ask.addressees),
        "action": ask.action,
        "theme": ask.theme,
        "text": ask.text,
        "provenance": ask.provenance.to_dict(),
    }


def figure_rows(figures: list[Any]) -> list[dict[str, Any]]:
    """CSV rows: the JSON fields, provenance as ``source`` and ``location``."""
    return [_flat(figure_to_dict(f)) for f in figures]


def ask_rows(asks: list[Any]) -> list[dict[str, Any]]:
    """CSV rows: the JSON fields (addressees joined by "; "), ``addressed_in``, provenance as
    ``source`` and ``location``."""
    rows = []
    for ask in asks:
        row = _flat(ask_to_dict(ask))
        row["addressees"] = "; ".join(ask.addressees)
        row["addressed_in"] = ask.addressed_in
        rows.append(row)
    return rows


def _flat(data: dict[str, Any]) -> dict[str, Any]:
    """Provenance as ``source`` and ``location`` ("lines 89-93", "paragraph 12", "page 3")."""
    provenance = data.pop("provenance")
    data["source"] = provenance["source"]
    parts = []
    for key in ("line", "paragraph", "page"):
        if f"{key}_start" in provenance:
            start, end = provenance[f"{key}_start"], provenance[f"{key}_end"]
            parts.append(f"{key}s {start}-{end}" if end != start else f"{key} {start}")
    data["location"] = ", ".join(parts)
    return data


def csv_text(rows: list[dict[str, Any]], columns: list[str]) -> str:
    """Rows as CSV (comma-separated, quoted as needed, CRLF line ends, for Excel)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return buffer.getvalue()


FIGURE_COLUMNS = [
    "province",
    "section",
    "category",
    "value",
    "value_max",
    "unit",
    "multiplier",
    "qualifier",
    "as_written",
    "period",
    "sentence",
    "source",
    "location",
]
ASK_COLUMNS = [
    "province",
    "addressees",
    "action",
    "theme",
    "text",
    "addressed_in",
    "source",
    "location",
]
