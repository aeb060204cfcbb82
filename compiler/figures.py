"""Key figures: every quantity a paper states, with what it counts.

A figure is a number written in digits that counts something (a noun, a currency, a
measure) or is a percentage: "45 địa phương", "trên 3,862 tỷ USD", "tăng 52%". Years,
dates, periods, document numbers ("Nghị định 30/2020/NĐ-CP"), enumeration labels ("3.2."),
ordinals and ranks ("lần thứ 12", "đứng thứ 9"), names with numbers ("COVID-19", "Quốc lộ
1A", "Thành phố 5 Không") and durations ("35 năm đổi mới") are not figures. Numbers written
in words ("hai tỉnh") are not read.

Vietnamese number writing: "." groups thousands and "," marks decimals ("5.200" = 5200,
"3,862" = 3.862, "12.170,76" = 12170.76, "06" = 6). ``value`` has the multiplier applied
("3,862 tỷ USD" → 3862000000, multiplier "tỷ", unit "USD"); the currency is kept as
written, never converted. Every word list is in ``compiler.figure_cues``.

Figures are read from every paragraph of every section (items and the paragraphs around
them alike), each paragraph once.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from compiler import figure_cues as cues
from compiler.enumeration import LabelKind, parse_label
from compiler.model import Block, Document, Paper, Provenance, SectionKind
from compiler.normalize import fold


@dataclass(frozen=True, slots=True)
class Figure:
    province: str | None
    section: SectionKind
    category: str  # one of figure_cues.CATEGORIES
    value: int | float  # multiplier applied; the lower bound of a range
    value_max: int | float | None  # the upper bound of a range ("từ 3 đến 5"), else None
    unit: str  # "USD", "đồng", "%", "projects", "localities", "km", or the noun as written
    multiplier: str | None  # "tỷ", "triệu", "nghìn", "nghìn tỷ"
    qualifier: str | None  # "gần", "trên", "ước đạt", "tăng", "kế hoạch", …
    as_written: str  # "3,862 tỷ USD"
    period: str | None  # "2011-2020", "năm 2023", "6 tháng đầu năm 2024", "đến nay", …
    sentence: str
    provenance: Provenance

    @property
    def quoted(self) -> str:
        """The figure as a leader would quote it: "trên 3,862 tỷ USD"."""
        return f"{self.qualifier} {self.as_written}" if self.qualifier else self.as_written


# --- reading numbers ---------------------------------------------------------------------------

_VIETNAMESE = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
_ENGLISH_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?")
_ENGLISH_DECIMAL = re.compile(r"\d+\.\d+")


def read_number(written: str, english_decimal: bool = False) -> Decimal | None:
    """The value of a number as Vietnamese papers write it, or None if it is not one.

    "5.200" → 5200, "3,862" → 3.862, "12.170,76" → 12170.76, "06" → 6, "1.000.000" →
    1000000; "1,000,000" (English thousands) → 1000000. "3.5" is read as 3.5 only with
    ``english_decimal`` (the caller knows a "%" or a multiplier follows).
    """
    if _VIETNAMESE.fullmatch(written):
        return Decimal(written.replace(".", "").replace(",", "."))
    if _ENGLISH_THOUSANDS.fullmatch(written):
        return Decimal(written.replace(",", ""))
    if english_decimal and _ENGLISH_DECIMAL.fullmatch(written):
        return Decimal(written)
    return None


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


# --- finding figures in a paper ----------------------------------------------------------------


def find_figures(documents: list[Document]) -> list[Figure]:
    """Every figure of every paper, in document order."""
    return [f for document in documents for paper in document.papers for f in paper_figures(paper)]


def paper_figures(paper: Paper) -> list[Figure]:
    seen: set[tuple[Provenance, str]] = set()
    found: list[Figure] = []
    for section in paper.sections:
        for block in [*section.heading_blocks, *section.paragraphs]:
            key = (block.provenance, block.text)
            if key in seen:
                continue
            seen.add(key)
            for reading in read_figures(block.text):
                found.append(_record(reading, paper.province, section.kind, block))
    return found


@dataclass(frozen=True, slots=True)
class Reading:
    """A figure found in one paragraph, before it is tied to a paper."""

    start: int
    end: int
    value: Decimal
    value_max: Decimal | None
    unit: str
    kind: str  # money, percent, measure, or the canonical unit of a counted noun
    multiplier: str | None
    qualifier: str | None
    category: str
    period: str | None
    sentence: tuple[int, int]


def _record(reading: Reading, province: str | None, kind: SectionKind, block: Block) -> Figure:
    text = block.text
    return Figure(
        province=province,
        section=kind,
        category=reading.category,
        value=_plain(reading.value),
        value_max=None if reading.value_max is None else _plain(reading.value_max),
        unit=reading.unit,
        multiplier=reading.multiplier,
        qualifier=reading.qualifier,
        as_written=text[reading.start : reading.end],
        period=reading.period,
        sentence=text[reading.sentence[0] : reading.sentence[1]].strip(),
        provenance=block.provenance,
    )


# Numbers as written: digits with "." and "," groups, and one "/" part (a fraction or date).
# A "/" before it only as a list separator after a word: "129 vụ/202 tàu/1.730 ngư dân".
_NUMBER = re.compile(r"(?<![\w.,])(?<![\d.,]/)\d+(?:[.,]\d+)*(?:/\d+)?")
_SPACES = re.compile(r"[ \t]+")
_RANGE_LINK = re.compile(r"\s*(?:[-–—]|đến|tới)\s*")
_PERCENT = re.compile(r"\s?%|\s+phần trăm(?!\w)")
_PERCENT_TAIL = re.compile(r"/\s?năm|\s+kế hoạch(?!\w)|\s+so với kế hoạch")
_WORD = re.compile(r"[^\W\d_][\w²³]*(?:[/-][^\W\d_][\w²³]*)?")

_YEAR = r"(?:19|20)\d\d"
# Periods, one pattern per kind (much faster than one alternation); where two overlap, the
# one starting first wins, then the one listed first. The words before a range ("giai
# đoạn", "từ năm") need no matching: they hold no number.
_RANGE_END = rf"\s*(?:[-–—]|đến|tới)\s*(?:năm\s+)?(?:{_YEAR}|nay)(?!\d)"
_PERIODS = [
    (name, re.compile(pattern))
    for name, pattern in (
        ("range", rf"(?P<y1>{_YEAR})\s*(?:[-–—]|đến|tới)\s*(?:năm\s+)?(?P<y2>{_YEAR}|nay)(?!\d)"),
        ("months", rf"(?P<n>\d{{1,2}})\s+tháng\s+(?P<half>đầu|cuối)\s+năm\s+(?P<y>{_YEAR})"),
        ("quarter", rf"quý\s+(?P<q>iv|i{{1,3}}|[1-4])(?:\s*(?:năm|/)\s*(?P<y>{_YEAR}))?(?!\w)"),
        ("month", rf"tháng\s+(?P<m>\d{{1,2}})(?:\s*/\s*|\s+năm\s+)(?P<y>{_YEAR})"),
        ("until", rf"(?:đến|tới)\s+(?:hết\s+)?(?:năm\s+)?(?P<y>{_YEAR}|nay)(?!\d)"),
        ("year", rf"năm\s+(?P<y>{_YEAR})(?!\d)(?!{_RANGE_END})"),
        ("yearly", r"(?:hàng|hằng|mỗi)\s+năm(?!\w)"),
        ("now", r"hiện nay"),
    )
]


def _period_matches(folded: str) -> list[tuple[str, re.Match[str]]]:
    found = sorted(
        (match.start(), order, name, match)
        for order, (name, pattern) in enumerate(_PERIODS)
        for match in pattern.finditer(folded)
    )
    kept: list[tuple[str, re.Match[str]]] = []
    for start, _, name, match in found:
        if not kept or start >= kept[-1][1].end():
            kept.append((name, match))
    return kept


_CUMULATIVE = re.compile(r"(?:lũy|luỹ) kế\s+(?:tính\s+)?$")
_BASELINE = re.compile(r"so với\s*(?:cùng kỳ\s*)?(?:giai đoạn\s+|nhiệm kỳ\s+|năm\s+)?$")
_DATE = re.compile(
    r"\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}/(?:19|20)\d\d|\d{1,2}/\d{1,2}(?=\s*[-–]\s*\d{1,2}/\d{1,2})"
    r"|ngày \d{1,2}(?:/\d{1,2}| tháng \d{1,2}(?: năm \d{4})?)"
)
_DOCUMENT_NUMBER = re.compile(r"\d+(?:/\d+)*(?:[-/][A-ZĐ][\w/&.-]*)")
_INLINE_LABEL = re.compile(r"\(\d{1,2}\)")


def read_figures(text: str) -> list[Reading]:
    """The figures of one paragraph (see the module notes for what counts as one)."""
    if not _DIGIT.search(text):
        return []
    context = _Context(text, fold(text))
    readings = []
    for match in _NUMBER.finditer(text):
        if match.start() < context.consumed or context.masked(match.start(), match.end()):
            continue
        reading = _read_at(context, match)
        if reading is not None:
            readings.append(reading)
            context.consumed = reading.end
    return readings


_DIGIT = re.compile(r"\d")
_CLAUSE_CUT = re.compile(";")
_PIECE_CUT = re.compile(r",(?=\s)|[():;]")  # "3,862" is a number, not two pieces


class _Context:
    """One paragraph: its text, folded text, masked spans, sentences, clauses, cues."""

    def __init__(self, text: str, folded: str) -> None:
        self.text, self.folded = text, folded
        self.consumed = 0  # where the last figure read ends
        self.periods: list[tuple[int, int, str]] = []
        self.baselines: list[tuple[int, int, str]] = []  # "so với năm 2020"
        self.mask = bytearray(len(text))  # 1 where a period, date or label is written
        for kind, match in _period_matches(folded):
            self._mask(*match.span())
            baseline = _BASELINE.search(folded[max(0, match.start() - 16) : match.start()])
            found = (match.start(), match.end(), _period_text(kind, match))
            (self.baselines if baseline else self.periods).append(found)
        for pattern, source in ((_DATE, folded), (_DOCUMENT_NUMBER, text), (_INLINE_LABEL, text)):
            for match in pattern.finditer(source):
                self._mask(*match.span())
        label = parse_label(text)
        if label and label.kind != LabelKind.BULLET and label.rest:
            self._mask(0, text.index(label.rest))
        self.numbers = [
            m.start() for m in _NUMBER.finditer(text) if not self.masked(m.start(), m.end())
        ]
        self.sentences = _sentence_spans(text)
        self.sentence_starts = [start for start, _ in self.sentences]
        self.clause_cuts = [m.start() for m in _CLAUSE_CUT.finditer(text)]
        self.piece_cuts = [m.start() for m in _PIECE_CUT.finditer(text)]

    def _mask(self, start: int, end: int) -> None:
        self.mask[start:end] = b"\x01" * (end - start)

    def masked(self, start: int, end: int) -> bool:
        return 1 in self.mask[start:end]

    @cached_property
    def cues(self) -> list[tuple[int, int, str]]:
        """Every cue of the paragraph; each group on its own, so "vốn đầu tư trực tiếp nước
        ngoài" is both capital and FDI."""
        return sorted(
            (m.start(), m.end(), group) for group, cue in _CUES for m in cue.finditer(self.folded)
        )

    def next_number(self, position: int) -> int:
        """Where the next number (not a year, date or label) starts at or after ``position``."""
        index = bisect_right(self.numbers, position - 1)
        return self.numbers[index] if index < len(self.numbers) else len(self.text)

    def sentence(self, position: int) -> tuple[int, int]:
        return self.sentences[max(0, bisect_right(self.sentence_starts, position) - 1)]

    def clause(self, position: int) -> tuple[int, int]:
        return _between(self.clause_cuts, position, self.sentence(position))

    def piece(self, position: int) -> tuple[int, int]:
        return _between(self.piece_cuts, position, self.clause(position))


def _between(cuts: list[int], position: int, bounds: tuple[int, int]) -> tuple[int, int]:
    """The span around ``position`` within ``bounds`` that no cut crosses."""
    index = bisect_right(cuts, position - 1)
    left = cuts[index - 1] + 1 if index > 0 and cuts[index - 1] >= bounds[0] else bounds[0]
    right = cuts[index] if index < len(cuts) and cuts[index] < bounds[1] else bounds[1]
    return left, right


_SENTENCE_END = re.compile(r"[.!?…\]][\"”’)*]*\s+(?=[\"“‘(*]*[^\W\d_])")
_ABBREVIATION = re.compile(r"(?:^|\W)(?:tp|tx|v\.v|ths|ts|pgs|gs|tt|vd)\.?$", re.IGNORECASE)


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        following = text[match.end() : match.end() + 1]
        before = text[max(start, match.start() - 6) : match.start()]
        if not following.isupper() or _ABBREVIATION.search(before):
            continue
        spans.append((start, match.start() + 1))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _period_text(kind: str, match: re.Match[str]) -> str:
    group = match.group
    if kind == "range":
        y1, y2 = group("y1"), group("y2")
        return f"từ {y1} đến nay" if y2 == "nay" else f"{y1}-{y2}"
    if kind == "months":
        return f"{int(group('n'))} tháng {group('half')} năm {group('y')}"
    if kind == "quarter":
        quarter = group("q").upper()
        return f"quý {quarter} năm {group('y')}" if group("y") else f"quý {quarter}"
    if kind == "month":
        return f"tháng {int(group('m')):02d}/{group('y')}"
    if kind == "until":
        target = "nay" if group("y") == "nay" else f"năm {group('y')}"
        before = match.string[max(0, match.start() - 12) : match.start()]
        return ("lũy kế " if _CUMULATIVE.search(before) else "") + f"đến {target}"
    if kind == "year":
        return f"năm {group('y')}"
    return "hằng năm" if kind == "yearly" else "hiện nay"


# --- one number ------------------------------------------------------------------------------


def _read_at(context: _Context, match: re.Match[str]) -> Reading | None:
    text, folded = context.text, context.folded
    start, end = match.start(), match.end()
    if _attached_to_name(text, start) or _identifier_before(folded, start):
        return None
    first = match.group()
    second, end = _range_end(context, end)
    unit = _unit_after(text, folded, end)
    if unit is None:
        return None
    kind, unit_name, multiplier, factor, unit_end = unit
    value = read_number(
        first.split("/")[0], english_decimal=kind == "percent" or multiplier is not None
    )
    if value is None or _is_year(first, kind, multiplier):
        return None
    if "/" in first and (second is not None or kind in ("money", "percent")):
        return None  # "10/17 chỉ tiêu" reads as 10 (of 17); a/b with money is no fraction
    if first.count("/") == 1 and first.split("/")[1] == first.split("/")[0] == "24":
        return None  # "24/24 giờ": round the clock
    high = None
    if second is not None:
        high = read_number(second, english_decimal=kind == "percent" or multiplier is not None)
        if high is None or high <= value:
            return None
        high *= factor
    range_start = _range_opening(folded, start) if second is not None else start
    return Reading(
        start=range_start,
        end=unit_end,
        value=value * factor,
        value_max=high,
        unit=unit_name,
        kind=kind,
        multiplier=multiplier,
        qualifier=_qualifier(folded, range_start),
        category=categorise(context, start, unit_end, kind),
        period=_period(context, start),
        sentence=context.sentence(start),
    )


def _attached_to_name(text: str, start: int) -> bool:
    """ "COVID-19", "BOG-37": a number hyphenated onto a word."""
    return start >= 2 and text[start - 1] in "-–" and text[start - 2].isalpha()


_IDENTIFIER = re.compile(
    r"(?<!\w)(?<!tổng )(?:"  # "tổng số 50 dự án" is a figure, "số 43" a reference
    + "|".join(sorted(map(re.escape, cues.IDENTIFIER_BEFORE), key=len, reverse=True))
    + r")\s*$"
)
_NAME_HEAD = re.compile(
    r"(?<!\w)(?:" + "|".join(map(re.escape, cues.NAME_HEADS)) + r")(?:\s+[\w/]+){0,2}\s*$"
)


def _identifier_before(folded: str, start: int) -> bool:
    before = folded[max(0, start - 40) : start]
    return bool(_IDENTIFIER.search(before) or _NAME_HEAD.search(before))


def _range_end(context: _Context, end: int) -> tuple[str | None, int]:
    """A range "3-5", "3 - 5", "từ 3 đến 5": the upper bound and where it ends."""
    link = _RANGE_LINK.match(context.folded, end)
    if not link:
        return None, end
    upper = _NUMBER.match(context.text, link.end())
    if not upper or "/" in upper.group() or context.masked(upper.start(), upper.end()):
        return None, end
    return upper.group(), upper.end()


def _range_opening(folded: str, start: int) -> int:
    """Include a "từ " that opens the range in what is written."""
    return start - 3 if folded[max(0, start - 3) : start] == "từ " else start


def _is_year(first: str, kind: str, multiplier: str | None) -> bool:
    """A plain four-digit year (1900–2100) that counts nothing listed in the cue table."""
    if not re.fullmatch(r"(?:19|20)\d\d|2100", first) or multiplier:
        return False
    return kind not in cues.COUNTED.values() and kind not in ("money", "percent", "measure")


def _alternation(forms: list[str]) -> re.Pattern[str]:
    ordered = sorted(forms, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w²³])")


_MULTIPLIER = _alternation(list(cues.MULTIPLIERS))
_CURRENCY = _alternation(list(cues.CURRENCIES))
_MEASURE = _alternation(list(cues.MEASURES))
_COUNTED = _alternation(list(cues.COUNTED))

UnitFound = tuple[str, str, str | None, int, int]  # kind, unit, multiplier, factor, end


def _unit_after(text: str, folded: str, end: int) -> UnitFound | None:
    """What the number ending at ``end`` counts: money, a percentage, a measure or a noun;
    None if nothing (then it is no figure)."""
    if end < len(text) and text[end].isalpha():  # attached: "164km" is a measure, "1A" a name
        attached = _MEASURE.match(folded, end)
        if attached:
            return "measure", cues.MEASURES[attached.group()], None, 1, attached.end()
        return None
    percent = _PERCENT.match(folded, end)
    if percent:
        tail = _PERCENT_TAIL.match(folded, percent.end())
        stop = tail.end() if tail else percent.end()
        written = " ".join(folded[percent.end() : stop].split())
        if written.startswith("/"):
            written = written.replace(" ", "")  # "%/ năm" → "%/năm"
        unit = "%" + (" " + written if written and not written.startswith("/") else written)
        return "percent", unit, None, 1, stop
    multiplier, factor, position = None, 1, end
    gap = _SPACES.match(folded, position)
    if gap and (found := _MULTIPLIER.match(folded, gap.end())):
        multiplier, factor = cues.MULTIPLIERS[found.group()]
        position = found.end()
        gap = _SPACES.match(folded, position)
    if gap:
        after = gap.end()
        for pattern, kind, table in (
            (_CURRENCY, "money", cues.CURRENCIES),
            (_MEASURE, "measure", cues.MEASURES),
        ):
            if found := pattern.match(folded, after):
                return kind, table[found.group()], multiplier, factor, found.end()
        if found := _COUNTED.match(folded, after):
            unit = cues.COUNTED[found.group()]
            return unit, unit, multiplier, factor, found.end()
        if noun_end := _noun(text, folded, after):
            return "noun", folded[after:noun_end], multiplier, factor, noun_end
    if multiplier:  # "hơn 1,3 triệu." counts something left unsaid
        return "count", "", multiplier, factor, position
    return None


def _noun(text: str, folded: str, start: int) -> int | None:
    """The end of a noun (two syllables, three after a classifier) starting at ``start``."""
    words: list[re.Match[str]] = []
    position = start
    while len(words) < 3:
        word = _WORD.match(folded, position)
        if not word or word.group() in cues.NOT_NOUNS:
            break
        if text[word.start()].isupper():
            break
        if not words and word.group().split("/")[0] in cues.TIME_NOUNS:
            return None
        words.append(word)
        if folded[word.end() : word.end() + 1] != " ":
            break
        position = word.end() + 1
    if not words:
        return None
    if len(words) >= 2 and f"{words[0].group()} {words[1].group()}" in cues.TIME_NOUNS:
        return None
    first = words[0].group()
    keep = 3 if first in cues.CLASSIFIERS else 1 if first in cues.ONE_SYLLABLE else 2
    return words[: min(keep, len(words))][-1].end()


_QUALIFIER = re.compile(
    r"(?<!\w)((?:(?:"
    + "|".join(sorted(map(re.escape, cues.QUALIFIERS), key=len, reverse=True))
    + r")\s+)+)$"
)


def _qualifier(folded: str, start: int) -> str | None:
    found = _QUALIFIER.search(folded[max(0, start - 40) : start])
    return " ".join(found.group(1).split()) if found else None


def _period(context: _Context, start: int) -> str | None:
    """The nearest period before the number in its clause, else after it in its piece,
    else before it in its sentence. A baseline ("so với năm 2020") is no period, except for
    the figure in brackets right after it ("so với năm 2020 (115.913 USD)")."""
    clause, piece, sentence = context.clause(start), context.piece(start), context.sentence(start)
    for _, period_end, period in context.baselines:
        if 0 <= piece[0] - period_end <= 2 and context.text[piece[0] - 1 : piece[0]] == "(":
            return period
    before = [p for p in context.periods if clause[0] <= p[0] and p[1] <= start]
    if before:
        return before[-1][2]
    after = [p for p in context.periods if start < p[0] and p[1] <= piece[1]]
    if after:
        return after[0][2]
    earlier = [p for p in context.periods if sentence[0] <= p[0] and p[1] <= start]
    return earlier[-1][2] if earlier else None


# --- categories --------------------------------------------------------------------------------

_CUES = [
    (group, re.compile(r"(?<!\w)" + _alternation(list(forms)).pattern))
    for group, forms in (*cues.CUES.items(), ("relation", cues.RELATION))
]
_FOREIGN_AFTER = re.compile(r"\s*(?:" + "|".join(map(re.escape, cues.FOREIGN_AFTER)) + r")(?!\w)")


def categorise(context: _Context, start: int, end: int, kind: str) -> str:
    """The figure's category from its unit and the cues nearest to it (figure_cues notes)."""
    if kind in cues.BY_UNIT:
        return cues.BY_UNIT[kind]
    if kind in cues.PARTNER_UNITS:
        return cues.PARTNER_UNITS[kind] if _partner(context, start, end) else "other"
    accepts = cues.ACCEPTS.get(kind)
    if not accepts:
        return "other"
    capital = False
    for group, inside in _cues_by_distance(context, start, end):
        if group == "domestic" and inside:
            return "other"
        capital = capital or group == "capital"
        if group in accepts and not (capital and group == "trade"):
            return accepts[group]
    return "other"


def _cues_by_distance(context: _Context, start: int, end: int) -> Iterator[tuple[str, bool]]:
    """Cue groups, nearest first: those in the number's scope (its clause between the figure
    before it and the number after it), then the rest of the clause before the scope, then
    after it up to a "trong đó" ("X, trong đó Y": Y's cues say nothing of the total X).
    With each, whether it is in the scope and in the number's comma piece."""
    clause, piece = context.clause(start), context.piece(start)
    low, high = max(clause[0], context.consumed), min(clause[1], context.next_number(end))
    found = [c for c in context.cues if c[2] != "relation" and clause[0] <= c[0] < clause[1]]
    scope = [c for c in found if low <= c[0] and c[1] <= high]
    scope.sort(key=lambda c: min(abs(c[0] - end), abs(start - c[1])))
    breakdown = context.folded.find("trong đó", end, clause[1])
    stop = clause[1] if breakdown < 0 else breakdown
    before = [c for c in found if c[1] <= low][::-1]
    after = [c for c in found if high <= c[0] and c[1] <= stop]
    for cue in scope:
        yield cue[2], piece[0] <= cue[0] and cue[1] <= piece[1]
    for cue in (*before, *after):
        yield cue[2], False


def _partner(context: _Context, start: int, end: int) -> bool:
    """A relation cue in the number's piece or the piece before it in its clause, or
    "nước ngoài" after the noun."""
    if _FOREIGN_AFTER.match(context.folded, end):
        return True
    piece, clause = context.piece(start), context.clause(start)
    low = context.piece(piece[0] - 2)[0] if piece[0] - 2 > clause[0] else piece[0]
    return any(c[2] == "relation" and low <= c[0] and c[1] <= piece[1] for c in context.cues)


# --- side by side ------------------------------------------------------------------------------


def key_figures(figures: list[Figure]) -> dict[str, list[Figure]]:
    """Per province (in order of first appearance), its figures of every category but
    ``other``, in the order of ``figure_cues.CATEGORIES``; a province with none is left out."""
    rank = {category: n for n, category in enumerate(cues.CATEGORIES)}
    result: dict[str, list[Figure]] = {}
    for figure in figures:
        if figure.province and figure.category != "other":
            result.setdefault(figure.province, []).append(figure)
    for listed in result.values():
        listed.sort(key=lambda f: rank[f.category])  # stable: text order within a category
    return result


def side_by_side(figures: list[Figure], category: str) -> list[tuple[str, list[Figure]]]:
    """Provinces that report ``category``, each with its figures of it (each figure keeps
    its period), provinces in order of first appearance."""
    rows: dict[str, list[Figure]] = {}
    for figure in figures:
        if figure.province and figure.category == category:
            rows.setdefault(figure.province, []).append(figure)
    return list(rows.items())


def shared_categories(figures: list[Figure]) -> list[str]:
    """Categories (but ``other``) that at least two provinces report, in table order."""
    provinces: dict[str, set[str]] = {}
    for figure in figures:
        if figure.province:
            provinces.setdefault(figure.category, set()).add(figure.province)
    return [c for c in cues.CATEGORIES if c != "other" and len(provinces.get(c, ())) >= 2]
