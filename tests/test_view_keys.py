"""The folded legend's status keys tell a claim from a fact, in headless Chromium.

On a phone, or where the graph is under 560 px high, the legend opens folded
to one line whose keys are drawn narrower than their 30 px lines: at 16 px a
claim's 10-6 dashes showed one dash, the look of a fact's solid line. Each
key's line is cut, not scaled, so every dashed key must show two whole dashes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from viewpages import fail_on_problems, reopen_view, shipped_page_file, viewport_page

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).parent / "artifacts"

# Each key of the folded legend's one line: its dashes, the px of its line in
# sight (from x1 to the key's drawn right edge) and the line's top on screen.
_KEYS = """() => [...document.querySelectorAll('#gg-legend-box summary svg')].map(s => {
    const l = s.querySelector('line'), r = s.getBoundingClientRect();
    return {dashes: l.getAttribute('stroke-dasharray'), seen: Math.min(r.width, +l.getAttribute('x2')) -
            +l.getAttribute('x1'), width: r.width, top: Math.round(r.top)};
}).filter(k => k.width > 0)"""


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    return shipped_page_file(tmp_path_factory, "keys")


@pytest.fixture(scope="module", params=["phone", "short"])
def pg(request, browser):
    yield from viewport_page(browser, request.param)


@pytest.fixture(autouse=True)
def _clean(pg):
    yield from fail_on_problems(pg)


@pytest.mark.parametrize("fragment", ["", "compare=2018&date=2020-06"])
def test_every_dashed_key_shows_two_dashes(pg, page_file, fragment):
    reopen_view(pg, page_file, fragment)
    assert pg.evaluate("document.getElementById('gg-legend-box').open") is False
    keys = pg.evaluate(_KEYS)
    dashed = [k for k in keys if k["dashes"]]
    assert len(dashed) == 2, keys  # claim and forecast
    for k in dashed:
        on, off = (float(x) for x in k["dashes"].split())
        assert k["seen"] >= 2 * on + off - 0.5, k  # a dash, a gap and a whole dash
    assert len({k["top"] for k in keys}) == 1, keys  # and the keys stay on one line
    ARTIFACTS.mkdir(exist_ok=True)
    box = pg.locator("#gg-legend-box summary").bounding_box()
    name = f"keys-{pg.viewport_name}{'-compare' if fragment else ''}.png"
    pg.screenshot(path=str(ARTIFACTS / name), clip=box)
