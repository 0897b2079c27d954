"""The analysis commands: stats, balance, diff. --json equals what the library returns."""

import json

import pytest
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
    assert "6 actors, 23 relations, 1 sources" in run("stats", "data").stdout


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
