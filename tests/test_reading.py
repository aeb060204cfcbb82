"""Line accuracy of the reading on hand-labelled documents (see tests/reading/).

``dev`` documents were written for the project and tuned on; ``heldout`` documents, by
other writers, were never read by the developers nor tuned on: they measure what the
reading does with documents it has not seen. Each line counts as right when both its
province and its section kind (or title, furniture, footnote) agree with the label.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus import COMPILATION, corpus_file
from tests.reading.score import by_genre, overall, score_folder

READING = Path(__file__).parent / "reading"


@pytest.mark.parametrize("split", ["dev", "dev2", "dev3"])
def test_development_documents_read_well_in_every_genre(split: str) -> None:
    scores = score_folder(READING / split)
    assert overall(scores) >= 0.90
    assert min(by_genre(scores).values()) >= 0.80, by_genre(scores)


def test_held_out_documents_read_well_in_every_genre() -> None:
    """Documents by writers whose texts were never read nor tuned on (see README)."""
    scores = score_folder(READING / "heldout")
    assert overall(scores) >= 0.90
    assert min(by_genre(scores).values()) >= 0.80, by_genre(scores)
    assert sum(s.accuracy < 0.75 for s in scores) <= 1


def test_the_seed_compilation_stays_right() -> None:
    corpus_file(COMPILATION)
    seed = [s for s in score_folder(READING / "corpus") if s.name.startswith("000")]
    assert seed[0].accuracy >= 0.97, seed[0].misses[:10]
