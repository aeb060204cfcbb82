"""The DOCX reader: text, layout hints, numbering labels, tables, footnotes and bad files."""

from __future__ import annotations

import random
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx_builder import add_footnote, add_numbering, build_docx, set_numbering

from compiler.errors import SourceError
from compiler.model import Block, BlockRole
from compiler.readers import docx as docx_reader
from compiler.readers import read_blocks

OUTLINE = [
    ("title", "Tỉnh Quảng Ngãi: hội nhập quốc tế"),
    ("heading1", "I. Bối cảnh chung"),
    ("body", "Năm 2024, tỉnh đón 35 đoàn khách quốc tế."),
    ("heading2", "Những kết quả nổi bật"),
    ("bullet", "Ký kết ba thỏa thuận hợp tác với địa phương nước ngoài."),
    ("bullet", "Thu hút vốn đầu tư trực tiếp tăng mạnh."),
    ("numbered", "Đẩy mạnh xúc tiến thương mại."),
    ("numbered", "Nâng cao năng lực cán bộ đối ngoại."),
    ("numbered", "Tăng cường thông tin đối ngoại."),
]


def read(path: Path) -> list[Block]:
    return docx_reader.read(path, path.name)


def save(document: docx.document.Document, path: Path) -> Path:
    document.save(str(path))
    return path


def test_module_contract() -> None:
    assert docx_reader.FORMAT == "docx"
    assert sorted(docx_reader.SUFFIXES) == [".docx"]


def test_headings_from_word_styles(tmp_path: Path) -> None:
    blocks = read(build_docx(tmp_path / "a.docx", OUTLINE, "styles"))

    assert [b.text for b in blocks] == [text for _, text in OUTLINE]
    headings = [(b.text, b.heading_level) for b in blocks if b.role == BlockRole.HEADING]
    assert headings == [
        ("Tỉnh Quảng Ngãi: hội nhập quốc tế", 0),
        ("I. Bối cảnh chung", 1),
        ("Những kết quả nổi bật", 2),
    ]
    assert blocks[2].role == BlockRole.BODY
    assert blocks[2].heading_level is None
    assert not blocks[2].bold


def test_headings_from_bold_runs(tmp_path: Path) -> None:
    blocks = read(build_docx(tmp_path / "b.docx", OUTLINE[:4], "bold"))

    assert [(b.text, b.role, b.bold) for b in blocks] == [
        ("Tỉnh Quảng Ngãi: hội nhập quốc tế", BlockRole.BODY, True),
        ("I. Bối cảnh chung", BlockRole.BODY, True),
        ("Năm 2024, tỉnh đón 35 đoàn khách quốc tế.", BlockRole.BODY, False),
        ("Những kết quả nổi bật", BlockRole.BODY, True),
    ]
    assert all(b.heading_level is None for b in blocks)


def test_bold_resolved_through_styles(tmp_path: Path) -> None:
    document = docx.Document()
    emphasis = document.styles.add_style("Nhấn mạnh đậm", WD_STYLE_TYPE.CHARACTER)
    emphasis.font.bold = True
    lead = document.styles.add_style("Đoạn dẫn", WD_STYLE_TYPE.PARAGRAPH)
    lead.font.bold = True

    p = document.add_paragraph()
    p.add_run("Phương hướng ", style="Nhấn mạnh đậm")
    p.add_run("năm 2025", style="Strong")  # built-in character style with <w:b/>
    document.add_paragraph("Mục tiêu tổng quát", style="Đoạn dẫn")
    p = document.add_paragraph(style="Đoạn dẫn")
    p.add_run("Kết quả ")
    p.add_run("chưa đạt").bold = False
    p = document.add_paragraph()
    p.add_run("Hợp tác ").bold = True
    p.add_run("song phương")
    p = document.add_paragraph()
    p.add_run("Ưu tiên hàng đầu").bold = True
    p.add_run("  ")  # whitespace-only runs do not count

    blocks = read(save(document, tmp_path / "bold.docx"))
    assert [(b.text, b.bold) for b in blocks] == [
        ("Phương hướng năm 2025", True),
        ("Mục tiêu tổng quát", True),
        ("Kết quả chưa đạt", False),
        ("Hợp tác song phương", False),
        ("Ưu tiên hàng đầu  ", True),
    ]


def test_heading_from_derived_style_and_outline_level(tmp_path: Path) -> None:
    document = docx.Document()
    custom = document.styles.add_style("Tiêu đề mục", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = document.styles["Heading 2"]
    document.add_paragraph("Thách thức và khó khăn", style="Tiêu đề mục")
    p = document.add_paragraph("Kiến nghị, đề xuất")
    p._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="2"/>'))
    p = document.add_paragraph("Ghi chú cuối trang", style="Heading 1")
    p._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="9"/>'))

    blocks = read(save(document, tmp_path / "levels.docx"))
    assert [(b.text, b.role, b.heading_level) for b in blocks] == [
        ("Thách thức và khó khăn", BlockRole.HEADING, 2),
        ("Kiến nghị, đề xuất", BlockRole.HEADING, 3),
        ("Ghi chú cuối trang", BlockRole.BODY, None),  # outline level 9 = body text
    ]


def test_list_labels_from_style_numbering(tmp_path: Path) -> None:
    blocks = read(build_docx(tmp_path / "lists.docx", OUTLINE, "styles"))

    items = [(b.list_label, b.text) for b in blocks if b.role == BlockRole.LIST_ITEM]
    assert items == [
        ("-", "Ký kết ba thỏa thuận hợp tác với địa phương nước ngoài."),
        ("-", "Thu hút vốn đầu tư trực tiếp tăng mạnh."),
        ("1.", "Đẩy mạnh xúc tiến thương mại."),
        ("2.", "Nâng cao năng lực cán bộ đối ngoại."),
        ("3.", "Tăng cường thông tin đối ngoại."),
    ]
    assert all(b.list_label is None for b in blocks if b.role != BlockRole.LIST_ITEM)


def test_nested_decimal_list(tmp_path: Path) -> None:
    document = docx.Document()
    num_id = add_numbering(
        document,
        [("upperRoman", "%1."), ("decimal", "%2."), ("decimal", "%2.%3-"), ("lowerLetter", "%4)")],
    )
    outline = [
        (0, "Tình hình chung"),
        (1, "Về kinh tế đối ngoại"),
        (2, "Xuất khẩu thủy sản"),
        (2, "Du lịch quốc tế"),
        (3, "Thị trường Hàn Quốc"),
        (3, "Thị trường Nhật Bản"),
        (2, "Lao động ở nước ngoài"),
        (1, "Về văn hóa đối ngoại"),
        (2, "Lễ hội biển"),
        (0, "Nhiệm vụ năm tới"),
        (1, "Rà soát các thỏa thuận quốc tế"),
    ]
    for ilvl, text in outline:
        set_numbering(document.add_paragraph(text), num_id, ilvl)

    blocks = read(save(document, tmp_path / "nested.docx"))
    assert [(b.list_label, b.text) for b in blocks] == [
        ("I.", "Tình hình chung"),
        ("1.", "Về kinh tế đối ngoại"),
        ("1.1-", "Xuất khẩu thủy sản"),
        ("1.2-", "Du lịch quốc tế"),
        ("a)", "Thị trường Hàn Quốc"),
        ("b)", "Thị trường Nhật Bản"),
        ("1.3-", "Lao động ở nước ngoài"),
        ("2.", "Về văn hóa đối ngoại"),
        ("2.1-", "Lễ hội biển"),
        ("II.", "Nhiệm vụ năm tới"),
        ("1.", "Rà soát các thỏa thuận quốc tế"),
    ]
    assert {b.role for b in blocks} == {BlockRole.LIST_ITEM}


def test_start_override_restarts_a_shared_list(tmp_path: Path) -> None:
    document = docx.Document()
    first = add_numbering(document, [("decimal", "%1)")])
    numbering = document.part.numbering_part.element
    abstract_id = numbering.num_having_numId(first).abstractNumId.val
    second = numbering.add_num(abstract_id)
    second.add_lvlOverride(0).add_startOverride(5)
    for text in ("Mở rộng thị trường", "Thu hút đầu tư"):
        set_numbering(document.add_paragraph(text), first)
    set_numbering(document.add_paragraph("Cải cách hành chính"), second.numId)
    set_numbering(document.add_paragraph("Phát triển nguồn nhân lực"), first)

    labels = [b.list_label for b in read(save(document, tmp_path / "restart.docx"))]
    assert labels == ["1)", "2)", "5)", "6)"]  # one abstract list: counters are shared


def test_numbered_heading_and_numbering_switched_off(tmp_path: Path) -> None:
    document = docx.Document()
    num_id = add_numbering(document, [("upperRoman", "%1.")])
    heading_style = document.styles["Heading 1"]
    num_pr = heading_style.element.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_numId().val = num_id
    document.add_paragraph("Bối cảnh quốc tế", style="Heading 1")
    document.add_paragraph("Kết quả đạt được", style="Heading 1")
    set_numbering(document.add_paragraph("Không đánh số", style="List Number"), 0)

    blocks = read(save(document, tmp_path / "numbered-headings.docx"))
    assert [(b.text, b.role, b.heading_level, b.list_label) for b in blocks] == [
        ("Bối cảnh quốc tế", BlockRole.HEADING, 1, "I."),
        ("Kết quả đạt được", BlockRole.HEADING, 1, "II."),
        ("Không đánh số", BlockRole.BODY, None, None),
    ]


def test_table_cells_in_order_and_merged_cells_once(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Bảng 1. Kim ngạch xuất khẩu")
    table = document.add_table(rows=3, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))  # one cell across the first row
    merged.text = "Thị trường chính"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Châu Á"  # one cell down two rows
    for (row, col), text in {
        (1, 1): "Nhật Bản",
        (1, 2): "120 triệu USD",
        (2, 1): "Hàn Quốc",
        (2, 2): "95 triệu USD",
    }.items():
        table.cell(row, col).text = text
    document.add_paragraph("Nguồn: Sở Công Thương.")

    blocks = read(save(document, tmp_path / "table.docx"))
    assert [(b.text, b.role, b.provenance.paragraph_start) for b in blocks] == [
        ("Bảng 1. Kim ngạch xuất khẩu", BlockRole.BODY, 1),
        ("Thị trường chính", BlockRole.TABLE_CELL, 2),
        ("Châu Á", BlockRole.TABLE_CELL, 3),
        ("Nhật Bản", BlockRole.TABLE_CELL, 4),
        ("120 triệu USD", BlockRole.TABLE_CELL, 5),
        ("Hàn Quốc", BlockRole.TABLE_CELL, 6),
        ("95 triệu USD", BlockRole.TABLE_CELL, 7),
        ("Nguồn: Sở Công Thương.", BlockRole.BODY, 8),
    ]


def test_footnote_kept_apart_without_stray_number(tmp_path: Path) -> None:
    outline = [
        ("heading1", "Kết quả hợp tác"),
        ("body", "Tổng vốn đăng ký đạt 1,2 tỷ USD"),
        ("footnote", "Số liệu của Sở Kế hoạch và Đầu tư, tháng 12/2024."),
        ("body", "Các dự án tập trung vào công nghiệp chế biến."),
        ("footnote", "Không tính các dự án đã chấm dứt hoạt động."),
    ]
    blocks = read(build_docx(tmp_path / "notes.docx", outline))

    assert [(b.text, b.role, b.footnote_refs, b.provenance.paragraph_start) for b in blocks] == [
        ("Kết quả hợp tác", BlockRole.HEADING, (), 1),
        ("Tổng vốn đăng ký đạt 1,2 tỷ USD", BlockRole.BODY, ("1",), 2),
        ("Các dự án tập trung vào công nghiệp chế biến.", BlockRole.BODY, ("2",), 3),
        ("Số liệu của Sở Kế hoạch và Đầu tư, tháng 12/2024.", BlockRole.FOOTNOTE, ("1",), 2),
        ("Không tính các dự án đã chấm dứt hoạt động.", BlockRole.FOOTNOTE, ("2",), 3),
    ]


def test_footnote_with_custom_mark(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Kim ngạch tăng 12%")
    note_id = add_footnote(paragraph, "Ước tính.")
    reference = paragraph.runs[-1]._r.find(qn("w:footnoteReference"))
    reference.set(qn("w:customMarkFollows"), "1")
    paragraph.runs[-1]._r.append(parse_xml(f"<w:t {nsdecls('w')}>*</w:t>"))

    blocks = read(save(document, tmp_path / "mark.docx"))
    assert [(b.text, b.footnote_refs) for b in blocks] == [
        ("Kim ngạch tăng 12%", (note_id,)),
        ("Ước tính.", (note_id,)),
    ]


def test_paragraph_provenance_counts_every_paragraph(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Đoạn mở đầu.")
    document.add_paragraph("")
    document.add_paragraph("   ")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Ô thứ nhất"
    table.cell(0, 1).add_paragraph("Dòng hai của ô thứ hai")
    document.add_paragraph("Đoạn kết.")

    blocks = read(save(document, tmp_path / "count.docx"))
    assert [(b.text, b.provenance.paragraph_start, b.provenance.paragraph_end) for b in blocks] == [
        ("Đoạn mở đầu.", 1, 1),
        ("Ô thứ nhất", 4, 4),
        ("Dòng hai của ô thứ hai", 6, 6),  # ¶5 is the cell's empty first paragraph
        ("Đoạn kết.", 7, 7),
    ]
    assert blocks[0].provenance.source == "count.docx"
    assert blocks[0].provenance.describe() == "count.docx ¶1"


def test_breaks_tabs_and_nfc(tmp_path: Path) -> None:
    document = docx.Document()
    run = document.add_paragraph().add_run("Thành phố Huế")
    run.add_break()
    run.add_text("thủ phủ")
    run.add_tab()
    run.add_text("di sản")
    run = document.add_paragraph().add_run("Hết phần một.")
    run.add_break(WD_BREAK.PAGE)
    document.add_paragraph(unicodedata.normalize("NFD", "Hợp tác với Lào"))

    blocks = read(save(document, tmp_path / "breaks.docx"))
    assert [b.text for b in blocks] == [
        "Thành phố Huế thủ phủ di sản",
        "Hết phần một.",
        "Hợp tác với Lào",
    ]
    assert unicodedata.is_normalized("NFC", blocks[2].text)


def test_revisions_hyperlinks_hidden_text_and_content_controls(tmp_path: Path) -> None:
    document = docx.Document()
    w = nsdecls("w")
    body = document.element.body
    body.insert(
        0,
        parse_xml(
            f"<w:p {w}><w:r><w:t xml:space='preserve'>Đã ký </w:t></w:r>"
            "<w:del w:id='1' w:author='A'><w:r><w:delText>bốn</w:delText></w:r></w:del>"
            "<w:ins w:id='2' w:author='A'><w:r><w:t xml:space='preserve'>năm </w:t></w:r></w:ins>"
            "<w:hyperlink><w:r><w:t>biên bản</w:t></w:r></w:hyperlink>"
            "<w:r><w:rPr><w:vanish/></w:rPr><w:t> (nháp)</w:t></w:r></w:p>"
        ),
    )
    body.insert(
        1,
        parse_xml(
            f"<w:sdt {w}><w:sdtPr/><w:sdtContent>"
            "<w:p><w:r><w:t>Trang bìa: Ủy ban nhân dân tỉnh</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"
        ),
    )

    blocks = read(save(document, tmp_path / "revisions.docx"))
    assert [b.text for b in blocks] == ["Đã ký năm biên bản", "Trang bìa: Ủy ban nhân dân tỉnh"]


def test_empty_document(tmp_path: Path) -> None:
    path = save(docx.Document(), tmp_path / "trống.docx")

    assert read(path) == []
    with pytest.raises(SourceError, match="no text found") as caught:
        read_blocks(path, "trống.docx")
    assert caught.value.path == "trống.docx"


def test_read_blocks_picks_the_docx_reader(tmp_path: Path) -> None:
    path = build_docx(tmp_path / "pick.docx", [("body", "Quan hệ hữu nghị")])
    fmt, blocks = read_blocks(path)
    assert fmt == "docx"
    assert [b.text for b in blocks] == ["Quan hệ hữu nghị"]


def _bad_file(tmp_path: Path, name: str, data: bytes) -> SourceError:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(SourceError) as caught:
        read(path)
    assert caught.value.path == name
    assert str(caught.value).startswith(f"{name}: ")
    return caught.value


def test_random_bytes(tmp_path: Path) -> None:
    error = _bad_file(tmp_path, "hỏng.docx", random.Random(7).randbytes(4096))
    assert error.reason == "not a valid DOCX file (not a zip archive)"


def test_text_file_renamed(tmp_path: Path) -> None:
    error = _bad_file(tmp_path, "bao-cao.docx", "Báo cáo tổng kết năm 2024\n".encode())
    assert error.reason == "not a valid DOCX file (not a zip archive)"


def test_empty_file(tmp_path: Path) -> None:
    error = _bad_file(tmp_path, "rỗng.docx", b"")
    assert error.reason == "not a valid DOCX file (the file is empty)"


def test_encrypted_and_legacy_word_files(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    encrypted = _bad_file(tmp_path, "mật.docx", ole + "EncryptedPackage".encode("utf-16-le"))
    assert "password-protected" in encrypted.reason
    legacy = _bad_file(tmp_path, "cũ.docx", ole + "WordDocument".encode("utf-16-le"))
    assert "legacy Word 97-2003 .doc" in legacy.reason


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    plain_zip = tmp_path / "nén.docx"
    with zipfile.ZipFile(plain_zip, "w") as archive:
        archive.writestr("ghi-chu.txt", "không phải tài liệu Word")
    with pytest.raises(SourceError, match="a zip archive without Word content"):
        read(plain_zip)

    workbook = tmp_path / "bảng.docx"
    source = build_docx(tmp_path / "src.docx", [("body", "Nội dung")])
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(workbook, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"wordprocessingml.document.main+xml", b"spreadsheetml.sheet.main+xml"
                )
            dst.writestr(item, data)
    with pytest.raises(SourceError, match=r"not a Word document \(content type .*spreadsheetml"):
        read(workbook)


def test_truncated_docx(tmp_path: Path) -> None:
    data = build_docx(tmp_path / "src.docx", [("body", "Nội dung")]).read_bytes()
    error = _bad_file(tmp_path, "cắt.docx", data[: len(data) // 2])
    assert error.reason.startswith("not a valid DOCX file (")
