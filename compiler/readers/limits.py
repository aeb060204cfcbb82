"""Limits on what one source may make the tool read, checked before a parser sees it.

A hostile or broken file (a zip bomb, an XML entity bomb, a PDF of a million pages) is
refused in a bounded time and memory, with one line naming the limit it broke:

==================  ================================================  ==================
limit               value                                             checked on
==================  ================================================  ==================
file size           200 MB                                            every source
zip entries         10,000 parts                                      .docx, .odt
zip part size       100 MB inflated, declared and actually inflated    .docx, .odt
zip total size      500 MB inflated, all parts together                .docx, .odt
zip ratio           100 : 1 for a part that inflates beyond 1 MB       .docx, .odt
XML DTD             none: a DOCTYPE (entities, external references)   .docx, .odt parts
PDF pages           5,000                                             .pdf
PDF page text       1,000,000 characters on one page                  .pdf
==================  ================================================  ==================

"Actually inflated": a part is inflated in 1 MB steps and counted, whatever size its
header declares, so a header that lies is caught at the same limit. pypdf's own limits
(decompressed stream sizes and the like) are reported the same way.
"""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path

from compiler.errors import SourceError

MB = 1024 * 1024
MAX_FILE_BYTES = 200 * MB
MAX_ZIP_ENTRIES = 10_000
MAX_PART_BYTES = 100 * MB
MAX_TOTAL_BYTES = 500 * MB
MAX_RATIO = 100
RATIO_FLOOR = 1 * MB  # small parts may compress any amount
MAX_PDF_PAGES = 5_000
MAX_PAGE_CHARS = 1_000_000

_CHUNK = 1 * MB
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_DTD_MARKS = tuple(
    mark.encode(encoding)
    for mark in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("ascii", "utf-16-le", "utf-16-be")
)


class LimitError(SourceError):
    """A source over one of the limits above: ``path: over the <limit> limit (…)``."""

    def __init__(self, path: str | Path, limit: str, detail: str) -> None:
        super().__init__(path, f"over the {limit} limit ({detail})")
        self.limit = limit


def check_file_size(path: Path, name: str) -> None:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise LimitError(name, "file size", f"{_mb(size)}, at most {_mb(MAX_FILE_BYTES)}")


def check_zip(path: Path, name: str) -> None:
    """Refuse a zip package (DOCX, ODT) whose parts would inflate beyond the limits or whose
    XML parts declare a DTD. Reads each part once, in bounded memory."""
    with zipfile.ZipFile(path) as archive:
        parts = archive.infolist()
        if len(parts) > MAX_ZIP_ENTRIES:
            raise LimitError(
                name, "zip entries", f"{len(parts):,} parts, at most {MAX_ZIP_ENTRIES:,}"
            )
        for part in parts:  # the headers first: a declared bomb is refused without inflating
            _check_size(name, part.filename, part.file_size, part.compress_size)
        _check_declared_total(name, parts)
        total = 0
        for part in parts:
            total += _inflate_counting(archive, part, name)
            if total > MAX_TOTAL_BYTES:
                raise LimitError(
                    name, "zip total size", f"parts inflate beyond {_mb(MAX_TOTAL_BYTES)}"
                )


def _check_declared_total(name: str, parts: list[zipfile.ZipInfo]) -> None:
    total = sum(part.file_size for part in parts)
    if total > MAX_TOTAL_BYTES:
        raise LimitError(
            name, "zip total size", f"parts declare {_mb(total)}, at most {_mb(MAX_TOTAL_BYTES)}"
        )


def _check_size(name: str, part: str, inflated: int, compressed: int, so_far: bool = False) -> None:
    """``so_far``: ``inflated`` counts the bytes inflated until now, not a declared size."""
    more = "more than " if so_far else ""
    if inflated > MAX_PART_BYTES:
        raise LimitError(
            name,
            "zip part size",
            f"'{part}' inflates to {more}{_mb(inflated)}, at most {_mb(MAX_PART_BYTES)}",
        )
    if inflated > RATIO_FLOOR and inflated > MAX_RATIO * max(compressed, 1):
        ratio = inflated // max(compressed, 1)
        raise LimitError(
            name,
            "zip ratio",
            f"'{part}' inflates to {more}{ratio:,} times its compressed size, "
            f"at most {MAX_RATIO} times",
        )


def _inflate_counting(archive: zipfile.ZipFile, part: zipfile.ZipInfo, name: str) -> int:
    """Inflate one part in steps, whatever its header declares; the bytes it really holds."""
    if part.is_dir():
        return 0
    unbounded = copy.copy(part)
    unbounded.file_size = 1 << 62  # read to the real end, past a header that declares too little
    inflated = 0
    try:
        with archive.open(unbounded) as stream:
            head = b""
            while chunk := stream.read(_CHUNK):
                if inflated == 0 and part.filename.lower().endswith(_XML_SUFFIXES):
                    head = chunk[:65536]
                inflated += len(chunk)
                _check_size(name, part.filename, inflated, part.compress_size, so_far=True)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as error:
        raise SourceError(name, f"corrupt zip part '{part.filename}' ({error})") from error
    if any(mark in head for mark in _DTD_MARKS):
        raise LimitError(
            name,
            "XML DTD",
            f"'{part.filename}' declares a DOCTYPE; entities and external references are refused",
        )
    return inflated


def _mb(size: int) -> str:
    if size >= 1024 * MB:
        return f"{size / (1024 * MB):.1f} GB"
    return f"{size / MB:.1f} MB" if size >= MB // 10 else f"{size:,} bytes"
