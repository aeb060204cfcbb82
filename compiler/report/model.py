"""A format-free description of a report: builders produce it, writers render it.

The DOCX and PDF writers render the same elements in the same order, so both files of one
report carry the same content. All user-visible strings are already final here (Vietnamese,
NFC, free of XML-illegal characters): writers add layout, never words.

Internal links are format-free too: an element may carry an ``anchor`` (a name unique in
the report: letters, digits and hyphens, at most 40 characters, as Word bookmarks need),
and a ``Run`` may carry a ``link`` to one. Writers make anchors bookmarks or link targets
(PDF destinations, DOCX bookmarks, HTML ids) and links clickable; builders only link to
anchors the report holds (``Report.dangling_links`` lists any that it does not).

Formats a reader explores on screen (HTML) get two more things print leaves out: a
``Scope`` saying which provinces and section kinds a part concerns (the filters), and an
entry's ``folded`` text (the item in full, collapsed under its one-line entry; the printed
brief has it in the annex).
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
    NOTE_MARK = "note_mark"  # a footnote marker, set as superscript


@dataclass(frozen=True, slots=True)
class Scope:
    """What a part of the report concerns, for readers that filter it (HTML): the provinces
    (as the report names them) and the section kinds (``SectionKind`` values). Empty: the
    part concerns every province, or every kind. Print formats ignore it."""

    provinces: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with inline emphasis."""

    text: str
    bold: bool = False
    italic: bool = False
    style: RunStyle = RunStyle.NORMAL
    link: str | None = None  # the anchor this run links to


class ParagraphStyle(StrEnum):
    BODY = "body"
    CAPTION = "caption"  # table captions
    NOTE = "note"  # source references, footnotes: smaller
    CENTERED = "centered"  # cover-block lines


@dataclass(frozen=True, slots=True)
class Paragraph:
    runs: tuple[Run, ...]
    style: ParagraphStyle = ParagraphStyle.BODY
    anchor: str | None = None
    keep_with_next: bool = False  # never the last line of a page (a title over its text)
    scope: Scope | None = None

    @classmethod
    def plain(cls, text: str, style: ParagraphStyle = ParagraphStyle.BODY) -> Paragraph:
        return cls((Run(text),), style)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered-outline heading: a bookmark, an outline entry and (``in_contents``) a line
    of the table of contents."""

    level: int  # 1..3
    text: str
    anchor: str | None = None  # None: the writer names the bookmark itself
    in_contents: bool = True
    scope: Scope | None = None  # of everything up to the next heading of its level or above


@dataclass(frozen=True, slots=True)
class ListEntry:
    label: str  # shown before the text: "Thứ nhất", "1-", "•"
    runs: tuple[Run, ...]
    note: str | None = None  # provenance, shown small after the text
    note_link: str | None = None  # the anchor the note links to (the item in full)
    anchor: str | None = None
    scope: Scope | None = None
    folded: tuple[Paragraph, ...] = ()  # the item in full, where a format can fold text


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
    row_scopes: tuple[Scope | None, ...] = ()  # one per row, or none at all


@dataclass(frozen=True, slots=True)
class PageBreak:
    pass


@dataclass(frozen=True, slots=True)
class TableOfContents:
    title: str


@dataclass(frozen=True, slots=True)
class TitleBlock:
    """The cover block: issuing body, meeting title, subtitle lines, date line."""

    title: str
    subtitle_lines: tuple[str, ...] = ()
    date_line: str | None = None
    issuer: tuple[str, ...] = ()  # the issuing body's lines, as printed (upper case)


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

    def has_contents(self) -> bool:
        return any(isinstance(element, TableOfContents) for element in self.elements)

    def anchors(self) -> list[str]:
        """Every anchor the report's elements carry, in order."""
        found: list[str] = []
        for element in self.elements:
            if isinstance(element, Heading | Paragraph) and element.anchor:
                found.append(element.anchor)
            elif isinstance(element, ItemList):
                found.extend(entry.anchor for entry in element.entries if entry.anchor)
            elif isinstance(element, Table):
                found.extend(
                    paragraph.anchor
                    for row in element.rows
                    for cell in row
                    for paragraph in cell.paragraphs
                    if paragraph.anchor
                )
        return found

    def links(self) -> list[str]:
        """Every anchor some run or note links to."""
        return [target for runs in _all_runs(self.elements) for target in _targets(runs)]

    def dangling_links(self) -> list[str]:
        """Links to anchors the report does not hold (a builder's mistake)."""
        known = set(self.anchors())
        return sorted({link for link in self.links() if link not in known})


def _all_runs(elements: list[Element]):
    for element in elements:
        if isinstance(element, Paragraph):
            yield element.runs
        elif isinstance(element, ItemList):
            for entry in element.entries:
                yield entry.runs
                if entry.note_link:
                    yield (Run(entry.note or "", link=entry.note_link),)
        elif isinstance(element, Table):
            for row in element.rows:
                for cell in row:
                    for paragraph in cell.paragraphs:
                        yield paragraph.runs


def _targets(runs: tuple[Run, ...]) -> list[str]:
    return [run.link for run in runs if run.link]
