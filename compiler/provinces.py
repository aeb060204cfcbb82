"""Vietnam's provincial-level units before and after the 2025 merger, and finding them in text.

Two eras: the 63 units in force until 30 June 2025 (``"2024"``) and the 34 units created by
Resolution 202/2025/QH15, in force from 1 July 2025 (``"2025"``). Every old unit names its
2025 successor.

Names are matched on ``fold``ed text (case and old/new tone placement ignored: "Khánh Hoà"
= "Khánh Hòa"). A name used in both eras ("Khánh Hòa", "Đà Nẵng", …) resolves to the
pre-2025 unit, because most papers predate the merger; "Huế" alone is the 2025 unit, while
"Thừa Thiên Huế" is the old province. Pass ``era=`` to ``lookup`` or use ``province_2025``
to get the other one.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import Literal

from compiler.normalize import fold

Era = Literal["2024", "2025"]

__all__ = [
    "Era",
    "Province",
    "all_provinces",
    "find_all",
    "fold",
    "from_author_line",
    "lookup",
    "place_key",
    "predecessors",
    "province_2025",
]


@dataclass(frozen=True, slots=True)
class Province:
    """A provincial-level unit (province or centrally-run city) of one era.

    ``key`` is an ASCII slug of the name; it is unique within an era, and a unit that kept
    its name in 2025 has the same key in both eras. ``successor`` is the name of the 2025
    unit an old unit became part of (its own name if unchanged); ``None`` for 2025 units.
    """

    key: str
    name: str
    is_city: bool
    era: Era
    successor: str | None

    @property
    def title(self) -> str:
        """Full style as written in documents: "Tỉnh Khánh Hòa", "Thành phố Cần Thơ"."""
        if self.name.startswith("Thành phố"):
            return self.name
        return f"{'Thành phố' if self.is_city else 'Tỉnh'} {self.name}"


# --- data ----------------------------------------------------------------------------------

# 2025 unit -> the pre-2025 units merged into it (Resolution 202/2025/QH15).
_MERGERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Hà Nội", ("Hà Nội",)),
    ("Huế", ("Thừa Thiên Huế",)),
    ("Lai Châu", ("Lai Châu",)),
    ("Điện Biên", ("Điện Biên",)),
    ("Sơn La", ("Sơn La",)),
    ("Lạng Sơn", ("Lạng Sơn",)),
    ("Quảng Ninh", ("Quảng Ninh",)),
    ("Thanh Hóa", ("Thanh Hóa",)),
    ("Nghệ An", ("Nghệ An",)),
    ("Hà Tĩnh", ("Hà Tĩnh",)),
    ("Cao Bằng", ("Cao Bằng",)),
    ("Tuyên Quang", ("Tuyên Quang", "Hà Giang")),
    ("Lào Cai", ("Lào Cai", "Yên Bái")),
    ("Thái Nguyên", ("Thái Nguyên", "Bắc Kạn")),
    ("Phú Thọ", ("Phú Thọ", "Vĩnh Phúc", "Hòa Bình")),
    ("Bắc Ninh", ("Bắc Ninh", "Bắc Giang")),
    ("Hưng Yên", ("Hưng Yên", "Thái Bình")),
    ("Hải Phòng", ("Hải Phòng", "Hải Dương")),
    ("Ninh Bình", ("Ninh Bình", "Hà Nam", "Nam Định")),
    ("Quảng Trị", ("Quảng Trị", "Quảng Bình")),
    ("Đà Nẵng", ("Đà Nẵng", "Quảng Nam")),
    ("Quảng Ngãi", ("Quảng Ngãi", "Kon Tum")),
    ("Gia Lai", ("Gia Lai", "Bình Định")),
    ("Khánh Hòa", ("Khánh Hòa", "Ninh Thuận")),
    ("Lâm Đồng", ("Lâm Đồng", "Đắk Nông", "Bình Thuận")),
    ("Đắk Lắk", ("Đắk Lắk", "Phú Yên")),
    ("Thành phố Hồ Chí Minh", ("Thành phố Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu")),
    ("Đồng Nai", ("Đồng Nai", "Bình Phước")),
    ("Tây Ninh", ("Tây Ninh", "Long An")),
    ("Cần Thơ", ("Cần Thơ", "Sóc Trăng", "Hậu Giang")),
    ("Vĩnh Long", ("Vĩnh Long", "Bến Tre", "Trà Vinh")),
    ("Đồng Tháp", ("Đồng Tháp", "Tiền Giang")),
    ("Cà Mau", ("Cà Mau", "Bạc Liêu")),
    ("An Giang", ("An Giang", "Kiên Giang")),
)
_CITIES_2024 = frozenset({"Hà Nội", "Hải Phòng", "Đà Nẵng", "Thành phố Hồ Chí Minh", "Cần Thơ"})
_CITIES_2025 = _CITIES_2024 | {"Huế"}

# Spelling variants beyond case and tone placement (which ``fold`` already absorbs).
# Separators are flexible: " " matches any run of spaces, "-" a dash or spaces, "." an
# optional dot and spaces ("TP.HCM" also matches "TP. HCM", "TP HCM", "TPHCM").
_VARIANTS: dict[str, tuple[str, ...]] = {
    "Thành phố Hồ Chí Minh": ("TP.Hồ Chí Minh", "TP.HCM", "Ho Chi Minh City", "HCMC"),
    "Thừa Thiên Huế": ("Thừa Thiên - Huế", "TT-Huế"),
    "Bà Rịa - Vũng Tàu": ("BR-VT", "BRVT"),
    "Đắk Lắk": ("Đăk Lăk", "Đắk Lăk", "Đăk Lắk", "Đắc Lắc", "Dak Lak", "Daklak"),
    "Đắk Nông": ("Đăk Nông", "Đắc Nông", "Dak Nong"),
    "Bắc Kạn": ("Bắc Cạn",),
    "Kon Tum": ("Kontum",),
    "Hà Nội": ("Hanoi",),
    "Đà Nẵng": ("Da Nang", "Danang"),
}
# Accepted by ``lookup`` (an explicit name) but never searched for in free text: a bare
# "Hồ Chí Minh" is usually the president ("tư tưởng Hồ Chí Minh").
_LOOKUP_ONLY: dict[str, tuple[str, ...]] = {
    "Thành phố Hồ Chí Minh": ("Hồ Chí Minh", "HCM", "Sài Gòn", "Saigon"),
}
# Phrases that contain a name but are not the unit; found in text only to be discarded.
_BLOCKERS = ("Thái Bình Dương", "Điện Biên Phủ")
# Names that are also common words ("hòa bình" = peace): in free text they need title case
# ("Hòa Bình") or a preceding "tỉnh".
_COMMON_WORDS = frozenset({"Hòa Bình", "Thái Bình", "Bình Định"})


_SEPARATORS = re.compile(r"[\s.\-‐‑–—_]+")


def _key(name: str) -> str:
    """Lookup key: folded, separators dropped ("TP. HCM" = "TPHCM", "BR-VT" = "BRVT")."""
    return _SEPARATORS.sub("", fold(name))


def _strip_marks(text: str) -> str:
    """Fold and drop diacritics, one character for one in NFC text ("Đắk" -> "dak")."""
    folded = fold(text)
    return "".join("d" if ch == "đ" else unicodedata.normalize("NFD", ch)[0] for ch in folded)


# --- registry ------------------------------------------------------------------------------


def _slug(name: str) -> str:
    if name == "Thành phố Hồ Chí Minh":
        return "ho-chi-minh"
    return re.sub(r"[^a-z0-9]+", "-", _strip_marks(name)).strip("-")


def _build_registry() -> tuple[dict[str, Province], dict[str, Province]]:
    old: dict[str, Province] = {}
    new: dict[str, Province] = {}
    for new_name, old_names in _MERGERS:
        new[new_name] = Province(_slug(new_name), new_name, new_name in _CITIES_2025, "2025", None)
        for name in old_names:
            old[name] = Province(_slug(name), name, name in _CITIES_2024, "2024", new_name)
    return old, new


_OLD, _NEW = _build_registry()


def all_provinces(era: Era) -> tuple[Province, ...]:
    """The 63 units of ``"2024"`` (before 1 July 2025) or the 34 of ``"2025"``."""
    return tuple({"2024": _OLD, "2025": _NEW}[era].values())


def province_2025(province: Province) -> Province:
    """The 2025 unit an old unit became part of; a 2025 unit is returned as is."""
    if province.successor is None:
        return province
    return _NEW[province.successor]


def place_key(province: Province) -> str:
    """One key for a place under its names of both eras: a 2025 unit that only renamed one
    old unit ("Huế" for "Thừa Thiên Huế") shares that unit's key; a merged unit keeps its own."""
    if province.era == "2025":
        former = predecessors(province)
        if len(former) == 1:
            return former[0].key
    return province.key


def predecessors(province: Province) -> tuple[Province, ...]:
    """The pre-2025 units merged into a 2025 unit (for an old unit: itself)."""
    if province.era == "2024":
        return (province,)
    return tuple(p for p in _OLD.values() if p.successor == province.name)


def _resolve(name: str, era: Era | None) -> Province | None:
    """The unit a canonical name stands for: pre-2025 first unless ``era`` says otherwise."""
    if era == "2025":
        return _NEW.get(name)
    if era == "2024":
        return _OLD.get(name)
    return _OLD.get(name) or _NEW.get(name)


# --- aliases -------------------------------------------------------------------------------


def _searchable_aliases() -> dict[str, str]:
    """Every alias searched in free text -> canonical name ("" for a blocker)."""
    aliases = {name: name for name in (*_OLD, *_NEW)}
    for name, variants in _VARIANTS.items():
        aliases.update(dict.fromkeys(variants, name))
    aliases.update(dict.fromkeys(_BLOCKERS, ""))
    return aliases


def _all_aliases() -> dict[str, str]:
    """Searchable aliases, blockers included, and those accepted by ``lookup`` only."""
    aliases = _searchable_aliases()
    for name, variants in _LOOKUP_ONLY.items():
        aliases.update(dict.fromkeys(variants, name))
    return aliases


@cache
def _alias_keys() -> dict[str, str]:
    """``_key(alias)`` -> canonical name, checked for clashes."""
    table: dict[str, str] = {}
    for alias, name in _all_aliases().items():
        key = _key(alias)
        if table.setdefault(key, name) != name:
            raise ValueError(f"alias {alias!r} names both {table[key]!r} and {name!r}")
    return table


@cache
def _ascii_keys() -> dict[str, str]:
    """Diacritic-free key -> canonical name, leaving out keys shared by two names."""
    names: dict[str, set[str]] = {}
    for alias, name in _all_aliases().items():
        if not name:
            continue
        names.setdefault(_SEPARATORS.sub("", _strip_marks(alias)), set()).add(name)
    return {key: next(iter(found)) for key, found in names.items() if len(found) == 1}


_UNIT_PREFIX = re.compile(r"^(?:tỉnh|thành phố|tp)(?:\.\s*|\s+)(?=\S)")


def lookup(name: str, era: Era | None = None) -> Province | None:
    """The unit a name or alias stands for, or ``None``.

    Case, tone placement and separators are ignored; a leading "tỉnh", "thành phố" or "TP"
    is accepted; a name written without diacritics is recognised when unambiguous. A name
    of both eras gives the pre-2025 unit unless ``era`` asks for the other.
    """
    folded = fold(name).strip()
    candidates = [folded]
    stripped = _UNIT_PREFIX.sub("", folded)
    if stripped != folded:
        candidates.append(stripped)
    for candidate in candidates:
        canonical = _alias_keys().get(_SEPARATORS.sub("", candidate))
        if canonical:
            return _resolve(canonical, era)
    for candidate in candidates:
        canonical = _ascii_keys().get(_SEPARATORS.sub("", _strip_marks(candidate)))
        if canonical:
            return _resolve(canonical, era)
    return None


# --- finding names in text -----------------------------------------------------------------

_SEPARATOR_PATTERNS = {
    " ": r"\s+",
    "-": r"(?:\s*[-‐‑–—]\s*|\s+)",
    ".": r"\.?\s*",
}
_ALIAS_PARTS = re.compile(r"\s*-\s*|\.\s*|\s+|.", re.DOTALL)


def _units(alias: str) -> list[str]:
    """An alias as a list of regex fragments: one per letter, one per separator."""
    units = []
    for part in _ALIAS_PARTS.findall(fold(alias)):
        separator = " " if part.isspace() else part.strip()
        if separator in _SEPARATOR_PATTERNS:
            units.append(_SEPARATOR_PATTERNS[separator])
        else:
            units.append(re.escape(part))
    return units


_Trie = dict[str, "_Trie"]  # regex fragment -> subtrie; "" marks the end of an alias


def _trie_pattern(aliases: list[str]) -> str:
    """One regex matching any alias, factored by common prefixes so it stays fast."""
    trie: _Trie = {}
    for alias in aliases:
        node = trie
        for unit in _units(alias):
            node = node.setdefault(unit, {})
        node[""] = {}
    return _emit(trie)


def _emit(node: _Trie) -> str:
    branches = [unit + _emit(child) for unit, child in node.items() if unit]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # An alias that ends here and continues in a longer one: try the longer one first.
    return f"(?:{body})?" if "" in node else body


_MARK = r"[\w\u0300-\u036f]"  # a letter, digit or combining mark: inside a word
_WORD_START = re.compile(rf"(?<!{_MARK})\w")


@cache
def _search_regex() -> re.Pattern[str]:
    trie = _trie_pattern(list(_searchable_aliases()))
    return re.compile(rf"(?<!{_MARK})(?:{trie})(?!{_MARK})")


def find_all(text: str) -> list[tuple[Province, int, int]]:
    """Every unit named in ``text`` as ``(province, start, end)``, in text order.

    Offsets index the original ``text``. On overlapping names the longest wins ("Thừa
    Thiên Huế" over "Huế"); names match on whole words only.
    """
    nfc, offsets = (text, None) if unicodedata.is_normalized("NFC", text) else _nfc(text)
    folded = fold(nfc)
    candidates = []
    for start, end in _candidate_spans(folded):
        canonical = _alias_keys()[_SEPARATORS.sub("", folded[start:end])]
        if canonical in _COMMON_WORDS and not _written_as_name(nfc, folded, start, end):
            continue
        candidates.append((start, end, canonical))
    found = []
    for start, end, canonical in _longest_first(candidates):
        province = _resolve(canonical, None)
        if province is None:  # a blocker such as "Thái Bình Dương"
            continue
        if offsets is None:
            found.append((province, start, end))
        else:
            found.append((province, offsets[start], offsets[end]))
    return found


def _candidate_spans(folded: str) -> list[tuple[int, int]]:
    """Leftmost-longest matches, plus any match starting at a word inside one of them."""
    regex = _search_regex()
    spans = []
    for match in regex.finditer(folded):
        spans.append(match.span())
        for word in _WORD_START.finditer(folded, match.start() + 1, match.end()):
            inner = regex.match(folded, word.start())
            if inner:
                spans.append(inner.span())
    return spans


_TINH_BEFORE = re.compile(r"(?<!\w)t[iỉ]nh\s+$")


def _written_as_name(original: str, folded: str, start: int, end: int) -> bool:
    """Whether a common-word name is the unit: "tỉnh hòa bình", or "Hòa Bình" in title case."""
    if _TINH_BEFORE.search(folded[max(0, start - 8) : start]):
        return True
    words = original[start:end].split()
    return all(word[:1].isupper() for word in words) and not all(w.isupper() for w in words)


def _longest_first(candidates: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    chosen: list[tuple[int, int, str]] = []  # kept sorted by start
    for start, end, name in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        index = bisect_left(chosen, (start,))
        before = chosen[index - 1] if index else None
        after = chosen[index] if index < len(chosen) else None
        if (before is None or before[1] <= start) and (after is None or end <= after[0]):
            chosen.insert(index, (start, end, name))
    return chosen


def _nfc(text: str) -> tuple[str, list[int]]:
    """NFC of ``text`` (letter by letter) and, for each of its characters and its end, the
    offset in ``text``."""
    pieces: list[str] = []
    offsets: list[int] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or not unicodedata.combining(text[index]):
            piece = unicodedata.normalize("NFC", text[start:index])
            pieces.append(piece)
            offsets.extend([start] * len(piece))
            start = index
    offsets.append(len(text))
    return "".join(pieces), offsets


# --- author lines --------------------------------------------------------------------------

_MAX_AUTHOR_LINE = 80
# Matched without diacritics so OCR slips ("Tinh uy", "Tĩnh ủy") still count.
_BODY = (
    r"(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|so ngoai vu|ban thuong vu"
    r"|ban chap hanh dang bo|dang bo|van phong)"
)
_UNIT = r"(?:tinh uy|thanh uy|tinh|thanh pho|tp)(?:\.\s*|\s+)"
_AUTHOR = re.compile(rf"(?:{_BODY}\s+(?:{_UNIT})?|{_UNIT})(?=\S)")
_EDGE_NOISE = re.compile(r"^[\s*_#>]+|[\s*_#.:;,]+$")
_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)$")  # "Tỉnh ủy X (tham luận)"


def from_author_line(line: str) -> Province | None:
    """The unit named by a paper's author line, e.g. "Tỉnh ủy Lâm Đồng", "UBND tỉnh X".

    Only short lines made of an optional body ("UBND", "Sở Ngoại vụ", …), a unit word
    ("Tỉnh ủy", "Thành uỷ", "Tỉnh", "Thành phố", "TP") and a name; anything else is None.
    """
    if len(line) > 2 * _MAX_AUTHOR_LINE:  # cheap exit for body paragraphs
        return None
    text = _EDGE_NOISE.sub("", unicodedata.normalize("NFC", line))
    text = _TRAILING_NOTE.sub("", text)
    if not text or len(text) > _MAX_AUTHOR_LINE:
        return None
    match = _AUTHOR.match(_strip_marks(text))
    if match is None:
        return None
    return lookup(text[match.end() :])
