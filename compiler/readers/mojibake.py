"""Mojibake: UTF-8 text that was read as Windows-1252 (or Latin-1) and saved again.

"THÀNH PHỐ" becomes "THÃ€NH PHá»\x90": every byte of a letter's UTF-8 form turned into a
character of its own. The damage is undone exactly by mapping each such character back to
its byte (Windows-1252 where the code page defines it, Latin-1 for the five bytes it leaves
undefined, which come through as C1 control characters) and decoding the bytes as UTF-8.

A text is judged double-encoded when runs of such characters decode to UTF-8 and the text
holds almost no Vietnamese letter outside Latin-1 (a real Vietnamese text is full of "ạ",
"ư", "đ"; a double-encoded one has none left). It is repaired only when every such run
decodes; when bytes were lost (a C1 character dropped or replaced on the way), the exact
original cannot be recovered and the text is refused.
"""

from __future__ import annotations

import re

from compiler.diagnostics import warn
from compiler.errors import SourceError

# Each byte 0x80-0xFF as Latin-1 reads it, and as Windows-1252 reads 0x80-0x9F ("€" for
# 0x80; the five bytes it leaves undefined come through as Latin-1's C1 controls).
_TO_BYTE = {chr(code): code for code in range(0x80, 0x100)} | {
    bytes([code]).decode("cp1252"): code
    for code in range(0x80, 0xA0)
    if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
_BYTE_RUN = re.compile("[" + re.escape("".join(sorted(_TO_BYTE, key=ord))) + "]+")
# Letters of Vietnamese outside Latin-1: a real Vietnamese text is full of them.
_VIETNAMESE = re.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]"
)

# A lead byte (0xC2-0xF4) then a continuation byte (0x80-0xBF): how every mojibake starts.
_PAIR = re.compile(
    "[\u00c2-\u00f4]["
    + re.escape("".join(ch for ch, code in _TO_BYTE.items() if 0x80 <= code < 0xC0))
    + "]"
)


class Unrepairable(ValueError):
    """Double-encoded text with bytes lost: the original cannot be recovered exactly."""


def repair(text: str) -> str | None:
    """The original of a double-encoded text; None when the text is not double-encoded.
    Raises ``Unrepairable`` when it is but some of its characters no longer decode."""
    repaired = repair_all([text])
    return repaired[0] if repaired is not None else None


def repair_all(texts: list[str]) -> list[str] | None:
    """``repair`` over the paragraphs of one document, judged as a whole."""
    pairs = sum(len(_PAIR.findall(text)) for text in texts)
    letters = sum(len(_VIETNAMESE.findall(text)) for text in texts)
    if not pairs or letters > pairs:
        return None  # no mojibake at all, or real Vietnamese (a stray "Ã" or "ó”" in it)
    runs = [run for text in texts for run in _BYTE_RUN.findall(text)]
    decoded = [_decode(run) for run in runs]
    good = sum(1 for d in decoded if d is not None and _VIETNAMESE.search(d))
    if good == 0 or letters > good:
        return None
    broken = next((run for run, d in zip(runs, decoded, strict=True) if d is None), None)
    if broken is not None:
        raise Unrepairable(f"bytes lost near '{broken[:12]}'")
    return [_BYTE_RUN.sub(lambda match: _decode(match.group()) or "", text) for text in texts]


def _decode(run: str) -> str | None:
    try:
        return bytes(_TO_BYTE[ch] for ch in run).decode("utf-8")
    except UnicodeDecodeError:
        return None


def repaired(texts: list[str], name: str) -> list[str]:
    """The texts of one file, repaired (with a warning) when double-encoded; a file whose
    original cannot be recovered exactly is refused."""
    try:
        result = repair_all(texts)
    except Unrepairable as error:
        raise SourceError(
            name,
            f"garbled text (UTF-8 read as Windows-1252) that cannot be repaired ({error}); "
            "save it again from the original",
        ) from None
    if result is None:
        return texts
    warn("double-encoded UTF-8 (mojibake) repaired")
    return result
