"""The note over an empty graph covers no actor, in headless Chromium.

With the shipped data at 2020-06, only claims and only cooperative relations
leave nothing shown: the note "No relation matches the filters" sat in the
graph's middle over North Korea and cut "International sanctions" short.
Each actor's box is vis-network's (its shape and its name, as drawn).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from viewpages import fail_on_problems, reopen_view, shipped_page_file, viewport_page

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).parent / "artifacts"

# What the note meets, in page px: the actors (with their names) and the legend.
_MEETS = """() => {
    const g = window.geograph, net = g.network, c = net.body.container.getBoundingClientRect();
    const n = document.getElementById('gg-empty').getBoundingClientRect();
    const meets = r => r.left < n.right && n.left < r.right && r.top < n.bottom && n.top < r.bottom;
    const out = g.nodes.get({filter: x => !x.hidden}).filter(x => {
        const b = net.getBoundingBox(x.id), a = net.canvasToDOM({x: b.left, y: b.top}),
              z = net.canvasToDOM({x: b.right, y: b.bottom});
        return meets({left: c.left + a.x, top: c.top + a.y, right: c.left + z.x, bottom: c.top + z.y});
    }).map(x => x.id);
    if (meets(document.getElementById('gg-legend-box').getBoundingClientRect())) out.push('legend');
    const inside = n.left >= c.left && n.right <= c.right && n.top >= c.top && n.bottom <= c.bottom;
    return {meets: out, inside: inside};
}"""


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    return shipped_page_file(tmp_path_factory, "empty-place")


@pytest.fixture(scope="module", params=["desktop", "phone"])
def pg(request, browser):
    yield from viewport_page(browser, request.param)


@pytest.fixture(autouse=True)
def _clean(pg):
    yield from fail_on_problems(pg)


def settled(pg) -> dict:
    pg.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    return pg.evaluate(_MEETS)


def test_the_empty_note_covers_no_actor(pg, page_file):
    reopen_view(pg, page_file, "date=2020-06&status=claim&sign=cooperative")
    note = pg.locator("#gg-empty")
    assert note.is_visible() and "No relation matches" in note.inner_text()
    assert settled(pg) == {"meets": [], "inside": True}
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"empty-place-{pg.viewport_name}.png"))
    # and after Fit (which may move the actors and the legend) still none
    pg.evaluate("document.getElementById('gg-fit').click()")
    assert settled(pg) == {"meets": [], "inside": True}


def test_the_empty_note_made_by_a_change_covers_no_actor(pg, page_file):
    reopen_view(pg, page_file, "date=2020-06")
    pg.evaluate("window.geograph.set({filters: {status: ['claim'], sign: ['cooperative']}})")
    assert pg.locator("#gg-empty").is_visible()
    assert settled(pg) == {"meets": [], "inside": True}
