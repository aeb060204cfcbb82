"""The PDF reader: paragraphs rebuilt from the text layer, page provenance, running headers
and footers, TCVN3 text and files it cannot read.

PDFs are drawn here with reportlab and the bundled Liberation Serif, so Vietnamese text
round-trips through a real text layer.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

import pytest
from pypdf import PdfWriter
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from compiler.errors import SourceError
from compiler.ingest import load_document
from compiler.model import Block, BlockRole, SectionKind
from compiler.readers import pdf as pdf_reader
from compiler.readers import read_blocks
from tests.conservation import first_difference

K = SectionKind
FONT = "BriefTestSerif"
FOOTER = "Tham luận Hội nghị – trang {page}"


@cache
def font() -> str:
    with as_file(files("compiler.fonts") / "LiberationSerif-Regular.ttf") as ttf:
        pdfmetrics.registerFont(TTFont(FONT, str(ttf)))
    return FONT


Decorate = Callable[[canvas.Canvas, int], None]


def build_pdf(
    path: Path,
    pages: list[list[str | list[str]]],
    before: Decorate | None = None,
    after: Decorate | None = None,
    encrypt: StandardEncryption | None = None,
) -> Path:
    """One list of paragraphs per page, each wrapped at 420 pt or given as its lines;
    ``before`` and ``after`` draw on a page before or after its body (the order text
    extraction sees)."""
    pdf = canvas.Canvas(str(path), encrypt=encrypt)
    for number, paragraphs in enumerate(pages, start=1):
        pdf.setFont(font(), 12)
        if before:
            before(pdf, number)
        y = 780.0
        for paragraph in paragraphs:
            lines = paragraph if isinstance(paragraph, list) else wrap(paragraph)
            for line in lines:
                pdf.drawString(80, y, line)
                y -= 16
            y -= 6
        if after:
            after(pdf, number)
        pdf.showPage()
    pdf.save()
    return path


def wrap(paragraph: str) -> list[str]:
    return simpleSplit(paragraph, font(), 12, 420)


def footer(pdf: canvas.Canvas, page: int) -> None:
    pdf.drawString(220, 40, FOOTER.format(page=page))


TITLE = "PHÁT HUY LỢI THẾ CỬA NGÕ TRÊN HÀNH LANG KINH TẾ ĐÔNG – TÂY"
AUTHOR = "Tỉnh ủy Quảng Trị"
INTRO = (
    "Quảng Trị nằm ở điểm đầu phía Đông của Hành lang kinh tế Đông – Tây, có cửa khẩu "
    "quốc tế Lao Bảo nối với Lào và Thái Lan."
)
FIRST = (
    "Thứ nhất, quan hệ hữu nghị với các tỉnh Savannakhet và Salavan của Lào tiếp tục "
    "được củng cố, nhiều biên bản ghi nhớ được ký kết."
)
SPLIT_START = "Thứ hai, công tác thu hút đầu tư nước ngoài có bước chuyển biến"
SPLIT_END = "tích cực, tập trung vào năng lượng tái tạo và dịch vụ hậu cần."
PAPER = [
    [
        "PHÁT HUY LỢI THẾ CỬA NGÕ",
        "TRÊN HÀNH LANG KINH TẾ ĐÔNG – TÂY",
        AUTHOR,
        INTRO,
        "I. KẾT QUẢ CÔNG TÁC ĐỐI NGOẠI",
        FIRST,
        SPLIT_START,
    ],
    [
        SPLIT_END,
        "II. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
        "Thứ nhất, phát huy vai trò cửa ngõ của tỉnh trên Hành lang kinh tế Đông – Tây.",
        "Thứ hai, nâng cao chất lượng đội ngũ cán bộ làm công tác đối ngoại.",
    ],
]


def read(path: Path) -> list[Block]:
    return pdf_reader.read(path, path.name)


def texts(blocks: list[Block]) -> list[str]:
    return [block.text for block in blocks]


def test_module_contract() -> None:
    assert pdf_reader.FORMAT == "pdf"
    assert sorted(pdf_reader.SUFFIXES) == [".pdf"]


def test_paper_structure_over_two_pages(tmp_path: Path) -> None:
    path = build_pdf(tmp_path / "quang-tri.pdf", PAPER, after=footer)
    document = load_document(path)

    assert document.format == "pdf"
    assert [p.province for p in document.papers] == ["Quảng Trị"]
    paper = document.papers[0]
    assert (paper.title, paper.author) == (TITLE, AUTHOR)
    assert [(s.kind, s.heading) for s in paper.sections] == [
        (K.CONTEXT, None),
        (K.ACHIEVEMENTS, "I. KẾT QUẢ CÔNG TÁC ĐỐI NGOẠI"),
        (K.TASKS, "II. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"),
    ]
    assert paper.sections[0].text == INTRO
    achievements, tasks = paper.sections[1], paper.sections[2]
    assert [(i.label, i.text) for i in achievements.items] == [
        ("Thứ nhất", FIRST.removeprefix("Thứ nhất, ")),
        ("Thứ hai", f"{SPLIT_START} {SPLIT_END}".removeprefix("Thứ hai, ")),
    ]
    assert [i.label for i in tasks.items] == ["Thứ nhất", "Thứ hai"]
    assert tasks.items[1].text == "nâng cao chất lượng đội ngũ cán bộ làm công tác đối ngoại."
    _, blocks = read_blocks(path, str(path))
    assert first_difference(document, blocks) is None


def test_page_provenance(tmp_path: Path) -> None:
    path = build_pdf(tmp_path / "trang.pdf", PAPER, after=footer)
    paper = load_document(path).papers[0]
    achievements, tasks = paper.sections[1], paper.sections[2]

    def pages(item) -> tuple[int | None, int | None]:
        return item.provenance.page_start, item.provenance.page_end

    assert (paper.provenance.page_start, paper.provenance.page_end) == (1, 2)
    assert [pages(i) for i in achievements.items] == [(1, 1), (1, 2)]  # the split paragraph
    assert [pages(i) for i in tasks.items] == [(2, 2), (2, 2)]
    assert achievements.items[1].provenance.describe() == "trang.pdf p.1-2"
    for block in read(path):
        prov = block.provenance
        assert prov.page_start == prov.page_end in (1, 2)
        assert prov.line_start is None and prov.paragraph_start is None


def test_reader_blocks_rebuild_paragraphs(tmp_path: Path) -> None:
    blocks = read(build_pdf(tmp_path / "doan.pdf", PAPER, after=footer))
    assert texts(blocks) == [TITLE, AUTHOR, INTRO, *PAPER[0][4:], *PAPER[1]]
    assert {block.role for block in blocks} == {BlockRole.BODY}
    assert [b.provenance.page_start for b in blocks] == [1] * 6 + [2] * 4


def test_running_headers_footers_and_page_numbers_are_dropped(tmp_path: Path) -> None:
    header = "BÁO CÁO CHÍNH TRỊ – ĐẠI HỘI ĐẢNG BỘ TỈNH"

    def top(pdf: canvas.Canvas, page: int) -> None:
        if page > 1:  # the cover has no running header
            pdf.drawString(150, 810, header)
        if page == 3:  # drawn first: extracted before the body
            pdf.drawString(280, 40, f"- {page} -")

    def bottom(pdf: canvas.Canvas, page: int) -> None:
        if page != 3:
            pdf.drawString(280, 40, f"- {page} -")
        pdf.drawString(220, 25, f"Trang {page}/3")

    pages = [
        [TITLE, AUTHOR, INTRO],
        ["I. KẾT QUẢ CÔNG TÁC ĐỐI NGOẠI", FIRST],
        ["II. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "Tăng cường hợp tác với các tỉnh của Lào."],
    ]
    blocks = read(build_pdf(tmp_path / "dau-trang.pdf", pages, before=top, after=bottom))
    assert texts(blocks) == [text for page in pages for text in page]


def test_one_page_keeps_its_first_and_last_lines(tmp_path: Path) -> None:
    pages = [["Kính gửi: Ban Đối ngoại Trung ương", INTRO, "Nơi nhận: Như trên"]]
    assert texts(read(build_pdf(tmp_path / "mot-trang.pdf", pages))) == pages[0]


def test_enumerated_lines_at_page_edges_are_body_text(tmp_path: Path) -> None:
    pages = [
        ["1. Mở rộng hợp tác với các địa phương của Lào", "Đã ký ba biên bản ghi nhớ."],
        ["2. Mở rộng hợp tác với các địa phương của Lào", "Đã trao đổi năm đoàn công tác."],
    ]
    assert texts(read(build_pdf(tmp_path / "muc.pdf", pages))) == pages[0] + pages[1]


def test_wrapped_lines_that_look_like_list_items_are_joined(tmp_path: Path) -> None:
    wrapped = [
        "Trong nhiệm kỳ qua, tỉnh đã tập trung huy động mọi nguồn lực phát triển kinh tế",
        "- xã hội, giữ vững quốc phòng, an ninh, mở rộng quan hệ đối ngoại theo tinh thần",
        "Nghị quyết của Ban Chấp hành Trung ương và kế hoạch đã đề ra cho giai đoạn 2021",
        "- 2025, đồng thời triển khai các chương trình hành động thực hiện Nghị quyết số",
        "36-NQ/TW của Bộ Chính trị về kinh tế biển.",
    ]
    bullets = [
        "Các nhiệm vụ trọng tâm của tỉnh trong thời gian tới được xác định gồm có:",
        "- tăng cường hợp tác với các tỉnh của Lào trên nhiều lĩnh vực khác nhau;",
        "- nâng cao năng lực cán bộ.",
        "- Tổ chức tốt các hoạt động đối ngoại nhân dân trên địa bàn toàn tỉnh và",
        "- Xây dựng kế hoạch hội nhập quốc tế.",
    ]
    pages: list[list[str | list[str]]] = [[wrapped, bullets]]
    blocks = read(build_pdf(tmp_path / "xuong-dong.pdf", pages))
    assert texts(blocks) == [" ".join(wrapped), *bullets]


def test_tcvn3_text_layer_is_converted(tmp_path: Path) -> None:
    # What a PDF printed from a .VnTime document gives back: TCVN3 glyph codes.
    pages = [
        [
            "B¸O C¸O TæNG KÕT C¤NG T¸C §èI NGO¹I",
            # one full line, as a paragraph running on to the next page ends a page
            "TØnh ®· ®ãn nhiÒu ®oµn kh¸ch quèc tÕ vµ vËn ®éng c¸c tæ chøc quèc tÕ",
        ],
        ["ñng hé c¸c dù ¸n n­íc s¹ch. ë vïng cao, ®êi sèng ng­êi d©n ®­îc c¶i thiÖn."],
    ]
    path = build_pdf(tmp_path / "tcvn3.pdf", pages, after=footer)
    blocks = read(path)
    assert texts(blocks) == [
        "BÁO CÁO TỔNG KẾT CÔNG TÁC ĐỐI NGOẠI",
        "Tỉnh đã đón nhiều đoàn khách quốc tế và vận động các tổ chức quốc tế",
        "ủng hộ các dự án nước sạch. Ở vùng cao, đời sống người dân được cải thiện.",
    ]
    body = load_document(path).papers[0].sections[0].paragraphs
    assert body[-1].text.startswith("Tỉnh đã đón") and body[-1].text.endswith("cải thiện.")
    assert (body[-1].provenance.page_start, body[-1].provenance.page_end) == (1, 2)


# --- files it cannot read -----------------------------------------------------------------


def failure(path: Path) -> SourceError:
    with pytest.raises(SourceError) as caught:
        read_blocks(path, path.name)
    return caught.value


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    locked = StandardEncryption("mat-khau", ownerPassword="chu-so-huu")
    path = build_pdf(tmp_path / "khoa.pdf", PAPER, encrypt=locked)
    error = failure(path)
    assert str(error) == (
        "khoa.pdf: encrypted PDF: decrypt it first, e.g. qpdf --decrypt in.pdf out.pdf"
    )


def test_pdf_with_only_an_owner_password_is_read(tmp_path: Path) -> None:
    restricted = StandardEncryption("", ownerPassword="chu-so-huu", canCopy=0)
    path = build_pdf(tmp_path / "han-che.pdf", PAPER, encrypt=restricted)
    assert texts(read(path))[:2] == [TITLE, AUTHOR]


def test_scanned_pdf_without_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ban-scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(50, 50, 400, 600, fill=1)  # what a scan is to a text extractor: no text
    pdf.showPage()
    pdf.save()
    assert str(failure(path)) == (
        "ban-scan.pdf: no text layer (scanned image?): run OCR first, "
        "e.g. ocrmypdf -l vie in.pdf out.pdf"
    )


def test_pdf_without_pages_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rong.pdf"
    with path.open("wb") as stream:
        PdfWriter().write(stream)
    assert str(failure(path)) == "rong.pdf: PDF has no pages"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "not a PDF file (the file is empty)"),
        ("Tham luận của tỉnh".encode(), "not a PDF file (no %PDF header)"),
        (b"PK\x03\x04\x14\x00", "not a PDF file (a zip archive, perhaps a Word document)"),
        (b"<!DOCTYPE html><html><body>Trang</body></html>", "not a PDF file (an HTML page)"),
    ],
)
def test_not_a_pdf(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "tham-luan.pdf"
    path.write_bytes(data)
    error = failure(path)
    assert (error.path, error.reason) == ("tham-luan.pdf", reason)
    assert str(error) == f"tham-luan.pdf: {reason}"


@pytest.mark.parametrize("cut", [b"%PDF-1.4\n%%EOF\n", "truncated"])
def test_corrupt_pdf(tmp_path: Path, cut: bytes | str) -> None:
    whole = build_pdf(tmp_path / "nguyen-ven.pdf", PAPER).read_bytes()
    path = tmp_path / "hong.pdf"
    path.write_bytes(whole[:1200] if cut == "truncated" else cut)
    error = failure(path)
    assert error.path == "hong.pdf"
    assert error.reason.startswith("corrupt PDF file (")
    assert "\n" not in str(error)
