"""The one warning channel: every guess the tool makes and every file it refuses.

Library code never prints. It reports through the ``Channel`` of the current run:

* ``warn(message)`` — a guess or a repair made while reading or writing one file (a legacy
  encoding converted, mojibake repaired, tracked changes, a glyph no font has). Inside
  ``collecting()`` the message is kept for the file being handled (readers' warnings end up
  in ``Document.warnings``, writers' are reported against the output path); outside, it
  goes straight to the channel.
* ``channel().warning(path, message)``, ``channel().refused(error)``,
  ``channel().read(path)`` — what ``ingest.load_documents`` and the pack writer report,
  as soon as it happens, so a file's reason is always printed before any summary error.

The CLI installs a channel whose sink writes ``path: warning: …`` and ``path: reason``
lines on stderr (``--quiet`` hides warnings) and closes the run with a summary line,
"7 files read, 2 warnings, 1 refused". Without the CLI (tests, the library), the default
channel only counts and keeps the lines.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from compiler.errors import SourceError


@dataclass(slots=True)
class Channel:
    """Where one run's warnings and refusals go, with the counts for the summary line."""

    sink: Callable[[str], None] | None = None  # prints one line; None: keep lines only
    quiet: bool = False  # hide warnings (refusals are always shown)
    lines: list[str] = field(default_factory=list)
    files_read: int = 0
    warnings: int = 0
    refusals: int = 0

    def read(self, path: str | Path) -> None:
        del path
        self.files_read += 1

    def warning(self, path: str | Path, message: str) -> None:
        self.warnings += 1
        if not self.quiet:
            self._emit(f"{path}: warning: {message}")

    def refused(self, error: SourceError) -> None:
        self.refusals += 1
        self._emit(str(error))

    def summary(self) -> str | None:
        """The closing line, when there is something to sum up (a warning or a refusal)."""
        if not (self.warnings or self.refusals):
            return None
        return (
            f"{_count(self.files_read, 'file')} read, {_count(self.warnings, 'warning')}, "
            f"{self.refusals} refused"
        )

    def _emit(self, line: str) -> None:
        self.lines.append(line)
        if self.sink is not None:
            self.sink(line)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


_channel: ContextVar[Channel | None] = ContextVar("brief_channel", default=None)
_collected: ContextVar[list[str] | None] = ContextVar("brief_collected", default=None)
_fallback = Channel()


def channel() -> Channel:
    """The current run's channel (a silent, counting one when none was installed)."""
    return _channel.get() or _fallback


@contextlib.contextmanager
def using(current: Channel) -> Iterator[Channel]:
    """Install ``current`` as the run's channel for the duration of the block."""
    token = _channel.set(current)
    try:
        yield current
    finally:
        _channel.reset(token)


@contextlib.contextmanager
def collecting() -> Iterator[list[str]]:
    """Keep the ``warn()`` messages of the block in a list (one file's warnings)."""
    messages: list[str] = []
    token = _collected.set(messages)
    try:
        yield messages
    finally:
        _collected.reset(token)


def warn(message: str, path: str | Path = "brief") -> None:
    """Report a guess or repair: kept for the file being handled, else sent to the channel."""
    messages = _collected.get()
    if messages is None:
        channel().warning(path, message)
    elif message not in messages:
        messages.append(message)
