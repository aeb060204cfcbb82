"""Key figures on our own test documents: every number format, what is no figure, cues,
periods, and the per-province and side-by-side views of them."""
# ruff: noqa: E501 (the expectation tables read best one figure to a line)

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from docx_builder import build_docx

from compiler.figure_cues import CATEGORIES
from compiler.figures import (
    Figure,
    find_figures,
    key_figures,
    paper_figures,
    read_figures,
    read_number,
    shared_categories,
    side_by_side,
)
from compiler.ingest import load_document
from compiler.model import Block, Paper, Provenance, Section, SectionKind

FIXTURES = Path(__file__).parent / "fixtures" / "figures"
QUANG_BINH = FIXTURES / "quang-binh.txt"
BINH_DUONG = FIXTURES / "binh-duong.md"


# --- reading numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("5.200", Decimal(5200)),
        ("3,862", Decimal("3.862")),
        ("12.170,76", Decimal("12170.76")),
        ("06", Decimal(6)),
        ("1.000.000", Decimal(1000000)),
        ("1,000,000", Decimal(1000000)),  # English thousands (web pages)
        ("42.371", Decimal(42371)),
        ("2,7", Decimal("2.7")),
        ("3.5", None),  # neither Vietnamese nor, without a "%" or multiplier, a decimal
        ("4.0", None),
        ("12.17", None),
    ],
)
def test_read_number_the_vietnamese_way(written: str, value: Decimal | None) -> None:
    assert read_number(written) == value


def test_read_number_english_decimal_only_when_asked() -> None:
    assert read_number("3.5", english_decimal=True) == Decimal("3.5")
    assert read_number("5.200", english_decimal=True) == Decimal(5200)  # still Vietnamese


# --- one paragraph -----------------------------------------------------------------------------


def readings(text: str) -> list[tuple]:
    return [
        (
            text[r.start : r.end],
            float(r.value),
            None if r.value_max is None else float(r.value_max),
            r.unit,
            r.multiplier,
            r.qualifier,
            r.category,
            r.period,
        )
        for r in read_figures(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Năm 2022, tỉnh Sơn La đón gần 5.200 lượt đoàn khách quốc tế.",
            [
                (
                    "5.200 lượt đoàn khách",
                    5200,
                    None,
                    "delegations",
                    None,
                    "gần",
                    "delegations",
                    "năm 2022",
                )
            ],
        ),
        (
            "Tổng vốn FDI của tỉnh Bắc Ninh đạt trên 3,862 tỷ USD.",
            [("3,862 tỷ USD", 3862000000, None, "USD", "tỷ", "đạt trên", "fdi_capital", None)],
        ),
        (
            "Giá trị viện trợ phi chính phủ đạt 12.170,76 triệu đồng.",
            [("12.170,76 triệu đồng", 12170760000, None, "đồng", "triệu", "đạt", "ngo_aid", None)],
        ),
        (
            "Tỉnh có 06 thỏa thuận hợp tác với đối tác Hàn Quốc.",
            [("06 thỏa thuận", 6, None, "agreements", None, None, "agreements", None)],
        ),
        (
            "Kiều hối chuyển về năm 2023 khoảng 1.000.000 USD.",
            [("1.000.000 USD", 1000000, None, "USD", None, "khoảng", "remittances", "năm 2023")],
        ),
        (
            "Mỗi năm tỉnh tổ chức từ 3 đến 5 hội chợ quốc tế và 2-4 diễn đàn.",
            [
                ("từ 3 đến 5 hội chợ", 3, 5, "events", None, None, "events", "hằng năm"),
                ("2-4 diễn đàn", 2, 4, "events", None, None, "events", "hằng năm"),
            ],
        ),
        (
            "Kim ngạch xuất khẩu tăng 52%, đạt 138,6% kế hoạch năm.",
            [
                ("52%", 52, None, "%", None, "tăng", "trade", None),
                ("138,6% kế hoạch", 138.6, None, "% kế hoạch", None, "đạt", "trade", None),
            ],
        ),
        (
            "Xuất khẩu 6 tháng đầu năm 2024 ước đạt 120 nghìn tấn, thu về 85 ngàn USD.",
            [
                (
                    "120 nghìn tấn",
                    120000,
                    None,
                    "tấn",
                    "nghìn",
                    "ước đạt",
                    "other",
                    "6 tháng đầu năm 2024",
                ),
                ("85 ngàn USD", 85000, None, "USD", "nghìn", None, "trade", "6 tháng đầu năm 2024"),
            ],
        ),
        (
            "Vốn ODA giai đoạn 2021-2025 hơn 2,5 triệu EUR, gần như 100% đã giải ngân.",
            [
                ("2,5 triệu EUR", 2500000, None, "EUR", "triệu", "hơn", "oda", "2021-2025"),
                ("100%", 100, None, "%", None, "gần như", "oda", "2021-2025"),
            ],
        ),
        (
            "Trong giai đoạn 2011-2020 tỉnh nhận 40 tỷ VNĐ viện trợ của các tổ chức phi chính phủ.",
            [("40 tỷ VNĐ", 40000000000, None, "đồng", "tỷ", None, "ngo_aid", "2011-2020")],
        ),
    ],
)
def test_every_number_format(text: str, expected: list[tuple]) -> None:
    assert readings(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Thực hiện Nghị định 30/2020/NĐ-CP ngày 05/3/2020 và Chỉ thị số 25-CT/TW của Ban Bí thư.",
        "3.2. Về hợp tác với các địa phương nước ngoài",
        "Hội nghị lần thứ 12 diễn ra năm 2023; tỉnh đứng thứ 9 cả nước, vào nhóm 10 tỉnh dẫn đầu.",
        "Sau 35 năm đổi mới và 02 năm/lần tổ chức lễ hội, đại dịch COVID-19 ảnh hưởng Quốc lộ 1A.",
        "Chương trình “Thành phố 5 Không” và Cách mạng công nghiệp 4.0 được triển khai.",
        "Kế hoạch giai đoạn 2021-2025, tầm nhìn đến năm 2045; ngày 21/8 hằng năm; tháng 11/2021.",
        "Hiệp hội 9 tỉnh 3 nước tăng cường hợp tác; trực 24/24 giờ tại cửa khẩu.",
        "Các bước (1) khảo sát, (2) thẩm định được thực hiện theo mốc 1088/2 - 1089.",
    ],
)
def test_what_is_no_figure(text: str) -> None:
    assert readings(text) == []


def test_a_fraction_reads_its_part_and_keeps_the_whole_as_written() -> None:
    [found] = readings("Đến nay 12/15 chỉ tiêu đạt và vượt kế hoạch.")
    assert found[:4] == ("12/15 chỉ tiêu", 12, None, "chỉ tiêu")


def test_measures_attached_and_lists_with_slashes() -> None:
    found = readings("Bờ biển dài 116km; bảo hộ 35 vụ/48 tàu/310 ngư dân.")
    assert [(f[0], f[1], f[3]) for f in found] == [
        ("116km", 116, "km"),
        ("35 vụ", 35, "vụ"),
        ("48 tàu", 48, "tàu"),
        ("310 ngư dân", 310, "ngư dân"),
    ]


def test_cues_pick_the_category_nearest_the_number() -> None:
    found = readings(
        "Tỉnh có 1.200 dự án đầu tư, trong đó 1.150 dự án đầu tư trong nước với số vốn "
        "đăng ký 90.000 tỷ đồng, 50 dự án FDI với tổng vốn 3 tỷ USD; "
        "doanh nghiệp được hỗ trợ vốn 20 triệu USD để sản xuất hàng xuất khẩu."
    )
    assert [(f[0], f[6]) for f in found] == [
        ("1.200 dự án", "other"),  # the total: the breakdown's cues say nothing of it
        ("1.150 dự án", "other"),  # domestic
        ("90.000 tỷ đồng", "other"),
        ("50 dự án", "fdi_projects"),
        ("3 tỷ USD", "fdi_capital"),
        ("20 triệu USD", "other"),  # capital ("vốn") is never trade
    ]


def test_partner_localities_need_a_relation() -> None:
    found = readings(
        "Tỉnh kết nghĩa với 8 địa phương của 5 quốc gia; tỉnh có 10 huyện và giáp 3 tỉnh Lào."
    )
    assert [(f[0], f[6]) for f in found] == [
        ("8 địa phương", "partner_localities"),
        ("5 quốc gia", "partner_countries"),
        ("10 huyện", "other"),
        ("3 tỉnh", "other"),
    ]


def test_a_baseline_is_no_period_but_dates_its_bracketed_value() -> None:
    found = readings(
        "Viện trợ PCPNN năm 2023 đạt 2 triệu USD, tăng 0,5 triệu USD so với năm 2022 (1,5 triệu USD)."
    )
    assert [(f[0], f[5], f[7]) for f in found] == [
        ("2 triệu USD", "đạt", "năm 2023"),
        ("0,5 triệu USD", "tăng", "năm 2023"),
        ("1,5 triệu USD", None, "năm 2022"),
    ]


# --- documents ---------------------------------------------------------------------------------

# Every figure of the test documents: (line, section, as written, value, value_max, unit,
# multiplier, qualifier, category, period), as their author means them.
# fmt: off
QUANG_BINH_FIGURES = [
    (7, "context", "8.000 km²", 8000, None, "km²", None, "khoảng", "other", None),
    (7, "context", "900 nghìn người", 900000, None, "người", "nghìn", "gần", "other", None),
    (7, "context", "06 huyện", 6, None, "huyện", None, None, "other", None),
    (7, "context", "202 km", 202, None, "km", None, None, "other", None),
    (13, "achievements", "14 địa phương", 14, None, "localities", None, None, "partner_localities", "đến nay"),
    (13, "achievements", "7 quốc gia", 7, None, "countries", None, None, "partner_countries", "đến nay"),
    (13, "achievements", "38 thỏa thuận", 38, None, "agreements", None, None, "agreements", "đến nay"),
    (13, "achievements", "1.250 đoàn khách", 1250, None, "delegations", None, None, "delegations", "2016-2020"),
    (13, "achievements", "17 hội nghị", 17, None, "events", None, None, "events", "2016-2020"),
    (17, "achievements", "52 dự án", 52, None, "projects", None, None, "fdi_projects", "lũy kế đến năm 2023"),
    (17, "achievements", "3,862 tỷ USD", 3862000000, None, "USD", "tỷ", None, "fdi_capital", "lũy kế đến năm 2023"),
    (17, "achievements", "06 dự án", 6, None, "projects", None, None, "fdi_projects", "năm 2023"),
    (17, "achievements", "35%", 35, None, "%", None, "tăng", "fdi_capital", "năm 2023"),
    (17, "achievements", "450 triệu USD", 450000000, None, "USD", "triệu", "ước đạt", "trade", "6 tháng đầu năm 2024"),
    (17, "achievements", "52,5% kế hoạch", 52.5, None, "% kế hoạch", None, "bằng", "trade", "6 tháng đầu năm 2024"),
    (17, "achievements", "12.170,76 tỷ đồng", 12170760000000, None, "đồng", "tỷ", "đạt", "trade", "6 tháng đầu năm 2024"),
    (19, "achievements", "24 dự án", 24, None, "projects", None, None, "oda", "2011-2020"),
    (19, "achievements", "1.000.000 EUR", 1000000, None, "EUR", None, "hơn", "oda", "2011-2020"),
    (19, "achievements", "61 dự án", 61, None, "projects", None, None, "ngo_aid", "2011-2020"),
    (19, "achievements", "9,5 triệu USD", 9500000, None, "USD", "triệu", "khoảng", "ngo_aid", "2011-2020"),
    (19, "achievements", "45 tỷ VNĐ", 45000000000, None, "đồng", "tỷ", "ước", "ngo_aid", "năm 2023"),
    (19, "achievements", "120 triệu USD", 120000000, None, "USD", "triệu", "trên", "remittances", "hằng năm"),
    (19, "achievements", "3.400 doanh nghiệp", 3400, None, "enterprises", None, "gần", "enterprises", None),
    (19, "achievements", "15 doanh nghiệp", 15, None, "enterprises", None, None, "enterprises", None),
    (23, "tasks", "từ 3 đến 5 đoàn", 3, 5, "delegations", None, None, "delegations", "hằng năm"),
    (23, "tasks", "3-5 thỏa thuận", 3, 5, "agreements", None, None, "agreements", "hằng năm"),
    (25, "tasks", "100%", 100, None, "%", None, "gần như", "oda", None),
    (25, "tasks", "2 tỷ USD", 2000000000, None, "USD", "tỷ", "đạt", "trade", "đến năm 2030"),
    (25, "tasks", "800 ngàn lượt khách", 800000, None, "visitors", "nghìn", None, "other", "đến năm 2030"),
    (39, "proposals", "02 cặp cửa khẩu", 2, None, "cặp cửa khẩu", None, None, "other", None),
]
BINH_DUONG_FIGURES = [
    (5, "achievements", "4.210 dự án", 4210, None, "projects", None, None, "fdi_projects", "tháng 06/2024"),
    (5, "achievements", "40,5 tỷ USD", 40500000000, None, "USD", "tỷ", "đạt", "fdi_capital", "tháng 06/2024"),
    (6, "achievements", "86 đoàn", 86, None, "delegations", None, None, "delegations", "năm 2023"),
    (6, "achievements", "1.140 lượt khách", 1140, None, "visitors", None, None, "other", "năm 2023"),
    (6, "achievements", "9 sự kiện", 9, None, "events", None, None, "events", "năm 2023"),
    (7, "achievements", "05 tổ chức", 5, None, "organisations", None, None, "other", None),
    (7, "achievements", "25 tỉnh, thành phố", 25, None, "localities", None, None, "partner_localities", None),
    (7, "achievements", "19 quốc gia", 19, None, "countries", None, None, "partner_countries", None),
    (14, "proposals", "3 triệu USD", 3000000, None, "USD", "triệu", None, "other", None),
]
# fmt: on


def as_rows(figures: list[Figure]) -> list[tuple]:
    return [
        (
            f.provenance.line_start,
            f.section.value,
            f.as_written,
            f.value,
            f.value_max,
            f.unit,
            f.multiplier,
            f.qualifier,
            f.category,
            f.period,
        )
        for f in figures
    ]


@pytest.mark.parametrize(
    ("path", "expected"), [(QUANG_BINH, QUANG_BINH_FIGURES), (BINH_DUONG, BINH_DUONG_FIGURES)]
)
def test_every_figure_of_the_test_documents(path: Path, expected: list[tuple]) -> None:
    figures = find_figures([load_document(path)])
    assert as_rows(figures) == expected
    assert {f.province for f in figures} == {"Quảng Bình" if path == QUANG_BINH else "Bình Dương"}
    assert all(f.as_written in f.sentence for f in figures)


def test_values_are_plain_numbers_and_integral_values_are_ints() -> None:
    figures = find_figures([load_document(QUANG_BINH)])
    assert all(type(f.value) is int for f in figures if f.value == int(f.value))
    assert {type(f.value) for f in figures} == {int, float}


def test_sentence_is_the_figures_own_sentence() -> None:
    figures = find_figures([load_document(QUANG_BINH)])
    remittances = next(f for f in figures if f.category == "remittances")
    assert remittances.sentence == "Lượng kiều hối chuyển về tỉnh hằng năm trên 120 triệu USD."
    assert remittances.quoted == "trên 120 triệu USD"


def test_a_docx_paper_gives_the_same_figures_with_paragraph_provenance(tmp_path: Path) -> None:
    outline = []
    for line in QUANG_BINH.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        caps = line.isupper() or line[:4] in ("2.1.", "2.2.")
        outline.append(("heading1" if caps and line != "Tỉnh ủy Quảng Bình" else "body", line))
    path = build_docx(tmp_path / "quang-binh.docx", outline)
    from_docx = find_figures([load_document(path)])
    assert [row[2:] for row in as_rows(from_docx)] == [row[2:] for row in QUANG_BINH_FIGURES]
    assert all(f.provenance.paragraph_start is not None for f in from_docx)


def test_a_paragraph_in_an_item_and_in_its_section_counts_once() -> None:
    source = Provenance("made-up.txt", 3, 3)
    block = Block("1. Đón 12 đoàn khách quốc tế và ký 4 thỏa thuận.", source)
    heading = Block("II. KẾT QUẢ 2023", Provenance("made-up.txt", 1, 1))
    from compiler.model import Item

    item = Item(
        "1.", "Đón 12 đoàn khách", "Đón 12 đoàn khách quốc tế và ký 4 thỏa thuận.", source, [block]
    )
    first = Section(SectionKind.ACHIEVEMENTS, heading.text, source, [block], [item], [heading])
    second = Section(SectionKind.OPPORTUNITIES, heading.text, source, [block], [], [heading])
    paper = Paper("Phú Yên", "Đắk Lắk", source, [first, second])
    assert [(f.as_written, f.section) for f in paper_figures(paper)] == [
        ("12 đoàn khách", SectionKind.ACHIEVEMENTS),
        ("4 thỏa thuận", SectionKind.ACHIEVEMENTS),
    ]


# --- per province and side by side -------------------------------------------------------------


@pytest.fixture(scope="module")
def both() -> list[Figure]:
    return find_figures([load_document(BINH_DUONG), load_document(QUANG_BINH)])


def test_key_figures_per_province_leave_out_other_and_follow_the_category_order(
    both: list[Figure],
) -> None:
    table = key_figures(both)
    assert list(table) == ["Bình Dương", "Quảng Bình"]
    for listed in table.values():
        assert all(f.category != "other" for f in listed)
        ranks = [CATEGORIES.index(f.category) for f in listed]
        assert ranks == sorted(ranks)
    assert [f.quoted for f in table["Bình Dương"]] == [
        "25 tỉnh, thành phố",
        "19 quốc gia",
        "86 đoàn",
        "9 sự kiện",
        "4.210 dự án",
        "đạt 40,5 tỷ USD",
    ]


def test_side_by_side_puts_provinces_next_to_each_other_with_periods(both: list[Figure]) -> None:
    rows = side_by_side(both, "fdi_projects")
    assert [(p, [(f.as_written, f.period) for f in listed]) for p, listed in rows] == [
        ("Bình Dương", [("4.210 dự án", "tháng 06/2024")]),
        ("Quảng Bình", [("52 dự án", "lũy kế đến năm 2023"), ("06 dự án", "năm 2023")]),
    ]
    assert side_by_side(both, "remittances") == [
        ("Quảng Bình", [f for f in both if f.category == "remittances"])
    ]


def test_shared_categories_are_those_two_provinces_report(both: list[Figure]) -> None:
    assert shared_categories(both) == [
        "partner_localities",
        "partner_countries",
        "delegations",
        "events",
        "fdi_projects",
        "fdi_capital",
    ]
