"""Fit the wording scorer's weights on hand-labelled documents (a developer's tool).

    python -m compiler.segment.learn tests/reading/train tests/reading/dev

reads every ``*.labels`` file of the folders (format in ``tests/reading/labels.py``), turns
each labelled paragraph into the scorer's features (``wording.features``), fits a
multinomial logistic regression with an L2 penalty, reports leave-one-document-out
accuracy for a few penalties, and writes the weights of the best one to
``compiler/segment/kind_weights.json``. Paragraphs labelled title, furniture or footnote are
not kinds of sections and are left out.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import optimize, sparse

from compiler.model import SectionKind
from compiler.normalize import normalize_blocks
from compiler.readers import read_source
from compiler.segment import wording

_FRAME = {"title", "furniture", "footnote"}
_PENALTIES = (0.0003, 0.001, 0.003, 0.01)
_MIN_DOCUMENTS = 2  # a feature seen in fewer documents is not learnt from
_KEEP = 0.005  # weights smaller than this are dropped from the file


@dataclass(slots=True)
class Example:
    document: str
    features: set[str]
    kind: SectionKind


def examples_of(labels_path: Path) -> list[Example]:
    from tests.reading.labels import document_of, parse

    labels = parse(labels_path)
    path = document_of(labels_path)
    _, raw, _ = read_source(path, str(path))
    lines = [(b, b.provenance.line_start or 0) for b in normalize_blocks(raw)]
    content = [(b, n) for b, n in lines if n in labels.lines and labels.lines[n][1] not in _FRAME]
    result = []
    for position, (block, line) in enumerate(content):
        kind = labels.lines[line][1]
        found = wording.features(block.text, position == 0, position == len(content) - 1)
        result.append(Example(labels_path.stem, found, SectionKind(kind)))
    return result


def fit(
    examples: list[Example], penalty: float, kinds: list[SectionKind], vocabulary: list[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Weights (features × kinds) and biases (kinds) minimising cross-entropy + L2."""
    index = {f: i for i, f in enumerate(vocabulary)}
    x = _matrix(examples, index)
    y = np.zeros((len(examples), len(kinds)))
    for row, example in enumerate(examples):
        y[row, kinds.index(example.kind)] = 1.0
    shape = (len(vocabulary) + 1, len(kinds))

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        w = flat.reshape(shape)
        logits = x @ w[:-1] + w[-1]
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        n = len(examples)
        value = -np.sum(y * np.log(probs + 1e-12)) / n + penalty / 2 * np.sum(w[:-1] ** 2)
        grad = np.vstack([x.T @ (probs - y) / n + penalty * w[:-1], (probs - y).mean(axis=0)])
        return value, grad.ravel()

    result = optimize.minimize(
        loss, np.zeros(shape).ravel(), jac=True, method="L-BFGS-B", options={"maxiter": 500}
    )
    w = result.x.reshape(shape)
    return w[:-1], w[-1]


def _matrix(examples: list[Example], index: dict[str, int]) -> sparse.csr_matrix:
    rows, cols = [], []
    for row, example in enumerate(examples):
        for feature in example.features:
            col = index.get(feature)
            if col is not None:
                rows.append(row)
                cols.append(col)
    data = np.ones(len(rows))
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(examples), len(index)))


def vocabulary_of(examples: list[Example]) -> list[str]:
    documents: dict[str, set[str]] = {}
    for example in examples:
        for feature in example.features:
            documents.setdefault(feature, set()).add(example.document)
    return sorted(f for f, docs in documents.items() if len(docs) >= _MIN_DOCUMENTS)


def leave_one_document_out(
    examples: list[Example], penalty: float, kinds: list[SectionKind]
) -> float:
    right = 0
    for name in sorted({e.document for e in examples}):
        train = [e for e in examples if e.document != name]
        test = [e for e in examples if e.document == name]
        vocabulary = vocabulary_of(train)
        weights, bias = fit(train, penalty, kinds, vocabulary)
        scores = _matrix(test, {f: i for i, f in enumerate(vocabulary)}) @ weights + bias
        right += sum(kinds[int(np.argmax(s))] == e.kind for s, e in zip(scores, test, strict=True))
    return right / len(examples)


def to_dict(
    weights: np.ndarray,
    bias: np.ndarray,
    kinds: list[SectionKind],
    vocabulary: list[str],
    note: dict,
) -> dict:
    kept = {
        feature: [round(float(w), 4) for w in row]
        for feature, row in zip(vocabulary, weights, strict=True)
        if np.abs(row).max() >= _KEEP
    }
    return {
        "kinds": [k.value for k in kinds],
        "bias": [round(float(b), 4) for b in bias],
        "weights": dict(sorted(kept.items())),
        "trained": note,
    }


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv if not a.startswith("--") and Path(a).is_dir()]
    label_files = sorted(p for folder in folders for p in folder.glob("*.labels"))
    examples = [e for path in label_files for e in examples_of(path)]
    kinds = [k for k in SectionKind if any(e.kind == k for e in examples)]
    print(f"{len(label_files)} documents, {len(examples)} paragraphs, kinds: {len(kinds)}")
    # --penalty P: fit with P, chosen by an earlier check, without checking again (quick).
    if "--penalty" in argv:
        best, checked = float(argv[argv.index("--penalty") + 1]), None
    else:
        results = {p: leave_one_document_out(examples, p, kinds) for p in _PENALTIES}
        for penalty, accuracy in results.items():
            print(f"penalty {penalty:g}: leave-one-document-out accuracy {accuracy:.3f}")
        best = max(results, key=lambda p: results[p])
        checked = round(results[best], 4)
    vocabulary = vocabulary_of(examples)
    weights, bias = fit(examples, best, kinds, vocabulary)
    note = {
        "documents": [f"{p.parent.name}/{p.stem}" for p in label_files],
        "paragraphs": len(examples),
        "penalty": best,
        "leave_one_document_out_accuracy": checked,  # None: fitted with --penalty
    }
    target = Path(__file__).with_name(wording.WEIGHTS_FILE)
    data = to_dict(weights, bias, kinds, vocabulary, note)
    target.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {target} ({len(data['weights'])} features, penalty {best:g})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
