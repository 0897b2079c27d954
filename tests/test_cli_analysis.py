"""The analysis commands: stats, balance, diff. --json equals what the library returns."""

import json
import shlex
import shutil
import subprocess
import sys

import pytest
from broken_pipe import closed_pipe
from click.testing import CliRunner

import graph
from graph.cli import cli


@pytest.fixture(scope="module")
def G():
    return graph.load("data").to_networkx()


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_balance_json_equals_the_library(G):
    r = run("balance", "data", "--date", "2020-06", "--json")
    assert r.exit_code == 0
    assert json.loads(r.stdout) == json.loads(json.dumps(graph.balance_report(G, "2020-06")))


def test_balance_2020_reads_as_a_new_cold_war():
    """{US, South Korea} against {North Korea, China, Russia}, with no violating tie."""
    out = json.loads(run("balance", "data", "--date", "2020-06", "--json").stdout)
    f = out["frustration"]
    assert f["frustration"] == 0 and f["exact"]
    blocs = [set(b) for b in f["blocs"]]
    assert {"PRK", "CHN", "RUS"} in blocs
    assert any({"USA", "KOR"} <= b for b in blocs)


def test_balance_2018_has_the_bridge_building_as_its_frustration():
    r = run("balance", "data", "--date", "2018")
    assert r.exit_code == 0
    assert "frustration index: 1 (exact" in r.stdout
    assert "violating ties: PRK-USA (+1)" in r.stdout


def test_balance_defaults_to_the_last_date():
    assert "data at 2020-07 " in run("balance", "data").stdout


def test_bad_date_is_a_usage_error():
    r = run("balance", "data", "--date", "16/06/2020")
    assert r.exit_code == 2
    assert "YYYY-MM-DD" in r.output and "Traceback" not in r.output


def test_diff_json_equals_the_library(G):
    r = run("diff", "data", "2018", "2020-06", "--json")
    assert r.exit_code == 0
    assert json.loads(r.stdout) == json.loads(
        json.dumps(graph.diff(G, "2018", "2020-06").to_dict())
    )


def test_diff_text_lists_what_appeared_and_ended():
    out = run("diff", "data", "2018", "2020-06").stdout
    assert "R01: PRK -> KOR coerce (fact, 2020-06-16 – 2020-06-16)" in out
    assert "ended (3):" in out and "R05: PRK -> KOR cooperate" in out
    assert "KOR-PRK: +1 -> -1" in out


def test_stats(G):
    r = run("stats", "data", "--json")
    assert json.loads(r.stdout) == json.loads(json.dumps(graph.stats_report(G)))
    assert "6 actors, 23 relations, 1 source" in run("stats", "data").stdout


def test_analysis_on_invalid_data_exits_1():
    r = CliRunner().invoke(cli, ["balance", "tests/fixtures/broken/unknown-actor"])
    assert r.exit_code == 1 and "unknown-actor" in r.stderr


def test_balance_without_options_answers_what_the_library_answers(G):
    """Regression: the CLI used to pick the last date and the statuses itself."""
    r = run("balance", "data", "--json")
    assert r.exit_code == 0
    assert json.loads(r.stdout) == json.loads(json.dumps(graph.balance_report(G)))
    assert json.loads(r.stdout)["date"] == graph.date_range(G)[1]


def test_balance_all_time_and_statuses_pass_through(G):
    r = run("balance", "data", "--date", "all", "--status", "fact", "--json")
    assert r.exit_code == 0
    expected = graph.balance_report(G, None, statuses=["fact"])
    assert json.loads(r.stdout) == json.loads(json.dumps(expected))
    assert expected["date"] is None and expected["statuses"] == ["fact"]


def test_balance_help_shows_the_library_defaults():
    r = run("balance", "--help")
    assert "default: last" in r.stdout and "fact, claim" in r.stdout


# --- one way to the terminal: every command writes through graph/terminal.py -------------

ANALYSES = [
    ["stats", "{data}"],
    ["balance", "{data}", "--date", "2020-06"],
    ["diff", "{data}", "2018", "2020-06"],
]


@pytest.fixture(scope="module")
def escape_named(tmp_path_factory):
    """The shipped data in a folder whose name holds ESC: the name is part of every report."""
    folder = tmp_path_factory.mktemp("names") / "da\x1b[2Jta"
    shutil.copytree("data", folder)
    return folder


@pytest.mark.parametrize("args", ANALYSES, ids=lambda a: a[0])
def test_analysis_text_shows_control_characters_escaped(escape_named, args):
    r = run(*(a.format(data=escape_named) for a in args))
    assert r.exit_code == 0, r.output
    assert "\x1b" not in r.output
    assert "da\\x1b[2Jta" in r.stdout.splitlines()[0]  # the report names its data


def test_suggest_writes_the_draft_to_stdout_and_its_notes_to_stderr():
    r = run("suggest", "data/dw-2020-07-14.txt", "--data", "data")
    assert r.exit_code == 0
    assert r.stdout.startswith("id,source,target,relation,") and "candidate" not in r.stdout
    assert r.stderr.strip().endswith("review them before appending to data/relations.csv")


@pytest.mark.parametrize(
    "args",
    [
        ["stats", "data"],
        ["balance", "data"],
        ["diff", "data", "2018", "2020-06"],
        ["suggest", "data/dw-2020-07-14.txt", "--data", "data"],
        ["import", "gdelt", "--print-sql", "duckdb"],
        ["--help"],
    ],
    ids=lambda a: a[0],
)
def test_a_closed_pipe_ends_every_command_the_same_way(args):
    r = closed_pipe(args)
    assert r.returncode == 1
    assert r.stderr == "Error: cannot write to standard output: the reader closed the pipe\n"


def test_a_real_pipe_into_head_gets_the_first_line_and_no_traceback():
    r = subprocess.run(
        f"{shlex.quote(sys.executable)} -m graph stats data | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.stdout == "data: 6 actors, 23 relations, 1 source\n"
    assert "Traceback" not in r.stderr


def test_balance_at_a_date_with_no_tie_says_so_and_gives_no_index():
    text = run("balance", "data", "--date", "2016")
    assert text.exit_code == 0, text.output
    assert "nothing to balance" in text.output and "frustration index" not in text.output
    report = json.loads(run("balance", "data", "--date", "2016", "--json").output)
    assert report["frustration"]["frustration"] is None
    assert report["frustration"]["normalised"] is None
