"""Briefing packs: read → align → build the report → write, from CLI options or a manifest.

A manifest (TOML) regenerates a meeting's whole pack reproducibly: the same manifest and
sources give byte-identical DOCX and PDF files (the date comes from the manifest, never
from the clock). Paths in a manifest are relative to the manifest's folder.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from compiler.errors import BriefError, OutputError, SourceError
from compiler.model import Document, SectionKind
from compiler.report.builders import PACK_KINDS

DEFAULT_OUTPUTS = (Path("output/briefing.docx"), Path("output/briefing.pdf"))


class ManifestError(BriefError):
    """A manifest that cannot be read or names something unknown."""


@dataclass(frozen=True, slots=True)
class PackOptions:
    """Everything a pack needs; built once from Click options or from a manifest."""

    sources: tuple[Path, ...]
    outputs: tuple[Path, ...] = DEFAULT_OUTPUTS
    title: str | None = None
    created: date | None = None  # None: SOURCE_DATE_EPOCH if set, else today
    kinds: tuple[SectionKind, ...] = PACK_KINDS
    provinces: tuple[str, ...] = ()  # only these provinces (any spelling); empty: all
    language: str = "vi"
    template: Path | None = None


@dataclass(slots=True)
class PackResult:
    written: list[Path]
    failures: list[SourceError]
    documents: list[Document]


def build_pack(options: PackOptions) -> PackResult:
    """Read the sources, find the themes, build the briefing and write every output."""
    from compiler import align
    from compiler.ingest import load_documents
    from compiler.report.builders import ReportOptions, briefing_pack

    _check_outputs(options.outputs)
    loaded = load_documents(list(options.sources))
    documents = keep_provinces(loaded.documents, options.provinces)
    if not any(p.province for d in documents for p in d.papers):
        raise BriefError("no paper with a province to put in the pack")
    themes = align.themes(documents, list(options.kinds))
    report_options = ReportOptions(
        options.title, report_date(options.created), options.kinds, options.language
    )
    report = briefing_pack(documents, themes, report_options)
    write_all(report, options.outputs, options.template)
    return PackResult(list(options.outputs), loaded.failures, documents)


def write_comparison(
    comparison,
    outputs: list[Path],
    title: str | None = None,
    created: date | None = None,
    language: str = "vi",
    template: Path | None = None,
) -> None:
    from compiler.report.builders import ReportOptions, comparison_report

    _check_outputs(tuple(outputs))
    report = comparison_report(
        comparison, ReportOptions(title, report_date(created), language=language)
    )
    write_all(report, tuple(outputs), template)


def write_all(report, outputs: tuple[Path, ...], template: Path | None) -> None:
    from compiler.writers import WriterOptions, write_report

    for path in outputs:
        write_report(report, path, WriterOptions(template=template))


def _check_outputs(outputs: tuple[Path, ...]) -> None:
    from compiler.writers import supported_suffixes

    for path in outputs:
        if path.suffix.lower() not in supported_suffixes():
            raise OutputError(
                path, f"unsupported report type '{path.suffix or '(none)'}' (use .docx or .pdf)"
            )


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
        raise BriefError(f"no paper matches --provinces {', '.join(wanted)}")
    return [replace(d, papers=[p for p in d.papers if id(p) in kept]) for d in documents]


# --- manifests -------------------------------------------------------------------------------


def load_manifest(path: Path) -> PackOptions:
    """PackOptions from a TOML manifest (see sources/hoi-nghi-2025/pack.toml)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ManifestError(f"{path}: cannot read manifest ({error.strerror or error})") from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ManifestError(f"{path}: not a valid TOML manifest ({error})") from error
    base = path.parent
    unknown = set(data) - {
        "title",
        "date",
        "sources",
        "sections",
        "provinces",
        "outputs",
        "language",
        "template",
    }
    if unknown:
        raise ManifestError(f"{path}: unknown manifest keys: {', '.join(sorted(unknown))}")
    if not data.get("sources"):
        raise ManifestError(f"{path}: the manifest lists no sources")
    return PackOptions(
        sources=tuple(_relative(base, s) for s in _strings(data, "sources", path)),
        outputs=tuple(_relative(base, o) for o in _strings(data, "outputs", path))
        or DEFAULT_OUTPUTS,
        title=data.get("title"),
        created=_manifest_date(data.get("date"), path),
        kinds=_kinds(_strings(data, "sections", path), path) or PACK_KINDS,
        provinces=tuple(_strings(data, "provinces", path)),
        language=str(data.get("language", "vi")),
        template=_relative(base, data["template"]) if data.get("template") else None,
    )


def _relative(base: Path, name: str) -> Path:
    return Path(os.path.normpath(base / name))


def _strings(data: dict, key: str, path: Path) -> list[str]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ManifestError(f"{path}: '{key}' must be a list of strings")
    return value


def _kinds(names: list[str], path: Path) -> tuple[SectionKind, ...]:
    try:
        return tuple(SectionKind(name) for name in names)
    except ValueError as error:
        raise ManifestError(f"{path}: unknown section kind ({error})") from None


def _manifest_date(value: object, path: Path) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ManifestError(f"{path}: 'date' must be YYYY-MM-DD, not {value!r}") from None
