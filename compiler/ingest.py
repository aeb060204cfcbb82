"""Files and folders → Documents, one file at a time; a bad file never stops the run."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from compiler.errors import SourceError
from compiler.model import Document
from compiler.readers import read_source, supported_suffixes
from compiler.segment import build_document


@dataclass(slots=True)
class LoadResult:
    documents: list[Document] = field(default_factory=list)
    failures: list[SourceError] = field(default_factory=list)


def source_files(sources: list[Path]) -> tuple[list[Path], list[SourceError]]:
    """Files named directly, and readable files found recursively in folders, sorted."""
    files: list[Path] = []
    failures: list[SourceError] = []
    suffixes = supported_suffixes()
    for source in sources:
        if source.is_dir():
            found = [
                p
                for p in source.rglob("*")
                if p.is_file() and p.suffix.lower() in suffixes and not _hidden(p, source)
            ]
            if not found:
                failures.append(SourceError(source, "folder holds no readable documents"))
            files.extend(sorted(found))
        elif source.exists():
            files.append(source)
        else:
            failures.append(SourceError(source, "no such file or folder"))
    return files, failures


def _hidden(path: Path, root: Path) -> bool:
    """Hidden files, and a folder's README/LICENSE notes, are not papers."""
    if path.stem.upper() in {"README", "LICENSE", "CHANGELOG"}:
        return True
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def load_document(path: Path) -> Document:
    fmt, blocks, encoding = read_source(path, str(path))
    document = build_document(str(path), fmt, blocks)
    document.encoding = encoding
    return document


def load_documents(sources: list[Path]) -> LoadResult:
    files, failures = source_files(sources)
    result = LoadResult(failures=failures)
    for path in files:
        try:
            result.documents.append(load_document(path))
        except SourceError as error:
            result.failures.append(error)
    return result
