"""Alignment: papers side by side, themes across papers, changes over time.

The stage's entry points; the scorer learns its word weights from every item of every
paper loaded, so generic wording is judged against the whole set being compared.
"""

from __future__ import annotations

from dataclasses import dataclass

from compiler.align.changes import Changes, classify
from compiler.align.matching import Matching, match_items
from compiler.align.similarity import Scorer
from compiler.align.themes import Member, Themes, find_themes
from compiler.model import Document, SectionKind
from compiler.selection import PaperRef, select_one
from compiler.provinces import lookup


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
        return _same_province(self.left.paper.province, self.right.paper.province)


@dataclass(slots=True)
class SectionThemes:
    kind: SectionKind
    themes: Themes


def build_scorer(documents: list[Document]) -> Scorer:
    return Scorer([item for d in documents for p in d.papers for s in p.sections for item in s.items])


def compare(
    documents: list[Document], left: str, right: str, kinds: list[SectionKind], scorer: Scorer | None = None
) -> Comparison:
    """Compare two papers chosen by selector ("Lạng Sơn", "Lạng Sơn@000.txt").

    ``kinds``: the section kinds to compare; when it names every kind ("all"), only the
    kinds both papers have.
    """
    left_ref, right_ref = select_one(documents, left), select_one(documents, right)
    scorer = scorer or build_scorer(documents)
    if len(kinds) == len(SectionKind):
        kinds = [k for k in kinds if left_ref.paper.items(k) and right_ref.paper.items(k)]
    same = _same_province(left_ref.paper.province, right_ref.paper.province)
    sections = []
    for kind in kinds:
        matching = match_items(scorer, left_ref.paper.items(kind), right_ref.paper.items(kind))
        sections.append(SectionComparison(kind, matching, classify(matching) if same else None))
    return Comparison(left_ref, right_ref, sections)


def themes(
    documents: list[Document], kinds: list[SectionKind], scorer: Scorer | None = None
) -> list[SectionThemes]:
    """Shared themes and unique items of each kind over every paper that has a province."""
    scorer = scorer or build_scorer(documents)
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
            result.append(SectionThemes(kind, find_themes(scorer, members)))
    return result


def _same_province(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    first, second = lookup(a), lookup(b)
    return first is not None and second is not None and first.key == second.key
