"""What the brief's parts share: the papers in order, anchors, references and themes.

Papers are numbered in source order (the annex order); provinces are listed in Vietnamese
alphabetical order everywhere else. Every item gets a body anchor (its concise line) and
an annex anchor (its full text); a part links only to anchors the report holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import PurePath
from typing import Any

from compiler.align import SectionThemes
from compiler.align.themes import Theme
from compiler.collation import vietnamese_key
from compiler.labels import Labels
from compiler.model import Document, Item, Paper, Section, SectionKind
from compiler.report.concise import item_reference, source_reference
from compiler.report.model import Scope


class Detail(StrEnum):
    CONCISE = "concise"  # each item by its lead (about 35 words)
    FULL = "full"  # each item in full


class SourceNotes(StrEnum):
    """How the brief shows where an item comes from (``--provenance``)."""

    NONE = "none"
    SHORT = "short"  # "Đà Nẵng, mục 3.2"
    FULL = "full"  # "Đà Nẵng, mục 3.2; 000.txt, dòng 141–143"


@dataclass(frozen=True, slots=True)
class PaperEntry:
    number: int  # 1-based, source order
    document: Document
    paper: Paper


@dataclass(slots=True)
class Catalogue:
    documents: list[Document]
    themes: dict[SectionKind, SectionThemes]
    text: Labels
    notes: SourceNotes = SourceNotes.SHORT
    with_annex: bool = True
    body_kinds: tuple[SectionKind, ...] = ()
    figures: list[Any] = field(default_factory=list)  # compiler.figures.Figure
    asks: list[Any] = field(default_factory=list)  # compiler.asks.Ask
    papers: list[PaperEntry] = field(init=False)
    _where: dict[int, tuple[PaperEntry, int, Section, int]] = field(init=False)
    _theme: dict[int, tuple[SectionKind, int]] = field(init=False)
    # Annex anchors: one per source paragraph that opens an item (several items split from
    # one paragraph share it), and each item's.
    paragraph_anchors: dict[int, str] = field(init=False)
    _annex: dict[int, str] = field(init=False)
    _by_place: dict[tuple, Item] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.papers = [
            PaperEntry(n, document, paper)
            for n, (document, paper) in enumerate(
                ((d, p) for d in self.documents for p in d.papers), start=1
            )
        ]
        self._where = {
            id(item): (ref, s, section, i)
            for ref in self.papers
            for s, section in enumerate(ref.paper.sections)
            for i, item in enumerate(section.items)
        }
        self._theme = {
            id(member.item): (kind, number)
            for kind, entry in self.themes.items()
            for number, theme in enumerate(entry.themes.themes, start=1)
            for member in theme.members
        }
        self.paragraph_anchors, self._annex = {}, {}
        for ref in self.papers:
            for s, section in enumerate(ref.paper.sections):
                for item in section.items:
                    index = _opening_paragraph(section, item)
                    if index is None:
                        continue
                    anchor = f"a{ref.number}-{s}-{index}"
                    self.paragraph_anchors[id(section.paragraphs[index])] = anchor
                    self._annex[id(item)] = anchor

    # --- papers and provinces ---

    def province_papers(self) -> list[PaperEntry]:
        """Papers with a province, in Vietnamese alphabetical order (then source order)."""
        refs = [ref for ref in self.papers if ref.paper.province]
        return sorted(refs, key=lambda ref: (vietnamese_key(ref.paper.province or ""), ref.number))

    def provinces(self) -> list[str]:
        return sorted(
            {ref.paper.province for ref in self.papers if ref.paper.province}, key=vietnamese_key
        )

    def paper_name(self, ref: PaperEntry) -> str:
        """The province, with its file when the same province has papers in several files."""
        name = ref.paper.province or self.text.general_part
        twins = sum(1 for other in self.papers if other.paper.province == ref.paper.province)
        return f"{name} ({PurePath(ref.document.source).name})" if twins > 1 else name

    # --- anchors ---

    def body_anchor(self, item: Item) -> str | None:
        ref, _, section, i = self._where[id(item)]
        if section.kind not in self.body_kinds:
            return None
        return f"b{ref.number}-{section.kind.value[:4]}-{self._kind_position(ref, item)}"

    def annex_anchor(self, item: Item) -> str | None:
        """The anchor of the item's full text in the annex (None without an annex)."""
        return self._annex.get(id(item)) if self.with_annex else None

    @staticmethod
    def paper_anchor(ref: PaperEntry) -> str:
        return f"p{ref.number}"

    @staticmethod
    def theme_anchor(kind: SectionKind, number: int) -> str:
        return f"t-{kind.value[:4]}-{number}"

    @staticmethod
    def kind_anchor(kind: SectionKind) -> str:
        return f"k-{kind.value[:4]}"

    def _kind_position(self, ref: PaperEntry, item: Item) -> int:
        _, _, section, _ = self._where[id(item)]
        return [id(i) for i in ref.paper.items(section.kind)].index(id(item))

    # --- references and themes ---

    def reference(
        self, item: Item, with_province: bool = True, within_kind: bool = True
    ) -> str | None:
        """Where the item sits, as the chosen source notes show it; None when hidden.
        ``within_kind``: shown inside the item's kind part ("ý 2", not "phần …, ý 2")."""
        if self.notes is SourceNotes.NONE:
            return None
        ref, _, section, _ = self._where[id(item)]
        where = item_reference(section, item, self.text, within_kind)
        if with_province:
            where = f"{self.paper_name(ref)}, {where}"
        if self.notes is SourceNotes.FULL:
            where = f"{where}; {source_reference(item.provenance, self.text)}"
        return where

    def item_at(self, provenance: Any, text: str) -> Item | None:
        """The item an ask was read from (same provenance and text), if any."""
        if not self._by_place:
            self._by_place = {
                (item.provenance, item.text): item
                for ref in self.papers
                for section in ref.paper.sections
                for item in section.items
            }
        return self._by_place.get((provenance, text))

    def paper_of(self, item: Item) -> PaperEntry:
        return self._where[id(item)][0]

    def theme_of(self, item: Item) -> tuple[SectionKind, int] | None:
        return self._theme.get(id(item))

    def themes_of(self, kind: SectionKind) -> list[Theme]:
        entry = self.themes.get(kind)
        return entry.themes.themes if entry else []


def province_scope(*provinces: str | None) -> Scope | None:
    """The scope of a part about these provinces (None for the general part)."""
    named = tuple(sorted({p for p in provinces if p}, key=vietnamese_key))
    return Scope(provinces=named) if named else None


def kind_scope(kind: SectionKind) -> Scope:
    return Scope(kinds=(kind.value,))


def _opening_paragraph(section: Section, item: Item) -> int | None:
    """The index of the section paragraph an item starts in: the item's own first paragraph,
    else the paragraph whose source range holds the item's start."""
    if not item.paragraphs:
        return None
    first = item.paragraphs[0]
    for index, block in enumerate(section.paragraphs):
        if block is first:
            return index
    start = _position(first.provenance)
    for index, block in enumerate(section.paragraphs):
        low, high = _position(block.provenance), _end(block.provenance)
        if start is not None and low is not None and high is not None and low <= start <= high:
            return index
    return None


def _position(prov) -> int | None:
    return prov.line_start or prov.paragraph_start or prov.page_start


def _end(prov) -> int | None:
    return prov.line_end or prov.paragraph_end or prov.page_end
