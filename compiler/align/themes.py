"""Themes across many papers: items of one section kind that say the same thing.

Items are clustered by average linkage over their pairwise scores (1 − score as the
distance); items of the same paper are kept maximally apart, so a theme is something
several papers raise, not one paper's list. Precision comes before recall: a cluster then
sheds, weakest first, every member whose average score to the members of the other
provinces is below ``MEMBER_CUT`` (an item joins a theme when it is close to the theme as a
whole, not to one member). What still spans at least two provinces is a theme, labelled
from what its members share (``naming``); every other item is unique to its province.
The output is deterministic: clusters and members are sorted.

The cuts were chosen on labelled papers the scorer was never tuned on and checked on a
held-out part (``tests/calibration``; ``benchmarks/calibrate.py`` prints the grid;
docs/calibration.md discusses the plateau). Pairs of items of different provinces put in
one theme, precision / recall:

    linkage  member cut  ratio   tune          held-out
    0.13     0.00        0.0     0.94 / 0.80   0.91 / 0.77   (before: no member cut)
    0.13     0.15        0.6     1.00 / 0.70   0.89 / 0.65   (chosen)
    0.16     0.15        0.6     1.00 / 0.65   0.89 / 0.65
    0.13     0.21        0.6     1.00 / 0.60   0.92 / 0.42
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from compiler.align.naming import shared_topic, theme_label
from compiler.align.similarity import Scorer, has_ocr_slip
from compiler.collation import vietnamese_key
from compiler.labels import labels
from compiler.model import Item
from compiler.normalize import fold

# Average-linkage cut and the least average score a member keeps to the rest of its theme
# (docs/calibration.md).
THEME_THRESHOLD = 0.13
MEMBER_CUT = 0.15
# ... and the least share of the other members' average closeness it must reach: a member
# far less close than the rest is their neighbour's topic, not theirs.
MEMBER_RATIO = 0.6


@dataclass(frozen=True, slots=True)
class Member:
    """An item and the paper it comes from."""

    province: str
    source: str
    item: Item


@dataclass(slots=True)
class Theme:
    label: str  # Vietnamese: the topic's name, else a phrase the members share
    members: list[Member]
    cohesion: float  # mean score between members of different papers
    topic: str | None = None  # a key of naming.TOPICS (labels.Labels.topics names it)

    @property
    def provinces(self) -> list[str]:
        return sorted({m.province for m in self.members}, key=vietnamese_key)


@dataclass(slots=True)
class Themes:
    themes: list[Theme]
    unique: list[Member]


def find_themes(
    scorer: Scorer,
    members: list[Member],
    threshold: float = THEME_THRESHOLD,
    member_cut: float = MEMBER_CUT,
    member_ratio: float = MEMBER_RATIO,
) -> Themes:
    members = sorted(members, key=_member_key)  # the input order must not matter
    if len(members) < 2:
        return Themes([], members)
    scores = scorer.square([scorer.index(m.item) for m in members])
    clusters = _cluster(scores, [f"{m.source}\x00{m.province}" for m in members], threshold)
    provinces = [m.province for m in members]

    def prune(indices: list[int]) -> list[int]:
        return _prune(indices, scores, provinces, member_cut, member_ratio)

    groups = [kept for kept in map(prune, clusters) if kept]
    groups = _merge_same_topic(groups, members, prune)
    themes = [_theme([members[i] for i in g], g, scores, scorer) for g in groups]
    themes.sort(key=lambda t: (-len(t.provinces), -t.cohesion, t.label))
    _distinct_labels(themes, scorer)
    grouped = {i for g in groups for i in g}
    unique = sorted((m for i, m in enumerate(members) if i not in grouped), key=_member_key)
    return Themes(themes, unique)


def _merge_same_topic(
    groups: list[list[int]], members: list[Member], prune: Callable[[list[int]], list[int]]
) -> list[list[int]]:
    """Groups on the same topic become one theme when their union still holds together
    (the clustering keeps one paper's items apart, so one subject can come out twice)."""
    by_topic: dict[str, list[list[int]]] = {}
    result = []
    for group in groups:
        topic = shared_topic([members[i].item for i in group], [members[i].province for i in group])
        if topic:
            by_topic.setdefault(topic, []).append(group)
        else:
            result.append(group)
    for same in by_topic.values():
        union = prune(sorted(i for group in same for i in group))
        whole = len(union) == sum(len(group) for group in same)
        result.extend([union] if len(same) > 1 and whole else same)
    return sorted(result)


def _distinct_labels(themes: list[Theme], scorer: Scorer) -> None:
    """A topic names only the first (largest) theme that has it; later ones are named by
    the phrase their members share, so no two themes of one kind read the same."""
    used: set[str] = set()
    for theme in themes:
        if fold(theme.label) in used:
            items = [m.item for m in theme.members]
            provinces = [m.province for m in theme.members]
            weight = _weight(scorer)
            order = range(len(items))
            theme.label = theme_label(items, provinces, weight, order, scorer.words, used)
            theme.topic = None
        used.add(fold(theme.label))


def _weight(scorer: Scorer):
    return lambda key: scorer.idf.get(key, 0.0)


# Beyond this many items, scipy's compiled clustering on the condensed distances: its
# import (0.15 s) no longer counts, and no second n × n array is needed.
LARGE_POOL = 2000


def _cluster(scores: np.ndarray, papers: list[str], threshold: float) -> list[list[int]]:
    """Index groups from average-linkage clustering; same-paper pairs at distance 1."""
    if len(papers) > LARGE_POOL:
        return _scipy_clusters(_condensed(scores, papers), 1.0 - threshold)
    distance = 1.0 - np.clip(scores, 0.0, 1.0)
    paper = _paper_codes(papers)
    distance[paper[:, None] == paper[None, :]] = 1.0
    np.fill_diagonal(distance, 0.0)
    distance = np.round((distance + distance.T) / 2.0, 9)  # exact symmetry, stable ties
    return average_linkage_clusters(distance, 1.0 - threshold)


def _paper_codes(papers: list[str]) -> np.ndarray:
    return np.unique(np.array(papers, dtype=object), return_inverse=True)[1]


def _condensed(scores: np.ndarray, papers: list[str]) -> np.ndarray:
    """The distances ``_cluster`` uses, condensed (upper triangle, row by row) and built a
    row at a time: for ten thousand items, no n × n boolean or second float array."""
    n = len(papers)
    paper = _paper_codes(papers)
    condensed = np.empty(n * (n - 1) // 2, dtype=np.float64)
    start = 0
    for i in range(n - 1):
        row = 1.0 - np.clip(scores[i, i + 1 :], 0.0, 1.0)
        column = 1.0 - np.clip(scores[i + 1 :, i], 0.0, 1.0)
        same = paper[i + 1 :] == paper[i]
        row[same] = column[same] = 1.0
        condensed[start : start + n - 1 - i] = np.round((row + column) / 2.0, 9)
        start += n - 1 - i
    return condensed


def _scipy_clusters(condensed: np.ndarray, cut: float) -> list[list[int]]:
    """``average_linkage_clusters`` by scipy (which tests check it against)."""
    from scipy.cluster.hierarchy import fcluster, linkage

    labels = fcluster(linkage(condensed, method="average"), t=cut, criterion="distance")
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return sorted(groups.values())


def average_linkage_clusters(distance: np.ndarray, cut: float) -> list[list[int]]:
    """Flat clusters of average-linkage (UPGMA) clustering cut at ``cut``: groups whose
    merges all happen at a distance ≤ ``cut``, sorted (as scipy's ``linkage(method=
    "average")`` then ``fcluster(criterion="distance")``, which tests check it against).

    The nearest-neighbour chain, as scipy runs it (same tie-breaking and update order),
    O(n²) with one numpy pass over a row per step; written out because scipy.cluster
    takes longer to import (0.15 s) than clustering a section's items takes."""
    n = len(distance)
    d = np.array(distance, dtype=np.float64)
    np.fill_diagonal(d, np.inf)
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    parent = list(range(n))  # union-find over the merges at or under the cut
    chain: list[int] = []
    for _ in range(n - 1):
        while True:
            if not chain:
                chain.append(int(np.argmax(alive)))
            x = chain[-1]
            row = np.where(alive, d[x], np.inf)
            y = chain[-2] if len(chain) > 1 else -1
            nearest = int(np.argmin(row))
            if y < 0 or row[nearest] < row[y]:
                y = nearest
            if len(chain) > 1 and y == chain[-2]:
                break
            chain.append(y)
        chain.pop()
        chain.pop()
        x, y = min(x, y), max(x, y)  # the merged cluster takes the larger index
        if d[x, y] <= cut:
            parent[_root(parent, x)] = _root(parent, y)
        merged = (size[x] * d[x] + size[y] * d[y]) / (size[x] + size[y])
        d[y, :] = d[:, y] = merged
        d[y, y] = np.inf
        d[x, :] = d[:, x] = np.inf
        alive[x] = False
        size[y] += size[x]
    groups: dict[int, list[int]] = {}
    for index in range(n):
        groups.setdefault(_root(parent, index), []).append(index)
    return sorted(groups.values())


def _root(parent: list[int], index: int) -> int:
    while parent[index] != index:
        parent[index] = parent[parent[index]]
        index = parent[index]
    return index


def _prune(
    indices: list[int], scores: np.ndarray, provinces: list[str], cut: float, ratio: float
) -> list[int]:
    """The cluster without the members, weakest first, whose average score to the members
    of other provinces is below ``cut``, or below ``ratio`` times the average closeness of
    the other members; empty when fewer than two provinces remain.

    Each member's closeness is kept as a sum and a count over the other provinces' members,
    and a member's removal subtracts it from the others': a cluster of k members costs k²,
    not k³ (national themes hold clusters of thousands)."""
    kept = np.array(indices)
    place = np.unique(np.array([provinces[i] for i in indices], dtype=object), return_inverse=True)[
        1
    ]
    other = place[:, None] != place[None, :]
    sums = np.where(other, scores[np.ix_(kept, kept)], 0.0).sum(axis=1, dtype=np.float64)
    counts = other.sum(axis=1)
    alive = np.ones(len(kept), dtype=bool)
    while len(np.unique(place[alive])) >= 2:
        members = np.nonzero(alive)[0]
        closeness = np.where(
            counts[members] > 0, sums[members] / np.maximum(counts[members], 1), 0.0
        )
        weakest = int(np.lexsort((kept[members], closeness))[0])
        others = np.delete(closeness, weakest)
        typical = float(others.mean()) if len(others) else 0.0
        if closeness[weakest] >= cut and closeness[weakest] >= ratio * typical:
            return [int(i) for i in kept[members]]
        gone = members[weakest]
        alive[gone] = False
        touched = alive & other[gone]
        sums[touched] -= scores[kept[touched], kept[gone]]
        counts[touched] -= 1
    return []


def _theme(group: list[Member], indices: list[int], scores: np.ndarray, scorer: Scorer) -> Theme:
    sub = scores[np.ix_(indices, indices)]
    cross = np.array([[a.province != b.province for b in group] for a in group])
    centrality = np.where(cross, sub, 0.0).sum(axis=1) / np.maximum(cross.sum(axis=1), 1)
    # Members by centrality; among near ties, a title free of OCR slips, then the shortest.
    title = [group[i].item.title for i in range(len(group))]
    order = sorted(
        range(len(group)),
        key=lambda i: (-round(centrality[i] / 0.02), has_ocr_slip(title[i]), len(title[i]), i),
    )
    items, provinces = [m.item for m in group], [m.province for m in group]
    topic = shared_topic(items, provinces)
    if topic:
        label = labels("vi").topics[topic]
    else:
        label = theme_label(items, provinces, _weight(scorer), order, scorer.words)
    ordered = sorted(group, key=_member_key)
    cohesion = float(sub[cross].mean()) if cross.any() else 0.0
    return Theme(label, ordered, cohesion, topic)


def _member_key(member: Member) -> tuple:
    prov = member.item.provenance
    position = prov.line_start or prov.paragraph_start or 0
    return (vietnamese_key(member.province), member.source, position)
