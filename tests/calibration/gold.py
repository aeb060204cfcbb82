"""Labelled papers for calibrating themes and match strength (written for this project).

Eight short papers of provinces absent from the seed compilation and the bundled sources,
worded independently: a *tune* part (Nghệ An, Bình Dương, Thừa Thiên Huế, Sơn La) on which
the cuts were chosen, and a *held-out* part (Hải Phòng, Đồng Tháp, Gia Lai, Quảng Trị) that
was labelled before any run and only measured. Each part plants shared themes in different
words, distractors that share vocabulary but not the point (training factory workers vs
training foreign-affairs staff; party building vs staff; sea sovereignty vs land borders),
one near-identical pair (a formula two provinces copy), and items only one province raises.

Items are named ``(province, kind, index)`` with the 0-based position in the paper's
section. ``THEMES``: the gold themes of each part (items that say the same thing).
``RELATED``: pairs of the same field that are *not* the same point. ``NEAR``: pairs worded
almost identically. Every other cross-province pair of the same kind is unrelated.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FOLDER = Path(__file__).resolve().parent

ItemKey = tuple[str, str, int]


@dataclass(frozen=True)
class Part:
    name: str
    folder: Path
    themes: dict[str, frozenset[ItemKey]]
    related: frozenset[frozenset[ItemKey]]
    near: frozenset[frozenset[ItemKey]]


def _theme(*members: tuple[str, str, int]) -> frozenset[ItemKey]:
    return frozenset(members)


def _pairs(*pairs: tuple[ItemKey, ItemKey]) -> frozenset[frozenset[ItemKey]]:
    return frozenset(frozenset(pair) for pair in pairs)


NA, BD, HUE, SL = "Nghệ An", "Bình Dương", "Thừa Thiên Huế", "Sơn La"
HP, DT, GL, QT = "Hải Phòng", "Đồng Tháp", "Gia Lai", "Quảng Trị"
T, P = "tasks", "proposals"

TUNE = Part(
    "tune",
    FOLDER / "tune",
    themes={
        "implement the party's foreign policy line": _theme((NA, T, 0), (BD, T, 0), (SL, T, 1)),
        "economic diplomacy, investment and trade": _theme((NA, T, 1), (BD, T, 1), (SL, T, 2)),
        "friendship and border with Lao provinces": _theme((NA, T, 2), (SL, T, 0)),
        "training foreign-affairs staff": _theme((NA, T, 4), (BD, T, 5), (SL, T, 3)),
        "cultural diplomacy and heritage": _theme((NA, T, 5), (HUE, T, 0)),
        "partner localities abroad": _theme((BD, T, 2), (HUE, T, 2)),
        "external information, the province's image": _theme((BD, T, 4), (HUE, T, 1)),
        "aid from foreign NGOs": _theme((HUE, T, 4), (SL, T, 5)),
        "ask: connect the province with partners abroad": _theme(
            (NA, P, 0), (BD, P, 0), (HUE, P, 1)
        ),
        "ask: training courses for provincial staff": _theme((NA, P, 1), (SL, P, 0)),
        "ask: guidance on international agreements": _theme((BD, P, 1), (SL, P, 1)),
        "ask: host international events": _theme((BD, P, 2), (HUE, P, 0)),
    },
    related=_pairs(
        ((BD, T, 3), (NA, T, 4)),  # training factory workers / training staff
        ((BD, T, 3), (SL, T, 3)),
        ((HUE, T, 5), (NA, T, 4)),  # party building / staff quality
        ((SL, T, 4), (NA, T, 3)),  # consular protection / overseas community
        ((SL, P, 2), (NA, P, 2)),  # border markers / border gate funding
    ),
    near=_pairs(((NA, T, 0), (BD, T, 0))),
)

HELDOUT = Part(
    "held-out",
    FOLDER / "heldout",
    themes={
        "implement the party's foreign policy line": _theme(
            (HP, T, 0), (DT, T, 0), (GL, T, 0), (QT, T, 0)
        ),
        "economic diplomacy, investment and trade": _theme(
            (HP, T, 1), (DT, T, 1), (GL, T, 2), (QT, T, 1)
        ),
        "cooperation and border with neighbouring provinces": _theme(
            (DT, T, 2), (GL, T, 1), (QT, T, 2)
        ),
        "sea and island sovereignty, fishermen": _theme((HP, T, 3), (QT, T, 3)),
        "training foreign-affairs staff": _theme((HP, T, 5), (DT, T, 5), (GL, T, 5)),
        "aid from foreign NGOs": _theme((DT, T, 3), (QT, T, 5)),
        "cultural diplomacy and heritage": _theme((GL, T, 3), (QT, T, 4)),
        "ask: connect the province with partners abroad": _theme(
            (HP, P, 0), (DT, P, 1), (QT, P, 0)
        ),
        "ask: host international events": _theme((HP, P, 1), (GL, P, 1)),
        "ask: training courses for provincial staff": _theme((DT, P, 0), (QT, P, 1)),
    },
    related=_pairs(
        ((HP, T, 6), (HP, T, 5)),  # (same province: never paired, listed for completeness)
        ((HP, T, 6), (DT, T, 5)),  # party building / staff
        ((HP, T, 6), (GL, T, 5)),
        ((HP, T, 3), (DT, T, 2)),  # sea sovereignty / land border
        ((HP, T, 3), (GL, T, 1)),
        ((HP, T, 3), (QT, T, 2)),
        ((HP, T, 4), (QT, T, 3)),  # consular help for seafarers / fishermen held abroad
        ((DT, T, 4), (QT, T, 4)),  # the province's image / cultural heritage
        ((DT, T, 4), (GL, T, 3)),
        ((GL, P, 2), (QT, P, 2)),  # border roads / demining funds
    ),
    near=_pairs(((GL, T, 0), (QT, T, 0))),
)

PARTS = (TUNE, HELDOUT)


# --- measuring ----------------------------------------------------------------------------------


def theme_pairs(part: Part, threshold: float, member_cut: float, ratio: float):
    """(precision, recall) of "these two items of different provinces share a theme"."""
    from itertools import combinations

    from compiler import align
    from compiler.align.themes import Member, find_themes
    from compiler.ingest import load_documents
    from compiler.model import SectionKind

    documents = load_documents([part.folder]).documents
    scorers = align.Scorers(documents)
    theme_of = {key: name for name, keys in part.themes.items() for key in keys}
    hits = claimed = expected = 0
    for kind in (SectionKind.TASKS, SectionKind.PROPOSALS):
        keys, members = {}, []
        for document in documents:
            for paper in document.papers:
                if paper.province is None:
                    continue
                for n, item in enumerate(paper.items(kind)):
                    members.append(Member(paper.province, document.source, item))
                    keys[id(item)] = (paper.province, kind.value, n)
        found = find_themes(scorers[kind], members, threshold, member_cut, ratio)
        predicted = {
            keys[id(m.item)]: number
            for number, theme in enumerate(found.themes)
            for m in theme.members
        }
        for a, b in combinations(sorted(keys.values()), 2):
            if a[0] == b[0]:
                continue
            gold = theme_of.get(a) is not None and theme_of.get(a) == theme_of.get(b)
            guess = a in predicted and predicted.get(a) == predicted.get(b)
            hits += gold and guess
            claimed += guess
            expected += gold
    return (hits / claimed if claimed else 1.0), (hits / expected if expected else 1.0)
