"""The DOCX writer: structure, styles, page layout, robustness, determinism, LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt

from compiler.errors import OutputError
from compiler.report.model import (
    Cell,
    Column,
    Heading,
    ItemList,
    ListEntry,
    PageBreak,
    Paragraph,
    ParagraphStyle,
    Report,
    Run,
    RunStyle,
    Table,
    TableOfContents,
    TitleBlock,
)
from compiler.writers import WriterOptions, write_report
from compiler.writers import docx as docx_writer

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "templates" / "briefing.docx"
TNR = "Times New Roman"
THEME_ATTRIBUTES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
A4_MM = (210, 297)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
USABLE_TWIPS = 11906 - 1701 - 850  # A4 width minus 30 mm and 15 mm margins
LANDSCAPE_USABLE_TWIPS = 16838 - 1701 - 850

TITLE = "HỒ SƠ TÓM TẮT PHỤC VỤ BUỔI TIẾP ĐẠI SỨ"
SUBTITLE = "Tỉnh Điện Biên – Sở Ngoại vụ"
DATE_LINE = "Điện Biên, ngày 2 tháng 6 năm 2025"
TOC_TITLE = "Mục lục"
H1 = "I. Khái quát tình hình hợp tác quốc tế"
H2 = "1. Những điểm mới nổi bật"
H3 = "a) Ghi chú về nguồn số liệu"
H1_WIDE = "II. Đối chiếu chi tiết từng nhiệm vụ"
H1_LAST = "III. Kiến nghị, đề xuất"
BODY_RUNS = (
    Run("Năm qua, tỉnh đã "),
    Run("tích cực", bold=True),
    Run(" mở rộng quan hệ "),
    Run("hữu nghị truyền thống", italic=True),
    Run(" với các tỉnh Bắc Lào và Vân Nam."),
)
ITEM_A = ListEntry(
    "a)",
    (
        Run("Số dự án đầu tư nước ngoài tăng từ "),
        Run("mười", style=RunStyle.DELETED),
        Run("mười hai", style=RunStyle.INSERTED),
        Run(" lên."),
    ),
    note="012.txt:4-6",
)
ITEM_B = ListEntry("Thứ hai", (Run("Khởi động chương trình trao đổi học sinh, sinh viên."),))
NOTE = "Số liệu tổng hợp từ báo cáo quý IV của các sở, ngành."
CENTERED = "Đoàn kết – Hữu nghị – Phát triển bền vững"
CAPTION = "Bảng 1. Đối chiếu các nhiệm vụ trọng tâm"
WIDE_CAPTION = "Bảng 2. Bảng đối chiếu khổ ngang"
LAST = "Đề nghị Bộ Ngoại giao tiếp tục hỗ trợ tỉnh kết nối với các đối tác Nhật Bản."
COLUMNS = (Column("STT", 0.1), Column("Năm 2023", 0.45), Column("Năm 2024", 0.45))
WIDE_COLUMNS = (
    Column("Mục", 0.06),
    Column("Văn bản cũ", 0.32),
    Column("Văn bản mới", 0.32),
    Column("Nhận xét", 0.18),
    Column("Nguồn", 0.12),
)


def compare_row(number: int) -> tuple[Cell, ...]:
    old = Paragraph((Run("Tiếp "), Run("bốn", style=RunStyle.DELETED), Run(" đoàn khách")))
    new = Paragraph((Run("Tiếp "), Run("sáu", style=RunStyle.INSERTED), Run(" đoàn khách")))
    source = Paragraph.plain(f"{number:03d}.txt:7", ParagraphStyle.NOTE)
    return (Cell.plain(str(number)), Cell((old, source)), Cell((new,)))


def wide_row(number: int) -> tuple[Cell, ...]:
    texts = (
        str(number),
        "Hợp tác với tỉnh Luông Pha Bang",
        "Hợp tác với tỉnh Phông Sa Lỳ",
        "Đổi đối tác",
        "020.txt:3",
    )
    return tuple(Cell.plain(text) for text in texts)


def sample_report() -> Report:
    report = Report(title="Báo cáo tóm tắt đối ngoại tỉnh Điện Biên", created=date(2025, 6, 2))
    return report.add(
        TitleBlock(TITLE, (SUBTITLE,), DATE_LINE),
        TableOfContents(TOC_TITLE),
        PageBreak(),
        Heading(1, H1),
        Paragraph(BODY_RUNS),
        Heading(2, H2),
        ItemList((ITEM_A, ITEM_B)),
        Heading(3, H3),
        Paragraph.plain(NOTE, ParagraphStyle.NOTE),
        Paragraph.plain(CENTERED, ParagraphStyle.CENTERED),
        Table(COLUMNS, tuple(compare_row(n) for n in range(1, 4)), caption=CAPTION),
        Heading(1, H1_WIDE),
        Table(WIDE_COLUMNS, tuple(wide_row(n) for n in range(1, 4)), WIDE_CAPTION, True),
        Heading(1, H1_LAST),
        Paragraph.plain(LAST),
    )


def write(report: Report, path: Path, template: Path | None = None) -> docx.document.Document:
    docx_writer.write(report, path, WriterOptions(template=template))
    return docx.Document(str(path))


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "sample.docx"
    docx_writer.write(sample_report(), path, WriterOptions())
    return path


@pytest.fixture(scope="module")
def document(sample: Path) -> docx.document.Document:
    return docx.Document(str(sample))


def body_items(document: docx.document.Document) -> list[tuple[str, str]]:
    """Non-empty paragraphs as ("p", text) and tables as ("table", header texts)."""
    items = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            header = " | ".join(cell.text for cell in block.rows[0].cells)
            items.append(("table", header))
        elif block.text:
            items.append(("p", block.text))
    return items


def paragraph_with(document: docx.document.Document, text: str) -> docx.text.paragraph.Paragraph:
    """The last paragraph with this text (headings also appear earlier, as TOC entries)."""
    return [p for p in document.paragraphs if p.text == text][-1]


def mm(length: int | None) -> float:
    assert length is not None
    return length / 36000


def part_xml(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")


# --- content and order -----------------------------------------------------------------


def test_elements_in_report_order(document: docx.document.Document) -> None:
    item_a = "a)\tSố dự án đầu tư nước ngoài tăng từ mườimười hai lên. 012.txt:4-6"
    item_b = "Thứ hai Khởi động chương trình trao đổi học sinh, sinh viên."
    assert body_items(document) == [
        ("p", TITLE),
        ("p", SUBTITLE),
        ("p", DATE_LINE),
        ("p", TOC_TITLE),
        *(("p", text) for text in (H1, H2, H3, H1_WIDE, H1_LAST)),  # cached TOC entries
        ("p", H1),
        ("p", "".join(run.text for run in BODY_RUNS)),
        ("p", H2),
        ("p", item_a),
        ("p", item_b),
        ("p", H3),
        ("p", NOTE),
        ("p", CENTERED),
        ("p", CAPTION),
        ("table", "STT | Năm 2023 | Năm 2024"),
        ("p", H1_WIDE),
        ("p", WIDE_CAPTION),
        ("table", "Mục | Văn bản cũ | Văn bản mới | Nhận xét | Nguồn"),
        ("p", H1_LAST),
        ("p", LAST),
    ]


def test_paragraph_styles(document: docx.document.Document) -> None:
    expected = {
        TITLE: "Title",
        SUBTITLE: "Centered",
        DATE_LINE: "Centered",
        TOC_TITLE: "TOC Heading",
        NOTE: "Note",
        CENTERED: "Centered",
        CAPTION: "Caption",
        LAST: "Normal",
    }
    for text, style in expected.items():
        assert paragraph_with(document, text).style.name == style, text
    body_headings = [p for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert [(p.style.name, p.text) for p in body_headings] == [
        ("Heading 1", H1),
        ("Heading 2", H2),
        ("Heading 3", H3),
        ("Heading 1", H1_WIDE),
        ("Heading 1", H1_LAST),
    ]
    assert all(run.italic for run in paragraph_with(document, DATE_LINE).runs)


def test_page_break_starts_the_first_heading_on_a_new_page(
    document: docx.document.Document,
) -> None:
    assert paragraph_with(document, H1).paragraph_format.page_break_before is True


def test_runs_keep_emphasis_and_diff_styles(document: docx.document.Document) -> None:
    body = paragraph_with(document, "".join(run.text for run in BODY_RUNS))
    assert [(r.text, bool(r.bold), bool(r.italic)) for r in body.runs] == [
        (run.text, run.bold, run.italic) for run in BODY_RUNS
    ]
    item = next(p for p in document.paragraphs if p.text.startswith("a)\t"))
    styles = {run.text: run.style.name for run in item.runs}
    assert styles["mười"] == "Deleted"
    assert styles["mười hai"] == "Inserted"
    assert styles[" 012.txt:4-6"] == "Muted"
    assert item.runs[0].bold and item.runs[0].text == "a)\t"
    assert item.style.name == "List Item"


def test_character_styles_look_as_specified(document: docx.document.Document) -> None:
    inserted, deleted, muted = (document.styles[n].font for n in ("Inserted", "Deleted", "Muted"))
    assert inserted.underline and str(inserted.color.rgb) == "1A7F37"
    assert deleted.strike and str(deleted.color.rgb) == "B42318"
    assert str(muted.color.rgb) == "666666"


def test_list_items_hang(document: docx.document.Document) -> None:
    fmt = document.styles["List Item"].paragraph_format
    assert fmt.left_indent > 0
    assert fmt.first_line_indent == -fmt.left_indent


# --- fonts and page layout --------------------------------------------------------------


def test_fonts_are_times_new_roman_without_theme_fonts(
    sample: Path, document: docx.document.Document
) -> None:
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3"):
        rFonts = document.styles[name].element.rPr.rFonts
        assert rFonts.get(qn("w:ascii")) == TNR, name
        assert rFonts.get(qn("w:hAnsi")) == TNR, name
    assert document.styles["Normal"].font.size == Pt(13)
    styles_xml = part_xml(sample, "word/styles.xml")
    assert not any(f"w:{attr}=" in styles_xml for attr in THEME_ATTRIBUTES)
    assert 'w:lang w:val="vi-VN"' in styles_xml


def test_a4_page_with_decree_30_margins(document: docx.document.Document) -> None:
    section = document.sections[0]
    assert mm(section.page_width) == pytest.approx(A4_MM[0], abs=0.5)
    assert mm(section.page_height) == pytest.approx(A4_MM[1], abs=0.5)
    for side, expected in MARGINS_MM.items():
        assert mm(getattr(section, f"{side}_margin")) == pytest.approx(expected, abs=0.5), side


def test_page_numbers_in_header_but_not_on_first_page(document: docx.document.Document) -> None:
    section = document.sections[0]
    assert section._sectPr.find(qn("w:titlePg")) is not None
    header_xml = section.header._element.xml
    assert "PAGE" in "".join(t.text for t in section.header._element.iter(qn("w:instrText")))
    assert 'w:fldCharType="begin"' in header_xml
    assert section.header.paragraphs[0].alignment is None  # centred by the Header style
    assert document.styles["Header"].paragraph_format.alignment == 1  # CENTER
    first = section.first_page_header
    assert not first.is_linked_to_previous
    assert not list(first._element.iter(qn("w:instrText")))
    assert "".join(p.text for p in first.paragraphs) == ""


def test_landscape_table_gets_its_own_section(document: docx.document.Document) -> None:
    portrait, landscape, back = document.sections
    assert landscape.orientation == WD_ORIENT.LANDSCAPE
    assert landscape.page_width == portrait.page_height
    assert landscape.page_height == portrait.page_width
    for side in MARGINS_MM:
        assert getattr(landscape, f"{side}_margin") == getattr(portrait, f"{side}_margin")
    assert landscape.header.is_linked_to_previous  # page numbers continue
    assert landscape._sectPr.find(qn("w:titlePg")) is None
    assert back.orientation == WD_ORIENT.PORTRAIT
    assert back.page_width == portrait.page_width
    wide_table = document.tables[1]
    wide_heading = paragraph_with(document, H1_WIDE)
    # the heading above a landscape table moves onto the landscape page with it
    body = list(document.element.body)
    break_positions = [i for i, e in enumerate(body) if e.find(f".//{qn('w:sectPr')}") is not None]
    assert break_positions[0] < body.index(wide_heading._p) < body.index(wide_table._tbl)
    assert body.index(wide_table._tbl) < break_positions[1]


# --- tables -----------------------------------------------------------------------------


def test_tables_repeat_header_rows_and_fix_widths(document: docx.document.Document) -> None:
    for table, usable, columns in (
        (document.tables[0], USABLE_TWIPS, COLUMNS),
        (document.tables[1], LANDSCAPE_USABLE_TWIPS, WIDE_COLUMNS),
    ):
        tbl = table._tbl
        assert tbl.tr_lst[0].trPr.find(qn("w:tblHeader")) is not None
        assert all(
            tr.trPr is None or tr.trPr.find(qn("w:tblHeader")) is None for tr in tbl.tr_lst[1:]
        )
        assert not list(tbl.iter(qn("w:cantSplit")))  # rows may break across pages
        assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        grid = [int(col.get(qn("w:w"))) for col in tbl.tblGrid.gridCol_lst]
        assert sum(grid) == usable
        for width, column in zip(grid, columns, strict=True):
            assert width == pytest.approx(column.width * usable, abs=1)
        for tr in tbl.tr_lst:
            widths = [int(tc.tcPr.tcW.get(qn("w:w"))) for tc in tr.tc_lst]
            assert widths == grid
        assert table.style.name == "Briefing Table"


def test_table_cells_carry_text_styles_and_notes(document: docx.document.Document) -> None:
    table = document.tables[0]
    header = table.rows[0].cells
    assert all(run.bold for cell in header for p in cell.paragraphs for run in p.runs)
    assert all(p.style.name == "Table Heading" for cell in header for p in cell.paragraphs)
    old = table.rows[1].cells[1]
    assert [p.text for p in old.paragraphs] == ["Tiếp bốn đoàn khách", "001.txt:7"]
    assert old.paragraphs[0].style.name == "Table Text"
    assert old.paragraphs[0].runs[1].style.name == "Deleted"
    assert old.paragraphs[1].runs[0].style.name == "Muted"  # a note paragraph in a cell
    assert table.rows[1].cells[2].paragraphs[0].runs[1].style.name == "Inserted"
    assert len(table.rows) == 4


def test_adjacent_tables_without_caption_stay_apart(tmp_path: Path) -> None:
    report = Report(title="Hai bảng liền nhau", created=date(2025, 1, 1))
    rows = (compare_row(1),)
    report.add(Table(COLUMNS, rows), Table(COLUMNS, rows))
    document = write(report, tmp_path / "two.docx")
    assert len(document.tables) == 2
    tables = [i for i, e in enumerate(document.element.body) if e.tag == qn("w:tbl")]
    assert tables[1] - tables[0] > 1  # a paragraph between them


# --- fields and settings ----------------------------------------------------------------


def test_table_of_contents_field_and_update_on_open(
    sample: Path, document: docx.document.Document
) -> None:
    instructions = [t.text for t in document.element.body.iter(qn("w:instrText"))]
    assert instructions == [docx_writer.TOC_INSTRUCTION]
    assert 'TOC \\o "1-3" \\h \\z \\u' in instructions[0]
    settings = document.settings.element
    assert settings.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    # schema order: updateFields precedes compat
    tags = [child.tag for child in settings]
    assert tags.index(qn("w:updateFields")) < tags.index(qn("w:compat"))
    toc_entry, heading = (p for p in document.paragraphs if p.text == H2)
    assert (toc_entry.style.name, heading.style.name) == ("toc 2", "Heading 2")


def test_empty_table_of_contents_is_still_a_field(tmp_path: Path) -> None:
    report = Report(title="Không có đề mục", created=date(2025, 1, 1))
    report.add(TableOfContents("Mục lục"), Paragraph.plain("Nội dung."))
    document = write(report, tmp_path / "toc.docx")
    kinds = [e.get(qn("w:fldCharType")) for e in document.element.body.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]


# --- awkward input ----------------------------------------------------------------------


def test_markup_characters_and_control_characters(tmp_path: Path) -> None:
    raw = 'Đối tác <Lào> & "Thái Lan"\x00\x07\x1b\ufffe\uffff xong\r\ndòng hai\ttab\x0b.'
    report = Report(title="Ký tự <lạ> & điều khiển\x01", created=date(2025, 1, 1))
    report.add(
        Heading(1, "Mục <1> & \x08mục 2"),
        Paragraph.plain(raw),
        ItemList((ListEntry("•\x02", (Run(raw),), note="a<b>&c\x03"),)),
        Table((Column("Cột <A> & B\x04", 1.0),), ((Cell.plain(raw),),), caption="Bảng <&>\x05"),
    )
    document = write(report, tmp_path / "odd.docx")
    cleaned = 'Đối tác <Lào> & "Thái Lan" xong\ndòng hai\ttab.'
    assert paragraph_with(document, cleaned).text == cleaned
    assert paragraph_with(document, "Mục <1> & mục 2").style.name == "Heading 1"
    assert document.tables[0].rows[1].cells[0].text == cleaned
    assert document.tables[0].rows[0].cells[0].text == "Cột <A> & B"
    item = next(p for p in document.paragraphs if p.text.startswith("•"))
    assert item.text == f"•\t{cleaned} a<b>&c"
    assert document.core_properties.title == "Ký tự <lạ> & điều khiển"
    assert any(br is not None for br in paragraph_with(document, cleaned)._p.iter(qn("w:br")))


def test_clean_text() -> None:
    assert docx_writer.clean_text("a\r\nb\rc\nd\te") == "a\nb\nc\nd\te"
    assert docx_writer.clean_text("".join(map(chr, range(32)))) == "\t\n\n"  # CR too
    assert docx_writer.clean_text("x\ud800\ufffe\uffffy") == "xy"
    assert docx_writer.clean_text("Tiếng Việt") == "Tiếng Việt"


def test_large_table_and_long_item_render(tmp_path: Path) -> None:
    sentence = "Tăng cường hợp tác kinh tế, văn hóa và giáo dục với các địa phương đối tác. "
    long_text = (sentence * (20_000 // len(sentence) + 1))[:20_000]
    report = Report(title="Báo cáo lớn", created=date(2025, 1, 1))
    report.add(
        ItemList((ListEntry("1-", (Run(long_text),), note="099.txt:1-400"),)),
        Table(COLUMNS, tuple(compare_row(n) for n in range(1, 301)), caption="Bảng 300 dòng"),
    )
    docx_writer.write(report, tmp_path / "big.docx", WriterOptions())
    document = docx.Document(str(tmp_path / "big.docx"))
    assert len(document.tables[0].rows) == 301
    assert document.tables[0].rows[300].cells[0].text == "300"
    assert long_text in document.paragraphs[0].text


# --- determinism and atomicity ----------------------------------------------------------


def test_same_report_gives_identical_bytes(tmp_path: Path, sample: Path) -> None:
    docx_writer.write(sample_report(), tmp_path / "again.docx", WriterOptions())
    assert (tmp_path / "again.docx").read_bytes() == sample.read_bytes()
    with zipfile.ZipFile(sample) as archive:
        infos = archive.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {info.date_time for info in infos} == {docx_writer.ZIP_TIMESTAMP}


def test_core_properties_are_fixed(document: docx.document.Document) -> None:
    props = document.core_properties
    assert props.title == "Báo cáo tóm tắt đối ngoại tỉnh Điện Biên"
    assert props.author == "brief"
    assert props.revision == 1
    for stamp in (props.created, props.modified, props.last_printed):
        assert (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute) == (2025, 6, 2, 0, 0)
    assert props.comments == ""


def test_failure_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*_args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(docx_writer._Renderer, "_table", explode)
    target = tmp_path / "out" / "report.docx"
    with pytest.raises(RuntimeError, match="boom"):
        docx_writer.write(sample_report(), target, WriterOptions())
    assert list(target.parent.iterdir()) == []
    target.write_bytes(b"previous report")
    with pytest.raises(RuntimeError):
        docx_writer.write(sample_report(), target, WriterOptions())
    assert target.read_bytes() == b"previous report"
    assert list(target.parent.iterdir()) == [target]


def test_write_report_dispatches_on_suffix(tmp_path: Path) -> None:
    write_report(sample_report(), tmp_path / "via-registry.DOCX")
    assert zipfile.is_zipfile(tmp_path / "via-registry.DOCX")


# --- templates --------------------------------------------------------------------------


def test_user_template_styles_are_used(tmp_path: Path) -> None:
    template = docx.Document(str(BUNDLED))
    rFonts = template.styles["Normal"].element.rPr.rFonts
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rFonts.set(qn(attr), "Arial")
    template.sections[0].left_margin = docx.shared.Mm(25)
    template.save(str(tmp_path / "mine.docx"))
    document = write(sample_report(), tmp_path / "out.docx", tmp_path / "mine.docx")
    assert document.styles["Normal"].font.name == "Arial"
    assert mm(document.sections[0].left_margin) == pytest.approx(25, abs=0.5)
    assert paragraph_with(document, H1).style.name == "Heading 1"


def test_template_without_the_custom_styles(tmp_path: Path) -> None:
    docx.Document().save(str(tmp_path / "plain.docx"))  # python-docx's own template
    document = write(sample_report(), tmp_path / "out.docx", tmp_path / "plain.docx")
    for name in (
        "Note",
        "Centered",
        "List Item",
        "Inserted",
        "Deleted",
        "Muted",
        "Briefing Table",
        "Table Text",
    ):
        assert name in document.styles
    assert paragraph_with(document, NOTE).style.name == "Note"
    assert not any(p.text.startswith("Đề mục cấp") for p in document.paragraphs)


def test_unusable_template_is_an_output_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_text("không phải tệp Word")
    with pytest.raises(OutputError, match="template"):
        docx_writer.write(sample_report(), tmp_path / "out.docx", WriterOptions(template=bad))
    with pytest.raises(OutputError, match="template"):
        options = WriterOptions(template=tmp_path / "missing.docx")
        docx_writer.write(sample_report(), tmp_path / "out.docx", options)
    assert not (tmp_path / "out.docx").exists()


def test_bundled_template_is_reproducible(tmp_path: Path) -> None:
    target = tmp_path / "briefing.docx"
    subprocess.run(
        [sys.executable, "-m", "templates.make_template", str(target)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    assert target.read_bytes() == BUNDLED.read_bytes(), "run python -m templates.make_template"


def test_bundled_template_layout_and_styles() -> None:
    template = docx.Document(str(BUNDLED))
    section = template.sections[0]
    assert (round(mm(section.page_width)), round(mm(section.page_height))) == A4_MM
    styles_xml = part_xml(BUNDLED, "word/styles.xml")
    assert not any(f"w:{attr}=" in styles_xml for attr in THEME_ATTRIBUTES)
    for level in (1, 2, 3):
        assert str(template.styles[f"Heading {level}"].font.color.rgb) == "000000"
    normal = template.styles["Normal"].paragraph_format
    assert normal.alignment == 3  # JUSTIFY
    # Between single and 1.5 lines (Nghị định 30), as a multiple or in points; the bundled
    # template uses at least the PDF's leading, 1.25 × 13 pt, so both files break pages alike.
    if normal.line_spacing_rule == WD_LINE_SPACING.AT_LEAST:
        assert normal.line_spacing.pt == 16.25
    else:
        assert 1.15 <= normal.line_spacing <= 1.3
    assert "stylesWithEffects" not in part_xml(BUNDLED, "[Content_Types].xml")


# --- LibreOffice ------------------------------------------------------------------------


def convert_to_pdf(source: Path, workdir: Path) -> Path:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    profile = (workdir / "lo-profile").as_uri()
    command = [
        soffice,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(workdir),
        str(source),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=240)
    pdf = workdir / (source.stem + ".pdf")
    assert pdf.exists(), "LibreOffice did not produce a PDF"
    return pdf


def pdf_text(pdf: Path, *pages: int) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    span = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    raw = subprocess.run(
        ["pdftotext", *span, str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return " ".join(unicodedata.normalize("NFC", raw).split())


def test_libreoffice_renders_the_docx(sample: Path, tmp_path: Path) -> None:
    pdf = convert_to_pdf(sample, tmp_path)
    text = pdf_text(pdf)
    for phrase in (
        TITLE,
        SUBTITLE,
        H1,
        H2,
        H3,
        H1_WIDE,
        NOTE,
        "hữu nghị truyền thống",
        "Hợp tác với tỉnh Phông Sa Lỳ",
        LAST,
    ):
        assert phrase in text, phrase
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    width, height = (float(v) for v in size.split(":")[1].split("pts")[0].split(" x "))
    assert (round(width), round(height)) == (595, 842)
    assert not pdf_text(pdf, 1).startswith("1 ")  # no number on the cover page
    assert pdf_text(pdf, 2).startswith("2 ")
