"""Alignment: papers side by side, themes across papers, changes over time.

The stage's entry points. Items of one section kind are scored by a scorer that learned
its word weights from that kind's items in every paper loaded: generic wording is judged
against the set being compared (every province's tasks, say), and a two-paper comparison
stays fast at national scale.
"""

from __future__ import annotations

from dataclasses import dataclass

from compiler.align.changes import CHANGE_THRESHOLD, Changes, classify
from compiler.align.matching import MATCH_THRESHOLD, Matching, match_items
from compiler.align.similarity import DEFAULT_TUNING, Scorer, Tuning
from compiler.align.themes import Member, Themes, find_themes
from compiler.diagnostics import warn
from compiler.model import Document, Paper, SectionKind
from compiler.selection import PaperRef, same_province, select_one


@dataclass(slots=True)
class SectionComparison:
    kind: SectionKind
    matching: Matching
    changes: Changes | None  # when both papers are the same province


@dataclass(slots=True)
class Comparison:
    left: PaperRef
    right: PaperRef
    sections: list[SectionComparison]

    @property
    def same_province(self) -> bool:
        return same_province(self.left.paper.province, self.right.paper.province)


@dataclass(slots=True)
class SectionThemes:
    kind: SectionKind
    themes: Themes


class Scorers:
    """One scorer per section kind over the loaded documents, built when first needed."""

    def __init__(self, documents: list[Document], tuning: Tuning = DEFAULT_TUNING) -> None:
        self.documents = documents
        self.tuning = tuning
        self._built: dict[SectionKind, Scorer] = {}

    def __getitem__(self, kind: SectionKind) -> Scorer:
        if kind not in self._built:
            pool = [item for d in self.documents for p in d.papers for item in p.items(kind)]
            self._built[kind] = Scorer(pool, self.tuning)
        return self._built[kind]


def compare(
    documents: list[Document],
    left: str,
    right: str,
    kinds: list[SectionKind],
    scorers: Scorers | None = None,
) -> Comparison:
    """Compare two papers chosen by selector ("Lạng Sơn", "Lạng Sơn@000.txt").

    ``kinds``: the section kinds to compare; when it names every kind ("all"), only the
    kinds both papers have.
    """
    left_ref, right_ref = select_one(documents, left), select_one(documents, right)
    scorers = scorers or Scorers(documents)
    if len(kinds) == len(SectionKind):
        kinds = [k for k in kinds if left_ref.paper.items(k) and right_ref.paper.items(k)]
    else:
        for ref in (left_ref, right_ref):
            report_missing(ref.document.source, ref.paper, kinds)
    same = same_province(left_ref.paper.province, right_ref.paper.province)
    threshold = CHANGE_THRESHOLD if same else MATCH_THRESHOLD
    sections = []
    for kind in kinds:
        left_items, right_items = left_ref.paper.items(kind), right_ref.paper.items(kind)
        matching = match_items(scorers[kind], left_items, right_items, threshold)
        sections.append(SectionComparison(kind, matching, classify(matching) if same else None))
    return Comparison(left_ref, right_ref, sections)


def report_missing(source: str, paper: Paper, kinds: list[SectionKind]) -> None:
    """Say on the warning channel which requested kinds a paper has no items of, so an
    empty column is never mistaken for "nothing in common"."""
    missing = [k.value for k in kinds if not paper.items(k)]
    if missing:
        name = paper.province or "the general part"
        warn(f"{name} has no {', '.join(missing)} section", source)


def themes(
    documents: list[Document], kinds: list[SectionKind], scorers: Scorers | None = None
) -> list[SectionThemes]:
    """Shared themes and unique items of each kind over every paper that has a province."""
    scorers = scorers or Scorers(documents)
    result = []
    for kind in kinds:
        members = [
            Member(paper.province, document.source, item)
            for document in documents
            for paper in document.papers
            if paper.province
            for item in paper.items(kind)
        ]
        if members:
            result.append(SectionThemes(kind, find_themes(scorers[kind], members)))
    return result
