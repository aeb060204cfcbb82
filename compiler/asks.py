"""Asks: what each proposal item asks of the centre, of whom, and on which theme.

For every item of a ``proposals`` section:

- ``addressees``: the bodies it is addressed to ("Bộ Ngoại giao", "Chính phủ", "Thủ tướng
  Chính phủ", "Trung ương", a named ministry, "Quốc hội", "các bộ, ngành"), read where a
  request names them ("… trân trọng đề nghị Bộ Ngoại giao và Bộ Công Thương …", "Kiến nghị
  đối với Bộ Ngoại giao: …") or where the item opens with them ("Chính phủ sớm ban hành
  …"). An item that names none inherits them, in this order, from the earlier part of its
  own paragraph (a closing paragraph split into asks), from the section's lead paragraph
  ("… kiến nghị Bộ Ngoại giao một số nội dung sau:"), from the section heading ("Kiến
  nghị, đề xuất đối với Bộ Ngoại giao và các bộ, ngành Trung ương"), then from the paper's
  closing ask elsewhere. ``addressed_in`` says which.
- ``action``: the verb the item asks for ("hỗ trợ", "ban hành", "cho phép", …), the first
  one in the opening words after the addressees; softeners ("tiếp tục", "sớm", "quan tâm",
  "xem xét") give way to the verb they soften.
- ``theme``: the label of the shared proposals theme (``align.themes``) the item belongs
  to, or None when no other province raises it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from compiler.model import Block, Document, Item, Paper, Provenance, Section, SectionKind
from compiler.normalize import fold

# Addressees in the order asks are grouped by, each with the forms it is written in.
ADDRESSEES: dict[str, tuple[str, ...]] = {
    "Bộ Ngoại giao": ("bộ ngoại giao", "bngg"),
    "Chính phủ": ("chính phủ", "chính phủ việt nam"),
    "Thủ tướng Chính phủ": ("thủ tướng chính phủ", "thủ tướng"),
    "Quốc hội": ("quốc hội", "ủy ban thường vụ quốc hội"),
    "Trung ương": (
        "trung ương",
        "ban chấp hành trung ương",
        "các cơ quan trung ương",
        "các cơ quan ở trung ương",
        "cấp trung ương",
    ),
    "Bộ Chính trị": ("bộ chính trị",),
    "Ban Bí thư": ("ban bí thư",),
    "Ban Đối ngoại Trung ương": ("ban đối ngoại trung ương",),
    "các bộ, ngành": (
        "các bộ, ngành trung ương",
        "các bộ ngành trung ương",
        "các bộ, ban, ngành trung ương",
        "các bộ, ban ngành trung ương",
        "các bộ, ban, ngành",
        "các bộ, ngành liên quan",
        "các bộ, ngành có liên quan",
        "các bộ, ngành",
        "các bộ ngành",
        "bộ, ngành trung ương",
        "các bộ, cơ quan trung ương",
        "các bộ, cơ quan ngang bộ",
    ),
    "Bộ Công Thương": ("bộ công thương",),
    "Bộ Kế hoạch và Đầu tư": ("bộ kế hoạch và đầu tư", "bộ kế hoạch - đầu tư", "bộ kh&đt"),
    "Bộ Tài chính": ("bộ tài chính",),
    "Bộ Công an": ("bộ công an",),
    "Bộ Quốc phòng": ("bộ quốc phòng",),
    "Bộ Nội vụ": ("bộ nội vụ",),
    "Bộ Tư pháp": ("bộ tư pháp",),
    "Bộ Giáo dục và Đào tạo": ("bộ giáo dục và đào tạo", "bộ gd&đt"),
    "Bộ Y tế": ("bộ y tế",),
    "Bộ Văn hóa, Thể thao và Du lịch": (
        "bộ văn hóa, thể thao và du lịch",
        "bộ văn hóa - thể thao và du lịch",
        "bộ vhttdl",
    ),
    "Bộ Giao thông vận tải": ("bộ giao thông vận tải", "bộ gtvt"),
    "Bộ Xây dựng": ("bộ xây dựng",),
    "Bộ Tài nguyên và Môi trường": ("bộ tài nguyên và môi trường", "bộ tn&mt"),
    "Bộ Nông nghiệp và Phát triển nông thôn": (
        "bộ nông nghiệp và phát triển nông thôn",
        "bộ nn&ptnt",
    ),
    "Bộ Nông nghiệp và Môi trường": ("bộ nông nghiệp và môi trường",),
    "Bộ Lao động - Thương binh và Xã hội": (
        "bộ lao động - thương binh và xã hội",
        "bộ lao động, thương binh và xã hội",
        "bộ lđtbxh",
    ),
    "Bộ Khoa học và Công nghệ": ("bộ khoa học và công nghệ", "bộ kh&cn"),
    "Bộ Thông tin và Truyền thông": ("bộ thông tin và truyền thông", "bộ tt&tt"),
    "Bộ Dân tộc và Tôn giáo": ("bộ dân tộc và tôn giáo",),
    "Ngân hàng Nhà nước": ("ngân hàng nhà nước việt nam", "ngân hàng nhà nước"),
    "Văn phòng Chính phủ": ("văn phòng chính phủ",),
    "Ủy ban Nhà nước về người Việt Nam ở nước ngoài": (
        "ủy ban nhà nước về người việt nam ở nước ngoài",
    ),
    "Ủy ban Biên giới quốc gia": ("ủy ban biên giới quốc gia",),
}

# Words that open a request; the addressees follow them ("đề nghị với Bộ …").
_REQUEST = re.compile(
    r"(?<!\w)(?:(?:kính|trân trọng|xin)\s+)?(?:đề nghị|kiến nghị|đề xuất|kính mong|mong muốn"
    r"|mong|xin)(?:\s*,\s*(?:đề nghị|kiến nghị|đề xuất))?(?!\w)"
    r"(?:\s+(?:với|đến|tới|lên|đối với|gửi))?\s*"
)
# A heading or lead naming the addressees without a request verb: "Đối với Bộ Ngoại giao:".
_TOWARDS = re.compile(r"(?<!\w)(?:đối với|gửi)\s+")
_LIST_LINK = re.compile(r"\s*(?:,|;|/|và|cùng|hoặc)?\s*(?=\S)")

# Action verbs an ask may open with (the first found in its opening words is its action).
ACTIONS = (
    "hỗ trợ",
    "ban hành",
    "bổ sung",
    "cho phép",
    "tổ chức",
    "hướng dẫn",
    "phối hợp",
    "định hướng",
    "chọn",
    "lựa chọn",
    "tạo điều kiện",
    "sửa đổi",
    "điều chỉnh",
    "bố trí",
    "phân bổ",
    "giao cho",
    "phân cấp",
    "ủy quyền",
    "cung cấp",
    "chia sẻ",
    "giới thiệu",
    "kết nối",
    "tăng cường",
    "đẩy mạnh",
    "mở rộng",
    "thành lập",
    "cấp phép",
    "phê duyệt",
    "chỉ đạo",
    "ưu tiên",
    "duy trì",
    "xây dựng",
    "đào tạo",
    "bồi dưỡng",
    "thúc đẩy",
    "nâng cấp",
    "hoàn thiện",
    "công nhận",
    "cử",
    "tiếp nhận",
    "mở",
    "gia hạn",
    "miễn",
    "giảm",
    "đơn giản hóa",
    "rà soát",
    "tháo gỡ",
    "giải quyết",
    "đàm phán",
    "vận động",
    "quảng bá",
    "xúc tiến",
    "đầu tư",
    "ủng hộ",
    "khuyến khích",
    "dành",
    "quan tâm",
    "xem xét",
    "nghiên cứu",
)
SOFTENERS = ("quan tâm", "xem xét", "nghiên cứu")  # actions only when no other verb follows
_OPENING_WORDS = 8  # the action is looked for in this many words after the addressees


@dataclass(frozen=True, slots=True)
class Ask:
    province: str | None
    addressees: tuple[str, ...]
    action: str | None
    theme: str | None
    text: str
    provenance: Provenance
    addressed_in: str  # "item", "paragraph", "lead", "heading", "closing", or "" (none named)


def find_asks(documents: list[Document], themes: list[Any] | None = None) -> list[Ask]:
    """Every proposal item of every paper, with its addressees, action and theme.

    ``themes``: ``align.themes(documents, kinds)`` when the caller has it already (a pack);
    found here otherwise. Only its ``proposals`` entry is used.
    """
    from compiler import align

    if themes is None:
        themes = align.themes(documents, [SectionKind.PROPOSALS])
    labels = {
        id(member.item): theme.label
        for entry in themes
        if entry.kind == SectionKind.PROPOSALS
        for theme in entry.themes.themes
        for member in theme.members
    }
    papers = [paper for document in documents for paper in document.papers]
    return [ask for paper in papers for ask in paper_asks(paper, labels)]


def paper_asks(paper: Paper, themes: dict[int, str] | None = None) -> list[Ask]:
    """The asks of one paper; ``themes`` maps ``id(item)`` to its theme's label."""
    themes = themes or {}
    closing = _closing_ask(paper)
    asks = []
    for section in paper.section(SectionKind.PROPOSALS):
        for index, item in enumerate(_items(section)):
            found, where = _addressees_of(item, index, section, closing)
            asks.append(
                Ask(
                    province=paper.province,
                    addressees=found,
                    action=action_of(item.text, own=where == "item"),
                    theme=themes.get(id(item)),
                    text=item.text,
                    provenance=item.provenance,
                    addressed_in=where,
                )
            )
    return asks


def _items(section: Section) -> list[Item]:
    """The section's items; its paragraphs when it has none."""
    if section.items:
        return section.items
    return [Item("", p.text, p.text, p.provenance, [p]) for p in section.paragraphs]


def _addressees_of(
    item: Item, index: int, section: Section, closing: tuple[str, ...]
) -> tuple[tuple[str, ...], str]:
    """The item's addressees and where they were found (module notes give the order)."""
    own = addressees_in(item.text, opening=True)
    if own:
        return own, "item"
    items = _items(section)
    for earlier in reversed(items[:index]):  # a closing paragraph split into several asks
        if earlier.provenance == item.provenance and (found := addressees_in(earlier.text)):
            return found, "paragraph"
    for block in reversed(_lead_blocks(section, item)):
        if found := addressees_in(block.text, towards=True):
            return found, "lead"
    heading = " ".join(b.text for b in section.heading_blocks)
    if heading and (found := addressees_in(heading, towards=True)):
        return found, "heading"
    return closing, "closing" if closing else ""


def _lead_blocks(section: Section, item: Item) -> list[Block]:
    """The section's paragraphs before ``item`` that belong to no item."""
    in_items = {p.provenance for it in _items(section) for p in it.paragraphs}
    mine = {p.provenance for p in item.paragraphs} or {item.provenance}
    lead = []
    for block in section.paragraphs:
        if block.provenance in mine:
            break
        if block.provenance not in in_items:
            lead.append(block)
    return lead


def _closing_ask(paper: Paper) -> tuple[str, ...]:
    """Addressees of the last request in the paper's closing ("… đề nghị Bộ Ngoại giao …"):
    the sections after its proposals, and its ``other`` sections."""
    kinds = [s.kind for s in paper.sections]
    first = kinds.index(SectionKind.PROPOSALS) if SectionKind.PROPOSALS in kinds else len(kinds)
    closing = [
        s
        for n, s in enumerate(paper.sections)
        if (n > first and s.kind != SectionKind.PROPOSALS) or s.kind == SectionKind.OTHER
    ]
    for section in reversed(closing):
        for block in reversed(section.paragraphs):
            if found := addressees_in(block.text):
                return found
    return ()


# --- reading addressees and actions -----------------------------------------------------------

_FORMS = {fold(form): name for name, forms in ADDRESSEES.items() for form in forms}
_ADDRESSEE = re.compile(
    r"(?:" + "|".join(sorted(map(re.escape, _FORMS), key=len, reverse=True)) + r")(?![\w&])"
)


def addressees_in(text: str, opening: bool = False, towards: bool = False) -> tuple[str, ...]:
    """Addressees named after a request verb in ``text``; with ``opening``, also those the
    text opens with; with ``towards``, also after "đối với"/"gửi" (headings, leads)."""
    folded = fold(text)
    found: list[str] = []
    starts = [m.end() for m in _REQUEST.finditer(folded)]
    if towards:
        starts += [m.end() for m in _TOWARDS.finditer(folded)]
    if opening:
        starts.append(len(folded) - len(folded.lstrip()))
    for start in sorted(starts):
        found.extend(_addressee_list(text, folded, start)[0])
    return tuple(dict.fromkeys(found))


def _addressee_list(text: str, folded: str, position: int) -> tuple[list[str], int]:
    """The addressees listed from ``position`` ("Bộ Ngoại giao, Bộ Công Thương và …") and
    where the list ends."""
    names: list[str] = []
    while True:
        link = _LIST_LINK.match(folded, position)
        start = link.end() if link and names else position
        match = _ADDRESSEE.match(folded, start)
        if not match and folded.startswith("các ", start):  # "các Bộ Ngoại giao, Tài chính"
            match = _ADDRESSEE.match(folded, start + len("các "))
        if not match or _foreign(text, match):
            return names, position
        names.append(_FORMS[match.group()])
        position = match.end()


def _foreign(text: str, match: re.Match[str]) -> bool:
    """ "Chính phủ Hàn Quốc", "Chính phủ hai nước": a foreign government is no addressee."""
    if _FORMS[match.group()] != "Chính phủ":
        return False
    after = text[match.end() :]
    if re.match(r"\s+(?:hai|các|mỗi)\s+nước(?!\w)", after):
        return True
    name = re.match(r"\s+(\w+)", after)
    return bool(name and name.group(1)[0].isupper() and name.group(1) != "Việt")


_ACTION = re.compile(
    r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, ACTIONS), key=len, reverse=True)) + r")(?!\w)"
)
_WORDS = re.compile(r"\S+")


def action_of(text: str, own: bool = False) -> str | None:
    """The action an ask opens with: the first action verb in the opening words (after
    the request and its addressees when the text names them); a softener only when no
    other verb follows it closely."""
    folded = fold(text)
    start = 0
    if own:  # skip "… đề nghị Bộ Ngoại giao" to what is asked of it
        for request in _REQUEST.finditer(folded):
            names, end = _addressee_list(text, folded, request.end())
            if names:
                start = end
                break
        else:
            start = _addressee_list(text, folded, 0)[1]
    words = list(_WORDS.finditer(folded, start))[:_OPENING_WORDS]
    if not words:
        return None
    window = folded[words[0].start() : words[-1].end()]
    verbs = [m.group() for m in _ACTION.finditer(window)]
    firm = [verb for verb in verbs if verb not in SOFTENERS]
    return firm[0] if firm else (verbs[0] if verbs else None)


# --- grouping ----------------------------------------------------------------------------------


def by_addressee(asks: Iterable[Ask]) -> list[tuple[str | None, list[Ask]]]:
    """Asks grouped by addressee, in the order of ``ADDRESSEES``; an ask addressed to two
    bodies is in both groups; asks naming none come last, under None."""
    groups: dict[str | None, list[Ask]] = {}
    for ask in asks:
        for name in ask.addressees or (None,):
            groups.setdefault(name, []).append(ask)
    order = {name: n for n, name in enumerate(ADDRESSEES)}
    return sorted(groups.items(), key=lambda pair: order.get(pair[0] or "", len(order)))
