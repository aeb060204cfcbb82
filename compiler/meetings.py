"""A meeting's documents and those of the earlier meetings its options name (``previous``),
read through the store when there is one.

Earlier meetings are read from their own manifests (their sources, meeting name and date),
and so are the meetings those name in turn; each manifest once. With a store, every
meeting read is recorded in it under its name, so the store of the latest meeting holds
the whole chain for ``brief search``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from compiler.errors import OptionError, SourceError
from compiler.ingest import load_document, load_documents
from compiler.model import Meeting
from compiler.options import (
    PackOptions,
    default_meeting,
    file_key,
    load_manifest,
)

if TYPE_CHECKING:
    from compiler.store import Store


@dataclass(slots=True)
class Meetings:
    current: Meeting  # every document read for the meeting (no province filter)
    earlier: list[Meeting] = field(default_factory=list)
    failures: list[SourceError] = field(default_factory=list)


def read_meetings(
    options: PackOptions, manifest: Path | None = None, store_path: Path | None = None
) -> Meetings:
    """The meeting's documents and the earlier meetings', each file read once per content.
    ``manifest``: the manifest ``options`` come from; ``store_path``: the store to read
    through and record the meetings in (None: none, every file is read)."""
    with _opened(store_path) as store:
        read = store.read if store else load_document
        loaded = load_documents(list(options.sources), skip=options.outputs, read=read)
        current = Meeting(meeting_name(options, manifest), options.created, loaded.documents)
        if store:
            store.record_meeting(current.name, current.date, manifest, loaded.documents)
        result = Meetings(current, failures=list(loaded.failures))
        seen = {file_key(manifest)} if manifest else set()
        queue = list(options.previous)
        while queue:
            earlier_manifest = queue.pop(0)
            if file_key(earlier_manifest) in seen:
                continue
            seen.add(file_key(earlier_manifest))
            earlier = load_manifest(earlier_manifest)
            name = meeting_name(earlier, earlier_manifest)
            _check_name(name, earlier_manifest, [current, *result.earlier])
            loaded = load_documents(list(earlier.sources), skip=earlier.outputs, read=read)
            meeting = Meeting(name, earlier.created, loaded.documents)
            if store:
                store.record_meeting(name, meeting.date, earlier_manifest, loaded.documents)
            result.earlier.append(meeting)
            result.failures += loaded.failures
            queue += earlier.previous
    return result


def meeting_name(options: PackOptions, manifest: Path | None = None) -> str:
    """The name given, else the title, else the folder of the manifest or first source."""
    if options.meeting:
        return options.meeting
    first = manifest or options.sources[0]
    return default_meeting(options.title, first if first.is_dir() else first.parent)


def _check_name(name: str | None, manifest: Path, known: list[Meeting]) -> None:
    if any(meeting.name == name for meeting in known):
        raise OptionError(
            f"{manifest}: meeting",
            f"'{name}' is the name of another meeting too; give each manifest its own "
            "'meeting' name",
        )


@contextlib.contextmanager
def _opened(path: Path | None) -> Iterator[Store | None]:
    if path is None:
        yield None
        return
    from compiler.store import Store

    with Store(path) as store:
        yield store
