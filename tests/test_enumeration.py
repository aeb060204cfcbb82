"""Enumeration labels: every style seen in papers, and numbers that only look like labels."""

from __future__ import annotations

import pytest

from compiler.enumeration import LabelKind, opens_enumeration, parse_label, roman_value

K = LabelKind

# (text, kind, label text, value, depth, rest)
LABELS = [
    (
        "Thứ nhất, tăng cường hợp tác với các địa phương giáp biên.",
        K.ORDINAL,
        "Thứ nhất",
        1,
        1,
        "tăng cường hợp tác với các địa phương giáp biên.",
    ),
    (
        "Thứ hai: mở rộng thị trường xuất khẩu nông sản.",
        K.ORDINAL,
        "Thứ hai",
        2,
        1,
        "mở rộng thị trường xuất khẩu nông sản.",
    ),
    (
        "Thứ ba - đẩy mạnh thông tin đối ngoại.",
        K.ORDINAL,
        "Thứ ba",
        3,
        1,
        "đẩy mạnh thông tin đối ngoại.",
    ),
    (
        "Thứ tư. Chủ động phòng ngừa rủi ro.",
        K.ORDINAL,
        "Thứ tư",
        4,
        1,
        "Chủ động phòng ngừa rủi ro.",
    ),
    ("Thứ năm, kiện toàn bộ máy.", K.ORDINAL, "Thứ năm", 5, 1, "kiện toàn bộ máy."),
    (
        "Thứ  sáu,   nâng cao chất lượng cán bộ.",
        K.ORDINAL,
        "Thứ sáu",
        6,
        1,
        "nâng cao chất lượng cán bộ.",
    ),
    (
        "Một là, nâng cao nhận thức về hội nhập.",
        K.ORDINAL_LA,
        "Một là",
        1,
        1,
        "nâng cao nhận thức về hội nhập.",
    ),
    (
        "Hai là: giữ vững ổn định chính trị.",
        K.ORDINAL_LA,
        "Hai là",
        2,
        1,
        "giữ vững ổn định chính trị.",
    ),
    (
        "Ba là, phát triển hạ tầng cửa khẩu.",
        K.ORDINAL_LA,
        "Ba là",
        3,
        1,
        "phát triển hạ tầng cửa khẩu.",
    ),
    (
        "Bốn là tiếp tục cải cách hành chính.",
        K.ORDINAL_LA,
        "Bốn là",
        4,
        1,
        "tiếp tục cải cách hành chính.",
    ),
    (
        "Năm là, tăng cường quảng bá du lịch.",
        K.ORDINAL_LA,
        "Năm là",
        5,
        1,
        "tăng cường quảng bá du lịch.",
    ),
    (
        "Sáu là, phát huy vai trò kiều bào.",
        K.ORDINAL_LA,
        "Sáu là",
        6,
        1,
        "phát huy vai trò kiều bào.",
    ),
    (
        "1- Nâng cao năng lực dự báo tình hình.",
        K.ARABIC,
        "1-",
        1,
        1,
        "Nâng cao năng lực dự báo tình hình.",
    ),
    (
        "1. Tăng cường công tác quản lý đoàn ra.",
        K.ARABIC,
        "1.",
        1,
        1,
        "Tăng cường công tác quản lý đoàn ra.",
    ),
    ("1) Đẩy mạnh hợp tác giáo dục.", K.ARABIC, "1)", 1, 1, "Đẩy mạnh hợp tác giáo dục."),
    (
        "12. Sơ kết, tổng kết việc thực hiện.",
        K.ARABIC,
        "12.",
        12,
        1,
        "Sơ kết, tổng kết việc thực hiện.",
    ),
    (
        "3.2- Hỗ trợ doanh nghiệp tiếp cận thị trường.",
        K.DECIMAL,
        "3.2-",
        2,
        2,
        "Hỗ trợ doanh nghiệp tiếp cận thị trường.",
    ),
    ("4.1. Đối với Bộ Ngoại giao", K.DECIMAL, "4.1.", 1, 2, "Đối với Bộ Ngoại giao"),
    ("2.1.1. Về hợp tác kinh tế", K.DECIMAL, "2.1.1.", 1, 3, "Về hợp tác kinh tế"),
    ("3.1 Về cơ hội", K.DECIMAL, "3.1", 1, 2, "Về cơ hội"),
    ("I. ĐẶC ĐIỂM TÌNH HÌNH", K.ROMAN, "I.", 1, 1, "ĐẶC ĐIỂM TÌNH HÌNH"),
    ("IV. KIẾN NGHỊ, ĐỀ XUẤT", K.ROMAN, "IV.", 4, 1, "KIẾN NGHỊ, ĐỀ XUẤT"),
    ("IX. Nhiệm vụ khác", K.ROMAN, "IX.", 9, 1, "Nhiệm vụ khác"),
    ("a) phát huy lợi thế cảng biển;", K.LETTER, "a)", 1, 1, "phát huy lợi thế cảng biển;"),
    (
        "b. triển khai các thỏa thuận đã ký;",
        K.LETTER,
        "b.",
        2,
        1,
        "triển khai các thỏa thuận đã ký;",
    ),
    (
        "đ) Xây dựng cơ sở dữ liệu đối ngoại.",
        K.LETTER,
        "đ)",
        5,
        1,
        "Xây dựng cơ sở dữ liệu đối ngoại.",
    ),
    (
        "(1) Tổ chức hội nghị xúc tiến đầu tư.",
        K.PAREN,
        "(1)",
        1,
        1,
        "Tổ chức hội nghị xúc tiến đầu tư.",
    ),
    (
        "(c) Rà soát các thỏa thuận quốc tế.",
        K.PAREN,
        "(c)",
        3,
        1,
        "Rà soát các thỏa thuận quốc tế.",
    ),
    (
        "- Hạ tầng kết nối còn thiếu đồng bộ.",
        K.BULLET,
        "-",
        0,
        1,
        "Hạ tầng kết nối còn thiếu đồng bộ.",
    ),
    ("+ Nguồn lực đầu tư còn hạn chế.", K.BULLET, "+", 0, 1, "Nguồn lực đầu tư còn hạn chế."),
    (
        "• Cán bộ thiếu kinh nghiệm đàm phán.",
        K.BULLET,
        "•",
        0,
        1,
        "Cán bộ thiếu kinh nghiệm đàm phán.",
    ),
    ("– Thủ tục còn rườm rà.", K.BULLET, "–", 0, 1, "Thủ tục còn rườm rà."),
    # OCR damage: "l" read for "I", a space before the point, "}" read for ")".
    ("l. ĐẶC ĐIỂM TÌNH HÌNH", K.ROMAN, "l.", 1, 1, "ĐẶC ĐIỂM TÌNH HÌNH"),
    ("lll. PHƯƠNG HƯỚNG", K.ROMAN, "lll.", 3, 1, "PHƯƠNG HƯỚNG"),
    ("lV. KIẾN NGHỊ", K.ROMAN, "lV.", 4, 1, "KIẾN NGHỊ"),
    ("2 . Về thách thức", K.ARABIC, "2 .", 2, 1, "Về thách thức"),
    ("b} Mở rộng thị trường xuất khẩu.", K.LETTER, "b}", 2, 1, "Mở rộng thị trường xuất khẩu."),
    ("   - Thụt lề vẫn là gạch đầu dòng.", K.BULLET, "-", 0, 1, "Thụt lề vẫn là gạch đầu dòng."),
]


@pytest.mark.parametrize(("text", "kind", "label", "value", "depth", "rest"), LABELS)
def test_label_styles(
    text: str, kind: LabelKind, label: str, value: int, depth: int, rest: str
) -> None:
    parsed = parse_label(text)
    assert parsed is not None
    assert (parsed.kind, parsed.text, parsed.value, parsed.depth, parsed.rest) == (
        kind,
        label,
        value,
        depth,
        rest,
    )
    assert opens_enumeration(text)


@pytest.mark.parametrize(
    "text",
    [
        "2.000 người tham dự hội nghị.",
        "1.5 triệu USD vốn viện trợ.",
        "10.000 lượt khách quốc tế.",
        "2021 là năm đầu tiên thực hiện nghị quyết.",
        "Năm 2022 là năm bản lề của nhiệm kỳ.",
        "Thứ trưởng Bộ Ngoại giao dự và phát biểu.",
        "Thứ Hai, ngày 4 tháng 12, hội nghị khai mạc.",
        "25-30 dự án được cấp phép mỗi năm.",
        "1-2 năm tới là giai đoạn quan trọng.",
        "-15 độ là nhiệt độ thấp nhất.",
        "5 . kết quả viết thường không phải nhãn",
        "A. Phần mở đầu",
        "Tỉnh ủy Lạng Sơn",
        "Thứ nhất",  # a label with nothing after it
        "1.",
        "- ",
    ],
)
def test_numbers_and_words_that_are_not_labels(text: str) -> None:
    assert parse_label(text) is None
    assert not opens_enumeration(text)


def test_a_one_digit_negative_number_is_not_a_bullet() -> None:
    assert parse_label("-5 độ là nhiệt độ thấp nhất.") is None


def test_a_dash_followed_by_space_and_number_is_a_bullet() -> None:
    parsed = parse_label("- 35 dự án có vốn đầu tư nước ngoài.")
    assert parsed is not None
    assert (parsed.kind, parsed.rest) == (K.BULLET, "35 dự án có vốn đầu tư nước ngoài.")


def test_level_keys() -> None:
    def key(text: str) -> str:
        label = parse_label(text)
        assert label is not None, text
        return label.level_key

    assert key("1- Nâng cao năng lực") == key("3. Đẩy mạnh hợp tác") == "arabic"
    assert key("1) Tổ chức") == "arabic"
    assert key("3.1. Về cơ hội") == key("4.2- Kiến nghị") == "decimal2"
    assert key("3.1. Về cơ hội") != key("3.1.2. Về hợp tác kinh tế") == "decimal3"
    assert key("II. KẾT QUẢ") == "roman"
    assert key("Thứ hai, mở rộng") == "ordinal"
    assert key("Hai là, mở rộng") == "ordinal_la"
    assert key("- Hạ tầng") == key("• Hạ tầng") == "bullet"
    assert key("+ Hạ tầng") == "bullet+"
    assert key("a) Hạ tầng") == "letter"
    assert key("(2) Hạ tầng") == "paren"


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("I", 1),
        ("II", 2),
        ("III", 3),
        ("IV", 4),
        ("V", 5),
        ("VI", 6),
        ("IX", 9),
        ("XIV", 14),
        ("XL", 40),
        ("XC", 90),
    ],
)
def test_roman_values(numeral: str, value: int) -> None:
    assert roman_value(numeral) == value
