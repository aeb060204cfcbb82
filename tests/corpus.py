"""Access to the shared sample corpus (present in CI, absent in a user's clone) and an
expert reading of the conference compilation, used as expectations by the tests.

The expectations were made by reading ``000_…txt`` paragraph by paragraph: for every
paper, the line ranges of its sections as an analyst would file them, and the item counts
of its enumerated sections.
"""

from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
COMPILATION = CORPUS / "000_819b2faa9b76d63a.txt"
NEWS_2019 = CORPUS / "002_feea5b2db5ec3339.txt"
INTERVIEW_2023 = CORPUS / "003_7c50f3a1a5937716.txt"


def corpus_file(path: Path) -> Path:
    """The corpus file, or skip the test cleanly where ../shared is absent."""
    if not path.exists():
        pytest.skip(f"shared corpus not available ({path.name})")
    return path


PROVINCES = ["Cần Thơ", "Đà Nẵng", "Hà Tĩnh", "Khánh Hòa", "Kiên Giang", "Lâm Đồng", "Lạng Sơn"]

# (first line, last line, kind): the section every paragraph starting in the range belongs to.
SECTION_LINES: dict[str, list[tuple[int, int, str]]] = {
    "Cần Thơ": [
        (9, 13, "context"),
        (15, 31, "opportunities"),
        (33, 49, "challenges"),
        (51, 65, "tasks"),
        (67, 69, "other"),  # the last two paragraphs are closing remarks
    ],
    "Đà Nẵng": [
        (75, 83, "context"),
        (85, 99, "achievements"),
        (101, 139, "tasks"),
        (141, 155, "proposals"),
        (157, 157, "other"),
    ],
    "Hà Tĩnh": [
        (163, 165, "context"),
        (167, 179, "achievements"),
        (181, 189, "challenges"),
        (191, 211, "tasks"),
    ],
    "Khánh Hòa": [
        (219, 225, "context"),
        (227, 261, "achievements"),
        (263, 271, "opportunities"),
        (273, 281, "challenges"),
        (283, 312, "tasks"),
    ],
    "Kiên Giang": [
        (318, 320, "context"),
        (322, 352, "achievements"),
        (354, 370, "opportunities"),
        (372, 378, "challenges"),
        (380, 394, "tasks"),
    ],
    "Lâm Đồng": [
        (400, 410, "context"),
        (412, 452, "achievements"),
        (454, 464, "challenges"),
        (466, 472, "lessons"),
        (474, 478, "proposals"),
    ],
    "Lạng Sơn": [
        (485, 487, "context"),
        (489, 523, "achievements"),
        (525, 529, "challenges"),
        (531, 559, "tasks"),
        (561, 561, "proposals"),
    ],
}

# Item counts of the enumerated sections.
ITEM_COUNTS: dict[tuple[str, str], int] = {
    ("Cần Thơ", "opportunities"): 3,
    ("Cần Thơ", "challenges"): 3,
    ("Cần Thơ", "tasks"): 6,
    ("Đà Nẵng", "tasks"): 6,
    ("Đà Nẵng", "proposals"): 5,
    ("Hà Tĩnh", "tasks"): 5,
    ("Khánh Hòa", "achievements"): 5,
    ("Khánh Hòa", "tasks"): 12,
    ("Kiên Giang", "opportunities"): 6,
    ("Kiên Giang", "challenges"): 3,
    ("Kiên Giang", "tasks"): 6,
    ("Lâm Đồng", "achievements"): 6,
    ("Lâm Đồng", "challenges"): 3,
    ("Lâm Đồng", "lessons"): 5,
    ("Lâm Đồng", "proposals"): 3,
    ("Lạng Sơn", "achievements"): 4,
    ("Lạng Sơn", "tasks"): 6,
}


def expected_kind(province: str, line: int) -> str | None:
    for first, last, kind in SECTION_LINES[province]:
        if first <= line <= last:
            return kind
    return None
