"""The build benchmark at a reduced size, so the script cannot rot. No timing asserts."""

from __future__ import annotations

from pathlib import Path

import pytest

from .bench_build import format_table, run_benchmark

pytestmark = pytest.mark.benchmark


def test_build_benchmark_runs_small():
    pytest.importorskip("duckdb")
    rows = run_benchmark((250, 1_000), gdelt_rows=3_000, repeat=1)
    assert [r["dataset"] for r in rows] == ["synthetic", "gdelt"]
    synthetic, gdelt = rows
    assert (synthetic["actors"], synthetic["relations"]) == (250, 1_000)
    assert gdelt["relations"] > 100
    for r in rows:
        for key in (
            "lower_bound",
            "pandas_bound",
            "build",
            "build_cpu",
            "graph_path",
            "pyvis",
            "build_mb",
            "startup_mb",
            "imports_mb",
            "page_bytes",
        ):
            assert r[key] > 0, key
        assert r["startup_mb"] < r["imports_mb"] < r["build_mb"]
    table = format_table(rows)
    assert table.count("\n") == 5 and "x lower bound" in table and "bytes per relation" in table
    assert "above start-up" in table
    assert "load average" in table


def test_build_benchmark_measures_a_baseline_tree_in_the_same_run():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]  # this tree as its own baseline
    (row,) = run_benchmark((250, 1_000), gdelt_rows=0, repeat=1, baseline=root)
    assert row["baseline"] > 0 and row["baseline_mb"] > 0
    assert row["baseline_same_page"] is True
    assert "baseline build" in format_table([row]) and "same page: yes" in format_table([row])


def test_the_trees_measured_load_bytecode_not_source(tmp_path):
    import importlib.util

    from .bench_build import compile_tree

    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    modules = [package / "__init__.py", package / "sub" / "mod.py"]
    for module in modules:
        module.write_text("X = 1\n", encoding="utf-8")
    compile_tree(package)
    assert all(Path(importlib.util.cache_from_source(str(m))).is_file() for m in modules)
