"""Options, checked in one place whether they come from the command line or a manifest.

``PackOptions`` holds everything a briefing pack needs. Each of its values is checked by a
``Setting`` in ``SETTINGS``, the same code whichever way the value arrives: ``brief pack``
builds its Click options from ``SETTINGS`` (``cli.setting_options``) and ``brief build``
reads the same keys from a TOML manifest (``load_manifest``). A bad value is an
``OptionError``, one line naming the option (``--date`` on the command line,
``pack.toml: date`` in a manifest) with the same reason either way, and exit 2.

Adding an option (say ``--detail``) is one small change in this file:

1. a field on ``PackOptions`` with its default;
2. a ``Setting`` in ``SETTINGS``: its key (the manifest key, the Click parameter name and
   the field's name unless ``field`` says otherwise), its command-line flags (none for a
   manifest-only key), help text, the ``Shape`` of its raw value and a ``check`` turning
   the raw value into the field's value (raise ``ValueError(reason)`` to refuse it).

``pack`` then has the flag, manifests accept the key, and both check it alike. Checks that
involve several options (an output that is one of the sources) are in ``check_paths``.
Option checks never read the sources: they run before any work.
"""

from __future__ import annotations

import os
import tomllib
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

from compiler.errors import OptionError
from compiler.model import SectionKind

K = SectionKind
PACK_KINDS = (K.OPPORTUNITIES, K.CHALLENGES, K.TASKS, K.PROPOSALS)
DEFAULT_OUTPUTS = (Path("output/briefing.docx"), Path("output/briefing.pdf"))
TITLE_LIMIT = 300  # characters
STORE_NAME = "brief.db"  # a manifest's store, next to it


@dataclass(frozen=True, slots=True)
class PackOptions:
    """Everything a pack needs; built by ``from_values`` (command line) or ``load_manifest``."""

    sources: tuple[Path, ...]
    outputs: tuple[Path, ...] = DEFAULT_OUTPUTS
    title: str | None = None
    created: date | None = None  # None: SOURCE_DATE_EPOCH if set, else today
    kinds: tuple[SectionKind, ...] = PACK_KINDS
    provinces: tuple[str, ...] = ()  # only these provinces (any spelling); empty: all
    language: str = "vi"
    template: Path | None = None
    detail: str = "concise"  # the body's items: "concise" (their lead) or "full"
    provenance: str = "short"  # item references: "none", "short" or "full"
    annex: bool = True  # the papers in full after the brief
    issuer: str | None = None  # the issuing body on the cover; lines separated by "\n"
    meeting: str | None = None  # the meeting's name; manifests default to the title or folder
    previous: tuple[Path, ...] = ()  # manifests of earlier meetings
    store: Path | None = None  # None: none for pack, brief.db next to a manifest for build


class Shape(Enum):
    """What a raw value looks like, on the command line and in a manifest."""

    TEXT = "text"  # one string
    TEXTS = "a list of texts"  # repeatable on the command line; a list (or one string) in TOML
    FLAG = "true or false"  # a switch
    DATE = "a date (YYYY-MM-DD)"  # a string, or a TOML date
    PATH = "a path"  # relative to the manifest's folder in a manifest
    PATHS = "a list of paths"


@dataclass(frozen=True, slots=True)
class Setting:
    """One option: manifest key, command-line flags, help, and the check both go through."""

    key: str
    flags: tuple[str, ...]  # () when the command line takes it otherwise (SOURCES)
    help: str
    shape: Shape = Shape.TEXT
    check: Callable[[Any], Any] = lambda value: value
    field: str | None = None  # the PackOptions field, when not named like the key

    @property
    def field_name(self) -> str:
        return self.field or self.key


# --- checks: raw value (already of the right shape) -> field value, or ValueError(reason) ----


def section_kinds(values: Iterable[str]) -> tuple[SectionKind, ...]:
    """Kinds from names, repeated or comma-separated; "all" stands for every kind."""
    names = [v.strip().lower() for value in values for v in value.split(",") if v.strip()]
    if not names:
        raise ValueError("no section kind given")
    if "all" in names:
        return tuple(SectionKind)
    known = {kind.value for kind in SectionKind}
    unknown = [name for name in names if name not in known]
    if unknown:
        listed = ", ".join(f"'{name}'" for name in unknown)
        raise ValueError(f"unknown section kind {listed} (known: {', '.join(known_kinds())}, all)")
    return tuple(dict.fromkeys(SectionKind(name) for name in names))


def known_kinds() -> list[str]:
    return [kind.value for kind in SectionKind]


def _one_line(value: str, noun: str) -> str:
    """A short text on one line: NFC, single-spaced, not empty, at most TITLE_LIMIT."""
    text = unicodedata.normalize("NFC", " ".join(value.split()))
    if not text:
        raise ValueError(f"{noun} is empty")
    if len(text) > TITLE_LIMIT:
        raise ValueError(f"{noun} has {len(text)} characters (at most {TITLE_LIMIT})")
    return text


def report_title(value: str) -> str:
    return _one_line(value, "the title")


def report_date(value: str | date) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"must be YYYY-MM-DD, not '{value}'") from None


def province_names(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(name.strip() for value in values for name in value.split(",") if name.strip())


def report_language(value: str) -> str:
    from compiler.labels import LANGUAGES

    if value not in LANGUAGES:
        raise ValueError(f"unknown language '{value}' (known: {', '.join(LANGUAGES)})")
    return value


def report_paths(values: Iterable[Path]) -> tuple[Path, ...]:
    """Report files: each with a suffix a writer knows."""
    values = tuple(values)
    if not values:
        return ()  # and the writers stay unimported
    from compiler.writers import suffixes_in_words, supported_suffixes

    known = supported_suffixes()
    for path in values:
        if path.suffix.lower() not in known:
            raise ValueError(
                f"{path}: unsupported report type '{path.suffix or '(none)'}' "
                f"(use {suffixes_in_words()})"
            )
    return tuple(values)


def template_path(value: Path) -> Path:
    if not value.is_file():
        raise ValueError(f"{value}: no such file")
    if value.suffix.lower() != ".docx":
        raise ValueError(f"{value}: a template must be a Word document (.docx)")
    return value


def one_of(*allowed: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in allowed:
            raise ValueError(f"must be one of {', '.join(allowed)}, not '{value}'")
        return value

    return check


ISSUER_LIMIT = 120  # characters per line


def issuer_lines(value: str) -> str:
    """The issuing body: NFC, one line per level ("\n", or a typed "\\n" on the command
    line, separates a parent body from the issuing unit), at most three lines."""
    text = unicodedata.normalize("NFC", value.replace("\\n", "\n"))
    lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    if not lines:
        raise ValueError("the issuer is empty")
    if len(lines) > 3 or any(len(line) > ISSUER_LIMIT for line in lines):
        raise ValueError(f"at most 3 lines of {ISSUER_LIMIT} characters")
    return "\n".join(lines)


def meeting_name(value: str) -> str:
    return _one_line(value, "the meeting's name")


def manifest_paths(values: Iterable[Path]) -> tuple[Path, ...]:
    for path in values:
        if not path.is_file():
            raise ValueError(f"{path}: no such manifest")
        if path.suffix.lower() != ".toml":
            raise ValueError(f"{path}: a manifest must be a .toml file")
    return tuple(values)


def store_path(value: Path) -> Path:
    if value.is_dir():
        raise ValueError(f"{value}: is a folder; name the store's file (e.g. {value / STORE_NAME})")
    if not value.parent.is_dir():
        raise ValueError(f"{value}: no such folder '{value.parent}'")
    return value


def source_paths(values: Iterable[Path]) -> tuple[Path, ...]:
    paths = tuple(values)
    if not paths:
        raise ValueError("no sources given")
    return paths


SETTINGS: tuple[Setting, ...] = (
    Setting("sources", (), "Files or folders to read.", Shape.PATHS, source_paths),
    Setting(
        "outputs",
        ("--output", "-o"),
        "Report file (.docx, .pdf or .html); repeatable. Default: output/briefing.docx and .pdf.",
        Shape.PATHS,
        report_paths,
    ),
    Setting("title", ("--title",), "Meeting title for the cover.", Shape.TEXT, report_title),
    Setting(
        "date",
        ("--date",),
        "Date on the cover and in the files' metadata (YYYY-MM-DD). Default: "
        "SOURCE_DATE_EPOCH if set, else today.",
        Shape.DATE,
        report_date,
        field="created",
    ),
    Setting(
        "sections",
        ("--sections", "-s"),
        "Section kinds with themes and items, or 'all'; repeat or comma-separate "
        "(default: opportunities, challenges, tasks, proposals).",
        Shape.TEXTS,
        section_kinds,
        field="kinds",
    ),
    Setting(
        "provinces",
        ("--provinces", "-p"),
        "Only these provinces; repeat or comma-separate.",
        Shape.TEXTS,
        province_names,
    ),
    Setting(
        "language",
        ("--language",),
        "Language of the report's own wording: vi or en (the papers' text is never "
        "translated). Default: vi.",
        Shape.TEXT,
        report_language,
    ),
    Setting(
        "template",
        ("--template",),
        "Reference .docx whose styles the Word report uses.",
        Shape.PATH,
        template_path,
    ),
    Setting(
        "detail",
        ("--detail",),
        "The body's items: concise (each by its title or lead sentence, about 35 words) or "
        "full (in full). Default: concise.",
        Shape.TEXT,
        one_of("concise", "full"),
    ),
    Setting(
        "provenance",
        ("--provenance",),
        "Item references: none, short ('Đà Nẵng, mục 3.2') or full (also the file and "
        "lines). Default: short.",
        Shape.TEXT,
        one_of("none", "short", "full"),
    ),
    Setting(
        "annex",
        ("--annex/--no-annex",),
        "Add (default) or leave out the annex with every paper in full.",
        Shape.FLAG,
    ),
    Setting(
        "issuer",
        ("--issuer",),
        "Issuing body printed at the top of the cover, e.g. 'Bộ Ngoại giao' ('\\n' "
        "separates a parent body from the issuing unit).",
        Shape.TEXT,
        issuer_lines,
    ),
    Setting(
        "meeting",
        ("--meeting",),
        "The meeting's name, in the store and in search results. Default: the title, else "
        "the folder of the manifest (or of the first source).",
        Shape.TEXT,
        meeting_name,
    ),
    Setting(
        "previous",
        ("--previous",),
        "Manifest (.toml) of an earlier meeting; repeatable. Adds the chapters on what "
        "changed since then and on repeated asks.",
        Shape.PATHS,
        manifest_paths,
    ),
    Setting(
        "store",
        ("--store",),
        "SQLite store that keeps read documents (only changed files are read again) and "
        "the meetings for 'brief search'. Default: none for pack, brief.db next to a manifest.",
        Shape.PATH,
        store_path,
    ),
)


# --- building the options ------------------------------------------------------------------


def setting_for(key: str) -> Setting:
    return next(s for s in SETTINGS if s.key == key)


def from_values(values: dict[str, Any]) -> PackOptions:
    """PackOptions from command-line values keyed by setting (None or () = not given)."""

    def where(setting: Setting) -> str:
        return setting.flags[0] if setting.flags else setting.key.upper()

    return _build(values, where, base=None)


def load_manifest(path: Path, store: Path | None = None) -> PackOptions:
    """PackOptions from a TOML manifest (see sources/hoi-nghi-2025/pack.toml); ``store``:
    the command line's ``--store``, in place of the manifest's."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise OptionError(path, f"cannot read manifest ({error.strerror or error})") from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise OptionError(path, f"not a valid TOML manifest ({error})") from error
    known = {setting.key for setting in SETTINGS}
    unknown = sorted(set(data) - known)
    if unknown:
        raise OptionError(
            path,
            f"unknown manifest keys: {', '.join(unknown)} (known: {', '.join(sorted(known))})",
        )
    if not data.get("sources"):
        raise OptionError(path, "the manifest lists no sources")
    options = _build(data, lambda setting: f"{path}: {setting.key}", base=path.parent)
    if store is not None:
        options = replace(options, store=_checked(setting_for("store"), store, None, "--store"))
    return options


def default_meeting(title: str | None, folder: Path) -> str:
    """A meeting without a name is called by its title, else by its folder."""
    return title or folder.absolute().name


def store_of(options: PackOptions, manifest: Path | None) -> Path | None:
    """The store a build uses: the one given (``--store``, ``store =``), else for a
    manifest brief.db beside it, else none."""
    if options.store is not None or manifest is None:
        return options.store
    return manifest.parent / STORE_NAME


def _build(
    values: dict[str, Any], where: Callable[[Setting], str], base: Path | None
) -> PackOptions:
    chosen: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = values.get(setting.key)
        if raw is None or (setting.shape in (Shape.TEXTS, Shape.PATHS) and raw in ((), [])):
            continue  # not given: the field's default
        chosen[setting.field_name] = _checked(setting, raw, base, where(setting))
    options = PackOptions(**chosen)
    try:
        check_paths(options.sources, options.outputs, options.template)
    except ValueError as error:
        raise OptionError(where(setting_for("outputs")), str(error)) from None
    return options


def _checked(setting: Setting, raw: Any, base: Path | None, where: str) -> Any:
    """The raw value, shaped and checked by its setting; an OptionError naming ``where``."""
    try:
        return setting.check(_shaped(setting.shape, raw, base))
    except ValueError as error:
        raise OptionError(where, str(error)) from None


def _shaped(shape: Shape, raw: Any, base: Path | None) -> Any:
    """The raw value in its shape (lists as tuples, paths resolved against ``base``)."""
    if shape in (Shape.TEXTS, Shape.PATHS) and isinstance(raw, str | Path):
        raw = (raw,)
    ok = {
        Shape.TEXT: isinstance(raw, str),
        Shape.TEXTS: isinstance(raw, tuple | list) and all(isinstance(v, str) for v in raw),
        Shape.FLAG: isinstance(raw, bool),
        Shape.DATE: isinstance(raw, str | date),
        Shape.PATH: isinstance(raw, str | Path),
        Shape.PATHS: isinstance(raw, tuple | list) and all(isinstance(v, str | Path) for v in raw),
    }[shape]
    if not ok:
        raise ValueError(f"must be {shape.value}, not {raw!r}")
    if shape is Shape.PATH:
        return _path(raw, base)
    if shape is Shape.PATHS:
        return tuple(_path(value, base) for value in raw)
    return tuple(raw) if shape is Shape.TEXTS else raw


def _path(value: str | Path, base: Path | None) -> Path:
    path = Path(value)
    return Path(os.path.normpath(base / path)) if base is not None else path


# --- checks across options ---------------------------------------------------------------------


def check_paths(
    sources: Iterable[Path], outputs: Iterable[Path], template: Path | None = None
) -> None:
    """Never overwrite what the run reads: an output may be neither a source nor the
    template, nor a file found in a source folder unless it is a report brief wrote
    (recognised by its stamp; it would be skipped, not read). Raises ValueError."""
    from compiler.readers import is_own_report

    sources = tuple(sources)
    named = {file_key(path) for path in sources if not path.is_dir()}
    if template is not None:
        named.add(file_key(template))
    found = {file_key(path) for path in _folder_files(sources)}
    for output in outputs:
        key = file_key(output)
        if key in named or (key in found and not is_own_report(output)):
            raise ValueError(f"{output}: is one of the inputs; write the report somewhere else")


def check_outputs(
    outputs: Iterable[Path],
    sources: Iterable[Path] = (),
    template: Path | None = None,
    where: str = "--output",
) -> None:
    """Report paths a writer knows, none of them an input: before any work (OptionError)."""
    outputs = tuple(outputs)
    try:
        report_paths(outputs)
        check_paths(sources, outputs, template)
    except ValueError as error:
        raise OptionError(where, str(error)) from None


def _folder_files(sources: Iterable[Path]) -> Iterable[Path]:
    for source in sources:
        if source.is_dir():
            yield from (path for path in source.rglob("*") if path.is_file())


def file_key(path: Path) -> str:
    """One key per file however it is named (relative, '..', symlinks, NFD on macOS)."""
    try:
        resolved = path.resolve()
    except OSError:
        resolved = path.absolute()
    return unicodedata.normalize("NFC", os.path.normcase(str(resolved)))
