"""A meeting against the meetings before it: what each province changed, and which asks it
keeps repeating.

- Changes: every province of the meeting that also has a paper in an earlier meeting is
  compared with its latest earlier one, section by section (tasks, proposals), exactly as
  ``brief compare`` compares one province across two meetings (``changes.classify``):
  items unchanged, reworded, new or dropped.
- Repeated asks: a province's proposals are followed from each of its meetings to its
  next, oldest first. A meeting's proposals are paired one-to-one with the asks of the
  province's previous meeting (the same pairing as the changes, with a stricter threshold:
  calling an ask repeated is a stronger claim than calling an item reworded, whose redline
  shows the reader what was paired); a proposal that pairs continues that ask, any other
  starts a new one, and an ask missing from a meeting ends there. An ask the province
  raises at this meeting and raised at the meeting before (and maybe before that) is
  repeated; asks it no longer raises are not. Only provinces of the meeting are followed.

A province's items at one meeting are those of all its papers there (any spelling of its
name; a unit merged in 2025 is a different province from its predecessors).
"""

from __future__ import annotations

from dataclasses import dataclass

from compiler.align import Scorers
from compiler.align.changes import CHANGE_THRESHOLD, Changes, classify
from compiler.align.matching import Matching, match_items
from compiler.align.similarity import Tuning
from compiler.model import Item, Meeting, Paper, SectionKind
from compiler.selection import province_key

K = SectionKind
HISTORY_KINDS = (K.TASKS, K.PROPOSALS)

# Where rewordings of one province's own items begin (changes.py: true rewordings score
# from 0.14 on the sample papers; unrelated asks of one province reach 0.12).
REPEAT_THRESHOLD = 0.14


@dataclass(slots=True)
class KindChanges:
    kind: SectionKind
    matching: Matching  # earlier meeting on the left
    changes: Changes


@dataclass(slots=True)
class ProvinceChanges:
    province: str  # as the meeting's paper writes it
    earlier: Meeting  # the latest earlier meeting with a paper of the province
    sections: list[KindChanges]  # the kinds at least one of the two papers has


@dataclass(frozen=True, slots=True)
class Appearance:
    meeting: Meeting
    item: Item


@dataclass(slots=True)
class RepeatedAsk:
    province: str
    appearances: list[Appearance]  # oldest meeting first

    @property
    def latest(self) -> Appearance:
        return self.appearances[-1]


@dataclass(slots=True)
class History:
    meeting: Meeting
    earlier: list[Meeting]  # oldest first
    changes: list[ProvinceChanges]
    repeated: list[RepeatedAsk]


def history(meeting: Meeting, earlier: list[Meeting]) -> History:
    """``meeting`` against ``earlier`` meetings (any order; sorted by date here)."""
    earlier = sorted(earlier, key=lambda m: (m.date is None, m.date))
    timeline = [*earlier, meeting]
    # One province against itself: its request formula is no evidence (similarity._REQUEST).
    scorers = Scorers([d for m in timeline for d in m.documents], Tuning(drop_requests=True))
    papers = [_province_papers(m) for m in timeline]
    changes, repeated = [], []
    for key, (name, _) in sorted(papers[-1].items(), key=lambda entry: entry[1][0]):
        before = [(m, p[key][1]) for m, p in zip(earlier, papers[:-1], strict=True) if key in p]
        if before:
            changes.append(_changes(name, before[-1], papers[-1][key][1], scorers))
        present = [*before, (meeting, papers[-1][key][1])]
        repeated += _repeated_asks(name, present, scorers[K.PROPOSALS])
    repeated.sort(key=lambda ask: (-len(ask.appearances), ask.province))
    return History(meeting, earlier, changes, repeated)


def _province_papers(meeting: Meeting) -> dict[str, tuple[str, list[Paper]]]:
    """Province key -> (the name its first paper writes, its papers at the meeting)."""
    found: dict[str, tuple[str, list[Paper]]] = {}
    for document in meeting.documents:
        for paper in document.papers:
            key = province_key(paper.province)
            if key and paper.province:
                found.setdefault(key, (paper.province, []))[1].append(paper)
    return found


def _items(papers: list[Paper], kind: SectionKind) -> list[Item]:
    return [item for paper in papers for item in paper.items(kind)]


def _changes(
    name: str, before: tuple[Meeting, list[Paper]], now: list[Paper], scorers: Scorers
) -> ProvinceChanges:
    earlier, old = before
    sections = []
    for kind in HISTORY_KINDS:
        left, right = _items(old, kind), _items(now, kind)
        if left or right:
            matching = match_items(scorers[kind], left, right, CHANGE_THRESHOLD)
            sections.append(KindChanges(kind, matching, classify(matching)))
    return ProvinceChanges(name, earlier, sections)


def _repeated_asks(
    name: str, present: list[tuple[Meeting, list[Paper]]], scorer
) -> list[RepeatedAsk]:
    asks: list[RepeatedAsk] = []
    previous: Meeting | None = None
    for meeting, papers in present:
        proposals = _items(papers, K.PROPOSALS)
        latest = [ask.latest.item for ask in asks if ask.latest.meeting is previous]
        matching = match_items(scorer, latest, proposals, REPEAT_THRESHOLD)
        ask_of = {id(ask.latest.item): ask for ask in asks}
        for pair in matching.pairs:
            ask_of[id(pair.left)].appearances.append(Appearance(meeting, pair.right))
        asks += [
            RepeatedAsk(name, [Appearance(meeting, item)]) for item in matching.unmatched_right
        ]
        previous = meeting
    return [ask for ask in asks if len(ask.appearances) >= 2 and ask.latest.meeting is previous]
