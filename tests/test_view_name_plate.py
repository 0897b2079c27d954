"""Actors' names are above the lines under them, in headless Chromium.

Compared from 2018 at 2020-06, the shipped data's new (purple) and ended
(brown) relations run under "North Korea" and "China": with only a 3 px
outline round the letters, the lines plainly crossed the names, on the page
and in the PNG (drawn by the same vis-network code). A pale plate behind each
name now keeps every line's colour out of the name's box.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from viewpages import fail_on_problems, reopen_view, shared_page, shipped_page_file

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).parent / "artifacts"

# Pixels of strong colour (a line's, not the names' grey nor the plate's white)
# inside the middle of each named actor's name box, as the canvas holds them.
_COLOURED = """(ids) => {
    const g = window.geograph, canvas = document.querySelector('#gg-network canvas');
    const ctx = canvas.getContext('2d'), k = canvas.width / canvas.clientWidth, out = {};
    for (const l of g.labels().filter(l => ids.includes(l.id))) {
        // the text's own rows and columns, inside the box's air
        const x = Math.round((l.x + 3) * k), y = Math.round((l.y + 2) * k);
        const w = Math.round((l.width - 6) * k), h = Math.round((l.height - 4) * k);
        const d = ctx.getImageData(x, y, w, h).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) {
            if (Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 60) n++;
        }
        out[l.id] = n;
    }
    return out;
}"""


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    return shipped_page_file(tmp_path_factory, "name-plate")


@pytest.fixture(scope="module")
def pg(browser):
    with shared_page(browser, 1440, 900) as page:
        yield page


@pytest.fixture(autouse=True)
def _clean(pg):
    yield from fail_on_problems(pg)


def test_no_line_is_drawn_over_a_name(pg, page_file):
    reopen_view(pg, page_file, "compare=2018&date=2020-06")
    coloured = pg.evaluate(_COLOURED, ["PRK", "CHN", "KOR", "USA"])
    assert set(coloured) >= {"PRK", "CHN"}, coloured
    assert all(n == 0 for n in coloured.values()), coloured
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "name-plate-compare.png"))
