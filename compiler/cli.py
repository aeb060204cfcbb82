"""The ``brief`` command line: parse options, call the library, print. Nothing else.

Errors: library code raises ``BriefError``s; they are printed here as one line on stderr
(``path: reason``) and turned into the exit codes documented in README. Heavy libraries
(python-docx, reportlab, numpy) are imported only by the commands that need them.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from compiler import __version__, diagnostics
from compiler.errors import EXIT_INPUT_FAILED, BriefError, OptionError

# The scores are small matrix products: OpenBLAS's thread pool costs more to wake (tens of
# milliseconds a product on a busy machine) than the products take on one thread. Set before
# numpy is first imported; a value the user set wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
from compiler.figure_cues import CATEGORIES as FIGURE_CATEGORIES


class BriefGroup(click.Group):
    """Runs a command with the run's warning channel on stderr; turns expected errors into
    one line on stderr (``--traceback`` shows the stack) after every file's own reason."""

    def invoke(self, ctx: click.Context) -> Any:
        channel = diagnostics.Channel(
            sink=lambda line: click.echo(line, err=True), quiet=ctx.params.get("quiet", False)
        )
        with diagnostics.using(channel), _sigterm_as_exit():
            try:
                return super().invoke(ctx)
            except BriefError as error:
                if ctx.params.get("traceback"):
                    raise
                _close(channel)
                click.echo(f"brief: {error}", err=True)
                ctx.exit(error.exit_code)
            finally:
                _close(channel)


def _close(channel: diagnostics.Channel) -> None:
    """The summary line, once per run, unless --quiet."""
    summary = channel.summary()
    if summary and not channel.quiet:
        click.echo(summary, err=True)
    channel.warnings = channel.refusals = 0  # printed: a second call prints nothing


@contextmanager
def _sigterm_as_exit() -> Iterator[None]:
    """SIGTERM unwinds the run like Ctrl-C does, so temporary files are removed."""

    def terminate(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, terminate)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _quiet(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        diagnostics.channel().quiet = True


def quiet_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--quiet",
        "-q",
        is_flag=True,
        expose_value=False,
        callback=_quiet,
        help="No warnings and no summary line; refusals are still shown.",
    )(command)


@click.group(cls=BriefGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="brief")
@click.option("--traceback", is_flag=True, help="Show the Python traceback of errors.")
@click.option(
    "--quiet", "-q", is_flag=True, help="No warnings and no summary line (before the command)."
)
def main(traceback: bool, quiet: bool) -> None:
    """Compile Vietnamese provincial papers into briefing packs.

    SOURCE arguments are files (.txt, .md, .docx, .pdf, .html; .doc, .rtf, .odt with
    LibreOffice) or folders, read recursively in sorted order. A file that cannot be read
    is reported on stderr as 'path: reason', a guess the tool made as 'path: warning: …';
    the other files still go through and the exit code is 1 when a file was refused.
    """


def sources_argument(command: Callable[..., Any]) -> Callable[..., Any]:
    command = quiet_option(command)
    return click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))(
        command
    )


def load(sources: tuple[Path, ...]) -> Any:
    """Read every source; refusals and warnings go to stderr as they come. The LoadResult."""
    from compiler.ingest import load_documents

    return load_documents(list(sources))


def finish(result: Any) -> None:
    if result.failures:
        sys.exit(EXIT_INPUT_FAILED)


def kinds_option(values: tuple[str, ...], where: str = "--section") -> list[Any]:
    """Section kinds from -s values ('all' for every kind), checked as options are."""
    from compiler.options import section_kinds

    try:
        return list(section_kinds(values))
    except ValueError as error:
        raise OptionError(where, str(error)) from None


@main.command()
@sources_argument
def ingest(sources: tuple[Path, ...]) -> None:
    """Read SOURCES and print, per document, its papers and their sections with item counts."""
    from compiler.views import document_table

    result = load(sources)
    for document in result.documents:
        click.echo(document_table(document))
    finish(result)


@main.command()
@sources_argument
@click.option("--province", "-p", required=True, help="Province, optionally PROVINCE@FILE.")
@click.option("--section", "-s", "sections", multiple=True, help="Only these section kinds.")
@click.option("--full", is_flag=True, help="Print every item's full text, not its title.")
def show(sources: tuple[Path, ...], province: str, sections: tuple[str, ...], full: bool) -> None:
    """Print one paper's structure: sections, headings, items and where they come from."""
    from compiler.selection import select_some
    from compiler.views import paper_outline

    kinds = kinds_option(sections) if sections else None
    result = load(sources)
    for ref in select_some(result.documents, province):
        click.echo(f"# {ref.document.source}")
        click.echo(paper_outline(ref.paper, kinds, full=full or bool(sections)))
    finish(result)


@main.command()
@sources_argument
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json"]),
    default="json",
    show_default=True,
    help="Output format.",
)
def export(sources: tuple[Path, ...], fmt: str) -> None:
    """Write the whole structure of SOURCES to stdout (schema in README)."""
    from compiler.export import documents_to_dict

    result = load(sources)
    emit_json(documents_to_dict(result.documents))
    finish(result)


def section_option(default: str | None = None) -> Callable[..., Any]:
    return click.option(
        "--section",
        "-s",
        "sections",
        multiple=True,
        default=(default,) if default else (),
        show_default=bool(default),
        required=default is None,
        help="Section kind(s): context, achievements, opportunities, challenges, tasks, "
        "proposals, lessons, other, or 'all'. Repeat or comma-separate.",
    )


def outputs_option(help_text: str) -> Callable[..., Any]:
    return click.option(
        "--output", "-o", "outputs", multiple=True, type=click.Path(path_type=Path), help=help_text
    )


def format_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help="Terminal text or JSON on stdout.",
    )(command)


@main.command()
@sources_argument
@click.option("--left", "-l", required=True, help="Left paper: PROVINCE or PROVINCE@FILE.")
@click.option("--right", "-r", required=True, help="Right paper: PROVINCE or PROVINCE@FILE.")
@section_option()
@format_option
@click.option("--full", is_flag=True, help="Text view: diff full texts, not titles.")
@outputs_option("Also write the comparison as a report (.docx, .pdf or .html); repeatable.")
@click.option(
    "--date",
    "created",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Report date (YYYY-MM-DD). Default: SOURCE_DATE_EPOCH if set, else today.",
)
@click.option("--issuer", help="Issuing body printed at the top of the report's cover.")
def compare(
    sources: tuple[Path, ...],
    left: str,
    right: str,
    sections: tuple[str, ...],
    fmt: str,
    full: bool,
    outputs: tuple[Path, ...],
    created: Any,
    issuer: str | None,
) -> None:
    """Pair the items of two papers, section by section, with word-level differences.

    With the same province on both sides (two meetings), pairs are also classed as
    unchanged or reworded, and unpaired items as dropped (left) or new (right).
    """
    from compiler import align
    from compiler.options import check_outputs

    kinds = kinds_option(sections)
    check_outputs(outputs, sources)
    result = load(sources)
    comparison = align.compare(result.documents, left, right, kinds)
    if fmt == "json":
        from compiler.export import comparison_to_dict

        emit_json(comparison_to_dict(comparison))
    else:
        from compiler.views import comparison_view

        view = comparison_view(comparison, terminal_width(), sys.stdout.isatty(), full or None)
        click.echo(view)
    if outputs:
        from compiler.pack import write_comparison

        day = created.date() if created else None
        write_comparison(comparison, list(outputs), created=day, issuer=issuer)
    finish(result)


@main.command()
@sources_argument
@section_option()
@format_option
def themes(sources: tuple[Path, ...], sections: tuple[str, ...], fmt: str) -> None:
    """Group items that several provinces share into themes; list what is one province's alone."""
    from compiler import align

    kinds = kinds_option(sections)
    result = load(sources)
    found = align.themes(result.documents, kinds)
    if fmt == "json":
        from compiler.export import themes_to_dict

        emit_json(themes_to_dict(found))
    else:
        from compiler.views import themes_view

        click.echo(themes_view(found, terminal_width()))
    finish(result)


def provinces_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--provinces",
        "-p",
        multiple=True,
        callback=lambda _ctx, _param, values: tuple(
            name.strip() for value in values for name in value.split(",") if name.strip()
        ),
        help="Only these provinces; repeat or comma-separate.",
    )(command)


def table_format_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["text", "json", "csv"]),
        default="text",
        show_default=True,
        help="Terminal text, JSON, or CSV (UTF-8 with BOM, opens in Excel) on stdout.",
    )(command)


def only_provinces(documents: list[Any], provinces: tuple[str, ...], records: list[Any]) -> list:
    """The records (figures, asks) of the named provinces' papers; all without names."""
    if not provinces:
        return records
    from compiler.selection import paper_keys

    keys = paper_keys(documents, provinces)
    return [r for r in records if (r.provenance.source, r.province or "") in keys]


@main.command()
@sources_argument
@provinces_option
@click.option("--category", "-c", type=click.Choice(FIGURE_CATEGORIES), help="Only this category.")
@table_format_option
def figures(sources: tuple[Path, ...], provinces: tuple[str, ...], category: str, fmt: str) -> None:
    """List the figures each paper states (what they count, as written, their period), and
    put side by side the categories several provinces report."""
    from compiler import export, views
    from compiler.figures import find_figures

    result = load(sources)
    found = only_provinces(result.documents, provinces, find_figures(result.documents))
    found = [f for f in found if not category or f.category == category]
    if fmt == "json":
        emit_json(export.figures_to_dict(found))
    elif fmt == "csv":
        emit_csv(export.csv_text(export.figure_rows(found), export.FIGURE_COLUMNS))
    else:
        click.echo(views.figures_view(found, terminal_width()))
    finish(result)


@main.command()
@sources_argument
@provinces_option
@table_format_option
def asks(sources: tuple[Path, ...], provinces: tuple[str, ...], fmt: str) -> None:
    """List what each proposal item asks of the centre: addressees, action, theme."""
    from compiler import export, views
    from compiler.asks import find_asks

    result = load(sources)
    found = only_provinces(result.documents, provinces, find_asks(result.documents))
    if fmt == "json":
        emit_json(export.asks_to_dict(found))
    elif fmt == "csv":
        emit_csv(export.csv_text(export.ask_rows(found), export.ASK_COLUMNS))
    else:
        click.echo(views.asks_view(found, terminal_width()))
    finish(result)


def emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def emit_csv(text: str) -> None:
    """CSV as UTF-8 with a byte-order mark, so Excel shows Vietnamese intact."""
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8-sig"))
    sys.stdout.buffer.flush()


def terminal_width() -> int:
    import shutil

    return max(80, min(160, shutil.get_terminal_size((110, 24)).columns))


def setting_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """One Click option per ``compiler.options.SETTINGS`` entry that has flags; the values
    arrive raw (strings) and are checked by the settings, exactly as a manifest's are."""
    from compiler.options import SETTINGS, Shape

    for setting in reversed(SETTINGS):
        if not setting.flags:
            continue
        many = setting.shape in (Shape.TEXTS, Shape.PATHS)
        is_path = setting.shape in (Shape.PATH, Shape.PATHS)
        command = click.option(
            *setting.flags,
            setting.key,
            multiple=many,
            is_flag=setting.shape is Shape.FLAG,
            default=None,
            type=click.Path(path_type=Path) if is_path else None,
            help=setting.help,
        )(command)
    return command


@main.command()
@sources_argument
@setting_options
def pack(sources: tuple[Path, ...], **values: Any) -> None:
    """Compile SOURCES into a briefing pack: overview, shared themes, every province's items."""
    from compiler.options import from_values

    run_pack(from_values({"sources": sources, **values}))


def store_option(help_text: str, default: Path | None = None) -> Callable[..., Any]:
    return click.option(
        "--store",
        type=click.Path(path_type=Path),
        default=default,
        show_default=default is not None,
        help=help_text,
    )


@main.command()
@click.argument("manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@store_option("Store to keep read documents in. Default: the manifest's, else brief.db beside it.")
@quiet_option
def build(manifest: Path, store: Path | None) -> None:
    """Regenerate a meeting's whole pack from a MANIFEST (.toml): same inputs, same files.

    Read documents are kept in the store, so a rebuild reads only the files that changed.
    """
    from compiler.options import load_manifest

    run_pack(load_manifest(manifest, store=store), manifest)


def run_pack(options: Any, manifest: Path | None = None) -> None:
    from compiler.pack import build_pack

    result = build_pack(options, manifest)
    for path in result.written:
        click.echo(f"wrote {path}")
    finish(result)


@main.command()
@click.argument("query")
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@store_option("Search the meetings kept in this store instead of reading SOURCES.")
@provinces_option
@click.option("--section", "-s", "sections", multiple=True, help="Only these section kinds.")
@format_option
@click.option("--limit", "-n", type=click.IntRange(min=1), default=20, show_default=True)
@quiet_option
def search(
    query: str,
    sources: tuple[Path, ...],
    store: Path | None,
    provinces: tuple[str, ...],
    sections: tuple[str, ...],
    fmt: str,
    limit: int,
) -> None:
    """Find QUERY in SOURCES or in a --store: words in any order, "quoted phrases", case and
    diacritics ignored ("ngoai giao kinh te" finds "ngoại giao kinh tế"), best first."""
    from compiler.search import search as find

    if bool(sources) == (store is not None):
        raise OptionError("SOURCES", "give sources to read or --store, not both or neither")
    kinds = tuple(k.value for k in kinds_option(sections)) if sections else ()
    found = find(query, sources, store, provinces, kinds, limit)
    if fmt == "json":
        emit_json(found.to_dict())
    else:
        from compiler.views import search_view

        click.echo(search_view(found, terminal_width()))
    finish(found)


@main.group()
def store() -> None:
    """What a store (brief.db) keeps: the meetings built and the documents read for them."""


@store.command("list")
@store_option("The store.", default=Path("brief.db"))
@format_option
def store_list(store: Path, fmt: str) -> None:
    """List the meetings in the store: date, files, provinces, passages; and its size."""
    from compiler.store import Store

    with Store.existing(store) as kept:
        if fmt == "json":
            emit_json(kept.summary())
        else:
            from compiler.views import store_view

            click.echo(store_view(kept.summary()))


@store.command("gc")
@store_option("The store.", default=Path("brief.db"))
def store_gc(store: Path) -> None:
    """Remove the documents no meeting uses any more (earlier contents of changed files,
    readings by an earlier brief) and compact the store."""
    from compiler.store import Store

    with Store.existing(store) as kept:
        collected = kept.gc()
    click.echo(
        f"{store}: removed {collected.documents} document(s); "
        f"{collected.bytes_before / 1e6:,.1f} MB -> {collected.bytes_after / 1e6:,.1f} MB"
    )
