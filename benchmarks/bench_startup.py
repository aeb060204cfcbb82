"""Start-up: whole-process time of `brief compare` and `brief themes` on the seed, against
the time Python takes just to import the libraries a report needs.

Target (issue 8): each command within 1.5 times the reference
`python -c "import docx, reportlab.platypus, rapidfuzz"`. Every command is run several
times in a fresh process; the median wall time and the median CPU time (user + system,
steadier than wall time on a busy machine) are printed, each with its ratio to the
reference. Commands run as an installed package runs: with compiled bytecode (a first,
untimed run writes it, even where PYTHONDONTWRITEBYTECODE is set for this shell), as the
reference's libraries have theirs from their installation.

    .venv/bin/python benchmarks/bench_startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "corpus" / "000_819b2faa9b76d63a.txt"
FALLBACK = ROOT / "sources" / "hoi-nghi-2025" / "tham-luan-tong-hop.txt"


def commands(seed: Path) -> dict[str, list[str]]:
    brief = [sys.executable, "-m", "compiler"]
    left, right = ("Đà Nẵng", "Lạng Sơn") if seed == SEED else ("Quảng Ninh", "Lào Cai")
    return {
        "reference: import docx, reportlab.platypus, rapidfuzz": [
            sys.executable,
            "-c",
            "import docx, reportlab.platypus, rapidfuzz",
        ],
        "brief --help": [*brief, "--help"],
        "brief ingest": [*brief, "ingest", str(seed)],
        "brief compare -s tasks": [
            *brief,
            "compare",
            str(seed),
            "-l",
            left,
            "-r",
            right,
            "-s",
            "tasks",
        ],
        "brief themes -s tasks": [*brief, "themes", str(seed), "-s", "tasks"],
    }


def timings(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of ``runs`` fresh processes."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT, env=env)  # bytecode
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT, env=env)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    seed = SEED if SEED.is_file() else FALLBACK
    print(f"seed: {seed.name}; {runs} runs each; wall time in seconds")
    reference: tuple[float, float] | None = None
    for name, command in commands(seed).items():
        wall, cpu = timings(command, runs)
        reference = reference or (wall, cpu)
        print(
            f"{name:56} wall {wall:.3f} ×{wall / reference[0]:.2f}"
            f"   cpu {cpu:.3f} ×{cpu / reference[1]:.2f}"
        )


if __name__ == "__main__":
    main()
