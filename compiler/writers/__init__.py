"""Writers render a ``report.model.Report`` into one file format, picked by suffix.

Each writer module defines ``SUFFIX`` and ``write(report, path, options) -> None``. Writers
never leave a half-written file: they render into a temporary file next to the target and
move it into place (``atomic_output``). Modules are imported only when writing, so the
CLI starts fast.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compiler.errors import OutputError
from compiler.report.model import Report

_WRITERS = {
    ".docx": "compiler.writers.docx",
    ".pdf": "compiler.writers.pdf",
    ".html": "compiler.writers.html",
}


@dataclass(frozen=True, slots=True)
class WriterOptions:
    template: Path | None = None  # reference .docx with the styles; None = bundled default
    # The page of every heading in report order, as the PDF lays the report out: the Word
    # writer prints them in its contents (Word recomputes them when it updates fields).
    heading_pages: tuple[int, ...] | None = None


def fit_columns(
    fractions: list[float], titles: list[str], total: float, word_width: Callable[[str], float]
) -> list[float]:
    """Column widths summing to ``total``, in proportion to ``fractions`` but widened so
    every column's longest title word fits on one line ("Achievements" is never broken);
    the room comes from the columns that have it to spare."""
    whole = sum(max(f, 0.0) for f in fractions)
    if whole <= 0:
        fractions, whole = [1.0] * len(fractions), float(len(fractions))
    widths = [total * max(f, 0.0) / whole for f in fractions]
    needs = [max((word_width(word) for word in title.split()), default=0.0) for title in titles]
    if sum(needs) >= total:
        return widths  # cannot fit every word: keep the builder's proportions
    for _ in range(len(widths)):
        short = [i for i, (w, n) in enumerate(zip(widths, needs, strict=True)) if w < n - 1e-6]
        if not short:
            break
        missing = sum(needs[i] - widths[i] for i in short)
        for i in short:
            widths[i] = needs[i]
        spare = {i: widths[i] - needs[i] for i in range(len(widths)) if i not in short}
        room = sum(spare.values())
        for i, extra in spare.items():
            widths[i] -= missing * extra / room if room > 0 else 0.0
    return widths


def supported_suffixes() -> tuple[str, ...]:
    return tuple(_WRITERS)


def suffixes_in_words() -> str:
    """ ".docx, .pdf or .html" """
    *first, last = _WRITERS
    return f"{', '.join(first)} or {last}" if first else last


def write_report(report: Report, path: Path, options: WriterOptions | None = None) -> Any:
    """Write ``report`` to ``path`` in the format its suffix names; returns what the writer
    returns (the PDF writer: every heading's page)."""
    suffix = path.suffix.lower()
    if suffix not in _WRITERS:
        raise OutputError(
            path, f"unsupported report type '{suffix or '(none)'}' (use {suffixes_in_words()})"
        )
    module = importlib.import_module(_WRITERS[suffix])
    return module.write(report, path, options or WriterOptions())


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; move it onto ``path`` on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        os.chmod(temp, 0o644 & ~_umask())  # mkstemp makes files readable by the owner only
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
