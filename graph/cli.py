"""The ``geograph`` command line: a thin layer over the library.

Each command calls public functions of :mod:`graph`; anything done here can
be done from Python with the same functions.
"""
from __future__ import annotations

import json
import sys
import webbrowser
from pathlib import Path

import click

from . import dataset as _dataset
from . import export as _export
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
        click.echo(f"{n} error{'s' if n != 1 else ''} in {data}; nothing was written. "
                   f"Fix them, or run `geograph check {data}` for warnings too.", err=True)
        sys.exit(1)
    if ds.warnings:
        n = len(ds.warnings)
        click.echo(f"{n} warning{'s' if n != 1 else ''} (run `geograph check {data}` to see them)",
                   err=True)
    return ds


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="geograph")
def cli():
    """geograph: geopolitical relationship graphs from hand-edited CSV files.

    DATA is a folder holding actors.csv, relations.csv and optionally
    sources.csv and relation_types.csv (default: ./data).
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
        click.echo(json.dumps({
            "valid": not failed,
            "errors": [p.to_dict() for p in errors],
            "warnings": [p.to_dict() for p in warnings],
        }, ensure_ascii=False, indent=2))
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
        click.echo(f"{data}: {verdict}: {ne} error{'s' if ne != 1 else ''}, "
                   f"{nw} warning{'s' if nw != 1 else ''}", err=bool(errors))
    sys.exit(1 if failed else 0)


@cli.command()
@DATA
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("build/graph.html"),
              show_default=True, help="The HTML file to write.")
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
    path = render_html(ds.to_networkx(), output, title=title)
    click.echo(str(path))
    if open_:
        webbrowser.open(path.resolve().as_uri())


@cli.command()
@DATA
@click.option("-f", "--format", "fmt", type=click.Choice(_export.FORMATS), required=True,
              help="json: networkx node-link data; graphml: Cytoscape, yEd; gexf: Gephi "
                   "(with dynamic start/end); csv: the dataset's tables, into a folder.")
@click.option("-o", "--output", default="-", show_default=True,
              help="File to write, or - for standard output (csv: a folder).")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def export(data, fmt, output, strict):
    """Export DATA as JSON, GraphML, GEXF or CSV."""
    ds = _load(data, strict)
    if fmt == "csv":
        if output == "-":
            raise click.UsageError("csv export writes several files: give a folder with -o DIR")
        for path in _export.write_csv(ds, output):
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

        click.echo(str(atomic_write(output, payload)))


