"""Filter benchmark: one filter change in the HTML view, and the share of it the counts take.

A synthetic dataset (see ``synthetic.py``) is rendered and opened in headless
Chromium (every non-``file:`` request blocked). Measured by the page's own
clock, median of ``--repeat`` changes:

- ``change``: ``window.geograph.set`` of a status filter (the shown set, the
  drawing, the panel, the counts of every filter group, the URL), then the
  next frame drawn;
- ``only``: a click on the "only" button of the most frequent source, then
  the next frame;
- ``counts``: the faceted counts of every group alone
  (``window.geograph.filterCounts()``, one pass over the relations), and
  its share of ``change``.

Run from the repository root::

    python -m tests.benchmarks.bench_filters            # 1,000 actors / 20,000 relations
    python -m tests.benchmarks.bench_filters --small    # a quick check
"""

from __future__ import annotations

from pathlib import Path

from .offline import measure_page, run_command, run_sizes

__all__ = ["SIZES", "SMALL_SIZES", "measure", "run_benchmark", "format_table", "main"]

SIZES = {"20k": (1_000, 20_000)}
SMALL_SIZES = {"600": (160, 600)}

_MEASURE = """async (repeat) => {
    const g = window.geograph;
    const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
    const median = xs => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const all = g.state().filters.status;
    const change = [], only = [], counts = [];
    const button = document.querySelector("#gg-filter-source button.gg-only");
    const reset = document.querySelector("#gg-filter-source button.gg-all");
    for (let i = 0; i < repeat; i++) {
        let t = performance.now();
        g.set({filters: {status: all.slice(0, 1)}});
        await frame();
        change.push(performance.now() - t);
        g.set({filters: {status: all}});
        await frame();
        t = performance.now();
        button.click();
        await frame();
        only.push(performance.now() - t);
        reset.click();
        await frame();
        t = performance.now();
        g.filterCounts();
        counts.push(performance.now() - t);
    }
    return {change: median(change), only: median(only), counts: median(counts),
            shown: g.shown().length, values: Object.fromEntries(
                Object.entries(g.filterCounts()).map(([k, v]) => [k, v.length]))};
}"""


def measure(browser, path: Path, repeat: int) -> dict:
    """Open ``path``; the median times (ms) of a filter change, an "only" click and the counts."""
    return measure_page(browser, path, _MEASURE, repeat)


def run_benchmark(browser, sizes: dict[str, tuple[int, int]], repeat: int = 7) -> list[dict]:
    return run_sizes(sizes, lambda page: measure(browser, page, repeat), "filters")


def format_table(rows: list[dict]) -> str:
    lines = [
        "| actors / relations | filter values | filter change | only (click) "
        "| counts alone | counts / change |",
        "|" + "---|" * 6,
    ]
    for r in rows:
        values = ", ".join(f"{k} {n}" for k, n in r["values"].items())
        lines.append(
            f"| {r['actors']:,} / {r['relations']:,} | {values} | {r['change']:.1f} ms "
            f"| {r['only']:.1f} ms | {r['counts']:.1f} ms | {r['counts'] / r['change']:.2f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> str:
    return run_command(argv, __doc__, (SIZES, SMALL_SIZES), run_benchmark, format_table, (7, 7))


if __name__ == "__main__":
    main()
