"""The brief's own words: Vietnamese order, the Nghị định 30 date, concise leads, short
references, and strength in words (examples written for this project)."""

from __future__ import annotations

from datetime import date

import pytest

from compiler.align.strength import Strength, redline, strength, theme_strength
from compiler.collation import sort_vietnamese, vietnamese_key
from compiler.labels import date_line, labels
from compiler.model import Block, Item, Provenance, Section, SectionKind
from compiler.report.concise import cut_words, first_sentence, item_reference, lead, phrase

PROV = Provenance("x.txt", 1, 1)


def test_provinces_in_vietnamese_alphabetical_order() -> None:
    names = ["Lạng Sơn", "Đà Nẵng", "Cần Thơ", "Yên Bái", "Lâm Đồng", "Đắk Lắk", "Bình Dương"]
    assert sort_vietnamese(names) == [
        "Bình Dương",
        "Cần Thơ",
        "Đà Nẵng",  # Đ right after D, not after Y
        "Đắk Lắk",  # a before ă
        "Lạng Sơn",  # a before â: Lạng before Lâm
        "Lâm Đồng",
        "Yên Bái",
    ]


def test_tones_only_break_ties_and_case_does_not_matter() -> None:
    assert sort_vietnamese(["Hạ", "Há", "Hà", "Ha", "Hã", "Hả"]) == [
        "Ha",
        "Hà",
        "Hả",
        "Hã",
        "Há",
        "Hạ",
    ]
    assert vietnamese_key("hà nội")[:2] == vietnamese_key("HÀ NỘI")[:2]
    assert sort_vietnamese(["Hàn", "Hà Nội", "Hà Nam"]) == ["Hà Nam", "Hà Nội", "Hàn"]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2021, 12, 15), "Ngày 15 tháng 12 năm 2021"),
        (date(2025, 4, 5), "Ngày 05 tháng 4 năm 2025"),  # no zero before months 3–9
        (date(2024, 2, 9), "Ngày 09 tháng 02 năm 2024"),  # months 1 and 2 take one
        (date(2024, 1, 20), "Ngày 20 tháng 01 năm 2024"),
        (date(2023, 10, 1), "Ngày 01 tháng 10 năm 2023"),
    ],
)
def test_dates_as_decree_30_writes_them(day: date, expected: str) -> None:
    assert date_line(day) == expected
    assert date_line(day, "en") == day.isoformat()


def _item(text: str, label: str = "") -> Item:
    return Item(label, text.split("\n")[0], text, PROV)


def test_a_short_item_is_its_own_lead() -> None:
    text = "Đẩy mạnh hợp tác với các tỉnh giáp biên trong quản lý cửa khẩu."
    assert lead(_item(text)) == text


def test_a_long_item_is_cut_at_a_clause_boundary_and_marked() -> None:
    text = (
        "tăng cường phối hợp với các cơ quan đại diện Việt Nam ở nước ngoài để giới thiệu "
        "sản phẩm chè, cà phê và hồ tiêu của tỉnh tới các nhà nhập khẩu lớn, tổ chức các "
        "đoàn doanh nghiệp tham dự hội chợ quốc tế tại châu Âu và Bắc Mỹ, đồng thời xây dựng "
        "cơ sở dữ liệu về thị trường, tiêu chuẩn kỹ thuật của từng nước nhập khẩu."
    )
    result = lead(_item(text))
    assert result.endswith("…")
    assert len(result.split()) <= 35
    assert result.startswith("Tăng cường")  # capitalised when the label held the capital
    assert result[:-1].endswith(("lớn", "Bắc Mỹ"))  # a clause ends there


def test_a_title_line_leads_with_the_sentence_under_it() -> None:
    text = "Xây dựng đối ngũ\nBồi dưỡng cán bộ trẻ về nghiệp vụ lễ tân và đàm phán quốc tế."
    assert lead(_item(text, "3.6-")) == (
        "Xây dựng đội ngũ: Bồi dưỡng cán bộ trẻ về nghiệp vụ lễ tân và đàm phán quốc tế."
    )  # the OCR slip "đối ngũ" corrected


def test_phrases_leave_out_scene_setting_and_open_quotes() -> None:
    text = "Đối với tỉnh, hạ tầng logistics tại các cửa khẩu phụ còn thiếu, chưa đáp ứng yêu cầu."
    assert phrase(text) == "Hạ tầng logistics tại các cửa khẩu phụ còn thiếu, chưa đáp ứng yêu cầu"
    quoted = "Phát huy hơn nữa vai trò tiên phong nòng cốt “sức mạnh mềm riêng có” địa phương"
    assert cut_words(quoted, 10, mark="") == "Phát huy hơn nữa vai trò tiên phong nòng cốt…"


def test_first_sentence_keeps_abbreviations_and_numbers() -> None:
    text = "Tỉnh thu hút 1.400 dự án, vốn 3,8 tỷ USD. Câu thứ hai."
    assert first_sentence(text) == "Tỉnh thu hút 1.400 dự án, vốn 3,8 tỷ USD."


def _section(heading: str | None, labels_: list[str]) -> Section:
    blocks = [Block(heading, PROV)] if heading else []
    section = Section(SectionKind.TASKS, heading, PROV, heading_blocks=blocks)
    section.items = [_item(f"Nội dung {n}.", label) for n, label in enumerate(labels_)]
    return section


def test_short_references_name_the_heading_number_and_the_point() -> None:
    text = labels()
    decimal = _section("3. Nhiệm vụ", ["3.1-", "3.2-"])
    assert item_reference(decimal, decimal.items[1], text) == "mục 3.2"
    ordinal = _section("III. PHƯƠNG HƯỚNG", ["Thứ nhất", "Thứ hai"])
    assert item_reference(ordinal, ordinal.items[1], text) == "mục III, ý 2"
    bullets = _section(None, ["-", "-", "-"])
    assert item_reference(bullets, bullets.items[2], text) == "phần phương hướng, nhiệm vụ, ý 3"
    assert item_reference(bullets, bullets.items[2], text, within_kind=True) == "ý 3"
    letters = _section("2. Kết quả", ["a)", "b)"])
    assert item_reference(letters, letters.items[1], text) == "mục 2, ý b"


def test_strength_words_and_when_to_redline() -> None:
    assert strength(0.9) is Strength.NEAR
    assert strength(0.25) is Strength.SIMILAR
    assert strength(0.19) is Strength.RELATED
    assert strength(0.14) is None  # no match is claimed
    assert theme_strength(0.16) is Strength.RELATED  # a theme passed the member cut
    assert redline(0.9, same_province=False) and redline(0.12, same_province=True)
    assert not redline(0.3, same_province=False)
    words = labels().strength
    assert [words[s.value] for s in Strength] == ["gần như trùng", "tương đồng", "liên quan"]
