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
    from scipy.cluster.hierarchy import fcluster, linkage  # slow imports: only for themes
    from scipy.spatial.distance import squareform

    distance = 1.0 - np.clip(scores, 0.0, 1.0)
    same_paper = np.array([[a == b for b in papers] for a in papers])
    distance[same_paper] = 1.0
    np.fill_diagonal(distance, 0.0)
    distance = np.round((distance + distance.T) / 2.0, 9)  # exact symmetry, stable ties
    tree = linkage(squareform(distance, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - threshold, criterion="distance")
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return sorted(groups.values())


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
