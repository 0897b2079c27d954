"""The filter benchmark at a reduced size, so the script cannot rot. No timing asserts."""

from __future__ import annotations

import pytest

from .bench_filters import SMALL_SIZES, format_table, run_benchmark

pytestmark = [pytest.mark.benchmark, pytest.mark.browser]


def test_filter_benchmark_runs_small(browser):
    rows = run_benchmark(browser, SMALL_SIZES, repeat=1)
    (row,) = rows
    assert row["relations"] == 600 and row["shown"] == 600  # every filter back at "all"
    assert set(row["values"]) == {"status", "sign", "relation", "group", "said_by", "source"}
    assert row["values"]["source"] > 1 and row["values"]["said_by"] > 1
    table = format_table(rows)
    print(table)
    assert "160 / 600" in table and "counts / change" in table
