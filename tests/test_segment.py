"""Segmentation rules on small papers written for these tests (see compiler/segment/*.py).

Each paper is a few lines of administrative Vietnamese shaped like a real contribution; each
test checks the papers, section kinds, headings and items it yields, and that nothing was
lost or duplicated (``tests.conservation``).
"""

from __future__ import annotations

from textwrap import dedent

import pytest

from compiler.model import Document, Paper, SectionKind
from compiler.readers.text import blocks_from_text
from compiler.segment import build_document
from tests.conservation import first_difference

K = SectionKind


def segment(text: str) -> Document:
    """Segment ``text`` and check the conservation of every body paragraph."""
    blocks = blocks_from_text(dedent(text), "x.txt")
    document = build_document("x.txt", "text", blocks)
    assert first_difference(document, blocks) is None
    return document


def only_paper(document: Document) -> Paper:
    assert len(document.papers) == 1, [p.province for p in document.papers]
    return document.papers[0]


def outline(paper: Paper) -> list[tuple[str, str | None, list[str]]]:
    """(kind, heading, item labels) per section."""
    return [(s.kind.value, s.heading, [i.label for i in s.items]) for s in paper.sections]


def lines(section) -> tuple[int, int]:
    return section.provenance.line_start, section.provenance.line_end


# --- papers ----------------------------------------------------------------------------------

COMPILATION = """\
    Tài liệu phục vụ hội nghị, lưu hành nội bộ.

    MIỀN ĐẤT DI SẢN CHỦ ĐỘNG
    MỞ RỘNG QUAN HỆ HỢP TÁC QUỐC TẾ
    Tỉnh ủy Quảng Bình

    Quảng Bình có bờ biển dài, nhiều danh thắng được thế giới biết đến.

    I. KẾT QUẢ CÔNG TÁC ĐỐI NGOẠI

    Thứ nhất, quan hệ với các địa phương của Lào được củng cố.

    Thứ hai, du lịch quốc tế phục hồi mạnh sau đại dịch.

    II. PHƯƠNG HƯỚNG, NHIỆM VỤ

    1- Phát triển du lịch hang động theo hướng bền vững.
    2- Tăng cường hợp tác với các tổ chức quốc tế về bảo tồn.

    ĐÔ THỊ SÔNG NƯỚC VƯƠN RA THẾ GIỚI
    Thành uỷ Cần Thơ

    Cần Thơ giữ vai trò trung tâm của vùng Đồng bằng sông Cửu Long.

    1. Những kết quả nổi bật

    Thành phố đã đăng cai nhiều hội nghị quốc tế về thích ứng biến đổi khí hậu.

    2. Định hướng thời gian tới

    a) Hoàn thiện cơ chế phối hợp trong hoạt động đối ngoại.
    b) Phát triển đội ngũ cán bộ đối ngoại chuyên nghiệp.
"""


def test_a_compilation_of_two_papers() -> None:
    document = segment(COMPILATION)
    assert document.front_matter == []  # the circulation note is furniture
    assert "Tài liệu phục vụ hội nghị, lưu hành nội bộ." in [b.text for b in document.furniture]
    quang_binh, can_tho = document.papers
    assert (quang_binh.province, quang_binh.province_2025) == ("Quảng Bình", "Quảng Trị")
    assert quang_binh.title == "MIỀN ĐẤT DI SẢN CHỦ ĐỘNG MỞ RỘNG QUAN HỆ HỢP TÁC QUỐC TẾ"
    assert quang_binh.author == "Tỉnh ủy Quảng Bình"
    assert (quang_binh.provenance.line_start, quang_binh.provenance.line_end) == (3, 18)
    assert outline(quang_binh) == [
        ("context", None, [""]),
        ("achievements", "I. KẾT QUẢ CÔNG TÁC ĐỐI NGOẠI", ["Thứ nhất", "Thứ hai"]),
        ("tasks", "II. PHƯƠNG HƯỚNG, NHIỆM VỤ", ["1-", "2-"]),
    ]
    assert (can_tho.province, can_tho.province_2025) == ("Cần Thơ", "Cần Thơ")
    assert can_tho.title == "ĐÔ THỊ SÔNG NƯỚC VƯƠN RA THẾ GIỚI"  # names no province
    assert can_tho.author == "Thành uỷ Cần Thơ"
    assert (can_tho.provenance.line_start, can_tho.provenance.line_end) == (20, 32)
    assert outline(can_tho) == [
        ("context", None, [""]),
        ("achievements", "1. Những kết quả nổi bật", [""]),
        ("tasks", "2. Định hướng thời gian tới", ["a)", "b)"]),
    ]


def test_titles_naming_a_province_start_papers_without_author_lines() -> None:
    document = segment(
        """\
        TỈNH HÀ TĨNH VỚI CÔNG TÁC ĐỐI NGOẠI NHÂN DÂN

        Hà Tĩnh duy trì quan hệ hữu nghị truyền thống với các tỉnh Trung Lào.

        Những kết quả chủ yếu

        Các đoàn của tỉnh đã thăm và làm việc tại nhiều địa phương nước bạn.

        THAM LUẬN CỦA TỈNH BẮC KẠN

        Bắc Kạn là tỉnh miền núi, giàu tiềm năng phát triển nông nghiệp sạch.

        Phương hướng thời gian tới

        Tỉnh tập trung kêu gọi đầu tư vào chế biến nông sản.
        """
    )
    assert [(p.province, p.province_2025, p.author) for p in document.papers] == [
        ("Hà Tĩnh", "Hà Tĩnh", None),
        ("Bắc Kạn", "Thái Nguyên", None),
    ]
    assert [s.kind.value for s in document.papers[0].sections] == ["context", "achievements"]
    assert [s.kind.value for s in document.papers[1].sections] == ["context", "tasks"]


def test_a_paper_without_author_line_but_with_section_headings() -> None:
    document = segment(
        """\
        Công tác đối ngoại của tỉnh Bắc Giang trong giai đoạn mới có nhiều chuyển biến.

        Bắc Giang đón nhiều nhà đầu tư lớn, trong khi Bắc Ninh là đối tác gần gũi.

        Khó khăn, thách thức

        Nguồn nhân lực chất lượng cao của Bắc Giang chưa đáp ứng yêu cầu.

        Nhiệm vụ, giải pháp

        - Đẩy mạnh cải cách hành chính.
        - Tăng cường đào tạo ngoại ngữ cho cán bộ.
        """
    )
    paper = only_paper(document)
    assert (paper.province, paper.province_2025) == ("Bắc Giang", "Bắc Ninh")  # most mentioned
    assert paper.title == "" and paper.author is None
    assert outline(paper) == [
        ("context", None, ["", ""]),
        ("challenges", "Khó khăn, thách thức", [""]),
        ("tasks", "Nhiệm vụ, giải pháp", ["-", "-"]),
    ]


# --- heading shapes --------------------------------------------------------------------------

SHAPES = """\
    **THAM LUẬN CỦA TỈNH QUẢNG NINH**

    Tỉnh Quảng Ninh có vị trí chiến lược trong giao thương với các nước Đông Bắc Á.

    Những dấu ấn nổi bật

    Tỉnh đã tổ chức thành công nhiều diễn đàn hợp tác quốc tế về du lịch và logistics.

    Về thời cơ, vận hội

    Việt Nam ngày càng được cộng đồng quốc tế đánh giá cao về môi trường đầu tư.

    Về những vướng mắc:

    Thủ tục hành chính đối với dự án có vốn nước ngoài còn kéo dài.

    **Định hướng thời gian tới**

    Một là, xây dựng hình ảnh địa phương thân thiện, năng động.

    Hai là, phát triển kinh tế cửa khẩu gắn với bảo đảm an ninh biên giới.

    Ba là, nâng cao chất lượng đội ngũ cán bộ làm công tác đối ngoại.

    *** Kiến nghị, đề xuất**

    Đề nghị Bộ Ngoại giao quan tâm hướng dẫn tỉnh triển khai các thỏa thuận quốc tế.
"""


def test_phrase_ve_and_bold_headings() -> None:
    paper = only_paper(segment(SHAPES))
    assert paper.province == "Quảng Ninh"
    assert paper.title == "THAM LUẬN CỦA TỈNH QUẢNG NINH"
    assert outline(paper) == [
        ("context", None, [""]),
        ("achievements", "Những dấu ấn nổi bật", [""]),
        ("opportunities", "Về thời cơ, vận hội", [""]),
        ("challenges", "Về những vướng mắc:", [""]),
        ("tasks", "Định hướng thời gian tới", ["Một là", "Hai là", "Ba là"]),
        ("proposals", "Kiến nghị, đề xuất", [""]),
    ]
    proposals = paper.section(K.PROPOSALS)[0]
    assert proposals.items[0].text.startswith("Đề nghị Bộ Ngoại giao quan tâm")
    assert lines(proposals) == (25, 27)


DECIMAL_AND_RUN_IN = """\
    TỈNH KHÁNH HOÀ VỚI CÔNG TÁC ĐỐI NGOẠI
    Tỉnh ủy Khánh Hoà

    Khánh Hòa là địa phương ven biển Nam Trung Bộ, có nhiều lợi thế về kinh tế biển.

    1. Về kết quả công tác đối ngoại nhiệm kỳ qua, đó là: Tỉnh đã thiết lập quan hệ hữu nghị với nhiều địa phương nước ngoài, tạo nền tảng cho hợp tác lâu dài.

    Thứ nhất, công tác thông tin đối ngoại được đổi mới mạnh mẽ.

    Thứ hai, hợp tác quốc tế về giáo dục và y tế được mở rộng.

    2. Những cơ hội và thách thức

    Về cơ hội:

    Một là, quan hệ đối tác của Việt Nam với các nước lớn tiếp tục được nâng cấp.

    Hai là, các hiệp định thương mại thế hệ mới mở ra thị trường rộng lớn.

    Về khó khăn, thách thức:

    - Cạnh tranh thu hút đầu tư giữa các địa phương ngày càng gay gắt.
    - Biến đổi khí hậu tác động trực tiếp đến vùng ven biển.

    3. Phương hướng, nhiệm vụ

    3.1- Tiếp tục đổi mới tư duy đối ngoại của cán bộ chủ chốt.

    3.2- Huy động nguồn lực quốc tế cho các công trình hạ tầng trọng điểm.

    Nguồn lực này cần được sử dụng hiệu quả, minh bạch.

    Tỉnh ủy Khánh Hòa trân trọng đề nghị Bộ Ngoại giao tiếp tục hỗ trợ tỉnh trong việc kết nối với các cơ quan đại diện Việt Nam ở nước ngoài.

    Có thể nói, công tác đối ngoại đã góp phần quan trọng vào sự phát triển của tỉnh.
"""  # noqa: E501


def test_run_in_compound_decimal_proposal_and_closing() -> None:
    paper = only_paper(segment(DECIMAL_AND_RUN_IN))
    assert (paper.province, paper.author) == ("Khánh Hòa", "Tỉnh ủy Khánh Hoà")
    assert outline(paper) == [
        ("context", None, [""]),
        (
            "achievements",
            "1. Về kết quả công tác đối ngoại nhiệm kỳ qua, đó là:",
            ["Thứ nhất", "Thứ hai"],
        ),
        ("opportunities", "Về cơ hội:", ["Một là", "Hai là"]),
        ("challenges", "Về khó khăn, thách thức:", ["-", "-"]),
        ("tasks", "3. Phương hướng, nhiệm vụ", ["3.1-", "3.2-"]),
        ("proposals", None, [""]),
        ("other", None, [""]),
    ]


def test_run_in_heading_is_split_from_its_paragraph() -> None:
    achievements = only_paper(segment(DECIMAL_AND_RUN_IN)).section(K.ACHIEVEMENTS)[0]
    assert achievements.paragraphs[0].text == (
        "Tỉnh đã thiết lập quan hệ hữu nghị với nhiều địa phương nước ngoài, "
        "tạo nền tảng cho hợp tác lâu dài."
    )
    assert lines(achievements) == (6, 10)


def test_compound_heading_hands_over_to_its_sub_headings() -> None:
    paper = only_paper(segment(DECIMAL_AND_RUN_IN))
    opportunities = paper.section(K.OPPORTUNITIES)[0]
    assert [b.text for b in opportunities.heading_blocks] == [
        "2. Những cơ hội và thách thức",
        "Về cơ hội:",
    ]
    assert lines(opportunities) == (12, 18)
    challenges = paper.section(K.CHALLENGES)[0]
    assert [b.text for b in challenges.heading_blocks] == ["Về khó khăn, thách thức:"]
    assert [i.text for i in challenges.items] == [
        "Cạnh tranh thu hút đầu tư giữa các địa phương ngày càng gay gắt.",
        "Biến đổi khí hậu tác động trực tiếp đến vùng ven biển.",
    ]


def test_multi_paragraph_item_and_labels_apart_from_text() -> None:
    tasks = only_paper(segment(DECIMAL_AND_RUN_IN)).section(K.TASKS)[0]
    first, second = tasks.items
    assert first.text == "Tiếp tục đổi mới tư duy đối ngoại của cán bộ chủ chốt."
    assert second.title == "Huy động nguồn lực quốc tế cho các công trình hạ tầng trọng điểm"
    assert second.text == (
        "Huy động nguồn lực quốc tế cho các công trình hạ tầng trọng điểm.\n"
        "Nguồn lực này cần được sử dụng hiệu quả, minh bạch."
    )
    assert len(second.paragraphs) == 2
    assert (second.provenance.line_start, second.provenance.line_end) == (29, 31)


def test_proposal_phrase_and_closing_remark() -> None:
    paper = only_paper(segment(DECIMAL_AND_RUN_IN))
    [proposals] = paper.section(K.PROPOSALS)
    assert proposals.heading is None
    assert proposals.paragraphs[0].text.startswith(
        "Tỉnh ủy Khánh Hòa trân trọng đề nghị Bộ Ngoại giao"
    )
    [closing] = paper.section(K.OTHER)
    assert closing.text.startswith("Có thể nói, ")
    assert lines(closing) == (35, 35)


def test_decimal_sub_headings_open_their_own_kinds() -> None:
    paper = only_paper(
        segment(
            """\
            TỈNH KIÊN GIANG VỚI KINH TẾ BIỂN
            Tỉnh ủy Kiên Giang

            I. KẾT QUẢ

            Tỉnh đã đón hơn một triệu lượt khách quốc tế đến đảo ngọc.

            II. BỐI CẢNH MỚI

            2.1. Về cơ hội

            Các đường bay quốc tế trực tiếp được mở lại.

            2.2. Về thách thức

            Áp lực bảo vệ môi trường biển ngày càng lớn.

            III. NHIỆM VỤ

            3.1. Phát triển du lịch biển đảo bền vững.

            3.2. Mở rộng hợp tác nghề cá có trách nhiệm.
            """
        )
    )
    assert (paper.province, paper.province_2025) == ("Kiên Giang", "An Giang")
    assert outline(paper) == [
        ("achievements", "I. KẾT QUẢ", [""]),
        ("context", "II. BỐI CẢNH MỚI", []),
        ("opportunities", "2.1. Về cơ hội", [""]),
        ("challenges", "2.2. Về thách thức", [""]),
        ("tasks", "III. NHIỆM VỤ", ["3.1.", "3.2."]),
    ]


OCR_DAMAGED = """\
    THAM LUẬN CỦA TỈNH LẠNG SƠN
    Tỉnh ủy Lạng Sơn

    I. HOẠT ĐỘNG ĐÓI NGOẠI NỔI BẬT

    Tỉnh đã phối hợp tổ chức thành công nhiều hoạt động giao lưu hữu nghị biên giới.

    II. NHỮNG CƠ HỘI VÀ THÁCH THỨ

    Bối cảnh quốc tế mở ra cơ hội lớn cho tỉnh trong việc thu hút đầu tư và phát triển thương mại biên giới.

    Hội nhập sâu rộng tạo điều kiện nâng cao năng lực cạnh tranh của doanh nghiệp.

    Bên cạnh đó, những thách thức về an ninh phi truyền thống ngày càng phức tạp.

    III. PHUONG HUONG, NHIEM VU

    (1) Kiện toàn tổ chức bộ máy làm công tác đối ngoại.

    (2) Nâng cao chất lượng công tác thông tin đối ngoại.

    IV. KẾT LUẬN

    Tỉnh tin tưởng công tác đối ngoại sẽ tiếp tục đạt nhiều kết quả mới.
"""  # noqa: E501


def test_ocr_damaged_headings_and_a_compound_heading_without_sub_headings() -> None:
    paper = only_paper(segment(OCR_DAMAGED))
    assert outline(paper) == [
        ("achievements", "I. HOẠT ĐỘNG ĐÓI NGOẠI NỔI BẬT", [""]),
        ("opportunities", "II. NHỮNG CƠ HỘI VÀ THÁCH THỨ", ["", ""]),
        ("challenges", None, [""]),
        ("tasks", "III. PHUONG HUONG, NHIEM VU", ["(1)", "(2)"]),
        ("other", "IV. KẾT LUẬN", [""]),  # a conclusion: closing remarks
    ]
    opportunities, challenges = paper.section(K.OPPORTUNITIES)[0], paper.section(K.CHALLENGES)[0]
    assert lines(opportunities) == (8, 12)
    assert challenges.paragraphs[0].text.startswith("Bên cạnh đó, những thách thức")
    assert lines(challenges) == (14, 14)


def test_unknown_caps_heading_later_in_a_paper_of_caps_headings_is_other() -> None:
    paper = only_paper(
        segment(
            """\
            TỈNH NINH THUẬN HỘI NHẬP QUỐC TẾ
            Tỉnh ủy Ninh Thuận

            NHỮNG KẾT QUẢ ĐẠT ĐƯỢC

            Tỉnh thu hút nhiều dự án năng lượng tái tạo có vốn nước ngoài.

            PHƯƠNG HƯỚNG THỜI GIAN TỚI

            Tỉnh tiếp tục cải thiện môi trường đầu tư, kinh doanh.

            KẾT LUẬN

            Với quyết tâm cao, tỉnh sẽ hoàn thành các mục tiêu đối ngoại đã đề ra.
            """
        )
    )
    assert (paper.province, paper.province_2025) == ("Ninh Thuận", "Khánh Hòa")
    assert outline(paper) == [
        ("achievements", "NHỮNG KẾT QUẢ ĐẠT ĐƯỢC", [""]),
        ("tasks", "PHƯƠNG HƯỚNG THỜI GIAN TỚI", [""]),
        ("other", "KẾT LUẬN", [""]),
    ]


def test_unknown_heading_at_the_start_is_context() -> None:
    paper = only_paper(
        segment(
            """\
            TỈNH PHÚ YÊN VỚI HỘI NHẬP
            Tỉnh ủy Phú Yên

            I. VÀI NÉT VỀ TỈNH

            Phú Yên có bờ biển đẹp và nhiều đầm vịnh.

            II. KẾT QUẢ ĐẠT ĐƯỢC

            Tỉnh đã đón nhiều đoàn nhà đầu tư đến tìm hiểu cơ hội.
            """
        )
    )
    assert outline(paper) == [
        ("context", "I. VÀI NÉT VỀ TỈNH", [""]),
        ("achievements", "II. KẾT QUẢ ĐẠT ĐƯỢC", [""]),
    ]
    assert paper.province_2025 == "Đắk Lắk"


def test_unnumbered_conclusion_after_roman_headings_is_other() -> None:
    text = OCR_DAMAGED.replace("IV. KẾT LUẬN", "KẾT LUẬN")
    paper = only_paper(segment(text))
    assert [s.kind.value for s in paper.sections][-2:] == ["tasks", "other"]
    assert paper.section(K.OTHER)[0].heading == "KẾT LUẬN"


# --- opening phrases, leads and closing remarks -----------------------------------------------

OPENING_PHRASES = """\
    TỈNH TRÀ VINH HỘI NHẬP QUỐC TẾ
    Tỉnh ủy Trà Vinh

    1. Kết quả đạt được

    Tỉnh đã mở rộng quan hệ với nhiều đối tác tại châu Á và châu Âu.

    Tuy nhiên, bên cạnh những kết quả đạt được, công tác đối ngoại của tỉnh vẫn còn tồn tại một số hạn chế nhất định cần sớm được khắc phục, đó là:

    - Hiệu quả thu hút vốn viện trợ phi chính phủ chưa cao.
    - Đội ngũ cán bộ đối ngoại còn thiếu kinh nghiệm.

    2. Phương hướng thời gian tới

    Tỉnh tập trung thực hiện tốt các nhiệm vụ đối ngoại đã đề ra.

    Nhân dịp này, Tỉnh ủy Trà Vinh trân trọng đề nghị Bộ Ngoại giao hỗ trợ tỉnh tổ chức các hoạt động xúc tiến tại nước ngoài.
"""  # noqa: E501


def test_limitations_after_tuy_nhien_and_a_proposal_paragraph() -> None:
    paper = only_paper(segment(OPENING_PHRASES))
    assert (paper.province, paper.province_2025) == ("Trà Vinh", "Vĩnh Long")
    assert outline(paper) == [
        ("achievements", "1. Kết quả đạt được", [""]),
        ("challenges", None, ["-", "-"]),
        ("tasks", "2. Phương hướng thời gian tới", [""]),
        ("proposals", None, [""]),
    ]
    challenges = paper.section(K.CHALLENGES)[0]
    assert challenges.paragraphs[0].text.startswith("Tuy nhiên, bên cạnh những kết quả")
    assert [i.title for i in challenges.items] == [
        "Hiệu quả thu hút vốn viện trợ phi chính phủ chưa cao",
        "Đội ngũ cán bộ đối ngoại còn thiếu kinh nghiệm",
    ]
    assert lines(challenges) == (8, 11)
    assert lines(paper.section(K.PROPOSALS)[0]) == (17, 17)


def test_a_short_tuy_nhien_line_over_bullets_also_opens_challenges() -> None:
    paper = only_paper(
        segment(
            """\
            TỈNH CÀ MAU VƯƠN RA BIỂN LỚN
            Tỉnh ủy Cà Mau

            I. KẾT QUẢ

            Tỉnh xuất khẩu thủy sản sang hơn bốn mươi thị trường.

            Tuy nhiên, tỉnh còn một số hạn chế:

            - Hạ tầng logistics chưa đồng bộ.
            - Chất lượng nguồn nhân lực còn thấp.

            II. NHIỆM VỤ THỜI GIAN TỚI

            Tỉnh ưu tiên phát triển kinh tế biển xanh.
            """
        )
    )
    kinds = [(s.kind.value, [i.label for i in s.items]) for s in paper.sections]
    assert kinds == [("achievements", [""]), ("challenges", ["-", "-"]), ("tasks", [""])]
    challenges = paper.section(K.CHALLENGES)[0]
    # short enough to read as a phrase heading; either way it belongs to the challenges
    assert "Tuy nhiên, tỉnh còn một số hạn chế:" in [
        b.text for b in challenges.heading_blocks + challenges.paragraphs
    ]


ENUMERATIONS = """\
    BÁO CÁO THAM LUẬN
    Tỉnh ủy Hà Giang

    I. KHÁI QUÁT CHUNG

    Hà Giang là tỉnh vùng cao biên giới, nơi sinh sống của nhiều dân tộc anh em.

    Trong nhiệm kỳ vừa qua, được sự quan tâm của Trung ương, công tác đối ngoại của tỉnh đã đạt được nhiều kết quả đáng khích lệ, cụ thể như sau:

    • Quan hệ hữu nghị với các địa phương giáp biên được củng cố.
    • Công tác bảo hộ công dân được thực hiện kịp thời.

    II. CÔNG TÁC TRỌNG TÂM

    1. Nhiệm vụ chung

    Tiếp tục quán triệt sâu sắc đường lối đối ngoại của Đảng.

    2. Nhiệm vụ cụ thể

    a) Đẩy mạnh xúc tiến đầu tư vào nông nghiệp công nghệ cao.

    b) Phát triển du lịch cộng đồng gắn với bảo tồn văn hóa.

    + Xây dựng sản phẩm du lịch đặc trưng của vùng cao.

    + Quảng bá hình ảnh địa phương tại các hội chợ quốc tế.

    c) Nâng cao hiệu quả quản lý đoàn ra, đoàn vào.

    Tỉnh sẽ tiếp tục phát huy truyền thống đoàn kết để hoàn thành thắng lợi các nhiệm vụ.
"""  # noqa: E501


def test_lead_paragraph_sub_heading_kind_and_nested_items() -> None:
    paper = only_paper(segment(ENUMERATIONS))
    assert (paper.province, paper.province_2025, paper.title) == (
        "Hà Giang",
        "Tuyên Quang",
        "BÁO CÁO THAM LUẬN",
    )
    assert outline(paper) == [
        ("context", "I. KHÁI QUÁT CHUNG", [""]),
        ("achievements", None, ["•", "•"]),  # opened by the lead paragraph's cue "kết quả"
        ("tasks", "II. CÔNG TÁC TRỌNG TÂM", ["1.", "a)", "b)", "c)"]),  # kind from "Nhiệm vụ"
        ("other", None, [""]),
    ]
    tasks = paper.section(K.TASKS)[0]
    first, _, second, _ = tasks.items
    assert first.title == "Nhiệm vụ chung"
    assert first.text == "Nhiệm vụ chung\nTiếp tục quán triệt sâu sắc đường lối đối ngoại của Đảng."
    assert second.text == (
        "Phát triển du lịch cộng đồng gắn với bảo tồn văn hóa.\n"
        "+ Xây dựng sản phẩm du lịch đặc trưng của vùng cao.\n"
        "+ Quảng bá hình ảnh địa phương tại các hội chợ quốc tế."
    )
    assert (second.provenance.line_start, second.provenance.line_end) == (23, 27)


def test_paragraph_trailing_one_paragraph_items_is_a_closing_remark() -> None:
    paper = only_paper(segment(ENUMERATIONS))
    closing = paper.sections[-1]
    assert closing.kind == K.OTHER
    assert closing.text == (
        "Tỉnh sẽ tiếp tục phát huy truyền thống đoàn kết để hoàn thành thắng lợi các nhiệm vụ."
    )
    assert lines(closing) == (31, 31)


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["Thứ nhất,", "Thứ hai,", "Thứ ba,"], ["Thứ nhất", "Thứ hai", "Thứ ba"]),
        (["Một là,", "Hai là,", "Ba là,"], ["Một là", "Hai là", "Ba là"]),
        (["1-", "2-", "3-"], ["1-", "2-", "3-"]),
        (["1)", "2)", "3)"], ["1)", "2)", "3)"]),
        (["3.1.", "3.2.", "3.3."], ["3.1.", "3.2.", "3.3."]),
        (["a)", "b)", "c)"], ["a)", "b)", "c)"]),
        (["(1)", "(2)", "(3)"], ["(1)", "(2)", "(3)"]),
        (["-", "-", "-"], ["-", "-", "-"]),
        (["+", "+", "+"], ["+", "+", "+"]),
        (["•", "•", "•"], ["•", "•", "•"]),
    ],
)
def test_items_of_every_label_style_with_several_paragraphs(
    labels: list[str], expected: list[str]
) -> None:
    points = [
        ("mở rộng hợp tác với các địa phương kết nghĩa.", "Tỉnh ký mới hai biên bản ghi nhớ."),
        ("nâng cao hiệu quả thông tin đối ngoại.", "Cổng thông tin điện tử có thêm bản tiếng Anh."),
        ("chủ động hội nhập kinh tế quốc tế.", "Doanh nghiệp được hỗ trợ tham gia hội chợ."),
    ]
    body = "\n\n".join(
        f"{label} {first}\n\n{second}"
        for label, (first, second) in zip(labels, points, strict=True)
    )
    text = f"TỈNH SƠN LA PHÁT TRIỂN\nTỉnh ủy Sơn La\n\nIII. NHIỆM VỤ THỜI GIAN TỚI\n\n{body}\n"
    paper = only_paper(segment(text))
    [tasks] = paper.sections
    assert (tasks.kind, tasks.heading) == (K.TASKS, "III. NHIỆM VỤ THỜI GIAN TỚI")
    assert [i.label for i in tasks.items] == expected
    assert [i.text for i in tasks.items] == [f"{first}\n{second}" for first, second in points]
    assert [(i.provenance.line_start, i.provenance.line_end) for i in tasks.items] == [
        (6, 8),
        (10, 12),
        (14, 16),
    ]


def test_sub_heading_with_a_cue_of_another_kind_opens_a_section() -> None:
    paper = only_paper(segment(EVALUATION))
    assert paper.province_2025 == "Đồng Tháp"
    assert outline(paper) == [
        ("achievements", "I. ĐÁNH GIÁ CHUNG", ["1."]),  # "Kết quả" is no specific kind
        ("challenges", "2. Hạn chế, tồn tại", [""]),
        ("tasks", "II. NHIỆM VỤ", [""]),
    ]
    achievements = paper.section(K.ACHIEVEMENTS)[0]
    assert achievements.items[0].text == (
        "Kết quả\nTỉnh xuất khẩu gạo và trái cây sang nhiều thị trường khó tính."
    )


EVALUATION = """\
    TỈNH ĐỒNG THÁP CHỦ ĐỘNG HỘI NHẬP
    Tỉnh ủy Đồng Tháp

    I. ĐÁNH GIÁ CHUNG

    1. Kết quả

    Tỉnh xuất khẩu gạo và trái cây sang nhiều thị trường khó tính.

    2. Hạn chế, tồn tại

    Quy mô doanh nghiệp xuất khẩu còn nhỏ.

    II. NHIỆM VỤ

    Tỉnh tiếp tục hỗ trợ doanh nghiệp tiếp cận thị trường mới.
"""


def test_results_and_limitations_heading_hands_over_to_its_sub_headings() -> None:
    text = EVALUATION.replace("I. ĐÁNH GIÁ CHUNG", "I. KẾT QUẢ VÀ HẠN CHẾ").replace(
        "2. Hạn chế, tồn tại", "2. Hạn chế"
    )
    paper = only_paper(segment(text))
    assert [s.kind.value for s in paper.sections] == ["achievements", "challenges", "tasks"]


def test_a_signature_line_is_not_dropped() -> None:
    segment(
        """\
        TỈNH CAO BẰNG MỞ RỘNG HỢP TÁC
        Tỉnh ủy Cao Bằng

        I. KẾT QUẢ

        Tỉnh đã ký kết nhiều thỏa thuận hợp tác với các địa phương giáp biên.

        II. NHIỆM VỤ

        Tỉnh tiếp tục đẩy mạnh hợp tác kinh tế cửa khẩu.

        TỈNH ỦY CAO BẰNG
        """
    )


# --- news articles ---------------------------------------------------------------------------

NEWS = """\
    Các địa phương đẩy mạnh hội nhập quốc tế

    Năm qua, công tác đối ngoại địa phương tiếp tục được triển khai sôi động trên cả nước.

    Tỉnh Nghệ An đã ký kết thỏa thuận hợp tác với hai địa phương của Lào.

    Đồng thời, tỉnh đã tổ chức tuần lễ văn hóa tại nước bạn.

    Thành phố Hải Phòng đã thu hút thêm nhiều dự án công nghiệp công nghệ cao.

    Hội nghị tổng kết được tổ chức tại Hà Nội với sự tham dự của đại diện nhiều bộ, ngành.

    Bộ Ngoại giao cam kết tiếp tục đồng hành với các địa phương.
"""


def test_news_article_gives_one_paper_per_province_and_a_general_part() -> None:
    document = segment(NEWS)  # conserved once put back in source order
    assert document.genre.value in ("news", "other")
    assert [(p.province, p.province_2025) for p in document.papers] == [
        (None, None),
        ("Nghệ An", "Nghệ An"),
        ("Hải Phòng", "Hải Phòng"),
    ]
    general, nghe_an, hai_phong = document.papers
    assert [p.title for p in document.papers] == [
        "Các địa phương đẩy mạnh hội nhập quốc tế",
        "",
        "",
    ]
    # The venue ("tại Hà Nội") and the ministry's paragraph stay in the general part.
    assert [b.provenance.line_start for s in general.sections for b in s.paragraphs] == [3, 11, 13]
    assert [(s.kind.value, len(s.items)) for s in nghe_an.sections] == [("achievements", 2)]
    # the anaphoric "Đồng thời, tỉnh …" stays with the province named just before
    assert [b.provenance.line_start for b in nghe_an.sections[0].paragraphs] == [5, 7]
    assert [b.provenance.line_start for b in hai_phong.sections[0].paragraphs] == [9]
    assert {s.kind_from.value for p in document.papers for s in p.sections} == {"wording"}
    assert "no section headings: kinds come from the wording" in document.warnings


def test_a_venue_does_not_make_a_paper() -> None:
    document = segment(
        """\
        Hội nghị đối ngoại toàn quốc được tổ chức tại Hà Nội trong hai ngày.

        Các đại biểu đã thảo luận về định hướng hội nhập quốc tế trong tình hình mới.
        """
    )
    paper = only_paper(document)
    assert paper.province is None
    assert [s.kind.value for s in paper.sections] == ["context"]
    assert "tổ chức tại Hà Nội" in paper.sections[0].text


def test_a_news_paragraph_without_venue_still_names_ha_noi() -> None:
    document = segment("Thành phố Hà Nội đã ký kết thỏa thuận hợp tác với thủ đô của Lào.\n")
    assert [p.province for p in document.papers] == ["Hà Nội"]


# --- footnotes, furniture and continuations inside a paper ------------------------------------


def test_footnotes_furniture_and_split_paragraphs_inside_a_paper() -> None:
    document = segment(
        """\
        TỈNH AN GIANG VỚI HỢP TÁC BIÊN GIỚI
        Tỉnh ủy An Giang

        I. KẾT QUẢ NỔI BẬT

        Tỉnh duy trì cơ chế hội đàm định kỳ với các tỉnh giáp biên⁽¹⁾ và mở rộng

        ⁽¹⁾ Gồm các tỉnh Ta Keo và Kandal của Campuchia.

        hợp tác trong lĩnh vực nông nghiệp, y tế.

        * * *

        II. NHIỆM VỤ

        Tỉnh đẩy mạnh phát triển kinh tế cửa khẩu.
        """
    )
    paper = only_paper(document)
    assert [(f.text, f.footnote_refs) for f in document.footnotes] == [
        ("Gồm các tỉnh Ta Keo và Kandal của Campuchia.", ("1",)),
    ]
    assert [f.provenance.line_start for f in document.furniture] == [12]
    [achievements, tasks] = paper.sections
    [joined] = achievements.paragraphs
    assert joined.text == (
        "Tỉnh duy trì cơ chế hội đàm định kỳ với các tỉnh giáp biên và mở rộng "
        "hợp tác trong lĩnh vực nông nghiệp, y tế."
    )
    assert (joined.provenance.line_start, joined.provenance.line_end) == (6, 10)
    assert joined.footnote_refs == ("1",)
    assert tasks.kind == K.TASKS


def test_a_title_over_several_word_paragraphs_is_not_taken_for_an_author_line() -> None:
    from compiler.model import Block, Provenance

    lines = [
        "THÀNH PHỐ HẢI PHÒNG",
        "MỞ RỘNG HỢP TÁC QUỐC TẾ",
        "CƠ HỘI VÀ THÁCH THỨC",
        "Thành ủy Hải Phòng",
        "Phương hướng, nhiệm vụ",
        "Thứ nhất, phát triển cảng biển gắn với hợp tác quốc tế.",
        "Thứ hai, đào tạo cán bộ làm công tác đối ngoại.",
    ]
    blocks = [
        Block(text, Provenance("x.docx", paragraph_start=n, paragraph_end=n))
        for n, text in enumerate(lines, 1)
    ]
    document = build_document("x.docx", "docx", blocks)
    (paper,) = document.papers
    assert paper.province == "Hải Phòng" and paper.author == "Thành ủy Hải Phòng"
    assert paper.title == "THÀNH PHỐ HẢI PHÒNG MỞ RỘNG HỢP TÁC QUỐC TẾ CƠ HỘI VÀ THÁCH THỨC"
    assert [i.label for i in paper.items(K.TASKS)] == ["Thứ nhất", "Thứ hai"]
