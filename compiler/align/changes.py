"""What changed in one province's items between two documents (e.g. two meetings).

Items are paired as in any comparison; a pair whose wording is the same (compared folded,
labels aside) is unchanged, any other pair was reworded; an item of the earlier document
without a partner was dropped, one of the later document is new.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz

from compiler.align.matching import Matching, Pair
from compiler.model import Item
from compiler.normalize import fold

# One province restating its own earlier point keeps less of its wording than it keeps of
# its subject: pairs across two of its papers need a lower score than across provinces
# (on the sample papers, true rewordings score from 0.14, other pairs at most 0.08).
CHANGE_THRESHOLD = 0.10

# Wording this alike (rapidfuzz ratio of folded texts, 0–100) counts as unchanged: a typo
# fixed or a date updated is not a rewording an analyst needs to read.
UNCHANGED_RATIO = 97.0


class Change(StrEnum):
    UNCHANGED = "unchanged"
    REWORDED = "reworded"
    NEW = "new"
    DROPPED = "dropped"


@dataclass(frozen=True, slots=True)
class Changes:
    unchanged: list[Pair]
    reworded: list[Pair]
    new: list[Item]
    dropped: list[Item]


def classify(matching: Matching) -> Changes:
    """``matching``: earlier document on the left, later on the right."""
    unchanged = [p for p in matching.pairs if change_of(p) == Change.UNCHANGED]
    reworded = [p for p in matching.pairs if change_of(p) == Change.REWORDED]
    return Changes(
        unchanged, reworded, list(matching.unmatched_right), list(matching.unmatched_left)
    )


def change_of(pair: Pair) -> Change:
    ratio = fuzz.ratio(_wording(pair.left), _wording(pair.right))
    return Change.UNCHANGED if ratio >= UNCHANGED_RATIO else Change.REWORDED


def _wording(item: Item) -> str:
    return " ".join(fold(item.text).split())
