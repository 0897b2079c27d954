"""The table benchmark at a reduced size, so the script cannot rot. No timing asserts."""

from __future__ import annotations

import re

import pytest

from .bench_table import SMALL_SIZES, format_table, run_benchmark

pytestmark = [pytest.mark.benchmark, pytest.mark.browser]


def test_table_benchmark_runs_small(browser):
    rows = run_benchmark(browser, SMALL_SIZES, repeat=1)
    assert [(r["actors"], r["relations"]) for r in rows] == list(SMALL_SIZES.values())
    for r in rows:
        assert r["rows"] == 200  # the first page only
        assert r["open"] > 0 and r["closed"] > 0 and r["sort"] > 0 and r["more"] is not None
    table = format_table(rows)
    assert table.count("\n| ") == len(rows)
    assert re.search(r"\| \d+\.\d\dx \|", table)
