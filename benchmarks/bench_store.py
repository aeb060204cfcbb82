"""A national history through the store (run by hand: ``python benchmarks/bench_store.py``).

Ten yearly meetings of the 34 provinces, five papers each a year (1,700 papers; see
``synthetic.national_history``), the latest manifest naming the year before, and so on.

1. ``brief build`` of the latest meeting with an empty store (every paper read), again with
   nothing changed, after one paper of the latest year changed, and after one paper of the
   first year changed: wall time, where it went, peak memory. Each build runs in a child
   process.
2. The store: size, documents, passages.
3. Search latency in the store: queries with and without diacritics, phrases, filters.
4. Themes across all years for one section kind (tasks, about 10,000 items): time and peak
   memory, in a child process. Themes use the exact score matrix (``Scorer.square``); on a
   random sample of items, the pairs over the theme threshold in that matrix are compared
   with exact all-pairs scoring of the sample (``Scorer.matrix``), and so are those the
   top-k candidate path (``candidate_pairs``) finds.

Options: --years N (default 10), --keep DIR (generate into DIR and leave it there),
--sample N (items for the recall check, default 1500).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import national_history, print_numbers  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


# --- child processes: one build, or the themes ----------------------------------------------


def child_build(manifest: Path) -> dict[str, float]:
    """``brief build`` in this process, with the time of each stage."""
    import compiler.align
    import compiler.meetings
    import compiler.pack
    import compiler.report.builders
    from compiler.options import load_manifest
    from compiler.store import Store

    spent: dict[str, float] = {}
    counts = {"read": 0, "reused": 0}
    for module, name, stage in (
        (compiler.meetings, "read_meetings", "read (files and store) s"),
        (compiler.pack, "meeting_history", "history (changes, repeated asks) s"),
        (compiler.align, "themes", "themes of the meeting s"),
        (compiler.report.builders, "briefing_pack", "build report s"),
        (compiler.pack, "write_all", "write DOCX and PDF s"),
    ):
        setattr(module, name, _timed(getattr(module, name), stage, spent))
    original_close = Store.close

    def close(self: Store) -> None:
        counts["read"] += self.read_fresh
        counts["reused"] += self.reused
        original_close(self)

    Store.close = close  # type: ignore[method-assign]
    start = time.perf_counter()
    compiler.pack.build_pack(load_manifest(manifest), manifest)
    total = time.perf_counter() - start
    return {
        "total s": total,
        **spent,
        "files read": counts["read"],
        "documents from the store": counts["reused"],
        "peak RSS MB": _rss_mb(),
    }


def _timed(function, stage: str, spent: dict[str, float]):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[stage] = spent.get(stage, 0.0) + time.perf_counter() - start

    return wrapper


def child_themes(manifest: Path, sample: int) -> dict[str, float]:
    """Themes of every year's tasks from the store; then the exactness check."""
    import numpy as np

    from compiler import align
    from compiler.meetings import read_meetings
    from compiler.model import SectionKind
    from compiler.options import load_manifest

    start = time.perf_counter()
    meetings = read_meetings(load_manifest(manifest), manifest, manifest.parent / "brief.db")
    documents = [d for m in (*meetings.earlier, meetings.current) for d in m.documents]
    loaded = time.perf_counter()
    kind = SectionKind.TASKS
    scorers = align.Scorers(documents)
    scorer = scorers[kind]
    built = time.perf_counter()
    (found,) = align.themes(documents, [kind], scorers)
    themed = time.perf_counter()
    rss = _rss_mb()
    numbers = {
        "papers": sum(len(d.papers) for d in documents),
        f"{kind.value} items": len(scorer.items),
        "themes": len(found.themes.themes),
        "items in themes": sum(len(t.members) for t in found.themes.themes),
        "load documents from the store s": loaded - start,
        "scorer s": built - loaded,
        "themes (exact matrix, clustering) s": themed - built,
        "scorer + themes s": themed - loaded,
        "peak RSS MB (themes done)": rss,
    }
    numbers.update(_exactness(scorer, sample, np))
    return numbers


def _exactness(scorer, sample: int, np) -> dict[str, float]:
    """Pairs over the theme threshold among a random sample: in the matrix the themes use
    (``square`` over every item), by exact all-pairs scoring of the sample, and among the
    top-k candidates."""
    from compiler.align.themes import THEME_THRESHOLD

    n = len(scorer.items)
    chosen = sorted(random.Random(7).sample(range(n), min(sample, n)))
    exact = scorer.matrix(chosen, chosen)
    upper = np.triu(np.ones_like(exact, dtype=bool), k=1)
    truth = _pairs(chosen, (exact >= THEME_THRESHOLD) & upper, np)
    full = scorer.square(list(range(n)))
    used = _pairs(chosen, (full[np.ix_(chosen, chosen)] >= THEME_THRESHOLD) & upper, np)
    del full
    candidates = {tuple(pair) for pair in scorer.candidate_pairs(k=20).tolist()}
    in_sample = set(chosen)
    topk = {pair for pair in candidates if pair[0] in in_sample and pair[1] in in_sample}
    return {
        "recall sample (items)": len(chosen),
        f"sample pairs >= {THEME_THRESHOLD} (exact all-pairs)": len(truth),
        "  recall of the themes' matrix": len(truth & used) / max(len(truth), 1),
        "  precision of the themes' matrix": len(truth & used) / max(len(used), 1),
        "  recall of top-20 candidates": len(truth & topk) / max(len(truth), 1),
    }


def _pairs(chosen: list[int], over, np) -> set[tuple[int, int]]:
    rows, columns = np.nonzero(over)
    return {(chosen[i], chosen[j]) for i, j in zip(rows, columns, strict=True)}


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- the parent -------------------------------------------------------------------------------


def in_child(*args: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, cwd=ROOT
    )
    if out.returncode != 0:
        raise SystemExit(f"child {' '.join(args)} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def store_numbers(store: Path) -> dict[str, float]:
    db = sqlite3.connect(store)
    count = lambda table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: E731
    size = store.stat().st_size
    numbers = {
        "store MB": size / 1e6,
        "meetings": count("meetings"),
        "documents": count("documents"),
        "passages (indexed)": count("passages"),
        "documents' JSON, compressed MB": db.execute(
            "SELECT SUM(LENGTH(data)) FROM documents"
        ).fetchone()[0]
        / 1e6,
    }
    db.close()
    return numbers


QUERIES = [
    ("ngoai giao kinh te", (), ()),
    ("ngoại giao kinh tế", (), ()),
    ('"xuc tien dau tu"', (), ()),
    ("bien gioi cua khau", (), ("proposals",)),
    ("dao tao can bo", ("Lào Cai",), ()),
    ("ODA", (), ()),
    ("hop tac quoc te", ("ha noi", "Huế"), ("tasks",)),
    ("xuc tie*", (), ()),
]


def search_numbers(store: Path, repeats: int = 20) -> dict[str, float]:
    from compiler.search import match_expression, province_keys
    from compiler.store import Store

    timings: list[float] = []
    matches = 0
    with Store(store) as kept:
        for query, places, kinds in QUERIES:
            match, keys = match_expression(query), province_keys(places)
            kept.search(match, list(kinds), keys, 20)  # warm the page cache
            for _ in range(repeats):
                start = time.perf_counter()
                total, _ = kept.search(match, list(kinds), keys, 20)
                timings.append(time.perf_counter() - start)
            matches += total
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "compiler", "search", "ngoai giao kinh te", "--store", str(store)],
        capture_output=True,
        check=True,
        cwd=ROOT,
    )
    command = time.perf_counter() - start
    timings.sort()
    return {
        "queries x repeats": len(timings),
        "matching passages (all queries)": matches,
        "median ms": statistics.median(timings) * 1000,
        "p95 ms": timings[int(0.95 * len(timings))] * 1000,
        "max ms": timings[-1] * 1000,
        "`brief search` command, wall s": command,
    }


@contextmanager
def history_folder(keep: str | None):
    if keep:
        yield Path(keep)
    else:
        with tempfile.TemporaryDirectory() as name:
            yield Path(name)


def change_one_file(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    longest = max(range(len(lines)), key=lambda n: len(lines[n]))
    lines[longest] += " Nội dung bổ sung sau khi rà soát."
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--keep", help="generate into this folder and leave it there")
    parser.add_argument("--sample", type=int, default=1500)
    parser.add_argument("--child", choices=["build", "themes"], help=argparse.SUPPRESS)
    parser.add_argument("--manifest", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        manifest = Path(args.manifest)
        numbers = child_build(manifest) if args.child == "build" else None
        numbers = numbers or child_themes(manifest, args.sample)
        print(json.dumps(numbers))
        return
    with history_folder(args.keep) as folder:
        start = time.perf_counter()
        manifests = national_history(folder, years=args.years)
        latest = manifests[-1]
        papers = sum(1 for m in manifests for _ in m.parent.glob("*.txt"))
        print_numbers(
            "national history",
            {
                "meetings": len(manifests),
                "papers (files)": papers,
                "MB of text": sum(
                    p.stat().st_size for m in manifests for p in m.parent.glob("*.txt")
                )
                / 1e6,
                "generate s": time.perf_counter() - start,
            },
        )
        build = ("--child", "build", "--manifest", str(latest))
        print_numbers("cold build (empty store)", in_child(*build))
        print_numbers("rebuild, nothing changed", in_child(*build))
        change_one_file(sorted(latest.parent.glob("*.txt"))[0])
        print_numbers("rebuild, one paper of the latest year changed", in_child(*build))
        change_one_file(sorted(manifests[0].parent.glob("*.txt"))[0])
        print_numbers("rebuild, one paper of the first year changed", in_child(*build))
        store = latest.parent / "brief.db"
        print_numbers("store", store_numbers(store))
        print_numbers("search in the store (library call)", search_numbers(store))
        themes = ("--child", "themes", "--manifest", str(latest), "--sample", str(args.sample))
        print_numbers("themes across all years, one kind", in_child(*themes))


if __name__ == "__main__":
    main()
