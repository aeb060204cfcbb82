"""Two papers side by side: a one-to-one assignment of their items, with word diffs.

The assignment maximises the total score over the score matrix (Hungarian method); pairs
below the threshold stay unmatched. The two sides are put in a canonical order before
solving, so the pairs never depend on which paper is given first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
from rapidfuzz.distance import Indel

from compiler.align.similarity import Scorer
from compiler.model import Item
from compiler.normalize import fold

_PUNCTUATION = ".,;:!?…\"'“”‘’()[]«»*-–—"

# Below this score two items are not the same point (tuned on tests/align_gold.py).
MATCH_THRESHOLD = 0.13


class DiffOp(StrEnum):
    EQUAL = "equal"
    INSERT = "insert"  # only in the right-hand item
    DELETE = "delete"  # only in the left-hand item


@dataclass(frozen=True, slots=True)
class DiffRun:
    op: DiffOp
    text: str


@dataclass(slots=True)
class Pair:
    left: Item
    right: Item
    score: float
    diff: list[DiffRun] = field(default_factory=list)


@dataclass(slots=True)
class Matching:
    pairs: list[Pair]
    unmatched_left: list[Item]
    unmatched_right: list[Item]


def match_items(
    scorer: Scorer, left: list[Item], right: list[Item], threshold: float = MATCH_THRESHOLD
) -> Matching:
    """The best one-to-one pairing of ``left`` and ``right`` items (both in the scorer's pool)."""
    if _canonical_key(right) < _canonical_key(left):
        mirrored = match_items(scorer, right, left, threshold)
        return Matching(
            [
                Pair(p.right, p.left, p.score, word_diff(p.right.text, p.left.text))
                for p in mirrored.pairs
            ],
            mirrored.unmatched_right,
            mirrored.unmatched_left,
        )
    scores = scorer.matrix([scorer.index(i) for i in left], [scorer.index(i) for i in right])
    assigned = assign(scores, threshold)
    pairs = [
        Pair(left[i], right[j], float(scores[i, j]), word_diff(left[i].text, right[j].text))
        for i, j in assigned
    ]
    paired_left = {i for i, _ in assigned}
    paired_right = {j for _, j in assigned}
    return Matching(
        pairs,
        [item for i, item in enumerate(left) if i not in paired_left],
        [item for j, item in enumerate(right) if j not in paired_right],
    )


def assign(scores: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """Index pairs of the maximum-total assignment, keeping those at or above ``threshold``."""
    if scores.size == 0:
        return []
    # Scores under the threshold count as zero, so they never push a good pair aside.
    useful = np.where(scores >= threshold, scores, 0.0)
    return sorted((i, j) for i, j in max_assignment(useful) if scores[i, j] >= threshold)


def max_assignment(weights: np.ndarray) -> list[tuple[int, int]]:
    """(row, column) pairs of a maximum-total one-to-one assignment covering the shorter side:
    the Hungarian method with potentials, O(n² m), one numpy pass over the columns per step.
    Written out rather than imported because scipy.optimize takes longer to import (0.2 s)
    than a whole comparison takes to run; tests check it against scipy."""
    flipped = weights.shape[0] > weights.shape[1]
    cost = -(weights.T if flipped else weights).astype(np.float64)  # minimise the negation
    rows, cols = cost.shape
    u, v = np.zeros(rows + 1), np.zeros(cols + 1)
    owner = np.zeros(cols + 1, dtype=np.int64)  # owner[j]: 1-based row holding column j
    way = np.zeros(cols + 1, dtype=np.int64)
    for row in range(1, rows + 1):
        owner[0], column = row, 0
        slack = np.full(cols + 1, np.inf)
        used = np.zeros(cols + 1, dtype=bool)
        while owner[column] != 0:  # grow the alternating tree until a free column is reached
            used[column] = True
            current = owner[column]
            free = ~used
            reduced = cost[current - 1] - u[current] - v[1:]
            better = free[1:] & (reduced < slack[1:])
            slack[1:][better] = reduced[better]
            way[1:][better] = column
            candidates = np.where(free, slack, np.inf)
            candidates[0] = np.inf
            nearest = int(np.argmin(candidates))
            delta = candidates[nearest]
            u[owner[used]] += delta
            v[used] -= delta
            slack[free] -= delta
            column = nearest
        while column:  # flip the path back to the root
            previous = way[column]
            owner[column] = owner[previous]
            column = previous
    pairs = [(int(owner[j]) - 1, j - 1) for j in range(1, cols + 1) if owner[j]]
    return [(j, i) for i, j in pairs] if flipped else pairs


def _canonical_key(items: list[Item]) -> tuple[str, int, str]:
    if not items:
        return ("", 0, "")
    first = items[0].provenance
    return (first.source, first.line_start or first.paragraph_start or 0, items[0].text[:50])


def word_diff(left: str, right: str) -> list[DiffRun]:
    """Word-level differences from ``left`` to ``right``: equal, deleted and inserted runs.

    Words are compared folded (case, tone placement) and without the punctuation around
    them ("tế," = "tế"); equal runs are shown as the right-hand side writes them.
    """
    left_words, right_words = left.split(), right.split()
    runs: list[DiffRun] = []
    opcodes = Indel.opcodes([_word_key(w) for w in left_words], [_word_key(w) for w in right_words])
    for op in opcodes:
        if op.tag == "equal":
            _append(runs, DiffOp.EQUAL, right_words[op.dest_start : op.dest_end])
            continue
        _append(runs, DiffOp.DELETE, left_words[op.src_start : op.src_end])
        _append(runs, DiffOp.INSERT, right_words[op.dest_start : op.dest_end])
    return runs


def _word_key(word: str) -> str:
    return fold(word).strip(_PUNCTUATION) or word


def _append(runs: list[DiffRun], op: DiffOp, words: list[str]) -> None:
    if not words:
        return
    if runs and runs[-1].op == op:
        runs[-1] = DiffRun(op, f"{runs[-1].text} {' '.join(words)}")
    else:
        runs.append(DiffRun(op, " ".join(words)))
