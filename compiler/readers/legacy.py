"""Legacy Vietnamese encodings: TCVN3 (ABC), VNI and VISCII.

Papers typed before Unicode arrive in font encodings. A TCVN3 (.VnTime) or VNI (VNI-Times)
document saved as plain text, or copied out of a PDF, holds Windows-1252 characters that
spell Vietnamese only in those fonts: "Tæng hîp" (TCVN3) or "Toång hôïp" (VNI) for
"Tổng hợp". Such text is valid Unicode, so it is recognised by how it reads: converted, its
words must be Vietnamese syllables far more often than before. Genuine Unicode Vietnamese
and plain English never gain from a conversion and are left alone.

* TCVN3 has one code per lower-case letter and for Ă Â Ê Ô Ơ Ư Đ; capitals with a tone were
  drawn by a second font (.VnTimeH) from the lower-case codes, and the upper half of the
  full TCVN 5712 table places 16 of them in free slots. Capitals are restored from context:
  inside an all-caps word and at the start of a sentence.
* VNI writes a base letter followed by a code for its marks ("e" + "ä" = "ệ"); ơ, ư, đ and
  the toned i and ỵ are single codes.
* VISCII is a byte code (it uses six C0 control slots for letters): it is only tried on
  bytes that are not UTF-8, as are Windows-1258 and raw TCVN3/VNI bytes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from compiler.model import Block

TCVN3 = "tcvn3"
VNI = "vni"
VISCII = "viscii"
CP1258 = "windows-1258"

_SAMPLE = 50_000  # characters looked at to detect an encoding
_MIN_SHARE = 0.8  # share of Vietnamese syllables a conversion must reach ...
_MIN_GAIN = 0.3  # ... and its gain over the text as it was

# Tone marks in the order TCVN3 lays out its codes: huyền, hỏi, ngã, sắc, nặng.
_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
_TCVN3_TONE_ORDER = (_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT)


def _toned(base: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + tone)


# --- TCVN3 --------------------------------------------------------------------------------

# Lower-case letters: (code of the bare letter or None for ASCII, codes with each tone).
_TCVN3_LOWER: dict[str, tuple[str | None, str]] = {
    "a": (None, "\xb5\xb6\xb7\xb8\xb9"),
    "ă": ("\xa8", "\xbb\xbc\xbd\xbe\xc6"),
    "â": ("\xa9", "\xc7\xc8\xc9\xca\xcb"),
    "e": (None, "\xcc\xce\xcf\xd0\xd1"),
    "ê": ("\xaa", "\xd2\xd3\xd4\xd5\xd6"),
    "i": (None, "\xd7\xd8\xdc\xdd\xde"),
    "o": (None, "\xdf\xe1\xe2\xe3\xe4"),
    "ô": ("\xab", "\xe5\xe6\xe7\xe8\xe9"),
    "ơ": ("\xac", "\xea\xeb\xec\xed\xee"),
    "u": (None, "\xef\xf1\xf2\xf3\xf4"),
    "ư": ("\xad", "\xf5\xf6\xf7\xf8\xf9"),
    "y": (None, "\xfa\xfb\xfc\xfd\xfe"),
}
_TCVN3_UPPER = {
    "Ă": "\xa1",
    "Â": "\xa2",
    "Ê": "\xa3",
    "Ô": "\xa4",
    "Ơ": "\xa5",
    "Ư": "\xa6",
    "Đ": "\xa7",
}
# Toned capitals with a code of their own: the TCVN 5712 slots outside the lower-case range.
# Its other capitals sit at 0x80-0x9F and in C0, where Windows text has “ ” – — and control
# codes; those are left as they are.
_TCVN3_TONED_UPPER = {
    "Ằ": "\xaf",
    "Ẳ": "\xba",
    "Ẵ": "\xbf",
    "Ắ": "\xc0",
    "Ầ": "\xc1",
    "Ẩ": "\xc2",
    "Ẫ": "\xc3",
    "Ấ": "\xc4",
    "Ề": "\xc5",
    "Ể": "\xcd",
    "Ễ": "\xd9",
    "Ế": "\xda",
    "Ồ": "\xdb",
    "Ổ": "\xe0",
    "Ỗ": "\xf0",
    "Ố": "\xff",
}


def _tcvn3_lower_table() -> dict[str, str]:
    table = {"\xae": "đ"}
    for base, (bare, toned) in _TCVN3_LOWER.items():
        if bare:
            table[bare] = base
        for code, tone in zip(toned, _TCVN3_TONE_ORDER, strict=True):
            table[code] = _toned(base, tone)
    return table


_TCVN3_LOWER_CODES = _tcvn3_lower_table()  # code -> letter; capitals lost to .VnTimeH
TCVN3_TABLE: dict[str, str] = {
    **_TCVN3_LOWER_CODES,
    **{code: letter for letter, code in _TCVN3_UPPER.items()},
    **{code: letter for letter, code in _TCVN3_TONED_UPPER.items()},
}

# --- VNI ----------------------------------------------------------------------------------

_VNI_TONES = {"\xf9": _ACUTE, "\xf8": _GRAVE, "\xfb": _HOOK, "\xf5": _TILDE, "\xef": _DOT}
_VNI_CIRCUMFLEX = {
    "\xe2": "",
    "\xe1": _ACUTE,
    "\xe0": _GRAVE,
    "\xe5": _HOOK,
    "\xe3": _TILDE,
    "\xe4": _DOT,
}
_VNI_BREVE = {
    "\xea": "",
    "\xe9": _ACUTE,
    "\xe8": _GRAVE,
    "\xfa": _HOOK,
    "\xfc": _TILDE,
    "\xeb": _DOT,
}
# Codes of one letter each (lower case; the capital code is the upper-case character).
_VNI_SINGLE = {
    "\xf4": "ơ",
    "\xf6": "ư",
    "\xf1": "đ",
    "\xed": "í",
    "\xec": "ì",
    "\xe6": "ỉ",
    "\xf3": "ĩ",
    "\xf2": "ị",
    "\xee": "ỵ",
}
_VNI_SINGLE_ALL = {**_VNI_SINGLE, **{k.upper(): v.upper() for k, v in _VNI_SINGLE.items()}}


def _vni_mark_table() -> dict[tuple[str, str], str]:
    """(base letter, mark code) -> letter, both cases."""
    table: dict[tuple[str, str], str] = {}
    groups = (
        ("aeouyơư", _VNI_TONES, ""),
        ("aeo", _VNI_CIRCUMFLEX, "\u0302"),
        ("a", _VNI_BREVE, "\u0306"),
    )
    for bases, codes, modifier in groups:
        for base in bases:
            for code, tone in codes.items():
                letter = _toned(base + modifier, tone)
                table[base, code] = letter
                table[base.upper(), code.upper()] = letter.upper()
                table[base.upper(), code] = letter.upper()  # a capital with a small code
                table[base, code.upper()] = letter
    return table


VNI_MARKS = _vni_mark_table()
VNI_SINGLE = _VNI_SINGLE_ALL

# --- VISCII (RFC 1456) ---------------------------------------------------------------------

_VISCII_C0 = {0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ"}
_VISCII_HIGH = (
    "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐ"  # 0x80
    "ỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ"  # 0x90
    "Õắằặấầẩậẽẹếềểễệố"  # 0xA0
    "ồổỗỠƠộờởịỰỨỪỬơớƯ"  # 0xB0
    "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳ"  # 0xC0
    "ĐứÒÓÔạỷừửÙÚỹỵÝỡư"  # 0xD0
    "àáâãảăữẫèéêẻìíĩỉ"  # 0xE0
    "đựòóôõỏọụùúũủýợỮ"  # 0xF0
)
VISCII_TABLE: dict[int, str] = {
    **_VISCII_C0,
    **{0x80 + i: ch for i, ch in enumerate(_VISCII_HIGH)},
}


def decode_viscii(data: bytes) -> str:
    return "".join(VISCII_TABLE.get(byte) or chr(byte) for byte in data)


def _cp1252_table() -> list[str]:
    # Windows-1252 leaves five bytes undefined; they decode as the Latin-1 control codes.
    return [bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)]


_CP1252 = _cp1252_table()


def decode_cp1252(data: bytes) -> str:
    return "".join(_CP1252[byte] for byte in data)


# --- conversion ---------------------------------------------------------------------------


def convert(text: str, encoding: str) -> str:
    """``text`` read as TCVN3 or VNI glyph codes, converted to Unicode (NFC)."""
    if encoding == TCVN3:
        return _from_tcvn3(text)
    if encoding == VNI:
        return _from_vni(text)
    raise ValueError(f"not a legacy glyph encoding: {encoding}")


def _from_tcvn3(text: str) -> str:
    chars = [TCVN3_TABLE.get(ch, ch) for ch in text]
    lost_case = [ch in _TCVN3_LOWER_CODES for ch in text]
    _restore_capitals(chars, lost_case)
    return "".join(chars)


def _from_vni(text: str) -> str:
    out: list[str] = []
    for ch in text:
        composed = VNI_MARKS.get((_vni_base(out[-1]), ch)) if out else None
        if composed is not None:
            out[-1] = composed
        else:
            out.append(VNI_SINGLE.get(ch, ch))
    return "".join(out)


def _vni_base(previous: str) -> str:
    """The bare vowel a mark code may attach to ("" when ``previous`` already has marks)."""
    return previous if previous in _VNI_BASES else ""


_VNI_BASES = frozenset("aeouyơưAEOUYƠƯ")


# --- restoring capitals lost to TCVN3's .VnTimeH fonts ------------------------------------

_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)\]»]*\s+")
_PARAGRAPH_END = re.compile(r"[.!?:;…][\"'”’)\]»]*$")
_WRAP_WIDTH = 50  # a line at least this long that ends mid-sentence is hard-wrapped


def _restore_capitals(chars: list[str], lost_case: list[bool]) -> None:
    """Upper-case lost capitals in place: in all-caps words and where a sentence starts."""
    text = "".join(chars)
    offset = 0
    starts_paragraph = True
    for line in text.splitlines(keepends=True):
        _restore_in_line(chars, lost_case, line, offset, starts_paragraph)
        stripped = line.strip()
        starts_paragraph = (
            not stripped or len(stripped) < _WRAP_WIDTH or bool(_PARAGRAPH_END.search(stripped))
        )
        offset += len(line)


def _restore_in_line(
    chars: list[str], lost_case: list[bool], line: str, offset: int, starts_paragraph: bool
) -> None:
    words = [(m.start() + offset, m.end() + offset) for m in _WORD.finditer(line)]
    sentence_starts = {m.end() + offset for m in _SENTENCE_BREAK.finditer(line)}
    if starts_paragraph:
        sentence_starts.add(offset + len(line) - len(line.lstrip()))
    for (start, end), caps in zip(words, _caps_words(chars, lost_case, words), strict=True):
        for index in range(start, end):
            if lost_case[index] and (caps or (index == start and start in sentence_starts)):
                chars[index] = chars[index].upper()


def _caps_words(
    chars: list[str], lost_case: list[bool], words: list[tuple[int, int]]
) -> list[bool]:
    """Per word of a line: is it written in capitals? Judged from the letters that kept
    their case; a word with fewer than two such letters is in capitals when the words that
    have them around it are, and so are most on the line."""
    verdicts: list[bool | None] = []
    for start, end in words:
        kept = [chars[i] for i in range(start, end) if not lost_case[i]]
        verdicts.append(all(ch.isupper() for ch in kept) if len(kept) >= 2 else None)
    known = [v for v in verdicts if v is not None]
    if not known or sum(known) * 2 <= len(known):  # not a line in capitals
        return [bool(v) for v in verdicts]
    before = _carry(verdicts)
    after = _carry(verdicts[::-1])[::-1]
    return [
        v if v is not None else b and a for v, b, a in zip(verdicts, before, after, strict=True)
    ]


def _carry(verdicts: list[bool | None]) -> list[bool]:
    """For each position, the last verdict before it (True when there is none)."""
    result: list[bool] = []
    last = True
    for verdict in verdicts:
        result.append(last)
        if verdict is not None:
            last = verdict
    return result


# --- scoring: does a text read as Vietnamese? ---------------------------------------------

_TONE_MARKS = frozenset((_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT))
_NUCLEI = (
    "uyê|uya|uyu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|iêu|yêu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iu|iê|yê|oa|oă|oe|oi|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|"
    "ưa|ưi|ươ|ưu|oo|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
)
_SYLLABLE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?"
    rf"(?:{_NUCLEI})(?P<final>ng|nh|ch|[cmnpt])?"
)


def is_syllable(word: str) -> bool:
    """A well-formed Vietnamese syllable: consonants, vowels and at most one tone mark
    (sắc or nặng only before a stop: -c, -ch, -p, -t)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [ch for ch in decomposed if ch in _TONE_MARKS]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in tones))
    match = _SYLLABLE.fullmatch(bare)
    if match is None:
        return False
    stop = match.group("final") in ("c", "ch", "p", "t")
    return not (stop and tones and tones[0] not in (_ACUTE, _DOT))


@dataclass(frozen=True, slots=True)
class Score:
    words: int  # words holding a character outside ASCII
    share: float  # of those, the share that are Vietnamese syllables


# Punctuation around a word; a symbol inside one (mojibake) makes it no syllable.
_EDGES = "\"'“”‘’()[]{}<>,.;:!?…–—-/*%"


def score(text: str) -> Score:
    chunks = (c.strip(_EDGES) for c in unicodedata.normalize("NFC", text).split())
    words = [w for w in chunks if w and not w.isascii()]
    if not words:
        return Score(0, 0.0)
    valid = sum(all(is_syllable(part) for part in w.split("-")) for w in words)
    return Score(len(words), valid / len(words))


def _reads_better(candidate: Score, before: Score) -> bool:
    return (
        candidate.words > 0
        and candidate.share >= _MIN_SHARE
        and candidate.share >= before.share + _MIN_GAIN
    )


# --- detection ----------------------------------------------------------------------------


def _char_class(chars: set[str]) -> str:
    return "[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]"


# Vietnamese letters outside Latin-1 and combining tone marks: never in glyph-code text.
_VIETNAMESE_ONLY = re.compile("[ăĂđĐơƠưƯĩĨũŨ\u1ea0-\u1ef9\u0300\u0301\u0303\u0309\u0323]")
# Glyph codes that are no Vietnamese letter in Unicode ("¸", "ä", "ø" …).
_SIGN = _char_class(
    (set(TCVN3_TABLE) | {code for _, code in VNI_MARKS} | set(VNI_SINGLE))
    - set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
)
_LEGACY_SIGNS = re.compile(_SIGN)
# A word mixing ASCII letters and glyph codes ("ViÖt", "Vieät"), unlike "© 2024" or "§ 3".
_MIXED_WORD = re.compile(rf"[A-Za-z]\S*{_SIGN}|{_SIGN}\S*[A-Za-z]")
_MIN_WORDS_IN_BYTES = 3  # Vietnamese words a byte reading must show


def _may_be_legacy(sample: str) -> bool:
    """A quick look: glyph codes inside words, outnumbering real Vietnamese letters."""
    signs = len(_LEGACY_SIGNS.findall(sample))
    return (
        signs > 0
        and signs >= len(_VIETNAMESE_ONLY.findall(sample))
        and bool(_MIXED_WORD.search(sample))
    )


def detect(text: str) -> str | None:
    """TCVN3 or VNI when ``text`` is written in their glyph codes; None for real text."""
    sample = text[:_SAMPLE]
    if not _may_be_legacy(sample):
        return None
    before = score(sample)
    best: tuple[float, int, str] | None = None
    for encoding in (TCVN3, VNI):
        after = score(convert(sample, encoding))
        if _reads_better(after, before) and (best is None or (after.share, after.words) > best[:2]):
            best = (after.share, after.words, encoding)
    return best[2] if best else None


def detect_and_convert(text: str) -> tuple[str, str | None]:
    """(Unicode text, legacy encoding detected or None)."""
    encoding = detect(text)
    return (convert(text, encoding), encoding) if encoding else (text, None)


def decode_bytes(data: bytes) -> tuple[str, str] | None:
    """Bytes that are not UTF-8 read as the legacy Vietnamese code that reads best:
    Windows-1258, TCVN3, VNI or VISCII. None when no reading is Vietnamese."""
    readings: dict[str, str] = {}
    cp1258 = data.decode("cp1258", errors="replace")
    if "\ufffd" not in cp1258:
        readings[CP1258] = unicodedata.normalize("NFC", cp1258)
    western = decode_cp1252(data)
    if _MIXED_WORD.search(western[:_SAMPLE]):
        readings[TCVN3] = convert(western, TCVN3)
        readings[VNI] = convert(western, VNI)
    readings[VISCII] = decode_viscii(data)
    best: tuple[float, int, str] | None = None
    for encoding, text in readings.items():
        result = score(text[:_SAMPLE])
        if (
            result.words >= _MIN_WORDS_IN_BYTES
            and _reads_better(result, Score(0, 0.0))
            and (best is None or (result.share, result.words) > best[:2])
        ):
            best = (result.share, result.words, encoding)
    return (readings[best[2]], best[2]) if best else None


def convert_blocks(blocks: list[Block]) -> tuple[list[Block], str | None]:
    """Blocks of a document typed in .VnTime (TCVN3) or VNI fonts, as Unicode: the code is
    detected once over the whole text, then every block is converted."""
    encoding = detect("\n".join(block.text for block in blocks))
    if encoding is None:
        return blocks, None
    return [block.with_text(convert(block.text, encoding)) for block in blocks], encoding
