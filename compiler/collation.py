"""Vietnamese alphabetical order: the one sort key for names a report lists.

Vietnamese dictionaries order letters a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư
v x y (f, j, w, z fall in their Latin places) and compare tones only when the letters tie,
in the order ngang, huyền, hỏi, ngã, sắc, nặng. Python's default order puts "Đà Nẵng"
after "Yên Bái" (Đ is U+0110) and "Ă" after "Z"; ``vietnamese_key`` puts Đ right after D.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {letter: n for n, letter in enumerate(_ALPHABET, start=1)}
# Combining marks that make a letter of its own (ă â ê ô ơ ư) and the five tone marks.
_LETTER_MARKS = {"\u0306": "breve", "\u0302": "circumflex", "\u031b": "horn"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_COMPOSED = {
    ("a", "breve"): "ă",
    ("a", "circumflex"): "â",
    ("e", "circumflex"): "ê",
    ("o", "circumflex"): "ô",
    ("o", "horn"): "ơ",
    ("u", "horn"): "ư",
}


def vietnamese_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """Sort key: letters in Vietnamese order, then tones, then the text itself (ties)."""
    letters: list[int] = []
    tones: list[int] = []
    for char in unicodedata.normalize("NFD", text.casefold()):
        if char in _TONES:
            if tones:
                tones[-1] = _TONES[char]
            continue
        if char in _LETTER_MARKS:
            if letters:
                base = _ALPHABET[letters[-1] - 1] if 0 < letters[-1] <= len(_ALPHABET) else ""
                composed = _COMPOSED.get((base, _LETTER_MARKS[char]))
                if composed:
                    letters[-1] = _RANK[composed]
            continue
        if unicodedata.combining(char):
            continue
        # Letters after spaces and punctuation: "Hà Nam" before "Hà Nội" before "Hàn".
        letters.append(_RANK.get(char, 100 + ord(char) if char.isalnum() else 0))
        tones.append(0)
    return tuple(letters), tuple(tones), text


def sort_vietnamese(names: Iterable[str]) -> list[str]:
    """Names in Vietnamese alphabetical order (duplicates kept)."""
    return sorted(names, key=vietnamese_key)
