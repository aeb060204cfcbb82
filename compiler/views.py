"""Terminal views of documents and papers (``brief ingest``, ``brief show``)."""

from __future__ import annotations

import textwrap
from pathlib import PurePath

from compiler.model import Document, Paper, Section, SectionKind


def document_table(document: Document) -> str:
    """One line per paper: province, its 2025 unit, and its sections with item counts."""
    name = PurePath(document.source).name
    lines = [f"{name} — {document.format}, {len(document.papers)} paper(s)"]
    width = max((len(p.province or "?") for p in document.papers), default=8)
    for paper in document.papers:
        merged = f" → {paper.province_2025}" if paper.province_2025 != paper.province else ""
        province = (paper.province or "(general)").ljust(width)
        lines.append(f"  {province}{merged:<16} {section_summary(paper)}")
    extras = _extras(document)
    if extras:
        lines.append(f"  ({extras})")
    return "\n".join(lines)


def section_summary(paper: Paper) -> str:
    """"context 3 · tasks 6 · …": kinds in paper order with their item counts."""
    return " · ".join(f"{s.kind.value} {len(s.items)}" for s in paper.sections)


def _extras(document: Document) -> str:
    parts = []
    for label, blocks in (
        ("front matter", document.front_matter),
        ("footnotes", document.footnotes),
        ("furniture", document.furniture),
    ):
        if blocks:
            parts.append(f"{len(blocks)} {label}")
    return ", ".join(parts)


def paper_outline(paper: Paper, kinds: list[SectionKind] | None = None, full: bool = False) -> str:
    """A paper's structure: sections with headings and provenance, items with labels."""
    lines = [
        f"{paper.province or '(general)'} — {paper.title or '(untitled)'}",
        f"author: {paper.author or '—'} · 2025 unit: {paper.province_2025 or '—'} · "
        f"{paper.provenance.describe()}",
    ]
    for section in paper.sections:
        if kinds and section.kind not in kinds:
            continue
        lines.extend(_section_lines(section, full))
    return "\n".join(lines)


def _section_lines(section: Section, full: bool) -> list[str]:
    heading = " / ".join(b.text for b in section.heading_blocks) or "(no heading)"
    lines = ["", f"[{section.kind.value}] {heading}  ({section.provenance.describe()})"]
    for item in section.items:
        label = item.label or "·"
        body = item.text if full else item.title
        wrapped = textwrap.fill(body, width=96, initial_indent=f"  {label} ", subsequent_indent="      ")
        lines.append(f"{wrapped}  ({item.provenance.describe()})")
    if not section.items:
        lines.append(f"  {len(section.paragraphs)} paragraph(s), no items")
    return lines
