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
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from compiler.errors import OutputError
from compiler.report.model import Report

_WRITERS = {".docx": "compiler.writers.docx", ".pdf": "compiler.writers.pdf"}


@dataclass(frozen=True, slots=True)
class WriterOptions:
    template: Path | None = None  # reference .docx with the styles; None = bundled default


def supported_suffixes() -> tuple[str, ...]:
    return tuple(_WRITERS)


def write_report(report: Report, path: Path, options: WriterOptions | None = None) -> None:
    suffix = path.suffix.lower()
    if suffix not in _WRITERS:
        raise OutputError(
            path, f"unsupported report type '{suffix or '(none)'}' (use .docx or .pdf)"
        )
    module = importlib.import_module(_WRITERS[suffix])
    module.write(report, path, options or WriterOptions())


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
