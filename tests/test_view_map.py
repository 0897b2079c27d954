"""The map layout, "Size by" and focus further, in headless Chromium.

Positions are checked against the shipped outline twice: in Python (shapely
on the polygons of graph/outline/countries-110m.json) and in the page (the
country whose drawn path holds the actor's canvas position).
"""

from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
import pytest
from benchmarks.bench_import import _COUNTRIES
from event_files import GDELT_LINES, gdelt_line
from hostile import FORBIDDEN_SELECTORS, HOSTILE, TRAP
from maps import country_shape
from shapely.geometry import Point
from viewpages import (
    fail_on_problems,
    link_fragment,
    open_view,
    reopen_view,
    shared_page,
    take_problems,
)

import graph
from graph.events import import_gdelt
from graph.geo import outline

pytestmark = pytest.mark.browser

DATA = Path(__file__).resolve().parent.parent / "data"
FIVE = ["PRK", "KOR", "USA", "CHN", "RUS"]


@pytest.fixture(scope="module")
def article():
    return graph.load(DATA).to_networkx()


@pytest.fixture(scope="module")
def article_page(article, tmp_path_factory) -> Path:
    """The shipped data's page, written once for the module."""
    return graph.render_html(article, tmp_path_factory.mktemp("map") / "article.html")


@pytest.fixture(scope="module")
def page(browser):
    """One page for the module (a fresh context per test cost more than the tests)."""
    with shared_page(browser) as pg:
        yield pg


@pytest.fixture(autouse=True)
def _clean(page):
    """A request, a console error or an uncaught exception fails the test that caused it."""
    yield from fail_on_problems(page)


def _positions(page) -> dict:
    return page.evaluate(
        "(() => { const g = window.geograph, out = {};"
        " Object.entries(g.network.getPositions()).forEach(([k, p]) => { out[g.dataId(k)] = p; });"
        " return out; })()"
    )


def test_map_shows_the_five_states_where_they_are(page, article_page, screenshot):
    reopen_view(page, article_page, "layout=map")
    assert page.evaluate("window.geograph.state().layout") == {"name": "map"}
    pos = _positions(page)
    for iso in FIVE:
        p = pos[iso]
        assert country_shape(iso).contains(Point(p["x"], p["y"])), iso
        assert page.evaluate(f"window.geograph.countryAt({p['x']}, {p['y']})") == iso
    # INTL is not dropped: it stands beside the map and is listed as not on it
    assert (
        page.evaluate(f"window.geograph.countryAt({pos['INTL']['x']}, {pos['INTL']['y']})") is None
    )
    note = page.locator("#gg-offmap")
    assert note.is_visible()
    assert note.inner_text() == "Not on the map: INTL (group)"
    assert page.evaluate("window.geograph.offMap()") == ["INTL"]
    # the outline is drawn: the canvas holds land colour where no node stands (mid Atlantic: none)
    assert page.evaluate("window.geograph.nodes.get('INTL').fixed.x") is True
    screenshot(page, "map-1280x800")
    assert page.locator("#gg-layout").input_value() == "map"
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        page.click("#gg-fit")
        screenshot(page, "map-390x844")
    finally:
        page.set_viewport_size({"width": 1280, "height": 800})


def test_layout_switches_and_round_trips_in_the_url(page, article_page):
    reopen_view(page, article_page)
    assert page.evaluate("window.geograph.state().layout") == {"name": "force"}
    assert page.locator("#gg-offmap").is_hidden()
    before = _positions(page)
    page.select_option("#gg-layout", "map")
    assert link_fragment(page) == "#layout=map"
    on_map = _positions(page)
    for iso in FIVE:
        assert country_shape(iso).contains(Point(on_map[iso]["x"], on_map[iso]["y"]))
    page.select_option("#gg-size", "weight")
    page.evaluate("window.geograph.set({focus: 'PRK', depth: 2, direction: 'out'})")
    fragment = link_fragment(page)
    assert fragment == "#focus=PRK&layout=map&size=weight&depth=2&direction=out"
    other = page.context.new_page()
    other.goto(page.url.split("#")[0] + fragment)
    other.wait_for_function("window.geograph && window.geograph.ready === true")
    assert other.evaluate("window.geograph.state()") == page.evaluate("window.geograph.state()")
    assert other.locator("#gg-depth").input_value() == "2"
    assert other.locator("#gg-direction").input_value() == "out"
    other.close()
    # back to force: the actors return where the force layout had them
    page.evaluate("window.geograph.set({layout: {name: 'force'}, focus: null})")
    after = _positions(page)
    assert all(
        abs(after[k]["x"] - before[k]["x"]) <= 1 and abs(after[k]["y"] - before[k]["y"]) <= 1
        for k in before
    )
    assert link_fragment(page) == "#size=weight&depth=2&direction=out"
    assert page.evaluate("window.geograph.set({layout: {name: 'globe'}}).layout") == {
        "name": "force"
    }
    # Reset brings back the page's own way of looking too
    page.evaluate("window.geograph.set({layout: {name: 'map'}, color: 'bloc', focus: 'PRK'})")
    page.click("#gg-reset")
    state = page.evaluate("window.geograph.state()")
    assert (state["layout"], state["color"], state["size"], state["depth"], state["direction"]) == (
        {"name": "force"}, "group", "relations", 1, "both"
    )  # fmt: skip
    assert state["focus"] is None and link_fragment(page) == ""


def test_size_by_follows_graph_centrality(page, article_page, article):
    reopen_view(page, article_page, "date=2020-06&status=fact,claim")
    legend = page.locator("#gg-size-legend")
    assert legend.inner_text() == "Size: number of relations"
    want = graph.centrality(article, "2020-06")
    assert page.evaluate("window.geograph.sizes()") == want["relations"].astype(int).to_dict()
    page.select_option("#gg-size", "weight")
    assert legend.inner_text() == "Size: weighted degree (sum of |intensity|)"
    weights = dict.fromkeys(article, 0.0)
    for u, v, d in article.edges(data=True):
        if d["status"] != "forecast" and graph.dates.overlaps(d["start"], d["end"], "2020-06"):
            weights[u] += abs(d["intensity"])
            if v != u:
                weights[v] += abs(d["intensity"])
    assert page.evaluate("window.geograph.sizes()") == pytest.approx(weights)
    page.select_option("#gg-size", "betweenness")
    assert legend.inner_text() == "Size: betweenness centrality"
    got = page.evaluate("window.geograph.sizes()")
    assert got == pytest.approx(want["betweenness"].to_dict(), abs=1e-6)
    # the largest value gets the largest node
    sizes = page.evaluate(
        "Object.fromEntries(window.geograph.nodes.get().map(n => [window.geograph.dataId(n.id), n.size]))"
    )
    top = max(got, key=got.get)
    assert sizes[top] == max(sizes.values()) > min(sizes.values())
    page.evaluate("window.geograph.set({date: '2018'})")
    assert page.evaluate("window.geograph.sizes()") == pytest.approx(
        graph.centrality(article, "2018")["betweenness"].to_dict(), abs=1e-6
    )


def _synthetic() -> nx.MultiDiGraph:
    """A tree of directed relations with a mutual one and a cycle, three steps deep."""
    G = nx.MultiDiGraph(name="reach")
    arcs = [
        ("A", "B", True),
        ("B", "C", True),
        ("C", "D", True),
        ("E", "A", True),
        ("F", "E", True),
        ("A", "G", False),
        ("G", "H", True),
        ("D", "A", True),
        ("I", "J", True),
    ]
    for n in "ABCDEFGHIJ":
        G.add_node(n, name=f"Actor {n}", type="group")
    for i, (u, v, directed) in enumerate(arcs):
        G.add_edge(
            u,
            v,
            key=f"r{i}",
            id=f"r{i}",
            relation="cooperate",
            sign=1,
            intensity=3.0,
            directed=directed,
            status="fact",
            start=None,
            end=None,
        )
    return G


def _digraph(G) -> nx.DiGraph:
    D = nx.DiGraph()
    D.add_nodes_from(G)
    for u, v, d in G.edges(data=True):
        D.add_edge(u, v)
        if not d["directed"]:
            D.add_edge(v, u)
    return D


def test_focus_reaches_as_far_as_ego_graph(page, tmp_path):
    G = _synthetic()
    D = _digraph(G)
    open_view(page, G, tmp_path, "focus=A")
    panel = page.locator("#gg-panel")
    assert panel.locator("#gg-depth").is_visible() and panel.locator("#gg-direction").is_visible()
    for depth in (1, 2, 3):
        for direction, H in (("both", D.to_undirected()), ("out", D), ("in", D.reverse())):
            page.select_option("#gg-depth", str(depth))
            page.select_option("#gg-direction", direction)
            bright = page.evaluate(
                "window.geograph.nodes.get({filter: n => n.opacity === 1})"
                ".map(n => window.geograph.dataId(n.id))"
            )
            want = set(nx.ego_graph(H, "A", radius=depth))
            assert set(bright) == want, (depth, direction)
            assert (
                set(page.evaluate(f"window.geograph.reach('A', {depth}, '{direction}').nodes"))
                == want
            )
    assert link_fragment(page) == "#focus=A&depth=3&direction=in"
    within = len(nx.ego_graph(D.reverse(), "A", radius=3)) - 1
    assert f"{within} actors," in panel.locator(".gg-focus").inner_text()


def test_event_data_opens_on_the_map(page, tmp_path):
    countries = sorted(outline()["countries"])[:24]
    G = nx.MultiDiGraph(name="events")
    for iso in countries:
        G.add_node(iso, name=iso)
    G.add_node("UNO", name="United Nations", type="organization")
    for i, (u, v) in enumerate(zip(countries, countries[1:])):
        G.add_edge(
            u,
            v,
            key=f"e{i}",
            id=f"e{i}",
            relation="cooperate",
            sign=1,
            intensity=3.0,
            directed=True,
            status="fact",
            start="2020",
            end=None,
        )
    open_view(page, G, tmp_path)
    assert page.evaluate("window.geograph.state().layout") == {"name": "map"}
    assert link_fragment(page) == ""
    pos = _positions(page)
    for iso in countries:
        assert page.evaluate(f"window.geograph.countryAt({pos[iso]['x']}, {pos[iso]['y']})") == iso
    assert page.locator("#gg-offmap").inner_text() == "Not on the map: UNO (organization)"
    page.select_option("#gg-layout", "force")
    assert link_fragment(page) == "#layout=force"
    page.wait_for_function("!window.geograph.network.physics.physicsEnabled", timeout=20000)
    assert page.locator("#gg-offmap").is_hidden()


def test_event_data_weighs_by_event_counts(page, tmp_path):
    events = tmp_path / "events.csv"
    events.write_text("\n".join(GDELT_LINES) + "\n", encoding="utf-8")
    import_gdelt([events], tmp_path / "data", progress=False)
    G = graph.load(tmp_path / "data").to_networkx()
    # event data opens at its latest period; sizes count what is shown, so all time here
    open_view(page, G, tmp_path, "date=all&size=weight")
    assert page.evaluate("window.geograph.state().layout") == {"name": "map"}
    assert page.locator("#gg-size-legend").inner_text() == (
        "Size: weighted degree (sum of event counts)"
    )
    shown = set(page.evaluate("window.geograph.shown()"))
    assert len(shown) == G.number_of_edges()
    want = dict.fromkeys(map(str, G), 0)
    for u, v, d in G.edges(data=True):
        if d["id"] not in shown:
            continue
        want[u] += d["events"]
        if v != u:
            want[v] += d["events"]
    assert page.evaluate("window.geograph.sizes()") == want


def test_hostile_names_stay_text_in_the_map_list_and_focus_panel(page, tmp_path):
    G = nx.MultiDiGraph(name="hostile")
    G.add_node("PRK", name="North Korea")
    for i, text in enumerate(HOSTILE[:12]):
        G.add_node(f"h{i}", name=text, type=text[:40])
        G.add_edge(
            "PRK",
            f"h{i}",
            key=f"r{i}",
            id=f"r{i}",
            relation=text[:30],
            sign=-1,
            intensity=-5.0,
            directed=True,
            status="fact",
            start=None,
            end=None,
        )
    page.add_init_script(
        f"window.{TRAP} = false; window.alert = () => {{ window.{TRAP} = true; }};"
    )
    frag = "layout=map&focus=h0&depth=%3Cimg%20src%3Dx%3E&direction=__proto__&size=constructor"
    open_view(page, G, tmp_path, frag)
    state = page.evaluate("window.geograph.state()")
    assert (state["layout"], state["depth"], state["direction"], state["size"]) == (
        {"name": "map"},
        1,
        "both",
        "relations",
    )
    note = page.locator("#gg-offmap").inner_text()
    assert note.startswith("Not on the map: ") and HOSTILE[0] in note
    page.evaluate("window.geograph.set({depth: 2})")
    page.locator("#gg-panel .gg-focus").wait_for()
    for selector in FORBIDDEN_SELECTORS:
        assert page.locator(selector).count() == 0, selector
    assert page.evaluate(f"window.{TRAP}") is False


SIXTEEN = _COUNTRIES[:16]  # the synthetic GDELT file's most named countries

ACTORS_ON_SCREEN = """() => {
    const g = window.geograph, area = document.querySelector('.gg-network').getBoundingClientRect();
    const c = document.querySelector('.gg-network canvas').getBoundingClientRect();
    const ys = Object.values(g.network.getPositions()).map(p => g.network.canvasToDOM(p).y + c.top);
    const legend = document.querySelector('#gg-legend').getBoundingClientRect();
    return {top: area.top, height: area.height, low: Math.min(...ys), high: Math.max(...ys),
            legendTop: legend.top};
}"""


def test_a_phone_map_leaves_no_empty_band_under_the_world(page, tmp_path):
    """Event data among 16 countries on a phone: the graph's area is as tall as the
    actors' frame at the phone's width, the legend under the map (the world had sat in
    the top 250 px of a 507 px area, the rest empty); back on force, the area is as tall
    as the force layout's frame."""
    lines = [
        gdelt_line(
            "20200616", a, b, "040", "1.0", "1", "2", f"https://e.example/{i}", event_id=str(i)
        )
        for i, (a, b) in enumerate(zip(SIXTEEN, SIXTEEN[1:] + SIXTEEN[:1]))
    ]
    events = tmp_path / "events.CSV"
    events.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_gdelt([events], tmp_path / "data", progress=False)
    G = graph.load(tmp_path / "data").to_networkx()
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        open_view(page, G, tmp_path)
        assert page.evaluate("window.geograph.state().layout") == {"name": "map"}
        box = page.evaluate(ACTORS_ON_SCREEN)
        assert box["low"] >= box["top"] and box["legendTop"] >= box["high"]
        assert (box["high"] - box["low"]) / box["height"] >= 0.45, box
        # on force too, once laid out: the area as tall as its frame, no band under it
        page.evaluate("window.geograph.set({layout: {name: 'force'}})")
        page.wait_for_function("!window.geograph.network.physics.physicsEnabled", timeout=20000)
        box = page.evaluate(ACTORS_ON_SCREEN)
        assert box["low"] >= box["top"] and box["legendTop"] >= box["high"]
        assert (box["high"] - box["low"]) / box["height"] >= 0.45, box
    finally:
        page.set_viewport_size({"width": 1280, "height": 800})


DOTS_ON_SCREEN = """ids => {
    const g = window.geograph, net = g.network;
    net.redraw();  // vis sizes a dot's shape when it draws it
    return Object.fromEntries(ids.map(id => {
        const n = net.body.nodes[g.visId(id)], c = net.canvasToDOM({x: n.x, y: n.y});
        return [id, {x: c.x, y: c.y, r: n.shape.width / 2 * net.getScale(),
                     own: n.options.size * net.getScale()}];
    }));
}"""

SIZES = "ids => ids.map(id => window.geograph.network.body.nodes[window.geograph.visId(id)].options.size)"
# the dots' sizes in the PNG export's drawing of the actors (a canvas not the page's)
EXPORTED_SIZES = """async ids => {
    const g = window.geograph, r = g.network.renderer, own = r._drawNodes, seen = [];
    const onPage = document.querySelector('.gg-network canvas');
    r._drawNodes = function (ctx, all) {  // the export's own wrapper calls this one, then drops both
        if (ctx.canvas !== onPage) seen.push(ids.map(id => g.network.body.nodes[g.visId(id)].options.size));
        return own.call(this, ctx, all);
    };
    await g.exportPNG({scale: 1});
    delete r._drawNodes;
    return seen[seen.length - 1];
}"""


@pytest.mark.parametrize("kind", ["article", "events"])
def test_zooming_in_on_the_map_spreads_the_dots_apart(page, article_page, tmp_path, kind):
    """Zoomed in four times past the frame, the actors' dots keep their screen size (they
    had grown four times, in map units, and neighbours still touched) while the gaps
    between them grow; the PNG export still draws them in map units."""
    if kind == "article":
        reopen_view(page, article_page, "layout=map")
        ids = ["PRK", "KOR", "CHN"]
    else:  # a large page (sizes from values, by vis-network's scaling): Europe's neighbours
        from benchmarks.bench_import import make_gdelt_file

        make_gdelt_file(tmp_path / "events.CSV", 12000)
        import_gdelt([tmp_path / "events.CSV"], tmp_path / "data", progress=False)
        open_view(page, graph.load(tmp_path / "data").to_networkx(), tmp_path)
        assert page.evaluate("[window.geograph.state().layout, window.geograph.payload.large]") == [
            {"name": "map"},
            True,
        ]
        ids = ["FRA", "DEU", "GBR"]
    assert set(ids) <= set(page.evaluate("Object.keys(window.geograph.sizes())"))
    before = page.evaluate(DOTS_ON_SCREEN, ids)
    own = page.evaluate(SIZES, ids)
    page.evaluate(
        """id => { const net = window.geograph.network;
            net.moveTo({position: net.getPosition(window.geograph.visId(id)),
                        scale: 4 * net.getScale(), animation: false}); }""",
        ids[0],
    )
    after = page.evaluate(DOTS_ON_SCREEN, ids)
    for a in ids:
        assert after[a]["r"] == pytest.approx(before[a]["r"], rel=0.1), (a, before, after)
        assert before[a]["r"] == pytest.approx(before[a]["own"], rel=0.02)
    for a, b in zip(ids, ids[1:]):
        apart = [math.dist((d[a]["x"], d[a]["y"]), (d[b]["x"], d[b]["y"])) for d in (before, after)]
        assert apart[1] == pytest.approx(4 * apart[0], rel=0.02)
    # the picture draws the map's dots in map units, as at the frame
    assert page.evaluate(EXPORTED_SIZES, ids) == pytest.approx(own)
    assert page.evaluate(DOTS_ON_SCREEN, ids) == after
    # back on force, the dots are the layout's own size again
    page.evaluate("window.geograph.set({layout: {name: 'force'}})")
    page.wait_for_function("!window.geograph.network.physics.physicsEnabled", timeout=20000)
    force = page.evaluate(DOTS_ON_SCREEN, ids)
    for a in ids:
        assert force[a]["r"] == pytest.approx(force[a]["own"], rel=0.02)


# The graph's area, the actors' boxes (shape and name) and the legend, in page px.
_AREA = """() => {
    const g = window.geograph, net = g.network, area = document.querySelector('.gg-network').getBoundingClientRect();
    const c = document.querySelector('#gg-network canvas').getBoundingClientRect();
    const boxes = g.nodes.get({filter: n => !n.hidden}).map(n => {
        const b = net.getBoundingBox(n.id), a = net.canvasToDOM({x: b.left, y: b.top});
        const z = net.canvasToDOM({x: b.right, y: b.bottom});
        return {left: c.left + a.x, top: c.top + a.y, right: c.left + z.x, bottom: c.top + z.y};
    });
    const legend = document.querySelector('#gg-legend-box').getBoundingClientRect();
    return {top: area.top, bottom: area.bottom, height: area.height, width: area.width,
            low: Math.max(...boxes.map(b => b.bottom)), high: Math.min(...boxes.map(b => b.top)),
            left: Math.min(...boxes.map(b => b.left)), right: Math.max(...boxes.map(b => b.right)),
            legendTop: legend.top, scale: net.getScale()};
}"""
PHONE = {"has_touch": True, "is_mobile": True, "device_scale_factor": 1}


def _settled(page) -> dict:
    """The area once a resize's new frame is drawn (the page reframes 120 ms after it)."""
    page.wait_for_timeout(400)
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    return page.evaluate(_AREA)


@pytest.mark.parametrize("layout", ["force", "map"])
def test_a_phone_area_is_as_tall_as_its_frame_after_any_resize(browser, article_page, layout):
    """On a phone the graph's area ends under the framed actors, with the legend's line
    (the force view had left a third of the screen empty under the article's graph); a
    resize or a rotation that stays a phone's width frames it again, as a page opened
    at the new size does (the map's area had followed only a crossing of 720 px)."""
    fragment = "layout=map" if layout == "map" else ""
    fresh = {}
    for size in ((390, 844), (700, 380)):
        with shared_page(browser, *size, **PHONE) as page:
            reopen_view(page, article_page, fragment)
            fresh[size] = box = _settled(page)
            assert take_problems(page) == []
            assert box["top"] <= box["high"] and box["low"] <= box["bottom"], box
            assert box["left"] >= 0 and box["right"] <= box["width"] + 0.5, box
            room = 44 * (2 if layout == "map" else 1) + 12 + 6  # the legend's line (and the note)
            # no band under the graph, but for an area of the least height (240 px): a strip
            # of the world (the article's five states) has the rest of the map under it
            assert box["bottom"] - box["low"] <= room or box["height"] <= 240, box
    with shared_page(browser, 390, 844, **PHONE) as page:
        reopen_view(page, article_page, fragment)
        for size in ((700, 380), (390, 844)):
            page.set_viewport_size({"width": size[0], "height": size[1]})
            now = _settled(page)
            assert now["height"] == pytest.approx(fresh[size]["height"], abs=2), (size, now)
            assert now["scale"] == pytest.approx(fresh[size]["scale"], rel=0.03), (size, now)
        assert take_problems(page) == []
