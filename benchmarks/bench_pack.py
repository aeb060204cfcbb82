"""Report benchmark (run by hand: ``python benchmarks/bench_pack.py``).

For the seed compilation and synthetic compilations of 34 and 63 provinces: seconds to
read and align, to build the report, to write the DOCX, the PDF and the HTML page
(in-process), pages of the whole PDF, of its summary and of its body, peak memory; the wall
time of the whole ``build_pack`` (DOCX and PDF, as ``brief pack`` writes them); then the
time LibreOffice needs to convert the same DOCX to PDF and the pages it lays it out on (the
same as the PDF's when the layouts agree).

The HTML page: its size, and in the system's Chromium (driven by Playwright, when both are
installed): the time from navigation to the page's load event (parsed, laid out, script
run) and to its first paint, the median of three cold loads in fresh pages; the time the
province filter and a search take to apply (one input event each, until the next frame).
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
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


def measure(source: Path, folder: Path, label: str, browser=None) -> dict[str, float]:
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
    html = folder / f"{label}.html"
    write_report(report, html, WriterOptions())
    wrote_html = time.perf_counter()
    from pypdf import PdfReader

    numbers = {
        "papers": len(document.papers),
        "read s": read - start,
        "themes s": aligned - read,
        "build report s": built - aligned,
        "write DOCX s": wrote_docx - built,
        "write PDF s": wrote_pdf - wrote_docx,
        "write HTML s": wrote_html - wrote_pdf,
        "total in-process s (DOCX+PDF)": wrote_pdf - start,
        "HTML MB": html.stat().st_size / 1e6,
        **html_load(browser, html),
        "PDF pages": len(PdfReader(str(pdf)).pages),
        **part_pages(pdf),
        "build_pack DOCX+PDF (wall) s": whole_pack(source, folder, label),
    }
    numbers.update(libreoffice(docx, folder, wrote_pdf - wrote_docx))
    numbers["peak MB (tracemalloc, PDF write)"] = _peak(report, folder / f"{label}-mem.pdf")
    return numbers


def html_load(browser, html: Path) -> dict[str, float]:
    """Load and filter times of the HTML page in Chromium (nothing without a browser)."""
    if browser is None:
        return {}
    loads, paints = [], []
    for _ in range(3):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(html.as_uri())
        timing = page.evaluate(
            """() => new Promise((done) => new PerformanceObserver((list, observer) => {
                if (!performance.getEntriesByName('first-contentful-paint').length) return;
                observer.disconnect();
                done({
                    load: performance.getEntriesByType('navigation')[0].loadEventEnd,
                    paint: performance.getEntriesByName('first-contentful-paint')[0].startTime,
                });
            }).observe({type: 'paint', buffered: true}))"""
        )
        loads.append(timing["load"] / 1000)
        paints.append((timing["paint"] or 0) / 1000)
        page.close()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(html.as_uri())
    applying = """([selector, value]) => new Promise((done) => {
        const control = document.querySelector(selector);
        const start = performance.now();
        control.value = value;
        control.dispatchEvent(new Event('input', {bubbles: true}));
        requestAnimationFrame(() => setTimeout(() => done(performance.now() - start)));
    })"""
    province = page.evaluate(applying, ["select[name=p]", "1"]) / 1000
    page.evaluate(applying, ["select[name=p]", ""])
    search = page.evaluate(applying, ["input[name=q]", "hop tac"]) / 1000
    page.close()
    return {
        "HTML load event (Chromium, median of 3) s": statistics.median(loads),
        "HTML first paint s": statistics.median(paints),
        "HTML province filter s": province,
        "HTML first search s": search,
    }


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
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()  # --help
    with tempfile.TemporaryDirectory() as name, chromium() as browser:
        folder = Path(name)
        runs = [("seed", seed_path())]
        for count in (34, 63):
            national = folder / f"national-{count}.txt"
            national.write_text(national_compilation(count), encoding="utf-8")
            runs.append((f"national-{count}", national))
        for label, source in runs:
            numbers = measure(source, folder, label, browser)
            print_numbers(f"{label} ({source.name})", numbers, width=42)
    print_peak_rss()


@contextlib.contextmanager
def chromium() -> Iterator:
    """The system's Chromium through Playwright, or None when either is missing."""
    from tests.html_pages import BROWSER_ARGS
    from tests.html_pages import chromium as find_chromium

    executable = find_chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        executable = None
    if executable is None:
        print("(no Chromium or no playwright: the HTML page's load times are left out)")
        yield None
        return
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=BROWSER_ARGS)
        yield browser
        browser.close()


if __name__ == "__main__":
    main()
