"""Calibration of the theme and match-strength cuts (run by hand:
``python benchmarks/calibrate.py``).

On the labelled papers of ``tests/calibration`` (written for this project; a tune part and
a held-out part, see ``tests/calibration/gold.py``), for a grid of cuts:

- pairs: of every two items of different provinces (same kind), a match is claimed when
  their score reaches the cut; precision and recall against "same point" (gold themes),
  then against "same point or same field" (gold themes and related pairs), and for the
  near-identical cut against the near-identical pairs;
- themes: ``find_themes`` with each linkage cut and member cut; precision and recall of
  "these two items are in one theme" over pairs of items of different provinces.

The chosen cuts (``compiler/align/strength.py``, ``compiler/align/themes.py``) sit where
precision on the tune part is highest without losing recall, inside a plateau; the
held-out part is measured only. The table is copied into ``docs/calibration.md``.
"""

from __future__ import annotations

import sys
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from compiler import align  # noqa: E402
from compiler.align.strength import NEAR_CUT, RELATED_CUT, SIMILAR_CUT  # noqa: E402
from compiler.align.themes import MEMBER_CUT, MEMBER_RATIO, THEME_THRESHOLD  # noqa: E402
from compiler.ingest import load_documents  # noqa: E402
from compiler.model import SectionKind  # noqa: E402
from tests.calibration.gold import PARTS, Part, theme_pairs  # noqa: E402

KINDS = (SectionKind.TASKS, SectionKind.PROPOSALS)


def labelled_pairs(part: Part) -> list[tuple[float, str]]:
    """(score, label) of every cross-province pair: near, same, related or none."""
    documents = load_documents([part.folder]).documents
    scorers = align.Scorers(documents)
    theme_of = {key: name for name, keys in part.themes.items() for key in keys}
    pairs = []
    for kind in KINDS:
        items = [
            ((paper.province, kind.value, n), item)
            for document in documents
            for paper in document.papers
            if paper.province is not None
            for n, item in enumerate(paper.items(kind))
        ]
        for (key_a, a), (key_b, b) in combinations(items, 2):
            if key_a[0] == key_b[0]:
                continue
            pair = frozenset((key_a, key_b))
            if pair in part.near:
                label = "near"
            elif theme_of.get(key_a) and theme_of.get(key_a) == theme_of.get(key_b):
                label = "same"
            elif pair in part.related:
                label = "related"
            else:
                label = "none"
            pairs.append((scorers[kind].score(a, b), label))
    return pairs


def precision_recall(pairs, cut: float, wanted: set[str]) -> tuple[float, float]:
    claimed = [label for score, label in pairs if score >= cut]
    hits = sum(label in wanted for label in claimed)
    total = sum(label in wanted for _, label in pairs)
    return (hits / len(claimed) if claimed else 1.0), (hits / total if total else 1.0)


def main() -> None:
    pairs = {part.name: labelled_pairs(part) for part in PARTS}
    print("Pairs: a match claimed at score >= cut (P / R per part)")
    head = f"{'same point: tune':>18} {'held-out':>12}   {'same field: tune':>18} {'held-out':>12}"
    print(f"{'cut':>5}  {head}")
    for step in range(8, 32, 2):
        cut = step / 100
        cells = []
        for wanted in ({"same", "near"}, {"same", "near", "related"}):
            for part in PARTS:
                p, r = precision_recall(pairs[part.name], cut, wanted)
                cells.append(f"{p:.2f} / {r:.2f}")
        print(f"{cut:5.2f}  {cells[0]:>18} {cells[1]:>12}   {cells[2]:>18} {cells[3]:>12}")
    print("\nNear-identical: claimed at score >= cut")
    for step in range(40, 95, 10):
        cut = step / 100
        cells = [
            "{:.2f} / {:.2f}".format(*precision_recall(pairs[part.name], cut, {"near"}))
            for part in PARTS
        ]
        print(f"{cut:5.2f}  tune {cells[0]}   held-out {cells[1]}")
    print(f"\nChosen: related {RELATED_CUT}, similar {SIMILAR_CUT}, near {NEAR_CUT}")

    print("\nThemes: two items of different provinces in one theme (P / R per part)")
    print(f"{'linkage':>8} {'member':>7} {'ratio':>6}  {'tune':>12} {'held-out':>12}")
    for link in (0.10, 0.13, 0.16, 0.19):
        for member in (0.0, 0.12, 0.15, 0.18, 0.21):
            for ratio in (0.0, 0.6, 0.7, 0.8):
                cells = [
                    "{:.2f} / {:.2f}".format(*theme_pairs(part, link, member, ratio))
                    for part in PARTS
                ]
                print(f"{link:8.2f} {member:7.2f} {ratio:6.2f}  {cells[0]:>12} {cells[1]:>12}")
    print(f"\nChosen: linkage {THEME_THRESHOLD}, member {MEMBER_CUT}, ratio {MEMBER_RATIO}")


if __name__ == "__main__":
    main()
