"""Themes across many papers: items of one section kind that say the same thing.

Items are clustered by average linkage over their pairwise scores (1 − score as the
distance); items of the same paper are kept maximally apart, so a theme is something
several papers raise, not one paper's list. A cluster that spans at least two provinces is
a theme, labelled with the title of its most central item; every other item is unique to
its province. The output is deterministic: clusters and members are sorted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from compiler.align.similarity import Scorer, correct_ocr, has_ocr_slip
from compiler.model import Item

# Average score within a theme (tuned with tests/align_gold.py, like MATCH_THRESHOLD).
THEME_THRESHOLD = 0.13
_LABEL_WORDS = 12


@dataclass(frozen=True, slots=True)
class Member:
    """An item and the paper it comes from."""

    province: str
    source: str
    item: Item


@dataclass(slots=True)
class Theme:
    label: str
    members: list[Member]
    cohesion: float  # mean score between members of different papers

    @property
    def provinces(self) -> list[str]:
        return sorted({m.province for m in self.members})


@dataclass(slots=True)
class Themes:
    themes: list[Theme]
    unique: list[Member]


def find_themes(
    scorer: Scorer, members: list[Member], threshold: float = THEME_THRESHOLD
) -> Themes:
    members = sorted(members, key=_member_key)  # the input order must not matter
    if len(members) < 2:
        return Themes([], members)
    scores = scorer.matrix(
        [scorer.index(m.item) for m in members], [scorer.index(m.item) for m in members]
    )
    clusters = _cluster(scores, [f"{m.source}\x00{m.province}" for m in members], threshold)
    themes, unique = [], []
    for indices in clusters:
        group = [members[i] for i in indices]
        if len({m.province for m in group}) >= 2:
            themes.append(_theme(group, indices, scores))
        else:
            unique.extend(group)
    themes.sort(key=lambda t: (-len(t.provinces), -t.cohesion, t.label))
    unique.sort(key=_member_key)
    return Themes(themes, unique)


def _cluster(scores: np.ndarray, papers: list[str], threshold: float) -> list[list[int]]:
    """Index groups from average-linkage clustering; same-paper pairs at distance 1."""
    distance = 1.0 - np.clip(scores, 0.0, 1.0)
    same_paper = np.array([[a == b for b in papers] for a in papers])
    distance[same_paper] = 1.0
    np.fill_diagonal(distance, 0.0)
    distance = np.round((distance + distance.T) / 2.0, 9)  # exact symmetry, stable ties
    return average_linkage_clusters(distance, 1.0 - threshold)


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


def _theme(group: list[Member], indices: list[int], scores: np.ndarray) -> Theme:
    sub = scores[np.ix_(indices, indices)]
    cross = np.array([[a.province != b.province for b in group] for a in group])
    centrality = np.where(cross, sub, 0.0).sum(axis=1) / np.maximum(cross.sum(axis=1), 1)
    # The most central member names the theme; among near ties, a title free of OCR slips,
    # then the shortest.
    near = [i for i, value in enumerate(centrality) if value >= centrality.max() - 0.02]
    title = [group[i].item.title for i in range(len(group))]
    central = group[min(near, key=lambda i: (has_ocr_slip(title[i]), len(title[i]), i))]
    ordered = sorted(group, key=_member_key)
    cohesion = float(sub[cross].mean()) if cross.any() else 0.0
    return Theme(short_label(correct_ocr(central.item.title)), ordered, cohesion)


# Openings that frame a sentence without saying its point ("Về mặt khách quan, …").
_OPENER = re.compile(
    r"^(?:về mặt (?:khách quan|chủ quan)|trong (?:những năm|thời gian) (?:gần đây|qua|tới)"
    r"|đồng thời|bên cạnh đó|ngoài ra|tuy nhiên|trong đó|thời gian tới|hiện nay|theo đó)[,:]?\s+",
    re.IGNORECASE,
)


def short_label(title: str) -> str:
    """A theme's label from its central item's title: the point, not its framing, at most
    ``_LABEL_WORDS`` words, cut at a clause boundary where one comes soon enough."""
    text = title.strip().rstrip("…")
    while (match := _OPENER.match(text)) and len(text) > match.end():
        text = text[match.end() :]
    words = text.split()
    if len(words) > _LABEL_WORDS:
        clause = re.split(r"[;:.]|, (?=[^,]{20,})", text, maxsplit=1)[0].split()
        words = clause if 4 <= len(clause) <= _LABEL_WORDS + 4 else words[:_LABEL_WORDS]
        text = " ".join(words).rstrip(",;:") + ("…" if len(words) < len(text.split()) else "")
    return text[:1].upper() + text[1:]


def _member_key(member: Member) -> tuple[str, str, int]:
    prov = member.item.provenance
    return (member.province, member.source, prov.line_start or prov.paragraph_start or 0)
