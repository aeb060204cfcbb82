"""The PDF writer: fonts, Nghị định 30 layout, escaping, long content, outline/TOC,
determinism and atomic output. Files are read back with poppler and pypdf."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from compiler.errors import OutputError
from compiler.report import model as m
from compiler.writers import WriterOptions, pdf, write_report

LOWER = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
VIETNAMESE_LETTERS = LOWER + LOWER.upper()
SENTENCE = "Tăng cường hợp tác quốc tế của tỉnh Khánh Hòa, Đắk Lắk và Thừa Thiên Huế."
PARAGRAPH = (
    "Năm 2024, Ủy ban nhân dân tỉnh đã chỉ đạo các sở, ngành đẩy mạnh xúc tiến đầu tư, "
    "thương mại, du lịch; tổ chức thành công Hội nghị gặp gỡ các đối tác Hàn Quốc, "
    "Nhật Bản và Liên bang Nga; ký kết ba thỏa thuận hợp tác với địa phương nước ngoài."
)
HEADINGS = (
    (1, "I. Kết quả công tác đối ngoại năm 2024"),
    (2, "1. Hợp tác với các địa phương nước ngoài"),
    (3, "a) Xúc tiến đầu tư và thương mại"),
    (1, "II. Phương hướng, nhiệm vụ năm 2025"),
)
A4_PORTRAIT = (595.3, 841.9)
PAGE_TOP_STRIP = 50  # points: the page number sits in the 20 mm top margin


def needs(binary: str) -> None:
    if shutil.which(binary) is None:
        pytest.skip(f"{binary} (poppler-utils) is not installed")


def run(*args: str) -> str:
    needs(args[0])
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def pdf_text(path: Path, *options: str) -> str:
    return run("pdftotext", "-layout", *options, str(path), "-")


def flat(text: str) -> str:
    """NFC, whitespace collapsed: how text is compared after extraction."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def write(report: m.Report, path: Path) -> Path:
    pdf.write(report, path, WriterOptions())
    return path


def new_report(*elements: m.Element) -> m.Report:
    report = m.Report(title="Báo cáo công tác đối ngoại", created=date(2025, 3, 14))
    report.author = "Sở Ngoại vụ tỉnh Khánh Hòa"
    return report.add(*elements)


def sample_report() -> m.Report:
    """Every element type, several pages, one landscape table."""
    report = new_report(
        m.TitleBlock(
            "HỘI NGHỊ TỔNG KẾT CÔNG TÁC ĐỐI NGOẠI",
            ("Tỉnh Khánh Hòa – Đắk Lắk – Thừa Thiên Huế",),
            "Khánh Hòa, ngày 14 tháng 3 năm 2025",
        ),
        m.TableOfContents("MỤC LỤC"),
        m.PageBreak(),
    )
    for level, text in HEADINGS:
        report.add(m.Heading(level, text), m.Paragraph.plain(PARAGRAPH))
        report.add(m.ItemList((m.ListEntry("Thứ nhất,", (m.Run(SENTENCE),), "000.txt:17-19"),)))
    report.add(
        m.Table(
            (m.Column("Khánh Hòa", 0.5), m.Column("Đắk Lắk", 0.5)),
            ((m.Cell.plain("Ưu tiên thu hút đầu tư"), m.Cell.plain("Đẩy mạnh hợp tác")),),
            caption="Bảng 1. So sánh định hướng",
            landscape=True,
        ),
        m.Paragraph.plain("Đoạn kết thúc báo cáo.", m.ParagraphStyle.NOTE),
    )
    return report


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(sample_report(), tmp_path_factory.mktemp("pdf") / "sample.pdf")


# --- contract and fonts ----------------------------------------------------------------


def test_module_contract() -> None:
    assert pdf.SUFFIX == ".pdf"


@pytest.mark.parametrize("file_name", sorted(pdf.FONT_FILES.values()))
def test_bundled_fonts_cover_every_vietnamese_letter(file_name: str) -> None:
    from reportlab.pdfbase.ttfonts import TTFont

    face = TTFont("probe", io.BytesIO(pdf.font_data(file_name))).face
    missing = [ch for ch in VIETNAMESE_LETTERS if ord(ch) not in face.charToGlyph]
    assert missing == []
    assert face.name == b"LiberationSerif" or face.name.startswith(b"LiberationSerif-")


def test_font_license_is_bundled() -> None:
    from importlib import resources

    text = (resources.files("compiler") / "fonts" / "LICENSE-LiberationSerif.txt").read_text()
    assert "SIL Open Font License" in text or "SIL OPEN FONT LICENSE" in text


def test_fonts_are_embedded_and_only_liberation_serif(sample_pdf: Path) -> None:
    rows = run("pdffonts", str(sample_pdf)).splitlines()[2:]
    assert rows
    names = {row.split()[0].split("+")[-1] for row in rows}
    assert names == set(pdf.FONT_FILES)  # headings level 3 use the bold italic
    for row in rows:
        emb = row.split()[-5]
        assert emb == "yes", row


def test_bold_italic_faces_are_one_family(tmp_path: Path) -> None:
    runs = (m.Run("đậm", bold=True), m.Run(" nghiêng", italic=True), m.Run(" cả hai", True, True))
    path = write(new_report(m.Paragraph(runs)), tmp_path / "family.pdf")
    names = {row.split()[0].split("+")[-1] for row in run("pdffonts", str(path)).splitlines()[2:]}
    assert {"LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic"} <= names


# --- text and layout ---------------------------------------------------------------------


def test_vietnamese_text_reads_back_exactly(sample_pdf: Path) -> None:
    text = flat(pdf_text(sample_pdf))
    for expected in (PARAGRAPH, SENTENCE, "Tỉnh Khánh Hòa – Đắk Lắk – Thừa Thiên Huế"):
        assert flat(expected) in text
    for _, heading in HEADINGS:
        assert heading in text
    assert "Thứ nhất, " + SENTENCE + " 000.txt:17-19" in text


def test_pages_are_a4_with_one_landscape_page_for_the_wide_table(sample_pdf: Path) -> None:
    pages = PdfReader(sample_pdf).pages
    sizes = [(round(float(p.mediabox.width), 1), round(float(p.mediabox.height), 1)) for p in pages]
    landscape = A4_PORTRAIT[::-1]
    assert sizes[-2] == landscape
    assert sizes[:-2] + sizes[-1:] == [A4_PORTRAIT] * (len(sizes) - 1)
    count = len(sizes)
    table_page = pdf_text(sample_pdf, "-f", str(count - 1), "-l", str(count - 1))
    assert "Bảng 1. So sánh định hướng" in table_page
    last_page = pdf_text(sample_pdf, "-f", str(count), "-l", str(count))
    assert "Đoạn kết thúc báo cáo." in last_page  # back to portrait after the table


def test_page_number_on_top_of_later_pages_only(sample_pdf: Path) -> None:
    count = len(PdfReader(sample_pdf).pages)
    assert count >= 3

    def top_strip(page: int) -> str:
        crop = ("-x", "0", "-y", "0", "-W", "842", "-H", str(PAGE_TOP_STRIP))
        return flat(pdf_text(sample_pdf, "-f", str(page), "-l", str(page), *crop))

    assert top_strip(1) == ""
    for page in range(2, count + 1):
        assert top_strip(page) == str(page)


def test_margins_follow_decree_30(sample_pdf: Path) -> None:
    from reportlab.lib.units import mm

    (width, height), margins = pdf._PAGES[pdf.PORTRAIT]
    assert (round(width, 1), round(height, 1)) == A4_PORTRAIT
    assert [
        round(v / mm, 3) for v in (margins.top, margins.bottom, margins.left, margins.right)
    ] == [
        20,
        20,
        30,
        15,
    ]
    bbox = run("pdftotext", "-bbox", "-f", "2", "-l", "2", str(sample_pdf), "-")
    lefts = [float(x) for x in re.findall(r'<word xMin="([\d.]+)"', bbox)]
    rights = [float(x) for x in re.findall(r'xMax="([\d.]+)"', bbox)]
    assert min(lefts) >= 30 * mm - 0.5
    assert max(rights) <= width - 15 * mm + 0.5


# --- outline, TOC, metadata, determinism -------------------------------------------------


def outline_titles(entries: list) -> list[str]:
    titles: list[str] = []
    for entry in entries:
        if isinstance(entry, list):
            titles.extend(outline_titles(entry))
        else:
            titles.append(entry.title)
    return titles


def test_outline_lists_every_heading(sample_pdf: Path) -> None:
    reader = PdfReader(sample_pdf)
    assert outline_titles(reader.outline) == [text for _, text in HEADINGS]
    top = [e.title for e in reader.outline if not isinstance(e, list)]
    assert top == [HEADINGS[0][1], HEADINGS[3][1]]


def test_table_of_contents_lists_headings_with_page_numbers(sample_pdf: Path) -> None:
    toc_page = pdf_text(sample_pdf, "-f", "1", "-l", "1")
    assert "MỤC LỤC" in toc_page
    for _, heading in HEADINGS:
        line = next(line for line in toc_page.splitlines() if heading in line)
        page = int(line.split()[-1].strip("."))
        assert heading in pdf_text(sample_pdf, "-f", str(page), "-l", str(page))


def test_metadata_comes_from_the_report(sample_pdf: Path) -> None:
    meta = PdfReader(sample_pdf).metadata
    assert meta.title == "Báo cáo công tác đối ngoại"
    assert meta.author == "Sở Ngoại vụ tỉnh Khánh Hòa"
    assert meta.creation_date.date() == date(2025, 3, 14)


def test_same_report_gives_identical_bytes(tmp_path: Path) -> None:
    first = write(sample_report(), tmp_path / "a.pdf").read_bytes()
    second = write(sample_report(), tmp_path / "b" / "other-name.pdf").read_bytes()
    assert first == second
    assert b"/FlateDecode" in first  # compressed


def test_dispatch_by_suffix(tmp_path: Path) -> None:
    target = tmp_path / "report.PDF"
    write_report(new_report(m.Paragraph.plain(SENTENCE)), target)
    assert target.read_bytes().startswith(b"%PDF-")


# --- nasty and long content --------------------------------------------------------------

NASTY = "a<b & c>d \x00\x07\x1b\ufffe<i>không</i> &amp;"
NASTY_SHOWN = "a<b & c>d <i>không</i> &amp;"


def nasty_report() -> m.Report:
    run = m.Run(NASTY)
    return new_report(
        m.TitleBlock(NASTY, (NASTY,), NASTY),
        m.TableOfContents(NASTY),
        m.Heading(1, NASTY),
        m.Paragraph((run, m.Run(NASTY, True, True, m.RunStyle.INSERTED))),
        m.Paragraph((m.Run(NASTY, style=m.RunStyle.DELETED), m.Run(NASTY, style=m.RunStyle.MUTED))),
        m.ItemList((m.ListEntry(NASTY, (run,), NASTY),)),
        m.Table((m.Column(NASTY, 1.0),), ((m.Cell((m.Paragraph((run,)),)),),), caption=NASTY),
        m.Table((m.Column(NASTY, 1.0),), ((m.Cell.plain(NASTY),),), NASTY, landscape=True),
    )


def test_markup_characters_and_control_characters_are_harmless(tmp_path: Path) -> None:
    path = write(nasty_report(), tmp_path / "nasty.pdf")
    text = flat(pdf_text(path))
    # title ×3, TOC title + entry, heading, 2 paragraphs ×2, list ×3, tables ×(3 + 3)
    assert text.count(NASTY_SHOWN) >= 17
    assert outline_titles(PdfReader(path).outline) == [NASTY_SHOWN]


def numbered_text(count: int, prefix: str = "câu") -> str:
    return " ".join(f"{prefix}{i} là {SENTENCE}" for i in range(count))


def numbers_in(text: str, prefix: str = "câu") -> list[int]:
    return [int(n) for n in re.findall(rf"\b{prefix}(\d+)\b", text)]


@pytest.mark.parametrize("where", ["paragraph", "item", "cell", "landscape-cell"])
def test_twenty_thousand_characters_in_one_place(tmp_path: Path, where: str) -> None:
    long = numbered_text(250)
    assert len(long) > 20_000
    element: m.Element = {
        "paragraph": m.Paragraph.plain(long),
        "item": m.ItemList((m.ListEntry("•", (m.Run(long),), "000.txt:1-400"),)),
        "cell": m.Table(
            (m.Column("Tiêu chí", 0.2), m.Column("Nội dung", 0.8)),
            ((m.Cell.plain("Dài"), m.Cell.plain(long)), (m.Cell.plain("Ngắn"), m.Cell.plain("x"))),
        ),
        "landscape-cell": m.Table(
            (m.Column("Nội dung", 0.3), m.Column("Ghi chú", 0.7)),
            ((m.Cell.plain(long), m.Cell.plain(long.replace("câu", "ý"))),),
            landscape=True,
        ),
    }[where]
    path = write(new_report(m.Heading(1, "Nội dung dài"), element), tmp_path / "long.pdf")
    text = flat(pdf_text(path))
    if where == "landscape-cell":  # two long columns interleave line by line
        assert sorted(numbers_in(text)) == list(range(250))
        assert sorted(numbers_in(text, "ý")) == list(range(250))
    else:
        assert numbers_in(text) == list(range(250))
    assert len(PdfReader(path).pages) > 5


def diff_row(i: int) -> tuple[m.Cell, m.Cell]:
    left = (m.Run(f"hàng{i} Tăng cường "), m.Run("hợp tác", style=m.RunStyle.DELETED))
    right = (m.Run(f"hàng{i} Tăng cường "), m.Run("liên kết", style=m.RunStyle.INSERTED))
    note = m.Paragraph.plain(f"{i:03}.txt:{i}", m.ParagraphStyle.NOTE)
    return m.Cell((m.Paragraph(left), note)), m.Cell((m.Paragraph(right + left),))


def test_three_hundred_row_comparison_table(tmp_path: Path) -> None:
    table = m.Table(
        (m.Column("Khánh Hòa", 0.5), m.Column("Đắk Lắk", 0.5)),
        tuple(diff_row(i) for i in range(300)),
        caption="Bảng so sánh",
    )
    path = write(new_report(table), tmp_path / "rows.pdf")
    pages = len(PdfReader(path).pages)
    text = pdf_text(path)
    assert sorted(set(numbers_in(text, "hàng"))) == list(range(300))
    assert flat(text).count("Khánh Hòa Đắk Lắk") == pages  # header repeated on every page


def long_everywhere(where: str) -> list[m.Element]:
    long = numbered_text(250)
    cell = m.Cell.plain("x")
    return {
        "heading": [m.TableOfContents("Mục lục"), m.Heading(1, long), m.Paragraph.plain("x")],
        "last-heading": [m.Paragraph.plain(SENTENCE), m.Heading(2, long)],
        "title": [m.TitleBlock(long, (long,), long)],
        "caption": [m.Table((m.Column("A", 1.0),), ((cell,),), caption=long)],
        "column-title": [m.Table((m.Column(long, 0.5), m.Column("B", 0.5)), ((cell, cell),))],
        "label": [m.ItemList((m.ListEntry(long, (m.Run("x"),), "ghi chú"),))],
        "note": [m.ItemList((m.ListEntry("1-", (m.Run("x"),), long),))],
        "newlines": [m.Table((m.Column("A", 1.0),), ((m.Cell.plain("câu\n" * 2000),),))],
        "no-spaces": [
            m.Table((m.Column("A", 0.1), m.Column("B", 0.9)), ((m.Cell.plain("x" * 20_000), cell),))
        ],
    }[where]


@pytest.mark.parametrize(
    "where",
    [
        "heading",
        "last-heading",
        "title",
        "caption",
        "column-title",
        "label",
        "note",
        "newlines",
        "no-spaces",
    ],
)
def test_long_text_anywhere_lays_out(tmp_path: Path, where: str) -> None:
    path = write(new_report(*long_everywhere(where)), tmp_path / "long.pdf")
    text = pdf_text(path)
    if where == "newlines":
        assert text.count("câu") == 2000
    elif where == "no-spaces":
        assert "".join(re.findall("x+", text)).count("x") >= 20_000
    else:
        assert sorted(set(numbers_in(text))) == list(range(250))


def test_heading_before_a_page_break_stays_on_its_page(tmp_path: Path) -> None:
    report = new_report(m.Heading(1, "Chương một"), m.PageBreak(), m.Heading(1, "Chương hai"))
    path = write(report, tmp_path / "breaks.pdf")
    assert "Chương một" in pdf_text(path, "-f", "1", "-l", "1")
    assert "Chương hai" in pdf_text(path, "-f", "2", "-l", "2")


def test_headings_may_skip_levels(tmp_path: Path) -> None:
    report = new_report(m.Heading(3, "Mục con"), m.Heading(1, "Chương"), m.Heading(3, "Tiểu mục"))
    path = write(report, tmp_path / "levels.pdf")
    assert outline_titles(PdfReader(path).outline) == ["Mục con", "Chương", "Tiểu mục"]


def test_landscape_table_first_leaves_no_blank_page(tmp_path: Path) -> None:
    table = m.Table((m.Column("Cột", 1.0),), ((m.Cell.plain(SENTENCE),),), landscape=True)
    path = write(
        new_report(m.PageBreak(), table, m.PageBreak(), m.Paragraph.plain(SENTENCE)),
        tmp_path / "l.pdf",
    )
    pages = PdfReader(path).pages
    assert [float(p.mediabox.width) > float(p.mediabox.height) for p in pages] == [True, False]


def test_heading_moves_with_landscape_table(tmp_path: Path) -> None:
    table = m.Table((m.Column("Cột", 1.0),), ((m.Cell.plain(SENTENCE),),), landscape=True)
    report = new_report(m.Paragraph.plain(PARAGRAPH), m.Heading(1, "Phụ lục so sánh"), table)
    path = write(report, tmp_path / "h.pdf")
    assert "Phụ lục so sánh" in pdf_text(path, "-f", "2", "-l", "2")


def test_empty_elements_do_not_fail(tmp_path: Path) -> None:
    report = new_report(
        m.TitleBlock(""),
        m.Paragraph(()),
        m.ItemList(()),
        m.ItemList((m.ListEntry("", ()),)),
        m.Table((), ()),
        m.Table((m.Column("A", 0.0), m.Column("B", 0.0)), ((m.Cell(()),),)),
        m.PageBreak(),
        m.PageBreak(),
    )
    assert len(PdfReader(write(report, tmp_path / "empty.pdf")).pages) == 1


# --- atomic output -----------------------------------------------------------------------


def test_failed_write_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(canvas: object, doc: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(pdf, "_draw_page_number", explode)
    with pytest.raises(RuntimeError, match="boom"):
        write(sample_report(), tmp_path / "out.pdf")
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")

    def explode(self: object, flowable: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(pdf._Doc, "afterFlowable", explode)
    with pytest.raises(RuntimeError):
        write(sample_report(), target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_unwritable_target_is_an_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError):
        write(new_report(m.Paragraph.plain(SENTENCE)), blocker / "out.pdf")
