"""Choosing papers by province: "Lạng Sơn", "lang son", or "Lạng Sơn@000.txt"."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import PurePath

from compiler import provinces
from compiler.collation import vietnamese_key
from compiler.errors import SelectionError
from compiler.model import Document, Paper
from compiler.normalize import ascii_fold


@dataclass(frozen=True, slots=True)
class PaperRef:
    document: Document
    paper: Paper

    def describe(self) -> str:
        return f"{self.paper.province or '?'} ({PurePath(self.document.source).name})"


def select_papers(documents: list[Document], selector: str) -> list[PaperRef]:
    """Papers whose province matches; ``PROVINCE@FILE`` limits the search to one source."""
    name, _, file_part = selector.partition("@")
    wanted = _province_key(name)
    candidates = [
        PaperRef(doc, paper)
        for doc in documents
        if not file_part or _source_matches(doc.source, file_part)
        for paper in doc.papers
        if paper.province
    ]
    exact = [ref for ref in candidates if province_key(ref.paper.province) == wanted]
    # A unit merged in 2025 answers for its predecessors ("An Giang" finds Kiên Giang).
    return exact or [ref for ref in candidates if province_key(ref.paper.province_2025) == wanted]


def select_some(documents: list[Document], selector: str) -> list[PaperRef]:
    """Like ``select_papers``, but no match is an error that lists the provinces found."""
    found = select_papers(documents, selector)
    if not found:
        file_part = selector.partition("@")[2]
        searched = [d for d in documents if not file_part or _source_matches(d.source, file_part)]
        if file_part and not searched:
            names = ", ".join(PurePath(d.source).name for d in documents) or "none was read"
            raise SelectionError(
                f"no paper matches '{selector}': no source file is named '{file_part}' "
                f"(sources: {names})"
            )
        available = sorted(
            {p.province for d in searched for p in d.papers if p.province}, key=vietnamese_key
        )
        raise SelectionError(
            f"no paper matches '{selector}' (provinces found: {', '.join(available) or 'none'})"
        )
    return found


def select_one(documents: list[Document], selector: str) -> PaperRef:
    found = select_some(documents, selector)
    if len(found) > 1:
        choices = ", ".join(
            f"{ref.paper.province}@{PurePath(ref.document.source).name}" for ref in found
        )
        raise SelectionError(f"'{selector}' matches several papers; pick one: {choices}")
    return found[0]


def same_province(a: str | None, b: str | None) -> bool:
    """Two names of one unit ("Khánh Hoà", "Khánh Hòa"); unknown or missing names never are."""
    if not a or not b:
        return False
    first, second = provinces.lookup(a), provinces.lookup(b)
    return first is not None and second is not None and first.key == second.key


def _province_key(name: str) -> str:
    province = provinces.lookup(name.strip())
    return province.key if province else ascii_fold(name.strip())


def province_key(name: str | None) -> str | None:
    """One key per province however it is written ("Khánh Hoà", "khanh hoa"); None for none."""
    return _province_key(name) if name else None


def _source_matches(source: str, wanted: str) -> bool:
    # File names compare in NFC: macOS writes them decomposed (NFD), users type them composed.
    source, wanted = unicodedata.normalize("NFC", source), unicodedata.normalize("NFC", wanted)
    path, target = PurePath(source), PurePath(wanted)
    return (
        source == wanted or path.name == target.name or path.as_posix().endswith(target.as_posix())
    )


def paper_keys(documents: list[Document], selectors: tuple[str, ...]) -> set[tuple[str, str]]:
    """(source, province) of the papers the selectors name; a selector that names none is
    an error listing the provinces found."""
    return {
        (ref.document.source, ref.paper.province or "")
        for selector in selectors
        for ref in select_some(documents, selector)
    }
