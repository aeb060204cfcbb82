"""A document's genre, judged from its own evidence.

The evidence (each kind of it is a convention of the genre, not a phrase from one sample):
- paper starts (a title over an author line "Tỉnh ủy X"): two or more provinces make a
  compilation, one an official paper; so do section headings of two specific kinds, or the
  header block of an administrative document (Nghị định 30: national motto, "Số: …");
- questions and answers: paragraphs ending in "?" followed by a non-question, "PV:",
  "Phóng viên:", "Hỏi:" prefixes, an answer opened by the speaker's name and a colon;
- a speech: a greeting ("Kính thưa", "Thưa các đồng chí") at the start, thanks at the end,
  the speaker's first person;
- a news report: furniture of news pages (timestamps, bylines, agency credits, captions) and
  reported speech ("ông X cho biết", "phát biểu tại", "nhấn mạnh").
Questions decide before headings (an interview may carry subheadings), headings before a
greeting (a speech printed with numbered headings reads as a paper).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from compiler.model import Block, BlockRole, Genre
from compiler.normalize import ascii_fold

_QA_PREFIX = re.compile(r"^(?:pv|phong vien|hoi|bao\s+\w+|cau hoi \d*)\s*[:\-–]", re.IGNORECASE)
_ANSWER_PREFIX = re.compile(
    r"^(?:tra loi|dap|(?:ong|ba|anh|chi|ngai|dong chi|thu truong|bo truong|giam doc|chu tich"
    r"|bi thu|pho \w+(?: \w+)?|vu truong|cuc truong|dai su|tong lanh su|truong ban)"
    r"(?:\s+[\w.]+){0,6})\s*:\s+\S"
)
_GREETING = re.compile(r"^(?:kinh thua|thua cac|thua quy|thua dong chi)\b")
_THANKS = re.compile(r"\b(?:cam on|chuc hoi nghi|chuc cac dong chi|kinh chuc)\b")
_FIRST_PERSON = re.compile(r"\b(?:chung toi|toi)\b")
# Reported speech attributed to a named person: "ông Nguyễn Văn A, Giám đốc …, cho biết",
# "theo bà B", "phát biểu tại hội nghị, …".
_REPORTED = re.compile(
    r"\b(?:ong|ba) [a-z]+(?: [a-z]+){1,3}(?:,[^,.]{0,90},)? "
    r"(?:cho biet|nhan manh|khang dinh|chia se|thong tin|cho rang|de nghi|phat bieu)\b"
    r"|\btheo (?:ong|ba)\b|\bphat bieu (?:tai|khai mac|ket luan|chi dao)\b"
)
_NEWS_FURNITURE = re.compile(
    r"\b(?:ttxvn|vna|anh\s*:|theo doi|chia se|tin lien quan|xem them|binh luan|gmt)\b"
    r"|\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d{2}"
)
_ND30 = re.compile(r"cong hoa xa hoi chu nghia viet nam|doc lap\s*[-–]\s*tu do|^so\s*:\s*\S+/")


@dataclass(frozen=True, slots=True)
class Evidence:
    paper_starts: int  # distinct provinces opening a paper with a title and author line
    heading_kinds: int  # specific section kinds named by headings
    administrative_header: bool
    questions: int  # question paragraphs followed by an answer
    greeting: bool
    thanks_at_end: bool
    first_person: int
    reported_speech: int
    news_furniture: int


def gather(
    body: list[Block], furniture: list[Block], paper_starts: int, heading_kinds: int
) -> Evidence:
    keys = [ascii_fold(b.text).strip() for b in body]
    furniture_keys = [ascii_fold(b.text).strip() for b in furniture]
    return Evidence(
        paper_starts=paper_starts,
        heading_kinds=heading_kinds,
        administrative_header=any(_ND30.search(k) for k in furniture_keys + keys[:6]),
        questions=_questions(body, keys),
        greeting=any(_GREETING.match(k) for k in furniture_keys + keys[:4]),
        thanks_at_end=any(_THANKS.search(k) for k in (furniture_keys[-3:] + keys[-2:])),
        first_person=sum(bool(_FIRST_PERSON.search(k)) for k in keys),
        reported_speech=sum(bool(_REPORTED.search(k)) for k in keys),
        news_furniture=sum(bool(_NEWS_FURNITURE.search(k)) for k in furniture_keys),
    )


def is_question(block: Block) -> bool:
    """An interviewer's question: a prefix ("PV:", "Phóng viên:", "Hỏi:"), or a paragraph
    that ends with "?" and is short enough to be asked."""
    text = block.text.strip()
    key = ascii_fold(text)
    if _QA_PREFIX.match(key) and not _ANSWER_PREFIX.match(key):
        return True
    return text.endswith("?") and len(text) <= 600 and block.role != BlockRole.TABLE_CELL


def speaker_tag_end(text: str) -> int:
    """Where the text starts after a speaker's tag ("PV:", "Hỏi:", "Ông Nguyễn Văn A:",
    "Thứ trưởng Nguyễn Minh Hằng:"), 0 when there is none."""
    key = ascii_fold(text)
    for pattern in (_QA_PREFIX, _ANSWER_PREFIX):
        match = pattern.match(key)
        if match:
            return match.end() - 1 if pattern is _ANSWER_PREFIX else match.end()
    return 0


def is_answer_opening(text: str) -> bool:
    """An answer opened by the speaker: "Ông Nguyễn Văn A:", "Thứ trưởng …:", "Trả lời:"."""
    return bool(_ANSWER_PREFIX.match(ascii_fold(text)))


def _questions(body: list[Block], keys: list[str]) -> int:
    """Questions that an answer follows (a rhetorical question inside prose is followed by
    more prose too, so answers must also look like answers: a prefix or a new speaker)."""
    count = 0
    for index, block in enumerate(body[:-1]):
        if not is_question(block) or is_question(body[index + 1]):
            continue
        prefixed = bool(_QA_PREFIX.match(keys[index]))
        if (
            prefixed
            or block.bold
            or is_answer_opening(body[index + 1].text)
            or len(block.text) < 300
        ):
            count += 1
    return count


def decide(evidence: Evidence) -> tuple[Genre, bool]:
    """The genre and whether it is clear (an unclear genre is warned about)."""
    e = evidence
    if e.paper_starts >= 2:
        return Genre.COMPILATION, True
    if e.questions >= 2:
        return Genre.INTERVIEW, not e.greeting
    if e.paper_starts == 1 or e.heading_kinds >= 2:
        return Genre.PAPER, True
    if e.administrative_header and e.heading_kinds >= 1:
        return Genre.PAPER, True  # an administrative header over unheaded prose is a report
    if e.greeting:
        return Genre.SPEECH, e.news_furniture == 0
    if e.news_furniture >= 1 or e.reported_speech >= 2:
        return Genre.NEWS, True  # quoted speakers and thanks in a report do not make a speech
    if e.thanks_at_end and e.first_person >= 2:
        return Genre.SPEECH, False
    if e.questions == 1:
        return Genre.INTERVIEW, False
    return Genre.OTHER, e.first_person == 0 and e.reported_speech == 0
