"""Table benchmark: what the relations table adds to a filter change, in headless Chromium.

For each size a synthetic dataset (see ``synthetic.py``) is rendered and opened
as the browser tests do (every non-``file:`` request blocked). In the page, each
action is timed by the page's clock up to a forced layout (the table's DOM laid
out), as the median of ``--repeat`` runs:

- ``filter open``: a status filter change (forecasts off, then on) with the
  table open; ``filter closed``: the same with the section closed. Their ratio
  is what the open table costs a filter change;
- ``sort``: re-sorting by type, then back by dates;
- ``more``: "Show 200 more" (200 rows appended);
- ``arrow``: ArrowDown on a row (focus moves one row).

Run from the repository root::

    python -m tests.benchmarks.bench_table            # 1k and 20k relations
    python -m tests.benchmarks.bench_table --small    # a quick check
"""

from __future__ import annotations

from pathlib import Path

from .offline import measure_page, run_command, run_sizes

__all__ = ["measure_table", "run_benchmark", "format_table", "main", "SIZES", "SMALL_SIZES"]

SIZES = {"1k": (250, 1_000), "20k": (1_000, 20_000)}
SMALL_SIZES = {"400": (210, 400)}

_TIMINGS = """(repeat) => {
    const g = window.geograph, box = document.getElementById("gg-table-box");
    const table = document.getElementById("gg-table");
    function timed(fn) {
        const t = performance.now();
        fn();
        table.getBoundingClientRect(); document.body.offsetHeight;  // lay it out
        return performance.now() - t;
    }
    function median(xs) { xs = xs.slice().sort((a, b) => a - b); return xs[Math.floor(xs.length / 2)]; }
    const all = g.state().filters.status, some = all.filter(s => s !== "forecast");
    function filterTwice() {
        return timed(() => g.set({filters: {status: some}})) + timed(() => g.set({filters: {status: all}}));
    }
    const out = {rows: document.querySelectorAll("#gg-table tbody tr").length,
                 relations: g.payload.counts.edges};
    const open = [], closed = [], sort = [], more = [], arrow = [];
    for (let i = 0; i < repeat; i++) {
        box.open = true; open.push(filterTwice() / 2);
        box.open = false; closed.push(filterTwice() / 2);
        box.open = true;
        g.set({filters: {status: all}});  // the catch-up after opening is not timed
        const byType = document.querySelector("#gg-table th.gg-col-type button");
        const byDate = document.querySelector("#gg-table th.gg-col-date button");
        sort.push((timed(() => byType.click()) + timed(() => byDate.click())) / 2);
        const button = document.querySelector("#gg-table-box .gg-table-more:not(.gg-table-earlier) button");
        if (button && !button.closest("[hidden]")) more.push(timed(() => button.click()));
        const first = document.querySelector("#gg-table tbody button");
        first.focus();
        arrow.push(timed(() => first.dispatchEvent(
            new KeyboardEvent("keydown", {key: "ArrowDown", bubbles: true}))));
    }
    out.open = median(open); out.closed = median(closed); out.sort = median(sort);
    out.more = more.length ? median(more) : null; out.arrow = median(arrow);
    return out;
}"""


def measure_table(browser, path: Path, repeat: int = 5) -> dict:
    """Open ``path`` in a fresh context and time the table's actions (milliseconds)."""
    return measure_page(browser, path, _TIMINGS, repeat)


def run_benchmark(browser, sizes: dict[str, tuple[int, int]], repeat: int = 5) -> list[dict]:
    return run_sizes(sizes, lambda page: measure_table(browser, page, repeat), "table")


def format_table(rows: list[dict]) -> str:
    lines = [
        "| actors / relations | rows rendered | filter, table open | filter, table closed "
        "| open / closed | sort | show 200 more | arrow down |",
        "|" + "---|" * 8,
    ]
    for r in rows:
        more = f"{r['more']:.1f} ms" if r["more"] is not None else "-"
        lines.append(
            f"| {r['actors']:,} / {r['relations']:,} | {r['rows']:,} | {r['open']:.1f} ms "
            f"| {r['closed']:.1f} ms | {r['open'] / max(r['closed'], 0.01):.2f}x "
            f"| {r['sort']:.1f} ms | {more} | {r['arrow']:.1f} ms |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> str:
    return run_command(argv, __doc__, (SIZES, SMALL_SIZES), run_benchmark, format_table, (5, 1))


if __name__ == "__main__":
    main()
