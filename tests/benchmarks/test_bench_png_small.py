"""The PNG export benchmark at a reduced size, so the script cannot rot. No timing asserts."""

from __future__ import annotations

import pytest

from .bench_png import SCALES, SMALL_SIZES, format_table, run_benchmark

pytestmark = [pytest.mark.benchmark, pytest.mark.browser]


def test_png_benchmark_runs_small(browser):
    rows = run_benchmark(browser, SMALL_SIZES)
    assert [(r["actors"], r["relations"]) for r in rows] == list(SMALL_SIZES.values())
    for r in rows:
        assert r["redraw"] >= 0
        widths = [r["scales"][str(s)]["width"] for s in SCALES]
        assert widths == sorted(widths) and widths[0] > 0  # more pixels at each scale
        assert all(r["scales"][str(s)]["bytes"] > 0 for s in SCALES)
    assert format_table(rows).count("\n| ") == len(rows) * len(SCALES)
