"""``geograph import``: datasets from Kumu, Gephi and event data (GDELT, ICEWS, an engine's result).

A thin layer over :mod:`graph.convert` and :mod:`graph.events`, attached to
the ``geograph`` group by :mod:`graph.cli`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from .problems import GeographError, counted
from .terminal import CommandGroup, out, out_json, progress_bar, say
from .write import check_output

REPLACE = click.option(
    "--force", is_flag=True, help="Replace a dataset already in the folder (all files together)."
)


@click.group("import", cls=CommandGroup)
def import_() -> None:
    """Make a geograph dataset from another tool's files."""


def _import(convert: Callable, first: Path, second: Path, output: Path, force: bool) -> None:
    from . import convert as _convert

    check_output(output, [first, second], folder=True)
    converted = convert(first, second)
    for problem in converted.warnings:
        say(str(problem))
    paths = _convert.write_dataset(converted, output, force=force, inputs=[first, second])
    out("\n".join(str(p) for p in paths))
    say(
        f"{counted(len(converted.actors), 'actor')}, "
        f"{counted(len(converted.relations), 'relation')}; "
        f"next: geograph check {output}"
    )


OUTPUT_FOLDER = click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="Folder to write the dataset into (must not hold one yet, unless --force).",
)


@import_.command("kumu")
@click.argument("elements", type=click.Path(path_type=Path))
@click.argument("connections", type=click.Path(path_type=Path))
@OUTPUT_FOLDER
@REPLACE
def import_kumu(elements: Path, connections: Path, output: Path, force: bool) -> None:
    """Import Kumu's ELEMENTS and CONNECTIONS sheets (saved as CSV)."""
    from .convert import from_kumu

    _import(from_kumu, elements, connections, output, force)


@import_.command("gephi")
@click.argument("nodes", type=click.Path(path_type=Path))
@click.argument("edges", type=click.Path(path_type=Path))
@OUTPUT_FOLDER
@REPLACE
def import_gephi(nodes: Path, edges: Path, output: Path, force: bool) -> None:
    """Import Gephi's NODES and EDGES tables (Data Laboratory > Export table, CSV)."""
    from .convert import from_gephi

    _import(from_gephi, nodes, edges, output, force)


def _events_module():
    try:
        from . import events
    except ImportError as err:
        raise click.ClickException(
            f"importing event data needs DuckDB and pycountry ({err.name} is missing): "
            "pip install 'geograph[events]'"
        ) from err
    return events


def _echo_report(report, output, as_json):
    if as_json:
        out_json(report.to_dict())
    else:
        say(report.summary())
        out(str(output))


def _import_events(kind, files, output, options, print_sql, table):
    events = _events_module()
    try:
        if print_sql:
            out(
                events.engine_sql(
                    events.SOURCES[kind],
                    dialect=print_sql,
                    table=table,
                    period=options["period"],
                    actors=options["actors"],
                    evidence=max(options["evidence"], 1),
                )  # fmt: skip
            )
            return
        if not files or output is None:
            raise click.UsageError("give the event FILES and -o DIR (or --print-sql DIALECT)")
        as_json, quiet = options.pop("as_json"), options.pop("quiet")
        with progress_bar("importing events", quiet=quiet) as bar:
            report = events.import_events(
                events.SOURCES[kind], list(files), output, progress=bar or False, **options
            )
    except GeographError as err:
        raise click.ClickException(str(err)) from err
    _echo_report(report, output, as_json)


EVENTS_OUTPUT = click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Folder to write the dataset into (absent, empty, or a dataset to replace with --force).",
)
FORCE = click.option(
    "--force", is_flag=True, help="Replace the dataset the folder holds (in one step)."
)
AS_JSON = click.option("--json", "as_json", is_flag=True, help="Print the import report as JSON.")
QUIET = click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="No progress bar (drawn on stderr only when it is a terminal).",
)


def _event_command(kind, help_text):
    @import_.command(kind, help=help_text)
    @click.argument("files", nargs=-1, type=click.Path(path_type=Path))
    @EVENTS_OUTPUT
    @click.option(
        "--period",
        type=click.Choice(["year", "quarter", "month", "day"]),
        default="year",
        show_default=True,
        help="Time bucket of each relation.",
    )
    @click.option(
        "--actors",
        type=click.Choice(["country", "actor-code"]),
        default="country",
        show_default=True,
        help="country: ISO3 country codes; actor-code: full CAMEO actor codes.",
    )
    @click.option(
        "--evidence",
        type=click.IntRange(0, 20),
        default=3,
        show_default=True,
        help="Example source URLs or story ids kept per relation (most mentioned first).",
    )
    @click.option("--strict", is_flag=True, help="Fail (writing nothing) on any bad row.")
    @AS_JSON
    @FORCE
    @QUIET
    @click.option(
        "--print-sql",
        type=click.Choice(["duckdb", "spark", "bigquery"]),
        help="Print the aggregation as one statement for this engine, over --table; "
        "import its result with `geograph import aggregated`.",
    )
    @click.option(
        "--table",
        default="events",
        show_default=True,
        help="With --print-sql: the table holding the events (e.g. gdelt-bq.gdeltv2.events).",
    )
    def command(files, output, print_sql, table, **options):
        _import_events(kind, files, output, options, print_sql, table)

    return command


@import_.command("aggregated")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@EVENTS_OUTPUT
@FORCE
@AS_JSON
@QUIET
def import_aggregated(files, output, force, as_json, quiet):
    """A dataset from an engine's result of the --print-sql statement (CSV with header, or Parquet)."""
    events = _events_module()
    if output is None:
        raise click.UsageError("give -o DIR, the folder to write the dataset into")
    try:
        with progress_bar("importing the result", quiet=quiet) as bar:
            report = events.import_aggregated(
                list(files), output, force=force, progress=bar or False
            )
    except GeographError as err:
        raise click.ClickException(str(err)) from err
    _echo_report(report, output, as_json)


import_gdelt = _event_command(
    "gdelt",
    "Aggregate GDELT 2.0 event exports (tab-separated, 61 columns, .CSV, .zip or .gz) into "
    "a dataset of dyadic relations per period, in the folder -o DIR. Events lacking an "
    "actor and bad rows are counted and reported.",
)
import_icews = _event_command(
    "icews",
    "Aggregate ICEWS event files (tab-separated with a header; .tab, .zip or .gz) into a "
    "dataset of dyadic relations per period, in the folder -o DIR.",
)
