"""Expected item pairings between papers of the conference compilation (shared corpus).

Made by reading the items side by side, before tuning the scorer. Items are named by their
position in the paper's section (0-based). For each comparison:
- ``pairs``: a left item and the right items an analyst would accept as its partner
  (one of them; a set of several where the text really supports several);
- ``alone_left`` / ``alone_right``: items that should stay unmatched.
Items named nowhere are not judged (their partner is a matter of taste).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Gold:
    left: str
    right: str
    kind: str
    pairs: dict[int, frozenset[int]]
    alone_left: frozenset[int] = frozenset()
    alone_right: frozenset[int] = frozenset()


def _g(left, right, kind, pairs, alone_left=(), alone_right=()):
    return Gold(
        left,
        right,
        kind,
        {k: frozenset(v) for k, v in pairs.items()},
        frozenset(alone_left),
        frozenset(alone_right),
    )


GOLD = [
    # Đà Nẵng: research & forecasting, partners, economic diplomacy, multilateral,
    # information & cultural diplomacy, sovereignty. Lạng Sơn 3.1–3.6: international
    # cooperation, foreign economic affairs, development model, culture/information/consular/
    # border, research & forecasting, staff.
    _g(
        "Đà Nẵng",
        "Lạng Sơn",
        "tasks",
        {0: {4}, 1: {0}, 2: {1}, 4: {3}},
        alone_left={3, 5},
        alone_right={2, 5},
    ),
    # Kiên Giang: implement the line, information to attract investment, Cambodian border
    # provinces, partner localities, consular & fishermen, staff training.
    _g("Kiên Giang", "Lạng Sơn", "tasks", {5: {5}}, alone_left={0}, alone_right={2, 4}),
    _g("Lạng Sơn", "Kiên Giang", "tasks", {0: {2, 3}, 3: {1, 4}}),
    # Cần Thơ: implement Resolution XIII, multilateral (Directive 25), integration,
    # defence & security, party building, propaganda.
    _g("Cần Thơ", "Kiên Giang", "tasks", {0: {0}}, alone_left={1, 3}),
    _g(
        "Đà Nẵng", "Kiên Giang", "tasks", {4: {1}, 1: {2, 3}}, alone_left={0, 3}, alone_right={0, 5}
    ),
    # Khánh Hòa's 12 bullets: 4 propagate the line, 5 vetting trips abroad, 6 consular,
    # 7 overseas Vietnamese, 11 staff training.
    _g("Kiên Giang", "Khánh Hòa", "tasks", {5: {11}, 4: {6, 7}, 0: {4, 5}}),
    # Challenges: world situation, hostile forces, the locality's own limitations.
    _g("Kiên Giang", "Cần Thơ", "challenges", {0: {0}, 2: {1}}, alone_right={2}),
    # Opportunities: the country's standing, science & technology, the city's own record.
    _g("Cần Thơ", "Khánh Hòa", "opportunities", {0: {0}}, alone_left={1}),
    _g("Kiên Giang", "Cần Thơ", "opportunities", {4: {1}}),
    # Proposals: Đà Nẵng 4.1 traditional partners, 4.2 connect with diplomatic missions and
    # large groups, 4.3 integration strategy, 4.4 host events, 4.5 find partners and
    # promotion networks; Lâm Đồng 1 partners & markets, 2 large groups, 3 infrastructure.
    _g("Đà Nẵng", "Lâm Đồng", "proposals", {4: {0}, 1: {1}}, alone_left={0, 2, 3}, alone_right={2}),
    # Lạng Sơn's closing paragraph asks three things (split at its semicolons): 0 guidance
    # and support for foreign affairs and integration, 1 local cooperation with China,
    # Japan, Korea…, 2 investment promotion, ODA and NGOs, large investors.
    _g("Lạng Sơn", "Đà Nẵng", "proposals", {0: {0, 2}, 1: {0}, 2: {1, 4}}),
]


def evaluate(predicted: dict[int, int], gold: Gold) -> tuple[int, int, int]:
    """(correct pairs, judged predicted pairs, gold pairs) for one comparison."""
    correct = judged = 0
    for left, right in predicted.items():
        if left in gold.pairs:
            judged += 1
            correct += right in gold.pairs[left]
        elif left in gold.alone_left or right in gold.alone_right:
            judged += 1
        elif any(right in accepted and len(accepted) == 1 for accepted in gold.pairs.values()):
            judged += 1  # took the only partner of a gold pair
    return correct, judged, len(gold.pairs)


# Held out: the project's own sample papers (sources/hoi-nghi-2025), written with planted
# shared themes — training staff, economic diplomacy, research & forecasting, cultural
# diplomacy — and items only one province raises. Never used to tune the scorer.
SOURCES_2025 = "sources/hoi-nghi-2025"
GOLD_SOURCES = [
    _g(
        "Quảng Ninh",
        "Cần Thơ",
        "tasks",
        {1: {1}, 4: {4}},
        alone_left={0, 2, 3},
        alone_right={0, 2, 3},
    ),
    _g("Quảng Ninh", "Lào Cai", "tasks", {3: {2}, 4: {4}}, alone_left={0, 2}, alone_right={0}),
    _g("Cần Thơ", "Lào Cai", "tasks", {3: {3}, 4: {4}}, alone_left={0, 2}, alone_right={0, 2}),
    _g("Quảng Ninh", "Lào Cai", "proposals", {0: {2}, 2: {1}}, alone_left={3}, alone_right={0}),
]
