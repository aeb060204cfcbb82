"""Files and folders → Documents, one file at a time; a bad file never stops the run.

Every file named, and every file found in a folder, is either read or reported on the run's
channel (``diagnostics``) with its reason, as soon as it is met: refused (a file that could
be a paper but cannot be read; exit 1) or skipped with a warning (a file of a type brief
does not read, a report brief wrote itself). Left out without a word, as documented: hidden
files and folders, a folder's README/LICENSE/CHANGELOG notes, manifests (.toml), and the
folders the run writes its reports into.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from compiler import diagnostics
from compiler.errors import OwnReportError, SourceError
from compiler.model import Document
from compiler.options import STORE_NAME
from compiler.readers import read_source, supported_suffixes
from compiler.segment import build_document


@dataclass(slots=True)
class LoadResult:
    documents: list[Document] = field(default_factory=list)
    failures: list[SourceError] = field(default_factory=list)


def source_files(
    sources: list[Path], skip: Iterable[Path] = ()
) -> tuple[list[Path], list[SourceError]]:
    """Files named directly, and files found recursively in folders, sorted.

    ``skip``: the run's output files; they, and their folders inside a source folder, are
    never read. Files of a type no reader takes are reported as skipped (a warning).
    """
    outputs = [path.absolute() for path in skip]
    files: list[Path] = []
    failures: list[SourceError] = []
    for source in sources:
        if source.is_dir():
            found = _folder_files(source, outputs)
            if not found:
                failures.append(SourceError(source, "folder holds no readable documents"))
            files.extend(found)
        elif source.exists():
            files.append(source)
        else:
            failures.append(SourceError(source, "no such file or folder"))
    return files, failures


def _folder_files(folder: Path, outputs: list[Path]) -> list[Path]:
    suffixes = supported_suffixes()
    root = folder.absolute()
    out_folders = {path.parent for path in outputs if path.parent != root}
    found: list[Path] = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or _hidden(path, folder):
            continue
        absolute = path.absolute()
        if absolute in outputs or any(absolute.is_relative_to(d) for d in out_folders):
            continue
        if path.suffix.lower() in suffixes:
            found.append(path)
        else:
            kind = path.suffix or "(none)"
            diagnostics.channel().warning(path, f"skipped: not a document brief reads ('{kind}')")
    return found


def _hidden(path: Path, root: Path) -> bool:
    """Hidden files, a folder's README/LICENSE notes and brief's own manifests (.toml) and
    store (brief.db, with SQLite's journal files) are not papers."""
    if path.stem.upper() in {"README", "LICENSE", "CHANGELOG"} or path.suffix.lower() == ".toml":
        return True
    if path.name.startswith(STORE_NAME):
        return True
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def load_document(path: Path) -> Document:
    """One file read and segmented; the warnings its reading made are on the Document."""
    with diagnostics.collecting() as warnings:
        fmt, blocks, encoding = read_source(path, str(path))
        document = build_document(str(path), fmt, blocks)
    document.encoding = encoding
    document.warnings[:0] = [w for w in warnings if w not in document.warnings]
    return document


def load_documents(
    sources: list[Path],
    skip: Iterable[Path] = (),
    read: Callable[[Path], Document] = load_document,
) -> LoadResult:
    """Read every source, reporting each file on the run's channel as it goes. ``read``:
    how one file becomes a Document (``Store.read`` takes it from the store when it can)."""
    report = diagnostics.channel()
    files, failures = source_files(sources, skip)
    result = LoadResult()
    for failure in failures:
        _refuse(result, failure)
    for path in files:
        try:
            document = read(path)
        except OwnReportError as error:
            report.warning(error.path, f"skipped: {error.reason}")
            continue
        except SourceError as error:
            _refuse(result, error)
            continue
        result.documents.append(document)
        report.read(path)
        for warning in document.warnings:
            report.warning(document.source, warning)
    return result


def _refuse(result: LoadResult, error: SourceError) -> None:
    result.failures.append(error)
    diagnostics.channel().refused(error)
