"""A document's blocks → papers, one per province.

A paper starts at its title (all-caps, bold or a Word title/heading line, over one or more
paragraphs) followed by an author line naming the province ("Tỉnh ủy Lâm Đồng", "Thành
uỷ Đà Nẵng"); a title naming a province ("TỈNH X VỚI …", "THAM LUẬN CỦA TỈNH X") also
starts one without an author line. A document with no such start but with section
headings is one paper. Anything else is read as a news article: paragraphs that speak of
one province become that province's paper, the rest the article's general paper.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from compiler import provinces
from compiler.model import Block, BlockRole
from compiler.normalize import ascii_fold, is_caps
from compiler.segment import cues
from compiler.segment.outline import block_label, is_phrase_heading

_TITLE_WORDS = re.compile(r"^(?:tham luan|bao cao|tinh|thanh pho)\b")
_ANAPHORIC = re.compile(
    r"^(?:ben canh do|thong qua (?:do|hinh thuc nay)|dong thoi|ngoai ra|hien|trong do"
    r"|tren da|cung voi do|theo do)\b|\b(?:thanh pho|tinh) (?:da|dang|se|tiep tuc|cho biet)\b"
)
# "tổ chức tại Hà Nội": a place where something happens, not the province speaking.
_VENUE_BEFORE = re.compile(
    r"\b(?:tại|ở|đến|tới)\s+(?:(?:tỉnh|thành phố|TP\.?)\s+)?$", re.IGNORECASE
)
_MAX_AUTHOR_LINE = 80


@dataclass(slots=True)
class PaperBlocks:
    """The raw material of one paper before sections are built."""

    title_blocks: list[Block]
    author: Block | None
    province: provinces.Province | None
    body: list[Block] = field(default_factory=list)


@dataclass(slots=True)
class Split:
    papers: list[PaperBlocks]
    front_matter: list[Block]  # body text before the first paper of a compilation
    is_article: bool = False


def split_papers(blocks: list[Block]) -> Split:
    """``blocks``: normalised body blocks (no footnotes or furniture)."""
    starts = _paper_starts(blocks)
    if starts:
        return Split(
            [_paper_from(blocks, s, e) for s, e in _spans(starts, len(blocks))],
            blocks[: starts[0][0]],
        )
    if _has_section_headings(blocks):
        title = blocks[:1] if blocks and _is_title(blocks[0]) else []
        body = blocks[len(title) :]
        return Split([PaperBlocks(title, None, _most_mentioned(blocks), body)], [])
    return Split(_article_papers(blocks), [], is_article=True)


def _paper_starts(blocks: list[Block]) -> list[tuple[int, int | None]]:
    """(index of the first title block, index of the author line or None) per paper."""
    starts: list[tuple[int, int | None]] = []
    current: provinces.Province | None = None
    for index, block in enumerate(blocks):
        if _is_author_line(block) and not _continues_title(block, blocks, index):
            first = index
            while first > 0 and _is_title(blocks[first - 1]) and not _taken(starts, first - 1):
                first -= 1
            starts.append((first, index))
            current = provinces.from_author_line(block.text)
        elif _is_title(block) and _names_new_province(block, current):
            starts.append((index, None))
            current = _title_province(block)
    return _drop_signatures(_drop_title_runs(starts), blocks)


def _drop_signatures(
    starts: list[tuple[int, int | None]], blocks: list[Block]
) -> list[tuple[int, int | None]]:
    """An author line with no title above it and nothing after it signs the paper before."""
    return [
        (first, author)
        for (first, author), end in _spans(starts, len(blocks))
        if not (author == first and end == author + 1 and starts[0] != (first, author))
    ]


def _taken(starts: list[tuple[int, int | None]], index: int) -> bool:
    return any(author is not None and author >= index for _, author in starts)


def _drop_title_runs(starts: list[tuple[int, int | None]]) -> list[tuple[int, int | None]]:
    """A title-only start directly followed by a start with an author line is its title."""
    result: list[tuple[int, int | None]] = []
    for start in starts:
        if result and result[-1][1] is None and start[1] is not None and start[0] <= result[-1][0]:
            result.pop()
        if not result or start[0] > result[-1][0]:
            result.append(start)
    return result


def _spans(
    starts: list[tuple[int, int | None]], count: int
) -> list[tuple[tuple[int, int | None], int]]:
    ends = [s[0] for s in starts[1:]] + [count] if starts else []
    return list(zip(starts, ends, strict=True))


def _paper_from(blocks: list[Block], start: tuple[int, int | None], end: int) -> PaperBlocks:
    first, author_index = start
    if author_index is not None:
        title, author, body = (
            blocks[first:author_index],
            blocks[author_index],
            blocks[author_index + 1 : end],
        )
        province = provinces.from_author_line(author.text)
    else:
        title, author, body = [blocks[first]], None, blocks[first + 1 : end]
        province = _title_province(blocks[first])
    if province is None:
        province = next((p for b in title for p in [_title_province(b)] if p), None)
    return PaperBlocks(title, author, province or _most_mentioned(body), body)


def _continues_title(block: Block, blocks: list[Block], index: int) -> bool:
    """An all-caps line naming a province ("THÀNH PHỐ CẦN THƠ") with more title lines after
    it is the first line of a title (one paragraph per line, as in Word), not the author."""
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return (
        is_caps(block.text)
        and following is not None
        and _is_title(following)
        and not _is_author_line(following)
    )


def _is_author_line(block: Block) -> bool:
    return (
        len(block.text) <= _MAX_AUTHOR_LINE
        and block_label(block) is None
        and provinces.from_author_line(block.text) is not None
    )


def _is_title(block: Block) -> bool:
    if block.role not in (BlockRole.BODY, BlockRole.HEADING) or block_label(block) is not None:
        return False
    if len(block.text) < 8 or len(block.text) > 400 or block.text.endswith((".", ";")):
        return False
    if block.role == BlockRole.HEADING:
        return (block.heading_level or 1) <= 1
    return is_caps(block.text) or block.bold


def _names_new_province(block: Block, current: provinces.Province | None) -> bool:
    if not _TITLE_WORDS.match(ascii_fold(block.text)):
        return False
    province = _title_province(block)
    return province is not None and (current is None or province.key != current.key)


def _title_province(block: Block) -> provinces.Province | None:
    found = provinces.find_all(block.text)
    return found[0][0] if found else None


def _most_mentioned(blocks: list[Block]) -> provinces.Province | None:
    mentioned = [p for b in blocks[:40] for p, _, _ in provinces.find_all(b.text)]
    if not mentioned:
        return None
    key = Counter(p.key for p in mentioned).most_common(1)[0][0]
    return next(p for p in mentioned if p.key == key)


def _is_venue(text: str, start: int) -> bool:
    """ "… tổ chức tại Hà Nội": a venue. "Tại Cần Thơ, …" opening a paragraph is its subject."""
    before = text[max(0, start - 12) : start]
    return bool(_VENUE_BEFORE.search(before)) and bool(text[:start].strip(" ,").count(" ") > 1)


def _has_section_headings(blocks: list[Block]) -> bool:
    """Headings of at least two different specific kinds (say, challenges and tasks): the
    shape of a paper, not of a news article or an interview."""
    kinds = set()
    for block in blocks:
        label = block_label(block)
        text = label.rest if label else block.text
        shaped = (
            block.role == BlockRole.HEADING
            or is_caps(text)
            or block.bold
            or is_phrase_heading(text)
        )
        if shaped and len(text) <= 160:
            kinds.add(cues.heading_kind(text))
    return len(kinds & cues.SPECIFIC_KINDS) >= 2


# --- news articles ---------------------------------------------------------------------------


def _article_papers(blocks: list[Block]) -> list[PaperBlocks]:
    """Group an article's paragraphs by the province they speak of."""
    title = (
        blocks[:1] if blocks and (is_phrase_heading(blocks[0].text) or _is_title(blocks[0])) else []
    )
    general = PaperBlocks(title, None, None)
    by_province: dict[str, PaperBlocks] = {}
    previous: provinces.Province | None = None
    for block in blocks[len(title) :]:
        province = _speaks_for(block, previous)
        if province is None:
            general.body.append(block)
        else:
            # The article's title belongs to its general part; papers cut from it have none.
            paper = by_province.setdefault(province.key, PaperBlocks([], None, province))
            paper.body.append(block)
        previous = province
    papers = [general] if general.body or general.title_blocks else []
    return papers + list(by_province.values())


def _speaks_for(block: Block, previous: provinces.Province | None) -> provinces.Province | None:
    mentioned = {
        p.key: p
        for p, start, _ in provinces.find_all(block.text)
        if not _is_venue(block.text, start)
    }
    if len(mentioned) == 1:
        return next(iter(mentioned.values()))
    if not mentioned and previous is not None and _ANAPHORIC.search(ascii_fold(block.text)):
        return previous
    return None
