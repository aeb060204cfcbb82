"""Short forms of the papers' text for the brief: an item's lead, a short phrase, and a
reference a reader can find in the paper ("Đà Nẵng, mục 3.2").

The lead is the item's first sentence (after a short title line such as "Chú trọng kinh tế
đối ngoại", that title and the sentence under it), at most about 35 words, cut at the last
clause boundary that keeps it readable and marked "…" when cut. Known OCR slips ("đối ngũ")
are corrected in these forms; the annex keeps the text as written.
"""

from __future__ import annotations

import re

from compiler.align.similarity import correct_ocr
from compiler.enumeration import LabelKind, parse_label
from compiler.labels import Labels
from compiler.model import Item, Paper, Provenance, Section

LEAD_WORDS = 35
PHRASE_WORDS = 16
TITLE_LINE_WORDS = 12  # a first line this short without a full stop is the item's title

# A full stop, question or exclamation mark that ends a sentence: followed by space and a
# capital, an opening quote or the end; not in "TP.", "v.v." or a number ("1.400").
_SENTENCE_END = re.compile(r"(?<=[^\s.]{2})[.!?…](?=\s+[\"“(]?[^\W\d_]|\s*$)")
# Where a clause ends inside a sentence: after a semicolon, colon, comma or a spaced dash.
# (A spaced hyphen joins a compound: "kinh tế - xã hội", "Việt Nam - Lào".)
_CLAUSE_END = re.compile(r"[;:,](?=\s)|\s[–—](?=\s)")
_TRAILING = ",;:-–— "


def lead(item: Item, limit: int = LEAD_WORDS) -> str:
    """The item as a leader reads it in the brief: its point in at most ``limit`` words."""
    paragraphs = [p.strip() for p in item.text.split("\n") if p.strip()]
    if not paragraphs:
        return item.title.strip()
    first = first_sentence(paragraphs[0])
    words = len(first.split())
    if len(paragraphs) > 1 and _is_title_line(paragraphs[0]) and words < limit - 6:
        following = cut_words(first_sentence(paragraphs[1]), limit - words)
        return _capital(correct_ocr(f"{first.rstrip(_TRAILING + '.')}: {following}"))
    return _capital(correct_ocr(cut_words(first, limit)))


# Openings that set the scene before a sentence's point: "Đối với thành phố, …",
# "Trong thời gian qua, …", "Về mặt khách quan, …".
_FRAMING = re.compile(
    r"^(?:đối với [^,]{1,40}|về mặt (?:khách quan|chủ quan)|trong (?:những năm|thời gian) "
    r"(?:gần đây|qua|tới)|thời gian (?:qua|tới)|bên cạnh đó|đồng thời|ngoài ra|tuy nhiên|"
    r"hiện nay|theo đó),\s+",
    re.IGNORECASE,
)


def phrase(text: str, limit: int = PHRASE_WORDS) -> str:
    """A short phrase for lists: the point of the first sentence (its scene-setting opening
    left out), at most ``limit`` words, cut at a clause boundary or before a linking word,
    unmarked."""
    sentence = first_sentence(text.strip().split("\n", 1)[0])
    while (match := _FRAMING.match(sentence)) and len(sentence) > match.end() + 10:
        sentence = sentence[match.end() :]
    cut = cut_words(sentence, limit, mark="", least=limit * 3 // 5)
    return _capital(correct_ocr(cut.rstrip(_TRAILING + ".")))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def first_sentence(text: str) -> str:
    match = _SENTENCE_END.search(text)
    return text[: match.end()].strip() if match else text.strip()


def cut_words(text: str, limit: int, mark: str = "…", least: int | None = None) -> str:
    """``text`` if it has at most ``limit`` words; else cut at the last clause boundary in
    the limit that keeps at least ``least`` words (default half the limit), else before the
    last linking word ("của", "và", "để" …: what follows qualifies what came before), and
    end with ``mark``; with neither, cut after ``limit`` words and always mark it "…"."""
    words = text.split()
    if len(words) <= limit:
        return text
    window = " ".join(words[:limit])
    least = least if least is not None else max(limit // 2, 4)
    boundaries = [m.start() for m in _CLAUSE_END.finditer(window)]
    keep = [b for b in boundaries if len(window[:b].split()) >= least]
    if keep:
        return _balanced(window[: keep[-1]].rstrip(_TRAILING)) + mark
    links = [n for n in range(least, limit) if _links(words, n)]
    if not links:
        return _balanced(window.rstrip(_TRAILING + ".")) + "…"
    kept = words[: links[-1]]
    while len(kept) > 3 and kept[-1].lower() in _DANGLING:
        kept.pop()
    return _balanced(" ".join(kept).rstrip(_TRAILING)) + mark


def _balanced(text: str) -> str:
    """Without an opening quote or bracket whose closing one was cut off."""
    for opening, closing in (("“", "”"), ("(", ")"), ('"', '"')):
        if opening == closing:
            if text.count(opening) % 2:
                text = text[: text.rfind(opening)].rstrip()
        elif text.count(opening) > text.count(closing):
            text = text[: text.rfind(opening)].rstrip()
    return text.rstrip(_TRAILING)


def _links(words: list[str], n: int) -> bool:
    word = words[n].lower()
    pair = f"{word} {words[n + 1].lower()}" if n + 1 < len(words) else word
    return word in _LINKING_WORDS or pair in _LINKING_PAIRS


# Words that open a qualifying phrase: a phrase cut before one still says its point.
_LINKING_WORDS = frozenset(
    "của và với để nhằm trong tại cho theo về như từ đến trên giữa thuộc bằng vào gắn ở".split()
)
_LINKING_PAIRS = frozenset({"đối với", "nhất là", "thông qua", "đặc biệt"})
# Words a cut phrase must not end on: they announce what was cut off.
_DANGLING = frozenset("các những một số ngày làm là được có đã sẽ sự việc".split())


def _is_title_line(paragraph: str) -> bool:
    stripped = paragraph.rstrip()
    return len(stripped.split()) <= TITLE_LINE_WORDS and not stripped.endswith((".", ";"))


# --- references --------------------------------------------------------------------------


def item_reference(section: Section, item: Item, text: Labels, within_kind: bool = False) -> str:
    """Where an item sits in its paper: "mục 3.2", "mục III, ý 4", "phần kiến nghị, ý 1"
    (``within_kind``: the reader is in that kind's part already, so "ý 1")."""
    label = parse_label(item.label + " x") if item.label else None
    if label and label.kind == LabelKind.DECIMAL:
        return text.numbered_ref.format(label=_bare(label.text))
    number = _heading_number(section)
    if number:
        where = text.numbered_ref.format(label=number)
    elif within_kind:
        where = ""
    else:
        where = text.part_ref.format(kind=text.kinds[section.kind].lower())
    if label and label.kind == LabelKind.LETTER:
        point = _bare(label.text)
    elif label and label.value:
        point = str(label.value)
    else:
        point = str(section.items.index(item) + 1)
    point_ref = text.point_ref.format(label=point)
    return f"{where}, {point_ref}" if where else point_ref


def _heading_number(section: Section) -> str | None:
    for block in section.heading_blocks:
        label = parse_label(block.text)
        if label and label.kind in (LabelKind.ROMAN, LabelKind.ARABIC, LabelKind.DECIMAL):
            return _bare(label.text)
    return None


def _bare(label: str) -> str:
    return label.strip().rstrip(".-)–")


def source_reference(provenance: Provenance, text: Labels) -> str:
    """The source file and the lines, paragraphs or pages: "000.txt, dòng 17–19"."""
    name = provenance.source.replace("\\", "/").rsplit("/", 1)[-1]
    if provenance.line_start is not None:
        return text.lines_ref.format(
            source=name, lines=_span(provenance.line_start, provenance.line_end)
        )
    if provenance.paragraph_start is not None:
        span = _span(provenance.paragraph_start, provenance.paragraph_end)
        return text.paragraphs_ref.format(source=name, paragraphs=span)
    if provenance.page_start is not None:
        return text.pages_ref.format(
            source=name, pages=_span(provenance.page_start, provenance.page_end)
        )
    return name


def _span(start: int, end: int | None) -> str:
    return str(start) if end is None or end == start else f"{start}–{end}"


def paper_name(paper: Paper, text: Labels) -> str:
    return paper.province or text.general_part
