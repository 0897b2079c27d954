"""The exact text a user sees for broken data, through the real commands (click's CliRunner).

Each test breaks a copy of the shipped dataset the way a user does and holds
the whole message: where, what, and the fix.
"""

from __future__ import annotations

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


def _run(*args: str | Path):
    return CliRunner().invoke(cli, [str(a) for a in args])


# "nothing was written" only where something could have been


@pytest.mark.parametrize(
    "args", [["stats"], ["stats", "--json"], ["balance"], ["diff", "{d}", "2018", "2020"]]
)
def test_read_only_commands_do_not_say_nothing_was_written(tmp_path, args):
    missing = tmp_path / "nope"
    argv = [a.format(d=missing) for a in args]
    if "{d}" not in args:
        argv.insert(1, str(missing))
    r = _run(*argv)
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr.splitlines()[-1] == f"1 error in {missing}."


@pytest.mark.parametrize(
    "args",
    [
        ["build", "{d}", "-o", "{tmp}/g.html"],
        ["export", "{d}", "-f", "json", "-o", "{tmp}/g.json"],
        ["export", "{d}", "-f", "csv", "-o", "{tmp}/out"],
        ["suggest", str(DATA / "dw-2020-07-14.txt"), "--data", "{d}", "-o", "{tmp}/draft.csv"],
    ],
)
def test_writing_commands_say_nothing_was_written(tmp_path, args):
    missing = tmp_path / "nope"
    r = _run(*[a.format(d=missing, tmp=tmp_path) for a in args])
    assert r.exit_code == 1
    assert r.stderr.splitlines()[-1] == f"1 error in {missing}; nothing was written."
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_warnings_beside_the_errors_are_counted_with_where_to_see_them(tmp_path):
    d = _copy(tmp_path)
    rel = d / "relations.csv"
    text = rel.read_text("utf-8")
    # one error (an unknown actor) and one warning (an actor nobody relates to)
    (d / "actors.csv").write_text(
        (d / "actors.csv").read_text("utf-8") + "JPN,Japan,state,,,\n", "utf-8"
    )
    rel.write_text(text.replace("R16,PRK,KOR,", "R16,PRK,KORR,", 1), "utf-8")
    r = _run("stats", d)
    assert r.exit_code == 1
    assert r.stderr.splitlines()[-1] == (
        f"1 error in {d}. 1 warning too: `geograph check {d}` lists them."
    )
