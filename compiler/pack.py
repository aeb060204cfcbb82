"""Briefing packs: read → align → build the report → write, from CLI options or a manifest.

A manifest (TOML) regenerates a meeting's whole pack reproducibly: the same manifest and
sources give byte-identical DOCX and PDF files (the date comes from the manifest, never
from the clock). Paths in a manifest are relative to the manifest's folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from compiler import diagnostics
from compiler.collation import vietnamese_key
from compiler.errors import BriefError, SelectionError, SourceError
from compiler.model import Document
from compiler.options import (
    DEFAULT_OUTPUTS,
    PackOptions,
    check_outputs,
    load_manifest,
    store_of,
)

__all__ = ["DEFAULT_OUTPUTS", "PackOptions", "PackResult", "build_pack", "load_manifest"]


@dataclass(slots=True)
class PackResult:
    written: list[Path]
    failures: list[SourceError]
    documents: list[Document]


def build_pack(options: PackOptions, manifest: Path | None = None) -> PackResult:
    """Read the sources, find the themes, build the briefing and write every output.
    ``manifest``: the manifest the options come from (its meeting is kept in its store)."""
    from compiler import align
    from compiler.meetings import read_meetings
    from compiler.report.builders import ReportOptions, briefing_pack
    from compiler.report.catalogue import Detail, SourceNotes

    check_outputs(options.outputs, options.sources, options.template)
    meetings = read_meetings(options, manifest, store_of(options, manifest))
    documents = keep_provinces(meetings.current.documents, options.provinces)
    if not any(p.province for d in documents for p in d.papers):
        refused = len(meetings.failures)
        why = f" ({refused} source{'s' * (refused != 1)} refused, reasons above)" if refused else ""
        raise BriefError(f"no paper with a province to put in the pack{why}")
    for document in documents:
        for paper in document.papers:
            if paper.province:
                align.report_missing(document.source, paper, list(options.kinds))
    themes = align.themes(documents, list(options.kinds))
    report_options = ReportOptions(
        options.title,
        report_date(options.created),
        options.kinds,
        options.language,
        Detail(options.detail),
        SourceNotes(options.provenance),
        options.annex,
        options.issuer,
    )
    history = meeting_history(meetings, documents) if options.previous else None
    report = briefing_pack(documents, themes, report_options, history)
    write_all(report, options.outputs, options.template)
    return PackResult(list(options.outputs), meetings.failures, documents)


def meeting_history(meetings, documents: list[Document]):
    """The meeting (its chosen provinces) against the earlier ones."""
    from compiler.align.history import history

    return history(replace(meetings.current, documents=documents), meetings.earlier)


def write_comparison(
    comparison,
    outputs: list[Path],
    title: str | None = None,
    created: date | None = None,
    language: str = "vi",
    template: Path | None = None,
    issuer: str | None = None,
) -> None:
    from compiler.report.builders import ReportOptions, comparison_report

    check_outputs(tuple(outputs))
    options = ReportOptions(title, report_date(created), language=language, issuer=issuer)
    report = comparison_report(comparison, options)
    write_all(report, tuple(outputs), template)


def write_all(report, outputs: tuple[Path, ...], template: Path | None) -> None:
    """Write every output; what a writer had to guess is reported against its file.

    PDF files first: their layout gives the page of every heading, which the Word files
    print in their contents (laid out in memory when no PDF is asked for)."""
    from compiler.writers import WriterOptions, write_report

    pdfs = [path for path in outputs if path.suffix.lower() == ".pdf"]
    pages = None
    for path in [*pdfs, *(path for path in outputs if path not in pdfs)]:
        if path.suffix.lower() == ".docx" and pages is None and report.has_contents():
            from compiler.writers.pdf import heading_pages

            pages = heading_pages(report)
        with diagnostics.collecting() as warnings:
            written = write_report(report, path, WriterOptions(template, pages))
        if path in pdfs:
            pages = written
        for warning in warnings:
            diagnostics.channel().warning(path, warning)


def report_date(created: date | None) -> date:
    """The report's date: given, else SOURCE_DATE_EPOCH (reproducible builds), else today."""
    if created is not None:
        return created
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def keep_provinces(documents: list[Document], wanted: tuple[str, ...]) -> list[Document]:
    """Documents with only the papers of the wanted provinces (any spelling, old or new)."""
    if not wanted:
        return documents
    from compiler.selection import select_papers

    kept = {id(ref.paper) for name in wanted for ref in select_papers(documents, name)}
    if not kept:
        found = sorted(
            {p.province for d in documents for p in d.papers if p.province}, key=vietnamese_key
        )
        raise SelectionError(
            f"no paper matches --provinces {', '.join(wanted)} "
            f"(provinces found: {', '.join(found) or 'none'})"
        )
    return [replace(d, papers=[p for p in d.papers if id(p) in kept]) for d in documents]
