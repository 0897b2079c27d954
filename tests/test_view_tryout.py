"""What a new user met on the shipped data's page, at 1280x800 and on a 390x844 phone.

Each test is one defect found by trying the page in headless Chromium:
selecting scrolled the details out of sight, a click on a relation's drawn
name selected the nearest other line, the phone's search list ran off the
screen, a bad URL left the slider and filters disagreeing with what was
drawn, and compare mode's legend still named the sign colours.

The page is loaded once per viewport: each test starts from the state,
camera and scroll positions the page opened with (restored through
``window.geograph`` and checked), and only the tests of an opening URL
load it again.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from viewpages import fail_on_problems, reopen_view, shared_page, shipped_page_file

pytestmark = pytest.mark.browser

VIEWPORTS = {
    "desktop": {"width": 1280, "height": 800, "options": {}},
    "phone": {"width": 390, "height": 844, "options": {"is_mobile": True, "has_touch": True}},
}

# Where things are after a selection: the page's and the side panel's scroll,
# the details' heading, the graph's top, and the focused actor's neighbours.
_SIGHT = """() => {
    const g = window.geograph, net = g.network, st = g.state();
    const canvas = document.querySelector('#gg-network canvas').getBoundingClientRect();
    const panel = document.getElementById('gg-panel'), sheet = panel.getBoundingClientRect();
    const fixed = getComputedStyle(panel).position === 'fixed';
    const h2 = panel.querySelector('h2'), head = h2 ? h2.getBoundingClientRect() : null;
    const seenBottom = Math.min(canvas.bottom, innerHeight, fixed ? sheet.top : Infinity);
    const out = [];
    if (st.focus) for (const id of g.reach(st.focus, st.depth, st.direction).nodes) {
        const d = net.canvasToDOM(net.getPosition(g.visId(id)));
        const x = canvas.left + d.x, y = canvas.top + d.y;
        if (x < canvas.left || x > canvas.right || y < Math.max(canvas.top, 0) || y > seenBottom) out.push(id);
    }
    return {page: scrollY, side: document.querySelector('.gg-side').scrollTop,
            heading: head && head.top >= 0 && head.bottom <= innerHeight,
            graphTop: canvas.top, outOfSight: out,
            row: !!document.querySelector('#gg-table tr.gg-current[data-id="' + st.edge + '"]')};
}"""


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    """The shipped data's page, written once for the module."""
    return shipped_page_file(tmp_path_factory, "tryout")


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def pg(request, browser):
    v = VIEWPORTS[request.param]
    with shared_page(browser, v["width"], v["height"], **v["options"]) as page:
        page.phone = request.param == "phone"
        yield page


# The opening state, camera and scroll positions, kept at the first load and put back later.
_KEEP = """() => { const g = window.geograph, n = g.network;
    window.__opening = {state: g.state(), position: n.getViewPosition(), scale: n.getScale()}; }"""
_RESTORE = """async () => {
    const g = window.geograph, n = g.network, o = window.__opening;
    if (document.activeElement) document.activeElement.blur();
    const search = document.getElementById('gg-search');
    if (search.value) { search.value = ''; search.dispatchEvent(new Event('input', {bubbles: true})); }
    g.clearSelection();
    g.set(o.state);
    n.moveTo({position: o.position, scale: o.scale, animation: false});
    scrollTo(0, 0);
    document.querySelector('.gg-side').scrollTop = 0;
    const wrap = document.querySelector('.gg-table-wrap');
    if (wrap) wrap.scrollTop = 0;
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    const now = n.getViewPosition();
    return {same: JSON.stringify(g.state()) === JSON.stringify(o.state),
            camera: Math.abs(now.x - o.position.x) < 0.5 && Math.abs(now.y - o.position.y) < 0.5
                    && Math.abs(n.getScale() - o.scale) < 1e-6};
}"""


def _opened(pg, page_file: Path) -> None:
    """The page as it opened: loaded on first use, then its opening state put back."""
    if getattr(pg, "opened", None) != page_file:
        reopen_view(pg, page_file)
        pg.evaluate(_KEEP)
        pg.opened = page_file
        return
    assert pg.evaluate(_RESTORE) == {"same": True, "camera": True}


def _reopen(pg, page_file: Path, fragment: str) -> None:
    """Load the page at ``fragment``: the next test loads it plain again."""
    pg.opened = None
    reopen_view(pg, page_file, fragment)


@pytest.fixture(autouse=True)
def _clean(pg):
    """A request, a console error or an uncaught exception fails the test that caused it."""
    yield from fail_on_problems(pg)


def _press(pg, x: float, y: float) -> None:
    """A tap on the phone, a click on the desktop, at page coordinates."""
    if pg.phone:
        pg.touchscreen.tap(x, y)
    else:
        pg.mouse.click(x, y)


def _canvas(pg) -> dict:
    return pg.locator("#gg-network canvas").bounding_box()


def test_a_click_on_every_drawn_name_selects_its_relation(pg, page_file):
    _opened(pg, page_file)
    labels = pg.evaluate("window.geograph.edgeLabels()")
    assert len(labels) >= (6 if pg.phone else 10)  # a phone's canvas names fewer
    box, wrong = _canvas(pg), []
    # one round trip per name: the last click's outcome, the selection cleared, the name's box now
    step = """([last, id]) => { const g = window.geograph, st = g.state();
        const was = last === null ? null : [st.edge, st.focus];
        g.clearSelection();
        return [was, g.edgeLabels().find(x => x.id === id) || null]; }"""
    last = None
    for label in [*labels, None]:
        was, b = pg.evaluate(step, [last and last["id"], label and label["id"]])
        if last is not None and was[0] != last["id"]:
            wrong.append((last["id"], last["text"], *was))
        if label is None:
            break
        b = b or label
        _press(pg, box["x"] + b["x"] + b["width"] / 2, box["y"] + b["y"] + b["height"] / 2)
        last = label
    assert wrong == []


def test_selecting_keeps_the_details_and_the_graph_in_sight(pg, page_file):
    _opened(pg, page_file)
    start = pg.evaluate(_SIGHT)
    box = _canvas(pg)
    # a relation by its name in the graph, then by the API, then an actor in the graph
    # (the first drawn: on a phone, actor names at a readable size leave room for fewer)
    label = pg.evaluate("window.geograph.edgeLabels()")[0]
    _press(
        pg, box["x"] + label["x"] + label["width"] / 2, box["y"] + label["y"] + label["height"] / 2
    )
    seen = pg.evaluate(_SIGHT)
    assert (seen["page"], seen["side"], seen["heading"], seen["row"]) == (0, 0, True, True)
    assert seen["graphTop"] == start["graphTop"]
    pg.evaluate("window.geograph.set({edge: 'R12'})")
    seen = pg.evaluate(_SIGHT)
    assert (seen["page"], seen["side"], seen["heading"], seen["row"]) == (0, 0, True, True)
    at = pg.evaluate(
        "(() => { const n = window.geograph.network; return n.canvasToDOM(n.getPosition('KOR')); })()"
    )
    _press(pg, box["x"] + at["x"], box["y"] + at["y"])
    seen = pg.evaluate(_SIGHT)
    assert pg.evaluate("window.geograph.state().focus") == "KOR"
    assert (seen["page"], seen["side"], seen["heading"], seen["outOfSight"]) == (0, 0, True, [])


def test_focusing_a_hub_keeps_its_neighbours_in_the_graph(pg, page_file):
    _opened(pg, page_file)
    pg.evaluate("window.geograph.network.moveTo({scale: 2.5, animation: false})")
    # as the search, the table or the URL focus: the actor is centred, zoomed in at most so far
    pg.evaluate("window.geograph.focusNode('PRK')")
    seen = pg.evaluate(_SIGHT)
    assert len(pg.evaluate("window.geograph.reach('PRK', 1, 'both').nodes")) == 6
    assert seen["outOfSight"] == [] and seen["page"] == 0


def test_the_table_scrolls_inside_itself_when_the_user_is_in_it(pg, page_file):
    _opened(pg, page_file)
    first = pg.locator("#gg-table tbody tr .gg-col-type button").first
    first.focus()
    before = pg.evaluate(_SIGHT)
    for _ in range(22):
        pg.keyboard.press("ArrowDown")
    inside = pg.evaluate(
        """() => { const a = document.activeElement.getBoundingClientRect();
            const w = document.querySelector('.gg-table-wrap');
            const r = w.getBoundingClientRect();
            return {scrolled: w.scrollTop > 0, inside: a.top >= r.top && a.bottom <= r.bottom + 1}; }"""
    )
    after = pg.evaluate(_SIGHT)
    assert inside == {"scrolled": True, "inside": True}
    assert (after["side"], after["page"]) == (before["side"], before["page"])
    pg.keyboard.press("Enter")  # the last row's relation: its row stays in the table's box
    assert pg.evaluate("window.geograph.state().edge") is not None
    assert pg.evaluate(_SIGHT)["row"]


def test_the_search_list_and_its_count_fit_and_move_nothing(pg, page_file):
    _opened(pg, page_file)
    controls = "#gg-date, #gg-fit, #gg-count, #gg-network, .gg-time"
    where = f"""() => Array.from(document.querySelectorAll('{controls}')).map(e => {{
        const r = e.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; }})"""
    before = pg.evaluate(where)
    wide = pg.evaluate("document.documentElement.scrollWidth")  # the page's own width, at rest
    for text, status in [("korea", "7 matches"), ("xyzzy", "no match")]:
        pg.fill("#gg-search", "")
        pg.locator("#gg-search").press_sequentially(text)
        shown = pg.locator("#gg-search-status")
        assert shown.inner_text() == status and shown.is_visible()
        boxes = [shown.bounding_box()]
        if status != "no match":
            assert len(pg.locator("#gg-search-list [role=option]").all()) == 7
            boxes += [
                pg.locator(sel).bounding_box()
                for sel in ["#gg-search-list", "#gg-search-list [role=option] >> nth=2"]
            ]
        width = pg.evaluate("document.documentElement.clientWidth")
        for b in boxes:
            assert b["x"] >= 0 and b["x"] + b["width"] <= width, (text, b, width)
        assert pg.evaluate("document.documentElement.scrollWidth") == wide
        if pg.phone:
            assert wide <= width
        assert pg.evaluate(where) == before, text
    pg.keyboard.press("Escape")


def test_a_bad_fragment_leaves_slider_label_and_filters_agreeing(pg, page_file):
    _reopen(pg, page_file, "date=1999&focus=XXX&status=bogus&relation=coerce,nonsense")
    state = pg.evaluate("window.geograph.state()")
    timeline = pg.evaluate("window.geograph.payload.timeline")
    # the date before the timeline is its first date: the slider's first position
    assert state["date"] == timeline[0]
    assert pg.locator("#gg-date").input_value() == "1"
    assert pg.locator("#gg-date-label").inner_text() == timeline[0]
    assert state["focus"] is None
    # no known status listed: all kept; the unknown type beside a known one dropped
    assert state["filters"]["status"] == ["fact", "claim", "forecast"]
    assert state["filters"]["relation"] == ["coerce"]
    _reopen(pg, page_file, "date=2099-05")
    assert pg.evaluate("window.geograph.state().date") == timeline[-1]
    assert pg.locator("#gg-date").input_value() == str(len(timeline))
    # an empty status list is the user's own choice, kept
    _reopen(pg, page_file, "status=")
    assert pg.evaluate("window.geograph.state().filters.status") == []


def test_compare_mode_legend_names_what_is_drawn(pg, page_file):
    _reopen(pg, page_file, "compare=2018&date=2020-06")
    rows = pg.evaluate(
        """Array.from(document.querySelectorAll('#gg-legend .gg-legend-row'))
            .filter(r => r.getClientRects().length).map(r => r.getAttribute('aria-label'))"""
    )
    assert "Sign" not in rows and "Compare (line colour)" in rows and "Status" in rows
    # the one-line summary (a phone's closed legend) names the changes, not the signs
    keys = pg.evaluate(
        """Array.from(document.querySelectorAll('#gg-legend-box summary .gg-legend-key-signs'))
            .filter(k => !k.hidden).map(k => k.textContent)"""
    )
    assert keys == ["newendedchanged"]
    if pg.phone:
        summary = pg.locator("#gg-legend-box summary").inner_text().split()
        assert "hostile" not in summary and "new" in summary
    pg.evaluate("window.geograph.setCompare(null)")
    rows = pg.evaluate(
        """Array.from(document.querySelectorAll('#gg-legend .gg-legend-row'))
            .filter(r => r.getClientRects().length).map(r => r.getAttribute('aria-label'))"""
    )
    assert "Sign" in rows and "Compare (line colour)" not in rows
