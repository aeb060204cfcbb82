"""Errors the tool reports to users: one line, naming the file and the reason.

Library code raises these; the CLI turns them into ``path: reason`` on stderr at one
boundary (``cli.py``) and into the documented exit codes.
"""

from __future__ import annotations

from pathlib import Path

# Exit codes (documented in README).
EXIT_OK = 0
EXIT_INPUT_FAILED = 1  # at least one source could not be read; the others went through
EXIT_USAGE = 2  # Click's own code for bad options
EXIT_OUTPUT_FAILED = 3  # a report could not be written


class BriefError(Exception):
    """Base class: an expected failure with a message fit for users."""

    exit_code = EXIT_INPUT_FAILED


class SourceError(BriefError):
    """A source file could not be read or holds no usable text."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class UnsupportedFormatError(SourceError):
    """No reader accepts this file."""


class OwnReportError(SourceError):
    """A report this tool wrote (recognised by its metadata stamp): never read as a paper."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(path, "a report written by brief, not a source paper")


class OptionError(BriefError):
    """A bad option value, on the command line or in a manifest: ``where: reason``."""

    exit_code = EXIT_USAGE

    def __init__(self, where: str | Path, reason: str) -> None:
        self.where = str(where)
        self.reason = reason
        super().__init__(f"{self.where}: {reason}")


class SelectionError(BriefError):
    """A --province / --left / --right selection matches no paper (or several)."""

    exit_code = EXIT_USAGE


class OutputError(BriefError):
    """A report could not be written."""

    exit_code = EXIT_OUTPUT_FAILED

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
