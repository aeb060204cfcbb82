"""Alignment benchmark (run by hand: ``python benchmarks/bench_align.py``).

1. Scoring 10,000 items (seed items replicated and perturbed) two ways:
   - nearest neighbours: the scorer's candidate generation (one sparse product per block
     of rows, top-k per item) and exact rescoring of the candidates; its recall is measured
     against exact scores of a random sample of rows against every item (the pairs at or
     over the match threshold that the candidates hold);
   - exact all pairs (``Scorer.square``, what themes use): every pair scored.
   Reports wall time, pairs scored per second, peak memory, and the same all-pairs job
   estimated with difflib.SequenceMatcher and with plain rapidfuzz token_set_ratio (timed
   on a sample; rapidfuzz's cdist of a list against itself scores each pair once, so it is
   credited with n(n+1)/2 pairs, not n²).
2. National scale: a synthetic compilation of 63 papers; ``themes`` for one section kind,
   and a two-paper ``compare`` after reading.

Options: --items N (default 10000), --k K (candidates per item, default 20),
--recall-rows N (sampled rows for the recall, default 300).
"""

from __future__ import annotations

import argparse
import difflib
import os
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import (  # noqa: E402
    national_compilation,
    perturbed_items,
    print_numbers,
    print_peak_rss,
    seed_path,
)
from compiler import align  # noqa: E402
from compiler.align.matching import MATCH_THRESHOLD  # noqa: E402
from compiler.align.similarity import Scorer  # noqa: E402
from compiler.ingest import load_document  # noqa: E402
from compiler.model import SectionKind  # noqa: E402


def nearest_neighbours(count: int, k: int, recall_rows: int) -> dict[str, float]:
    items = perturbed_items(count)
    start = time.perf_counter()
    scorer = Scorer(items)
    built = time.perf_counter()
    candidates = scorer.candidate_pairs(k=k)
    found = time.perf_counter()
    scores = scorer.pair_scores(candidates)
    done = time.perf_counter()
    recall, relevant = candidate_recall(scorer, candidates, recall_rows)
    candidate_count = len(candidates)
    del scorer, candidates
    # Memory in a second pass: tracemalloc slows allocation-heavy code several times over.
    tracemalloc.start()
    scorer = Scorer(items)
    scorer.pair_scores(scorer.candidate_pairs(k=k))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "items": count,
        "candidate pairs (scored exactly)": candidate_count,
        f"candidate pairs >= {MATCH_THRESHOLD}": int((scores >= MATCH_THRESHOLD).sum()),
        "prepare s": built - start,
        "candidates s": found - built,
        "rescore s": done - found,
        "total s": done - start,
        "pairs scored/s": candidate_count / (done - found),
        f"recall vs exact ({recall_rows} rows x all items)": recall,
        f"  exact pairs >= {MATCH_THRESHOLD} in those rows": relevant,
        "peak MB (tracemalloc)": peak / 1e6,
    }


def candidate_recall(scorer: Scorer, candidates, rows: int) -> tuple[float, int]:
    """The share of the exact pairs at or over the match threshold, among ``rows`` random
    items against every item, that the candidates hold."""
    import numpy as np

    n = len(scorer.items)
    sample = sorted(random.Random(11).sample(range(n), min(rows, n)))
    exact = scorer.matrix(sample, list(range(n)), workers=-1)
    held = {(int(i), int(j)) for i, j in candidates}
    relevant = found = 0
    for row, i in enumerate(sample):
        for j in np.nonzero(exact[row] >= MATCH_THRESHOLD)[0]:
            if j == i:
                continue
            relevant += 1
            found += (min(i, int(j)), max(i, int(j))) in held
    return found / max(relevant, 1), relevant


def exact_all_pairs(count: int) -> dict[str, float]:
    items = perturbed_items(count)
    start = time.perf_counter()
    scorer = Scorer(items)
    built = time.perf_counter()
    scores = scorer.square(list(range(count)))
    done = time.perf_counter()
    scored = count * (count + 1) / 2  # the upper triangle with its diagonal, mirrored
    return {
        "items": count,
        "pairs scored": int(scored),
        f"pairs >= {MATCH_THRESHOLD}": int(((scores >= MATCH_THRESHOLD).sum() - count) / 2),
        "prepare s": built - start,
        "all pairs s": done - built,
        "pairs scored/s": scored / (done - built),
        "score matrix MB": scores.nbytes / 1e6,
    }


def baselines(count: int, sample: int = 3000) -> dict[str, float]:
    from rapidfuzz import fuzz
    from rapidfuzz.process import cdist

    items = perturbed_items(200)
    texts = [i.text for i in items]
    pairs = [(texts[i % 200], texts[(i * 7 + 3) % 200]) for i in range(sample)]
    start = time.perf_counter()
    for a, b in pairs:
        difflib.SequenceMatcher(None, a.split(), b.split()).ratio()
    difflib_rate = sample / (time.perf_counter() - start)
    start = time.perf_counter()
    cdist(texts, texts, scorer=fuzz.token_set_ratio, workers=-1)
    # One list against itself with a symmetric scorer: rapidfuzz scores the upper triangle
    # and the diagonal only, n(n+1)/2 pairs (about half the time of two distinct lists).
    computed = len(texts) * (len(texts) + 1) / 2
    rapidfuzz_rate = computed / (time.perf_counter() - start)
    total_pairs = count * (count - 1) / 2
    return {
        "difflib pairs/s": difflib_rate,
        "difflib all-pairs s (estimated)": total_pairs / difflib_rate,
        f"rapidfuzz token_set_ratio pairs/s ({os.cpu_count()} cores)": rapidfuzz_rate,
        "rapidfuzz all-pairs s (estimated)": total_pairs / rapidfuzz_rate,
    }


def national(kind: SectionKind = SectionKind.TASKS) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "national.txt"
        path.write_text(national_compilation(), encoding="utf-8")
        start = time.perf_counter()
        document = load_document(path)
        read = time.perf_counter()
        found = align.themes([document], [kind])
        themed = time.perf_counter()
        first, second = document.papers[1].province or "", document.papers[8].province or ""
        scorers = align.Scorers([document])
        scorers[kind]
        scored = time.perf_counter()
        align.compare([document], first, second, [kind], scorers=scorers)
        compared = time.perf_counter()
        align.compare([document], first, second, [kind])
        compared_cold = time.perf_counter()
    return {
        "papers": len(document.papers),
        f"{kind.value} items": sum(len(p.items(kind)) for p in document.papers),
        "themes found": len(found[0].themes.themes),
        "read s": read - start,
        f"themes ({kind.value}) s": themed - read,
        f"scorer for every {kind.value} item s": scored - themed,
        "compare with scorer s": compared - scored,
        "compare incl. scorer s": compared_cold - compared,
    }


def seed_compare() -> dict[str, float]:
    document = load_document(seed_path())
    first, second = document.papers[1].province or "", document.papers[-1].province or ""
    start = time.perf_counter()
    align.compare([document], first, second, [SectionKind.TASKS])
    return {"seed compare (incl. scorer) s": time.perf_counter() - start}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--k", type=int, default=20)
    parser.add_argument("--recall-rows", type=int, default=300)
    args = parser.parse_args()
    print(f"seed: {seed_path().name}")
    for title, numbers in (
        (
            "nearest neighbours (top-k candidates)",
            nearest_neighbours(args.items, args.k, args.recall_rows),
        ),
        ("exact all pairs", exact_all_pairs(args.items)),
        ("baselines", baselines(args.items)),
        ("national scale (63 papers)", national()),
        ("seed", seed_compare()),
    ):
        print_numbers(title, numbers)
    print_peak_rss()


if __name__ == "__main__":
    main()
