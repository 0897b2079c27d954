"""View benchmark: time until the page is interactive in headless Chromium.

For each size a synthetic dataset (see ``synthetic.py``) is rendered with
:func:`graph.render_html` and opened in headless Debian Chromium with every
non-``file:`` request blocked, as the browser tests do. Measured from the
start of navigation, by the page's own clock:

- ``load``: the ``load`` event (HTML parsed, vis-network and the page script run,
  which for large graphs includes the layout);
- ``ready``: the ``geograph:ready`` event (laid out, frozen, drawn: the page
  answers clicks, the slider and the filters);
- ``slider``: one ``setDate`` call after ready (hide/show plus aggregated counts).

Each figure is the median of ``--repeat`` fresh pages. Run from the repository root::

    python -m tests.benchmarks.bench_view            # 1k, 5k, 20k relations
    python -m tests.benchmarks.bench_view --small    # a quick check
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
from pathlib import Path

from .synthetic import SIZES, make_dataset

__all__ = [
    "measure_page",
    "run_benchmark",
    "format_table",
    "main",
    "SMALL_SIZES",
    "CHROMIUM",
    "CHROMIUM_ARGS",
]

SMALL_SIZES = {"200": (50, 200), "600": (160, 600)}
CHROMIUM = os.environ.get("GEOGRAPH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
_MARK = "window.addEventListener('geograph:ready', () => { window.__geographReady = performance.now(); });"


def measure_page(browser, path: Path, timeout_ms: int = 120_000) -> dict:
    """Open ``path`` in a fresh context; times in seconds since navigation start."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    blocked: list[str] = []

    def route(r):
        if r.request.url.startswith(("file:", "data:", "blob:", "about:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.add_init_script(_MARK)
    try:
        page.goto(Path(path).resolve().as_uri(), wait_until="load", timeout=timeout_ms)
        page.wait_for_function(
            "window.geograph && window.geograph.ready === true", timeout=timeout_ms, polling=50
        )
        figures = page.evaluate("""() => {
            const t = performance.timing, g = window.geograph;
            const start = performance.now();
            g.setDate(g.payload.timeline[Math.floor(g.payload.timeline.length / 2)] || null);
            const slider = performance.now() - start;
            return {load: (t.loadEventEnd - t.navigationStart) / 1000, ready: window.__geographReady / 1000,
                    slider: slider / 1000, drawn: g.edges.length, relations: g.payload.counts.edges,
                    layout_ms: g.layout ? g.layout.ms : null, layout_steps: g.layout ? g.layout.steps : null};
        }""")
    finally:
        context.close()
    if errors or blocked:
        raise RuntimeError(f"the page misbehaved: {errors + blocked}")
    return figures


def run_benchmark(browser, sizes: dict[str, tuple[int, int]], repeat: int = 3) -> list[dict]:
    import graph

    rows = []
    with tempfile.TemporaryDirectory(prefix="geograph-bench-view-") as tmp:
        for label, (actors, relations) in sizes.items():
            data = make_dataset(Path(tmp) / label, actors, relations)
            page = graph.render_html(graph.load(data).to_networkx(), Path(tmp) / f"{label}.html")
            runs = [measure_page(browser, page) for _ in range(repeat)]
            row = {
                "size": label,
                "actors": actors,
                "relations": relations,
                "drawn": runs[0]["drawn"],
                "mb": page.stat().st_size / 1e6,
            }
            for key in ("load", "ready", "slider", "layout_ms", "layout_steps"):
                values = [r[key] for r in runs if r[key] is not None]
                row[key] = statistics.median(values) if values else None
            rows.append(row)
    return rows


def format_table(rows: list[dict]) -> str:
    lines = [
        "| actors / relations | drawn edges | HTML | load | ready (interactive) | of which layout "
        "| one slider step |",
        "|" + "---|" * 7,
    ]
    for r in rows:
        layout = (
            f"{r['layout_ms'] / 1000:.2f} s ({r['layout_steps']:.0f} steps)"
            if r["layout_ms"] is not None
            else "vis physics"
        )
        lines.append(
            f"| {r['actors']:,} / {r['relations']:,} | {r['drawn']:,} | {r['mb']:.1f} MB "
            f"| {r['load']:.2f} s | {r['ready']:.2f} s | {layout} | {r['slider']:.2f} s |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> str:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="small sizes, one repetition (for CI)")
    parser.add_argument("--repeat", type=int, default=None, help="pages per figure (default 3)")
    args = parser.parse_args(argv)
    sizes = SMALL_SIZES if args.small else SIZES
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            rows = run_benchmark(browser, sizes, args.repeat or (1 if args.small else 3))
        finally:
            browser.close()
    table = format_table(rows)
    print(table)
    return table


if __name__ == "__main__":
    main()
