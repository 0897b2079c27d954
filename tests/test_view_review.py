"""Defects a new user's tryout of the shipped data's view found, in headless Chromium.

One desktop page (1280x800) and one phone page (390x844, touch) are shared by
the module; each test loads the shipped data's page afresh with its fragment.
"""

from __future__ import annotations

import pytest
from viewpages import fail_on_problems, reopen_view, shared_page, shipped_page_file

import graph

pytestmark = pytest.mark.browser

PHONE = {"has_touch": True, "is_mobile": True, "device_scale_factor": 2}


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    return shipped_page_file(tmp_path_factory, "review")


@pytest.fixture(scope="module")
def desk(browser):
    with shared_page(browser) as pg:
        yield pg


@pytest.fixture(scope="module")
def phone(browser):
    with shared_page(browser, 390, 844, **PHONE) as pg:
        yield pg


@pytest.fixture(autouse=True)
def _no_problems(request):
    checks = [
        fail_on_problems(request.getfixturevalue(n))
        for n in ("desk", "phone")
        if n in request.fixturenames
    ]
    for check in checks:
        next(check)
    yield
    for check in checks:
        next(check, None)


def rect(pg, selector: str) -> dict:
    return pg.evaluate(
        "s => { const r = document.querySelector(s).getBoundingClientRect();"
        " return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; }",
        selector,
    )


def meets(a: dict, b: dict) -> bool:
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
    )


# Boxes of the shown actors (shape and name), in page pixels.
ACTOR_BOXES = """() => {
    const g = window.geograph, net = g.network, r = document.querySelector("#gg-network canvas").getBoundingClientRect();
    net.redraw();
    return g.nodes.get({filter: n => !n.hidden}).map(n => {
        const b = net.getBoundingBox(n.id), a = net.canvasToDOM({x: b.left, y: b.top}),
              c = net.canvasToDOM({x: b.right, y: b.bottom});
        return {id: g.dataId(n.id), left: r.left + a.x, top: r.top + a.y, right: r.left + c.x, bottom: r.top + c.y};
    });
}"""


def screen_legend(pg) -> list[str]:
    return pg.eval_on_selector_all(
        "#gg-legend .gg-legend-row:not([hidden]) .gg-legend-entry, #gg-legend .gg-legend-note",
        "els => els.filter(e => e.getClientRects().length).map(e => e.textContent.trim())",
    )


def export_texts(pg) -> list[str]:
    pg.evaluate("window.geograph.exportPNG({scale: 1})")
    info = pg.evaluate("window.geograph.exportInfo()")
    return [e["label"] for e in info["legend"]] + info["texts"]


# ---------- 1, 3: the legend says what is drawn, on screen and in the PNG ----------


def test_bloc_colours_are_in_both_legends(desk, shipped):
    reopen_view(desk, shipped, "date=2020-06&color=bloc")
    screen = " | ".join(screen_legend(desk))
    assert "bloc 1: China, North Korea, Russia" in screen
    assert "Great powers" not in screen and "Korean Peninsula" not in screen
    png = " | ".join(export_texts(desk))
    assert "bloc 1: China, North Korea, Russia" in png and "Great powers" not in png
    # and back: by group again, on screen
    desk.select_option("#gg-color", "group")
    screen = " | ".join(screen_legend(desk))
    assert "Great powers" in screen and "bloc 1" not in screen


def test_size_is_in_both_legends(desk, shipped):
    reopen_view(desk, shipped, "date=2020-06&size=betweenness")
    assert "Size: betweenness centrality" in screen_legend(desk)
    assert "Size: betweenness centrality" in export_texts(desk)


# ---------- 2: the bloc line moves nothing; no actor under the legend ----------


def test_blocs_line_does_not_push_the_graph_and_legend_covers_no_actor(desk, shipped):
    reopen_view(desk, shipped, "compare=2018&date=2020-06")
    top = rect(desk, "#gg-network")["top"]
    desk.select_option("#gg-layout", "map")
    desk.select_option("#gg-color", "bloc")
    assert rect(desk, "#gg-network")["top"] == top
    desk.select_option("#gg-layout", "force")
    desk.select_option("#gg-size", "betweenness")
    desk.wait_for_timeout(300)
    legend = rect(desk, "#gg-legend-box")
    under = [b["id"] for b in desk.evaluate(ACTOR_BOXES) if meets(b, legend)]
    assert under == []


# ---------- 4, 5: tooltips ----------


def test_tooltip_is_above_the_legend(desk, shipped):
    reopen_view(desk, shipped)
    desk.mouse.move(5, 5)
    at = desk.evaluate(
        """() => { const g = window.geograph, net = g.network;
            const d = net.canvasToDOM(net.getPosition(g.visId('PRK')));
            const c = document.querySelector('#gg-network canvas').getBoundingClientRect();
            return {x: c.left + d.x, y: c.top + d.y}; }"""
    )
    desk.mouse.move(at["x"], at["y"])
    desk.locator("div.vis-tooltip").wait_for(state="visible", timeout=3000)
    # the tooltip moved over the legend's middle, as the sanction relation's was
    hidden = desk.evaluate(
        """() => { const t = document.querySelector('div.vis-tooltip');
            const l = document.querySelector('#gg-legend-box').getBoundingClientRect();
            const n = document.querySelector('#gg-network').getBoundingClientRect();
            t.style.left = (l.left - n.left + 10) + 'px'; t.style.top = (l.top - n.top + 10) + 'px';
            t.style.pointerEvents = 'auto';  // vis-network's none would hide it from elementFromPoint
            const r = t.getBoundingClientRect();
            return !t.contains(document.elementFromPoint(r.left + 5, r.top + 5)); }"""
    )
    assert not hidden, "the legend hides the tooltip"


def test_hover_tooltip_stays_in_the_window(desk, shipped):
    reopen_view(desk, shipped)
    desk.mouse.move(5, 5)
    at = desk.evaluate(
        """() => { const g = window.geograph, net = g.network;
            const c = document.querySelector('#gg-network canvas').getBoundingClientRect();
            // the actor lowest and furthest right: its tooltip would pass the window's corner
            let best = null;
            g.nodes.get({filter: n => !n.hidden}).forEach(n => {
                const d = net.canvasToDOM(net.getPosition(n.id));
                if (!best || d.x + d.y > best.x + best.y) best = {x: d.x, y: d.y};
            });
            return {x: c.left + best.x, y: c.top + best.y}; }"""
    )
    desk.mouse.move(at["x"], at["y"])
    tip = desk.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=3000)
    r = tip.bounding_box()
    assert (
        r["x"] >= 0 and r["y"] >= 0 and r["x"] + r["width"] <= 1280 and r["y"] + r["height"] <= 800
    )


def test_phone_tap_opens_the_sheet_without_a_tooltip(phone, shipped):
    reopen_view(phone, shipped)
    at = phone.evaluate(
        """() => { const g = window.geograph, net = g.network;
            const d = net.canvasToDOM(net.getPosition(g.visId('KOR')));
            const c = document.querySelector('#gg-network canvas').getBoundingClientRect();
            return {x: c.left + d.x, y: c.top + d.y}; }"""
    )
    phone.touchscreen.tap(at["x"], at["y"])
    phone.wait_for_function("window.geograph.state().focus === 'KOR'")
    phone.wait_for_timeout(400)  # past vis-network's tooltip delay
    assert phone.locator("#gg-panel.gg-open").is_visible()
    assert not phone.evaluate(
        "[...document.querySelectorAll('div.vis-tooltip')].some(t => t.getClientRects().length &&"
        " getComputedStyle(t).visibility === 'visible')"
    )


# ---------- 8: compare needs two dates ----------


def test_compare_without_a_date_compares_to_the_last_date(desk, shipped):
    reopen_view(desk, shipped, "compare=2018")
    st = desk.evaluate("window.geograph.state()")
    last = desk.evaluate("window.geograph.payload.timeline.slice(-1)[0]")
    assert st["compare"] == "2018" and st["date"] == last
    assert desk.evaluate("window.geograph.changes()") is not None
    assert desk.locator("#gg-legend-compare").is_visible()


def test_slider_to_all_time_ends_the_compare(desk, shipped):
    reopen_view(desk, shipped, "compare=2018&date=2020-06")
    desk.evaluate(
        "() => { const s = document.querySelector('#gg-date'); s.value = '0';"
        " s.dispatchEvent(new Event('input', {bubbles: true})); }"
    )
    st = desk.evaluate("window.geograph.state()")
    assert st["date"] is None and st["compare"] is None
    assert desk.input_value("#gg-compare") == ""
    assert "compared" not in desk.locator(".gg-table caption").inner_text()


# ---------- 9: minor ----------


def test_one_actor_within_reach_is_singular(desk, shipped):
    reopen_view(desk, shipped, "focus=INTL")
    text = desk.locator("#gg-panel .gg-focus").inner_text()
    assert "1 actor," in text and "1 actors" not in text


def test_search_status_heads_its_list(desk, shipped):
    reopen_view(desk, shipped)
    desk.fill("#gg-search", "pyongyang")
    desk.wait_for_function(
        "document.querySelector('.gg-search-status').textContent.includes('match')"
    )
    status, listbox = rect(desk, ".gg-search-status"), rect(desk, ".gg-search-list")
    # one drop-down: the count spans the list and sits right on it, not a tag over "Date"
    assert abs(status["left"] - listbox["left"]) < 1 and abs(status["right"] - listbox["right"]) < 1
    assert abs(status["bottom"] - listbox["top"]) < 1


# ---------- 7: counted pairs read and explained ----------


def _cancelling_graph():
    """The article graph with 14 relations between China and Russia, whose signs cancel out."""
    from viewpages import article_graph, relation_types

    G, types = article_graph(), relation_types()
    for i in range(14):
        rel = "cooperate" if i % 2 else "reduce-relations"
        G.add_edge(
            "CHN", "RUS", key=f"cr{i}", id=f"cr{i}", source="CHN", target="RUS", relation=rel,
            sign=types[rel]["sign"], intensity=types[rel]["intensity"], directed=True,
            status="fact", start="2019", end=None, source_id="dw", said_by=None,
            quote=f"quote {i}", note=None,
        )  # fmt: skip
    return G


@pytest.fixture(scope="module")
def counted(tmp_path_factory):
    """The article graph with 14 relations between China and Russia, whose signs cancel out."""
    from graph.view import render_html

    return render_html(_cancelling_graph(), tmp_path_factory.mktemp("counted") / "counted.html")


PAIR_COUNT = (
    "window.geograph.edgeLabels().filter(b => b.id.startsWith('geograph:pair:') && b.text === '14')"
)


@pytest.mark.parametrize("layout", ["force", "map"])
def test_counted_pair_number_is_drawn_on_a_white_ground(desk, counted, layout):
    reopen_view(desk, counted, f"layout={layout}")
    desk.evaluate("window.geograph.network.redraw()")
    boxes = desk.evaluate(PAIR_COUNT)
    assert len(boxes) == 1
    assert boxes[0]["height"] >= 11  # as the relation names, whatever the zoom
    # a click on the number opens the pair
    r = rect(desk, "#gg-network canvas")
    b = boxes[0]
    desk.mouse.click(r["left"] + b["x"] + b["width"] / 2, r["top"] + b["y"] + b["height"] / 2)
    desk.wait_for_function("window.geograph.state().pair !== null")
    assert sorted(desk.evaluate("window.geograph.state().pair")) == ["CHN", "RUS"]


def test_grey_counted_pair_is_in_both_legends(desk, counted):
    reopen_view(desk, counted)
    screen = " | ".join(screen_legend(desk))
    assert "mixed pair (signs cancel out)" in screen
    assert "a number: relations of the pair" in screen
    assert "mixed pair (signs cancel out)" in export_texts(desk)


def test_with_a_neutral_relation_the_grey_has_one_entry(desk, tmp_path):
    # a neutral relation's grey and a cancelling pair's grey: two grey entries
    # ("neutral", "neutral or mixed pair") could not be told apart
    from graph.view import render_html

    G = _cancelling_graph()
    G.add_edge(
        "USA", "KOR", key="talk", id="talk", source="USA", target="KOR", relation="consult",
        sign=0, intensity=1.0, directed=False, status="fact", start="2019", end=None,
        source_id="dw", said_by=None, quote="they talked", note=None,
    )  # fmt: skip
    reopen_view(desk, render_html(G, tmp_path / "neutral.html"))
    greys = [t for t in screen_legend(desk) if "neutral" in t or "mixed" in t]
    assert greys == ["neutral or mixed pair"]
    export_texts(desk)
    legend = [e["label"] for e in desk.evaluate("window.geograph.exportInfo()")["legend"]]
    assert [t for t in legend if "neutral" in t or "mixed" in t] == ["neutral or mixed pair"]
    # the entry still filters the neutral sign
    desk.get_by_role("button", name="neutral or mixed pair").click()
    assert desk.evaluate("window.geograph.state().filters.sign") == ["neutral"]


# ---------- 6: names readable on a phone's first frame, the graph at the top ----------

TWO_FRAMES = "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
NAMES = """() => {
    const g = window.geograph, net = g.network, s = net.getScale();
    const c = document.querySelector('#gg-network canvas').getBoundingClientRect();
    const shown = g.nodes.get({filter: n => !n.hidden}).map(n => net.body.nodes[n.id]);
    const top = Math.min(...shown.map(n => net.canvasToDOM({x: 0, y: net.getBoundingBox(n.id).top}).y));
    return {px: Math.min(...shown.map(n => n.options.font.size * s)), top: top, height: c.height};
}"""


@pytest.mark.parametrize("layout", ["force", "map"])
def test_phone_first_frame_names_are_readable_and_the_graph_on_top(phone, counted, layout):
    reopen_view(phone, counted, f"layout={layout}")
    names = phone.evaluate(NAMES)
    assert names["px"] >= 11
    assert names["top"] < 30, "an empty band above the graph"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A GDELT import over the 143 countries of the synthetic export, drawn as a small graph."""
    pytest.importorskip("duckdb")
    from benchmarks.bench_import import make_gdelt_file

    from graph.events import import_gdelt
    from graph.view import render_html

    tmp = tmp_path_factory.mktemp("world")
    make_gdelt_file(tmp / "events.CSV", 3000)
    import_gdelt([tmp / "events.CSV"], tmp / "data", period="month", progress=False)
    return render_html(graph.load(tmp / "data"), tmp / "world.html")


def test_phone_world_map_names_are_readable(phone, world, screenshot):
    reopen_view(phone, world)
    assert phone.evaluate("window.geograph.state().layout.name") == "map"
    assert phone.evaluate("window.geograph.payload.nodes.length") >= 140
    assert not phone.evaluate("window.geograph.payload.large")
    names = phone.evaluate(NAMES)
    assert names["px"] >= 11, names  # 7-10 px, the names' growth capped at 4 x 26
    # framed under the legend's line, at the top: no band of 200 px above the map
    legend = rect(phone, "#gg-legend-box")["bottom"] - rect(phone, "#gg-network")["top"]
    assert legend < names["top"] < legend + 40, names
    # fewer, not smaller: a zoom and a fit come back to readable names
    phone.evaluate("window.geograph.network.moveTo({scale: 0.03})")
    phone.evaluate(TWO_FRAMES)
    assert phone.evaluate(NAMES)["px"] >= 11
    phone.click("#gg-fit")
    phone.evaluate(TWO_FRAMES)
    assert phone.evaluate(NAMES)["px"] >= 11
    screenshot(phone, "review-phone-world-names")


CAMERA = (
    "(() => { const n = window.geograph.network; return [n.getScale(), n.getViewPosition()]; })()"
)
ACTORS = """() => {
    const net = window.geograph.network, r = net.body.container.getBoundingClientRect();
    return window.geograph.nodes.get({filter: n => !n.hidden}).map(n => {
        const b = net.getBoundingBox(n.id), a = net.canvasToDOM({x: b.left, y: b.top}),
              c = net.canvasToDOM({x: b.right, y: b.bottom});
        return {id: n.id, left: r.left + a.x, top: r.top + a.y, right: r.left + c.x, bottom: r.top + c.y};
    });
}"""


def test_opening_the_legend_over_a_full_map_moves_no_view(desk, world, screenshot):
    """A short frame (a notebook's): the legend starts folded, every corner has actors."""
    desk.set_viewport_size({"width": 1000, "height": 560})
    try:
        reopen_view(desk, world)
        legend = desk.locator("#gg-legend-box")
        assert legend.get_attribute("open") is None
        desk.evaluate(TWO_FRAMES)
        before = desk.evaluate(CAMERA)
        legend.locator("summary").click()
        desk.evaluate(TWO_FRAMES)
        assert legend.get_attribute("open") is not None
        # the map stayed put (it was framed again beside the legend, under the map's note)
        assert desk.evaluate(CAMERA) == before
        screenshot(desk, "review-short-map-legend-opened")
        # Fit chooses a new view: then the actors are framed clear of the open legend
        desk.click("#gg-fit")
        desk.evaluate(TWO_FRAMES)
        for note in ("#gg-legend-box", "#gg-offmap"):  # nor under the map's note
            box = rect(desk, note)
            assert [a["id"] for a in desk.evaluate(ACTORS) if meets(a, box)] == [], note
        screenshot(desk, "review-short-map-legend-fit")
    finally:
        desk.set_viewport_size({"width": 1280, "height": 800})


def test_desktop_names_are_readable(desk, shipped):
    reopen_view(desk, shipped)
    assert desk.evaluate(NAMES)["px"] >= 11
