"""PDF reader: the text layer of each page, rebuilt into paragraph blocks.

pypdf extracts a page's text in content order, one line per printed line. Lines are grouped
into paragraphs and hard wraps joined by the text reader's rules (``blocks_from_text``),
page by page, so every block carries its page number. Running headers and footers (the
same line, page numbers aside, at the top or bottom of at least 60 % of the pages) and
bare page numbers at a page's edge are dropped. A paragraph that runs over a page break is
rejoined by the normaliser when the next page goes on in lower case. Text typed in TCVN3 or
VNI fonts comes out of such PDFs as glyph codes ("Tæng hîp") and is converted.

pypdf is imported only when a PDF is read, so the CLI starts fast.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from compiler.diagnostics import warn
from compiler.enumeration import LabelKind, opens_enumeration, parse_label
from compiler.errors import SourceError
from compiler.model import Block, Provenance
from compiler.readers import legacy, limits
from compiler.readers.limits import LimitError
from compiler.readers.text import blocks_from_text

FORMAT = "pdf"
SUFFIXES = {".pdf"}

ENCRYPTED = "encrypted PDF: decrypt it first, e.g. qpdf --decrypt in.pdf out.pdf"
NO_TEXT = "no text layer (scanned image?): run OCR first, e.g. ocrmypdf -l vie in.pdf out.pdf"

_EDGE_LINES = 2  # lines at the top and at the bottom of a page where running lines sit
_RUNNING_SHARE = 0.6  # share of the pages a running header or footer appears on
_PAGE_NUMBER = re.compile(
    r"^[-–—(\[\s]*(?:(?:trang|page)\s+)?\d{1,4}(?:\s*(?:/|of|trên)\s*\d{1,4})?[-–—)\]\s]*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
# What other files named .pdf usually are.
_NOT_PDF = (
    (b"PK\x03\x04", "a zip archive, perhaps a Word document"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
)


def read(path: Path, display_name: str) -> list[Block]:
    pages = _page_texts(path, display_name)
    if not pages:
        raise SourceError(display_name, "PDF has no pages")
    if not any(page.strip() for page in pages):
        raise SourceError(display_name, NO_TEXT)
    lines = _drop_running_lines([unicodedata.normalize("NFC", page) for page in pages])
    blocks: list[Block] = []
    for number, page_lines in enumerate(_convert_legacy(lines), start=1):
        provenance = Provenance(display_name, page_start=number, page_end=number)
        blocks.extend(
            replace(block, provenance=provenance)
            for block in blocks_from_text("\n".join(_join_wrapped(page_lines)), display_name)
        )
    return blocks


def _convert_legacy(pages: list[list[str]]) -> list[list[str]]:
    """TCVN3/VNI glyph codes converted over all pages at once, so that a sentence running
    over a page break keeps its lower case."""
    joined = "\n".join(line for page in pages for line in page)
    encoding = legacy.detect(joined)
    if encoding is None:
        return pages
    converted = iter(legacy.convert(joined, encoding).split("\n"))
    return [[next(converted) for _ in page] for page in pages]


# --- opening the file ---------------------------------------------------------------------


def _page_texts(path: Path, name: str) -> list[str]:
    """The extracted text of every page, in page order."""
    _sniff(path, name)
    from pypdf import PdfReader

    malformed = _malformed_errors()
    with quiet_pypdf():
        try:
            reader = PdfReader(path)
            _decrypt(reader, name)
        except malformed as error:
            raise SourceError(name, f"corrupt PDF file ({_short(error)})") from error
        return _extract(reader, name, malformed)


def _extract(reader: Any, name: str, malformed: tuple[type[Exception], ...]) -> list[str]:
    from pypdf.errors import LimitReachedError

    texts: list[str] = []
    try:
        count = len(reader.pages)
        if count > limits.MAX_PDF_PAGES:
            raise LimitError(
                name, "PDF pages", f"{count:,} pages, at most {limits.MAX_PDF_PAGES:,}"
            )
        for page in reader.pages:
            texts.append(page.extract_text() or "")
            if len(texts[-1]) > limits.MAX_PAGE_CHARS:
                detail = f"page {len(texts)} holds {len(texts[-1]):,} characters"
                raise LimitError(
                    name, "PDF page text", f"{detail}, at most {limits.MAX_PAGE_CHARS:,}"
                )
    except LimitReachedError as error:
        raise LimitError(name, "PDF stream", f"page {len(texts) + 1}: {_short(error)}") from error
    except malformed as error:
        reason = f"corrupt PDF file (page {len(texts) + 1}: {_short(error)})"
        raise SourceError(name, reason) from error
    return texts


def _sniff(path: Path, name: str) -> None:
    with path.open("rb") as stream:
        head = stream.read(1024)
    if not head:
        raise SourceError(name, "not a PDF file (the file is empty)")
    if b"%PDF-" in head:
        return
    kind = next((what for magic, what in _NOT_PDF if head.startswith(magic)), None)
    if kind is None and b"<html" in head.lower():
        kind = "an HTML page"
    raise SourceError(name, f"not a PDF file ({kind or 'no %PDF header'})")


def _decrypt(reader: Any, name: str) -> None:
    """Open a PDF that is only owner-protected (empty user password); refuse the rest."""
    if not reader.is_encrypted:
        return
    from pypdf.errors import PyPdfError

    try:
        opened = reader.decrypt("")
    except (PyPdfError, NotImplementedError, ValueError) as error:  # e.g. AES without crypto
        raise SourceError(name, ENCRYPTED) from error
    if not opened:
        raise SourceError(name, ENCRYPTED)
    warn("copy-restricted PDF (encrypted, no password needed to open it); its text was read")


def _malformed_errors() -> tuple[type[Exception], ...]:
    """What pypdf raises, or lets through, on a damaged file."""
    import struct
    import zlib

    from pypdf.errors import PyPdfError

    return (
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        IndexError,
        AttributeError,
        AssertionError,
        RecursionError,
        struct.error,
        zlib.error,
    )


@contextmanager
def quiet_pypdf() -> Iterator[None]:
    # pypdf logs a warning for every repaired oddity; the user cannot act on those.
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _short(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    text = lines[0] if lines else type(error).__name__
    return text if len(text) <= 120 else text[:117] + "..."


# --- hard wraps the text reader would take for list items -------------------------------

_ENDS_SENTENCE = re.compile(r"[.!?:;…][\"'”’»)\]]*$")
_FULL_LINE = 0.8  # of a page's typical long line: a line that ran on to the next one


def _join_wrapped(lines: list[str]) -> list[str]:
    """Join a full line that ends mid-sentence and the line it runs on to when that line
    merely looks like a list item: "kinh tế" / "- xã hội", "Nghị quyết số" / "36-NQ/TW"."""
    long_lines = sorted(len(line.strip()) for line in lines if len(line.strip()) >= 40)
    if not long_lines:
        return lines
    full = _FULL_LINE * long_lines[len(long_lines) // 2]
    result: list[str] = []
    previous = ""  # the last printed line, even when joined to the one before it
    for line in lines:
        if (
            len(previous) >= full
            and not _ENDS_SENTENCE.search(previous)
            and _false_label(line.strip())
        ):
            result[-1] = f"{result[-1].rstrip()} {line.strip()}"
        else:
            result.append(line)
        previous = line.strip()
    return result


def _false_label(line: str) -> bool:
    """A line opening with what parses as a label but goes on in lower case or without a
    space ("- xã hội", "+ 5 %", "36-NQ/TW")."""
    label = parse_label(line)
    if label is None:
        return False
    if line[len(label.text) : len(label.text) + 1].isalnum():
        return True
    rest = label.rest[:1]
    return label.kind == LabelKind.BULLET and (rest.islower() or rest.isdigit())


# --- running headers and footers ----------------------------------------------------------


def _drop_running_lines(pages: list[str]) -> list[list[str]]:
    """Each page's non-blank lines without running headers, footers and page numbers."""
    lines = [[line for line in page.splitlines() if line.strip()] for page in pages]
    running = _running_keys(lines)
    return [
        [
            line
            for index, line in enumerate(page)
            if not (_at_edge(index, len(page)) and _is_running(line, running))
        ]
        for page in lines
    ]


def _running_keys(pages: list[list[str]]) -> set[str]:
    """Keys of lines found at a page edge on at least 60 % of the pages (two at least)."""
    counts: Counter[str] = Counter()
    for page in pages:
        edge = page[:_EDGE_LINES] + page[-_EDGE_LINES:]
        # An enumerated line ("1. Kết quả") is body text even when a page starts with it.
        counts.update({_key(line) for line in edge if not opens_enumeration(line.strip())})
    needed = max(2, math.ceil(_RUNNING_SHARE * len(pages)))
    return {key for key, count in counts.items() if count >= needed}


def _is_running(line: str, running: set[str]) -> bool:
    text = line.strip()
    if _PAGE_NUMBER.match(text):
        return True
    return not opens_enumeration(text) and _key(text) in running


def _at_edge(index: int, count: int) -> bool:
    return index < _EDGE_LINES or index >= count - _EDGE_LINES


def _key(line: str) -> str:
    """A line with its numbers masked: "Trang 3" and "Trang 4" are the same running line."""
    return _SPACES.sub(" ", _DIGITS.sub("#", line.strip().casefold()))
