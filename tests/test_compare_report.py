"""Comparison reports: match strength in words, word-level redline only for near-identical
pairs (or one province over time), other pairs side by side as plain text."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from docx import Document as WordDocument

from compiler import align
from compiler.align.strength import RELATED_CUT
from compiler.cli import main
from compiler.ingest import load_documents
from compiler.model import SectionKind
from compiler.report.builders import ReportOptions, comparison_report
from compiler.report.model import RunStyle, Table
from tests.calibration.gold import HELDOUT
from tests.test_pack import pdf_text

STRENGTHS = {"gần như trùng", "tương đồng", "liên quan"}


def _styles(report) -> list[set[RunStyle]]:
    """The run styles of each pairs-table row."""
    rows = []
    for element in report.elements:
        if isinstance(element, Table) and len(element.columns) == 3:
            for row in element.rows:
                rows.append({r.style for cell in row for p in cell.paragraphs for r in p.runs})
    return rows


def test_two_provinces_redline_only_their_near_identical_pair() -> None:
    documents = load_documents([HELDOUT.folder]).documents
    comparison = align.compare(documents, "Gia Lai", "Quảng Trị", [SectionKind.TASKS])
    report = comparison_report(comparison, ReportOptions())
    redlined = [styles for styles in _styles(report) if RunStyle.DELETED in styles]
    assert len(redlined) == 1  # the copied formula about the Party's line, nothing else
    middles = [row[1].text for e in report.elements if isinstance(e, Table) for row in e.rows]
    assert middles and set(middles) <= STRENGTHS
    assert "gần như trùng" in middles


def test_weak_pairs_are_not_presented_as_matches() -> None:
    documents = load_documents([HELDOUT.folder]).documents
    comparison = align.compare(documents, "Hải Phòng", "Đồng Tháp", [SectionKind.TASKS])
    report = comparison_report(comparison, ReportOptions())
    shown = sum(len(e.rows) for e in report.elements if isinstance(e, Table))
    strong = [p for p in comparison.sections[0].matching.pairs if p.score >= RELATED_CUT]
    assert shown == len(strong) < len(comparison.sections[0].matching.pairs)


def test_compare_takes_a_date_and_an_issuer(tmp_path: Path) -> None:
    pdf, docx = tmp_path / "c.pdf", tmp_path / "c.docx"
    result = CliRunner().invoke(
        main,
        [
            "compare",
            str(HELDOUT.folder),
            "-l",
            "Gia Lai",
            "-r",
            "Quảng Trị",
            "-s",
            "tasks",
            "-o",
            str(pdf),
            "-o",
            str(docx),
            "--date",
            "2025-02-03",
            "--issuer",
            "Bộ Ngoại giao",
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    text = pdf_text(pdf)
    assert "Ngày 03 tháng 02 năm 2025" in text and "BỘ NGOẠI GIAO" in text
    assert "Gia Lai: TỈNH GIA LAI THỰC HIỆN ĐƯỜNG LỐI ĐỐI NGOẠI CỦA ĐẢNG" in text
    styled = {
        run.style.name
        for table in WordDocument(str(docx)).tables
        for row in table.rows
        for cell in row.cells
        for p in cell.paragraphs
        for run in p.runs
    }
    assert {"Inserted", "Deleted"} <= styled
