"""Key figures and asks benchmark (run by hand: ``python benchmarks/bench_figures.py``).

1. The seed compilation (``../shared/corpus/000_…txt``, or the bundled sample papers when
   the shared corpus is absent): the document is read once, then ``find_figures`` and
   ``find_asks`` (themes of the proposals included) are timed in-process on top of reading,
   median and minimum of N runs, with reading itself for scale.
2. National scale: the 63-paper synthetic compilation (``synthetic.national_compilation``).
3. Quality on the seed against a reader's expectations (``tests/figures_gold.py``): recall
   and category agreement on the two papers read whole, precision of the judged random
   sample, and recall and categories on the news article and the interview.

Options: -n N (timed runs, default 20).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from benchmarks.synthetic import national_compilation, print_numbers, seed_path  # noqa: E402
from compiler.asks import find_asks  # noqa: E402
from compiler.figures import find_figures  # noqa: E402
from compiler.ingest import load_document  # noqa: E402


def timed(run: Callable[[], object], repeats: int) -> tuple[float, float]:
    run()  # warm-up: imports, compiled patterns
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def speed(path: Path, repeats: int) -> dict[str, float]:
    read_median, _ = timed(lambda: load_document(path), max(3, repeats // 4))
    document = load_document(path)
    figures_median, figures_min = timed(lambda: find_figures([document]), repeats)
    asks_median, asks_min = timed(lambda: find_asks([document]), repeats)
    both_median, both_min = timed(
        lambda: (find_figures([document]), find_asks([document])), repeats
    )
    return {
        "papers": len(document.papers),
        "characters": len(path.read_text(encoding="utf-8")),
        "figures found": len(find_figures([document])),
        "asks found": len(find_asks([document])),
        "reading, median s": read_median,
        "figures, median s": figures_median,
        "figures, min s": figures_min,
        "asks (with themes), median s": asks_median,
        "asks (with themes), min s": asks_min,
        "figures + asks on top of reading, median s": both_median,
        "figures + asks on top of reading, min s": both_min,
    }


def quality() -> dict[str, float]:
    from corpus import COMPILATION, INTERVIEW_2023, NEWS_2019
    from figures_gold import HELD_OUT, JUDGED, READING
    from test_figures_corpus import match

    figures = find_figures([load_document(COMPILATION)])
    numbers: dict[str, float] = {}
    for province, expected in READING.items():
        pairs, missed, extra = match([f for f in figures if f.province == province], expected)
        numbers[f"{province}: figures read"] = len(expected)
        numbers[f"{province}: recall"] = len(pairs) / len(expected)
        numbers[f"{province}: found, not in the reading"] = len(extra)
        right = sum(f.category == e[2] for e, f in pairs)
        numbers[f"{province}: category agreement"] = right / max(1, len(pairs))
    numbers["judged sample: size"] = len(JUDGED)
    numbers["judged sample: precision"] = sum(j[3] for j in JUDGED) / len(JUDGED)
    for name, path in (("002 news", NEWS_2019), ("003 interview", INTERVIEW_2023)):
        expected = HELD_OUT[name[:3]]
        pairs, missed, extra = match(find_figures([load_document(path)]), expected)
        numbers[f"{name}: recall"] = len(pairs) / len(expected)
        numbers[f"{name}: category agreement"] = sum(f.category == e[2] for e, f in pairs) / max(
            1, len(pairs)
        )
        numbers[f"{name}: found, not in the reading"] = len(extra)
    return numbers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--repeats", type=int, default=20, help="timed runs (default 20)")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}")
    print_numbers(f"seed: {seed_path().name}", speed(seed_path(), args.repeats))
    with tempfile.TemporaryDirectory() as folder:
        national = Path(folder) / "national.txt"
        national.write_text(national_compilation(), encoding="utf-8")
        print_numbers("national: 63 synthetic papers", speed(national, max(3, args.repeats // 4)))
    if seed_path().name.startswith("000_"):
        print_numbers("quality on the shared corpus", quality())


if __name__ == "__main__":
    main()
