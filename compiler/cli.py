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
    return click.argument(
        "sources", nargs=-1, required=True, type=click.Path(path_type=Path)
    )(command)


def load(sources: tuple[Path, ...]) -> Any:
    """Read every source; report failed files on stderr. Returns the LoadResult."""
    from compiler.ingest import load_documents

    result = load_documents(list(sources))
    for failure in result.failures:
        click.echo(str(failure), err=True)
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
    from compiler.selection import parse_kinds, select_papers
    from compiler.views import paper_outline

    kinds = parse_kinds(sections) if sections else None
    result = load(sources)
    refs = select_papers(result.documents, province)
    if not refs:
        from compiler.selection import select_one

        select_one(result.documents, province)  # raises with the list of provinces
    for ref in refs:
        click.echo(f"# {ref.document.source}")
        click.echo(paper_outline(ref.paper, kinds, full=full or bool(sections)))
    finish(result)


@main.command()
@sources_argument
@click.option(
    "--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True,
    help="Output format.",
)  # fmt: skip
def export(sources: tuple[Path, ...], fmt: str) -> None:
    """Write the whole structure of SOURCES to stdout (schema in README)."""
    from compiler.export import documents_to_dict

    result = load(sources)
    json.dump(documents_to_dict(result.documents), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    finish(result)
