"""The ``geograph`` command line: a thin layer over the library.

Each command calls public functions of :mod:`graph`; anything done here can
be done from Python with the same functions.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from . import dataset as _dataset
from . import export as _export
from . import reports as _reports
from . import timeline as _timeline
from .dates import DateError, parse_date
from .files import atomic_write
from .problems import DataError, GeographError, OutputError, counted
from .read.columns import collector_paused
from .read.heap import returned_for
from .terminal import (
    CommandError,
    CommandGroup,
    ReadOnlyCommand,
    out,
    out_json,
    progress_bar,
    say,
)
from .write import check_output, format_of

DATA = click.argument("data", default="data", type=click.Path(path_type=Path))
QUIET = click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="No progress bar (drawn on stderr only when it is a terminal).",
)


def _load(data: Path, strict: bool = False, progress=None) -> _dataset.Dataset:
    """Load a dataset; its errors end the command (through :class:`CommandError`)."""
    ds = _dataset.load(data, strict=strict, progress=progress)
    if ds.warnings:
        n = len(ds.warnings)
        say(
            f"{n} warning{'s' if n != 1 else ''} (run `geograph check {data}` to see {'them' if n != 1 else 'it'})"
        )
    return ds


def _write_file(output: str | Path, payload: str | bytes, inputs: list[Path], fmt: str) -> Path:
    """Write one output file atomically, never over an input; OS errors become OutputError."""
    check_output(output, inputs, fmt=fmt)
    try:
        return atomic_write(output, payload)
    except OSError as err:
        raise OutputError(f"cannot write {output}: {err.strerror or err}") from err


def _open_in_browser(path: Path) -> None:
    import webbrowser  # 30 ms of imports that only --open needs

    webbrowser.open(path.resolve().as_uri())


FORCE = click.option(
    "--force", is_flag=True, help="Replace a dataset already in the folder (all files together)."
)


@click.group(cls=CommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="geograph")
def cli():
    """geograph: geopolitical relationship graphs from hand-edited CSV files.

    DATA is a folder holding actors.csv, relations.csv and optionally
    sources.csv and relation_types.csv (default: ./data), or an .xlsx
    workbook with sheets of those names.
    """


@cli.command(cls=ReadOnlyCommand)
@DATA
@click.option("--json", "as_json", is_flag=True, help="Print the problems as JSON.")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@QUIET
def check(data: Path, as_json: bool, strict: bool, quiet: bool) -> None:
    """Validate DATA and print every problem as FILE:LINE:COL: CODE message.

    Exits 0 when there are no errors (warnings allowed unless --strict), 1 otherwise.
    """
    returned_for(data)  # a large dataset's freed columns go back to the system (graph/read/heap.py)
    with collector_paused(), progress_bar("checking", quiet=quiet) as bar:
        report = _dataset.check(data, strict=strict, progress=bar)
    if as_json:
        out_json(report.to_dict())
        sys.exit(0 if report.valid else 1)
    lines = [str(p) for p in report.errors]
    if report.warnings:
        lines += [""] if report.errors else []
        lines += ["warnings:", *(str(p) for p in report.warnings)]
    ne, nw = report.counts["errors"], report.counts["warnings"]
    verdict = f"{data}: {'valid' if report.valid else 'not valid'}: " + (
        f"{counted(ne, 'error')}, {counted(nw, 'warning')}"
    )
    if lines:
        out("\n".join(lines))
    if report.errors:
        say(verdict)
    else:
        out(verdict)
    sys.exit(0 if report.valid else 1)


def _page_options(output_help: str) -> Callable[[Callable], Callable]:
    """DATA and the options of a command that writes the page (build, watch)."""

    def apply(f: Callable) -> Callable:
        for option in reversed(
            [
                DATA,
                click.option(
                    "-o",
                    "--output",
                    type=click.Path(path_type=Path),
                    default=Path("build/graph.html"),
                    show_default=True,
                    help=output_help,
                ),
                click.option("--title", help="Title of the page (default: the dataset's name)."),
                click.option(
                    "--open", "open_", is_flag=True, help="Open the page in a web browser."
                ),
                click.option("--strict", is_flag=True, help="Fail on warnings too."),
            ]
        ):
            f = option(f)
        return f

    return apply


@cli.command()
@_page_options("The HTML file to write.")
@click.option(
    "--min-events", type=click.IntRange(0), help="Event data: open showing relations of N+ events."
)
@click.option(
    "--min-goldstein", type=click.FloatRange(0, 10), help="Event data: open at |Goldstein| >= G."
)
@click.option(
    "--top", type=click.IntRange(0), help="Event data: open with each actor's K strongest ties."
)
@click.option(
    "--backbone",
    type=click.FloatRange(0, 1, min_open=True),
    help="Event data: open at the backbone at ALPHA.",
)
@QUIET
def build(
    data: Path, output: Path, title: str | None, open_: bool, strict: bool, quiet: bool, **opening
) -> None:
    """Validate DATA and write the interactive HTML view.

    On invalid data nothing is written (an existing file is left as it was)
    and the exit code is 1. Event data opens at its latest period; the
    event options set the thresholds it opens with (the URL can change them).
    """
    from .payload.events import is_event_graph
    from .view import page_pieces
    from .write import write_text

    check_output(output, [data], fmt="html")
    returned_for(data)  # a large dataset's freed columns go back to the system (graph/read/heap.py)
    with collector_paused(), progress_bar("building", quiet=quiet) as bar:
        ds = _load(data, strict, (lambda f: bar(f * 0.6)) if bar else None)
        view = {k: v for k, v in opening.items() if v is not None}
        source: Any = ds  # the tables go to the page column by column
        if view:  # the opening state of event data rides on the graph
            source = ds.to_networkx()
            source.graph["view"] = view
            if not is_event_graph(source):
                say(f"{data} is not event data (no events column): the event options do nothing")
        if bar:
            bar(0.7)
        # the page is written as it is made, never held whole (graph/write.py)
        path = write_text(output, page_pieces(source, title=title, release=True))
    out(str(path))
    if open_:
        _open_in_browser(path)


@cli.command()
@DATA
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(_export.FORMATS),
    help="json: networkx node-link data; graphml: Cytoscape, yEd; gexf: Gephi "
    "(with dynamic start/end); csv: the dataset's tables, into a folder. "
    "Default: the output's suffix (.json, .graphml, .gexf).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(allow_dash=True),
    default="-",
    show_default=True,
    help="File to write, or - for standard output (csv: a folder).",
)
@click.option(
    "--mixed",
    type=click.Choice(_export.MIXED),
    default="gephi",
    show_default=True,
    help="gexf of directed and undirected relations together: gephi types every edge "
    "(Gephi, Gephi Lite); directed writes a directed graph with a directed attribute "
    "(networkx too).",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@FORCE
def export(data: Path, fmt: str | None, output: str, mixed: str, strict: bool, force: bool) -> None:
    """Export DATA as JSON, GraphML, GEXF or CSV.

    The format is -f, or else the output's suffix (an output whose suffix
    names another format is refused). The output is never one of DATA's
    files. A csv export into a folder that holds a dataset needs --force,
    and then replaces it whole.
    """
    if fmt is None:
        fmt = format_of(output) if output != "-" else None
        if fmt not in ("json", "graphml", "gexf"):
            where = "standard output" if output == "-" else output
            raise click.UsageError(
                f"give the format with -f ({', '.join(_export.FORMATS)}): "
                f"{where} does not name one (.json, .graphml, .gexf)"
            )
    if fmt == "csv":
        if output == "-":
            raise click.UsageError("csv export writes several files: give a folder with -o DIR")
        check_output(output, [data], folder=True)
        paths = _export.write_csv(_load(data, strict), output, force=force, inputs=[data])
        out("\n".join(str(p) for p in paths))
        return
    if output != "-":
        check_output(output, [data], fmt=fmt)
    G = _load(data, strict).to_networkx()
    with warnings.catch_warnings(record=True) as caught:  # one line each, not a source listing
        warnings.simplefilter("always")
        payload = {
            "json": lambda: _export.to_json(G).encode("utf-8"),
            "graphml": lambda: _export.to_graphml(G),
            "gexf": lambda: _export.to_gexf(G, mixed=mixed),
        }[fmt]()
    for warning in caught:
        say(f"warning: {warning.message}")
    if output == "-":
        out(payload)
    else:
        out(str(_write_file(output, payload, [data], fmt)))


def _date(ctx, param, value):
    """A click callback: check a partial ISO date early, with the fix in the message."""
    if value is None:
        return None
    try:
        return parse_date(value).text
    except DateError as err:
        raise click.BadParameter(str(err)) from err


def _balance_date(ctx, param, value):
    """A click callback: a partial ISO date, the last date in the data, or all time (None)."""
    if value == "all":
        return None
    if value == _reports.LAST_DATE:
        return value
    return _date(ctx, param, value)


def _is_date(text: str) -> bool:
    try:
        parse_date(text)
    except DateError:
        return False
    return True


STATUS = click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(_reports.STATUSES),
    default=_reports.DEFAULT_STATUSES,
    show_default=True,
    help="Statuses that count (repeat the option); forecasts are left out by default.",
)


@cli.command(cls=ReadOnlyCommand)
@DATA
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stats(data, as_json):
    """Counts of DATA: actors, relations by status, sign and type, date range, busiest actors."""
    report = _reports.stats_report(_load(data).to_networkx())
    if as_json:
        out_json(report)
        return
    first, last = report["dates"]
    lines = [
        f"{report['name']}: {counted(report['actors'], 'actor')}, "
        f"{counted(report['relations'], 'relation')}, {counted(report['sources'], 'source')}",
        f"dates: {first or '?'} to {last or '?'}",
    ]
    for key in ("statuses", "signs", "relation_types", "actor_types"):
        parts = ", ".join(f"{k} {v}" for k, v in report[key].items())
        lines.append(f"{key.replace('_', ' ')}: {parts}")
    lines.append("most related: " + ", ".join(f"{a} ({n})" for a, n in report["top_actors"]))
    out("\n".join(lines))


@cli.command(cls=ReadOnlyCommand)
@DATA
@click.option(
    "--date",
    default=_reports.LAST_DATE,
    show_default=True,
    callback=_balance_date,
    help="Balance at this partial ISO date (2018, 2020-06), "
    f"{_reports.LAST_DATE!r} (the last date in the data) or 'all' (every relation).",
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
    report = _reports.balance_report(G, date, statuses=statuses, k=k)
    if as_json:
        out_json(report)
        return
    f, t = report["frustration"], report["triangles"]
    lines = [
        f"{report['name']} at {report['date'] or 'all time'} "
        f"({', '.join(report['statuses'])}): {report['edges']} signed ties, "
        f"{report['positive']} positive, {report['negative']} negative",
    ]
    if report["note"]:  # no tie: no frustration index (None), no blocs
        out("\n".join([lines[0], report["note"]]))
        return
    exact = "exact" if f["exact"] else f"heuristic, lower bound {f['lower_bound']}"
    lines.append(
        f"frustration index: {f['frustration']} ({exact}; normalised {f['normalised']:.2f})"
    )
    lines += [f"bloc {i}: {', '.join(bloc)}" for i, bloc in enumerate(f["blocs"], start=1)]
    if f["unaligned"]:
        lines.append(f"unaligned: {', '.join(f['unaligned'])}")
    violating = ", ".join(f"{e['source']}-{e['target']} ({e['sign']:+d})" for e in f["violating"])
    lines.append(f"violating ties: {violating or 'none'}")
    lines.append(
        "triangles: "
        + ", ".join(f"{p} {t[p]}" for p in ("+++", "+--", "++-", "---"))
        + f" ({t['balanced']} balanced, {t['unbalanced']} unbalanced)"
    )
    if k > 2:
        b = report["blocs"]
        groups = " | ".join(", ".join(g) for g in b["groups"])
        lines.append(f"{k} blocs (cost {b['cost']}): {groups}")
    out("\n".join(lines))


@cli.command(cls=ReadOnlyCommand)
@DATA
@click.argument("before", required=False, metavar="BEFORE")
@click.argument("after", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON.")
@click.pass_context
def diff(
    ctx: click.Context, data: Path, before: str | None, after: str | None, as_json: bool
) -> None:
    """What changed in DATA between two dates: relations that appeared or ended, sign and status changes.

    DATA may be left out (`geograph diff 2018 2020-06` reads ./data); AFTER
    too, for the last date in the data (`geograph diff data 2018`).
    """
    if (after is None or before is None) and not data.is_dir() and _is_date(str(data)):
        data, before, after = Path("data"), str(data), before  # DATA left out
    if before is None:
        raise click.UsageError("Missing argument 'BEFORE'.", ctx)
    G = _load(data).to_networkx()
    if after is None:
        after = _timeline.date_range(G)[1]
        if after is None:
            raise click.UsageError(f"{data} has no dates; give AFTER", ctx)
    before, after = _date(ctx, None, before), _date(ctx, None, after)
    result = _timeline.diff(G, before, after).to_dict()
    if as_json:
        out_json(result)
        return

    def rel(r):
        dates = f"{r['start'] or '…'} – {r['end'] or 'ongoing'}"
        return (
            f"  {r['id']}: {r['source']} -> {r['target']} {r['relation']} ({r['status']}, {dates})"
        )

    lines = [f"{data}: from {result['before']} to {result['after']}"]
    if result["backwards"]:
        lines[0] = (
            f"{data}: from {result['before']} back to {result['after']} (AFTER is earlier: "
            f"appeared means valid at {result['after']} and not at {result['before']})"
        )
    for key in ("appeared", "ended"):
        lines.append(f"{key} ({len(result[key])}):")
        lines += [rel(r) for r in result[key]]
    lines.append(f"sign changes ({len(result['sign_changes'])}):")
    lines += [
        f"  {c['source']}-{c['target']}: {c['before']:+d} -> {c['after']:+d} "
        f"(intensity {c['weight_before']:g} -> {c['weight_after']:g})"
        for c in result["sign_changes"]
    ]
    lines.append(f"status changes ({len(result['status_changes'])}):")
    lines += [
        f"  {c['source']}-{c['target']}: {c['before']} -> {c['after']}"
        for c in result["status_changes"]
    ]
    out("\n".join(lines))


@cli.command()
@_page_options("The HTML file to keep up to date.")
def watch(data: Path, output: Path, title: str | None, open_: bool, strict: bool) -> None:
    """Rebuild the view of DATA on every save, until Ctrl-C.

    Problems are printed when the data is broken, and the last good page is
    kept; an output that cannot be written is reported and the watch goes
    on. The page open in a browser reloads itself after each rebuild (only
    pages written by watch do; `geograph build` output has no such script,
    and the page is left as build writes it when the watch stops).
    """
    from .watch import watch as _watch

    check_output(output, [data], fmt="html")
    if not data.exists():  # a mistyped folder would be watched for ever
        raise DataError(_dataset.check(data), source=data)
    say(f"watching {data} -> {output} (Ctrl-C to stop)")

    def opened(path: Path) -> None:
        if path.exists():
            _open_in_browser(path)

    try:
        _watch(
            data,
            output,
            title=title,
            strict=strict,
            echo=lambda line: out(line),
            on_first_build=opened if open_ else None,
        )
    except KeyboardInterrupt:
        say("stopped")


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path))
@FORCE
def init(folder: Path, force: bool) -> None:
    """Create a new dataset in FOLDER: the four files with one example row each.

    Refuses a FOLDER that holds a dataset already, unless --force.
    """
    from .init import init_dataset

    out("\n".join(str(p) for p in init_dataset(folder, force=force)))
    say(f"edit them, then: geograph check {folder}")


from .cli_import import import_  # noqa: E402

cli.add_command(import_)


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

    ds = _load(data)
    try:
        draft = _suggest.suggest_file(article, ds, source_id=source_id)
        if output is None:
            out(_suggest.draft_csv(draft).encode("utf-8"))  # data, as written to a file
        else:
            out(str(_suggest.write_draft(draft, output, dataset=data, force=force)))
    except GeographError as err:
        problems = getattr(err, "problems", None)
        raise CommandError(str(problems[0]) if problems else str(err)) from err
    for note in draft.notes:
        say(note)
    say(
        f"{len(draft.candidates)} candidate relations; review them before appending to {data}/relations.csv"
    )
