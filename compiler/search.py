"""Search across meetings: what is indexed, and the query language.

Every item of every section is a passage (the items of unheaded pieces, interviews and
news, are their paragraphs), and so is every section paragraph no item holds (a lead
paragraph, a sub-heading), so nothing read is unsearchable. The store indexes each
passage's text ascii-folded (``normalize.ascii_fold``: no case, no diacritics, "đ" = "d")
in SQLite FTS5, so "ngoai giao kinh te" finds "ngoại giao kinh tế" and "Ngoại giao kinh tế".

A query is words and "quoted phrases": a passage matches when it holds every word (in any
order) and every phrase (its words in that order); a word ending in ``*`` matches any word
it begins. Matches are ranked by bm25 (the score is bm25 negated: higher is better).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from compiler import provinces
from compiler.errors import OptionError, SourceError
from compiler.model import Block, Document, Section
from compiler.normalize import ascii_fold
from compiler.selection import province_key

# Words as FTS5's unicode61 tokenizer cuts them: letters and digits.
_WORD = re.compile(r"[^\W_]+")
_TERM = re.compile(r'"([^"]*)"?|(\S+)')
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


@dataclass(frozen=True, slots=True)
class Passage:
    province: str | None
    province_key: str | None
    unit_key: str | None
    section: str
    label: str
    text: str
    provenance: dict[str, Any]

    @property
    def folded(self) -> str:
        return ascii_fold(self.text)


def passages(document: Document) -> Iterator[Passage]:
    """Every item of the document, and every section paragraph outside its items."""
    for paper in document.papers:
        key, unit = province_key(paper.province), province_key(paper.province_2025)
        for section in paper.sections:
            kind = section.kind.value
            for item in section.items:
                where = item.provenance.to_dict()
                yield Passage(paper.province, key, unit, kind, item.label, item.text, where)
            for block in outside_items(section):
                where = block.provenance.to_dict()
                yield Passage(paper.province, key, unit, kind, "", block.text, where)


def outside_items(section: Section) -> list[Block]:
    """The section's paragraphs that no item holds, whole or in pieces (a closing paragraph
    cut into asks)."""
    held = {id(block) for item in section.items for block in item.paragraphs}
    pieces = [block for item in section.items for block in item.paragraphs]
    return [
        block
        for block in section.paragraphs
        if id(block) not in held and not any(_piece_of(piece, block) for piece in pieces)
    ]


def _piece_of(piece: Block, block: Block) -> bool:
    return piece.provenance == block.provenance and piece.text in block.text


def province_keys(names: tuple[str, ...]) -> list[str]:
    """Keys of the provinces named (any spelling); an unknown name is a usage error."""
    keys = []
    for name in names:
        found = provinces.lookup(name)
        if found is None:
            raise OptionError("--provinces", f"unknown province '{name}'")
        keys.append(found.key)
    return keys


def match_expression(query: str) -> str:
    """The FTS5 expression of a query: each word and each "phrase" folded and quoted (so
    no character of the query is FTS5 syntax), all of them required."""
    terms = []
    for phrase, word in _TERM.findall(query.translate(_QUOTES)):
        text = phrase if phrase else word
        words = _WORD.findall(ascii_fold(text))
        if not words:
            continue
        prefix = "*" if not phrase and word.endswith("*") else ""
        terms.append(f'"{" ".join(words)}"{prefix}')
    if not terms:
        raise OptionError("QUERY", f"nothing to search for in '{query}'")
    return " ".join(terms)


# --- searching -----------------------------------------------------------------------------


@dataclass(slots=True)
class Found:
    query: str
    total: int  # passages matching, of which ``results`` are the best
    results: list[dict[str, Any]]
    failures: list[SourceError] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "results": self.results}


def search(
    query: str,
    sources: tuple[Path, ...] = (),
    store: Path | None = None,
    provinces: tuple[str, ...] = (),
    kinds: tuple[str, ...] = (),
    limit: int = 20,
) -> Found:
    """The passages matching ``query`` in a store, or in ``sources`` read for the purpose
    (each file's meeting named by the ``pack.toml`` of its folder, else by the folder)."""
    from compiler.store import Store

    match = match_expression(query)
    keys = province_keys(provinces)
    if store is not None:
        with Store.existing(store) as kept:
            return Found(query, *kept.search(match, list(kinds), keys, limit))
    with Store(":memory:") as scratch:
        failures = index_sources(scratch, sources)
        return Found(query, *scratch.search(match, list(kinds), keys, limit), failures)


def index_sources(store: Any, sources: tuple[Path, ...]) -> list[SourceError]:
    from compiler.ingest import load_documents

    loaded = load_documents(list(sources), read=store.read)
    meetings: dict[str, tuple[date | None, list[Any]]] = {}
    for document in loaded.documents:
        name, when = folder_meeting(Path(document.source).parent)
        meetings.setdefault(name, (when, []))[1].append(document)
    for name, (when, documents) in meetings.items():
        store.record_meeting(name, when, None, documents)
    return loaded.failures


def folder_meeting(folder: Path) -> tuple[str, date | None]:
    """The meeting a folder's files belong to: named by its ``pack.toml`` (``meeting``, else
    ``title``; and its ``date``), else by the folder."""
    from compiler.options import default_meeting

    try:
        data = tomllib.loads((folder / "pack.toml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        data = {}
    name = data.get("meeting") if isinstance(data.get("meeting"), str) else None
    title = data.get("title") if isinstance(data.get("title"), str) else None
    when = data.get("date")
    if isinstance(when, str):
        try:
            when = date.fromisoformat(when)
        except ValueError:
            when = None
    return name or default_meeting(title, folder), when if isinstance(when, date) else None
