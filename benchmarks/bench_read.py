"""Benchmark the reading stage: file → blocks → normalised, segmented ``Document``.

Times ``compiler.ingest.load_document`` in-process on the conference compilation of the
shared corpus (``../shared/corpus/000_819b2faa9b76d63a.txt``, ~127k characters), then on a
DOCX of similar size generated from the same text (one Word paragraph per line; headings in
caps get the "Heading 1" style). Prints median and minimum wall time of N runs, characters
per second (on the median) and the peak Python memory of one run (``tracemalloc``, measured
in a separate run because tracing slows everything down).

Run from the project root::

    .venv/bin/python benchmarks/bench_read.py             # 20 repeats
    .venv/bin/python benchmarks/bench_read.py -n 5        # fewer repeats
    .venv/bin/python benchmarks/bench_read.py --file sources/hoi-nghi-2025/tham-luan-tong-hop.txt

Without the shared corpus (a user's clone), the text fixture of the tests is repeated to a
similar size instead. Always exits 0; the numbers are for reading, not asserting.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cold(read: Callable[[Path], object], path: Path) -> object:
    """Read with the per-paragraph caches emptied: each repeat reads the file as new."""
    ascii_fold.cache_clear()
    mentions.cache_clear()
    return read(path)


sys.path.insert(0, str(ROOT))

from compiler.ingest import load_document  # noqa: E402
from compiler.model import Document  # noqa: E402
from compiler.normalize import ascii_fold  # noqa: E402
from compiler.segment.owners import mentions  # noqa: E402

CORPUS_FILE = ROOT.parent / "shared" / "corpus" / "000_819b2faa9b76d63a.txt"
FALLBACK = ROOT / "tests" / "fixtures" / "papers" / "binh-dinh.txt"
UNHEADED = ROOT / "tests" / "reading" / "dev"  # 32 documents of every genre


def measure(label: str, chars: int, run: Callable[[], object], repeats: int) -> None:
    run()  # warm-up: imports, compiled regexes, caches
    times, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        document = run()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    median = statistics.median(times)
    if isinstance(document, Document):
        items = sum(len(s.items) for p in document.papers for s in p.sections)
        found = f"{len(document.papers)} papers, {items} items"
    elif isinstance(document, list):
        found = f"{len(document)} mentions"  # find_all
    else:
        found = type(document).__name__
    print(
        f"{label:<8} {chars:>9,} chars  median {median:.4f} s  min {min(times):.4f} s  "
        f"cpu median {statistics.median(cpu):.4f} s  "
        f"{chars / median:>12,.0f} chars/s  peak {peak / 2**20:.1f} MiB  ({found}, {repeats} runs)"
    )


def source_text(path: Path | None) -> tuple[Path, str]:
    if path is not None:
        return path, path.read_text(encoding="utf-8-sig")
    if CORPUS_FILE.exists():
        return CORPUS_FILE, CORPUS_FILE.read_text(encoding="utf-8-sig")
    print(f"note: {CORPUS_FILE} not found; repeating {FALLBACK.name} instead")
    text = FALLBACK.read_text(encoding="utf-8")
    return FALLBACK, "\n\n".join([text] * max(1, 127_000 // len(text)))


def write_docx(text: str, path: Path) -> int:
    """A DOCX with one paragraph per non-blank line; returns its character count."""
    import docx

    from compiler.normalize import is_caps

    document = docx.Document()
    chars = 0
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        style = "Heading 1" if is_caps(line) and len(line) < 120 else None
        document.add_paragraph(line, style=style)
        chars += len(line)
    document.save(str(path))
    return chars


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--repeats", type=int, default=20, help="timed runs (default 20)")
    parser.add_argument("--file", type=Path, help="text file to read instead of the corpus")
    args = parser.parse_args()

    path, text = source_text(args.file)
    print(f"python {sys.version.split()[0]}, source {path}")
    with tempfile.TemporaryDirectory() as folder:
        if path == FALLBACK:
            path = Path(folder) / "repeated.txt"
            path.write_text(text, encoding="utf-8")
        text_path = path
        measure("text", len(text), lambda: cold(load_document, text_path), args.repeats)
        docx_path = Path(folder) / "generated.docx"
        chars = write_docx(text, docx_path)
        print(f"       generated {docx_path.name}: {docx_path.stat().st_size:,} bytes")
        measure("docx", chars, lambda: cold(load_document, docx_path), args.repeats)
    from compiler.provinces import find_all

    measure("find_all", len(text), lambda: find_all(text), args.repeats)
    # Unheaded pieces (interviews, news, speeches, reports) take the wording scorer's path.
    pieces = sorted(p for p in UNHEADED.glob("*") if p.suffix in (".txt", ".md"))
    if pieces:
        chars = sum(len(p.read_text(encoding="utf-8")) for p in pieces)
        measure(
            "unheaded", chars, lambda: [cold(load_document, p) for p in pieces][-1], args.repeats
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
