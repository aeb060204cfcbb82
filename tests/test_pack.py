"""Briefing packs and comparison reports: generated, then read back as a reader would."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document as WordDocument

from compiler import align
from compiler.cli import main
from compiler.ingest import load_document, load_documents
from compiler.model import SectionKind
from compiler.pack import PackOptions, build_pack, load_manifest
from tests.corpus import COMPILATION, PROVINCES, corpus_file

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "sources"
MM = 72 / 25.4


def needs(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        pytest.skip(f"{program} is not installed")
    return path


def pdf_text(path: Path) -> str:
    """pdftotext output as one line: page numbers and layout whitespace removed.

    Dashes are left out on both sides of every comparison (``squash``): pdftotext joins a
    line ending with " -" to the next one and drops the dash ("Việt Nam -⏎Trung Quốc").
    """
    out = subprocess.run(
        [needs("pdftotext"), str(path), "-"], capture_output=True, text=True, check=True
    )
    lines = [line for line in out.stdout.splitlines() if not re.fullmatch(r"\s*\d+\s*", line)]
    return squash(" ".join(lines))


def squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("-", " ").split())


def docx_text(path: Path) -> str:
    document = WordDocument(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return squash(" ".join(parts))


@pytest.fixture(scope="module")
def corpus_pack(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("pack")
    docx, pdf = folder / "b.docx", folder / "b.pdf"
    result = CliRunner().invoke(
        main,
        [
            "pack",
            str(corpus_file(COMPILATION)),
            "-o",
            str(docx),
            "-o",
            str(pdf),
            "--date",
            "2021-12-15",
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return docx, pdf


def test_pack_writes_both_files_with_every_province_and_item(corpus_pack) -> None:
    docx, pdf = corpus_pack
    document = load_document(COMPILATION)
    pdf_words, docx_words = pdf_text(pdf), docx_text(docx)
    for province in PROVINCES:
        assert province in pdf_words and province in docx_words
    items = [
        i
        for p in document.papers
        for k in (SectionKind.TASKS, SectionKind.PROPOSALS)
        for i in p.items(k)
    ]
    assert len(items) > 50
    for item in items:
        assert squash(item.text) in pdf_words, item.text[:80]
        assert squash(item.text) in docx_words, item.text[:80]


def test_pdf_fonts_are_embedded_and_pages_are_a4_with_the_margins(corpus_pack) -> None:
    _, pdf = corpus_pack
    fonts = subprocess.run(
        [needs("pdffonts"), str(pdf)], capture_output=True, text=True, check=True
    )
    rows = fonts.stdout.splitlines()[2:]
    assert rows and all(" yes " in row and "LiberationSerif" in row for row in rows), fonts.stdout
    boxes = subprocess.run(
        [needs("pdftotext"), "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    for page in re.findall(
        r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', boxes.stdout, re.DOTALL
    ):
        width, height, words = float(page[0]), float(page[1]), page[2]
        assert {round(width), round(height)} == {595, 842}
        pattern = r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<'
        # The page number sits in the top margin, as Nghị định 30 places it.
        boxes = [
            tuple(map(float, b[:4]))
            for b in re.findall(pattern, words)
            if not b[4].strip().isdigit()
        ]
        if width < height and boxes:  # portrait: left 30 mm, right 15 mm, top and bottom 20 mm
            assert min(b[0] for b in boxes) >= 30 * MM - 1
            assert max(b[2] for b in boxes) <= width - 15 * MM + 1
            assert min(b[1] for b in boxes) >= 20 * MM - 1
            assert max(b[3] for b in boxes) <= height - 20 * MM + 1


def test_docx_opens_in_python_docx_with_the_layout(corpus_pack) -> None:
    docx, _ = corpus_pack
    document = WordDocument(str(docx))
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert round(section.left_margin.mm) == 30 and round(section.right_margin.mm) == 15
    assert round(section.top_margin.mm) == 20 and round(section.bottom_margin.mm) == 20
    styles = [p.style.name for p in document.paragraphs]
    assert "Heading 1" in styles and "Heading 3" in styles
    landscape = [s for s in document.sections if s.page_width > s.page_height]
    assert landscape  # the overview table
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == ["Những điểm chính", "I. Tổng quan", "II. Cơ hội, thời cơ"]


def test_docx_converts_with_libreoffice(corpus_pack, tmp_path: Path) -> None:
    docx, _ = corpus_pack
    soffice = needs("soffice")
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    subprocess.run(
        [
            soffice,
            profile,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx),
        ],
        capture_output=True,
        check=True,
        timeout=240,
    )
    converted = pdf_text(tmp_path / "b.pdf")
    assert all(province in converted for province in PROVINCES)
    assert "Phương hướng, nhiệm vụ" in converted


def test_same_inputs_give_byte_identical_files(tmp_path: Path) -> None:
    outputs = []
    for run in ("one", "two"):
        folder = tmp_path / run
        options = PackOptions(
            sources=(SOURCES / "hoi-nghi-2025",),
            outputs=(folder / "b.docx", folder / "b.pdf"),
            title="Hội nghị thử",
            created=date(2025, 12, 15),
        )
        build_pack(options)
        outputs.append([p.read_bytes() for p in options.outputs])
    assert outputs[0] == outputs[1]


def test_a_failing_writer_leaves_no_file(tmp_path: Path, monkeypatch) -> None:
    import compiler.writers.pdf as pdf_writer

    def broken(temp, report, first):
        Path(temp).write_bytes(b"%PDF-1.4 half")  # something was written before the failure
        raise RuntimeError("layout failed")

    monkeypatch.setattr(pdf_writer, "_make_doc", broken)
    target = tmp_path / "b.pdf"
    options = PackOptions(
        sources=(SOURCES / "hoi-nghi-2025",), outputs=(target,), created=date(2025, 1, 1)
    )
    with pytest.raises(Exception, match="layout failed"):
        build_pack(options)
    assert list(tmp_path.iterdir()) == []


HOSTILE = """\
TỈNH HÀ GIANG VỚI HỘI NHẬP <QUỐC TẾ> & PHÁT TRIỂN
Tỉnh ủy Hà Giang

I. PHƯƠNG HƯỚNG, NHIỆM VỤ

Thứ nhất, mở rộng hợp tác <biên giới> & thương mại với các đối tác \x07 láng giềng.

Thứ hai, {long}

II. KIẾN NGHỊ

1. Đề nghị Bộ Ngoại giao hỗ trợ tỉnh kết nối với các đối tác <châu Âu> & châu Á.
"""


def test_hostile_text_and_a_20000_character_item_render(tmp_path: Path) -> None:
    sentence = (
        "đẩy mạnh quảng bá hình ảnh tỉnh tới bạn bè quốc tế qua các kênh thông tin đối ngoại; "
    )
    long_item = (sentence * (20_000 // len(sentence) + 1))[:20_000]
    source = tmp_path / "ha-giang.txt"
    source.write_text(HOSTILE.format(long=long_item), encoding="utf-8")
    docx, pdf = tmp_path / "h.docx", tmp_path / "h.pdf"
    build_pack(PackOptions(sources=(source,), outputs=(docx, pdf), created=date(2025, 1, 1)))
    for text in (pdf_text(pdf), docx_text(docx)):
        assert "mở rộng hợp tác <biên giới> & thương mại" in text
        assert "<châu Âu> & châu Á" in text
        assert squash(long_item)[:5000] in text


def test_manifest_builds_the_bundled_meeting(tmp_path: Path) -> None:
    manifest = tmp_path / "pack.toml"
    manifest.write_text(
        (SOURCES / "hoi-nghi-2025" / "pack.toml")
        .read_text(encoding="utf-8")
        .replace(
            '"tham-luan-tong-hop.txt"',
            f'"{(SOURCES / "hoi-nghi-2025" / "tham-luan-tong-hop.txt").as_posix()}"',
        )
        .replace("../../output/hoi-nghi-2025/", "")
        .replace("../hoi-nghi-2023/", f"{(SOURCES / 'hoi-nghi-2023').as_posix()}/"),
        encoding="utf-8",
    )
    options = load_manifest(manifest)
    assert options.created == date(2025, 12, 15)
    assert [p.name for p in options.outputs] == ["briefing.docx", "briefing.pdf", "briefing.html"]
    result = CliRunner().invoke(main, ["build", str(manifest)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    text = pdf_text(tmp_path / "briefing.pdf")
    assert "Hội nghị Ngoại vụ toàn quốc lần thứ 22" in text and "Lào Cai" in text
    page = (tmp_path / "briefing.html").read_text(encoding="utf-8")
    assert "<h1>Hội nghị Ngoại vụ toàn quốc lần thứ 22</h1>" in page and "Lào Cai" in page


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('title = "x"\n', "lists no sources"),
        ('sources = ["a.txt"]\ncolour = "red"\n', "unknown manifest keys: colour"),
        ('sources = ["a.txt"]\ndate = "15/12/2025"\n', "must be YYYY-MM-DD"),
        ('sources = ["a.txt"]\nsections = ["budget"]\n', "unknown section kind"),
        ("sources = [", "not a valid TOML manifest"),
    ],
)
def test_bad_manifests_get_one_clear_line(tmp_path: Path, content: str, message: str) -> None:
    manifest = tmp_path / "pack.toml"
    manifest.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(manifest)])
    assert result.exit_code != 0
    assert message in result.stderr and str(manifest) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unsupported_output_type_is_refused_before_any_work(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["pack", str(SOURCES / "hoi-nghi-2025"), "-o", str(tmp_path / "b.odt")]
    )
    assert result.exit_code == 2  # a bad option value, checked before any work
    assert result.stderr == (
        f"brief: --output: {tmp_path / 'b.odt'}: unsupported report type '.odt' "
        "(use .docx, .pdf or .html)\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_comparison_report_marks_differences_in_both_formats(tmp_path: Path) -> None:
    documents = load_documents([SOURCES]).documents
    docx, pdf = tmp_path / "c.docx", tmp_path / "c.pdf"
    result = CliRunner().invoke(
        main,
        [
            "compare",
            str(SOURCES),
            "-l",
            "Quảng Ninh@quang-ninh-2023.md",
            "-r",
            "Quảng Ninh@tham-luan-tong-hop.txt",
            "-s",
            "tasks",
            "-o",
            str(docx),
            "-o",
            str(pdf),
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    comparison = align.compare(
        documents,
        "Quảng Ninh@quang-ninh-2023.md",
        "Quảng Ninh@tham-luan-tong-hop.txt",
        [SectionKind.TASKS],
    )
    reworded = comparison.sections[0].changes.reworded[0]
    inserted = next(run.text for run in reworded.diff if run.op.value == "insert")
    word = WordDocument(str(docx))
    styled = {
        run.style.name
        for table in word.tables
        for row in table.rows
        for cell in row.cells
        for p in cell.paragraphs
        for run in p.runs
    }
    assert {"Inserted", "Deleted"} <= styled
    text = pdf_text(pdf)
    assert squash(inserted) in text
    assert "Điều chỉnh" in text and "Giữ nguyên" in text


def test_three_hundred_row_comparison_renders(tmp_path: Path) -> None:
    lines = ["THAM LUẬN CỦA TỈNH NAM ĐỊNH", "Tỉnh ủy Nam Định", "", "I. NHIỆM VỤ", ""]
    other = ["THAM LUẬN CỦA TỈNH THÁI BÌNH", "Tỉnh ủy Thái Bình", "", "I. NHIỆM VỤ", ""]
    for n in range(1, 301):
        lines += [
            f"{n}. Tăng cường hợp tác quốc tế về lĩnh vực số {n} với đối tác thứ {n} tại châu Á.",
            "",
        ]
        other += [
            f"{n}. Đẩy mạnh hợp tác quốc tế về lĩnh vực số {n} với đối tác thứ {n} ở châu Âu.",
            "",
        ]
    source = tmp_path / "two.txt"
    source.write_text("\n".join(lines + other), encoding="utf-8")
    documents = [load_document(source)]
    comparison = align.compare(documents, "Nam Định", "Thái Bình", [SectionKind.TASKS])
    assert len(comparison.sections[0].matching.pairs) == 300
    from compiler.pack import write_comparison

    write_comparison(
        comparison, [tmp_path / "c.docx", tmp_path / "c.pdf"], created=date(2025, 1, 1)
    )
    assert "lĩnh vực số 300" in pdf_text(tmp_path / "c.pdf")
    assert len(WordDocument(str(tmp_path / "c.docx")).tables[0].rows) == 301


def test_report_wording_comes_from_one_place_and_can_be_english(tmp_path: Path) -> None:
    pdf = tmp_path / "en.pdf"
    options = PackOptions(
        sources=(SOURCES / "hoi-nghi-2025",),
        outputs=(pdf,),
        created=date(2025, 12, 15),
        language="en",
    )
    build_pack(options)
    text = pdf_text(pdf)
    assert "Contents" in text and "I. Overview" in text and "Themes several provinces share" in text
    assert "Tổng quan" not in text and "Mục lục" not in text
    assert "Quảng Ninh" in text  # the papers' own text is never translated
