"""PNG export benchmark: the cost of exporting the whole graph, against one redraw of the screen.

For each size a synthetic dataset (see ``synthetic.py``) is rendered with
:func:`graph.render_html` and opened in headless Debian Chromium (every
non-``file:`` request blocked). In the same page, by the page's own clock:

- ``redraw``: one on-screen ``network.redraw()`` of the viewport (median of 5);
- ``draw``: the export's drawing of the whole graph and its text into the
  offscreen canvas, at 1x, 2x and 4x (``exportInfo().ms``);
- ``total``: ``exportPNG({scale, blob: true})`` until the Blob is there
  (drawing plus PNG encoding).

The ratios ``draw / redraw`` say how many screen redraws an export costs.
Run from the repository root::

    python -m tests.benchmarks.bench_png            # 300/2,000 and 1,000/20,000
    python -m tests.benchmarks.bench_png --small    # a quick check
"""

from __future__ import annotations

from pathlib import Path

from .offline import measure_page, run_command, run_sizes

__all__ = ["measure_png", "run_benchmark", "format_table", "main", "SIZES", "SMALL_SIZES"]

SIZES = {"2k": (300, 2_000), "20k": (1_000, 20_000)}
SMALL_SIZES = {"200": (50, 200)}
SCALES = (1, 2, 4)

_MEASURE = """async scales => {
    const g = window.geograph, redraws = [];
    for (let i = 0; i < 5; i++) {
        const t = performance.now();
        g.network.redraw();
        redraws.push(performance.now() - t);
    }
    redraws.sort((a, b) => a - b);
    const out = {redraw: redraws[2], scales: {}};
    for (const scale of scales) {
        const t = performance.now();
        const blob = await g.exportPNG({scale: scale, blob: true});
        const info = g.exportInfo();
        out.scales[scale] = {total: performance.now() - t, draw: info.ms, bytes: blob.size,
                             width: info.width, height: info.height, drawn: info.scale};
    }
    return out;
}"""


def measure_png(browser, path: Path) -> dict:
    """Open ``path`` in a fresh context and time its redraw and exports (milliseconds)."""
    return measure_page(browser, path, _MEASURE, list(SCALES))


def run_benchmark(browser, sizes: dict[str, tuple[int, int]]) -> list[dict]:
    return run_sizes(sizes, lambda page: measure_png(browser, page), "png")


def format_table(rows: list[dict]) -> str:
    lines = [
        "| actors / relations | screen redraw | scale | image | PNG | draw | draw / redraw "
        "| draw + encode |",
        "|" + "---|" * 8,
    ]
    for r in rows:
        for scale, s in r["scales"].items():
            ratio = s["draw"] / r["redraw"] if r["redraw"] > 0 else float("inf")
            lines.append(
                f"| {r['actors']:,} / {r['relations']:,} | {r['redraw']:.0f} ms | {scale}x "
                f"| {s['width']:,} x {s['height']:,} px | {s['bytes'] / 1e6:.1f} MB "
                f"| {s['draw']:.0f} ms | {ratio:.1f}x | {s['total'] / 1000:.2f} s |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> str:
    return run_command(argv, __doc__, (SIZES, SMALL_SIZES), run_benchmark, format_table)


if __name__ == "__main__":
    main()
