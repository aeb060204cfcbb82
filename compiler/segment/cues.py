"""Vietnamese cues that tell a section's kind, from a heading or an opening phrase.

Headings are matched without diacritics (``ascii_fold``) so OCR damage such as
"ĐÓI NGOẠI" or missing tone marks does not hide them; a truncated last syllable
("THÁCH THỨ") still matches when the cue's other syllables are intact.
"""

from __future__ import annotations

import re
from functools import cache

from compiler.model import SectionKind
from compiler.normalize import ascii_fold

K = SectionKind

# Heading cues, diacritics removed. Order inside a kind does not matter.
#
# Where each cue comes from, and how it was checked (``python -m compiler.segment.audit
# tests/reading/train tests/reading/dev``: the heading-shaped lines of labelled documents
# written for the project, not the samples the cues were first seen in):
# - D: the domain's own words for the kinds (DESIGN.md §1, Nghị định 30 report headings);
# - V: Vietnamese synonyms of those words added by the first version.
# A cue is kept when the lines it names carry its kind at least 60 % of the time in those
# documents, or when it is a domain word not seen there yet (marked "unseen"); a cue that
# failed the audit ("kế hoạch": 1 of 3 headings, "Kết quả thực hiện kế hoạch …" are results)
# or that only one sample ever used ("công tác lãnh đạo, chỉ đạo", "đánh giá") was dropped.
HEADING_CUES: dict[SectionKind, tuple[str, ...]] = {
    K.CONTEXT: (
        "dac diem",  # D, 8/8
        "tinh hinh",  # D, 13/13
        "boi canh",  # D, 6/10 (the rest: compound headings)
        "khai quat",  # V, 4/4
        "gioi thieu",  # V, unseen
        "tong quan",  # V, unseen
    ),
    K.ACHIEVEMENTS: (
        "ket qua",  # D, 20/23
        "thanh tuu",  # D, 1/1
        "dau an",  # D, 4/5
        "nhung viec da lam",  # V, 1/1
        "hoat dong doi ngoai",  # D, unseen (the weakest: a topic more than a kind)
        "thanh qua",  # V, unseen
    ),
    K.OPPORTUNITIES: (
        "co hoi",  # D, 9/11
        "thoi co",  # D, 7/7
        "van hoi",  # D, 6/6
        "thuan loi",  # D, 7/7
    ),
    K.CHALLENGES: (
        "thach thuc",  # D, 12/12 counting compound headings
        "kho khan",  # D, 8/10
        "han che",  # D, 8/9
        "ton tai",  # D, 4/4
        "vuong mac",  # V, 1/1
        "bat cap",  # V, unseen
        "nguy co",  # V, unseen
    ),
    K.TASKS: (
        "phuong huong",  # D, 10/11
        "nhiem vu",  # D, 12/14
        "giai phap",  # D, 4/5
        "dinh huong",  # D, 4/6
        "muc tieu",  # V, 2/3
        "chang duong moi",  # D, 1/1
    ),
    K.PROPOSALS: (
        "kien nghi",  # D, 15/15
        "de xuat",  # D, 11/11
        "de nghi",  # D, unseen in headings (common in opening phrases)
    ),
    K.LESSONS: ("bai hoc",),  # D, 13/14
    # A conclusion holds closing remarks: kept as `other`, never guessed from its wording.
    K.OTHER: ("ket luan", "loi ket", "thay loi ket", "phan ket"),  # V, unseen
}

# When a heading carries cues of several kinds, the first of this list wins; a heading with
# both opportunity and challenge cues opens a compound section that hands over to its
# sub-headings ("Những cơ hội và thách thức" → "Về cơ hội:", "Về khó khăn, thách thức:").
PRIORITY = (
    K.LESSONS,
    K.PROPOSALS,
    K.CHALLENGES,
    K.OPPORTUNITIES,
    K.TASKS,
    K.ACHIEVEMENTS,
    K.CONTEXT,
    K.OTHER,
)

# Kinds a sub-heading may open inside another section (context and achievements cues are
# too common in ordinary sub-headings: "Công tác nghiên cứu, dự báo tình hình").
SPECIFIC_KINDS = frozenset({K.OPPORTUNITIES, K.CHALLENGES, K.TASKS, K.PROPOSALS, K.LESSONS})

# Opening phrases of paragraphs that open a section without a heading (D: the request
# formulas of administrative Vietnamese and the "Tuy nhiên … hạn chế" turn). Audited like the
# heading cues: proposals 69/70, challenges 14/14, list leads 11/11.
# Asks go to the centre: a request verb before a central addressee, or a polite request
# ("trân trọng/kính đề nghị") in a paragraph that names one. A request to a foreign partner
# ("xin đề xuất với ngài Tỉnh trưởng") is a task of cooperation, not a proposal.
_CENTRAL = (
    r"(?:bo ngoai giao|cac bo|bo, nganh|bo nganh|trung uong|thu tuong|chinh phu|quoc hoi"
    r"|nha nuoc|cac co quan trung uong|bo (?:cong thuong|ke hoach|tai chinh|noi vu|quoc phong))"
)
_PROPOSAL_PHRASE = re.compile(
    rf"\b(?:de nghi|kien nghi|de xuat|mong|xin) (?:voi )?(?:cac )?{_CENTRAL}"
)
_POLITE_ASK = re.compile(r"\b(?:tran trong|kinh) (?:de nghi|kien nghi|de xuat)\b")
_CENTRAL_NAMED = re.compile(rf"\b{_CENTRAL}")
_LIMITATION_OPENER = re.compile(r"^(?:tuy nhien|ben canh (?:do|nhung)|mac du|song)\b")
_LIMITATION_WORDS = re.compile(r"\b(?:han che|ton tai|yeu kem|bat cap|vuong mac|kho khan)\b")
_SENTENCE_END = re.compile(r"[.;!?]")
_CLOSING_OPENER = re.compile(r"^(?:co the noi|tom lai|tren day|nhin chung|voi nhung ket qua)\b")


@cache
def _cue_pattern(cue: str) -> re.Pattern[str]:
    # Allow OCR to have cut the last syllable short ("thach thu" for "thach thuc").
    *head, last = cue.split()
    words = [re.escape(w) for w in head] + [re.escape(last[:-1]) + f"(?:{re.escape(last[-1])})?"]
    if len(last) <= 2 or not head:
        words[-1] = re.escape(last)
    return re.compile(r"\b" + r"[\s,\-–]+".join(words) + r"\b")


def heading_kinds(text: str) -> set[SectionKind]:
    """All kinds whose cues occur in a heading."""
    key = ascii_fold(text)
    return {
        kind
        for kind, cues in HEADING_CUES.items()
        if any(_cue_pattern(c).search(key) for c in cues)
    }


def heading_kind(text: str) -> SectionKind | None:
    """The kind a heading announces, by priority; None when it carries no cue."""
    kinds = heading_kinds(text)
    return next((kind for kind in PRIORITY if kind in kinds), None)


# Cues strong enough to make a heading open two kinds at once ("Kết quả và hạn chế"): the
# weak achievements cues ("hoạt động đối ngoại", "đánh giá") only describe a heading's topic.
_COMPOUND_CUES = {
    **{kind: cues for kind, cues in HEADING_CUES.items() if kind in SPECIFIC_KINDS},
    K.ACHIEVEMENTS: ("ket qua", "thanh tuu", "thanh qua"),
}


def compound_kinds(text: str) -> tuple[SectionKind, ...]:
    """The kinds a heading opens together, in the order it names them ("Những cơ hội và
    thách thức" → opportunities, challenges); empty unless there are two or more."""
    key = ascii_fold(text)
    found = []
    for kind, kind_cues in _COMPOUND_CUES.items():
        starts = [m.start() for c in kind_cues for m in [_cue_pattern(c).search(key)] if m]
        if starts:
            found.append((min(starts), kind))
    return tuple(kind for _, kind in sorted(found)) if len(found) >= 2 else ()


def opening_phrase_kind(text: str, leads_list: bool) -> SectionKind | None:
    """The kind a body paragraph opens by its wording alone, if any.

    ``leads_list``: the paragraph ends with ':' and a list follows, so it introduces that
    list ("… đã ghi nhận những kết quả đáng khích lệ, cụ thể:").
    """
    key = ascii_fold(text)
    first_sentence = _SENTENCE_END.split(key, maxsplit=1)[0]
    if _PROPOSAL_PHRASE.search(key) or (_POLITE_ASK.search(key) and _CENTRAL_NAMED.search(key)):
        return K.PROPOSALS
    if _LIMITATION_OPENER.match(key) and _LIMITATION_WORDS.search(first_sentence):
        return K.CHALLENGES
    if leads_list:
        kind = _last_cue_kind(key)
        return kind if kind not in (None, K.CONTEXT, K.OTHER) else None
    return None


def _last_cue_kind(key: str) -> SectionKind | None:
    """The kind of the cue nearest the end: what a lead paragraph's list is about.

    "Từ những … thời cơ, thách thức nêu trên, … xác định phương hướng, nhiệm vụ … sau:"
    introduces tasks, not challenges.
    """
    best: tuple[int, int, SectionKind] | None = None
    for kind, cues in HEADING_CUES.items():
        for cue in cues:
            for match in _cue_pattern(cue).finditer(key):
                rank = (match.end(), -PRIORITY.index(kind), kind)
                best = rank if best is None or rank[:2] > best[:2] else best
    return best[2] if best else None


def is_closing_remark(text: str) -> bool:
    return bool(_CLOSING_OPENER.match(ascii_fold(text)))
