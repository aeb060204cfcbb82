"""Reading what is not a headed paper: furniture, genre, whose text it is, kinds from wording.

The pieces are written for these tests (other provinces and wording than the reading test
documents in tests/reading); each test checks one rule of compiler/segment/{furniture,
genre, owners, prose, pieces}.py, and every piece is conserved (tests.conservation).
"""

from __future__ import annotations

import pytest

from compiler.model import Genre, SectionKind
from compiler.segment.furniture import is_byline, is_furniture_line
from compiler.segment.owners import mentions
from tests.test_segment import segment

K = SectionKind


@pytest.mark.parametrize(
    "line",
    [
        "Chia sẻ | Gửi bài | In bài",
        "Trang chủ » Thời sự » Đối ngoại địa phương",
        "Chia sẻ Facebook Zalo",
        "Thứ Sáu, 06/09/2024 - 14:05 (GMT+7)",
        "Cập nhật lúc 08:30 ngày 12/05/2023",
        "Báo Đối ngoại điện tử - 14/03/2022 09:15",
        "Đoàn công tác làm việc với lãnh đạo thành phố Osaka. (Ảnh: Minh Khôi)",
        "Quang cảnh buổi tiếp đoàn doanh nghiệp Hà Lan tại trụ sở UBND tỉnh.",
        "Tin liên quan",
        "Theo dõi Báo Điện tử trên Google News",
        "Quảng cáo",
        "© Bản quyền thuộc về Báo Điện tử Đối ngoại",
        "Kính thưa đồng chí Thứ trưởng, thưa các vị đại biểu!",
        "Xin trân trọng cảm ơn!",
        "Xin cảm ơn bà về cuộc trao đổi!",
        "Chúc các đồng chí sức khỏe, chúc Hội nghị thành công tốt đẹp.",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 318/BC-UBND",
        "Sơn La, ngày 02 tháng 12 năm 2024",
        "Nơi nhận:",
        "Tài liệu phục vụ Hội nghị, lưu hành nội bộ",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Năm 2024, tỉnh đón 46 đoàn khách quốc tế, tăng 15% so với năm trước.",
        "Thưa các đồng chí, năm qua tỉnh Sơn La đã ký 7 thỏa thuận hợp tác với các tỉnh Bắc Lào.",
        "Chúng tôi cảm ơn Bộ Ngoại giao đã hỗ trợ tỉnh mở 2 đường bay thẳng tới Hàn Quốc.",
        "Về hợp tác với các địa phương của Lào:",
        "Kết quả đạt được",
        "Tỉnh Sơn La / Điện Biên",
    ],
)
def test_content_is_not_furniture(line: str) -> None:
    assert not is_furniture_line(line)


def test_bylines_are_bare_names_not_provinces() -> None:
    assert is_byline("Thu Trang")
    assert is_byline("Nguyễn Minh Quân - TTXVN")
    assert not is_byline("Điện Biên")  # a province heading its block
    assert not is_byline("Kết quả nổi bật")


def subjects(text: str) -> list[tuple[str, bool]]:
    return [(m.province.name, m.subject) for m in mentions(text)]


def test_passing_mentions_are_not_subjects() -> None:
    assert subjects("Hội nghị được tổ chức tại Hà Nội với sự tham dự của nhiều bộ, ngành.") == [
        ("Hà Nội", False)
    ]
    assert subjects("Tỉnh Cao Bằng cùng với Lạng Sơn, Hà Giang phối hợp quản lý biên giới.") == [
        ("Cao Bằng", True),
        ("Lạng Sơn", False),
        ("Hà Giang", False),
    ]
    assert subjects("Kim ngạch qua cửa khẩu Lào Cai tăng mạnh trong quý III.") == [
        ("Lào Cai", False)
    ]
    assert subjects("Lễ ký kết diễn ra tại thành phố Vinh (Nghệ An) sáng 5/7.") == [
        ("Nghệ An", False)
    ]
    assert subjects("Khu vực tỉnh Bình Phước cũ đã thu hút thêm 12 dự án.") == [
        ("Bình Phước", False)
    ]


def test_subjects_open_paragraphs_or_clauses() -> None:
    assert subjects("Đối với Hậu Giang, tỉnh tập trung vào nông nghiệp công nghệ cao.")[0] == (
        "Hậu Giang",
        True,
    )
    long_opening = (
        "Nhằm mở rộng thị trường cho nông sản chủ lực và thu hút đầu tư chất lượng cao, "
        "tỉnh Tiền Giang đã tổ chức ba đoàn xúc tiến."
    )
    assert subjects(long_opening) == [("Tiền Giang", True)]


INTERVIEW = """\
Giám đốc Sở Ngoại vụ Hà Giang: Biên giới hòa bình là nền tảng để phát triển

Nhân dịp đầu xuân, phóng viên đã có cuộc trao đổi với ông Lục Văn Tâm, Giám đốc Sở Ngoại vụ tỉnh Hà Giang.

PV: Xin ông cho biết những kết quả nổi bật trong công tác đối ngoại của tỉnh năm qua?

Ông Lục Văn Tâm: Năm 2023, tỉnh đã đón 35 đoàn khách quốc tế và ký 4 văn bản hợp tác với tỉnh Vân Nam.

Tỉnh cũng đã phối hợp với Lào Cai, Cao Bằng tổ chức giao lưu hữu nghị biên giới.

PV: Trong năm tới, tỉnh sẽ tập trung vào những nhiệm vụ gì?

Ông Lục Văn Tâm: Tỉnh sẽ tiếp tục hoàn thiện hạ tầng cửa khẩu Thanh Thủy và đẩy mạnh xúc tiến du lịch.

PV: Tỉnh có kiến nghị gì với Bộ Ngoại giao?

Ông Lục Văn Tâm: Chúng tôi đề nghị Bộ Ngoại giao hỗ trợ tỉnh tổ chức hội nghị xúc tiến đầu tư tại Hàn Quốc.

PV: Xin cảm ơn ông!
"""  # noqa: E501


def test_an_interview_belongs_to_its_province_and_questions_head_sections() -> None:
    document = segment(INTERVIEW)
    assert document.genre == Genre.INTERVIEW
    assert [p.province for p in document.papers] == ["Hà Giang"]  # neighbours pass by
    paper = document.papers[0]
    assert paper.title.startswith("Giám đốc Sở Ngoại vụ Hà Giang")
    asked = [s for s in paper.sections if s.kind_from.value == "question"]
    assert [s.kind for s in asked] == [K.ACHIEVEMENTS, K.TASKS, K.PROPOSALS]
    assert all(s.heading and s.heading.startswith("PV:") for s in asked)
    assert "PV: Xin cảm ơn ông!" in [b.text for b in document.furniture]


NEWS = """\
Các tỉnh Tây Bắc bàn giải pháp đẩy mạnh đối ngoại địa phương

Ngày 14/10, tại Sơn La, Bộ Ngoại giao phối hợp với các tỉnh Tây Bắc tổ chức hội nghị đối ngoại khu vực.

Lai Châu: mở rộng hợp tác với Vân Nam

Năm qua, tỉnh Lai Châu đã đón 20 đoàn khách Trung Quốc và khai trương lối mở biên giới mới.

Tỉnh kiến nghị Bộ Ngoại giao sớm hỗ trợ nâng cấp cửa khẩu Ma Lù Thàng lên cửa khẩu quốc tế.

Điện Biên: khai thác lợi thế hành lang kinh tế

Phát biểu tại hội nghị, ông Vừ A Bằng, Phó Chủ tịch UBND tỉnh Điện Biên cho biết tỉnh đã ký 3 thỏa thuận với các tỉnh Bắc Lào.

Thời gian tới, tỉnh sẽ tập trung hoàn thiện hạ tầng cửa khẩu Tây Trang.

Phát biểu kết luận, Thứ trưởng Bộ Ngoại giao ghi nhận kết quả và đề nghị các địa phương tăng cường phối hợp:

Một là, nâng cao chất lượng công tác thông tin đối ngoại.

Hai là, chủ động xây dựng kế hoạch ngoại giao kinh tế sát thực tế.

Ba là, quan tâm đào tạo đội ngũ cán bộ đối ngoại.

Minh Hà
"""  # noqa: E501


def test_a_news_report_gives_each_province_its_block() -> None:
    document = segment(NEWS)
    assert document.genre == Genre.NEWS
    assert [p.province for p in document.papers] == [None, "Lai Châu", "Điện Biên"]
    general, lai_chau, dien_bien = document.papers
    assert general.title.startswith("Các tỉnh Tây Bắc")
    # The subheading opens the province's block and belongs to it.
    assert lai_chau.sections[0].heading == "Lai Châu: mở rộng hợp tác với Vân Nam"
    assert [s.kind for s in lai_chau.sections] == [K.ACHIEVEMENTS, K.PROPOSALS]
    assert [s.kind for s in dien_bien.sections] == [K.ACHIEVEMENTS, K.TASKS]
    # The ministry's conclusion and its list ("Một là … Ba là") stay together, in the
    # general part.
    listed = [i.label for s in general.sections for i in s.items if i.label]
    assert listed == ["Một là", "Hai là", "Ba là"]
    assert "Minh Hà" in [b.text for b in document.furniture]  # the byline


SPEECH = """\
Kính thưa đồng chí Thứ trưởng Bộ Ngoại giao, thưa các đồng chí đại biểu!

Thay mặt lãnh đạo tỉnh Ninh Thuận, tôi xin gửi tới các đồng chí lời chào trân trọng.

Ninh Thuận là tỉnh ven biển Nam Trung Bộ, có tiềm năng lớn về năng lượng tái tạo.

Năm 2023, tỉnh đã thu hút 5 dự án điện gió có vốn đầu tư nước ngoài, tổng vốn hơn 800 triệu USD.

Tuy nhiên, hạ tầng truyền tải điện còn hạn chế, nhiều dự án chậm tiến độ.

Trong thời gian tới, tỉnh sẽ tiếp tục cải thiện môi trường đầu tư, đẩy mạnh xúc tiến tại châu Âu.

Tỉnh kính đề nghị Bộ Ngoại giao giới thiệu tỉnh với các tập đoàn năng lượng của Đan Mạch.

Xin trân trọng cảm ơn!
"""


def test_a_speech_reads_kinds_from_its_wording() -> None:
    document = segment(SPEECH)
    assert document.genre == Genre.SPEECH
    paper = document.papers[0]
    assert paper.province == "Ninh Thuận"
    kinds = [s.kind for s in paper.sections]
    assert kinds == [K.CONTEXT, K.ACHIEVEMENTS, K.CHALLENGES, K.TASKS, K.PROPOSALS]
    assert {s.kind_from.value for s in paper.sections} == {"wording"}
    furniture = [b.text for b in document.furniture]
    assert furniture[0].startswith("Kính thưa") and furniture[-1] == "Xin trân trọng cảm ơn!"
    assert any(t.startswith("Thay mặt lãnh đạo tỉnh Ninh Thuận") for t in furniture)


def test_a_ministry_speech_cites_provinces_without_giving_them_paragraphs() -> None:
    document = segment(
        """\
        Kính thưa các đồng chí!

        Thay mặt lãnh đạo Bộ Ngoại giao, tôi nhiệt liệt chào mừng các đồng chí về dự hội nghị.

        Năm qua, nhiều địa phương có cách làm hay. Tỉnh Quảng Ninh đã tổ chức thành công hội nghị xúc tiến đầu tư tại Nhật Bản.

        Tỉnh Bến Tre đã vận động được nhiều dự án viện trợ phi chính phủ.

        Thời gian tới, Bộ sẽ tiếp tục đồng hành với các địa phương trong ngoại giao kinh tế.
        """  # noqa: E501
    )
    assert document.genre == Genre.SPEECH
    assert [p.province for p in document.papers] == [None]


def test_export_records_genre_and_kind_basis_and_warns_on_stderr(tmp_path) -> None:
    from json import loads

    from tests.test_cli import run_cli

    path = tmp_path / "phong-van.txt"
    path.write_text(INTERVIEW, encoding="utf-8")
    result = run_cli("export", path)
    data = loads(result.stdout)  # stdout is pure JSON: warnings never mix into it
    document = data["documents"][0]
    assert document["genre"] == "interview"
    kinds_from = {s["kind_from"] for p in document["papers"] for s in p["sections"]}
    assert kinds_from <= {"question", "wording"} and "question" in kinds_from
    assert f"{path}: warning: no section headings: kinds come from the wording" in result.stderr


def test_compare_says_when_a_requested_section_is_missing(tmp_path) -> None:
    from tests.test_cli import run_cli

    path = tmp_path / "tin.txt"
    path.write_text(NEWS, encoding="utf-8")
    result = run_cli("compare", path, "-l", "Lai Châu", "-r", "Điện Biên", "-s", "proposals")
    assert f"{path}: warning: Điện Biên has no proposals section" in result.stderr


# --- damaged structure ----------------------------------------------------------------------


def test_ocr_damaged_labels_and_headings_run_together() -> None:
    document = segment(
        """\
        TỈNH TUYÊN QUANG MỞ RỘNG HỢP TÁC QUỐC TẾ
        Tỉnh ủy Tuyên Quang

        l. KẾT QUẢ NỔI BẬT

        Tỉnh đã ký 4 thỏa thuận hợp tác với các địa phương của Lào và Hàn Quốc.

        ll. KHÓ KHĂN, HẠN CHẾ 1 . Về nguồn lực

        Kinh phí dành cho hoạt động đối ngoại của tỉnh còn rất hạn chế.

        lll. NHIỆM VỤ THỜI GIAN TỚI

        a} Tăng cường xúc tiến đầu tư tại Nhật Bản.

        b} Nâng cao năng lực đội ngũ cán bộ đối ngoại.
        """
    )
    paper = document.papers[0]
    assert [(s.kind.value, s.heading) for s in paper.sections] == [
        ("achievements", "l. KẾT QUẢ NỔI BẬT"),
        ("challenges", "ll. KHÓ KHĂN, HẠN CHẾ"),
        ("tasks", "lll. NHIỆM VỤ THỜI GIAN TỚI"),
    ]
    challenges = paper.sections[1]
    assert "1 . Về nguồn lực" in [b.text for b in challenges.paragraphs]  # split from its parent
    assert [i.label for i in paper.sections[2].items] == ["a}", "b}"]


def test_word_numbered_headings_keep_their_labels(tmp_path) -> None:
    import docx

    from compiler.ingest import load_document
    from tests.docx_builder import add_numbering, set_numbering

    document = docx.Document()
    document.add_paragraph("TỈNH HÀ NAM VỚI CÔNG TÁC ĐỐI NGOẠI", style="Title")
    document.add_paragraph("Tỉnh ủy Hà Nam")
    roman = add_numbering(document, [("upperRoman", "%1.")])
    for heading, body in (
        ("KẾT QUẢ ĐẠT ĐƯỢC", "Tỉnh đã đón 30 đoàn khách quốc tế trong năm 2023."),
        ("PHƯƠNG HƯỚNG, NHIỆM VỤ", "Tỉnh sẽ đẩy mạnh xúc tiến đầu tư tại Nhật Bản."),
    ):
        set_numbering(document.add_paragraph(heading, style="Heading 1"), roman)
        document.add_paragraph(body)
    path = tmp_path / "ha-nam.docx"
    document.save(str(path))
    paper = load_document(path).papers[0]
    assert [(s.kind.value, s.heading) for s in paper.sections] == [
        ("achievements", "I. KẾT QUẢ ĐẠT ĐƯỢC"),
        ("tasks", "II. PHƯƠNG HƯỚNG, NHIỆM VỤ"),
    ]


def test_a_report_without_author_line_is_by_its_issuer() -> None:
    document = segment(
        """\
        UBND TỈNH LAI CHÂU

        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

        Độc lập - Tự do - Hạnh phúc

        Số: 77/BC-UBND

        BÁO CÁO

        Kết quả công tác đối ngoại 6 tháng đầu năm 2024

        Điện Biên và Lào Cai cùng tỉnh tổ chức giao lưu hữu nghị biên giới trong quý I.

        Trong 6 tháng, tỉnh đã đón 14 đoàn khách quốc tế và ký 2 văn bản hợp tác với Vân Nam.

        Tuy nhiên, hạ tầng cửa khẩu còn hạn chế, kinh phí cho hoạt động đối ngoại chưa đáp ứng.

        6 tháng cuối năm, tỉnh sẽ tập trung nâng cấp cửa khẩu Ma Lù Thàng.
        """
    )
    assert [p.province for p in document.papers] == ["Lai Châu"]
    assert document.papers[0].title == "BÁO CÁO Kết quả công tác đối ngoại 6 tháng đầu năm 2024"


def test_a_signed_press_release_is_not_a_paper_start() -> None:
    document = segment(
        """\
        Năm 2024, tỉnh Trà Vinh đã đón 18 đoàn khách quốc tế và vận động được 12 dự án viện trợ.

        Thời gian tới, tỉnh sẽ tiếp tục mở rộng hợp tác với các địa phương của Hàn Quốc.

        Sở Ngoại vụ tỉnh Trà Vinh

        Trà Vinh, ngày 15 tháng 12 năm 2024
        """
    )
    assert document.front_matter == []
    assert [p.province for p in document.papers] == ["Trà Vinh"]
    assert [s.kind for s in document.papers[0].sections] == [K.ACHIEVEMENTS, K.TASKS]
    assert "Sở Ngoại vụ tỉnh Trà Vinh" in [b.text for b in document.furniture]
