"""The size-by benchmark at a reduced size, so the script cannot rot. No timing asserts."""

from __future__ import annotations

import re

import pytest

from .bench_sizes import SMALL_SIZES, format_table, run_benchmark

pytestmark = pytest.mark.benchmark


def test_sizes_benchmark_runs_small():
    rows = run_benchmark(SMALL_SIZES)
    assert [r["steps"] for r in rows] == [24]
    assert all(r["same"] for r in rows)  # the payload's betweenness is graph.centrality's
    table = format_table(rows)
    print(table)
    assert re.search(r"\| \d+\.\d\dx \|", table)
