"""A theme's label, written from what its members share.

Candidates are the short phrases (two to seven syllables) of the members' lead sentences,
with OCR slips corrected, trimmed of framing words at either end ("tiếp tục", "các",
"của" …) and never holding a number or a province name. The label is the candidate found
in the lead sentences of the most provinces, then the most specific one (the summed weight
its words carry in the pool: rare words say more than "công tác" or "đối ngoại"). A theme
whose members share no phrase is named by the work area they share ("Ngoại giao kinh tế,
xúc tiến đầu tư"), else by its most central member's first clause. Labels are printed as
a member writes them, capitalised, without truncation marks.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from compiler import provinces
from compiler.align.similarity import AREAS, correct_ocr
from compiler.model import Item
from compiler.normalize import fold

MIN_WORDS, MAX_WORDS = 3, 7  # syllables
LEAD_WORDS = 40  # the part of an item a label is taken from

# Topics a theme can be named by, most specific first, each with the phrases that show it
# (folded, as papers write them). Their display names live in compiler/labels.py (topics).
TOPICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "party_line",
        ("quán triệt", "đường lối đối ngoại", "chủ trương, đường lối", "nghị quyết đại hội"),
    ),
    ("party_building", ("xây dựng đảng", "chỉnh đốn đảng", "suy thoái")),
    ("multilateral", ("đối ngoại đa phương", "cơ chế đa phương", "diễn đàn đa phương")),
    (
        "research",
        ("nghiên cứu, dự báo", "dự báo tình hình", "nghiên cứu, nắm", "tham mưu chiến lược"),
    ),
    (
        "staff",
        (
            "đào tạo, bồi dưỡng",
            "bồi dưỡng",
            "đội ngũ cán bộ",
            "xây dựng đội ngũ",
            "đội ngũ làm công tác",
            "tập huấn",
        ),
    ),
    (
        "economic",
        (
            "ngoại giao kinh tế",
            "kinh tế đối ngoại",
            "xúc tiến đầu tư",
            "thu hút đầu tư",
            "xúc tiến thương mại",
            "hội nhập kinh tế",
            "đầu tư nước ngoài",
        ),
    ),
    (
        "information",
        (
            "thông tin đối ngoại",
            "tuyên truyền đối ngoại",
            "quảng bá hình ảnh",
            "quảng bá tiềm năng",
            "thông tin, tuyên truyền",
            "quảng bá",
        ),
    ),
    ("culture", ("ngoại giao văn hóa", "văn hóa đối ngoại", "di sản")),
    ("consular", ("lãnh sự", "bảo hộ công dân")),
    ("overseas", ("người việt nam ở nước ngoài", "kiều bào", "nvnonn")),
    ("sovereignty", ("chủ quyền biển", "biển, đảo", "toàn vẹn lãnh thổ", "chủ quyền")),
    ("border", ("biên giới", "giáp biên", "cửa khẩu", "mốc quốc giới")),
    ("friendship", ("năm hữu nghị", "kỷ niệm", "đoàn kết đặc biệt", "quan hệ hữu nghị")),
    ("events", ("sự kiện quốc tế", "hội nghị quốc tế", "đăng cai", "địa điểm tổ chức")),
    ("agreements", ("thỏa thuận quốc tế", "ký kết thỏa thuận", "thỏa thuận hợp tác")),
    ("partners", ("đối tác", "địa phương nước ngoài", "hợp tác quốc tế", "kết nối")),
    ("aid", ("phi chính phủ", "viện trợ", "oda", "ngo")),
    ("security", ("quốc phòng", "an ninh", "thế lực thù địch", "diễn biến hòa bình", "chống phá")),
    ("pandemic", ("covid", "đại dịch", "dịch bệnh")),
    ("technology", ("khoa học", "công nghệ", "cách mạng công nghiệp", "chuyển đổi số")),
    ("world", ("tình hình thế giới", "thế giới và khu vực", "cục diện", "nước lớn")),
    ("standing", ("thế và lực", "vị thế", "uy tín", "trường quốc tế")),
    ("integration", ("hội nhập quốc tế", "hội nhập")),
    ("limits", ("hạn chế", "tồn tại", "chưa tương xứng", "khó khăn")),
)


# A label never starts or ends with these: they link or frame, they do not name.
_EDGE_WORDS = frozenset(
    "và của các những với cho để trong tại về là được có đã sẽ nhằm theo từ đến trên "
    "giữa như một mà thì này đó nói chung riêng nhất hơn cũng vẫn sau còn "
    "nhưng song khi rất đang chưa không phải cần lại ra vào nên".split()
)
# Framing a label drops from its start: "tiếp tục đẩy mạnh ngoại giao kinh tế" names
# "ngoại giao kinh tế".
_LEADING_FRAMES = tuple(
    tuple(phrase.split())
    for phrase in (
        "tiếp tục",
        "tăng cường",
        "đẩy mạnh",
        "nâng cao hiệu quả",
        "nâng cao chất lượng",
        "chú trọng",
        "quan tâm",
        "tập trung",
        "thực hiện tốt",
        "thực hiện",
        "triển khai",
        "tích cực",
        "chủ động",
        "làm tốt",
        "nhấn mạnh",
        "góp phần",
        "hỗ trợ",
        "đề nghị",
        "kiến nghị",
        "bộ ngoại giao",
        "công tác",
    )
)
# Two-syllable words of the domain a label must not split, besides those the pool teaches.
_KNOWN_WORDS = (
    frozenset(
        " ".join(frame[i : i + 2]) for frame in _LEADING_FRAMES for i in range(len(frame) - 1)
    )
    | frozenset(
        f"{a} {b}"
        for phrases in AREAS.values()
        for phrase in phrases
        for a, b in zip(phrase.split(), phrase.split()[1:], strict=False)
    )
    | frozenset(
        (
            "đa phương",
            "đa dạng",
            "hội nhập",
            "quốc tế",
            "kinh tế",
            "đối ngoại",
            "ngoại giao",
            "hợp tác",
            "đối tác",
            "phát triển",
            "xây dựng",
            "nâng tầm",
            "thế giới",
            "khu vực",
            "tình hình",
            "đội ngũ",
            "cán bộ",
            "nghiên cứu",
            "dự báo",
            "đào tạo",
            "bồi dưỡng",
            "quảng bá",
            "hình ảnh",
            "thông tin",
            "văn hóa",
            "biên giới",
            "chủ quyền",
            "lãnh thổ",
            "an ninh",
            "quốc phòng",
            "đầu tư",
            "thương mại",
            "xúc tiến",
            "du lịch",
            "nhân dân",
            "chính trị",
            "công dân",
            "lãnh sự",
            "bảo hộ",
            "tiềm năng",
            "thế mạnh",
            "địa phương",
        )
    )
)
_CLAUSE_END = re.compile(r"[;:.!?…]$")
_PUNCTUATION = ".,;:!?…\"'“”‘’()[]«»*"


def theme_label(
    items: Sequence[Item],
    member_provinces: Sequence[str],
    weight: Callable[[str], float],
    order: Sequence[int],
    words: frozenset[str] | set[str] = frozenset(),
    avoid: frozenset[str] | set[str] = frozenset(),
) -> str:
    """The label of a theme whose members are ``items`` (of ``member_provinces``).

    ``weight``: how much a folded syllable says (its inverse document frequency in the
    pool); ``order``: the members, most central first (the fallback's sources);
    ``words``: two-syllable words ("đẩy mạnh") a label must not cut in half; ``avoid``:
    labels other themes already have."""
    leads = [_words(_lead(item)) for item in items]
    keys = [" " + " ".join(key for _, key in lead) + " " for lead in leads]
    provinces_count = len(set(member_provinces))
    enough = max(2, -(-provinces_count // 2))  # at least half of the theme's provinces
    known = set(words) | _KNOWN_WORDS
    shared: list[tuple[tuple, list]] = []  # (rank, span) of phrases two provinces share
    seen: set[str] = set()
    for lead in leads:
        for start, end in _spans(lead, known):
            span = lead[start:end]
            key = " ".join(k for _, k in span)
            if key in seen or fold(_written(span)) in avoid:
                continue
            seen.add(key)
            covered = {
                p for p, text in zip(member_provinces, keys, strict=True) if f" {key} " in text
            }
            if len(covered) < 2:
                continue
            specific = sum(weight(k) for _, k in span)
            shared.append(((len(covered) >= enough, specific, len(covered), key), span))
    # The most specific phrase of at least half the provinces; else the phrase of the most
    # provinces; else the first clause of the most central member that is not taken.
    if shared and max(shared)[0][0]:
        return _written(max(shared)[1])
    if shared:
        return _written(max(shared, key=lambda entry: (entry[0][2], entry[0][1]))[1])
    clauses = [_written(_first_clause(leads[i], known)) for i in order]
    fresh = [clause for clause in clauses if fold(clause) not in avoid]
    return fresh[0] if fresh else clauses[0]


# Openings that frame a sentence without saying its point ("Về mặt khách quan, …").
_OPENER = re.compile(
    r"^(?:về mặt (?:khách quan|chủ quan)|trong (?:những năm|thời gian) (?:gần đây|qua|tới)"
    r"|đồng thời|bên cạnh đó|ngoài ra|tuy nhiên|trong đó|thời gian tới|hiện nay|theo đó)[,:]?\s+",
    re.IGNORECASE,
)


@functools.cache
def _topic_keys() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each topic's phrases as padded folded keys (" quán triệt ")."""
    return tuple(
        (topic, tuple(" " + " ".join(k for _, k in _words(p)) + " " for p in phrases))
        for topic, phrases in TOPICS
    )


@functools.lru_cache(maxsize=8192)
def _lead_keys(text: str) -> str:
    """An item's lead as padded folded keys, to look phrases up in."""
    return " " + " ".join(k for _, k in _words(_lead_text(text))) + " "


def _lead(item: Item) -> str:
    return _lead_text(item.text)


def _lead_text(text: str) -> str:
    """The first paragraph's first ``LEAD_WORDS`` words, framing openers and OCR slips gone."""
    text = " ".join(text.split("\n", 1)[0].split()[:LEAD_WORDS])
    while (match := _OPENER.match(text)) and len(text) > match.end():
        text = text[match.end() :]
    return correct_ocr(text)


def _words(text: str) -> list[tuple[str, str]]:
    """(word as written, folded key) pairs; a written word keeps a comma after it ("tạo,"
    in "đào tạo, bồi dưỡng"); a clause end is kept as the key "|"."""
    words: list[tuple[str, str]] = []
    for token in text.split():
        core = token.strip(_PUNCTUATION)
        if core:
            comma = "," if token.rstrip(_PUNCTUATION.replace(",", "")).endswith(",") else ""
            words.append((core + comma, fold(core)))
        if _CLAUSE_END.search(token.rstrip('"”)')):
            words.append(("", "|"))
    return words


def _spans(words: list[tuple[str, str]], known: set[str]):
    """(start, end) of every candidate phrase: inside one clause, trimmed at both edges,
    never cutting a two-syllable word in half."""
    keys_all = [k for _, k in words]
    for start in range(len(words)):
        if start and f"{keys_all[start - 1]} {keys_all[start]}" in known:
            continue
        for end in range(start + MIN_WORDS, min(start + MAX_WORDS, len(words)) + 1):
            span = words[start:end]
            keys = [k for _, k in span]
            if "|" in keys:
                break
            if end < len(words) and f"{keys_all[end - 1]} {keys_all[end]}" in known:
                continue
            if _bad_edges(keys) or any(any(ch.isdigit() for ch in k) for k in keys):
                continue
            if provinces.find_all(" ".join(w for w, _ in span)):
                continue
            yield start, end


def _bad_edges(keys: list[str]) -> bool:
    if keys[0] in _EDGE_WORDS or keys[-1] in _EDGE_WORDS:
        return True
    if any(tuple(keys[: len(frame)]) == frame for frame in _LEADING_FRAMES):
        return True
    return keys[0] in ("tỉnh", "thành", "tinh")  # "tỉnh …", "thành phố …": a place


def _written(span: list[tuple[str, str]]) -> str:
    """The words as a member writes them, capitalised; commas inside are kept."""
    text = " ".join(word for word, _ in span).rstrip(",")
    return text[:1].upper() + text[1:]


def _first_clause(words: list[tuple[str, str]], known: set[str]) -> list[tuple[str, str]]:
    """The lead's opening up to its first comma or clause end, at most ``MAX_WORDS`` + 3
    syllables, without framing words at its start or linking words at its end."""
    start = 0
    keys = [k for _, k in words]
    for frame in _LEADING_FRAMES:
        if tuple(keys[: len(frame)]) == frame and len(keys) > len(frame) + 2:
            start = len(frame)
            break
    clause: list[tuple[str, str]] = []
    for word in words[start:]:
        if word[1] in ("|", "nhưng", "song", "để", "nhằm"):
            break
        clause.append(word)
        if word[0].endswith(","):
            break
    if len(clause) > MAX_WORDS + 3:  # cut, but not inside a two-syllable word
        cut = MAX_WORDS + 3
        while cut > 2 and f"{clause[cut - 1][1]} {clause[cut][1]}" in known:
            cut -= 1
        clause = clause[:cut]
    while clause and clause[-1][1] in _EDGE_WORDS:
        clause.pop()
    return clause or words[:1]


def shared_topic(items: Sequence[Item], member_provinces: Sequence[str]) -> str | None:
    """The topic whose phrases the most of the theme's provinces use in their items' lead
    sentences (at least half of them, and two); among ties, the one the leads name first
    (the point comes before its purpose: "kết nối … để xúc tiến đầu tư"), then the one
    listed first."""
    leads = [_lead_keys(item.text) for item in items]
    needed = max(2, -(-len(set(member_provinces)) // 2))
    best: tuple[int, float, int, str] | None = None
    for order, (topic, keys) in enumerate(_topic_keys()):
        where: dict[str, int] = {}
        for province, lead in zip(member_provinces, leads, strict=True):
            found = [lead.find(key) for key in keys if key in lead]
            if found:
                where[province] = min(min(found), where.get(province, len(lead)))
        if len(where) < needed:
            continue
        rank = (len(where), -sum(where.values()) / len(where), -order, topic)
        if best is None or rank > best:
            best = rank
    return best[3] if best else None
