"""Kinds without headings: each paragraph of unheaded text gets a kind from its wording.

The wording scorer (``wording``) gives every paragraph a probability per kind; the kinds of
a run of paragraphs are then decoded together (Viterbi), because a piece talks about one
thing for several paragraphs and changes subject at a transition ("Bên cạnh những kết quả
…", "Trong thời gian tới …"), not at every sentence:
- staying on the same kind from one paragraph to the next earns ``STAY``;
- an interview question is a heading: its own wording sets its kind, and its answer leans
  towards it (``QUESTION_PULL``), until the answer's wording says otherwise;
- a subheading with a cue word opens that kind (as in headed papers);
- a change of owner (another province's block) starts afresh;
- the first paragraph (a news report's or interview's sapo, a speech's or report's opening)
  leans towards context: every genre opens by setting the scene (``LEAD_CONTEXT``);
- the items of one enumeration, and the paragraph introducing them, share one kind;
- a hand cue of ``cues.opening_phrase_kind`` ("… kính đề nghị Bộ Ngoại giao …", "Tuy nhiên,
  … còn hạn chế") adds ``OPENING_CUE``.
The constants were chosen on the development documents (``tests/reading/dev``): line
accuracy is flat within ±30 % of them (see the closing note of issue 7).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from compiler.model import Block, KindBasis, SectionKind
from compiler.segment import cues, wording
from compiler.segment.genre import is_question
from compiler.segment.owners import enumeration_runs, is_heading

STAY = 2.0  # log-odds bonus for keeping the previous paragraph's kind
QUESTION_PULL = 1.5  # weight of a question's kind probabilities on its answer's paragraphs
LEAD_CONTEXT = 2.0  # log-odds towards context for a piece's first paragraph
OPENING_CUE = 3.0  # log-odds a hand cue adds ("kính đề nghị Bộ Ngoại giao", "Tuy nhiên … hạn chế")
_FLOOR = 1e-6


@dataclass(frozen=True, slots=True)
class Reading:
    kind: SectionKind
    basis: KindBasis
    opens: bool  # a heading or question that opens a section


def read_kinds(blocks: list[Block], owners: Sequence[object]) -> list[Reading]:
    """A kind for every block (headings and questions included), in order."""
    if not blocks:
        return []
    headings = [_heading_kind(b) for b in blocks]
    questions = [is_question(b) for b in blocks]
    emissions = [_emission(b, i == 0, i == len(blocks) - 1) for i, b in enumerate(blocks)]
    if not (questions[0] or headings[0]) and SectionKind.CONTEXT in emissions[0]:
        emissions[0][SectionKind.CONTEXT] += LEAD_CONTEXT
    _pull_answers(emissions, questions, headings)
    _share_within_lists(emissions, blocks)
    for index, block in enumerate(blocks):
        heading = headings[index]
        if heading is None and index >= len(blocks) - 2 and cues.is_closing_remark(block.text):
            heading = SectionKind.OTHER  # "Trên đây là …", "Tóm lại, …": closing remarks
        if heading is not None:
            emissions[index] = _certain(heading, emissions[index])
        elif is_heading(block) and not questions[index] and index + 1 < len(blocks):
            emissions[index] = dict(emissions[index + 1])  # a headline speaks of what follows
    opens = [questions[i] or is_heading(b) for i, b in enumerate(blocks)]
    kinds = _viterbi(emissions, owners, opens)
    return [
        Reading(kind, _basis(headings[i], questions[i]), opens[i]) for i, kind in enumerate(kinds)
    ]


def _emission(block: Block, first: bool, last: bool) -> dict[SectionKind, float]:
    probabilities = wording.kind_probabilities(block.text, first=first, last=last)
    scores = {k: math.log(max(p, _FLOOR)) for k, p in probabilities.items()}
    opened = cues.opening_phrase_kind(block.text, leads_list=block.text.endswith(":"))
    if opened is not None and opened in scores:
        scores[opened] += OPENING_CUE
    return scores


def _pull_answers(
    emissions: list[dict[SectionKind, float]],
    questions: list[bool],
    headings: list[SectionKind | None],
) -> None:
    """An answer leans towards the kind its question asks about, until the next question
    or heading."""
    pull: dict[SectionKind, float] | None = None
    for index, scores in enumerate(emissions):
        if questions[index]:
            pull = dict(scores)
        elif headings[index] is not None:
            pull = None
        elif pull is not None:
            for kind in scores:
                scores[kind] += QUESTION_PULL * pull[kind]


def _share_within_lists(emissions: list[dict[SectionKind, float]], blocks: list[Block]) -> None:
    """The items of one enumeration, and the paragraph introducing it ("… như sau:"), are of
    one kind: each of them is scored by all of them together."""
    for first, last in enumeration_runs(blocks):
        lead = first - 1 if first > 0 and blocks[first - 1].text.endswith(":") else first
        members = range(lead, last + 1)
        joint = {k: sum(emissions[i][k] for i in members) for k in emissions[first]}
        announced = cues.opening_phrase_kind(blocks[lead].text, leads_list=True)
        if lead < first and announced in joint:
            joint[announced] += OPENING_CUE * (last - first)  # the lead speaks for every item
        for index in members:
            emissions[index] = dict(joint)


def _certain(kind: SectionKind, scores: dict[SectionKind, float]) -> dict[SectionKind, float]:
    return {k: (0.0 if k == kind else -50.0) for k in scores}


def _heading_kind(block: Block) -> SectionKind | None:
    """The kind a subheading's cue words name (None for prose and cue-less headings)."""
    if not is_heading(block) or is_question(block):
        return None
    return cues.heading_kind(block.text)


def _basis(heading: SectionKind | None, question: bool) -> KindBasis:
    if heading is not None:
        return KindBasis.HEADING
    return KindBasis.QUESTION if question else KindBasis.WORDING


def _viterbi(
    emissions: list[dict[SectionKind, float]], owners: Sequence[object], opens: Sequence[bool]
) -> list[SectionKind]:
    kinds = list(emissions[0])
    best = dict(emissions[0])
    back: list[dict[SectionKind, SectionKind]] = []
    for index in range(1, len(emissions)):
        # A heading, a question or another province's block starts a section afresh.
        stay = STAY if owners[index] == owners[index - 1] and not opens[index] else 0.0
        leader = max(best, key=lambda k: best[k])
        step: dict[SectionKind, float] = {}
        pointers: dict[SectionKind, SectionKind] = {}
        for kind in kinds:
            previous = kind if best[kind] + stay >= best[leader] else leader
            step[kind] = (
                best[previous] + (stay if previous == kind else 0.0) + emissions[index][kind]
            )
            pointers[kind] = previous
        back.append(pointers)
        best = step
    path = [max(best, key=lambda k: best[k])]
    for pointers in reversed(back):
        path.append(pointers[path[-1]])
    return path[::-1]
