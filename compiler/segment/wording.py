"""A paragraph's kind from its own wording: a small, inspectable scorer.

Features are the paragraph's syllables and syllable pairs (case and tone placement folded,
numbers and province names replaced by placeholders so no figure or place is learnt), its
opening words, and its position (first or last paragraph of a piece, a question). Each
feature carries one weight per kind; a paragraph's kind scores are the sum of its
features' weights, turned into probabilities by a softmax.

The weights are *learned*, not hand-picked: ``python -m compiler.segment.learn`` fits a
multinomial logistic regression on hand-labelled documents written for this project
(``tests/reading/train``, ``tests/reading/dev``), checks it leave-one-document-out and
writes ``kind_weights.json``. ``python -m compiler.segment.wording --top 15`` prints the
strongest cues of every kind, so what the scorer relies on can be read.
"""

from __future__ import annotations

import json
import math
import re
import sys
from dataclasses import dataclass
from functools import cache
from importlib import resources

from compiler import provinces
from compiler.enumeration import parse_label
from compiler.model import SectionKind
from compiler.normalize import fold
from compiler.segment.genre import speaker_tag_end

_SYLLABLE = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*")
_OPENING_WORDS = 3


def features(text: str, first: bool = False, last: bool = False) -> set[str]:
    """The features of one paragraph (see the module docstring)."""
    label = parse_label(text)
    text = label.rest if label else text
    text = text[speaker_tag_end(text) :]  # "II.", "Ông X:", "PV:" say nothing of the kind
    key = fold(_without_provinces(text))
    syllables = ["0" if s[0].isdigit() else s for s in _SYLLABLE.findall(key)]
    found = set(syllables)
    found.update(f"{a} {b}" for a, b in zip(syllables, syllables[1:], strict=False))
    opening = syllables[:_OPENING_WORDS]
    found.update(f"^{' '.join(opening[:n])}" for n in (1, 2, 3) if len(opening) >= n)
    if text.rstrip().endswith("?"):
        found.add("<question>")
    if text.rstrip().endswith(":"):
        found.add("<colon>")
    found.update(_tense(key))
    if first:
        found.add("<first>")
    if last:
        found.add("<last>")
    return found


# Time and modality: what was done against what will or must be done. Counted over the
# whole paragraph ("<past:2>" for two or more markers), steadier than any one word.
_PAST = re.compile(r"\b(?:đã|vừa qua|năm qua|thời gian qua|đến nay|đạt được|trong năm \d+)\b")
_FUTURE = re.compile(
    r"\b(?:sẽ|thời gian tới|năm tới|sắp tới|tiếp tục|cần|phải|phấn đấu|hướng tới|định hướng)\b"
)


def _tense(key: str) -> set[str]:
    found = set()
    for name, pattern in (("past", _PAST), ("future", _FUTURE)):
        count = len(pattern.findall(key))
        if count:
            found.add(f"<{name}:{min(count, 2)}>")
    return found


def _without_provinces(text: str) -> str:
    found = provinces.find_all(text)
    for _, start, end in reversed(found):
        text = text[:start] + " tỉnhx " + text[end:]
    return text


@dataclass(frozen=True, slots=True)
class Model:
    kinds: tuple[SectionKind, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def scores(self, found: set[str]) -> list[float]:
        totals = list(self.bias)
        for feature in found:
            row = self.weights.get(feature)
            if row is not None:
                for index, weight in enumerate(row):
                    totals[index] += weight
        return totals

    def probabilities(self, found: set[str]) -> dict[SectionKind, float]:
        scores = self.scores(found)
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {kind: e / total for kind, e in zip(self.kinds, exps, strict=True)}


WEIGHTS_FILE = "kind_weights.json"


@cache
def model() -> Model:
    data = json.loads(resources.files("compiler.segment").joinpath(WEIGHTS_FILE).read_text("utf-8"))
    return model_from_dict(data)


def model_from_dict(data: dict) -> Model:
    return Model(
        kinds=tuple(SectionKind(k) for k in data["kinds"]),
        bias=tuple(data["bias"]),
        weights={f: tuple(w) for f, w in data["weights"].items()},
    )


def kind_probabilities(
    text: str, first: bool = False, last: bool = False
) -> dict[SectionKind, float]:
    return model().probabilities(features(text, first, last))


def joint_kind(texts: list[str]) -> SectionKind:
    """The kind that paragraphs, read together, most probably share."""
    current = model()
    totals = [0.0] * len(current.kinds)
    for text in texts:
        for index, p in enumerate(current.probabilities(features(text)).values()):
            totals[index] += math.log(max(p, 1e-6))
    return current.kinds[totals.index(max(totals))]


def strongest_cues(count: int) -> dict[SectionKind, list[tuple[str, float]]]:
    """The features that most raise each kind's score."""
    current = model()
    result = {}
    for index, kind in enumerate(current.kinds):
        ranked = sorted(current.weights.items(), key=lambda item: -item[1][index])
        result[kind] = [(feature, row[index]) for feature, row in ranked[:count]]
    return result


def main(argv: list[str]) -> int:
    count = int(argv[argv.index("--top") + 1]) if "--top" in argv else 15
    for kind, cues in strongest_cues(count).items():
        print(f"{kind.value}: " + ", ".join(f"{f} ({w:+.2f})" for f, w in cues))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
