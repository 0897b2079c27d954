"""The check benchmark at a reduced size, so the script cannot rot. No timing asserts."""

from __future__ import annotations

import re

import pytest

from .bench_check import SMALL_SIZES, format_table, run_benchmark

pytestmark = pytest.mark.benchmark


def test_check_benchmark_runs_small(capsys):
    rows = run_benchmark(SMALL_SIZES, repeat=1)
    assert [(r["actors"], r["relations"], r["typos"]) for r in rows] == list(SMALL_SIZES.values())
    for r in rows:
        assert r["clean"] > 0 and r["with_typos"] > 0 and r["difflib"] > 0
        assert r["suggested"] > r["typos"] // 2  # most typos get a suggestion
        assert r["row_by_row"] > 0 and r["clean_cpu"] > 0 and r["with_typos_cpu"] > 0
        assert r["process"]["clean"] > 0 and r["process"]["typos_cpu"] > 0
    table = format_table(rows)
    print(table)
    assert re.search(r"\| \d+\.\d\dx / \d+\.\d\dx \|", table)
    assert "`geograph check` process" in table and "load average" in table
