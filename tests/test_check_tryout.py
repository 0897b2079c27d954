"""What ``check`` and ``build`` say about broken data, one test per defect a new user met.

Each test copies the shipped dataset into ``tmp_path``, breaks it the way a
user did, and runs the real commands through click's CliRunner.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import cli

DATA = Path(__file__).resolve().parent.parent / "data"


def _copy(tmp_path: Path) -> Path:
    d = tmp_path / "d"
    shutil.copytree(DATA, d)
    return d


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text("utf-8"))))


def _write_rows(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), "utf-8")


def _header_only(path: Path) -> None:
    path.write_text(path.read_text("utf-8").split("\n")[0] + "\n", "utf-8")


def _set(path: Path, rid: str, column: str, value: str) -> None:
    rows = _rows(path)
    i = rows[0].index(column)
    for row in rows[1:]:
        if row[0] == rid:
            row[i] = value
    _write_rows(path, rows)


def _drop_column(path: Path, column: str) -> None:
    rows = _rows(path)
    i = rows[0].index(column)
    _write_rows(path, [r[:i] + r[i + 1 :] for r in rows])


def _run(*args: str):
    return CliRunner().invoke(cli, list(args))


def _codes(output: str) -> list[str]:
    """The problem codes of ``check``'s FILE:LINE:COL: CODE lines."""
    codes = []
    for line in output.splitlines():
        head, sep, rest = line.partition(": ")
        if sep and ".csv:" in head and rest.split(" ")[0].islower():
            codes.append(rest.split(" ")[0])
    return codes


# 1. zero rows: a header-only table checks, builds, counts and exports


@pytest.mark.parametrize(
    "empty",
    [
        ("relations.csv",),
        ("actors.csv", "relations.csv"),
        ("sources.csv",),
        ("actors.csv", "relations.csv", "sources.csv"),
    ],
)
def test_header_only_tables_check_build_stats_and_export(tmp_path, empty):
    d = _copy(tmp_path)
    for name in empty:
        _header_only(d / name)
    if "sources.csv" in empty and "relations.csv" not in empty:
        for rid in {r[0] for r in _rows(d / "relations.csv")[1:]}:
            _set(d / "relations.csv", rid, "source_id", "")
    checked = _run("check", str(d))
    assert checked.exit_code == 0, checked.output
    page = tmp_path / "view.html"
    built = _run("build", str(d), "-o", str(page))
    assert built.exit_code == 0, built.output
    assert page.stat().st_size > 0
    stats = _run("stats", str(d))
    assert stats.exit_code == 0, stats.output
    actors = len(_rows(d / "actors.csv")) - 1
    relations = len(_rows(d / "relations.csv")) - 1
    assert f"{actors} actors, {relations} relations" in stats.output
    for fmt in ("json", "graphml", "gexf"):
        out = tmp_path / f"g.{fmt}"
        exported = _run("export", str(d), "-f", fmt, "-o", str(out))
        assert exported.exit_code == 0, exported.output
    folder = tmp_path / "csv"
    exported = _run("export", str(d), "-f", "csv", "-o", str(folder))
    assert exported.exit_code == 0, exported.output
    again = _run("check", str(folder))
    assert again.exit_code == 0, again.output


def test_header_only_relations_load_and_to_html(tmp_path):
    import graph

    d = _copy(tmp_path)
    _header_only(d / "relations.csv")
    html = graph.to_html(graph.load(d))
    assert "South Korea" in html
