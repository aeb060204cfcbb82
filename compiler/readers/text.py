"""Plain text and Markdown: lines grouped into paragraph blocks with line provenance.

Real papers put each paragraph on one line; hand-written Markdown wraps paragraphs over
several lines. Consecutive lines are joined into one block unless the next line opens a
list item or heading, or the previous line ends a sentence. All-caps lines (a title
printed over several lines) join each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from compiler.enumeration import opens_enumeration
from compiler.errors import SourceError
from compiler.model import Block, BlockRole, Provenance
from compiler.normalize import is_caps
from compiler.readers import legacy, mojibake

FORMAT = "text"
SUFFIXES = {".txt", ".md", ".markdown", ".text"}

# Markdown constructs that start their own block (enumerations are checked separately).
_OPENS_MARKDOWN = re.compile(r"^\s*(?:\#{1,6}\s|\||>|\*\s)")
_ENDS_SENTENCE = re.compile(r"[.!?:;…][\"'”’»)\]*_]*\s*$")
_MD_HEADING = re.compile(r"^\s*(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT_RULE = re.compile(r"^\s*(=+|-+)\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?[\s:|-]+\|[\s:|-]*$")


@dataclass(slots=True)
class _Line:
    number: int  # 1-based
    text: str


def read(path: Path, display_name: str) -> list[Block]:
    return read_document(path, display_name)[0]


def read_document(path: Path, display_name: str) -> tuple[list[Block], str]:
    """The blocks and the encoding the text came in ("utf-8", "tcvn3", "vni", …)."""
    text, encoding = decode_detailed(path.read_bytes(), display_name)
    return list(blocks_from_text(text, display_name)), encoding


def decode(data: bytes, display_name: str) -> str:
    return decode_detailed(data, display_name)[0]


def decode_detailed(data: bytes, display_name: str) -> tuple[str, str]:
    """UTF-8 (with or without BOM) or UTF-16 with BOM, TCVN3/VNI glyph codes converted;
    legacy Vietnamese bytes (see ``legacy``); anything else is refused clearly.
    Returns the text and the name of the encoding it came in."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, legacy_code = legacy.detect_and_convert(
            _unmangled(data.decode("utf-16"), display_name)
        )
        return text, legacy_code or "utf-16"
    if b"\x00" in data[:4096]:
        raise SourceError(display_name, "not a text file (binary content)")
    try:
        decoded = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return _decode_legacy(data, display_name, error)
    text, legacy_code = legacy.detect_and_convert(_unmangled(decoded, display_name))
    return text, legacy_code or "utf-8"


def _unmangled(text: str, display_name: str) -> str:
    """Double-encoded UTF-8 repaired before anything reads the text (see ``mojibake``)."""
    return mojibake.repaired([text], display_name)[0]


def _decode_legacy(data: bytes, display_name: str, error: UnicodeDecodeError) -> tuple[str, str]:
    # Windows-1258, TCVN3, VNI or VISCII bytes, whichever reads as Vietnamese.
    decoded = legacy.decode_bytes(data)
    if decoded is not None:
        return decoded
    raise SourceError(
        display_name, f"not UTF-8 text (invalid byte at offset {error.start}); save it as UTF-8"
    )


def blocks_from_text(text: str, source: str) -> list[Block]:
    lines = [_Line(n, line) for n, line in enumerate(text.splitlines(), start=1)]
    blocks: list[Block] = []
    for group in _groups(lines):
        blocks.extend(_blocks_from_group(group, source))
    return blocks


def _groups(lines: list[_Line]) -> list[list[_Line]]:
    """Runs of non-blank lines."""
    groups: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines:
        if line.text.strip():
            current.append(line)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _blocks_from_group(group: list[_Line], source: str) -> list[Block]:
    if (
        len(group) == 2
        and _SETEXT_RULE.match(group[1].text)
        and not opens_enumeration(group[0].text)
    ):
        level = 1 if group[1].text.strip().startswith("=") else 2
        return [_block([group[0]], source, BlockRole.HEADING, level, group[1].number)]
    blocks: list[Block] = []
    pending: list[_Line] = []
    for line in group:
        if pending and not _continues(pending[-1].text, line.text):
            blocks.append(_finish(pending, source))
            pending = []
        pending.append(line)
    if pending:
        blocks.append(_finish(pending, source))
    return [b for b in blocks if b.text]


def _continues(previous: str, line: str) -> bool:
    if opens_enumeration(line) or _OPENS_MARKDOWN.match(line) or _ENDS_SENTENCE.search(previous):
        return False
    if _MD_HEADING.match(previous) or previous.lstrip().startswith("|"):
        return False
    if is_caps(previous) and is_caps(line):
        return True  # a title printed over several lines
    return len(previous.strip()) >= 50 and not is_caps(previous)


def _finish(lines: list[_Line], source: str) -> Block:
    first = lines[0].text
    heading = _MD_HEADING.match(first)
    if heading and len(lines) == 1:
        return _block(
            lines, source, BlockRole.HEADING, len(heading.group(1)), text=heading.group(2)
        )
    if first.lstrip().startswith("|"):
        if _TABLE_RULE.match(first):
            return _block(lines, source, BlockRole.FURNITURE)
        cells = [c.strip() for c in first.strip().strip("|").split("|")]
        return _block(lines, source, BlockRole.TABLE_CELL, text=" | ".join(c for c in cells if c))
    if first.lstrip().startswith(">"):
        text = " ".join(line.text.lstrip().lstrip(">").strip() for line in lines)
        return _block(lines, source, text=text)
    return _block(lines, source)


def _block(
    lines: list[_Line],
    source: str,
    role: BlockRole = BlockRole.BODY,
    level: int | None = None,
    last_line: int | None = None,
    text: str | None = None,
) -> Block:
    joined = text if text is not None else " ".join(line.text.strip() for line in lines)
    provenance = Provenance(source, lines[0].number, last_line or lines[-1].number)
    return Block(joined.strip(), provenance, role, heading_level=level)
