"""Check the hand cues against labelled documents they were not chosen from (a developer's
tool).

    python -m compiler.segment.audit tests/reading/train tests/reading/dev

For every heading cue (``cues.HEADING_CUES``), every heading-shaped line of the labelled
documents that contains it is looked up in the labels: a cue is *kept* when the lines it
names carry its kind at least ``KEEP_AGREEMENT`` of the time. The opening phrases
(``cues.opening_phrase_kind``) are checked the same way on body paragraphs. Prints one row
per cue: where it fired, how often the label agreed, and the verdict; cues that never fire
outside the documents they came from are listed as *unseen*.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from compiler.normalize import ascii_fold, normalize_blocks
from compiler.readers import read_source
from compiler.segment import cues
from compiler.segment.owners import is_heading

KEEP_AGREEMENT = 0.6


def _labelled_blocks(label_files: list[Path]) -> list[tuple[str, str, bool]]:
    """(text, labelled kind, heading-shaped) of every labelled paragraph."""
    from tests.reading.labels import document_of, parse

    rows = []
    for path in label_files:
        labels = parse(path)
        source = document_of(path)
        _, raw, _ = read_source(source, str(source))
        for block in normalize_blocks(raw):
            line = block.provenance.line_start
            if line in labels.lines:
                rows.append((block.text, labels.lines[line][1], is_heading(block)))
    return rows


def audit(label_files: list[Path]) -> list[tuple[str, str, int, int, str]]:
    """(cue, kind, fired, agreed, verdict) for every heading cue and opening phrase."""
    rows = _labelled_blocks(label_files)
    fired: dict[tuple[str, str], list[bool]] = defaultdict(list)
    for text, kind, heading in rows:
        if heading:
            key = ascii_fold(text)
            # A heading naming several kinds ("Cơ hội và thách thức") opens them together:
            # its label may be any of them.
            named = {k.value for k in cues.heading_kinds(text)}
            for cue_kind, cue_list in cues.HEADING_CUES.items():
                for cue in cue_list:
                    if cues._cue_pattern(cue).search(key):
                        agrees = kind == cue_kind.value or (len(named) > 1 and kind in named)
                        fired[(cue, cue_kind.value)].append(agrees)
        else:
            opened = cues.opening_phrase_kind(text, leads_list=text.endswith(":"))
            if opened is not None:
                fired[("<opening phrase>", opened.value)].append(kind == opened.value)
    result = []
    for cue_kind, cue_list in cues.HEADING_CUES.items():
        for cue in cue_list:
            hits = fired.get((cue, cue_kind.value), [])
            result.append(_row(cue, cue_kind.value, hits))
    for (cue, kind), hits in sorted(fired.items()):
        if cue == "<opening phrase>":
            result.append(_row(cue, kind, hits))
    return result


def _row(cue: str, kind: str, hits: list[bool]) -> tuple[str, str, int, int, str]:
    agreed = sum(hits)
    if not hits:
        verdict = "unseen"
    elif agreed / len(hits) >= KEEP_AGREEMENT:
        verdict = "kept"
    else:
        verdict = "fails"
    return cue, kind, len(hits), agreed, verdict


def main(argv: list[str]) -> int:
    files = sorted(p for folder in argv for p in Path(folder).glob("*.labels"))
    print(f"{'cue':28} {'kind':14} {'fired':>5} {'agreed':>6}  verdict")
    for cue, kind, count, agreed, verdict in audit(files):
        print(f"{cue:28} {kind:14} {count:5d} {agreed:6d}  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
