"""Whose text it is: the province each paragraph of an unheaded piece belongs to.

Interviews, news reports, speeches and prose reports have no author line per province, so
ownership comes from how provinces are named:
- a *subject* mention names who acts or speaks: in a subheading, at the opening of a
  paragraph ("Tỉnh X đã …", "Tại X, …"), or as an affiliation ("Giám đốc Sở Ngoại vụ tỉnh
  X", "Chủ tịch UBND tỉnh X");
- a *passing* mention does not: a venue ("tổ chức tại Hà Nội"), a partner or neighbour ("hợp
  tác với", "giáp", "cùng với"), a comparison ("sau Hà Nội"), a list of several provinces.

A piece about one province (an interview with its director, a report on its year, a speech
of its leader) belongs wholly to it, even where paragraphs say only "tỉnh". An interview, a
speech or an unheaded report speaks with one voice: for one province, or, when none is
introduced as its own, for the country (the provinces it names are examples). With several
provinces, each owns its block, from its subheading or the first paragraph whose subject it
is to the next block; a paragraph about the whole country (the ministry, "các địa phương")
or a subheading naming no province returns to the general part. An enumerated run is never
split between owners.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from compiler import provinces
from compiler.enumeration import LabelKind
from compiler.model import Block, BlockRole
from compiler.normalize import ascii_fold, fold, is_caps
from compiler.segment.outline import block_label, is_phrase_heading

Province = provinces.Province

_OPENING = 70  # characters: a mention this close to a paragraph's start names its subject
_VENUE = re.compile(
    r"\b(?:tai|o|den|toi|sang|ve tham|ghe tham|tham)\s+(?:(?:tinh|thanh pho|tp\.?)\s+)?$"
)
_PASSING = re.compile(
    r"\b(?:voi|cung|giap|giua|sau|truoc|so voi|nhu|hon|lien ket|ket nghia|cac tinh|cac dia phuong"
    r"|va|hoac)\s+(?:(?:tinh|thanh pho|tp\.?)\s+)?$"
)
_AFFILIATION = re.compile(
    r"\b(?:so ngoai vu|ubnd|uy ban nhan dan|hdnd|tinh uy|thanh uy|chu tich|bi thu|giam doc"
    r"|lanh dao|dai dien|doan dai bieu|doan cong tac)\s+(?:(?:tinh|thanh pho|tp\.?)\s+)?$"
)
# "Đối với Ninh Thuận, …", "Với Quảng Ninh, …", "Riêng Hà Nội, …": a topic opening a paragraph.
_TOPIC = re.compile(
    r"^(?:doi voi|voi|ve phia|rieng|con|tai|o|phia)\s+(?:(?:tinh|thanh pho|tp\.?)\s+)?$"
)
# "cảm ơn lãnh đạo tỉnh X", "chào mừng đoàn X": a host or guest thanked, not the speaker.
_THANKED = re.compile(r"\b(?:cam on|tri an|chao mung|don tiep|tiep)\b[^.;:]{0,40}$")
# "đường cao tốc Khánh Hòa - …", "cửa khẩu Lào Cai", "Đại học Huế": a thing named after a
# province, not the province acting.
_NAMED_AFTER = re.compile(
    r"\b(?:duong|cao toc|quoc lo|cua khau|cang|san bay|dai hoc|truong|bao|dai phat thanh|ga"
    r"|tuyen|hanh lang|cau|khu kinh te|khu cong nghiep|van hoa|dong bang|vung|lang|nha may"
    r"|vanh dai(?: \d+)?)\s+$"
)
_CLAUSE_START = re.compile(r"[^,]{12}, (?:(?:tinh|thanh pho|tp\.?) )?$")
_FORMER = re.compile(r"\s*\(?cu\b")
_DATELINE = re.compile(
    r"\s*(?:,\s*(?:ngay\s*)?\d{1,2}[/.-]\d{1,2}|\(\s*(?:ttxvn|vna|pv|[a-z]{2,6})\s*\)\s*[-–])"
)
_LIST_GAP = re.compile(r"^\s*(?:,|;|và|và các|cùng|-|–)?\s*(?:(?:tỉnh|thành phố|TP\.?)\s+)?$", re.I)
# A paragraph about the whole country names the ministry, the Government or "the
# localities" as its subject within its opening clause ("Theo kế hoạch, Bộ Ngoại giao sẽ …",
# "Phát biểu kết luận, Thứ trưởng …", "Các chuyên gia nhận định …").
_NATIONAL_SUBJECT = re.compile(
    r"^(?:[^,.;:]{0,45}, )?(?:theo )?"
    r"(?:bo ngoai giao|bo truong|thu truong|lanh dao bo|bo\b|chinh phu|thu tuong|trung uong"
    r"|ca nuoc|cac dia phuong|nhieu dia phuong|cac tinh, thanh|cac tinh|viet nam|dai su"
    r"|uy ban nha nuoc|cac chuyen gia|chuyen gia|cac dai bieu|hoi nghi"
    r"|cum|cac don vi|ca khu vuc|toan vung)\b"
)
# …unless it speaks of the province in the block ("hỗ trợ tỉnh", "thành phố đã").
# Matched with diacritics: without them "tỉnh" is also "tinh thần" and "tình hình".
_ANAPHORA = re.compile(
    r"(?<!các )(?<!nhiều )(?<!những )(?<!mỗi )(?<!từng )"
    r"\b(?:tỉnh|thành phố|địa phương này)\b(?!,? thành)"
)


@dataclass(frozen=True, slots=True)
class Mention:
    province: Province
    start: int
    subject: bool  # names who acts or speaks (see the module docstring)


@lru_cache(maxsize=4096)
def mentions(text: str, heading: bool = False) -> tuple[Mention, ...]:
    """The provinces a paragraph names, each classed as subject or passing. Cached: owners
    asks of one paragraph several times (its subject, whether it opens a block, counts)."""
    found = provinces.find_all(text)
    folded = ascii_fold(text)
    result = []
    for position, (province, start, end) in enumerate(found):
        before = folded[max(0, start - 30) : start]
        in_list = _listed_with(found, position, text)
        if _FORMER.match(folded[end : end + 8]):
            subject = False  # "tỉnh Bình Phước cũ": a part of the new unit the piece is about
        elif start < 3 and _DATELINE.match(folded[end : end + 24]):
            subject = False  # "Hà Nội, 9/1 (TTXVN) - …": where a news story was filed
        elif heading:
            subject = not in_list
        elif _TOPIC.match(folded[:start]):
            subject = True
        elif (
            _THANKED.search(folded[max(0, start - 60) : start])
            or _NAMED_AFTER.search(before)
            or text.count("(", 0, start) > text.count(")", 0, start)  # "(Bình Định)", "(tại …)"
        ):
            subject = False
        elif _AFFILIATION.search(before) and not in_list:
            subject = True
        elif _VENUE.search(before):
            subject = start < 15  # "Tại Cần Thơ, …" opening a paragraph is its subject
        elif in_list or _PASSING.search(before):
            subject = False
        else:
            # At the opening, or opening the main clause after a fronted phrase ("Về đầu tư
            # nước ngoài, Thành phố Hồ Chí Minh thu hút …", "Nhằm …, tỉnh Quảng Ninh đã …").
            subject = start < _OPENING or bool(_CLAUSE_START.search(before))
        result.append(Mention(province, start, subject))
    return tuple(result)


def _listed_with(found: list[tuple[Province, int, int]], position: int, text: str) -> bool:
    """Named next to another province with only a comma or "và" between: a list."""
    _, start, end = found[position]
    if position > 0 and _LIST_GAP.match(text[found[position - 1][2] : start]):
        return True
    return position + 1 < len(found) and bool(_LIST_GAP.match(text[end : found[position + 1][1]]))


def subject_of(block: Block) -> Province | None:
    """The one province a paragraph or subheading is about, if it names exactly one."""
    found = {
        provinces.place_key(m.province): m.province
        for m in mentions(block.text, is_heading(block))
        if m.subject
    }
    return next(iter(found.values())) if len(found) == 1 else None


def is_heading(block: Block) -> bool:
    text = block.text
    return block.role == BlockRole.HEADING or (
        len(text) <= 160
        and not text.endswith((".", ";", ","))
        and (block.bold or is_caps(text) or is_phrase_heading(text))
    )


def is_national(block: Block) -> bool:
    key = ascii_fold(block.text)
    return bool(_NATIONAL_SUBJECT.match(key)) and not _refers_back(block.text)


def _refers_back(text: str) -> bool:
    """ "tỉnh", "thành phố" standing alone for the province of the block ("hỗ trợ tỉnh"),
    not naming one ("thành phố Hà Nội")."""
    named = {start for _, start, _ in provinces.find_all(text)}
    return any(
        not any(match.end() <= s <= match.end() + 2 for s in named)
        for match in _ANAPHORA.finditer(fold(text))
    )


@dataclass(frozen=True, slots=True)
class Ownership:
    owners: list[Province | None]  # one per body block
    single: Province | None  # the piece is wholly about this province


def assign(
    blocks: list[Block], framing: list[Block], one_voice: bool = False, report: bool = False
) -> Ownership:
    """The owner of every block. ``framing``: the headline, title or speaker lines, and
    captions that may name the subject (an interviewee). ``one_voice``: an interview or a
    speech, where the speaker's province (named by their office in the framing or the
    opening paragraph: "Bí thư Tỉnh ủy X", "Giám đốc Sở Ngoại vụ tỉnh X") owns it all.
    ``report``: unheaded prose, whose owner is found as a voice's, but which may also
    report on several provinces when none stands out."""
    national = _national_framing(framing) or (one_voice and _national_voice(framing + blocks[:3]))
    if national and one_voice:
        # The ministry's voice speaks for the whole country: provinces are its examples.
        return Ownership([None] * len(blocks), None)
    single = None
    if not national and (one_voice or report):
        single = _speaker(framing + blocks[:2]) or _voice_owner(blocks, framing, report)
    elif not national:
        single = _single_subject(blocks, framing)
    if single is not None and one_voice and not _named_early(single, framing + blocks[:3]):
        single = None  # one voice, but its province is never introduced: a national voice
    if single is not None:
        return Ownership([single] * len(blocks), single)
    if one_voice:
        # One voice that speaks for no one province speaks for the country: the provinces
        # it names are its examples.
        return Ownership([None] * len(blocks), None)
    owners: list[Province | None] = []
    current: Province | None = None
    for block in blocks:
        subject = subject_of(block)
        if subject is not None:
            same = current is not None and provinces.place_key(current) == provinces.place_key(
                subject
            )
            current = current if same else subject
        elif is_heading(block) or is_national(block):
            current = None
        owners.append(current)
    return Ownership(_keep_runs_together(blocks, owners), None)


_NATIONAL_SPEAKER = re.compile(
    r"\b(?:bo ngoai giao|bo truong|thu truong|pho thu tuong|thu tuong|vu truong|cuc truong"
    r"|uy ban nha nuoc ve nguoi viet nam)\b"
)


_OFFICE = re.compile(
    r"\b(?:bi thu|pho bi thu|chu tich|pho chu tich|giam doc|pho giam doc|truong ban)"
    r"(?: (?:tinh uy|thanh uy|ubnd|uy ban nhan dan|hdnd|so ngoai vu|ban doi ngoai))?"
    r"(?: (?:tinh|thanh pho|tp\.?))?\s+$"
)


def _speaker(blocks: list[Block]) -> Province | None:
    """The one province whose office-holder speaks ("Giám đốc Sở Ngoại vụ tỉnh X") or on
    whose behalf the speaker speaks ("thay mặt lãnh đạo tỉnh X")."""
    found = {}
    for block in blocks:
        folded = ascii_fold(block.text)
        for province, start, _ in provinces.find_all(block.text):
            before = folded[max(0, start - 100) : start]
            if _OFFICE.search(before[-60:]) or _ON_BEHALF_OF.search(before):
                found[provinces.place_key(province)] = province
    return next(iter(found.values())) if len(found) == 1 else None


_ON_BEHALF_OF = re.compile(r"\bthay mat\b[^.;]*$")


def _named_early(province: Province, opening: list[Block]) -> bool:
    key = provinces.place_key(province)
    return any(
        provinces.place_key(p) == key for b in opening for p, _, _ in provinces.find_all(b.text)
    )


_ON_BEHALF = re.compile(
    r"\bthay mat (?:cho )?(?:lanh dao )?(?:bo ngoai giao|bo\b|chinh phu|ban to chuc)"
)


def _national_voice(opening: list[Block]) -> bool:
    """A speaker who opens on behalf of the ministry or the Government."""
    return any(_ON_BEHALF.search(ascii_fold(b.text)) for b in opening)


def _national_framing(framing: list[Block]) -> bool:
    """A headline or speaker line naming the ministry or the Government and no province as
    its subject: the piece speaks for the whole country (a host province is a venue)."""
    keys = [ascii_fold(b.text) for b in framing]
    national = any(_NATIONAL_SPEAKER.search(k) for k in keys)
    return national and not any(subject_of(b) for b in framing)


def _single_subject(blocks: list[Block], framing: list[Block]) -> Province | None:
    """The province a piece is wholly about, if one stands out.

    Counted: subject mentions of each province in the framing and the body, and how many
    provinces would open a block of their own (a subheading or an opening naming them).
    One province with subject mentions, or the framing's province with at least twice the
    mentions of any other and no other province opening a block, owns the whole piece.
    """
    counts: Counter[str] = Counter()
    named: dict[str, Province] = {}
    for block in framing + blocks:
        for mention in mentions(block.text, is_heading(block)):
            if mention.subject:
                counts[provinces.place_key(mention.province)] += 1
                named[provinces.place_key(mention.province)] = mention.province
    if not counts:
        return None
    framing_keys = {
        provinces.place_key(m.province)
        for b in framing
        for m in mentions(b.text, True)
        if m.subject
    }
    openers = {
        provinces.place_key(p)
        for b in blocks
        if (p := subject_of(b)) is not None and _opens_block(b)
    }
    ranked = counts.most_common()
    top, top_count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if len(ranked) == 1 and len(openers - {top}) == 0:
        return named[top]
    framed = [k for k in framing_keys if k in counts]
    if len(framed) == 1:
        key = framed[0]
        others = max((c for k, c in ranked if k != key), default=0)
        if counts[key] >= 2 * others and not (openers - {key}):
            return named[key]
    if top_count >= 3 * max(runner_up, 1) and not (openers - {top}):
        return named[top]
    return None


def _voice_owner(blocks: list[Block], framing: list[Block], exclusive: bool) -> Province | None:
    """The province one voice speaks for, when no office names it: the unit most named as a
    subject (framing counts twice), clearly ahead of any other. In a piece written after the
    2025 merger, old provinces merged into one new unit count together ("Bình Dương" and
    "TP.HCM" in a report of the new city): a voice does not speak for two of its own parts;
    the most named of them is the owner. ``exclusive``: no other unit may open a block of
    its own (a report on several)."""
    merged = _after_merger(framing + blocks)

    def unit_of(province: Province) -> str:
        return provinces.province_2025(province).key if merged else provinces.place_key(province)

    by_unit: Counter[str] = Counter()
    by_name: Counter[str] = Counter()
    named: dict[str, Province] = {}
    for weight, block_list in ((2, framing), (1, blocks)):
        for block in block_list:
            for mention in mentions(block.text, is_heading(block)):
                if mention.subject:
                    province = mention.province
                    by_unit[unit_of(province)] += weight
                    by_name[provinces.place_key(province)] += weight
                    named[provinces.place_key(province)] = province
    if not by_unit:
        return None
    ranked = by_unit.most_common(2)
    # A speaker's province stands out (twice any other); a report's is just the most named.
    lead = 1.0 if exclusive else 2.0
    if len(ranked) > 1 and (ranked[0][1] < lead * ranked[1][1] or ranked[0][1] == ranked[1][1]):
        return None
    unit = ranked[0][0]
    if exclusive and any(
        unit_of(p) != unit for b in blocks if (p := subject_of(b)) is not None and _opens_block(b)
    ):
        return None  # another province opens a block of its own: a report on several
    in_unit = [k for k in by_name if unit_of(named[k]) == unit]
    return named[max(in_unit, key=lambda k: (by_name[k], k))]


# Words only a piece written after the July 2025 merger uses of its provinces.
_MERGER_WORDS = re.compile(
    r"\b(?:cũ|trước đây|sáp nhập|hợp nhất|sắp xếp đơn vị hành chính|tỉnh mới|thành phố mới"
    r"|1/7/2025|01/7/2025|01/07/2025)\b"
)


def _after_merger(blocks: list[Block]) -> bool:
    return any(_MERGER_WORDS.search(fold(b.text)) for b in blocks)


def main_subject(blocks: list[Block], framing: list[Block]) -> Province | None:
    """The province a headed paper without an author line is about: the one it wholly
    belongs to, else the one most often named as a subject, else None."""
    single = _single_subject(blocks, framing)
    if single is not None:
        return single
    counts = Counter(
        provinces.place_key(m.province)
        for b in framing + blocks[:40]
        for m in mentions(b.text)
        if m.subject
    )
    if not counts:
        return None
    key = counts.most_common(1)[0][0]
    return next(
        m.province
        for b in framing + blocks
        for m in mentions(b.text)
        if provinces.place_key(m.province) == key
    )


def _opens_block(block: Block) -> bool:
    """A subheading naming a province, or a paragraph opening with one as its subject."""
    if is_heading(block):
        return True
    return any(m.subject and m.start < 25 for m in mentions(block.text))


def _keep_runs_together(
    blocks: list[Block], owners: list[Province | None]
) -> list[Province | None]:
    """Items of one enumeration ("Một là … Bốn là", "1. … 3.", "- … - …") stay with the
    owner of the first item (or of the paragraph introducing the list), and so do the
    paragraphs between them."""
    result = list(owners)
    for first, last in enumeration_runs(blocks):
        lead = first - 1 if first > 0 and blocks[first - 1].text.endswith(":") else first
        for index in range(first, last + 1):
            result[index] = result[lead]
    return result


def enumeration_runs(blocks: list[Block]) -> list[tuple[int, int]]:
    """(first, last) block index of every run of two or more items of one enumeration;
    plain paragraphs may stand between items, headings may not."""
    runs: list[tuple[int, int]] = []
    open_runs: dict[str, tuple[int, int, int]] = {}  # level key -> (first, last, value)
    for index, block in enumerate(blocks):
        label = block_label(block)
        if label is None:
            if is_heading(block):
                open_runs.clear()
            continue
        key = label.level_key if label.kind != LabelKind.BULLET else f"bullet{label.text}"
        run = open_runs.get(key)
        follows = run is not None and (label.kind == LabelKind.BULLET or label.value == run[2] + 1)
        if run is not None and follows:
            open_runs[key] = (run[0], index, label.value)
            continue
        if run is not None and run[1] > run[0]:
            runs.append((run[0], run[1]))
        open_runs[key] = (index, index, label.value)
    runs.extend((first, last) for first, last, _ in open_runs.values() if last > first)
    return sorted(runs)
