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

import argparse
import tempfile
from pathlib import Path

from .bench_view import CHROMIUM, CHROMIUM_ARGS
from .offline import offline_page
from .synthetic import make_dataset

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
    context, page, blocked, errors = offline_page(browser)
    try:
        page.goto(path.as_uri())
        page.wait_for_function("window.geograph && window.geograph.ready === true", timeout=180_000)
        figures = page.evaluate(_MEASURE, repeat)
    finally:
        context.close()
    if errors or blocked:
        raise RuntimeError(f"the page misbehaved: {errors}, requests {blocked}")
    return figures


def run_benchmark(browser, sizes: dict[str, tuple[int, int]], repeat: int = 7) -> list[dict]:
    import graph

    rows = []
    with tempfile.TemporaryDirectory(prefix="geograph-bench-filters-") as tmp:
        for label, (actors, relations) in sizes.items():
            data = make_dataset(Path(tmp) / label, actors, relations)
            page = graph.render_html(graph.load(data).to_networkx(), Path(tmp) / f"{label}.html")
            rows.append(
                {"actors": actors, "relations": relations, **measure(browser, page, repeat)}
            )
    return rows


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
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="a small size (for CI)")
    parser.add_argument("--repeat", type=int, default=7, help="changes per figure (default 7)")
    args = parser.parse_args(argv)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            rows = run_benchmark(browser, SMALL_SIZES if args.small else SIZES, args.repeat)
        finally:
            browser.close()
    table = format_table(rows)
    print(table)
    return table


if __name__ == "__main__":
    main()
