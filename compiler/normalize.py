"""Clean reader blocks before segmentation.

- Unicode NFC; characters not allowed in XML (control characters, U+FFFE/U+FFFF),
  zero-width marks and soft hyphens removed (zero-width joiners inside emoji and
  non-Latin scripts kept); whitespace collapsed.
- Markdown emphasis (``*…*``, ``**…**``, ``__…__``) stripped; a paragraph wrapped whole in
  ``**`` is marked bold, a heading hint.
- Footnotes separated from the text they interrupt: footnote lines ("⁽¹⁾ …", "¹ …") become
  FOOTNOTE blocks; inline markers ("⁽¹⁾", "¹") are cut out and kept as ``footnote_refs``.
- Paragraphs split at page breaks are rejoined: a paragraph that starts in lower case
  continues the previous body paragraph.
- Blocks with no letter or digit become FURNITURE (kept, never silently dropped).

Also the text keys used for matching: ``fold`` (case and tone placement) and ``ascii_fold``
(no diacritics at all, for OCR-damaged headings).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache

from compiler.enumeration import LabelKind, parse_label
from compiler.model import Block, BlockRole

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
# Soft hyphens, zero-width spaces and word joiners go; zero-width (non-)joiners go too, except
# between two visible characters beyond Latin, where they shape emoji ("👩‍💻") and joining
# scripts. Neutral: Latin and Vietnamese letters, marks, spaces, punctuation, invisibles.
_NEUTRAL = "\\s\\x00-\\u036f\\u1e00-\\u1eff\\u2000-\\u206f\\ufeff"
_INVISIBLE = re.compile(  # each branch starts with its character, so the scan stays fast
    "[\u00ad\u200b\u2060\ufeff]"
    f"|[\u200c\u200d](?:(?<![^{_NEUTRAL}][\u200c\u200d])|(?![^{_NEUTRAL}]))"
)

_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER_TO_DIGIT = str.maketrans(_SUPERSCRIPT_DIGITS, "0123456789")
_FOOTNOTE_LINE = re.compile(
    rf"^(?:⁽([{_SUPERSCRIPT_DIGITS}]+)⁾|([{_SUPERSCRIPT_DIGITS}]+)|\[\^?(\d+)\]:?)\s+(?=\S)"
)
_PAREN_MARKER = re.compile(rf"⁽([{_SUPERSCRIPT_DIGITS}]+)⁾|\[\^(\d+)\]")
# A bare superscript right after a word or punctuation is a footnote marker, except in
# units of area and volume (km², m³).
_BARE_MARKER = re.compile(rf"(?<=[^\s\d])([{_SUPERSCRIPT_DIGITS}]+)(?!\w)")
_ANY_SUPERSCRIPT = re.compile(f"[{_SUPERSCRIPT_DIGITS}]")
_UNIT_BEFORE = re.compile(r"(?:^|[^\w])(?:k|c|d|m|h)?m$")

_BOLD_WRAPPED = re.compile(r"^(\*{2,3}|__)\s*(.+?)\s*(\*{2,3}|__)$", re.DOTALL)
_MD_BULLET = re.compile(r"^\*\s+(?=\S)")
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,3}|_{2})(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_STRAY_ASTERISKS = re.compile(r"\*{2,}|(?<=\s)\*(?=\s)|^\*(?=\S)|(?<=\S)\*$")


def clean_text(text: str) -> str:
    """NFC, XML-safe, single-spaced text."""
    text = _NOT_XML.sub(" ", text)
    text = _INVISIBLE.sub("", text)  # before NFC: a zero-width space may split a letter and mark
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00d0", "Đ")  # Icelandic Eth typed for Đ by legacy converters
    return _single_spaced(text)


def _single_spaced(text: str) -> str:
    # str.split() splits on every character str.isspace knows (NBSP, em space, …): fast.
    return " ".join(text.split())


def strip_emphasis(text: str) -> tuple[str, bool]:
    """Remove markdown emphasis; report whether the whole text was wrapped in bold."""
    if "*" not in text and "__" not in text:  # every pattern below needs one of them
        return _single_spaced(text), False
    bold = False
    wrapped = _BOLD_WRAPPED.match(text)
    if wrapped:
        text, bold = wrapped.group(2), True
    text = _MD_BULLET.sub("- ", text)
    previous = None
    while previous != text:
        previous, text = text, _EMPHASIS.sub(r"\2", text)
    text = _STRAY_ASTERISKS.sub("", text)
    return _single_spaced(text), bold


def cut_footnote_markers(text: str) -> tuple[str, tuple[str, ...]]:
    if "[^" not in text and not _ANY_SUPERSCRIPT.search(text):  # no marker can be there
        return _single_spaced(text), ()
    refs: list[str] = []

    def take(match: re.Match[str]) -> str:
        refs.append(next(g for g in match.groups() if g).translate(_SUPER_TO_DIGIT))
        return ""

    def take_unless_unit(match: re.Match[str]) -> str:
        if _UNIT_BEFORE.search(match.string[max(0, match.start() - 4) : match.start()]):
            return match.group(0)
        return take(match)

    text = _PAREN_MARKER.sub(take, text)
    text = _BARE_MARKER.sub(take_unless_unit, text)
    return _single_spaced(text), tuple(refs)


def normalize_block(block: Block) -> Block:
    cleaned = clean_text(block.text)
    if _is_furniture(cleaned):
        return replace(block, text=cleaned, role=BlockRole.FURNITURE)
    text, bold = strip_emphasis(cleaned)
    role = block.role
    footnote = _FOOTNOTE_LINE.match(text)
    if footnote and role != BlockRole.HEADING:
        ref = next(g for g in footnote.groups() if g).translate(_SUPER_TO_DIGIT)
        return replace(
            block, text=text[footnote.end() :], role=BlockRole.FOOTNOTE, footnote_refs=(ref,)
        )
    text, refs = cut_footnote_markers(text)
    if _is_furniture(text):
        role = BlockRole.FURNITURE
    return replace(
        block,
        text=text,
        role=role,
        bold=block.bold or bold,
        footnote_refs=block.footnote_refs + refs,
    )


_PAGE_NUMBER = re.compile(
    r"^[-–—(\[\s]*(?:trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?[-–—)\]\s]*$", re.IGNORECASE
)


def _is_furniture(text: str) -> bool:
    """No letter or digit ("* * *", a stray "-"), or a page number ("- 12 -", "12")."""
    return not any(ch.isalnum() for ch in text) or bool(_PAGE_NUMBER.match(text))


def normalize_blocks(blocks: list[Block]) -> list[Block]:
    """Clean every block, split headings run together, rejoin paragraphs split by page
    breaks."""
    cleaned = [
        part
        for b in blocks
        for piece in split_motto(normalize_block(b))
        for part in split_run_together(piece)
    ]
    return join_continuations([b for b in cleaned if b.text or b.role == BlockRole.FURNITURE])


# The national motto of an administrative header (Nghị định 30), which copying from a
# two-column header often runs together with the issuer beside it: "ỦY BAN NHÂN DÂN TỈNH X
# CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc".
_MOTTO = re.compile(r"cộng hòa xã hội chủ nghĩa việt nam|độc lập\s*[-–]\s*tự do\s*[-–]\s*hạnh phúc")


def split_motto(block: Block) -> list[Block]:
    """The issuer, the motto's two lines and anything after them, as separate blocks."""
    if block.role not in (BlockRole.BODY, BlockRole.HEADING) or len(block.text) > 300:
        return [block]
    text = block.text
    # Found on the folded text (case and tone placement), which keeps every offset.
    cuts = sorted({0, len(text)} | {i for m in _MOTTO.finditer(fold(text)) for i in m.span()})
    parts = [text[a:b].strip() for a, b in zip(cuts, cuts[1:], strict=False)]
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return [block]
    return [block.with_text(part) for part in parts]


# A numbered heading's label inside a line: " 1. Về …", " IV. KIẾN NGHỊ", " 3.1. Về cơ hội".
_INNER_LABEL = re.compile(r"\s(?=(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})*)\s?[.)\-]\s+[A-ZĐÀ-Ỹ])")
_SENTENCE_MARK = re.compile(r"[.;:!?,]")
_MAX_RUN_TOGETHER = 120  # characters of the first heading


def split_run_together(block: Block) -> list[Block]:
    """Two headings that OCR or copying ran together on one line ("II. KẾT QUẢ ĐẠT ĐƯỢC
    1. Về hợp tác kinh tế"): split where a second label follows a first heading written in
    capitals, or a short numbered heading with no punctuation."""
    if block.role not in (BlockRole.BODY, BlockRole.HEADING) or len(block.text) > 400:
        return [block]
    first_label = parse_label(block.text)
    for match in _INNER_LABEL.finditer(block.text):
        head, tail = block.text[: match.start()], block.text[match.end() :]
        head_text = first_label.rest[: match.start()] if first_label else head
        shaped = is_caps(head_text) or (
            first_label is not None
            and first_label.kind in (LabelKind.ROMAN, LabelKind.ARABIC, LabelKind.DECIMAL)
            and len(head) <= _MAX_RUN_TOGETHER
            and not _SENTENCE_MARK.search(head_text)
        )
        if shaped and (first_label is not None or is_caps(head)) and len(head.split()) >= 2:
            return [block.with_text(head), *split_run_together(block.with_text(tail))]
    return [block]


def join_continuations(blocks: list[Block]) -> list[Block]:
    """Join a paragraph that starts in lower case to the previous body paragraph.

    Footnotes and furniture between the two halves (a page footer) stay where they are.
    """
    result: list[Block] = []
    last_body: int | None = None  # index in result of the paragraph a continuation joins
    for block in blocks:
        if block.role in (BlockRole.FOOTNOTE, BlockRole.FURNITURE):
            result.append(block)
            continue
        if last_body is not None and _is_continuation(block, result[last_body]):
            result[last_body] = _join(result[last_body], block)
            continue
        result.append(block)
        last_body = len(result) - 1 if block.role != BlockRole.HEADING else None
    return result


def _is_continuation(block: Block, previous: Block) -> bool:
    if block.role not in (BlockRole.BODY, BlockRole.LIST_ITEM) or block.list_label:
        return False
    if (
        previous.role == BlockRole.TABLE_CELL
        or previous.provenance.source != block.provenance.source
    ):
        return False
    first = block.text[:1]
    if not (first.isalpha() and first.islower()):
        return False
    label = parse_label(block.text)
    return label is None or label.kind not in (
        LabelKind.LETTER,
        LabelKind.ORDINAL,
        LabelKind.ROMAN,  # "l." read by OCR for "I."
    )


def _join(previous: Block, block: Block) -> Block:
    return replace(
        previous,
        text=f"{previous.text} {block.text}",
        provenance=previous.provenance.span(block.provenance),
        footnote_refs=previous.footnote_refs + block.footnote_refs,
    )


def is_caps(text: str) -> bool:
    """Written in capitals (a title or heading line), allowing a few lower-case letters.

    Judged on the first 300 characters: no heading runs longer, and body paragraphs are
    long (this runs on every paragraph)."""
    head = text[:300]
    upper = sum(map(str.isupper, head))
    lower = sum(map(str.islower, head))
    return upper + lower >= 4 and upper >= 0.85 * (upper + lower)


# --- matching keys -------------------------------------------------------------------------

_TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"  # grave, acute, hook above, tilde, dot below


def _toned(base: str) -> list[str]:
    return [unicodedata.normalize("NFC", base + mark) for mark in _TONE_MARKS]


# New-style placement ("hoà", "khoẻ", "thuỷ") -> old style used in government documents
# ("hòa", "khỏe", "thủy"), for open "oa", "oe", "uy" syllables; "qu" + y keeps its tone
# ("quý"), and a final consonant or vowel ("hoàn", "hoài") means the tone is already right.
_TONE_SWAP: dict[str, str] = {}
for _first, _second in (("o", "a"), ("o", "e"), ("u", "y")):
    for _moved, _from in zip(_toned(_first), _toned(_second), strict=True):
        _TONE_SWAP[_first + _from] = _moved + _second
# A character class first keeps the scan fast; pairs outside the table are left alone.
_TONE_PAIR = re.compile(
    "(?<!q)[ou][" + "".join(sorted({pair[1] for pair in _TONE_SWAP})) + "](?![\\w\u0300-\u036f])"
)


def fold(text: str) -> str:
    """Matching key: NFC, case-folded, one tone placement (hoà = hòa, uỷ = ủy), "Ð" = "Đ".

    For NFC input the result has the same length as the input, character for character, so
    offsets found in the folded text are valid in the original.
    """
    return unicodedata.normalize("NFC", _fold_nfc(unicodedata.normalize("NFC", text)))


def _fold_nfc(text: str) -> str:
    folded = text.casefold()
    if len(folded) != len(text):  # "ß" -> "ss" etc.: fold such characters one by one
        folded = "".join(_casefold_char(ch) for ch in text)
    # Icelandic eth (and the African D) typed for "Đ" by legacy converters.
    folded = folded.replace("ð", "đ").replace("ɖ", "đ")
    return _TONE_PAIR.sub(_swap_tone, folded)


def _swap_tone(match: re.Match[str]) -> str:
    return _TONE_SWAP.get(match.group(), match.group())


def _casefold_char(ch: str) -> str:
    for candidate in (ch.casefold(), ch.lower()):
        if len(candidate) == 1:
            return candidate
    return ch


_ASCII = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})


def _strip_marks_slowly(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.translate(_ASCII))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _marks_table() -> dict[int, str]:
    """Every precomposed Latin letter (Vietnamese ones included) to its bare letter, and
    combining marks to nothing: one ``str.translate`` does what NFD + filtering does."""
    table: dict[int, str] = {}
    for code in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]:
        bare = _strip_marks_slowly(chr(code))
        if bare != chr(code):
            table[code] = bare
    table.update({code: "" for code in range(0x0300, 0x0370)})
    return table


_MARKS = _marks_table()


@lru_cache(maxsize=8192)
def ascii_fold(text: str) -> str:
    """Matching key without any diacritic ("ĐÓI NGOẠI" and "đối ngoại" → "doi ngoai").

    Cached: the reading folds the same paragraph in several places."""
    return text.casefold().translate(_MARKS)
