"""The export and view benchmarks at a reduced size, so the scripts cannot rot. No timing asserts."""

from __future__ import annotations

import csv
import re

import pytest

from graph import load

from .bench_export import SMALL_SIZES as EXPORT_SIZES
from .bench_export import format_table as export_table
from .bench_export import run_benchmark as run_export
from .bench_view import ACTIONS as VIEW_ACTIONS
from .bench_view import PHASES as VIEW_PHASES
from .bench_view import SMALL_SIZES as VIEW_SIZES
from .bench_view import format_phases as view_phases
from .bench_view import format_profile as view_profile
from .bench_view import format_table as view_table
from .bench_view import run_benchmark as run_view
from .synthetic import make_dataset

pytestmark = pytest.mark.benchmark


def test_synthetic_dataset_is_valid_and_has_busy_pairs(tmp_path):
    data = make_dataset(tmp_path, 40, 300)
    ds = load(data)
    G = ds.to_networkx()
    assert (G.number_of_nodes(), G.number_of_edges()) == (40, 300)
    with open(data / "relations.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert all(r["quote"] and r["source_id"] for r in rows)
    pairs = {}
    for r in rows:
        key = frozenset((r["source"], r["target"]))
        pairs[key] = pairs.get(key, 0) + 1
    assert max(pairs.values()) > 3  # a skewed draw: some pairs are busy
    assert (
        make_dataset(tmp_path / "again", 40, 300).joinpath("relations.csv").read_bytes()
        == (data / "relations.csv").read_bytes()
    )  # seeded


def test_export_benchmark_runs_small():
    rows = run_export(EXPORT_SIZES, repeat=1)
    assert [(r["actors"], r["relations"]) for r in rows] == list(EXPORT_SIZES.values())
    for r in rows:
        for key in (
            "lower_bound",
            "render",
            "csv_to_html",
            "build_command",
            "python_import",
            "pyvis",
        ):
            assert r[key] > 0, key
    table = export_table(rows)
    assert table.count("\n| ") == len(rows)  # one line per size below the header
    assert re.search(r"render \d+\.\dx", table)


@pytest.mark.browser
def test_view_benchmark_runs_small(browser):
    rows = run_view(browser, VIEW_SIZES, repeat=1, reps=2, profile=True)
    assert [(r["actors"], r["relations"]) for r in rows] == list(VIEW_SIZES.values())
    for r in rows:
        assert r["ready"] > 0 and r["load"] > 0
        assert 0 < r["drawn"] <= r["relations"]
        for action in VIEW_ACTIONS:  # each action ran and reached a painted frame
            assert 0 < r[action] <= r[action + "_frame"], action
            assert r["profile"][action], action
        # ready is split into its phases, which add up to it
        assert sum(r["phases"][k] for k in VIEW_PHASES) == pytest.approx(r["ready"], abs=1e-6)
        assert r["phases"]["decode"] > 0 and r["phases"]["by_part"]["77-table"] >= 0
    assert rows[-1]["layout_steps"]  # the larger one is laid out in the page
    assert view_phases(rows).count(" ready ") == len(rows)
    assert view_table(rows).count("\n| ") == len(rows)
    assert view_profile(rows).count("\n") == len(rows) * len(VIEW_ACTIONS) - 1
