"""Hostile files: wall time and peak memory of `brief ingest` refusing them.

Target (issue 8): the zip bomb (a DOCX whose main part inflates to 1.1 GB) is refused in
< 10 s and < 500 MB. Each file is made by tests/hostile.py in a temporary folder and read
in a fresh process; its peak resident memory comes from the operating system
(getrusage of the child), as `/usr/bin/time -v` reports it.

    .venv/bin/python benchmarks/bench_hostile.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import hostile  # noqa: E402

# A fresh interpreter that runs `brief ingest FILE` and reports the child's peak memory.
PROBE = (
    "import resource, subprocess, sys, time; start = time.perf_counter(); "
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
    "print(f'{time.perf_counter() - start:.3f}', "
    "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode); "
    "print(done.stderr.splitlines()[0])"
)

FILES: dict[str, Callable[[Path], Path]] = {
    "zip bomb (1.1 GB part, honest headers)": lambda d: hostile.zip_bomb_docx(d / "bomb.docx"),
    "zip bomb (300 MB part, headers declare 2 KB)": lambda d: hostile.zip_bomb_docx(
        d / "liar.docx", inflated=300 * 2**20, lying=True
    ),
    "billion laughs": lambda d: hostile.billion_laughs_docx(d / "lol.docx"),
}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name, make in FILES.items():
            start = time.perf_counter()
            path = make(Path(folder))
            made = time.perf_counter() - start
            command = [sys.executable, "-c", PROBE, sys.executable, "-m", "compiler", "ingest"]
            done = subprocess.run(
                [*command, str(path)], capture_output=True, text=True, check=True, cwd=ROOT
            )
            timing, line = done.stdout.splitlines()
            seconds, peak_kb, code = timing.split()
            print(
                f"{name:46} {path.stat().st_size / 2**20:6.1f} MB file (made in {made:.1f} s): "
                f"refused in {float(seconds):.2f} s, peak {int(peak_kb) / 1024:.0f} MB, exit {code}"
            )
            print(f"    {line}")


if __name__ == "__main__":
    main()
