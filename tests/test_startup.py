"""Start-up: each command imports only what it uses; the assignment and clustering written
out in numpy (scipy.optimize and scipy.cluster take longer to import than a comparison takes
to run) agree with scipy's; readers are found without importing them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.optimize import linear_sum_assignment
from scipy.spatial.distance import squareform

from compiler.align.matching import max_assignment
from compiler.align.themes import average_linkage_clusters
from compiler.readers import READERS

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "sources"


def random_matrices(seed: int, count: int, square: bool) -> list[np.ndarray]:
    """Random matrices, a third with ties (one decimal), a fifth with many zeros."""
    rng = np.random.default_rng(seed)
    matrices = []
    for trial in range(count):
        rows = int(rng.integers(1, 12))
        cols = rows if square else int(rng.integers(1, 12))
        matrix = rng.random((rows, cols))
        if trial % 3 == 0:
            matrix = np.round(matrix, 1)
        if trial % 5 == 0:
            matrix[matrix < 0.5] = 0.0
        matrices.append(matrix)
    return matrices


@pytest.mark.parametrize("weights", random_matrices(0, 400, square=False))
def test_max_assignment_is_as_good_as_scipys(weights: np.ndarray) -> None:
    pairs = max_assignment(weights)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    assert len(pairs) == min(weights.shape)
    assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == len(pairs)
    assert sum(weights[i, j] for i, j in pairs) == pytest.approx(weights[rows, cols].sum())


def test_max_assignment_of_nothing() -> None:
    assert max_assignment(np.zeros((0, 3))) == []
    assert max_assignment(np.zeros((2, 0))) == []


def scipy_clusters(distance: np.ndarray, cut: float) -> list[list[int]]:
    tree = linkage(squareform(distance, checks=False), method="average")
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(fcluster(tree, t=cut, criterion="distance")):
        groups.setdefault(int(label), []).append(index)
    return sorted(groups.values())


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.87])
@pytest.mark.parametrize("seed", range(4))
def test_average_linkage_clusters_are_scipys(seed: int, cut: float) -> None:
    for matrix in random_matrices(seed, 100, square=True):
        if len(matrix) < 2:
            continue
        matrix[matrix > 0.8] = 1.0  # ties at the largest distance, as same-paper pairs are
        distance = np.round((matrix + matrix.T) / 2, 9)
        np.fill_diagonal(distance, 0.0)
        assert average_linkage_clusters(distance, cut) == scipy_clusters(distance, cut)


@pytest.mark.parametrize(
    ("command", "needed", "unneeded"),
    [
        (["--help"], [], ["numpy", "docx", "reportlab", "pypdf", "compiler.segment"]),
        (["ingest", "sources"], [], ["numpy", "scipy", "docx", "reportlab", "compiler.align"]),
        (
            ["compare", "sources", "-l", "Quảng Ninh@quang-ninh-2023.md", "-r",
             "Quảng Ninh@tham-luan-tong-hop.txt", "-s", "tasks"],
            ["numpy"],
            ["scipy", "docx", "reportlab", "compiler.writers"],
        ),
        (
            ["themes", "sources", "-s", "tasks"],
            ["numpy"],
            ["scipy", "docx", "reportlab", "compiler.writers"],
        ),
    ],
)  # fmt: skip
def test_a_command_imports_only_what_it_uses(
    command: list[str], needed: list[str], unneeded: list[str]
) -> None:
    probe = (
        "import runpy, sys; sys.argv = ['brief', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('compiler', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *command],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    modules = set(done.stderr.split())
    for name in needed:
        assert name in modules
    for name in unneeded:
        assert not any(m == name or m.startswith(f"{name}.") for m in modules), name


@pytest.mark.parametrize("name", sorted(READERS))
def test_the_reader_table_matches_each_reader(name: str) -> None:
    import importlib

    module = importlib.import_module(f"compiler.readers.{name}")
    assert set(module.SUFFIXES) == set(READERS[name])
