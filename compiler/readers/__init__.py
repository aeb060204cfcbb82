"""One reader per format behind one signature: ``read(path) -> list[Block]``.

Each reader module defines ``FORMAT`` (a short name), ``SUFFIXES`` (lower-case file
endings it accepts) and ``read(path, display_name) -> list[Block]`` which raises
``SourceError`` for a file it cannot read; a reader that knows the text's encoding also
defines ``read_document(path, display_name) -> (blocks, encoding)``. ``read_blocks`` picks
the reader by suffix. Readers never print: what they had to guess or repair goes to
``diagnostics.warn`` and ends up in ``Document.warnings``.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from compiler.diagnostics import warn
from compiler.errors import SourceError, UnsupportedFormatError
from compiler.model import Block
from compiler.readers import legacy

_LEGACY_NAMES = {
    legacy.TCVN3: "TCVN3 (ABC)",
    legacy.VNI: "VNI",
    legacy.VISCII: "VISCII",
    legacy.CP1258: "Windows-1258",
}

# Reader modules, imported lazily so `brief --help` stays fast.
_READER_MODULES = ("text", "docx", "pdf", "html")


def _reader_modules() -> list[ModuleType]:
    modules = []
    for name in _READER_MODULES:
        try:
            modules.append(importlib.import_module(f"compiler.readers.{name}"))
        except ModuleNotFoundError as error:  # a reader not written yet
            if error.name != f"compiler.readers.{name}":
                raise
    return modules


def reader_for(path: Path) -> ModuleType:
    suffix = path.suffix.lower()
    for module in _reader_modules():
        if suffix in module.SUFFIXES:
            return module
    known = sorted(s for m in _reader_modules() for s in m.SUFFIXES)
    raise UnsupportedFormatError(
        path, f"unsupported file type '{suffix or '(none)'}' (known: {', '.join(known)})"
    )


def supported_suffixes() -> set[str]:
    return {s for m in _reader_modules() for s in m.SUFFIXES}


def read_blocks(path: Path, display_name: str | None = None) -> tuple[str, list[Block]]:
    """Read one file into blocks; returns (format name, blocks)."""
    fmt, blocks, _ = read_source(path, display_name)
    return fmt, blocks


def read_source(path: Path, display_name: str | None = None) -> tuple[str, list[Block], str | None]:
    """Read one file: (format name, blocks, encoding when the reader knows it)."""
    module = reader_for(path)
    name = display_name or str(path)
    encoding = None
    try:
        if hasattr(module, "read_document"):
            blocks, encoding = module.read_document(path, name)
        else:
            blocks = module.read(path, name)
    except SourceError:
        raise
    except OSError as error:
        raise SourceError(name, f"cannot read file ({error.strerror or error})") from error
    if not any(block.text.strip() for block in blocks):
        raise SourceError(name, "no text found (empty file?)")
    if encoding in _LEGACY_NAMES:
        warn(f"legacy {_LEGACY_NAMES[encoding]} text converted to Unicode")
    return module.FORMAT, blocks, encoding
