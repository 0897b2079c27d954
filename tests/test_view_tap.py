"""A tap on a touch screen selects and leaves no hover tooltip, in headless Chromium.

On a tablet (820 x 1180, touch), tapping the relation "threaten" selected it
and left its tooltip on screen, over North Korea, the selected relation's own
actor, and its name: the hover the touch screen makes up after a tap showed it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from viewpages import fail_on_problems, reopen_view, shipped_page_file, viewport_page

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).parent / "artifacts"
_TIPS = """[...document.querySelectorAll('div.vis-tooltip')]
    .filter(t => t.style.visibility !== 'hidden' && getComputedStyle(t).display !== 'none')
    .map(t => t.textContent)"""


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    return shipped_page_file(tmp_path_factory, "tap")


@pytest.fixture(scope="module", params=["tablet", "phone"])
def pg(request, browser):
    yield from viewport_page(browser, request.param)


@pytest.fixture(autouse=True)
def _clean(pg):
    yield from fail_on_problems(pg)


def tap_at(pg, x: float, y: float) -> None:
    box = pg.locator("#gg-network canvas").bounding_box()
    pg.touchscreen.tap(box["x"] + x, box["y"] + y)
    pg.wait_for_timeout(900)  # past vis-network's tooltip delay


def test_a_tapped_relation_is_selected_without_a_tooltip(pg, page_file):
    reopen_view(pg, page_file, "date=2020-06")
    label = next(x for x in pg.evaluate("window.geograph.edgeLabels()") if x["text"] == "threaten")
    tap_at(pg, label["x"] + label["width"] / 2, label["y"] + label["height"] / 2)
    assert pg.evaluate("window.geograph.state().edge") == label["id"]
    assert pg.evaluate(_TIPS) == []
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"tap-edge-{pg.viewport_name}.png"))


def test_a_tapped_actor_is_focused_without_a_tooltip(pg, page_file):
    reopen_view(pg, page_file, "date=2020-06")
    p = pg.evaluate("""(() => { const net = window.geograph.network;
        return net.canvasToDOM(net.getPositions(['RUS']).RUS); })()""")
    tap_at(pg, p["x"], p["y"])
    assert pg.evaluate("window.geograph.state().focus") == "RUS"
    assert pg.evaluate(_TIPS) == []
