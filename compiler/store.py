"""The store: read documents and the meetings they belong to, kept in one SQLite file.

A document is kept under the SHA-256 of its file's bytes, the file's suffix (it picks the
reader) and the reading version (``reading_version``: brief's version and a fingerprint of
the code and data that read and segment files), so a build re-reads only the files whose
content changed, and a new version of the reading invalidates every entry. A meeting names
the files it was built from; ``search`` looks through the passages of those files. The
tables are described in README ("The store"); ``docs/store.md`` says what changes when many
analysts share one store.

Documents are kept as the JSON of ``brief export`` (``export.document_to_dict``; the
import, ``document_from_dict``, gives back the same Document), zlib-compressed.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from compiler import __version__
from compiler.errors import BriefError, OptionError, SourceError
from compiler.model import Document

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL,      -- SHA-256 of the file's bytes, hex
    suffix TEXT NOT NULL,            -- ".txt", ".docx", …: the reader that read it
    reading TEXT NOT NULL,           -- reading_version() of the brief that read it
    format TEXT NOT NULL,
    size INTEGER NOT NULL,           -- bytes of the file
    data BLOB NOT NULL,              -- zlib(JSON of export.document_to_dict)
    warnings TEXT NOT NULL,          -- JSON list: what reading it guessed (Document.warnings)
    UNIQUE (content_hash, suffix, reading)
);
CREATE TABLE IF NOT EXISTS passages (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    province TEXT,                   -- as the paper writes it; NULL for a general part
    province_key TEXT,               -- provinces.lookup(province).key
    unit_key TEXT,                   -- the key of its 2025 unit
    section TEXT NOT NULL,           -- section kind
    label TEXT NOT NULL,             -- item label; "" for an unlabelled item or a paragraph
    text TEXT NOT NULL,
    provenance TEXT NOT NULL         -- JSON, as in the export
);
CREATE INDEX IF NOT EXISTS passages_document ON passages (document_id);
CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5 (folded, tokenize = 'unicode61');
CREATE TABLE IF NOT EXISTS meetings (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    date TEXT,                       -- YYYY-MM-DD
    manifest TEXT,                   -- the manifest it was built from (absolute path)
    built_at TEXT NOT NULL           -- UTC, ISO 8601
);
CREATE TABLE IF NOT EXISTS meeting_files (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    path TEXT NOT NULL,              -- the file as the build named it
    document_id INTEGER NOT NULL REFERENCES documents (id),
    PRIMARY KEY (meeting_id, path)
);
CREATE INDEX IF NOT EXISTS meeting_files_document ON meeting_files (document_id);
"""

# What reads and segments a file: a change to any of these changes what a file reads as.
_READING_PARTS = (
    "readers",
    "segment",
    "normalize.py",
    "enumeration.py",
    "provinces.py",
    "model.py",
    "export.py",
    "ingest.py",
)
_READING_LIBRARIES = ("python-docx", "pypdf")


@cache
def reading_version() -> str:
    """brief's version and a fingerprint of the reading: its code, its learned weights
    (segment/kind_weights.json) and the libraries the readers use."""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for part in _READING_PARTS:
        path = root / part
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.suffix in (".py", ".json") and file.is_file():
                digest.update(file.relative_to(root).as_posix().encode())
                digest.update(file.read_bytes())
    for library in _READING_LIBRARIES:
        digest.update(f"{library}={_library_version(library)}".encode())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def _library_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def content_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class MeetingRow:
    name: str
    date: str | None
    manifest: str | None
    built_at: str
    files: list[str]
    provinces: int
    passages: int


@dataclass(frozen=True, slots=True)
class Collected:
    """What ``gc`` removed."""

    documents: int
    bytes_before: int
    bytes_after: int


class Store:
    """One SQLite store. ``read`` is a drop-in for ``ingest.load_document``."""

    def __init__(self, path: Path | str) -> None:
        self.path = path
        try:
            self.db = sqlite3.connect(str(path), timeout=30)
            self.db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as error:
            raise BriefError(f"{path}: not a brief store ({error})") from None
        self.reading = reading_version()
        self._documents: dict[str, int] = {}  # document source -> documents.id
        self.reused = 0  # documents taken from the store in this run
        self.read_fresh = 0  # documents read from their files in this run

    @classmethod
    def existing(cls, path: Path) -> Store:
        """A store that must already exist (list, gc, search --store)."""
        if not path.is_file():
            raise OptionError("--store", f"{path}: no store here (build a meeting first)")
        return cls(path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.commit()
        self.db.close()

    def _migrate(self) -> None:
        self.db.executescript(SCHEMA)
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is None:
            self.db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        elif int(row[0]) != SCHEMA_VERSION:
            raise sqlite3.DatabaseError(f"schema {row[0]}, this brief reads {SCHEMA_VERSION}")

    # --- documents -----------------------------------------------------------------------------

    def read(self, path: Path) -> Document:
        """The file's Document: from the store when its content was read before by this
        reading, else read (``ingest.load_document``) and kept."""
        from compiler.export import document_from_dict, document_to_dict
        from compiler.ingest import load_document

        source = str(path)
        try:
            key = (content_hash(path), path.suffix.lower(), self.reading)
        except OSError as error:
            raise SourceError(source, f"cannot read file ({error.strerror or error})") from error
        row = self.db.execute(
            "SELECT id, data, warnings FROM documents "
            "WHERE content_hash = ? AND suffix = ? AND reading = ?",
            key,
        ).fetchone()
        if row is not None:
            self.reused += 1
            self._documents[source] = row[0]
            document = document_from_dict(_with_source(_unpack(row[1]), source))
            document.warnings = json.loads(row[2])
            return document
        document = load_document(path)
        self.read_fresh += 1
        data = zlib.compress(json.dumps(document_to_dict(document), ensure_ascii=False).encode())
        cursor = self.db.execute(
            "INSERT INTO documents (content_hash, suffix, reading, format, size, data, warnings) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (*key, document.format, path.stat().st_size, data, json.dumps(document.warnings)),
        )
        document_id = int(cursor.lastrowid or 0)
        self._documents[source] = document_id
        self._index(document_id, document)
        return document

    def _index(self, document_id: int, document: Document) -> None:
        from compiler.search import passages

        for passage in passages(document):
            cursor = self.db.execute(
                "INSERT INTO passages (document_id, province, province_key, unit_key, section, "
                "label, text, provenance) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    document_id,
                    passage.province,
                    passage.province_key,
                    passage.unit_key,
                    passage.section,
                    passage.label,
                    passage.text,
                    json.dumps(passage.provenance, ensure_ascii=False),
                ),
            )
            self.db.execute(
                "INSERT INTO passages_fts (rowid, folded) VALUES (?, ?)",
                (cursor.lastrowid, passage.folded),
            )

    # --- meetings ------------------------------------------------------------------------------

    def record_meeting(
        self, name: str, when: date | None, manifest: Path | None, documents: Iterable[Document]
    ) -> None:
        """The meeting is now made of these documents (read through ``read`` in this run)."""
        now = datetime.now(tz=UTC).replace(microsecond=0).isoformat()
        source = str(manifest.resolve()) if manifest else None
        if source:  # one meeting per manifest: a meeting renamed in it replaces the old name
            self.db.execute("DELETE FROM meetings WHERE manifest = ? AND name != ?", (source, name))
        values = (when.isoformat() if when else None, source, now)
        self.db.execute(
            "INSERT INTO meetings (name, date, manifest, built_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET date = excluded.date, "
            "manifest = excluded.manifest, built_at = excluded.built_at",
            (name, *values),
        )
        (meeting_id,) = self.db.execute(
            "SELECT id FROM meetings WHERE name = ?", (name,)
        ).fetchone()
        self.db.execute("DELETE FROM meeting_files WHERE meeting_id = ?", (meeting_id,))
        self.db.executemany(
            "INSERT OR REPLACE INTO meeting_files (meeting_id, path, document_id) VALUES (?, ?, ?)",
            [(meeting_id, d.source, self._documents[d.source]) for d in documents],
        )
        self.db.commit()

    def meetings(self) -> list[MeetingRow]:
        rows = self.db.execute(
            "SELECT m.id, m.name, m.date, m.manifest, m.built_at FROM meetings m "
            "ORDER BY m.date IS NULL, m.date, m.name"
        ).fetchall()
        result = []
        for meeting_id, name, when, manifest, built_at in rows:
            files = self.db.execute(
                "SELECT path, document_id FROM meeting_files WHERE meeting_id = ? ORDER BY path",
                (meeting_id,),
            ).fetchall()
            ids = [document_id for _, document_id in files]
            result.append(
                MeetingRow(
                    name,
                    when,
                    manifest,
                    built_at,
                    [path for path, _ in files],
                    self._count("COUNT(DISTINCT province_key)", ids),
                    self._count("COUNT(*)", ids),
                )
            )
        return result

    def _count(self, what: str, document_ids: list[int]) -> int:
        if not document_ids:
            return 0
        marks = ",".join("?" * len(document_ids))
        query = f"SELECT {what} FROM passages WHERE document_id IN ({marks})"
        return self.db.execute(query, document_ids).fetchone()[0]

    def summary(self) -> dict[str, Any]:
        """What ``brief store list`` shows (its JSON)."""
        total, unused = self.document_counts()
        return {
            "store": str(self.path),
            "bytes": self.size(),
            "reading": self.reading,
            "documents": total,
            "unused": unused,
            "meetings": [asdict(meeting) for meeting in self.meetings()],
        }

    def document_counts(self) -> tuple[int, int]:
        """(documents kept, documents no meeting uses)."""
        total = self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        unused = self.db.execute(
            "SELECT COUNT(*) FROM documents WHERE id NOT IN (SELECT document_id FROM meeting_files)"
        ).fetchone()[0]
        return total, unused

    def gc(self) -> Collected:
        """Remove the documents no meeting uses (earlier contents of changed files, readings
        by an earlier brief) and their passages; compact the file."""
        before = self.size()
        unused = "SELECT id FROM documents WHERE id NOT IN (SELECT document_id FROM meeting_files)"
        self.db.execute(
            "DELETE FROM passages_fts WHERE rowid IN "
            f"(SELECT id FROM passages WHERE document_id IN ({unused}))"
        )
        self.db.execute(f"DELETE FROM passages WHERE document_id IN ({unused})")
        removed = self.db.execute(f"DELETE FROM documents WHERE id IN ({unused})").rowcount
        self.db.commit()
        self.db.execute("INSERT INTO passages_fts (passages_fts) VALUES ('optimize')")
        self.db.commit()
        self.db.execute("VACUUM")
        return Collected(removed, before, self.size())

    def size(self) -> int:
        pages = self.db.execute("PRAGMA page_count").fetchone()[0]
        return pages * self.db.execute("PRAGMA page_size").fetchone()[0]

    # --- search --------------------------------------------------------------------------------

    def search(
        self, match: str, kinds: list[str], province_keys: list[str], limit: int
    ) -> tuple[int, list[dict[str, Any]]]:
        """(number of matches, the best ``limit`` of them) for an FTS5 ``match`` expression,
        best first (bm25), each as a search result (see README "brief search")."""
        where, values = ["passages_fts MATCH ?"], [match]
        if kinds:
            where.append(f"p.section IN ({','.join('?' * len(kinds))})")
            values += kinds
        if province_keys:
            marks = ",".join("?" * len(province_keys))
            where.append(f"(p.province_key IN ({marks}) OR p.unit_key IN ({marks}))")
            values += province_keys * 2
        joins = (
            "FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid "
            "JOIN meeting_files f ON f.document_id = p.document_id "
            "JOIN meetings m ON m.id = f.meeting_id WHERE " + " AND ".join(where)
        )
        try:
            (total,) = self.db.execute(f"SELECT COUNT(*) {joins}", values).fetchone()
            rows = self.db.execute(
                "SELECT p.province, m.name, p.section, p.label, p.text, p.provenance, f.path, "
                f"bm25(passages_fts) AS rank {joins} "
                "ORDER BY rank, m.date, f.path, p.id LIMIT ?",
                [*values, limit],
            ).fetchall()
        except sqlite3.OperationalError as error:
            raise OptionError("QUERY", f"cannot search for {match} ({error})") from None
        return total, [_result(row) for row in rows]


def _result(row: tuple[Any, ...]) -> dict[str, Any]:
    province, meeting, section, label, text, provenance, path, rank = row
    where = json.loads(provenance)
    where["source"] = path  # the file as its meeting names it
    return {
        "province": province,
        "meeting": meeting,
        "section": section,
        "label": label,
        "text": text,
        "provenance": where,
        "score": round(-rank, 4),
    }


def _unpack(data: bytes) -> dict[str, Any]:
    return json.loads(zlib.decompress(data).decode())


def _with_source(data: Any, source: str) -> Any:
    """The exported document as read from ``source`` (same bytes, another path)."""
    if isinstance(data, dict):
        return {k: source if k == "source" else _with_source(v, source) for k, v in data.items()}
    if isinstance(data, list):
        return [_with_source(v, source) for v in data]
    return data


def store_files(path: Path) -> Iterator[Path]:
    """The store and the files SQLite keeps beside it (journal, write-ahead log)."""
    yield path
    for suffix in ("-journal", "-wal", "-shm"):
        yield path.with_name(path.name + suffix)
