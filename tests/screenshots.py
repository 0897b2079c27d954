"""Take the README's pictures of the view: run by hand, not by the test suite.

    .venv/bin/python tests/screenshots.py            # writes .readme/view.png and .readme/compare.png
    .venv/bin/python tests/screenshots.py --out DIR  # somewhere else

The shipped dataset in headless Debian Chromium (``GEOGRAPH_CHROMIUM``, default
/usr/bin/chromium) at 1280x800, every request but ``file:`` refused, as in the
browser tests. Each picture is checked before it is saved: the page raised no
error, the legend is in sight, and what the caption says is on the page.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import graph  # noqa: E402
from graph import datasets  # noqa: E402

CHROMIUM = os.environ.get("GEOGRAPH_CHROMIUM", "/usr/bin/chromium")
SIZE = {"width": 1280, "height": 800}
# name -> (URL fragment, text the page must show)
SHOTS = {
    "view": ("date=2020-06&edge=R01", "the North\u2019s destruction of the liaison office"),
    "compare": ("compare=2018&date=2020-06", "Changes from 2018 to 2020-06"),
}


def take(out: Path) -> list[Path]:
    """Write one PNG per entry of SHOTS into ``out``; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        page_path = graph.render_html(
            graph.load(datasets.article()).to_networkx(), Path(tmp) / "view.html"
        )
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context(viewport=SIZE)
        context.route(
            "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
        )
        for name, (fragment, text) in SHOTS.items():
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc, errors=errors: errors.append(str(exc)))
            page.on(
                "console",
                lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None,
            )
            page.goto(f"{page_path.as_uri()}#{fragment}")
            page.wait_for_function(
                "window.geograph && window.geograph.ready === true", timeout=20000
            )
            page.evaluate(
                "new Promise(done => { const net = window.geograph.network;"
                " net.once('afterDrawing', () => done(true)); net.redraw(); })"
            )
            legend = page.locator("#gg-legend-box").bounding_box()
            if errors or text not in page.locator("body").inner_text():
                raise SystemExit(f"{name}: page errors {errors} or {text!r} not shown")
            if not legend or legend["y"] + legend["height"] > SIZE["height"]:
                raise SystemExit(f"{name}: the legend is not in sight ({legend})")
            path = out / f"{name}.png"
            page.screenshot(path=str(path))
            written.append(path)
            page.close()
        browser.close()
    return written


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / ".readme")
    for p in take(parser.parse_args().out):
        print(p)
