"""How strongly two items (or the members of a theme) match, in words a reader can weigh.

A score in [0, 1] is never shown bare: it becomes "gần như trùng" (near-identical),
"tương đồng" (similar) or "liên quan" (related), and below ``RELATED_CUT`` no match is
claimed at all. A word-level redline is drawn only for near-identical pairs (``redline``):
two different texts redlined word by word are unreadable, while a near-identical pair's
few changed words are exactly what a reader wants to see.

The cuts were calibrated on labelled papers the scorer was never tuned on
(``tests/calibration``, see ``benchmarks/calibrate.py`` and the table in
``docs/calibration.md``).
"""

from __future__ import annotations

from enum import StrEnum

# Calibrated cuts (docs/calibration.md): a pair at or above NEAR_CUT is the same point in
# nearly the same words, at or above SIMILAR_CUT the same point, at or above RELATED_CUT
# the same field.
NEAR_CUT = 0.60
SIMILAR_CUT = 0.22
RELATED_CUT = 0.18


class Strength(StrEnum):
    NEAR = "near"
    SIMILAR = "similar"
    RELATED = "related"


def strength(score: float) -> Strength | None:
    """The word for a score; None below ``RELATED_CUT`` (no match is claimed)."""
    if score >= NEAR_CUT:
        return Strength.NEAR
    if score >= SIMILAR_CUT:
        return Strength.SIMILAR
    if score >= RELATED_CUT:
        return Strength.RELATED
    return None


def theme_strength(cohesion: float) -> Strength:
    """The word for a theme: every theme passed the member cut, so it is at least related."""
    return strength(cohesion) or Strength.RELATED


def redline(score: float, same_province: bool) -> bool:
    """Whether a pair is shown with word-level differences: one province's text over time,
    or two texts near-identical; other pairs are shown side by side as plain text."""
    return same_province or score >= NEAR_CUT
