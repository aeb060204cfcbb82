"""One paper, three files: plain text, DOCX with Word heading styles, DOCX with bold headings.

The same content must give the same structure whatever the format: provinces, section
kinds, headings, item labels and item texts, footnotes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_builder import build_docx

from compiler.ingest import load_document
from compiler.model import Document
from compiler.readers import read_blocks
from tests.conservation import first_difference

FIXTURE = Path(__file__).parent / "fixtures" / "papers" / "binh-dinh.txt"

# The fixture as Word paragraphs: list paragraphs carry Word numbering instead of typed labels.
OUTLINE = [
    ("title", "TỈNH BÌNH ĐỊNH CHỦ ĐỘNG HỘI NHẬP QUỐC TẾ"),
    ("body", "Tỉnh ủy Bình Định"),
    (
        "body",
        "Bình Định là cửa ngõ ra biển của vùng Tây Nguyên, có cảng biển nước sâu và "
        "nhiều di tích lịch sử.",
    ),
    ("heading1", "I. KẾT QUẢ CÔNG TÁC ĐỐI NGOẠI"),
    ("body", "Thứ nhất, quan hệ hợp tác với các địa phương nước ngoài được mở rộng."),
    ("body", "Tỉnh đã ký mới bốn thỏa thuận hợp tác cấp tỉnh với các đối tác châu Á."),
    ("footnote", "Số liệu do Sở Ngoại vụ tổng hợp đến hết năm 2023."),
    ("body", "Thứ hai, công tác thông tin đối ngoại có nhiều đổi mới."),
    ("body", "Thứ ba, công tác bảo hộ công dân được triển khai kịp thời, hiệu quả."),
    ("heading1", "II. KHÓ KHĂN, THÁCH THỨC"),
    ("bullet", "Nguồn lực dành cho hoạt động đối ngoại còn hạn chế."),
    ("bullet", "Năng lực ngoại ngữ của một bộ phận cán bộ chưa đáp ứng yêu cầu."),
    ("bullet", "Sự phối hợp giữa các cơ quan có lúc chưa chặt chẽ."),
    ("heading1", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ"),
    ("numbered", "Nâng cao hiệu quả phối hợp giữa các sở, ngành trong công tác đối ngoại."),
    ("numbered", "Đẩy mạnh ngoại giao kinh tế gắn với thu hút đầu tư chất lượng cao."),
    ("numbered", "Tăng cường quảng bá hình ảnh Bình Định ra thế giới."),
    ("heading1", "IV. KIẾN NGHỊ, ĐỀ XUẤT"),
    ("heading2", "1. Đối với Bộ Ngoại giao"),
    ("body", "Tiếp tục hỗ trợ tỉnh đào tạo, bồi dưỡng cán bộ làm công tác đối ngoại."),
    ("heading2", "2. Đối với các bộ, ngành Trung ương"),
    ("body", "Quan tâm bố trí nguồn vốn cho các dự án hạ tầng kết nối cảng biển."),
    ("body", "Tỉnh ủy Bình Định tin tưởng hội nghị sẽ thành công tốt đẹp."),
]

EXPECTED_SECTIONS = [
    (
        "context",
        None,
        [
            (
                "",
                "Bình Định là cửa ngõ ra biển của vùng Tây Nguyên, có cảng biển "
                "nước sâu và nhiều di tích lịch sử.",
            )
        ],
    ),
    (
        "achievements",
        "I. KẾT QUẢ CÔNG TÁC ĐỐI NGOẠI",
        [
            (
                "Thứ nhất",
                "quan hệ hợp tác với các địa phương nước ngoài được mở rộng.\n"
                "Tỉnh đã ký mới bốn thỏa thuận hợp tác cấp tỉnh với các đối tác châu Á.",
            ),
            ("Thứ hai", "công tác thông tin đối ngoại có nhiều đổi mới."),
            ("Thứ ba", "công tác bảo hộ công dân được triển khai kịp thời, hiệu quả."),
        ],
    ),
    (
        "challenges",
        "II. KHÓ KHĂN, THÁCH THỨC",
        [
            ("-", "Nguồn lực dành cho hoạt động đối ngoại còn hạn chế."),
            ("-", "Năng lực ngoại ngữ của một bộ phận cán bộ chưa đáp ứng yêu cầu."),
            ("-", "Sự phối hợp giữa các cơ quan có lúc chưa chặt chẽ."),
        ],
    ),
    (
        "tasks",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ",
        [
            ("1.", "Nâng cao hiệu quả phối hợp giữa các sở, ngành trong công tác đối ngoại."),
            ("2.", "Đẩy mạnh ngoại giao kinh tế gắn với thu hút đầu tư chất lượng cao."),
            ("3.", "Tăng cường quảng bá hình ảnh Bình Định ra thế giới."),
        ],
    ),
    (
        "proposals",
        "IV. KIẾN NGHỊ, ĐỀ XUẤT",
        [
            (
                "1.",
                "Đối với Bộ Ngoại giao\n"
                "Tiếp tục hỗ trợ tỉnh đào tạo, bồi dưỡng cán bộ làm công tác đối ngoại.",
            ),
            (
                "2.",
                "Đối với các bộ, ngành Trung ương\n"
                "Quan tâm bố trí nguồn vốn cho các dự án hạ tầng kết nối cảng biển.\n"
                "Tỉnh ủy Bình Định tin tưởng hội nghị sẽ thành công tốt đẹp.",
            ),
        ],
    ),
]


def structure(document: Document) -> list[tuple]:
    return [
        (
            paper.province,
            paper.province_2025,
            paper.title,
            paper.author,
            [
                (s.kind.value, s.heading, [(i.label, i.text) for i in s.items])
                for s in paper.sections
            ],
        )
        for paper in document.papers
    ]


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Document]]:
    folder = tmp_path_factory.mktemp("docx_vs_text")
    paths = {
        "text": FIXTURE,
        "styles": build_docx(folder / "binh-dinh-styles.docx", OUTLINE, heading_mode="styles"),
        "bold": build_docx(folder / "binh-dinh-bold.docx", OUTLINE, heading_mode="bold"),
    }
    return {name: (path, load_document(path)) for name, path in paths.items()}


def test_the_text_version_reads_as_expected(documents) -> None:
    _, document = documents["text"]
    assert document.format == "text"
    assert structure(document) == [
        (
            "Bình Định",
            "Gia Lai",
            "TỈNH BÌNH ĐỊNH CHỦ ĐỘNG HỘI NHẬP QUỐC TẾ",
            "Tỉnh ủy Bình Định",
            EXPECTED_SECTIONS,
        ),
    ]


@pytest.mark.parametrize("mode", ["styles", "bold"])
def test_docx_gives_the_same_structure_as_text(documents, mode: str) -> None:
    _, text_document = documents["text"]
    _, docx_document = documents[mode]
    assert docx_document.format == "docx"
    assert structure(docx_document) == structure(text_document)


@pytest.mark.parametrize("mode", ["text", "styles", "bold"])
def test_footnote_is_set_apart_in_every_format(documents, mode: str) -> None:
    _, document = documents[mode]
    assert [(f.text, f.footnote_refs) for f in document.footnotes] == [
        ("Số liệu do Sở Ngoại vụ tổng hợp đến hết năm 2023.", ("1",)),
    ]
    first_item = document.papers[0].sections[1].items[0]
    assert first_item.paragraphs[1].footnote_refs == ("1",)  # the marker, cut from the text


@pytest.mark.parametrize("mode", ["text", "styles", "bold"])
def test_every_format_is_conserved(documents, mode: str) -> None:
    path, document = documents[mode]
    _, raw = read_blocks(path, str(path))
    assert first_difference(document, raw) is None


def test_provenance_follows_the_format(documents) -> None:
    _, text_document = documents["text"]
    _, docx_document = documents["styles"]
    text_tasks = text_document.papers[0].sections[3]
    docx_tasks = docx_document.papers[0].sections[3]
    assert [(i.provenance.line_start, i.provenance.line_end) for i in text_tasks.items] == [
        (26, 26),
        (27, 27),
        (28, 28),
    ]
    paragraphs = [
        (i.provenance.paragraph_start, i.provenance.paragraph_end) for i in docx_tasks.items
    ]
    assert paragraphs == [
        (14, 14),
        (15, 15),
        (16, 16),
    ]
    assert all(i.provenance.line_start is None for i in docx_tasks.items)
