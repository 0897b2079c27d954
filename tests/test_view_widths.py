"""The page's widths in headless Chromium, at a desktop's, an upright tablet's and a
phone's size: a long actor name stays inside the side's table, and the graph keeps
the width of the page where the side would leave it a narrow column.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from viewpages import open_view

import graph

pytestmark = pytest.mark.browser

DATA = Path(__file__).resolve().parent.parent / "data"
LONG = (
    "Democratic People's Republic of Korea (Supreme People's Assembly and State Affairs Commission)"
)
SIZES = [(1280, 800), (768, 1024), (390, 844)]

BOXES = """() => {
    const r = s => document.querySelector(s).getBoundingClientRect();
    const wrap = document.querySelector('.gg-table-wrap');
    return {side: r('.gg-side'), graph: r('.gg-network'), wrap: r('.gg-table-wrap'),
            sideways: wrap.scrollWidth - wrap.clientWidth,
            page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            heads: Array.from(document.querySelectorAll('#gg-table thead th'))
              .filter(th => th.offsetWidth > 0).map(th => th.getBoundingClientRect().right)};
}"""


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_long_actor_name_wraps_inside_the_table(page, tmp_path, size):
    """The table's six columns stay inside the side, the whole name on hover (the table
    had run 21 px past the side's right edge, the Sign column cut off)."""
    G = graph.load(DATA).to_networkx()
    G.nodes["PRK"]["name"] = LONG
    page.set_viewport_size({"width": size[0], "height": size[1]})
    open_view(page, G, tmp_path, fragment="date=2020-06")
    page.locator("#gg-table").scroll_into_view_if_needed()
    box = page.evaluate(BOXES)
    assert box["sideways"] <= 1 and box["page"] <= 0
    assert len(box["heads"]) == 6 and max(box["heads"]) <= box["wrap"]["right"] + 1
    assert (
        page.locator("#gg-table button.gg-cell", has_text="Democratic").first.get_attribute("title")
        == LONG
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_graph_keeps_the_width_where_the_side_would_squeeze_it(page, tmp_path, size):
    """Beside the graph on a desktop; under it on an upright tablet as on a phone (beside
    it at 768 px the graph had a column of 396 px); names of usual length keep their
    words whole in the table."""
    page.set_viewport_size({"width": size[0], "height": size[1]})
    open_view(page, graph.load(DATA).to_networkx(), tmp_path, fragment="date=2020-06")
    box = page.evaluate(BOXES)
    width = size[0]
    if width >= 1024:
        assert (
            box["side"]["left"] >= box["graph"]["right"] - 1 and box["graph"]["width"] > 0.6 * width
        )
    else:
        assert (
            box["side"]["top"] >= box["graph"]["bottom"] - 1 and box["graph"]["width"] >= width - 2
        )
        # a phone's area is as tall as the graph's frame (76-controls.js), 240 px at least
        assert box["graph"]["height"] >= (0.5 * size[1] if width > 720 else 240)
    assert "gg-tight" not in page.locator("#gg-table").get_attribute("class")


def test_names_break_anywhere_only_while_the_rows_shown_need_it(page, tmp_path, screenshot):
    """The table's break mode (names broken anywhere, gg-tight) goes once the long name's
    rows are filtered out, and the names of the rows left keep their words whole; it had
    stayed on until the page was reloaded. It comes back with the long name's rows."""
    G = graph.load(DATA).to_networkx()
    G.nodes["PRK"]["name"] = LONG
    open_view(page, G, tmp_path, fragment="date=2020-06")
    table = page.locator("#gg-table")
    assert "gg-tight" in table.get_attribute("class")
    page.evaluate("window.geograph.set({filters: {group: ['group:Great powers']}})")
    page.wait_for_function("!document.querySelector('#gg-table[aria-busy]')")
    names = page.evaluate(
        "Array.from(document.querySelectorAll('#gg-table td.gg-col-source button'))"
        ".map(b => b.textContent)"
    )
    assert names and "Democratic" not in " ".join(names)
    assert "gg-tight" not in table.get_attribute("class")
    box = page.evaluate(BOXES)
    assert box["sideways"] <= 1 and max(box["heads"]) <= box["wrap"]["right"] + 1
    screenshot(page, "table-whole-words-again")
    every = ["group:Great powers", "group:International", "group:Korean Peninsula"]
    page.evaluate("groups => window.geograph.set({filters: {group: groups}})", every)
    page.wait_for_function("!document.querySelector('#gg-table[aria-busy]')")
    assert "gg-tight" in table.get_attribute("class")
    box = page.evaluate(BOXES)
    assert box["sideways"] <= 1 and max(box["heads"]) <= box["wrap"]["right"] + 1
    screenshot(page, "table-broken-names")


# The room between a row's status word and its sign's key (CSS px), the least of the rows.
STATUS_GAP = """() => Math.min(...[...document.querySelectorAll('#gg-table tbody tr')].map(row => {
    const sign = row.querySelector('td.gg-col-sign'), text = document.createRange();
    text.selectNodeContents(sign.previousElementSibling);
    const key = sign.querySelector('.gg-line-swatch') || sign;
    return key.getBoundingClientRect().left - text.getBoundingClientRect().right;
}))"""


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_status_word_never_touches_the_sign_key_beside_it(page, tmp_path, size):
    """At 1280 px "forecast" ran into the next cell's key (cells had 1 px of padding)."""
    page.set_viewport_size({"width": size[0], "height": size[1]})
    open_view(page, graph.load(DATA).to_networkx(), tmp_path)
    page.locator("#gg-table").scroll_into_view_if_needed()
    assert page.evaluate("document.querySelectorAll('#gg-table tbody tr').length") == 23
    assert page.evaluate(STATUS_GAP) >= 3
