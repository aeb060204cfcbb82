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


@pytest.fixture(scope="module")
def dev() -> list:
    return score_folder(READING / "dev")


def test_dev_documents_read_well_in_every_genre(dev: list) -> None:
    assert overall(dev) >= 0.90
    assert min(by_genre(dev).values()) >= 0.80, by_genre(dev)
    assert sum(s.genre == s.predicted_genre for s in dev) >= 0.9 * len(dev)


def test_the_seed_compilation_stays_right() -> None:
    corpus_file(COMPILATION)
    seed = [s for s in score_folder(READING / "corpus") if s.name.startswith("000")]
    assert seed[0].accuracy >= 0.97, seed[0].misses[:10]
