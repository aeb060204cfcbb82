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
    # Imported here: scipy.optimize takes half a second to import, and a pack never pairs.
    from scipy.optimize import linear_sum_assignment

    # Scores under the threshold count as zero, so they never push a good pair aside.
    useful = np.where(scores >= threshold, scores, 0.0)
    rows, cols = linear_sum_assignment(useful, maximize=True)
    return sorted(
        (int(i), int(j)) for i, j in zip(rows, cols, strict=True) if scores[i, j] >= threshold
    )


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
