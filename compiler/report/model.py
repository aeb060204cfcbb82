"""A format-free description of a report: builders produce it, writers render it.

The DOCX and PDF writers render the same elements in the same order, so both files of one
report carry the same content. All user-visible strings are already final here (Vietnamese,
NFC, free of XML-illegal characters): writers add layout, never words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class RunStyle(StrEnum):
    NORMAL = "normal"
    INSERTED = "inserted"  # word-level diff: present only on the right-hand side
    DELETED = "deleted"  # word-level diff: present only on the left-hand side
    MUTED = "muted"  # secondary text such as provenance ("000.txt:17-19")


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with inline emphasis."""

    text: str
    bold: bool = False
    italic: bool = False
    style: RunStyle = RunStyle.NORMAL


class ParagraphStyle(StrEnum):
    BODY = "body"
    CAPTION = "caption"  # table captions
    NOTE = "note"  # source references, footnotes: smaller
    CENTERED = "centered"  # cover-block lines


@dataclass(frozen=True, slots=True)
class Paragraph:
    runs: tuple[Run, ...]
    style: ParagraphStyle = ParagraphStyle.BODY

    @classmethod
    def plain(cls, text: str, style: ParagraphStyle = ParagraphStyle.BODY) -> Paragraph:
        return cls((Run(text),), style)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered-outline heading; every heading gets a bookmark and a TOC entry."""

    level: int  # 1..3
    text: str


@dataclass(frozen=True, slots=True)
class ListEntry:
    label: str  # shown before the text: "Thứ nhất", "1-", "•"
    runs: tuple[Run, ...]
    note: str | None = None  # provenance, shown small after the text


@dataclass(frozen=True, slots=True)
class ItemList:
    entries: tuple[ListEntry, ...]


@dataclass(frozen=True, slots=True)
class Cell:
    paragraphs: tuple[Paragraph, ...]

    @classmethod
    def plain(cls, text: str) -> Cell:
        return cls((Paragraph.plain(text),))

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    width: float  # fraction of the usable text width; a table's widths sum to 1.0


@dataclass(frozen=True, slots=True)
class Table:
    """A table with one header row repeated on every page; one cell may hold long text."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: str | None = None
    landscape: bool = False  # wide tables: render in a landscape section/page


@dataclass(frozen=True, slots=True)
class PageBreak:
    pass


@dataclass(frozen=True, slots=True)
class TableOfContents:
    title: str


@dataclass(frozen=True, slots=True)
class TitleBlock:
    """The cover block: meeting title, subtitle lines, date line."""

    title: str
    subtitle_lines: tuple[str, ...] = ()
    date_line: str | None = None


Element = TitleBlock | Heading | Paragraph | ItemList | Table | PageBreak | TableOfContents


@dataclass(slots=True)
class Report:
    """A whole report. ``created`` is fixed so that reruns give byte-identical files."""

    title: str
    created: date
    elements: list[Element] = field(default_factory=list)
    author: str = "brief"
    language: str = "vi-VN"

    def add(self, *elements: Element) -> Report:
        self.elements.extend(elements)
        return self
