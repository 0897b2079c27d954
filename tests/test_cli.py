"""The command line, driven through click's CliRunner as a user would."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import graph
from graph.cli import cli

BROKEN = Path(__file__).parent / "fixtures" / "broken"


@pytest.fixture
def run():
    runner = CliRunner()

    def _run(*args):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return _run


def test_check_clean_data(run):
    r = run("check", "data")
    assert r.exit_code == 0
    assert r.stdout.strip() == "data: valid: 0 errors, 0 warnings"


def test_check_prints_every_problem_with_its_position(run, tmp_path):
    shutil.copytree(BROKEN / "unknown-actor", tmp_path / "d")
    rel = tmp_path / "d" / "relations.csv"
    rel.write_text(rel.read_text("utf-8").replace("attack", "atack"), "utf-8")
    r = run("check", tmp_path / "d")
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    assert (
        lines[0]
        == f'{rel}:2:4: unknown-relation relation "atack" is not in the vocabulary (did you mean "attack"?)'
    )
    assert lines[1] == (
        f'{rel}:3:2: unknown-actor source "RUSS" is not an actor id in actors.csv '
        '(did you mean "RUS" (Russia)?)'
    )
    assert "not valid: 2 errors" in r.stderr


def test_check_json_equals_the_library(run):
    r = run("check", BROKEN / "decimal-comma", "--json")
    assert r.exit_code == 1
    out = json.loads(r.stdout)
    report = graph.check(BROKEN / "decimal-comma")
    assert out == report.to_dict()
    assert out["errors"] == [p.to_dict() for p in report if p.severity == "error"]
    assert out["valid"] is False and out["counts"]["errors"] == len(report.errors) > 0


def test_check_strict_json_equals_the_strict_library_report(run, tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    (d / "actors.csv").write_text("id,name\nPRK,North Korea\nKOR,South Korea\n", "utf-8")
    (d / "relations.csv").write_text(
        "source,target,relation,status\nPRK,KOR,threaten,fact\n", "utf-8"
    )
    r = run("check", d, "--json", "--strict")
    assert r.exit_code == 1
    assert json.loads(r.stdout) == graph.check(d, strict=True).to_dict()
    assert graph.check(d).valid and not graph.check(d, strict=True).valid


def test_check_strict_fails_on_warnings(run, tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    (d / "actors.csv").write_text("id,name\nPRK,North Korea\nKOR,South Korea\n", "utf-8")
    (d / "relations.csv").write_text(
        "source,target,relation,status\nPRK,KOR,threaten,fact\n", "utf-8"
    )
    assert run("check", d).exit_code == 0
    r = run("check", d, "--strict")
    assert r.exit_code == 1
    assert "no-quote" in r.stdout


def test_check_missing_folder_is_a_clean_error(run):
    r = run("check", "no-such-folder")
    assert r.exit_code == 1
    assert "missing-folder" in r.stdout
    assert "Traceback" not in r.output


def test_export_json_equals_the_library(run):
    r = run("export", "data", "--format", "json")
    assert r.exit_code == 0
    assert json.loads(r.stdout) == json.loads(graph.to_json(graph.load("data").to_networkx()))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_xml_formats_to_file(run, tmp_path, fmt):
    out = tmp_path / f"g.{fmt}"
    r = run("export", "data", "-f", fmt, "-o", out)
    assert r.exit_code == 0 and r.stdout.strip() == str(out)
    assert out.read_bytes().startswith(b"<?xml")


def test_export_csv_needs_a_folder(run, tmp_path):
    r = run("export", "data", "-f", "csv")
    assert r.exit_code == 2 and "give a folder" in r.output
    r = run("export", "data", "-f", "csv", "-o", tmp_path / "copy")
    assert r.exit_code == 0
    assert run("check", tmp_path / "copy").exit_code == 0


def test_invalid_data_exports_nothing(run, tmp_path):
    out = tmp_path / "g.json"
    out.write_text("previous", "utf-8")
    r = run("export", BROKEN / "unknown-actor", "-f", "json", "-o", out)
    assert r.exit_code == 1
    assert "unknown-actor" in r.stderr and "nothing was written" in r.stderr
    assert out.read_text("utf-8") == "previous"


def test_every_command_has_help(run):
    for name in cli.commands:
        r = run(name, "--help")
        assert r.exit_code == 0 and "Usage:" in r.stdout


def test_python_dash_m_runs_the_cli():
    r = subprocess.run(
        [sys.executable, "-m", "graph", "check", "data"], capture_output=True, text=True
    )
    assert r.returncode == 0 and "valid" in r.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["build", "data", "-o", "{tmp}"],  # a folder where a file belongs
        ["build", "data", "-o", "{tmp}/file.txt/graph.html"],  # a file where a folder belongs
        ["export", "data", "-f", "json", "-o", "{tmp}"],
        ["export", "data", "-f", "csv", "-o", "{tmp}/file.txt"],
    ],
)
def test_unwritable_output_is_a_clean_error(run, tmp_path, args):
    (tmp_path / "file.txt").write_text("keep", "utf-8")
    r = CliRunner().invoke(cli, [a.format(tmp=tmp_path) for a in args])
    assert r.exit_code == 1
    assert r.output.startswith("Error: cannot write ") and "Traceback" not in r.output
    assert (tmp_path / "file.txt").read_text("utf-8") == "keep"


def test_diff_without_data_takes_both_dates(run):
    short = run("diff", "2018", "2020-06", "--json")
    full = run("diff", "data", "2018", "2020-06", "--json")
    assert short.exit_code == 0 and full.exit_code == 0, short.output
    assert json.loads(short.stdout) == json.loads(full.stdout)
    assert json.loads(short.stdout)["before"] == "2018"


def test_diff_with_one_date_compares_with_the_last_date(run):
    r = CliRunner().invoke(cli, ["diff", "data", "2018"])
    assert r.exit_code == 0 and r.stdout.startswith("data: from 2018 to 2020-07")
    r = CliRunner().invoke(cli, ["diff", "data", "2018-13", "2020"])
    assert r.exit_code == 2 and "Traceback" not in r.output


def test_a_folder_named_like_a_date_is_data(run, tmp_path, monkeypatch):
    shutil.copytree("data", tmp_path / "2018")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(cli, ["diff", "2018", "2019", "2020"])
    assert r.exit_code == 0 and r.stdout.startswith("2018: from 2019 to 2020")
    r = CliRunner().invoke(cli, ["diff", "2018", "2019"])  # the folder, and one date
    assert r.exit_code == 0 and r.stdout.startswith("2018: from 2019 to 2020-07")


def test_data_errors_are_shown_once_by_the_one_error_path(run, tmp_path):
    r = CliRunner().invoke(
        cli, ["export", str(BROKEN / "unknown-actor"), "-f", "csv", "-o", str(tmp_path / "o")]
    )
    assert r.exit_code == 1
    lines = r.stderr.splitlines()
    assert any("unknown-actor" in line for line in lines[:-1])
    assert lines[-1].startswith("1 error in ") and "nothing was written" in lines[-1]
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("data", ["data", BROKEN / "unknown-actor"])
@pytest.mark.parametrize("command", ["build", "check"])
def test_the_collector_is_paused_for_the_command_only(run, tmp_path, monkeypatch, command, data):
    """build and check run without the cyclic collector, and leave it as they found it."""
    import gc

    seen = []
    load = graph.dataset._validate
    monkeypatch.setattr(
        graph.dataset, "_validate", lambda *a: (seen.append(gc.isenabled()), load(*a))[1]
    )
    args = ["-o", tmp_path / "g.html"] if command == "build" else []
    assert gc.isenabled()
    run(command, data, *args, "-q")
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:  # off before: still off after
        run(command, data, *args, "-q")
        assert not gc.isenabled()
    finally:
        gc.enable()
