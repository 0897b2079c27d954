"""Fit frames the actors with their names, on a phone and on a desktop, in headless Chromium.

The shipped data's "International sanctions" stands at the graph's right
edge; vis-network's own fit framed the actors' boxes of its last drawing,
which before the first drawing hold no names, so on a 390 px phone the
name ran off the screen. Each name's box is vis-network's
``getBoundingBox`` (its shape and its label, as drawn), checked to hold
the name's measured width.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from viewpages import fail_on_problems, reopen_view, shared_page, shipped_page_file

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).parent / "artifacts"
VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 800)}

# Each shown actor's box (shape and name) in the canvas's CSS pixels, with the
# width its name takes in vis-network's font, and the canvas's size.
_BOXES = """() => {
    const g = window.geograph, net = g.network, canvas = document.querySelector('#gg-network canvas');
    const ctx = document.createElement('canvas').getContext('2d'), named = new Set(g.labels().map(l => l.id));
    const boxes = g.nodes.get({filter: n => !n.hidden}).map(n => {
        const b = net.getBoundingBox(n.id), a = net.canvasToDOM({x: b.left, y: b.top});
        const c = net.canvasToDOM({x: b.right, y: b.bottom});
        const font = net.body.nodes[n.id].labelModule.fontOptions;
        ctx.font = font.size + 'px ' + font.face;
        return {id: n.id, label: n.label, named: named.has(g.dataId(n.id)), left: a.x, top: a.y, right: c.x, bottom: c.y,
                text: ctx.measureText(n.label).width * net.getScale()};
    });
    return {width: canvas.clientWidth, height: canvas.clientHeight, boxes: boxes};
}"""


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    """The shipped data's page, written once for the module."""
    return shipped_page_file(tmp_path_factory, "fit")


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def pg(request, browser):
    width, height = VIEWPORTS[request.param]
    with shared_page(browser, width, height) as page:
        page.viewport_name = request.param
        yield page


@pytest.fixture(autouse=True)
def _clean(pg):
    """A request, a console error or an uncaught exception fails the test that caused it."""
    yield from fail_on_problems(pg)


def assert_names_inside(pg) -> None:
    seen = pg.evaluate(_BOXES)
    assert len(seen["boxes"]) == 6
    # a name left out where it would cover another (53-names.js) is not framed: its actor is
    assert sum(b["named"] for b in seen["boxes"]) >= 4
    for b in seen["boxes"]:
        if b["named"]:
            assert b["right"] - b["left"] >= b["text"] - 0.5, b  # the box holds the name
        inside = (
            b["left"] >= 0
            and b["top"] >= 0
            and b["right"] <= seen["width"]
            and b["bottom"] <= seen["height"]
        )
        assert inside, (b, seen["width"], seen["height"])


def test_the_first_open_frames_every_name(pg, page_file):
    reopen_view(pg, page_file)
    assert_names_inside(pg)
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"fit-open-{pg.viewport_name}.png"))


def test_fit_after_zoom_and_pan_frames_every_name(pg, page_file):
    reopen_view(pg, page_file, "date=2020-06")
    pg.evaluate("window.geograph.network.moveTo({position: {x: 400, y: 300}, scale: 3})")
    pg.click("#gg-fit")
    assert_names_inside(pg)
    # and the graph is not shrunk to nothing: it spans most of the canvas one way
    seen = pg.evaluate(_BOXES)
    left = min(b["left"] for b in seen["boxes"])
    right = max(b["right"] for b in seen["boxes"])
    top = min(b["top"] for b in seen["boxes"])
    bottom = max(b["bottom"] for b in seen["boxes"])
    span = max((right - left) / seen["width"], (bottom - top) / seen["height"])
    assert span > 0.5, span  # beside the legend, when it would cover an actor
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"fit-button-{pg.viewport_name}.png"))


def test_the_map_layout_frames_every_name(pg, page_file):
    reopen_view(pg, page_file)
    pg.evaluate("window.geograph.set({layout: {name: 'map'}})")
    assert_names_inside(pg)
    pg.click("#gg-fit")
    assert_names_inside(pg)
