"""The ``geograph`` command line: a thin layer over the library.

Each command calls public functions of :mod:`graph`; anything done here can
be done from Python with the same functions.
"""

from __future__ import annotations

import contextlib
import json
import sys
import webbrowser
from pathlib import Path

import click

from . import balance as _balance
from . import dataset as _dataset
from . import explore as _explore
from . import export as _export
from . import timeline as _timeline
from .dates import DateError, parse_date
from .problems import ERROR, DataError

DATA = click.argument("data", default="data", type=click.Path(path_type=Path))


def _load(data: Path, strict: bool = False):
    """Load a dataset or exit 1 after printing every problem to stderr."""
    try:
        ds = _dataset.load(data, strict=strict)
    except DataError as err:
        for p in err.errors:
            click.echo(str(p), err=True)
        n = len(err.errors)
        click.echo(
            f"{n} error{'s' if n != 1 else ''} in {data}; nothing was written. "
            f"Fix them, or run `geograph check {data}` for warnings too.",
            err=True,
        )
        sys.exit(1)
    if ds.warnings:
        n = len(ds.warnings)
        click.echo(
            f"{n} warning{'s' if n != 1 else ''} (run `geograph check {data}` to see them)",
            err=True,
        )
    return ds


@contextlib.contextmanager
def _writing(output):
    """Turn a file system error while writing ``output`` into a clean message (exit 1)."""
    try:
        yield
    except OSError as err:
        reason = err.strerror or str(err)
        raise click.ClickException(f"cannot write {output}: {reason}") from err


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="geograph")
def cli():
    """geograph: geopolitical relationship graphs from hand-edited CSV files.

    DATA is a folder holding actors.csv, relations.csv and optionally
    sources.csv and relation_types.csv (default: ./data), or an .xlsx
    workbook with sheets of those names.
    """


@cli.command()
@DATA
@click.option("--json", "as_json", is_flag=True, help="Print the problems as JSON.")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def check(data, as_json, strict):
    """Validate DATA and print every problem as FILE:LINE:COL: CODE message.

    Exits 0 when there are no errors (warnings allowed unless --strict), 1 otherwise.
    """
    problems = _dataset.check(data)
    errors = [p for p in problems if p.severity == ERROR]
    warnings = [p for p in problems if p.severity != ERROR]
    failed = bool(errors or (strict and warnings))
    if as_json:
        click.echo(
            json.dumps(
                {
                    "valid": not failed,
                    "errors": [p.to_dict() for p in errors],
                    "warnings": [p.to_dict() for p in warnings],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for p in errors:
            click.echo(str(p))
        if warnings:
            if errors:
                click.echo("")
            click.echo("warnings:")
            for p in warnings:
                click.echo(str(p))
        ne, nw = len(errors), len(warnings)
        verdict = "not valid" if failed else "valid"
        click.echo(
            f"{data}: {verdict}: {ne} error{'s' if ne != 1 else ''}, "
            f"{nw} warning{'s' if nw != 1 else ''}",
            err=bool(errors),
        )
    sys.exit(1 if failed else 0)


@cli.command()
@DATA
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("build/graph.html"),
    show_default=True,
    help="The HTML file to write.",
)
@click.option("--title", help="Title of the page (default: the dataset's name).")
@click.option("--open", "open_", is_flag=True, help="Open the file in a web browser.")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def build(data, output, title, open_, strict):
    """Validate DATA and write the interactive HTML view.

    On invalid data nothing is written (an existing file is left as it was)
    and the exit code is 1.
    """
    from .view import render_html

    ds = _load(data, strict)
    with _writing(output):
        path = render_html(ds.to_networkx(), output, title=title)
    click.echo(str(path))
    if open_:
        webbrowser.open(path.resolve().as_uri())


@cli.command()
@DATA
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(_export.FORMATS),
    required=True,
    help="json: networkx node-link data; graphml: Cytoscape, yEd; gexf: Gephi "
    "(with dynamic start/end); csv: the dataset's tables, into a folder.",
)
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    help="File to write, or - for standard output (csv: a folder).",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def export(data, fmt, output, strict):
    """Export DATA as JSON, GraphML, GEXF or CSV."""
    ds = _load(data, strict)
    if fmt == "csv":
        if output == "-":
            raise click.UsageError("csv export writes several files: give a folder with -o DIR")
        with _writing(output):
            paths = _export.write_csv(ds, output)
        for path in paths:
            click.echo(str(path))
        return
    G = ds.to_networkx()
    payload = {
        "json": lambda: _export.to_json(G).encode("utf-8"),
        "graphml": lambda: _export.to_graphml(G),
        "gexf": lambda: _export.to_gexf(G),
    }[fmt]()
    if output == "-":
        with click.open_file("-", "wb") as stream:
            stream.write(payload)
    else:
        from .files import atomic_write

        with _writing(output):
            path = atomic_write(output, payload)
        click.echo(str(path))


def _date(ctx, param, value):
    """A click callback: check a partial ISO date early, with the fix in the message."""
    if value is None:
        return None
    try:
        return parse_date(value).text
    except DateError as err:
        raise click.BadParameter(str(err)) from err


STATUS = click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(["fact", "claim", "forecast"]),
    help="Statuses that count (repeat the option); default: fact and claim, forecasts excluded.",
)


def _echo_json(data):
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@cli.command()
@DATA
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stats(data, as_json):
    """Counts of DATA: actors, relations by status, sign and type, date range, busiest actors."""
    report = _explore.stats_report(_load(data).to_networkx())
    if as_json:
        _echo_json(report)
        return
    click.echo(
        f"{report['name']}: {report['actors']} actors, {report['relations']} relations, "
        f"{report['sources']} sources"
    )
    first, last = report["dates"]
    click.echo(f"dates: {first or '?'} to {last or '?'}")
    for key in ("statuses", "signs", "relation_types", "actor_types"):
        parts = ", ".join(f"{k} {v}" for k, v in report[key].items())
        click.echo(f"{key.replace('_', ' ')}: {parts}")
    click.echo("most related: " + ", ".join(f"{a} ({n})" for a, n in report["top_actors"]))


@cli.command()
@DATA
@click.option(
    "--date",
    callback=_date,
    help="Balance at this partial ISO date (2018, 2020-06); default: the last date in the data.",
)
@STATUS
@click.option(
    "-k",
    "k",
    type=click.IntRange(2, 10),
    default=2,
    show_default=True,
    help="Number of blocs for the signed partition.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
def balance(data, date, statuses, k, as_json):
    """Structural balance of DATA at a date: frustration index, blocs, violating edges, triangles.

    Relations valid at the date are collapsed to one signed tie per pair (the
    sign of the sum of their intensities).
    """
    G = _load(data).to_networkx()
    date = date or _timeline.date_range(G)[1]
    report = _balance.balance_report(G, date, statuses=statuses or ("fact", "claim"), k=k)
    if as_json:
        _echo_json(report)
        return
    f, t = report["frustration"], report["triangles"]
    click.echo(
        f"{report['name']} at {report['date'] or 'all time'} "
        f"({', '.join(report['statuses'])}): {report['edges']} signed ties, "
        f"{report['positive']} positive, {report['negative']} negative"
    )
    exact = "exact" if f["exact"] else f"heuristic, lower bound {f['lower_bound']}"
    click.echo(f"frustration index: {f['frustration']} ({exact}; normalised {f['normalised']:.2f})")
    for i, bloc in enumerate(f["blocs"], start=1):
        click.echo(f"bloc {i}: {', '.join(bloc)}")
    if f["unaligned"]:
        click.echo(f"unaligned: {', '.join(f['unaligned'])}")
    violating = ", ".join(f"{e['source']}-{e['target']} ({e['sign']:+d})" for e in f["violating"])
    click.echo(f"violating ties: {violating or 'none'}")
    click.echo(
        "triangles: "
        + ", ".join(f"{p} {t[p]}" for p in ("+++", "+--", "++-", "---"))
        + f" ({t['balanced']} balanced, {t['unbalanced']} unbalanced)"
    )
    if k > 2:
        b = report["blocs"]
        click.echo(
            f"{k} blocs (cost {b['cost']}): " + " | ".join(", ".join(g) for g in b["groups"])
        )


@cli.command()
@DATA
@click.argument("before", callback=_date)
@click.argument("after", callback=_date)
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON.")
def diff(data, before, after, as_json):
    """What changed in DATA between two dates: relations that appeared or ended, sign and status changes."""
    result = _timeline.diff(_load(data).to_networkx(), before, after).to_dict()
    if as_json:
        _echo_json(result)
        return

    def rel(r):
        dates = f"{r['start'] or '…'} – {r['end'] or 'ongoing'}"
        return (
            f"  {r['id']}: {r['source']} -> {r['target']} {r['relation']} ({r['status']}, {dates})"
        )

    click.echo(f"{data}: from {result['before']} to {result['after']}")
    for key in ("appeared", "ended"):
        click.echo(f"{key} ({len(result[key])}):")
        for r in result[key]:
            click.echo(rel(r))
    click.echo(f"sign changes ({len(result['sign_changes'])}):")
    for c in result["sign_changes"]:
        click.echo(
            f"  {c['source']}-{c['target']}: {c['before']:+d} -> {c['after']:+d} "
            f"(intensity {c['weight_before']:g} -> {c['weight_after']:g})"
        )
    click.echo(f"status changes ({len(result['status_changes'])}):")
    for c in result["status_changes"]:
        click.echo(f"  {c['source']}-{c['target']}: {c['before']} -> {c['after']}")


@cli.command()
@DATA
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("build/graph.html"),
    show_default=True,
    help="The HTML file to keep up to date.",
)
@click.option("--title", help="Title of the page (default: the dataset's name).")
@click.option("--open", "open_", is_flag=True, help="Open the page in a web browser.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def watch(data, output, title, open_, strict):
    """Rebuild the view of DATA on every save, until Ctrl-C.

    Problems are printed when the data is broken, and the last good page is
    kept. The page open in a browser reloads itself after each rebuild (only
    pages written by watch do; `geograph build` output has no such script).
    """
    from .watch import watch as _watch

    click.echo(f"watching {data} -> {output} (Ctrl-C to stop)", err=True)
    if open_:
        _watch(data, output, title=title, strict=strict, echo=click.echo, max_builds=1)
        if output.exists():
            webbrowser.open(output.resolve().as_uri())
    try:
        _watch(data, output, title=title, strict=strict, echo=click.echo)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path))
def init(folder):
    """Create a new dataset in FOLDER: the four files with one example row each.

    Refuses to overwrite: FOLDER must not hold any of the files yet.
    """
    from .init import init_dataset

    try:
        paths = init_dataset(folder)
    except OSError as err:
        raise click.ClickException(str(err)) from err
    for path in paths:
        click.echo(str(path))
    click.echo(f"edit them, then: geograph check {folder}", err=True)


@cli.group("import")
def import_():
    """Make a geograph dataset from another tool's files."""


def _import(convert, first, second, output):
    from . import convert as _convert

    try:
        converted = convert(first, second)
        paths = _convert.write_dataset(converted, output)
    except DataError as err:
        for p in err.errors:
            click.echo(str(p), err=True)
        sys.exit(1)
    except OSError as err:
        raise click.ClickException(str(err)) from err
    for path in paths:
        click.echo(str(path))
    click.echo(
        f"{len(converted.actors)} actors, {len(converted.relations)} relations; "
        f"next: geograph check {output}",
        err=True,
    )


OUTPUT_FOLDER = click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="Folder to write the dataset into (must not hold one yet).",
)


@import_.command("kumu")
@click.argument("elements", type=click.Path(path_type=Path))
@click.argument("connections", type=click.Path(path_type=Path))
@OUTPUT_FOLDER
def import_kumu(elements, connections, output):
    """Import Kumu's ELEMENTS and CONNECTIONS sheets (saved as CSV)."""
    from .convert import from_kumu

    _import(from_kumu, elements, connections, output)


@import_.command("gephi")
@click.argument("nodes", type=click.Path(path_type=Path))
@click.argument("edges", type=click.Path(path_type=Path))
@OUTPUT_FOLDER
def import_gephi(nodes, edges, output):
    """Import Gephi's NODES and EDGES tables (Data Laboratory > Export table, CSV)."""
    from .convert import from_gephi

    _import(from_gephi, nodes, edges, output)


def _import_events(kind, files, output, period, actors, evidence, strict, as_json):
    try:
        from . import events
    except ImportError as err:
        raise click.ClickException(
            f"importing event data needs DuckDB and pycountry ({err.name} is missing): "
            "pip install 'geograph[events]'"
        ) from err
    run = {"gdelt": events.import_gdelt, "icews": events.import_icews}[kind]
    try:
        report = run(
            list(files), output, period=period, actors=actors, evidence=evidence, strict=strict
        )
    except events.EventImportError as err:
        raise click.ClickException(str(err)) from err
    if as_json:
        _echo_json(report.to_dict())
    else:
        click.echo(report.summary(), err=True)
        click.echo(str(output))


def _event_command(kind, help_text):
    @import_.command(kind, help=help_text)
    @click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
    @OUTPUT_FOLDER
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
    @click.option("--json", "as_json", is_flag=True, help="Print the import report as JSON.")
    def command(files, output, period, actors, evidence, strict, as_json):
        _import_events(kind, files, output, period, actors, evidence, strict, as_json)

    return command


import_gdelt = _event_command(
    "gdelt",
    "Aggregate GDELT 2.0 event exports (tab-separated, 61 columns, .CSV or .CSV.zip) into "
    "a dataset of dyadic relations per period, in the folder -o DIR. Events lacking an "
    "actor and bad rows are counted and reported.",
)
import_icews = _event_command(
    "icews",
    "Aggregate ICEWS event files (tab-separated with a header) into a dataset of dyadic "
    "relations per period, in the folder -o DIR.",
)


@cli.command()
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--data",
    default="data",
    show_default=True,
    type=click.Path(path_type=Path),
    help="The dataset whose actors, types and lexicon.csv to use (never written).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Draft CSV to write (default: standard output).",
)
@click.option(
    "--source",
    "source_id",
    help="The article's id in DATA's sources.csv (default: the source whose text it is).",
)
@click.option("--force", is_flag=True, help="Replace an existing draft.")
def suggest(article, data, output, source_id, force):
    """Draft candidate relations from the plain-text ARTICLE, in the relations.csv format, for review."""
    from . import suggest as _suggest
    from .problems import GeographError

    ds = _load(data)
    try:
        draft = _suggest.suggest_file(article, ds, source_id=source_id)
        if output is None:
            click.echo(_suggest.draft_csv(draft), nl=False)
        else:
            click.echo(str(_suggest.write_draft(draft, output, dataset=data, force=force)))
    except GeographError as err:
        problems = getattr(err, "problems", None)
        raise click.ClickException(str(problems[0]) if problems else str(err)) from err
    for note in draft.notes:
        click.echo(note, err=True)
    click.echo(
        f"{len(draft.candidates)} candidate relations; review them before appending to {data}/relations.csv",
        err=True,
    )
