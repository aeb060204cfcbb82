"""The one data model shared by every stage.

Readers turn a file into ``Block``s; ``normalize`` cleans and joins them; ``segment`` builds
``Document`` → ``Paper`` → ``Section`` → ``Item``. Every piece keeps its ``Provenance`` so a
report can always say where a statement came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum


class SectionKind(StrEnum):
    """Canonical section kinds of a provincial paper (see DESIGN.md §1)."""

    CONTEXT = "context"
    ACHIEVEMENTS = "achievements"
    OPPORTUNITIES = "opportunities"
    CHALLENGES = "challenges"
    TASKS = "tasks"
    PROPOSALS = "proposals"
    LESSONS = "lessons"
    OTHER = "other"


class Genre(StrEnum):
    """What kind of document a source is, judged from its own evidence (segment.genre)."""

    PAPER = "paper"  # one official paper ("tham luận", report) with headings
    COMPILATION = "compilation"  # several papers one after another
    INTERVIEW = "interview"  # questions and answers
    NEWS = "news"  # a news report (byline, agency credit, reported speech)
    SPEECH = "speech"  # a speech transcript ("Kính thưa …")
    OTHER = "other"  # unheaded prose that fits none of the above


class KindBasis(StrEnum):
    """Where a section's kind comes from (exported as ``kind_from``)."""

    HEADING = "heading"  # a heading's cue words
    QUESTION = "question"  # an interview question's wording
    WORDING = "wording"  # the paragraphs' own wording (the kind scorer)
    OPENING = "opening"  # an opening phrase, or the paper's opening before any heading


class BlockRole(StrEnum):
    """What a reader or the normaliser knows about a block before segmentation."""

    BODY = "body"
    HEADING = "heading"  # explicit: Word heading style, markdown '#', HTML <h1>..<h6>
    LIST_ITEM = "list_item"  # a numbered or bulleted list paragraph (Word numbering, <li>)
    TABLE_CELL = "table_cell"
    FOOTNOTE = "footnote"  # footnote text, kept apart from the body
    FURNITURE = "furniture"  # no letters or digits at all (a stray '-', page rules)


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a piece of text comes from: the source file and a line, paragraph or page range.

    Lines are 1-based and inclusive (text formats); ``paragraph`` numbers count the
    document's paragraphs in reading order (DOCX, HTML); ``page`` is 1-based (PDF).
    """

    source: str
    line_start: int | None = None
    line_end: int | None = None
    paragraph_start: int | None = None
    paragraph_end: int | None = None
    page_start: int | None = None
    page_end: int | None = None

    def span(self, other: Provenance) -> Provenance:
        """The smallest provenance covering ``self`` and ``other`` (same source)."""
        return Provenance(
            source=self.source,
            line_start=_min(self.line_start, other.line_start),
            line_end=_max(self.line_end, other.line_end),
            paragraph_start=_min(self.paragraph_start, other.paragraph_start),
            paragraph_end=_max(self.paragraph_end, other.paragraph_end),
            page_start=_min(self.page_start, other.page_start),
            page_end=_max(self.page_end, other.page_end),
        )

    def describe(self) -> str:
        """Short human form, e.g. ``000.txt:17-19`` or ``paper.docx ¶12`` or ``a.pdf p.3``."""
        name = self.source.replace("\\", "/").rsplit("/", 1)[-1]
        parts = [name]
        if self.line_start is not None:
            parts.append(f":{_range(self.line_start, self.line_end)}")
        if self.paragraph_start is not None:
            parts.append(f" ¶{_range(self.paragraph_start, self.paragraph_end)}")
        if self.page_start is not None:
            parts.append(f" p.{_range(self.page_start, self.page_end)}")
        return "".join(parts)

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"source": self.source}
        for key in ("line", "paragraph", "page"):
            start = getattr(self, f"{key}_start")
            if start is not None:
                data[f"{key}_start"] = start
                data[f"{key}_end"] = getattr(self, f"{key}_end")
        return data


def span_all(provenances: list[Provenance]) -> Provenance:
    result = provenances[0]
    for prov in provenances[1:]:
        result = result.span(prov)
    return result


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of a source as a reader sees it, with layout hints for segmentation."""

    text: str
    provenance: Provenance
    role: BlockRole = BlockRole.BODY
    heading_level: int | None = None  # 1 = top; only for role HEADING
    bold: bool = False  # the whole paragraph is bold (a heading hint)
    list_label: str | None = None  # rendered label of a Word/HTML list paragraph ("1.", "-")
    footnote_refs: tuple[str, ...] = ()  # footnote markers cut out of the text ("1", "2")

    def with_text(self, text: str) -> Block:
        return replace(self, text=text)

    @property
    def labelled_text(self) -> str:
        """The text with the label Word numbering rendered for it ("I. ĐẶC ĐIỂM"): a
        heading as the reader sees it."""
        return f"{self.list_label} {self.text}" if self.list_label else self.text


@dataclass(slots=True)
class Item:
    """One enumerated point of a section: its label, a short title and the full text."""

    label: str  # "Thứ nhất", "1-", "3.2-", "a)", "-" or "" for an unlabelled point
    title: str  # the first clause, where papers state their point
    text: str  # the full text without the label; paragraphs joined by "\n"
    provenance: Provenance
    paragraphs: list[Block] = field(default_factory=list)


@dataclass(slots=True)
class Section:
    """A run of a paper's body under one canonical kind."""

    kind: SectionKind
    heading: str | None  # None when the kind comes from an opening phrase or position
    provenance: Provenance
    paragraphs: list[Block] = field(default_factory=list)  # body, sub-headings included
    items: list[Item] = field(default_factory=list)
    # The heading paragraph(s): more than one when a compound heading ("Những cơ hội và
    # thách thức") handed over to this section's own sub-heading ("Về cơ hội:").
    heading_blocks: list[Block] = field(default_factory=list)
    kind_from: KindBasis = KindBasis.HEADING

    @property
    def text(self) -> str:
        """The section's full cleaned text, enumeration labels included."""
        return "\n".join(block.text for block in self.paragraphs)


@dataclass(slots=True)
class Paper:
    """One province's contribution (or, in a news article, what it says of one province)."""

    province: str | None  # display name as commonly written ("Khánh Hòa"); None if unknown
    province_2025: str | None  # the unit after the 2025 merger ("An Giang" for Kiên Giang)
    provenance: Provenance
    sections: list[Section] = field(default_factory=list)
    title_blocks: list[Block] = field(default_factory=list)  # the title, over 1–3 paragraphs
    author_block: Block | None = None  # "Tỉnh ủy Lâm Đồng"

    @property
    def title(self) -> str:
        return " ".join(block.text for block in self.title_blocks)

    @property
    def author(self) -> str | None:
        return self.author_block.text if self.author_block else None

    def section(self, kind: SectionKind) -> list[Section]:
        return [s for s in self.sections if s.kind == kind]

    def items(self, kind: SectionKind) -> list[Item]:
        return [item for s in self.sections if s.kind == kind for item in s.items]


@dataclass(slots=True)
class Document:
    """One source file, split into papers."""

    source: str
    format: str  # "text", "docx", "pdf", "html"
    papers: list[Paper] = field(default_factory=list)
    footnotes: list[Block] = field(default_factory=list)
    title_blocks: list[Block] = field(default_factory=list)  # a compilation's own title lines
    front_matter: list[Block] = field(default_factory=list)  # other text before the first paper
    furniture: list[Block] = field(default_factory=list)  # page furniture, captions, bylines…
    encoding: str | None = None
    genre: Genre = Genre.PAPER
    warnings: list[str] = field(default_factory=list)  # guesses the reading made, for stderr


@dataclass(slots=True)
class Meeting:
    """One conference: its name, its date and the documents read for it."""

    name: str
    date: date | None
    documents: list[Document] = field(default_factory=list)


def _min(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    return a if b is None else min(a, b)


def _max(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    return a if b is None else max(a, b)


def _range(start: int, end: int | None) -> str:
    return str(start) if end is None or end == start else f"{start}-{end}"
