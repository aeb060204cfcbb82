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
import re
import zipfile
from pathlib import Path
from types import ModuleType

from compiler import REPORT_STAMP
from compiler.diagnostics import warn
from compiler.errors import OwnReportError, SourceError, UnsupportedFormatError
from compiler.model import Block
from compiler.readers import legacy, limits, mojibake

_LEGACY_NAMES = {
    legacy.TCVN3: "TCVN3 (ABC)",
    legacy.VNI: "VNI",
    legacy.VISCII: "VISCII",
    legacy.CP1258: "Windows-1258",
}

# Which reader module takes which file endings. A module, and the library it wraps
# (python-docx, pypdf), is imported only when a file of its type is read, so `brief --help`
# and a run over text files start fast. Each module repeats its endings as SUFFIXES.
READERS = {
    "text": (".txt", ".md", ".markdown", ".text"),
    "docx": (".docx",),
    "pdf": (".pdf",),
    "html": (".html", ".htm"),
    "office": (".doc", ".rtf", ".odt"),
}


def reader_for(path: Path) -> ModuleType:
    suffix = path.suffix.lower()
    for name, suffixes in READERS.items():
        if suffix in suffixes:
            return importlib.import_module(f"compiler.readers.{name}")
    known = sorted(supported_suffixes())
    raise UnsupportedFormatError(
        path, f"unsupported file type '{suffix or '(none)'}' (known: {', '.join(known)})"
    )


def supported_suffixes() -> set[str]:
    return {suffix for suffixes in READERS.values() for suffix in suffixes}


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
        limits.check_file_size(path, name)
        if is_own_report(path):
            raise OwnReportError(name)
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
    if module.FORMAT != "text":  # text files were repaired as they were decoded
        texts = [block.text for block in blocks]
        fixed = mojibake.repaired(texts, name)
        if fixed is not texts:
            blocks = [block.with_text(text) for block, text in zip(blocks, fixed, strict=True)]
    if encoding in _LEGACY_NAMES:
        warn(f"legacy {_LEGACY_NAMES[encoding]} text converted to Unicode")
    return module.FORMAT, blocks, encoding


_DOCX_STAMP = f"<dc:identifier>{REPORT_STAMP}</dc:identifier>".encode()
_HTML_STAMP = re.compile(
    rb"<meta\s+name=[\"']generator[\"']\s+content=[\"']" + REPORT_STAMP.encode() + rb"[\"']",
    re.IGNORECASE,
)


def is_own_report(path: Path) -> bool:
    """A report brief wrote, by the stamp its writers put in the file's metadata."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".docx":
            with zipfile.ZipFile(path) as archive:
                core = archive.getinfo("docProps/core.xml")
                return core.file_size < 1024 * 1024 and _DOCX_STAMP in archive.read(core)
        if suffix == ".pdf":
            return _pdf_creator(path) == REPORT_STAMP
        if suffix in {".html", ".htm"}:
            with path.open("rb") as stream:
                return bool(_HTML_STAMP.search(stream.read(4096)))
    except (OSError, KeyError, zipfile.BadZipFile):
        return False  # not readable as a report: the reader will say why
    return False


def _pdf_creator(path: Path) -> object:
    from pypdf import PdfReader

    from compiler.readers.pdf import quiet_pypdf

    try:
        with quiet_pypdf():
            reader = PdfReader(path)
            if reader.is_encrypted:
                return None  # brief never encrypts its reports
            metadata = reader.metadata
            return metadata.get("/Creator") if metadata is not None else None
    except Exception:  # any damage: not one of ours, and the PDF reader will say why
        return None
