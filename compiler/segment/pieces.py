"""Unheaded pieces (interviews, news reports, speeches, prose reports) → papers.

A piece's leading title lines (its headline, a speech's "Phát biểu của …") frame it; every
other paragraph gets an owner (``owners``) and a kind (``prose``); runs of paragraphs with
the same owner and kind become sections, each question or subheading opening its own. Each
owner's sections make its paper: the province's, or the general part (province None) for
text about no single province.
"""

from __future__ import annotations

from dataclasses import dataclass

from compiler import provinces
from compiler.model import Block, Genre, Section
from compiler.segment import owners, prose
from compiler.segment.papers import PaperBlocks, leading_title
from compiler.segment.sections import prose_section


@dataclass(slots=True)
class Piece:
    """A paper of an unheaded piece: its framing, province and finished sections."""

    raw: PaperBlocks
    sections: list[Section]


def read_piece(body: list[Block], framing_furniture: list[Block], genre: Genre) -> list[Piece]:
    title = leading_title(body)
    rest = body[len(title) :]
    one_voice = genre in (Genre.INTERVIEW, Genre.SPEECH)
    ownership = owners.assign(rest, title + framing_furniture, one_voice, genre == Genre.OTHER)
    pieces: dict[str | None, Piece] = {}
    general = PaperBlocks(title, None, ownership.single)
    pieces[_key(ownership.single)] = Piece(general, [])
    for owner, section, blocks in owned_sections(rest, ownership.owners):
        piece = pieces.setdefault(_key(owner), Piece(PaperBlocks([], None, owner), []))
        piece.raw.body.extend(blocks)
        piece.sections.append(section)
    return [p for p in pieces.values() if p.sections or p.raw.title_blocks]


def owned_sections(
    blocks: list[Block], owner_of: list[provinces.Province | None]
) -> list[tuple[provinces.Province | None, Section, list[Block]]]:
    """Sections of unheaded text whose owners are known, with their owner and blocks."""
    readings = prose.read_kinds(blocks, owner_of)
    return [
        (
            owner,
            prose_section(reading.kind, reading.basis, heading, paragraphs),
            heading + paragraphs,
        )
        for owner, reading, heading, paragraphs in _runs(blocks, owner_of, readings)
    ]


def _key(province: provinces.Province | None) -> str | None:
    return province.key if province else None


Run = tuple[provinces.Province | None, prose.Reading, list[Block], list[Block]]


def _runs(
    blocks: list[Block], owner_of: list[provinces.Province | None], readings: list[prose.Reading]
) -> list[Run]:
    """Consecutive blocks with one owner and one kind; a heading or question opens a run."""
    runs: list[Run] = []
    for block, owner, reading in zip(blocks, owner_of, readings, strict=True):
        last = runs[-1] if runs else None
        continues = (
            last is not None
            and last[0] == owner
            and last[1].kind == reading.kind
            and not reading.opens
        )
        if continues and last is not None:
            last[3].append(block)
        elif reading.opens:
            runs.append((owner, reading, [block], []))
        else:
            runs.append((owner, reading, [], [block]))
    return runs
