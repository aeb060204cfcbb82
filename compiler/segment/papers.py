"""A headed document's blocks → papers, one per province.

A paper starts at its title (all-caps, bold or a Word title/heading line, over one or more
paragraphs) followed by an author line naming the province ("Tỉnh ủy Lâm Đồng", "Thành
uỷ Đà Nẵng"); a title naming a province ("TỈNH X VỚI …", "THAM LUẬN CỦA TỈNH X") also
starts one without an author line. A document with no such start but with section
headings is one paper, about the province it is about (``owners.main_subject``).
Unheaded pieces (interviews, news reports, speeches, prose) are read by ``pieces``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from compiler import provinces
from compiler.model import Block, BlockRole, SectionKind
from compiler.normalize import ascii_fold, is_caps
from compiler.segment import cues, owners
from compiler.segment.genre import is_question
from compiler.segment.outline import block_label, is_phrase_heading

_TITLE_WORDS = re.compile(r"^(?:tham luan|bao cao|tinh|thanh pho)\b")
_MAX_AUTHOR_LINE = 80
_SUBTITLE = re.compile(r"^\([^()]{8,200}\)$")
_MAX_TITLE = 250  # characters of a headline or a speech's title line
_DOCUMENT_TYPE = re.compile(
    r"^(?:bao cao|tham luan|thong cao(?: bao chi)?|thong tin bao chi|to trinh|ke hoach"
    r"|bai phat bieu|phat bieu|dien van|thong bao|tin bai|ban tin)\W*$"
)


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


def split_papers(
    blocks: list[Block],
    starts: list[tuple[int, int | None]],
    issuer: provinces.Province | None = None,
) -> Split:
    """``blocks``: normalised body blocks (no footnotes or furniture); ``starts`` from
    ``paper_starts``. Without starts the whole body is one paper, by the ``issuer`` of the
    document when its header names one."""
    if starts:
        return Split(
            [_paper_from(blocks, s, e) for s, e in _spans(starts, len(blocks))],
            blocks[: starts[0][0]],
        )
    title = leading_title(blocks)
    body = blocks[len(title) :]
    province = issuer or owners.main_subject(body, title)
    return Split([PaperBlocks(title, None, province, body)], [])


def paper_starts(blocks: list[Block]) -> list[tuple[int, int | None]]:
    """(index of the first title block, index of the author line or None) per paper."""
    starts: list[tuple[int, int | None]] = []
    current: provinces.Province | None = None
    for index, block in enumerate(blocks):
        if _is_author_line(block) and not _continues_title(block, blocks, index):
            first = index
            while (
                first > 0
                and is_title(blocks[first - 1])
                and not _taken(starts, first - 1)
                and _adjacent(blocks[first - 1], blocks[first])
            ):
                first -= 1
            starts.append((first, index))
            current = provinces.from_author_line(block.text)
        elif is_title(block) and _names_new_province(block, current):
            starts.append((index, None))
            current = _title_province(block)
    return _drop_signatures(_drop_title_runs(starts), blocks)


def _drop_signatures(
    starts: list[tuple[int, int | None]], blocks: list[Block]
) -> list[tuple[int, int | None]]:
    """An author line with no title above it and nothing after it signs the text before it
    (a paper's, or a whole press release's: then there is no paper start at all)."""
    return [
        (first, author)
        for (first, author), end in _spans(starts, len(blocks))
        if not (author == first and end == author + 1)
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
    return PaperBlocks(title, author, province or owners.main_subject(body, title), body)


def _adjacent(before: Block, after: Block) -> bool:
    """Nothing but blank lines between two blocks: a title's lines stand together, while
    something set apart between them (a circulation note, a date) separates a compilation's
    title from its first paper's."""
    a, b = before.provenance, after.provenance
    if a.line_end is not None and b.line_start is not None:
        return b.line_start - a.line_end <= 2
    if a.paragraph_end is not None and b.paragraph_start is not None:
        return b.paragraph_start - a.paragraph_end <= 1
    return True


def _continues_title(block: Block, blocks: list[Block], index: int) -> bool:
    """An all-caps line naming a province ("THÀNH PHỐ CẦN THƠ") with more title lines after
    it is the first line of a title (one paragraph per line, as in Word), not the author."""
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return (
        is_caps(block.text)
        and following is not None
        and is_title(following)
        and not _is_author_line(following)
    )


def _is_author_line(block: Block) -> bool:
    return (
        len(block.text) <= _MAX_AUTHOR_LINE
        and block_label(block) is None
        and provinces.from_author_line(block.text) is not None
    )


def is_title(block: Block) -> bool:
    if block.role not in (BlockRole.BODY, BlockRole.HEADING) or block_label(block) is not None:
        return False
    if _SUBTITLE.match(block.text):
        return True  # "(Tham luận tại Hội nghị …)" under a title
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


def heading_kinds(blocks: list[Block]) -> set[SectionKind]:
    """The specific kinds (challenges, tasks, …) that heading-shaped lines name: two or more
    are the shape of a paper, not of a news article or an interview."""
    kinds: set[SectionKind | None] = set()
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
    return {k for k in kinds if k in cues.SPECIFIC_KINDS}


def leading_title(body: list[Block]) -> list[Block]:
    """The headline (or a speech's title line), and the caps or bold lines continuing it; after
    a document-type line ("BÁO CÁO", "THÔNG CÁO BÁO CHÍ") the line naming its subject."""
    if not body or not _title_like(body[0]):
        return []
    title = [body[0]]
    for block in body[1:3]:
        names_subject = _DOCUMENT_TYPE.match(ascii_fold(title[-1].text).strip())
        if not ((is_title(block) or names_subject) and _title_like(block)):
            break
        title.append(block)
    return title


def _title_like(block: Block) -> bool:
    text = block.text
    return (
        len(text) <= _MAX_TITLE
        and not text.endswith((".", ";", ":", "…"))
        and not is_question(block)
        and block.role in (BlockRole.BODY, BlockRole.HEADING)
        and block_label(block) is None
    )
