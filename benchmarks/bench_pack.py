"""Report benchmark (run by hand: ``python benchmarks/bench_pack.py``).

For the seed compilation and synthetic compilations of 34 and 63 provinces: seconds to
read and align, to build the report, to write the DOCX and the PDF (in-process), pages of
the whole PDF, of its summary and of its body, peak memory; the wall time of the whole
``build_pack`` (DOCX and PDF, as ``brief pack`` writes them); then the time LibreOffice
needs to convert the same DOCX to PDF and the pages it lays it out on (the same as the
PDF's when the layouts agree).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import (  # noqa: E402
    national_compilation,
    print_numbers,
    print_peak_rss,
    seed_path,
)
from compiler import align  # noqa: E402
from compiler.ingest import load_document  # noqa: E402
from compiler.report.builders import PACK_KINDS, ReportOptions, briefing_pack  # noqa: E402
from compiler.writers import WriterOptions, write_report  # noqa: E402


def measure(source: Path, folder: Path, label: str) -> dict[str, float]:
    start = time.perf_counter()
    document = load_document(source)
    read = time.perf_counter()
    themes = align.themes([document], list(PACK_KINDS))
    aligned = time.perf_counter()
    report = briefing_pack([document], themes, ReportOptions(created=date(2025, 12, 15)))
    built = time.perf_counter()
    docx, pdf = folder / f"{label}.docx", folder / f"{label}.pdf"
    write_report(report, docx, WriterOptions())
    wrote_docx = time.perf_counter()
    write_report(report, pdf, WriterOptions())
    wrote_pdf = time.perf_counter()
    from pypdf import PdfReader

    numbers = {
        "papers": len(document.papers),
        "read s": read - start,
        "themes s": aligned - read,
        "build report s": built - aligned,
        "write DOCX s": wrote_docx - built,
        "write PDF s": wrote_pdf - wrote_docx,
        "total in-process s": wrote_pdf - start,
        "PDF pages": len(PdfReader(str(pdf)).pages),
        **part_pages(pdf),
        "build_pack DOCX+PDF (wall) s": whole_pack(source, folder, label),
    }
    numbers.update(libreoffice(docx, folder, wrote_pdf - wrote_docx))
    numbers["peak MB (tracemalloc, PDF write)"] = _peak(report, folder / f"{label}-mem.pdf")
    return numbers


def part_pages(pdf: Path) -> dict[str, int]:
    """Pages of the summary and of the body, from the PDF's outline."""
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    pages: dict[str, int] = {}

    def walk(entries) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry)
            else:
                page = reader.get_destination_page_number(entry)
                pages.setdefault(entry.title, (page or 0) + 1)

    walk(reader.outline)
    summary, body = pages["Những điểm chính"], pages["I. Tổng quan"]
    annex = pages.get("Phụ lục: Toàn văn tham luận", len(reader.pages) + 1)
    return {"summary pages": body - summary, "body pages": annex - body}


def whole_pack(source: Path, folder: Path, label: str) -> float:
    """Seconds for ``build_pack`` to write the DOCX and the PDF, from the command's start."""
    from compiler.options import PackOptions
    from compiler.pack import build_pack

    outputs = (folder / f"{label}-pack.docx", folder / f"{label}-pack.pdf")
    start = time.perf_counter()
    build_pack(PackOptions(sources=(source,), outputs=outputs, created=date(2025, 12, 15)))
    return time.perf_counter() - start


def libreoffice(docx: Path, folder: Path, our_pdf_seconds: float) -> dict[str, float]:
    soffice = shutil.which("soffice")
    if soffice is None:
        return {}
    profile = f"-env:UserInstallation=file://{folder / 'lo-profile'}"
    command = [
        soffice,
        profile,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder / "lo"),
        str(docx),
    ]
    subprocess.run(command, capture_output=True, check=True)  # warm-up: profile creation
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True)
    seconds = time.perf_counter() - start
    from pypdf import PdfReader

    pages = len(PdfReader(str(folder / "lo" / f"{docx.stem}.pdf")).pages)
    return {
        "LibreOffice DOCX→PDF s": seconds,
        "LibreOffice pages": pages,
        "LibreOffice / our PDF (time ratio)": seconds / our_pdf_seconds,
    }


def _peak(report, path: Path) -> float:
    tracemalloc.start()
    write_report(report, path, WriterOptions())
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        runs = [("seed", seed_path())]
        for count in (34, 63):
            national = folder / f"national-{count}.txt"
            national.write_text(national_compilation(count), encoding="utf-8")
            runs.append((f"national-{count}", national))
        for label, source in runs:
            print_numbers(f"{label} ({source.name})", measure(source, folder, label), width=40)
    print_peak_rss()


if __name__ == "__main__":
    main()
