"""Hand labels of the reading test documents, and their validator.

Every document ``NAME.txt`` (or ``.md``) in ``tests/reading/<split>/`` has a sidecar
``NAME.labels`` written by a person who read the document, before any tool ran on it:

    # genre: interview
    # note: Q&A with the director of Bắc Ninh's foreign affairs department
    1 | - | furniture
    3-4 | Bắc Ninh | title
    6 | Bắc Ninh | context
    8-14 | Bắc Ninh | achievements

Each row is ``LINES | PROVINCE | KIND``: an inclusive 1-based line range, the province
the lines belong to as the document writes it ("-" for text about no single province:
national results, the ministry, a compilation's front matter), and one of ``KINDS``.
Every non-blank line is covered by exactly one row; blank lines may be covered or not.

Run ``python -m tests.reading.labels FILE.labels …`` to validate label files.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

SECTION_KINDS = (
    "context",
    "achievements",
    "opportunities",
    "challenges",
    "tasks",
    "proposals",
    "lessons",
    "other",
)
# Lines that are in no section: a paper's title and author lines (and a news headline),
# page furniture (captions, bylines, dates, share bars, menus, greetings and sign-offs,
# signature blocks, "Nơi nhận" lists), footnote text.
FRAME_KINDS = ("title", "furniture", "footnote")
KINDS = SECTION_KINDS + FRAME_KINDS
GENRES = ("paper", "compilation", "interview", "news", "speech", "other")

_ROW = re.compile(r"^\s*(\d+)(?:\s*-\s*(\d+))?\s*\|\s*(.+?)\s*\|\s*([a-z]+)\s*$")
_META = re.compile(r"^#\s*(\w+)\s*:\s*(.*?)\s*$")


@dataclass(slots=True)
class Labels:
    path: Path
    genre: str
    note: str = ""
    # line number -> (province or None, kind)
    lines: dict[int, tuple[str | None, str]] = field(default_factory=dict)


class LabelError(ValueError):
    pass


CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def document_of(labels_path: Path) -> Path:
    """The labelled document: ``# source: NAME`` names a file of the shared corpus (labels of
    real documents, whose text is never copied into the project); else the file beside."""
    source = _meta(labels_path).get("source")
    if source:
        return CORPUS / source
    for suffix in (".txt", ".md"):
        candidate = labels_path.with_suffix(suffix)
        if candidate.exists():
            return candidate
    raise LabelError(f"{labels_path}: no .txt or .md document next to it")


def _meta(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {m.group(1): m.group(2) for line in lines if (m := _META.match(line.strip()))}


def parse(path: Path) -> Labels:
    meta: dict[str, str] = {}
    lines: dict[int, tuple[str | None, str]] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        if raw.lstrip().startswith("#"):
            match = _META.match(raw.strip())
            if match:
                meta[match.group(1)] = match.group(2)
            continue
        match = _ROW.match(raw)
        if not match:
            raise LabelError(f"{path}:{number}: not 'LINES | PROVINCE | KIND': {raw!r}")
        first = int(match.group(1))
        last = int(match.group(2) or first)
        province = None if match.group(3) == "-" else match.group(3)
        kind = match.group(4)
        if kind not in KINDS:
            raise LabelError(f"{path}:{number}: unknown kind {kind!r} (one of {', '.join(KINDS)})")
        if last < first:
            raise LabelError(f"{path}:{number}: range {first}-{last} runs backwards")
        for line in range(first, last + 1):
            if line in lines:
                raise LabelError(f"{path}:{number}: line {line} is labelled twice")
            lines[line] = (province, kind)
    genre = meta.get("genre", "")
    if genre not in GENRES:
        raise LabelError(f"{path}: '# genre:' must be one of {', '.join(GENRES)}, not {genre!r}")
    return Labels(path, genre, meta.get("note", ""), lines)


def validate(path: Path) -> list[str]:
    """Problems of one label file against its document (empty when it is sound)."""
    from compiler import provinces

    try:
        labels = parse(path)
        document = document_of(path)
    except LabelError as error:
        return [str(error)]
    problems = []
    text_lines = document.read_text(encoding="utf-8").splitlines()
    for number, text in enumerate(text_lines, start=1):
        if text.strip() and number not in labels.lines:
            problems.append(f"{path}: line {number} is not labelled: {text[:60]!r}")
    for number, (province, _) in sorted(labels.lines.items()):
        if number > len(text_lines):
            problems.append(f"{path}: line {number} is past the end ({len(text_lines)} lines)")
        if province is not None and provinces.lookup(province) is None:
            problems.append(f"{path}: line {number}: unknown province {province!r}")
    return problems


def main(argv: list[str]) -> int:
    problems = [p for name in argv for p in validate(Path(name))]
    for problem in problems:
        print(problem)
    print(f"{len(argv)} label file(s) checked, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
