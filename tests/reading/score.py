"""Line accuracy of the reading: the tool's province and kind for every labelled line.

``python -m tests.reading.score tests/reading/dev`` prints a table per document and per
genre; the tests use ``score_folder``. A line counts as right when both its province and its
kind agree with the hand label (see ``labels.py`` for the label vocabulary); for furniture
and footnote lines, which belong to no section, only the kind is compared.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from compiler import provinces
from compiler.ingest import load_document
from compiler.model import Block, Document
from tests.reading.labels import Labels, document_of, parse

Reading = tuple[str | None, str]  # (province, kind)


@dataclass(slots=True)
class DocumentScore:
    name: str
    genre: str
    predicted_genre: str
    right: int
    total: int
    province_right: int
    kind_right: int
    misses: list[tuple[int, Reading, Reading, str]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0


def predicted_lines(document: Document) -> dict[int, Reading]:
    """Every line the document's blocks cover, with the province and kind the tool gave it."""
    lines: dict[int, Reading] = {}

    def mark(blocks: list[Block], province: str | None, kind: str) -> None:
        for block in blocks:
            start, end = block.provenance.line_start, block.provenance.line_end
            if start is None:
                continue
            for line in range(start, (end or start) + 1):
                lines.setdefault(line, (province, kind))

    mark(document.furniture, None, "furniture")
    mark(document.footnotes, None, "footnote")
    mark(document.title_blocks, None, "title")
    mark(document.front_matter, None, "context")
    for paper in document.papers:
        framing = paper.title_blocks + ([paper.author_block] if paper.author_block else [])
        mark(framing, paper.province, "title")
        for section in paper.sections:
            mark(section.heading_blocks + section.paragraphs, paper.province, section.kind.value)
    return lines


def same_province(gold: str | None, found: str | None) -> bool:
    if gold is None or found is None:
        return gold is found
    a, b = provinces.lookup(gold), provinces.lookup(found)
    if a is None or b is None:
        return False
    if a.key == b.key:
        return True
    # "Huế" (2025) and "Thừa Thiên Huế" (before): one place under its two names.
    return "2025" in (a.era, b.era) and (
        provinces.province_2025(a).key == provinces.province_2025(b).key
    )


def score_document(labels: Labels) -> DocumentScore:
    path = document_of(labels.path)
    document = load_document(path)
    found = predicted_lines(document)
    text_lines = path.read_text(encoding="utf-8-sig").splitlines()
    score = DocumentScore(labels.path.stem, labels.genre, document.genre.value, 0, 0, 0, 0)
    for line, gold in sorted(labels.lines.items()):
        if line > len(text_lines) or not text_lines[line - 1].strip():
            continue  # blank lines carry nothing to read
        got = found.get(line, (None, "missing"))
        # Furniture and footnotes belong to no section: their province is not read.
        set_apart = gold[1] in ("furniture", "footnote")
        province_ok = set_apart or same_province(gold[0], got[0])
        kind_ok = gold[1] == got[1]
        score.total += 1
        score.province_right += province_ok
        score.kind_right += kind_ok
        if province_ok and kind_ok:
            score.right += 1
        else:
            score.misses.append((line, gold, got, text_lines[line - 1]))
    return score


def score_folder(folder: Path) -> list[DocumentScore]:
    return [score_document(parse(p)) for p in sorted(folder.glob("*.labels"))]


def by_genre(scores: list[DocumentScore]) -> dict[str, float]:
    right: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    for s in scores:
        right[s.genre] += s.right
        total[s.genre] += s.total
    return {genre: right[genre] / total[genre] for genre in sorted(total)}


def overall(scores: list[DocumentScore]) -> float:
    total = sum(s.total for s in scores)
    return sum(s.right for s in scores) / total if total else 1.0


def report(scores: list[DocumentScore], show_misses: bool) -> str:
    rows = [
        f"{'document':44} {'genre':12} {'found':12} {'lines':>5} {'acc':>6} {'prov':>6} {'kind':>6}"
    ]
    for s in scores:
        rows.append(
            f"{s.name[:44]:44} {s.genre:12} {s.predicted_genre:12} {s.total:5d} "
            f"{s.accuracy:6.3f} {s.province_right / s.total:6.3f} {s.kind_right / s.total:6.3f}"
        )
        if show_misses:
            rows.extend(
                f"    {line}: want {gold} got {got} | {text[:70]}"
                for line, gold, got, text in s.misses
            )
    rows.append("")
    rows.extend(f"{genre:12} {acc:.3f}" for genre, acc in by_genre(scores).items())
    genres_right = sum(s.genre == s.predicted_genre for s in scores)
    rows.append(f"{'overall':12} {overall(scores):.3f}  (genre right {genres_right}/{len(scores)})")
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    show = "--misses" in argv
    for name in [a for a in argv if not a.startswith("--")]:
        print(f"== {name}")
        print(report(score_folder(Path(name)), show))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
