"""Enumeration labels that open list items and numbered headings.

Seen in real papers: "I." "II." (roman), "1." "1-" "1)" (arabic), "3.1." "3.2-" (decimal),
"a)" (letter), "(1)" (parenthesised), "Thứ nhất," … "Thứ sáu:" and "Một là," … "Sáu là,"
(ordinal words), and "- " "+ " "• " bullets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class LabelKind(StrEnum):
    ROMAN = "roman"
    ARABIC = "arabic"
    DECIMAL = "decimal"
    LETTER = "letter"
    PAREN = "paren"
    ORDINAL = "ordinal"  # Thứ nhất, Thứ hai, …
    ORDINAL_LA = "ordinal_la"  # Một là, Hai là, …
    BULLET = "bullet"


_NUMBER_WORDS = {
    "nhất": 1,
    "một": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

_PATTERNS: list[tuple[LabelKind, re.Pattern[str]]] = [
    (
        LabelKind.ORDINAL,
        re.compile(
            r"(?P<label>[Tt]hứ\s+(?P<word>nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))"
            r"\s*(?:[,:.\-–]\s*|\s+)"
        ),
    ),
    (
        LabelKind.ORDINAL_LA,
        re.compile(
            r"(?P<label>(?P<word>Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười)\s+là)\s*[,:.]?\s*"
        ),
    ),
    (LabelKind.DECIMAL, re.compile(r"(?P<label>(?P<num>\d{1,2}(?:\.\d{1,2})+)[.)\-]?)\s*(?=\S)")),
    (LabelKind.ARABIC, re.compile(r"(?P<label>(?P<num>\d{1,3})[.)\-])(?:\s+|(?=[^\W\d_]))")),
    # OCR damage: "1 . Về …" (a space before the point), before a capital letter only.
    (LabelKind.ARABIC, re.compile(r"(?P<label>(?P<num>\d{1,2}) [.)])\s+(?=[A-ZĐÀ-Ỹ])")),
    (LabelKind.ROMAN, re.compile(r"(?P<label>(?P<roman>[IVXLC]{1,6})[.)\-])\s+")),
    # OCR damage: "l." / "ll." / "lV." for "I." / "II." / "IV.", before a capital letter only.
    (LabelKind.ROMAN, re.compile(r"(?P<label>(?P<roman>[IVXl]*l[IVXl]*)[.)])\s+(?=[A-ZĐÀ-Ỹ])")),
    # "a}" is OCR's reading of "a)".
    (LabelKind.LETTER, re.compile(r"(?P<label>(?P<letter>[a-zđ])[).}])\s+")),
    (LabelKind.PAREN, re.compile(r"(?P<label>\((?P<num>\d{1,2}|[a-zđ])\))\s+")),
    (LabelKind.BULLET, re.compile(r"(?P<label>[-+•–—·▪○●])\s*(?=\S)")),
]


@dataclass(frozen=True, slots=True)
class Label:
    kind: LabelKind
    text: str  # the label as written, without the separator: "Thứ nhất", "3.2-", "a)", "-"
    value: int  # position in its sequence (1 for "Thứ nhất", "a)", "I."; 0 for bullets)
    depth: int  # 1, or the number of parts of a decimal label ("3.2-" → 2)
    rest: str  # the text after the label and its separator

    @property
    def level_key(self) -> str:
        """Labels with the same key are siblings in an outline ("1-" and "3." are)."""
        if self.kind == LabelKind.DECIMAL:
            return f"decimal{self.depth}"
        if self.kind == LabelKind.BULLET:
            return "bullet+" if self.text == "+" else "bullet"
        return self.kind.value


def parse_label(text: str) -> Label | None:
    """The enumeration label that opens ``text``, or None."""
    stripped = text.lstrip()
    for kind, pattern in _PATTERNS:
        match = pattern.match(stripped)
        if match and _plausible(kind, match, stripped):
            return _make_label(kind, match, stripped)
    return None


def opens_enumeration(text: str) -> bool:
    return parse_label(text) is not None


def _plausible(kind: LabelKind, match: re.Match[str], text: str) -> bool:
    rest = text[match.end() :]
    if not rest or not any(ch.isalnum() for ch in rest):
        return False
    if kind == LabelKind.DECIMAL:
        # "2.000 người", "1.5 triệu" are numbers, not labels: labels have small parts
        # and are followed by a separator or a capital letter.
        parts = match.group("num").split(".")
        label_end = match.group("label")[-1]
        return all(len(p) <= 2 for p in parts) and (label_end in ".)-" or rest[0].isupper())
    if kind == LabelKind.ARABIC:
        return not rest[0].isdigit()
    if kind == LabelKind.BULLET:
        # "- 5 dự án" is a bullet; "-5 độ" is a negative number.
        return match.group("label") != "-" or not rest[0].isdigit() or text[1:2].isspace()
    return True


def _make_label(kind: LabelKind, match: re.Match[str], text: str) -> Label:
    label = match.group("label")
    rest = text[match.end() :].strip()
    depth = 1
    if kind in (LabelKind.ORDINAL, LabelKind.ORDINAL_LA):
        value = _NUMBER_WORDS[match.group("word").lower()]
        label = " ".join(label.split())
    elif kind == LabelKind.DECIMAL:
        parts = match.group("num").split(".")
        value, depth = int(parts[-1]), len(parts)
    elif kind == LabelKind.ARABIC:
        value = int(match.group("num"))
    elif kind == LabelKind.ROMAN:
        value = roman_value(match.group("roman").replace("l", "I"))
    elif kind == LabelKind.LETTER:
        value = ord(match.group("letter")) - ord("a") + 1 if match.group("letter") != "đ" else 5
    elif kind == LabelKind.PAREN:
        num = match.group("num")
        value = int(num) if num.isdigit() else ord(num) - ord("a") + 1
    else:
        value = 0
    return Label(kind, label, value, depth, rest)


def roman_value(numeral: str) -> int:
    total = 0
    for current, following in zip(numeral, numeral[1:] + " ", strict=True):
        value = _ROMAN[current]
        total += -value if following != " " and _ROMAN[following] > value else value
    return total


_NUMERALS = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def to_roman(value: int) -> str:
    """Upper-case roman numeral of a positive number (4 → "IV")."""
    result = []
    for number, numeral in _NUMERALS:
        count, value = divmod(value, number)
        result.append(numeral * count)
    return "".join(result)
