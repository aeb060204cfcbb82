"""The brief as a leader and an analyst read it: built from the seed compilation (and the
bundled sources), then read back from the PDF (pdftotext, the outline) and the DOCX."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document as WordDocument
from docx.oxml.ns import qn
from pypdf import PdfReader

from compiler import align
from compiler.ingest import load_document, load_documents
from compiler.options import PackOptions
from compiler.pack import build_pack
from compiler.report.builders import PACK_KINDS, ReportOptions, briefing_pack
from compiler.report.catalogue import Detail, SourceNotes
from tests.corpus import COMPILATION, PROVINCES, corpus_file
from tests.test_pack import needs, squash

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "sources"


def outline_pages(pdf: Path) -> list[tuple[str, int]]:
    reader = PdfReader(str(pdf))
    found: list[tuple[str, int]] = []

    def walk(entries) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry)
            else:
                found.append((entry.title, reader.get_destination_page_number(entry) + 1))

    walk(reader.outline)
    return found


def page_of(pdf: Path, title: str) -> int:
    return next(page for name, page in outline_pages(pdf) if name == title)


def pages_text(pdf: Path, first: int, last: int | None = None) -> str:
    command = [needs("pdftotext"), "-f", str(first)]
    if last:
        command += ["-l", str(last)]
    out = subprocess.run([*command, str(pdf), "-"], capture_output=True, text=True, check=True)
    lines = [line for line in out.stdout.splitlines() if not re.fullmatch(r"\s*\d+\s*", line)]
    return squash(" ".join(lines))


@pytest.fixture(scope="module")
def seed_brief(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("brief")
    options = PackOptions(
        sources=(corpus_file(COMPILATION),),
        outputs=(folder / "b.docx", folder / "b.pdf"),
        created=date(2021, 12, 15),
        issuer="Bộ Ngoại giao",
    )
    build_pack(options)
    return options.outputs


def test_summary_fits_two_pages_and_the_body_twelve(seed_brief) -> None:
    _, pdf = seed_brief
    summary, body = page_of(pdf, "Những điểm chính"), page_of(pdf, "I. Tổng quan")
    annex = page_of(pdf, "Phụ lục: Toàn văn tham luận")
    assert summary == 3  # cover, contents, then the summary
    assert body - summary <= 2, (summary, body)
    assert annex - body <= 12, (body, annex)


def test_cover_is_a_page_of_its_own_with_issuer_date_and_provinces_in_order(seed_brief) -> None:
    _, pdf = seed_brief
    cover = pages_text(pdf, 1, 1)
    assert "BỘ NGOẠI GIAO" in cover and "Ngày 15 tháng 12 năm 2021" in cover
    assert "Mục lục" not in cover
    assert "000_819b" not in cover  # sources named by title and province, not by file
    listed = re.search(r"Các tỉnh, thành phố: (.*?) Tổng hợp", cover).group(1)
    assert listed.split(", ") == [
        "Cần Thơ",
        "Đà Nẵng",
        "Hà Tĩnh",
        "Khánh Hòa",
        "Kiên Giang",
        "Lạng Sơn",
        "Lâm Đồng",
    ]
    assert "Mục lục" in pages_text(pdf, 2, 2)


def test_summary_names_shared_themes_with_provinces_and_what_one_province_raises(
    seed_brief,
) -> None:
    _, pdf = seed_brief
    summary = pages_text(pdf, 3, page_of(pdf, "I. Tổng quan") - 1)
    assert "Ngoại giao kinh tế, xúc tiến đầu tư và thương mại – 5 địa phương" in summary
    assert "Chỉ một địa phương nêu" in summary
    labels = re.findall(r"• ([^•]*?) – \d+ địa phương:", summary)
    assert len(labels) >= 12 and not any("…" in label for label in labels), labels


def test_annex_holds_every_paragraph_and_footnote_of_every_paper(seed_brief) -> None:
    docx, pdf = seed_brief
    document = load_document(COMPILATION)
    annex_pdf = pages_text(pdf, page_of(pdf, "Phụ lục: Toàn văn tham luận"))
    paragraphs = [p.text for p in WordDocument(str(docx)).paragraphs]
    start = paragraphs.index("Phụ lục: Toàn văn tham luận")
    annex_docx = squash(" ".join(paragraphs[start:]))
    blocks = list(document.footnotes)
    for paper in document.papers:
        blocks += paper.title_blocks + [paper.author_block]
        for section in paper.sections:
            blocks += section.heading_blocks + section.paragraphs
    assert len(blocks) > 200 and document.footnotes
    for block in blocks:
        assert squash(block.text) in annex_pdf, block.text[:80]
        assert squash(block.text) in annex_docx, block.text[:80]


def test_body_items_are_concise_and_reference_their_place(seed_brief) -> None:
    _, pdf = seed_brief
    body = pages_text(
        pdf, page_of(pdf, "I. Tổng quan"), page_of(pdf, "Phụ lục: Toàn văn tham luận") - 1
    )
    assert "[riêng địa phương]" not in body and "000_819b" not in body
    assert "Chú trọng kinh tế đối ngoại: Tiếp tục đẩy mạnh" in body  # Lạng Sơn 3.2, OCR fixed
    assert "mục 3.2" in body and "[vấn đề 1]" in body
    document = load_document(COMPILATION)
    longest = max(
        (i for p in document.papers for k in PACK_KINDS for i in p.items(k)),
        key=lambda i: len(i.text),
    )
    assert squash(longest.text)[:2000] not in body  # in full only in the annex


def test_links_reach_their_targets_in_both_files(seed_brief) -> None:
    docx, pdf = seed_brief
    reader = PdfReader(str(pdf))
    named = set(reader.named_destinations)
    targets = [
        annotation.get_object()["/Dest"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object().get("/Subtype") == "/Link" and "/Dest" in annotation.get_object()
    ]
    assert len(targets) > 100
    assert all(str(target) in named for target in targets if not isinstance(target, list))
    body = WordDocument(str(docx)).element.body
    bookmarks = {mark.get(qn("w:name")) for mark in body.iter(qn("w:bookmarkStart"))}
    anchors = [link.get(qn("w:anchor")) for link in body.iter(qn("w:hyperlink"))]
    assert len(anchors) > 100 and set(anchors) <= bookmarks


def test_the_word_contents_has_the_page_numbers_of_the_layout(seed_brief, tmp_path) -> None:
    docx, pdf = seed_brief
    document = WordDocument(str(docx))
    entries = [p.text for p in document.paragraphs if re.fullmatch(r"toc \d", p.style.name)]
    assert len(entries) > 10
    assert all(re.search(r"\t\d+$", entry) for entry in entries), entries[:3]
    written = [(e.rsplit("\t", 1)[0], int(e.rsplit("\t", 1)[1])) for e in entries]
    assert written == contents_pages(pdf, [title for title, _ in written])
    assert document.settings.element.find(qn("w:updateFields")) is not None  # Word refreshes
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return
    # LibreOffice lays the Word file out on the same pages.
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"
    command = [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path)]
    subprocess.run([*command, str(docx)], capture_output=True, check=True, timeout=240)
    laid_out = tmp_path / "b.pdf"
    assert written == contents_pages(laid_out, [title for title, _ in written])


def contents_pages(pdf: Path, titles: list[str]) -> list[tuple[str, int]]:
    """(title, page) of the outline entries that the contents lists, in order."""
    outline = iter(outline_pages(pdf))
    return [next(entry for entry in outline if entry[0] == title) for title in titles]


def test_provinces_follow_vietnamese_order_in_the_body(seed_brief) -> None:
    _, pdf = seed_brief
    titles = [title for title, _ in outline_pages(pdf)]
    tasks = titles.index("IV. Phương hướng, nhiệm vụ")
    proposals = titles.index("V. Kiến nghị, đề xuất")
    listed = [t for t in titles[tasks:proposals] if t in PROVINCES]
    assert listed == ["Cần Thơ", "Đà Nẵng", "Hà Tĩnh", "Khánh Hòa", "Kiên Giang", "Lạng Sơn"]


def _brief(**changes):
    documents = load_documents([SOURCES / "hoi-nghi-2025"]).documents
    themes = align.themes(documents, list(PACK_KINDS))
    options = ReportOptions(created=date(2025, 12, 15), **changes)
    return briefing_pack(documents, themes, options)


def _texts(report) -> str:
    from compiler.report.model import ItemList, Paragraph

    parts = []
    for element in report.elements:
        if isinstance(element, Paragraph):
            parts.append(element.text)
        elif isinstance(element, ItemList):
            parts += [
                " ".join(r.text for r in e.runs) + f" {e.note or ''}" for e in element.entries
            ]
    return " ".join(parts)


def test_detail_provenance_and_annex_options_change_what_the_brief_holds() -> None:
    concise, full = _brief(), _brief(detail=Detail.FULL)
    documents = load_documents([SOURCES / "hoi-nghi-2025"]).documents
    long_item = max(
        (i for p in documents[0].papers for i in p.items(PACK_KINDS[2])), key=lambda i: len(i.text)
    )
    body_concise = [e for e in concise.elements if getattr(e, "entries", None)]
    body_full = [e for e in full.elements if getattr(e, "entries", None)]
    assert any(
        long_item.text in " ".join(r.text for r in x.runs) for e in body_full for x in e.entries
    )
    assert not any(
        long_item.text in " ".join(r.text for r in x.runs) for e in body_concise for x in e.entries
    )
    assert "dòng" in _texts(_brief(provenance=SourceNotes.FULL))
    hidden = _brief(provenance=SourceNotes.NONE)
    entries = [x for e in hidden.elements for x in getattr(e, "entries", ())]
    assert entries and all(x.note is None and x.note_link is None for x in entries)
    without = _brief(annex=False)
    assert "Phụ lục: Toàn văn tham luận" not in [getattr(e, "text", "") for e in without.elements]
    for report in (concise, full, without, _brief(provenance=SourceNotes.NONE)):
        assert report.dangling_links() == []


def test_english_headers_fit_their_columns(tmp_path: Path) -> None:
    pdf = tmp_path / "en.pdf"
    build_pack(
        PackOptions(
            sources=(SOURCES / "hoi-nghi-2025",),
            outputs=(pdf,),
            created=date(2025, 12, 15),
            language="en",
        )
    )
    words = pages_text(pdf, page_of(pdf, "I. Overview"), page_of(pdf, "I. Overview")).split()
    for header in ("Achievements", "Opportunities", "Challenges", "Proposals"):
        assert header in words, header  # never "Achieveme" + "nts"


def test_no_page_opens_with_a_stranded_reference(seed_brief) -> None:
    _, pdf = seed_brief
    reference = re.compile(r"^(?:mục [\dIVX.]+(?:, ý \w+)?|ý \w+|\S+\.txt[:, ].*)$")
    body_end = page_of(pdf, "Phụ lục: Toàn văn tham luận")
    for page in range(3, body_end):
        out = subprocess.run(
            [needs("pdftotext"), "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        lines = [line.strip() for line in out.splitlines() if line.strip()]
        first = next(line for line in lines if not line.isdigit())
        assert not reference.match(first), (page, first)


def test_summary_groups_asks_by_addressee_and_quotes_key_figures(seed_brief) -> None:
    _, pdf = seed_brief
    summary = pages_text(pdf, 3, page_of(pdf, "I. Tổng quan") - 1)
    assert "Kiến nghị theo cơ quan nhận" in summary
    assert "Bộ Ngoại giao – 6 kiến nghị của Lạng Sơn, Lâm Đồng" in summary
    assert "Số liệu chính" in summary and "Đà Nẵng 45 địa phương (lũy kế đến nay)" in summary
    body = pages_text(pdf, page_of(pdf, "I. Tổng quan"), page_of(pdf, "II. Cơ hội, thời cơ"))
    assert "Bảng 2. Số liệu chính các địa phương cùng nêu" in body
    assert "trên 3,862 tỷ USD (lũy kế đến nay)" in body  # Đà Nẵng's FDI capital


def test_a_larger_meeting_gets_four_summary_pages_at_most(tmp_path: Path) -> None:
    from benchmarks.synthetic import national_compilation

    corpus_file(COMPILATION)
    source = tmp_path / "twelve.txt"
    source.write_text(national_compilation(12), encoding="utf-8")
    pdf = tmp_path / "b.pdf"
    build_pack(PackOptions(sources=(source,), outputs=(pdf,), created=date(2025, 12, 15)))
    summary, body = page_of(pdf, "Những điểm chính"), page_of(pdf, "I. Tổng quan")
    assert 2 < body - summary <= 4
