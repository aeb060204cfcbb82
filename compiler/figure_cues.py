"""The cue table of key figures: what a number counts, how it is qualified, where it belongs.

Every word list the figure reader (``compiler.figures``) uses lives here, so a reader of
the code can check the whole vocabulary in one place. Forms are written in lower case with
old-style tone placement ("thỏa", "hòa"); text is matched through ``normalize.fold``, which
accepts "thoả", "THỎA" and "Thỏa" alike.

How a figure is categorised (``figures.categorise``):

1. the noun after the number gives its unit (``COUNTED``: "dự án" → projects; a currency
   → money; "%" → percent; a measure → km, ha, …);
2. the nearest category cue (``CUES``) in the number's own comma piece, then in its clause
   (up to ";"), decides among the categories that accept that kind of unit
   (``ACCEPTS``): "74 dự án FDI" → fdi_projects, "kim ngạch xuất khẩu … 12.722 triệu USD"
   → trade, "1.330 dự án đầu tư trong nước" → other (a domestic cue in the number's own
   piece stops the search);
   money named as capital ("tổng vốn", "kinh phí") is never trade, and is FDI only with
   an FDI cue further on;
3. localities and countries are partners only with a relation cue (``RELATION``) in the
   number's own piece or the piece before it ("quan hệ hữu nghị, hợp tác với 05 địa
   phương"), or when the noun says so ("địa phương nước ngoài");
4. agreements, delegations, events and enterprises need no cue: the noun says it;
5. everything else is ``other``.

The table was written from the seed compilation (corpus 000) and checked on text it was
not written from (the corpus news article and interview, and the test documents in
``tests/fixtures/figures/``); see ``tests/test_figures_corpus.py``.
"""

from __future__ import annotations

CATEGORIES = (
    "partner_localities",
    "partner_countries",
    "agreements",
    "delegations",
    "events",
    "fdi_projects",
    "fdi_capital",
    "oda",
    "ngo_aid",
    "trade",
    "remittances",
    "enterprises",
    "other",
)

# Counted nouns after a number → canonical unit (the longest form written wins).
COUNTED: dict[str, str] = {
    # localities
    "địa phương": "localities",
    "tỉnh, thành phố": "localities",
    "tỉnh/thành phố": "localities",
    "tỉnh, thành": "localities",
    "tỉnh/thành": "localities",
    "tỉnh/bang": "localities",
    "tỉnh, bang": "localities",
    "tỉnh": "localities",
    "thành phố": "localities",
    "bang": "localities",
    "vùng": "localities",
    # countries
    "quốc gia và vùng lãnh thổ": "countries",
    "quốc gia, vùng lãnh thổ": "countries",
    "quốc gia/vùng lãnh thổ": "countries",
    "nước và vùng lãnh thổ": "countries",
    "nước, vùng lãnh thổ": "countries",
    "quốc gia": "countries",
    "nước": "countries",
    "nền kinh tế": "countries",
    # agreements
    "thỏa thuận": "agreements",
    "văn bản thỏa thuận": "agreements",
    "bản thỏa thuận": "agreements",
    "văn bản ký kết": "agreements",
    "văn bản hợp tác": "agreements",
    "văn bản ghi nhớ": "agreements",
    "biên bản ghi nhớ": "agreements",
    "biên bản hợp tác": "agreements",
    "bản ghi nhớ": "agreements",
    "hiệp định": "agreements",
    "văn kiện": "agreements",
    "điều ước": "agreements",
    "mou": "agreements",
    # delegations
    "lượt đoàn khách": "delegations",
    "lượt đoàn": "delegations",
    "đoàn khách": "delegations",
    "đoàn công tác": "delegations",
    "đoàn đại biểu": "delegations",
    "đoàn": "delegations",
    # events
    "sự kiện": "events",
    "hội nghị": "events",
    "hội thảo": "events",
    "diễn đàn": "events",
    "hội chợ": "events",
    "triển lãm": "events",
    "lễ hội": "events",
    "hoạt động": "events",
    "cuộc": "events",
    # projects, programmes, aid
    "chương trình, dự án": "projects",
    "chương trình/dự án": "projects",
    "dự án, chương trình": "projects",
    "dự án": "projects",
    "chương trình": "programmes",
    "khoản viện trợ": "aid packages",
    "gói viện trợ": "aid packages",
    "tổ chức": "organisations",
    # enterprises
    "doanh nghiệp": "enterprises",
    "công ty": "enterprises",
    "tập đoàn": "enterprises",
    "nhà đầu tư": "investors",
    # visitors
    "lượt khách": "visitors",
    "lượt du khách": "visitors",
    "du khách": "visitors",
    "khách": "visitors",
    # nouns that start like one above but count something else (kept as written)
    "đoàn viên": "đoàn viên",
    "đoàn thể": "đoàn thể",
    "tổ chức hội": "tổ chức hội",
}

# Nouns of time: "35 năm đổi mới", "02 năm/lần", "6 tháng" are durations, not figures.
TIME_NOUNS = frozenset(
    "năm tháng tuần ngày giờ phút giây quý".split() + ["thế kỷ", "thập kỷ", "thập niên"]
)

# Measures, written after the number or attached to it ("164km").
MEASURES: dict[str, str] = {
    "km²": "km²",
    "km2": "km²",
    "km": "km",
    "m²": "m²",
    "m2": "m²",
    "m³": "m³",
    "m3": "m³",
    "m": "m",
    "mét": "m",
    "ha": "ha",
    "hécta": "ha",
    "héc-ta": "ha",
    "hải lý": "hải lý",
    "tấn": "tấn",
    "kg": "kg",
    "mw": "MW",
    "kw": "kW",
    "kwh": "kWh",
    "mwh": "MWh",
    "lít": "lít",
}

# Currencies as written → the currency they name (never converted into another one).
CURRENCIES: dict[str, str] = {
    "usd": "USD",
    "us$": "USD",
    "đô la mỹ": "USD",
    "đô-la mỹ": "USD",
    "đô la": "USD",
    "đô-la": "USD",
    "đồng": "đồng",
    "vnđ": "đồng",
    "vnd": "đồng",
    "eur": "EUR",
    "euro": "EUR",
    "ơ-rô": "EUR",
    "ndt": "NDT",
    "nhân dân tệ": "NDT",
    "cny": "NDT",
    "yên nhật": "JPY",
    "yên": "JPY",
    "jpy": "JPY",
    "won": "KRW",
    "krw": "KRW",
    "bảng anh": "GBP",
    "gbp": "GBP",
    "aud": "AUD",
    "sgd": "SGD",
    "thb": "THB",
    "bạt": "THB",
    "kíp": "LAK",
    "riel": "KHR",
}

# Multipliers after the number → their factor; "ngàn" is written "nghìn" in the record.
MULTIPLIERS: dict[str, tuple[str, int]] = {
    "nghìn tỷ": ("nghìn tỷ", 10**12),
    "ngàn tỷ": ("nghìn tỷ", 10**12),
    "nghìn tỉ": ("nghìn tỷ", 10**12),
    "ngàn tỉ": ("nghìn tỷ", 10**12),
    "tỷ": ("tỷ", 10**9),
    "tỉ": ("tỷ", 10**9),
    "triệu": ("triệu", 10**6),
    "nghìn": ("nghìn", 10**3),
    "ngàn": ("nghìn", 10**3),
}

# Words before a number that say how it is meant: approximate, estimated, a change, a
# target. The longest run of these right before the number is the figure's qualifier.
QUALIFIERS = (
    "gần như",
    "xấp xỉ",
    "khoảng",
    "chừng",
    "gần",
    "trên",
    "hơn",
    "dưới",
    "ngót",
    "lên tới",
    "lên đến",
    "tới",
    "đạt",
    "ước đạt",
    "ước tính",
    "ước thực hiện",
    "ước",
    "tăng",
    "giảm",
    "bình quân",
    "gấp",
    "tương đương",
    "bằng",
    "kế hoạch",
    "mục tiêu",
    "dự kiến",
    "phấn đấu",
    "chỉ",
    "tối thiểu",
    "ít nhất",
    "tổng cộng",
)

# A word right before the number that makes it a label, a rank or a name: "số 43",
# "lần thứ 12", "mốc 314", "Quốc lộ 8", "đường 12", "top 10", "giai đoạn 2".
IDENTIFIER_BEFORE = (
    "số",  # but "tổng số 50 dự án" is a figure
    "thứ",
    "mốc",
    "hạng",
    "top",
    "tốp",
    "nhóm",
    "khóa",
    "quốc lộ",
    "tỉnh lộ",
    "đường",
    "tuyến",
    "điều",
    "khoản",
    "chương",
    "mục",
    "phụ lục",
    "quy chế",
    "nghị quyết",
    "nghị định",
    "quyết định",
    "chỉ thị",
    "thông tư",
    "kết luận",
    "hướng dẫn",
    "luật",
    "công văn",
    "giai đoạn",
    "quận",
    "phường",
    "tháng",
    "ngày",
    "lúc",
    "phiên bản",
)

# Heads of names that carry numbers a few words on: "Hiệp hội 9 tỉnh 3 nước …".
NAME_HEADS = ("hiệp hội", "câu lạc bộ")

# Words after a number that show it counts nothing (so it is no figure).
NOT_NOUNS = frozenset(
    """và của với là đã được có trong cho các những này đó từ đến tới để thì mà về theo tại
    trên dưới hơn so khi nếu cũng đang sẽ vào ra lên xuống bị do nên như hay hoặc chưa
    không rất nhiều ít mới vừa gần còn""".split()
)

# Category cues, nearest to the number wins (see the module notes).
CUES: dict[str, tuple[str, ...]] = {
    "remittances": ("kiều hối",),
    "oda": (
        "oda",
        "hỗ trợ phát triển chính thức",
        "viện trợ phát triển chính thức",
        "vốn vay ưu đãi",
    ),
    "ngo_aid": ("phi chính phủ", "pcpnn", "ngo", "ngos", "viện trợ phi chính phủ"),
    "fdi": (
        "fdi",
        "đầu tư trực tiếp nước ngoài",
        "đầu tư trực tiếp của nước ngoài",
        "đầu tư trực tiếp từ nước ngoài",
        "đầu tư nước ngoài",
        "nhà đầu tư nước ngoài",
        "có vốn đầu tư nước ngoài",
        "vốn nước ngoài",
    ),
    "trade": (
        "kim ngạch",
        "xuất khẩu",
        "nhập khẩu",
        "xuất nhập khẩu",
        "thương mại",
        "giao thương",
        "buôn bán",
    ),
    # domestic money and projects, in the number's own piece: the figure is "other"
    "domestic": ("trong nước", "ngân sách", "đầu tư công", "vốn nhà nước"),
    # investment money: not trade; it is FDI only with an FDI cue further on
    "capital": (
        "vốn đầu tư",
        "tổng vốn",
        "vốn đăng ký",
        "mức đầu tư",
        "kinh phí",
        "vốn điều lệ",
        "vốn thực hiện",
        "vốn",
    ),
}

# Which categories a cue may give, by the kind of unit the number has.
ACCEPTS: dict[str, dict[str, str]] = {
    "money": {
        "remittances": "remittances",
        "oda": "oda",
        "ngo_aid": "ngo_aid",
        "fdi": "fdi_capital",
        "trade": "trade",
    },
    "percent": {
        "remittances": "remittances",
        "oda": "oda",
        "ngo_aid": "ngo_aid",
        "fdi": "fdi_capital",
        "trade": "trade",
    },
    "projects": {"oda": "oda", "ngo_aid": "ngo_aid", "fdi": "fdi_projects"},
    "programmes": {"oda": "oda", "ngo_aid": "ngo_aid"},
    "aid packages": {"oda": "oda", "ngo_aid": "ngo_aid"},
    "organisations": {"ngo_aid": "ngo_aid"},
}

# Units whose noun alone gives the category.
BY_UNIT: dict[str, str] = {
    "agreements": "agreements",
    "delegations": "delegations",
    "events": "events",
    "enterprises": "enterprises",
    "investors": "enterprises",
}

# Localities and countries are partners with one of these near the number.
RELATION = ("quan hệ", "hợp tác", "hữu nghị", "kết nghĩa", "đối tác", "thiết lập", "ký kết")
PARTNER_UNITS = {"localities": "partner_localities", "countries": "partner_countries"}
FOREIGN_AFTER = ("nước ngoài", "quốc tế", "của các nước", "kết nghĩa", "hữu nghị")

# Classifiers: a noun after one of these is read with it ("12 cặp cửa khẩu", "150.000 liều
# vắc xin"); other nouns not in ``COUNTED`` are read as their first two syllables.
CLASSIFIERS = frozenset(
    "cặp liều lượt chiếc con chuyến suất bản căn ngôi bộ đợt lớp buổi vụ phiên tấm cây nhóm".split()
)
# Nouns of one syllable, read alone ("08 xã biên giới" counts xã).
ONE_SYLLABLE = frozenset("xã huyện người kỳ lần thôn phường tỉnh".split())
