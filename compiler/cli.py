"""The ``brief`` command line: parse options, call the library, print. Nothing else.

Errors: library code raises ``BriefError``s; they are printed here as one line on stderr
(``path: reason``) and turned into the exit codes documented in README. Heavy libraries
(python-docx, reportlab, numpy) are imported only by the commands that need them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from compiler import __version__
from compiler.errors import EXIT_INPUT_FAILED, BriefError


class BriefGroup(click.Group):
    """Turns expected errors into one line on stderr (``--traceback`` shows the stack)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BriefError as error:
            if ctx.params.get("traceback"):
                raise
            click.echo(f"brief: {error}", err=True)
            ctx.exit(error.exit_code)


@click.group(cls=BriefGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="brief")
@click.option("--traceback", is_flag=True, help="Show the Python traceback of errors.")
def main(traceback: bool) -> None:
    """Compile Vietnamese provincial papers into briefing packs.

    SOURCE arguments are files (.txt, .md, .docx, .pdf, .html) or folders, read
    recursively in sorted order. A file that cannot be read is reported on stderr as
    'path: reason'; the others still go through and the exit code is 1.
    """


def sources_argument(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))(
        command
    )


def load(sources: tuple[Path, ...]) -> Any:
    """Read every source; report failed files on stderr. Returns the LoadResult."""
    from compiler.ingest import load_documents

    result = load_documents(list(sources))
    for failure in result.failures:
        click.echo(str(failure), err=True)
    for document in result.documents:
        for warning in document.warnings:
            click.echo(f"{document.source}: warning: {warning}", err=True)
    return result


def finish(result: Any) -> None:
    if result.failures:
        sys.exit(EXIT_INPUT_FAILED)


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
    from compiler.selection import parse_kinds, select_some
    from compiler.views import paper_outline

    kinds = parse_kinds(sections) if sections else None
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
@outputs_option("Also write the comparison as a report (.docx or .pdf); repeatable.")
def compare(
    sources: tuple[Path, ...],
    left: str,
    right: str,
    sections: tuple[str, ...],
    fmt: str,
    full: bool,
    outputs: tuple[Path, ...],
) -> None:
    """Pair the items of two papers, section by section, with word-level differences.

    With the same province on both sides (two meetings), pairs are also classed as
    unchanged or reworded, and unpaired items as dropped (left) or new (right).
    """
    from compiler import align
    from compiler.selection import parse_kinds

    result = load(sources)
    comparison = align.compare(result.documents, left, right, parse_kinds(sections))
    if fmt == "json":
        from compiler.export import comparison_to_dict

        emit_json(comparison_to_dict(comparison))
    else:
        from compiler.views import comparison_view

        view = comparison_view(comparison, terminal_width(), sys.stdout.isatty(), full or None)
        click.echo(view)
    if outputs:
        from compiler.pack import write_comparison

        write_comparison(comparison, list(outputs))
    finish(result)


@main.command()
@sources_argument
@section_option()
@format_option
def themes(sources: tuple[Path, ...], sections: tuple[str, ...], fmt: str) -> None:
    """Group items that several provinces share into themes; list what is one province's alone."""
    from compiler import align
    from compiler.selection import parse_kinds

    result = load(sources)
    found = align.themes(result.documents, parse_kinds(sections))
    if fmt == "json":
        from compiler.export import themes_to_dict

        emit_json(themes_to_dict(found))
    else:
        from compiler.views import themes_view

        click.echo(themes_view(found, terminal_width()))
    finish(result)


def emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def terminal_width() -> int:
    import shutil

    return max(80, min(160, shutil.get_terminal_size((110, 24)).columns))


def language_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--language",
        type=click.Choice(["vi", "en"]),
        default="vi",
        show_default=True,
        help="Language of the report's own wording (the papers' text is never translated).",
    )(command)


@main.command()
@sources_argument
@outputs_option("Report file (.docx or .pdf); repeatable. Default: output/briefing.docx and .pdf.")
@click.option("--title", help="Meeting title for the cover.")
@click.option(
    "--date",
    "created",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Date on the cover and in the files' metadata (YYYY-MM-DD). Default: "
    "SOURCE_DATE_EPOCH if set, else today.",
)
@click.option(
    "--provinces", "-p", multiple=True, help="Only these provinces; repeat or comma-separate."
)
@click.option(
    "--sections",
    "-s",
    multiple=True,
    help="Section kinds with themes and items "
    "(default: opportunities, challenges, tasks, proposals).",
)
@language_option
@click.option(
    "--template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Reference .docx whose styles the Word report uses.",
)
def pack(
    sources: tuple[Path, ...],
    outputs: tuple[Path, ...],
    title: str | None,
    created: Any,
    provinces: tuple[str, ...],
    sections: tuple[str, ...],
    language: str,
    template: Path | None,
) -> None:
    """Compile SOURCES into a briefing pack: overview, shared themes, every province's items."""
    from compiler.pack import DEFAULT_OUTPUTS, PackOptions

    options = PackOptions(
        sources=sources,
        outputs=outputs or DEFAULT_OUTPUTS,
        title=title,
        created=created.date() if created else None,
        kinds=_pack_kinds(sections),
        provinces=tuple(p.strip() for value in provinces for p in value.split(",") if p.strip()),
        language=language,
        template=template,
    )
    run_pack(options)


@main.command()
@click.argument("manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def build(manifest: Path) -> None:
    """Regenerate a meeting's whole pack from a MANIFEST (.toml): same inputs, same files."""
    from compiler.pack import load_manifest

    run_pack(load_manifest(manifest))


def _pack_kinds(sections: tuple[str, ...]) -> tuple[Any, ...]:
    from compiler.report.builders import PACK_KINDS
    from compiler.selection import parse_kinds

    return tuple(parse_kinds(sections)) if sections else PACK_KINDS


def run_pack(options: Any) -> None:
    from compiler.pack import build_pack

    result = build_pack(options)
    for failure in result.failures:
        click.echo(str(failure), err=True)
    for path in result.written:
        click.echo(f"wrote {path}")
    finish(result)
