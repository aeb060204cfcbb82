"""Page furniture: lines that belong to no section and must never become content or headings.

What counts (each rule names the convention it comes from, not a sample document):
- web furniture left by text extraction of Vietnamese news sites: timestamps, "Chia sẻ" and
  social buttons, "Theo dõi … trên Google News", menus and breadcrumbs, "Tin liên quan" /
  "Xem thêm" and the teaser headlines under them, tags, "Quảng cáo", comment counters;
- photo lines and captions ("Ảnh: …", "… (Ảnh: TTXVN)", "… - Ảnh 1.", "Chú thích ảnh");
- bylines and credits ("Minh Anh", "Bài, ảnh: …", "Theo TTXVN", "(TTXVN)", "Nguồn: …");
- greetings and sign-offs of speeches and interviews ("Kính thưa …", "Xin trân trọng cảm
  ơn!", "Trân trọng!", "Xin cảm ơn ông!");
- the header block of an administrative document (Nghị định 30/2020/NĐ-CP: national motto,
  "Số: …/BC-UBND", "V/v …", the place-and-date line) and its end (signature block with "TM.",
  "KT.", "(Đã ký)", the "Nơi nhận:" list).

Lines are judged on their own wording and length; a byline (a bare personal name) only next
to the top or the end of a piece, where bylines stand.
"""

from __future__ import annotations

import re
from dataclasses import replace

from compiler import provinces
from compiler.enumeration import parse_label
from compiler.model import Block, BlockRole
from compiler.normalize import ascii_fold, fold, is_caps

_SHORT = 90  # characters: furniture lines are short; longer lines are prose
_WORDS_OF_A_NAME = (2, 5)

# Whole-line patterns on ascii-folded text (diacritics removed, lower case).
_WHOLE_LINE = re.compile(
    r"^(?:"
    # social and share bars, counters, menus
    r"chia se|share|facebook|zalo|twitter|email|in bai|gui bai|luu|luu bai|ban in"
    r"|theo doi\b.*\b(?:tren|google news)\b.*|theo doi\b.*"
    r"|\(?\d*\)?\s*binh luan|binh luan\s*\(?\d*\)?|y kien ban doc|gui y kien"
    r"|noi bat|dung bo lo|doc nhieu|xem nhieu|moi nhat|tin moi|tin moi nhat"
    r"|tin lien quan|bai lien quan|xem them|doc them|tin cung chuyen muc|cung chuyen muc"
    r"|bai viet (?:cung chuyen muc|lien quan)|(?:cac )?tin (?:bai )?khac"
    r"|quang cao|advertisement|tai tro|trang chu|dang nhap|dang ky|tim kiem"
    r"|co chu\b.{0,20}|a\+?\s*a-?|top|len dau trang|ve dau trang"
    r"|(?:tags?|tu khoa|chu de)\s*:.*"
    r"|nguon\s*:.*|theo\s+(?:ttxvn|vna|vov|vtv|qdnd|baoquocte|vietnamplus)\b.*"
    r"|theo\s+(?:bao|tap chi|cong thong tin|trang)\s+(?!cao\b)\w+(?:\s+\w+){0,5}"
    r"|\(?(?:ttxvn|vna|vov|vtv|ttxvn/vietnam\+)\)?"
    r"|(?:bai|bai va anh|bai, anh|anh|video|clip|do hoa|thuc hien)\s*:.*"
    r"|(?:anh|hinh|video)\s*\d+\s*[.:]?"
    r"|chu thich anh.*|(?:mot so )?hinh anh\b.{0,60}:|(?:thong tin chi tiet.{0,30})?lien he\s*:.*"
    # greetings and sign-offs
    r"|(?:xin )?(?:tran trong|chan thanh|tran trong va chan thanh) cam on.{0,60}"
    r"|(?:xin )?(?:chan thanh )?cam on(?: \w+){0,7}"
    r"|tran trong\W*|kinh chuc.{0,120}|chuc (?:hoi nghi|cac dong chi|quy vi).{0,120}"
    r"|chuc .{0,60}(?:suc khoe|thanh cong|hanh phuc).{0,60}"
    # administrative header and end blocks
    r"|cong hoa xa hoi chu nghia viet nam|doc lap\s*[-–]\s*tu do\s*[-–]\s*hanh phuc"
    r"|so\s*:\s*[\w\-/.]+.*|v/v\b.*|noi (?:nhan|gui)\s*:?.*|luu\s*:?\s*vt\b.*|nhu tren\s*;?"
    r"|(?:tm|kt|tl|tuq)\.\s.*|\(da ky\)|\(ky,? ghi ro ho ten\)|\(ky ten, dong dau\)"
    r"|kinh gui\s*:.*|.{0,60}\bluu hanh noi bo\b.{0,20}"
    # copyright and licence lines of news sites
    r"|(?:©|\(c\)|ban quyen|copyright).*|ghi ro nguon.*|giay phep (?:so|xuat ban).*"
    r"|(?:nhom )?(?:pv|phong vien|ctv|btv)\b[^:?]{0,40}"
    r")\s*[.!:;]*$"
)
# A line opening with a greeting is one, unless a sentence follows it in the same paragraph.
_GREETING = re.compile(r"^(?:kinh )?thua\b")
# Courtesy with nothing else: greetings sent, thanks, wishes ("Thay mặt lãnh đạo tỉnh, tôi xin
# gửi tới các đồng chí lời chào trân trọng", "Một lần nữa, xin cảm ơn …", "Kính chúc …").
# Matched with diacritics: without them "chúc" is also "tổ chức".
_COURTESY_WORDS = re.compile(
    r"\blời (?:chào|cảm ơn|chúc)\b|\bchào mừng\b|\bhoan nghênh\b"
    r"|\bkính chúc\b|(?<!tổ )\bchúc [^.]{0,60}(?:sức khỏe|thành công)"
)
# An interviewer's closing thanks: "PV: Xin cảm ơn ông!"
_SPEAKER = re.compile(r"^(?:pv|phong vien|hoi)\s*:\s*")
_COURTESY = re.compile(
    r"^(?:truoc het, |mot lan nua, |nhan dip nay, )?(?:cho phep toi )?(?:xin )?"
    r"(?:thay mat [^,]{3,90}, )?(?:toi |chung toi )?(?:xin )?(?:tran trong |chan thanh )?"
    r"(?:gui (?:toi|den) [^.]{0,120}loi chao|gui loi chao|cam on|kinh chuc|chuc)\b"
)
# Menus, breadcrumbs, share bars, language bars: short segments between separators.
_BAR_SEPARATORS = re.compile(r"\s*[|»›>/·•]\s*|\s{3,}")
_BAR_SEGMENT_WORDS = 4
# "Hà Nội, ngày 5 tháng 11 năm 2024": the place-and-date line of an administrative document.
_PLACE_DATE = re.compile(
    r"^.{0,60}\bngay\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+thang\s+\d{1,2}\s+nam\s+\d{4}\s*\)?$"
)
# Timestamps of web pages: "17/12/2023 22:29", "Thứ Hai, 15/12/2024 - 10:32 (GMT+7)",
# "Cập nhật: 10:32 15/12/2024", "15/12/2024 | 10:32".
_DATE_OR_TIME = re.compile(
    r"\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{1,2}[:h]\d{2}|\(?gmt\s*[+-]\s*\d+\)?"
    r"|\b(?:thu (?:hai|ba|tu|nam|sau|bay)|chu nhat|ngay|thang|nam|luc|cap nhat|dang|xuat ban"
    r"|sang|chieu|toi)\b|\d{4}"
)


def _is_timestamp(key: str) -> bool:
    """A line that is a date and time and little else ("Cập nhật lúc 10:12, Thứ Tư,
    18/10/2023 (GMT+7)", "Thứ Bảy, ngày 22/06/2024 - 06:00"), or a short line stamping a
    full date with a time ("Báo Biên phòng - 08/01/2021 07:30")."""
    if not re.search(r"\d{1,2}[/.-]\d{1,2}|\d{1,2}:\d{2}", key):
        return False
    if (
        len(key) <= 80
        and re.search(r"\d{1,2}/\d{1,2}/\d{4}", key)
        and re.search(r"\d{1,2}:\d{2}", key)
    ):
        return True
    rest = _DATE_OR_TIME.sub(" ", key)
    return len(re.findall(r"[^\W\d_]+", rest)) <= 1


_CONTACT = re.compile(r"\blien he\b[^:]{0,25}:|\bdien thoai\s*:|\bemail\s*:")
# Captions: a line ending with a photo credit, or naming a photo.
_CAPTION = re.compile(
    r"(?:^(?:quang canh|toan canh|canh)\b[^.]{0,150}\.?$"
    r"|\((?:anh|nguon anh|anh minh hoa)\s*:[^)]*\)\s*\.?$"
    r"|[-–]\s*anh\s*\d+\s*\.?$"
    r"|^(?:anh|anh minh hoa)\s*:"
    r"|\banh\s*:\s*[\w\s.,/-]{2,40}$)"
)
# Structural patterns: a whole line in brackets (a linked teaser or a photo placeholder).
_BRACKETED = re.compile(r"^\[[^\]]{3,200}\]$")
_BREADCRUMB = re.compile(r"^[\w\s]{2,30}(?:\s*[>»|/]\s*[\w\s]{2,30}){1,4}$")
# Signature-block titles in capitals ("PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "CHỦ TỊCH UBND …").
_SIGNATURE_TITLE = re.compile(
    r"^(?:(?:tm|kt|tl)\.?\s+)?(?:pho )?(?:chu tich|giam doc|bi thu|truong ban|chanh van phong)"
    r"\b.{0,40}$"
)


def mark_furniture(blocks: list[Block], news_like: bool) -> list[Block]:
    """The blocks with furniture given role FURNITURE (others unchanged, order kept).

    ``news_like``: the piece is a news report or interview, where bare names next to the
    headline or at the end are bylines.
    """
    marked = [
        replace(b, role=BlockRole.FURNITURE) if _is_text(b) and is_furniture_line(b.text) else b
        for b in blocks
    ]
    _mark_teasers(marked)
    _mark_captions_after_photos(marked)
    _mark_menus(marked)
    _mark_header_block(marked)
    _mark_end_block(marked)
    if news_like:
        _mark_bylines(marked)
    return marked


def _is_text(block: Block) -> bool:
    return block.role in (BlockRole.BODY, BlockRole.HEADING)


def _mark_bylines(blocks: list[Block]) -> None:
    """Bare names within three lines of the top or the end of a news piece."""
    body = [i for i, b in enumerate(blocks) if _is_text(b)]
    for position, index in enumerate(body):
        at_edge = position <= 3 or position >= len(body) - 3
        if at_edge and is_byline(blocks[index].text, blocks[index].bold):
            blocks[index] = replace(blocks[index], role=BlockRole.FURNITURE)


def is_furniture_line(text: str) -> bool:
    key = ascii_fold(text).strip()
    if _GREETING.match(key) and _only_addresses(text):
        return True  # a greeting, however long its list of dignitaries, says nothing more
    courteous = _COURTESY.match(key) or _COURTESY_WORDS.search(fold(text))
    if courteous and _short_without_facts(text) and not key.startswith("tren day"):
        return True
    key = _SPEAKER.sub("", key)
    if _is_bar(text) or _only_buttons(key) or _is_tag_list(text):
        return True
    if len(text) > _SHORT * 3:
        return False
    if (_CAPTION.search(key) or _CONTACT.search(key)) and len(text) < 250:
        return True
    if len(text) > _SHORT:
        return False
    return bool(
        _WHOLE_LINE.match(key)
        or _PLACE_DATE.match(key)
        or _is_timestamp(key)
        or _BRACKETED.match(text.strip())
        or (_BREADCRUMB.match(key) and not key.endswith((".", ":")) and ">" in key)
    )


def _short_without_facts(text: str) -> bool:
    """Courtesy says nothing checkable: short, no figure, at most two sentences (and it is
    not a title in capitals: "DIỄN VĂN CHÀO MỪNG …")."""
    return (
        len(text) <= 320
        and not re.search(r"\d", text)
        and text.count(". ") <= 1
        and not is_caps(text)
    )


def _only_addresses(text: str) -> bool:
    """A greeting line: addressees only, ending with "!", "," or ":" (no sentence after)."""
    stripped = text.rstrip()
    return len(stripped) < 600 and stripped[-1:] in "!,:;" and not re.search(r"[.?] \S", stripped)


def _is_bar(text: str) -> bool:
    """A line of three or more short segments between separators ("Trang chủ / Chính trị /
    Đối ngoại", "Chia sẻ | Gửi bài | In", "Tiếng Việt | English | 中文"): a bar of links."""
    if len(text) > 200 or text.rstrip().endswith((".", "?")):
        return False
    segments = [s for s in _BAR_SEPARATORS.split(text.strip()) if s]
    if len(segments) < 3 and not (
        len(segments) == 2
        and _BAR_SEPARATORS.search(text.strip())
        and all(_is_button(s) for s in segments)
    ):
        return False
    return all(len(re.findall(r"\w+", s)) <= _BAR_SEGMENT_WORDS for s in segments)


_BUTTONS = re.compile(
    r"\b(?:chia se|facebook|zalo|twitter|x|email|e-mail|in|luu|gui|sao chep(?: lien ket)?"
    r"|copy link|linkedin|telegram|messenger|binh luan|thich|like|share|tweet)\b"
)


def _is_tag_list(text: str) -> bool:
    """A news page's tags: three or more short capitalised names between commas and nothing
    else ("Quảng Ngãi, Lý Sơn, Dung Quất, Bờ Y")."""
    if len(text) > 120 or text.rstrip().endswith((".", ":", "?", "!")):
        return False
    names = [n.strip() for n in text.split(",")]
    return len(names) >= 3 and all(
        1 <= len(n.split()) <= 4 and all(w[:1].isupper() for w in n.split()) for n in names
    )


def _only_buttons(key: str) -> bool:
    """A share bar written as plain words: "Chia sẻ Facebook Zalo"."""
    if len(key) > 80 or len(_BUTTONS.findall(key)) < 2:
        return False
    return not re.search(r"[^\W\d_]", _BUTTONS.sub(" ", key))


def _is_button(segment: str) -> bool:
    return bool(_WHOLE_LINE.match(ascii_fold(segment).strip()))


def frames_the_piece(text: str) -> bool:
    """Furniture that may name whose piece it is: a caption naming the interviewee, the
    issuing authority, a courtesy paragraph said on a province's behalf."""
    return is_caption(text) or is_issuer(text) or "thay mặt" in fold(text)


def is_issuer(text: str) -> bool:
    """The name of an issuing authority in capitals ("UBND TỈNH NINH BÌNH", "SỞ NGOẠI VỤ")."""
    return len(text) <= 80 and text.isupper() and bool(_ISSUER.match(ascii_fold(text).strip()))


def is_caption(text: str) -> bool:
    """A photo caption ("Ông X, Giám đốc Sở Ngoại vụ tỉnh Y. Ảnh: Z"): it may name a piece's
    subject, so it frames the piece though it is furniture."""
    return len(text) < 250 and bool(_CAPTION.search(ascii_fold(text).strip()))


def is_byline(text: str, bold: bool = False) -> bool:
    """A bare personal name or a name with an agency ("Minh Anh", "Nguyễn Hoàng - TTXVN")."""
    name = re.split(r"\s*[-–/]\s*|\s*\(", text.strip(), maxsplit=1)[0].strip(" .")
    words = name.split()
    low, high = _WORDS_OF_A_NAME
    if not low <= len(words) <= high or len(text) > 60 or text.rstrip().endswith((":", "?")):
        return False
    if provinces.lookup(name) is not None:
        return False  # a province's name alone heads its block of a news report
    return all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)


def _mark_teasers(blocks: list[Block]) -> None:
    """Headlines listed under "Tin liên quan" / "Xem thêm" are links, not content: short
    lines without a sentence end, up to the next real paragraph."""
    after_marker = False
    for index, block in enumerate(blocks):
        key = ascii_fold(block.text).strip(" :.")
        if block.role == BlockRole.FURNITURE:
            after_marker = key in _TEASER_MARKERS or (after_marker and not key)
            continue
        if after_marker and len(block.text) <= 160 and not block.text.endswith((".", ":", ";")):
            blocks[index] = replace(block, role=BlockRole.FURNITURE)
            continue
        after_marker = False


_TEASER_MARKERS = {
    "bai viet cung chuyen muc",
    "bai viet lien quan",
    "tin khac",
    "cac tin khac",
    "tin bai khac",
    "mot so hinh anh",
    "hinh anh",
    "tin lien quan",
    "bai lien quan",
    "xem them",
    "doc them",
    "tin cung chuyen muc",
    "cung chuyen muc",
    "noi bat",
    "dung bo lo",
    "doc nhieu",
    "xem nhieu",
    "tin moi",
    "tin moi nhat",
    "moi nhat",
}


_PHOTO = re.compile(r"(?:[-–]\s*anh\s*\d+\s*\.?|^\[?\s*anh\s*\d*\s*\]?\.?)$")
_CAPTION_CHARS = 160


def _mark_captions_after_photos(blocks: list[Block]) -> None:
    """The line under a photo placeholder ("… - Ảnh 1.", "[Ảnh]") is its caption, when it
    is one short sentence ("Thứ trưởng Bộ Ngoại giao Nguyễn Văn A.")."""
    for index in range(1, len(blocks)):
        previous, block = blocks[index - 1], blocks[index]
        photo = previous.role == BlockRole.FURNITURE and _PHOTO.search(
            ascii_fold(previous.text).strip()
        )
        one_sentence = len(block.text) <= _CAPTION_CHARS and block.text.count(". ") == 0
        if photo and _is_text(block) and one_sentence:
            blocks[index] = replace(block, role=BlockRole.FURNITURE)


_MENU_ITEM_CHARS = 25
_MENU_RUN = 3


def _mark_menus(blocks: list[Block]) -> None:
    """A run of three or more one- or two-word lines without punctuation or labels ("Thời
    sự", "Chính trị", "Kinh tế"): a site menu, one link per line."""
    run: list[int] = []
    for index in [*range(len(blocks)), None]:
        block = blocks[index] if index is not None else None
        if (
            block is not None
            and block.role in (BlockRole.BODY, BlockRole.FURNITURE)
            and _menu_item(block.text)
        ):
            run.append(index)
            continue
        if len([i for i in run if blocks[i].role == BlockRole.BODY]) and len(run) >= _MENU_RUN:
            for i in run:
                blocks[i] = replace(blocks[i], role=BlockRole.FURNITURE)
        run = []


def _menu_item(text: str) -> bool:
    return (
        len(text) <= _MENU_ITEM_CHARS
        and len(text.split()) <= 3
        and not any(ch in text for ch in ".,;:!?")
        and text[:1].isupper()
        and parse_label(text) is None
    )


_MOTTO = re.compile(
    r"^cong hoa xa hoi chu nghia viet nam|^doc lap\s*[-–]\s*tu do|^dang cong san viet nam$"
)
# The issuing authority written above a document (ND 30): "UBND TỈNH X", "SỞ NGOẠI VỤ".
_ISSUER = re.compile(
    r"^(?:ubnd|uy ban nhan dan|hdnd|so ngoai vu|so \w+|ban doi ngoai|van phong"
    r"|bao(?! cao)|tap chi|dai phat thanh|cong thong tin dien tu)\b"  # a newspaper's masthead
)
_ISSUER_LINES = 3
_HEADER_LOOKAHEAD = 10  # blocks: the national motto stands at the top of a document


def _mark_header_block(blocks: list[Block]) -> None:
    """The header of an administrative document (Nghị định 30): the issuing body's lines
    beside the national motto, then "Số: …", "V/v …", the place and date, "Kính gửi: …"."""
    body = [i for i, b in enumerate(blocks) if b.role != BlockRole.FOOTNOTE][:_HEADER_LOOKAHEAD]
    for index in body[:_ISSUER_LINES]:
        if is_issuer(blocks[index].text):
            blocks[index] = replace(blocks[index], role=BlockRole.FURNITURE)
    motto = next((i for i in body if _MOTTO.match(ascii_fold(blocks[i].text).strip())), None)
    if motto is None:
        return
    for index in body:
        block = blocks[index]
        if index < motto and len(block.text) <= 80 and block.role != BlockRole.FURNITURE:
            blocks[index] = replace(block, role=BlockRole.FURNITURE)


def _mark_end_block(blocks: list[Block]) -> None:
    """The end of an administrative document: from "Nơi nhận:" or a signature title in
    capitals to the end, every short line is furniture (names of signatories included)."""
    start = None
    for index, block in enumerate(blocks):
        key = ascii_fold(block.text).strip()
        if block.role == BlockRole.FOOTNOTE:
            continue
        signature = block.text.isupper() and len(block.text) < 60
        is_end_marker = key.startswith(("noi nhan", "noi gui")) or (
            signature and _SIGNATURE_TITLE.match(key)
        )
        # An issuing body signing the text ("TỈNH ỦY THANH HÓA", "Sở Ngoại vụ tỉnh Bến
        # Tre"): in capitals among the last lines, or the last line of text of all.
        last_text = not any(_is_text(b) for b in blocks[index + 1 :])
        is_end_marker = is_end_marker or (
            ((signature and index >= len(blocks) - 4) or last_text)
            and provinces.from_author_line(block.text) is not None
        )
        if is_end_marker and index >= len(blocks) // 2:
            start = index
            break
    if start is None:
        return
    for index in range(start, len(blocks)):
        block = blocks[index]
        if block.role in (BlockRole.BODY, BlockRole.HEADING) and len(block.text) <= _SHORT:
            blocks[index] = replace(block, role=BlockRole.FURNITURE)
