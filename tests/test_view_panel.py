"""The details panel for keyboard and phone users, in headless Chromium.

An event import's other columns read as what they are; the focused table row
stays in sight when the details above it change; on a phone the details'
sheet takes focus as a dialog does and gives it back; a focus from the search
box or the table frames what the actor reaches as the URL's focus does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from event_files import GDELT_LINES, ICEWS_HEADER, ICEWS_LINES
from viewpages import shipped_page_file

import graph
from graph.view import render_html

pytestmark = pytest.mark.browser


def open_page(pg, path: Path, fragment: str = "") -> None:
    pg.goto(path.as_uri() + (f"#{fragment}" if fragment else ""))
    pg.wait_for_function("window.geograph && window.geograph.ready === true", timeout=20000)


def other_columns(pg) -> dict[str, str]:
    """The panel's "Other columns" as {column: text shown}."""
    return pg.evaluate(
        """() => { const h = Array.from(document.querySelectorAll('#gg-panel h3'))
                     .find(x => x.textContent === 'Other columns');
            const out = {}; if (!h) return out;
            const dts = h.nextElementSibling.querySelectorAll('dt');
            dts.forEach(dt => { out[dt.textContent] = dt.nextElementSibling.textContent; });
            return out; }"""
    )


# ---------------------------------------------------------------- event columns by name


@pytest.fixture(scope="module")
def event_pages(tmp_path_factory) -> dict[str, Path]:
    pytest.importorskip("duckdb")
    from graph.events import import_gdelt, import_icews

    tmp = tmp_path_factory.mktemp("event-panel")
    ic = tmp / "events.tab"
    ic.write_text("\t".join(ICEWS_HEADER) + "\n" + "\n".join(ICEWS_LINES) + "\n", "utf-8")
    import_icews([ic], tmp / "ic", period="month", progress=False)
    gd = tmp / "events.CSV"
    gd.write_text("\n".join(GDELT_LINES) + "\n", "utf-8")
    import_gdelt([gd], tmp / "gd", period="month", progress=False)
    return {
        name: render_html(graph.load(tmp / name).to_networkx(), tmp / f"{name}.html")
        for name in ("ic", "gd")
    }


def test_icews_whole_numbers_are_numbers_and_story_ids_are_stories(page, event_pages):
    open_page(page, event_pages["ic"], "edge=TUR-USA-2016-07-criticize")
    cols = other_columns(page)
    # two events (lines 2 and 3 of the file), CAMEO root 11, quad class 3: numbers
    assert (cols["events"], cols["quad_class"], cols["cameo"]) == ("2", "3", "11")
    assert cols["story_ids"] == "ICEWS story 101 \u00b7 ICEWS story 100"
    assert "ICEWS story" not in "".join(v for k, v in cols.items() if k != "story_ids")


def test_gdelt_numbers_stay_numbers_and_its_urls_are_links(page, event_pages):
    open_page(page, event_pages["gd"], "edge=PRK-KOR-2020-06-attack")
    cols = other_columns(page)
    assert (cols["events"], cols["mentions"], cols["quad_class"]) == ("2", "14", "4")
    assert "story" not in "".join(cols.values())
    links = page.locator("#gg-panel .gg-evidence a")
    assert sorted(links.nth(i).get_attribute("href") for i in range(links.count())) == [
        "https://a.example/1",
        "https://a.example/2",
    ]


# ---------------------------------------------------------------- the table's row in sight


def row_in_side(pg) -> dict:
    """Where the focused element's table row is, against the side's box (page px)."""
    return pg.evaluate(
        """() => { const a = document.activeElement, tr = a.closest('tr');
            const r = (tr || a).getBoundingClientRect();
            const s = document.querySelector('.gg-side').getBoundingClientRect();
            return {top: r.top, bottom: r.bottom, sideTop: s.top, sideBottom: s.bottom,
                    inTable: !!a.closest('#gg-table tbody'), text: a.textContent}; }"""
    )


def in_sight(box: dict) -> bool:
    return box["inTable"] and box["sideTop"] <= box["top"] and box["bottom"] <= box["sideBottom"]


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Path:
    return shipped_page_file(tmp_path_factory, "shipped-panel")


@pytest.mark.parametrize("column", [1, 2])  # the type cell selects, the actor cell focuses
def test_the_focused_table_row_stays_in_sight_when_the_details_open(page, shipped, column):
    open_page(page, shipped)
    page.locator("#gg-table tbody tr").first.locator("button").first.focus()
    for _ in range(4):
        page.keyboard.press("ArrowDown")
    for _ in range(column):
        page.keyboard.press("ArrowRight")
    assert in_sight(row_in_side(page))
    page.keyboard.press("Enter")
    assert page.locator("#gg-panel h2").count() == 1
    box = row_in_side(page)
    assert in_sight(box), box
    for _ in range(3):  # the arrows go on through rows in sight
        page.keyboard.press("ArrowDown")
        box = row_in_side(page)
        assert in_sight(box), box


# ---------------------------------------------------------------- a focus frames its reach


_REACH_SEEN = """() => {
    const g = window.geograph, net = g.network, st = g.state();
    const c = document.querySelector('#gg-network canvas').getBoundingClientRect();
    const lg = document.getElementById('gg-legend-box').getBoundingClientRect();
    const bad = [];
    for (const id of g.reach(st.focus, st.depth, st.direction).nodes) {
        const b = net.getBoundingBox(g.visId(id));  // its shape and its name
        const a = net.canvasToDOM({x: b.left, y: b.top}), z = net.canvasToDOM({x: b.right, y: b.bottom});
        const r = {left: c.left + a.x, top: c.top + a.y, right: c.left + z.x, bottom: c.top + z.y};
        const out = r.left < c.left || r.top < c.top || r.right > c.right || r.bottom > c.bottom;
        const under = r.left < lg.right && lg.left < r.right && r.top < lg.bottom && lg.top < r.bottom;
        if (out || under) bad.push({id, out, under});
    }
    return {focus: st.focus, bad};
}"""


def test_a_focus_from_the_search_box_keeps_every_reached_actor_in_sight(page, shipped):
    open_page(page, shipped)
    page.fill("#gg-search", "United States")
    page.keyboard.press("Enter")
    page.wait_for_timeout(100)  # the legend's corner is chosen in an animation frame
    assert page.evaluate(_REACH_SEEN) == {"focus": "USA", "bad": []}


def test_a_focus_from_the_table_keeps_every_reached_actor_in_sight(page, shipped):
    open_page(page, shipped)
    cell = page.locator("#gg-table tbody button.gg-cell", has_text="United States").first
    cell.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(100)
    assert page.evaluate(_REACH_SEEN) == {"focus": "USA", "bad": []}


# ---------------------------------------------------------------- the phone's sheet as a dialog


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
    )
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert errors == []


_WHERE = """() => { const a = document.activeElement, p = document.getElementById('gg-panel');
    return {inSheet: p.contains(a), fixed: getComputedStyle(p).position === 'fixed',
            close: a.classList.contains('gg-close'), row: a.closest('tr') ? a.closest('tr').dataset.id : null,
            text: a.textContent}; }"""


def tab_stops(pg, n: int, key: str = "Tab") -> list[dict]:
    out = []
    for _ in range(n):
        pg.keyboard.press(key)
        out.append(pg.evaluate(_WHERE))
    return out


@pytest.mark.parametrize("key", ["Tab", "Shift+Tab"])
def test_the_phone_sheet_holds_focus_and_gives_it_back(phone, shipped, key):
    open_page(phone, shipped)
    cell = phone.locator("#gg-table tbody tr").nth(2).locator("button.gg-cell").first
    cell.focus()
    row = phone.evaluate(_WHERE)["row"]
    phone.keyboard.press("Enter")
    where = phone.evaluate(_WHERE)
    assert where["fixed"] and where["inSheet"], where  # the sheet has focus, not the table under it
    stops = tab_stops(phone, 40, key)
    assert [s for s in stops if not s["inSheet"]] == []
    assert any(s["close"] for s in stops)
    phone.keyboard.press("Escape")
    back = phone.evaluate(_WHERE)
    assert (back["inSheet"], back["row"]) == (False, row)  # where it came from


def test_the_phone_sheet_opened_by_the_api_starts_tab_at_close(phone, shipped):
    open_page(phone, shipped)
    phone.evaluate("window.geograph.set({edge: 'R05'})")
    first = tab_stops(phone, 1)[0]
    assert first["inSheet"] and first["close"], first
    phone.keyboard.press("Enter")  # Close
    assert phone.evaluate("window.geograph.state().edge") is None
    assert phone.evaluate(_WHERE)["inSheet"] is False


def test_the_phone_sheet_is_a_modal_dialog_named_by_its_heading(phone, shipped):
    open_page(phone, shipped)
    panel = phone.locator("#gg-panel")
    assert phone.get_by_role("dialog").count() == 0  # no selection: no sheet
    phone.evaluate("window.geograph.set({edge: 'R05'})")
    heading = panel.locator("h2").inner_text()
    dialog = phone.get_by_role("dialog", name=f"Details: {heading}", exact=True)
    assert dialog.count() == 1 and dialog.get_attribute("aria-modal") == "true"
    # what assistive technology reads: a dialog of that name holding the details
    tree = phone.locator("body").aria_snapshot()
    assert f'dialog "Details: {heading}"' in tree, tree
    assert "Close" in dialog.aria_snapshot()
    # another selection renames it; closing it leaves the page's "Details" region
    phone.evaluate("window.geograph.set({focus: 'PRK'})")
    name = f"Details: {panel.locator('h2').inner_text()}"
    assert name != f"Details: {heading}" and phone.get_by_role("dialog", name=name).count() == 1
    phone.keyboard.press("Escape")
    assert phone.get_by_role("dialog").count() == 0
    assert phone.get_by_role("region", name="Details", exact=True).count() == 1
    # on a desktop's width the details are beside the graph: no dialog
    phone.evaluate("window.geograph.set({edge: 'R05'})")
    assert phone.get_by_role("dialog").count() == 1
    phone.set_viewport_size({"width": 1280, "height": 800})
    phone.wait_for_function("!document.querySelector('#gg-panel[role=dialog]')")
    assert phone.get_by_role("region", name="Details", exact=True).count() == 1
