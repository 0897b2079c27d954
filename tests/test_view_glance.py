"""The view read at a glance, in headless Chromium (issue 11).

A selected relation stands out, the legend is in sight and filters, a panel
says when its relation is not shown, Fit frames the graph beside its isolated
actors, tooltips close on phones, and the date steps by year and month.
"""

from __future__ import annotations

import networkx as nx
import pytest
from hostile import FORBIDDEN_SELECTORS, HOSTILE, TRAP
from viewpages import article_graph, edge_ends, goto_view, link_fragment, open_view

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    """The shipped article's page, written once for the module, and its graph."""
    from graph import datasets, load, render_html

    G = load(datasets.article()).to_networkx()
    return render_html(G, tmp_path_factory.mktemp("shipped") / "view.html"), G


# The graph's canvas after the next full redraw: kept in the page (``snap``), or
# compared with the kept one (``diff``: the share of pixels that changed).
CANVAS = """(mode) => new Promise(done => {
    const net = window.geograph.network;
    net.once("afterDrawing", () => {
        const c = document.querySelector("#gg-network canvas");
        const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        if (mode === "snap") { window.__snap = d; done(0); return; }
        const old = window.__snap;
        let n = 0;
        for (let i = 0; i < d.length; i += 4)
            if (d[i] !== old[i] || d[i + 1] !== old[i + 1] || d[i + 2] !== old[i + 2] || d[i + 3] !== old[i + 3]) n++;
        done(n / (d.length / 4));
    });
    net.redraw();
})"""


@pytest.mark.parametrize("how", ["api", "fragment", "actor list"])
def test_selected_relation_is_visible(page, tmp_path, screenshot, how):
    G = article_graph()
    open_view(page, G, tmp_path)
    page.evaluate(CANVAS, "snap")
    if how == "api":
        page.evaluate("window.geograph.selectEdge('liaison')")
    elif how == "fragment":
        page.evaluate("location.hash = '#edge=liaison'")
        page.wait_for_function("window.geograph.state().edge === 'liaison'")
    else:
        page.evaluate("window.geograph.focusNode('PRK')")
        page.locator("#gg-panel ul.gg-relations button", has_text="coerce").first.click()
    assert page.evaluate("window.geograph.state().edge") == "liaison"
    # today's view changed about 0.1% of the pixels; others fading changes far more
    assert page.evaluate(CANVAS, "diff") > 0.02
    look = page.evaluate("""(() => { const g = window.geograph;
        const e = g.edges.get('liaison'), other = g.edges.get('sanctions');
        return {width: e.width, shadow: !!(e.shadow && e.shadow.enabled), other: other.color.opacity,
                mine: e.color.opacity, ends: [g.nodes.get('PRK').borderWidth, g.nodes.get('KOR').borderWidth],
                rest: g.nodes.get('USA').borderWidth, restFont: g.nodes.get('USA').font.color}; })()""")
    assert look["shadow"] and look["mine"] == 1 and look["other"] < 0.5
    assert look["width"] >= 5 and look["ends"] == [5, 5] and look["rest"] < 5
    assert "0.18" in look["restFont"]  # faded actors' labels fade too
    screenshot(page, f"selected-{how.replace(' ', '-')}")
    page.keyboard.press("Escape")
    assert page.evaluate("window.geograph.nodes.get('USA').opacity") == 1


def test_selection_pans_into_sight(page, tmp_path):
    open_view(page, article_graph(), tmp_path)
    # move the camera far away from the relation's middle, then select it
    page.evaluate("window.geograph.network.moveTo({position: {x: 5000, y: 5000}, scale: 1})")
    page.evaluate("window.geograph.selectEdge('liaison')")
    inside = page.evaluate("""(() => { const g = window.geograph, net = g.network;
        const p = net.getPositions(['PRK', 'KOR']);
        const d = net.canvasToDOM({x: (p.PRK.x + p.KOR.x) / 2, y: (p.PRK.y + p.KOR.y) / 2});
        const c = document.getElementById('gg-network');
        return d.x >= 0 && d.y >= 0 && d.x <= c.clientWidth && d.y <= c.clientHeight; })()""")
    assert inside


# Every shown actor's shape and name, in page pixels.
ACTOR_BOXES = """(() => { const g = window.geograph, net = g.network;
    const r = document.getElementById('gg-network').getBoundingClientRect();
    return net.body.nodeIndices.filter(id => !net.body.nodes[id].options.hidden).map(id => {
        const n = net.body.nodes[id], s = n.labelModule.size, b = net.getBoundingBox(id);
        const a = net.canvasToDOM({x: Math.min(b.left, s.left), y: Math.min(b.top, s.top)});
        const c = net.canvasToDOM({x: Math.max(b.right, s.left + s.width), y: Math.max(b.bottom, s.top + s.height)});
        return {id, x: r.left + a.x, y: r.top + a.y, width: c.x - a.x, height: c.y - a.y}; }); })()"""


def _no_actor_under(page, box):
    for actor in page.evaluate(ACTOR_BOXES):
        assert not _overlap(box, actor), (box, actor)


@pytest.mark.parametrize("mode", ["normal", "compare"])
@pytest.mark.parametrize("size", [(1280, 800), (390, 844)])
def test_legend_in_sight_over_no_actor(page, shipped, screenshot, size, mode):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    goto_view(page, shipped[0], "compare=2018&date=2020-06" if mode == "compare" else "")
    legend = page.locator("#gg-legend-box")
    assert legend.locator("summary").inner_text().startswith("Legend")
    phone = size[0] < 720
    # open on a desktop; on a phone closed to one line that still says what lines mean
    assert (legend.get_attribute("open") is None) == phone
    if phone:
        summary = legend.locator("summary")
        assert summary.bounding_box()["height"] < 24
        # what the lines' colours say: the sign, or while comparing the change
        colour, other = ("new", "hostile") if mode == "compare" else ("hostile", "new")
        assert colour in summary.inner_text() and "forecast" in summary.inner_text()
        assert other not in summary.inner_text().split()
    net = page.locator("#gg-network").bounding_box()
    for opened in [False, True] if phone else [True]:
        if opened and phone:
            legend.locator("summary").click()
            page.wait_for_function(
                "document.getElementById('gg-legend-box').classList.contains('gg-sheet')"
            )
            page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        box = legend.bounding_box()
        assert box["x"] >= 0 and box["y"] >= net["y"] - 1  # over the graph, not in the header
        assert (
            box["x"] + box["width"] <= size[0]
            and box["y"] + box["height"] <= min(size[1], net["y"] + net["height"]) + 1
        )
        _no_actor_under(page, box)
        screenshot(page, f"legend-{size[0]}-{mode}{'-open' if opened and phone else ''}")
    if mode == "compare":  # the compare row can be read whole, scrolling the legend if need be
        row = page.locator("#gg-legend-compare")
        assert row.is_visible()
        reach = page.evaluate("""(() => { const b = document.getElementById('gg-legend-box');
            b.scrollTop = b.scrollHeight;
            const r = document.getElementById('gg-legend-compare').getBoundingClientRect(), o = b.getBoundingClientRect();
            return {top: r.top - o.top, bottom: o.bottom - r.bottom, view: innerHeight - r.bottom}; })()""")
        assert reach["top"] >= 0 and reach["bottom"] >= 0 and reach["view"] >= 0, reach
        assert (
            row.inner_text().count("\n") <= 8 and "pair changed sign or status" in row.inner_text()
        )


@pytest.mark.parametrize("size", [(1280, 800), (390, 844)])
def test_legend_entries_filter(page, tmp_path, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    G = article_graph()
    open_view(page, G, tmp_path)
    legend = page.locator("#gg-legend-box")
    if legend.get_attribute("open") is None:
        legend.locator("summary").click()
    hostile = page.get_by_role("button", name="hostile", exact=True)
    hostile.click()
    assert page.evaluate("window.geograph.state().filters.sign") == ["hostile"]
    want = {k for *_, k, d in G.edges(keys=True, data=True) if d["sign"] < 0}
    assert set(page.evaluate("window.geograph.shown()")) == want
    assert hostile.get_attribute("aria-pressed") == "true"
    assert "sign=hostile" in link_fragment(page)
    hostile.click()  # again: all signs
    assert len(page.evaluate("window.geograph.state().filters.sign")) == 3
    page.get_by_role("button", name="forecast", exact=True).click()
    assert page.evaluate("window.geograph.state().filters.status") == ["forecast"]
    legend.locator("summary").click()
    assert legend.get_attribute("open") is None


def test_legend_leaves_a_busy_graph_free(page, tmp_path):
    """300 actors fill every corner: the view is framed beside the legend."""
    G = isolated_graph(300)
    open_view(page, G, tmp_path)
    page.click("#gg-fit")
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    _no_actor_under(page, page.locator("#gg-legend-box").bounding_box())


CAMERA = (
    "(() => { const n = window.geograph.network; return [n.getScale(), n.getViewPosition()]; })()"
)
TWO_FRAMES = "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def test_legend_in_a_busy_graph_leaves_the_view_alone(page, tmp_path, screenshot):
    """Every corner taken: opening the legend, or a new size, moves no view; a fit makes room."""
    open_view(page, isolated_graph(300), tmp_path)
    legend = page.locator("#gg-legend-box")
    summary = legend.locator("summary")
    assert legend.get_attribute("open") is not None
    page.evaluate(TWO_FRAMES)
    at_open = page.evaluate(CAMERA)
    summary.click()  # the reader folds it, then opens it again
    page.evaluate(TWO_FRAMES)
    assert page.evaluate(CAMERA) == at_open
    screenshot(page, "glance-busy-legend-folded")
    summary.click()
    page.evaluate(TWO_FRAMES)
    assert legend.get_attribute("open") is not None  # the reader's choice stays
    assert page.evaluate(CAMERA) == at_open  # the view did not jump to make room
    screenshot(page, "glance-busy-legend-opened")
    page.select_option("#gg-size", "weight")
    page.evaluate(TWO_FRAMES)
    assert page.evaluate(CAMERA) == at_open
    # a fit chooses the view: it frames the actors beside the legend
    page.click("#gg-fit")
    page.evaluate(TWO_FRAMES)
    _no_actor_under(page, legend.bounding_box())


def test_stale_panel_note(page, tmp_path):
    open_view(page, article_graph(), tmp_path)
    page.evaluate("window.geograph.selectEdge('liaison')")
    assert page.locator("#gg-panel .gg-stale").count() == 0
    page.evaluate("window.geograph.setDate('2018')")
    note = page.locator("#gg-panel [role=note]")
    assert note.is_visible()
    assert "Not shown at 2018" in note.inner_text() and "2020-06-16" in note.inner_text()
    page.evaluate("window.geograph.setDate('2020-06')")
    assert page.locator("#gg-panel .gg-stale").count() == 0
    page.evaluate("window.geograph.setFilter('sign', ['cooperative'])")
    assert "hidden by the filters" in page.locator("#gg-panel [role=note]").inner_text()


def isolated_graph(n: int = 300, isolated: int = 3) -> nx.MultiDiGraph:
    import random

    rnd = random.Random(7)
    G = nx.MultiDiGraph(name="fit")
    for i in range(n):
        G.add_node(f"A{i:03d}", name=f"Actor {i}", type="state")
    linked = n - isolated
    for k in range(2000):
        a, b = rnd.randrange(linked), rnd.randrange(linked)
        if a != b:
            G.add_edge(f"A{a:03d}", f"A{b:03d}", key=f"r{k}", id=f"r{k}", relation="consult")
    return G


@pytest.mark.parametrize(("n", "edges"), [(300, 2000), (40, 80)])
def test_fit_frames_the_graph_with_isolated_actors_beside(page, tmp_path, n, edges):
    G = isolated_graph(n)
    if edges < 2000:
        G.remove_edges_from([e for e in G.edges(keys=True)][edges:])
        G.remove_edges_from([(u, v, k) for u, v, k in G.edges(keys=True) if "A037" in (u, v)])
    lonely = [a for a in G if G.degree(a) == 0]
    assert len(lonely) >= 3
    open_view(page, G, tmp_path)
    page.click("#gg-fit")
    boxes = page.evaluate(
        """(lonely) => { const net = window.geograph.network, pos = net.getPositions();
        const c = document.getElementById('gg-network'), out = {graph: [1e9, 1e9, -1e9, -1e9], lonely: []};
        for (const [id, p] of Object.entries(pos)) {
            const d = net.canvasToDOM(p);
            if (lonely.includes(id)) { out.lonely.push(d); continue; }
            out.graph = [Math.min(out.graph[0], d.x), Math.min(out.graph[1], d.y),
                         Math.max(out.graph[2], d.x), Math.max(out.graph[3], d.y)];
        }
        out.size = [c.clientWidth, c.clientHeight];
        return out; }""",
        lonely,
    )
    x0, y0, x1, y1 = boxes["graph"]
    w, h = boxes["size"]
    # the graph, not a speck: it spans most of one dimension of the canvas
    assert (x1 - x0) / w > 0.5 or (y1 - y0) / h > 0.5
    for p in boxes["lonely"]:  # beside it, in sight
        assert 0 <= p["x"] <= w and 0 <= p["y"] <= h and p["x"] > x1


def test_phone_tooltip_closes_on_next_tap_and_actions(browser, guard, tmp_path):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    context.route(
        "**/*",
        lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort(),
    )
    page = context.new_page()
    page.on("pageerror", lambda exc: guard.errors.append(str(exc)))
    try:
        open_view(page, article_graph(), tmp_path)
        tip = page.locator("div.vis-tooltip")

        def show_tip():
            p = page.evaluate("""(() => { const net = window.geograph.network;
                const d = net.canvasToDOM(net.getPositions(['PRK']).PRK);
                const r = document.querySelector('#gg-network canvas').getBoundingClientRect();
                return {x: r.left + d.x, y: r.top + d.y}; })()""")
            page.mouse.move(5, 5)
            page.mouse.move(p["x"], p["y"], steps=3)
            page.wait_for_function(
                "[...document.querySelectorAll('div.vis-tooltip')]"
                ".some(t => t.style.visibility !== 'hidden' && t.textContent.includes('North Korea'))"
            )
            return p

        def tip_hidden():
            return page.evaluate(
                "[...document.querySelectorAll('div.vis-tooltip')]"
                ".every(t => t.style.visibility === 'hidden')"
            )

        show_tip()
        assert tip.count() >= 1
        page.touchscreen.tap(5, 840)  # a tap elsewhere
        assert tip_hidden()
        show_tip()
        page.fill("#gg-search", "Seoul")
        page.press("#gg-search", "Enter")
        assert tip_hidden()
        page.keyboard.press("Escape")  # the sheet closes; the graph framed again
        page.click("#gg-fit")
        show_tip()
        page.evaluate("window.geograph.setFilter('sign', ['hostile'])")
        assert tip_hidden()
    finally:
        context.close()
    assert guard.errors == []


def test_date_steps_by_year_then_month(page, tmp_path):
    open_view(page, article_graph(), tmp_path)
    timeline = page.evaluate("window.geograph.payload.timeline")
    assert timeline[0].count("-") == 1  # months
    page.get_by_role("button", name="Next year").click()
    assert page.evaluate("window.geograph.state().date") == timeline[0]
    page.get_by_role("button", name="Next year").click()
    assert page.evaluate("window.geograph.state().date") == timeline[12]
    page.get_by_role("button", name="Next month").click()
    page.get_by_role("button", name="Next month").click()
    assert page.evaluate("window.geograph.state().date") == timeline[14]
    page.get_by_role("button", name="Previous month").click()
    assert page.locator("#gg-date-label").inner_text() == timeline[13]
    page.get_by_role("button", name="Previous year").click()
    assert page.evaluate("window.geograph.state().date") == timeline[1]
    for _ in range(3):
        page.get_by_role("button", name="Previous year").click()
    assert page.evaluate("window.geograph.state().date") == timeline[0]


def test_hostile_strings_through_legend_and_stale_note(page, tmp_path):
    G = nx.MultiDiGraph(name="hostile")
    for i, h in enumerate(HOSTILE):
        G.add_node(f"n{i}", name=h, type=h, group=h)
    for i, h in enumerate(HOSTILE):
        G.add_edge(
            f"n{i}",
            f"n{(i - 1) % len(HOSTILE)}",
            key=f"r{i}",
            id=f"r{i}",
            relation=h,
            status=h,
            start="2020",
        )
    page.add_init_script(f"window.{TRAP} = false;")
    open_view(page, G, tmp_path)
    entries = page.locator("#gg-legend button.gg-legend-entry")
    assert entries.count() >= len(HOSTILE)
    for i in range(0, entries.count(), 7):
        entries.nth(i).click()
    page.evaluate("window.geograph.set({edge: 'r3', date: '1999'})")
    assert "Not shown at 1999" in page.locator("#gg-panel [role=note]").inner_text()
    assert page.evaluate(f"window.{TRAP}") is False
    # the filters' paragraph-long labels stay inside the side's scrolling box: the page
    # itself does not scroll (their screen-reader words, absolutely placed, had made it
    # 1,666 px tall in an 800 px window, and a wheel over the header scrolled it away)
    assert page.evaluate("document.scrollingElement.scrollHeight") <= 800
    page.mouse.move(300, 30)
    page.mouse.wheel(0, 300)
    page.wait_for_function("new Promise(r => requestAnimationFrame(() => r(true)))")
    assert page.evaluate("scrollY") == 0
    for sel in FORBIDDEN_SELECTORS:
        assert page.locator(sel).count() == 0, sel


# Boxes in the graph element's CSS pixels: every relation name drawn, each actor
# (shape and label), and the middle of each line (where its arrowhead sits).
READABILITY = """(() => { const g = window.geograph, net = g.network;
    const box = b => { const a = net.canvasToDOM({x: b.left, y: b.top}), c = net.canvasToDOM({x: b.right, y: b.bottom});
                       return {x: a.x, y: a.y, width: c.x - a.x, height: c.y - a.y}; };
    const nodes = net.body.nodeIndices.map(id => { const n = net.body.nodes[id], s = n.labelModule.size;
        const b = net.getBoundingBox(id);  // with the name's own box: vis's stops short under a dot
        return box({left: Math.min(b.left, s.left), top: Math.min(b.top, s.top),
                    right: Math.max(b.right, s.left + s.width), bottom: Math.max(b.bottom, s.top + s.height)}); });
    const heads = {};
    for (const id of net.body.edgeIndices) {
        const e = net.body.edges[id], a = e.options.arrows;
        if (e.options.hidden || !a.middle || !a.middle.enabled) continue;
        heads[g.dataId(id)] = net.canvasToDOM(e.edgeType.getPoint(0.5));
    }
    return {labels: g.edgeLabels(), nodes, heads}; })()"""


def _redrawn(page) -> None:
    """Wait for a full redraw of the graph (names are placed as it draws)."""
    page.evaluate("""new Promise(done => { const net = window.geograph.network;
        net.once("afterDrawing", () => done(true)); net.redraw(); })""")


def _overlap(a, b) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


@pytest.mark.parametrize("size", [(1280, 800), (390, 844)])
def test_parallel_relations_readable(page, shipped, screenshot, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    path, G = shipped
    pair = [k for u, v, k in G.edges(keys=True) if {u, v} == {"PRK", "KOR"}]
    assert len(pair) == 12  # below the count that draws a pair as one line
    goto_view(page, path)
    _redrawn(page)
    seen = page.evaluate(READABILITY)
    labels = seen["labels"]
    named = {m for b in labels for m in b["members"]}
    if size[0] > 1000:  # every relation named, each by itself, at the first view on a desktop
        assert named == {k for *_, k in G.edges(keys=True)}
        assert len(labels) == G.number_of_edges()
    else:  # on a phone fewer names, the same name of one pair's lines written once with their number
        assert 6 <= len(labels) < G.number_of_edges() / 2, [b["text"] for b in labels]
        assert len(named) > G.number_of_edges() / 2, sorted(named)
    for i, a in enumerate(labels):
        relations = {
            G.edges[next(e for e in G.edges(keys=True) if e[2] == m)]["relation"]
            for m in a["members"]
        }
        assert len(relations) == 1 and a["id"] in a["members"]
        n = len(a["members"])
        assert a["text"] == relations.pop() + (f" \u00d7{n}" if n > 1 else "")
        for b in labels[i + 1 :]:
            assert not _overlap(a, b), (a, b)
        for n in seen["nodes"]:
            assert not _overlap(a, n), (a, n)
        for p in seen["heads"].values():  # no name on an arrowhead
            assert not (
                a["x"] <= p["x"] <= a["x"] + a["width"] and a["y"] <= p["y"] <= a["y"] + a["height"]
            )
    heads = [
        seen["heads"][k]
        for k in pair
        if G.edges[next(e for e in G.edges(keys=True) if e[2] == k)]["directed"]
    ]
    assert len(heads) >= 9
    gaps = [
        min(((a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2) ** 0.5 for b in heads if b is not a)
        for a in heads
    ]
    # the arrowheads of the pair's curves are apart, not one blob at the target
    assert min(gaps) >= (14 if size[0] > 1000 else 9), gaps
    screenshot(page, f"parallel-{size[0]}")
    # the PNG export draws the whole graph with its names, and leaves the page's as they were
    page.evaluate("window.geograph.exportPNG()")
    assert page.evaluate("window.geograph.edgeLabels()") == labels
    # zooming in names them all on a phone too
    if size[0] < 1000:
        page.evaluate("""(() => { const net = window.geograph.network, p = net.getPositions(['PRK', 'KOR']);
            net.moveTo({position: {x: (p.PRK.x + p.KOR.x) / 2, y: (p.PRK.y + p.KOR.y) / 2}, scale: 1.2}); })()""")
        _redrawn(page)
        drawn = page.evaluate("window.geograph.edgeLabels()")
        assert set(pair) <= {m for b in drawn for m in b["members"]}


def busy_pair_graph() -> nx.MultiDiGraph:
    """The article graph with North-South relations past the count drawn as one line."""
    G = article_graph()
    types = G.graph["relation_types"]
    for i, rel in enumerate(
        ["consult", "negotiate", "demand", "criticize", "reject", "protest", "comment"]
    ):
        s, t = ("KOR", "PRK") if i % 2 else ("PRK", "KOR")
        G.add_edge(
            s,
            t,
            key=f"x{i}",
            id=f"x{i}",
            source=s,
            target=t,
            relation=rel,
            sign=types[rel]["sign"],
            intensity=types[rel]["intensity"],
            directed=True,
            status="fact",
            start="2019",
            end="2019",
            source_id="dw",
            said_by=None,
            quote=f"quote {i}",
            note=None,
        )
    return G


def test_counted_pair_opens_in_place_and_folds_back(page, tmp_path, screenshot):
    G = busy_pair_graph()
    pair = {k for u, v, k in G.edges(keys=True) if {u, v} == {"PRK", "KOR"}}
    assert len(pair) == 14
    open_view(page, G, tmp_path)
    vid = page.evaluate("window.geograph.bundles[0].visId")
    assert page.evaluate("window.geograph.bundles.length") == 1
    before = page.evaluate("window.geograph.edges.length")
    # a click on the counted line, where nothing else is drawn
    point = page.evaluate(
        """vid => { const net = window.geograph.network, p = net.canvasToDOM(net.body.edges[vid].edgeType.getPoint(0.5));
        const r = document.querySelector('#gg-network canvas').getBoundingClientRect();
        return net.getEdgeAt(p) === vid ? {x: r.left + p.x, y: r.top + p.y} : null; }""",
        vid,
    )
    assert point is not None
    page.mouse.click(point["x"], point["y"])
    assert page.evaluate("window.geograph.state().pair") is not None
    _redrawn(page)
    drawn_now = page.evaluate("window.geograph.edges.get({filter: e => !e.hidden}).map(e => e.id)")
    assert vid not in drawn_now and pair <= set(drawn_now)
    assert page.evaluate("window.geograph.edges.length") == before + len(pair)
    # the panel still lists them
    assert page.locator("#gg-panel ul.gg-relations > li").count() == len(pair)
    seen = page.evaluate(READABILITY)
    named = {b["id"] for b in seen["labels"]}
    assert len(named & pair) >= 12, sorted(pair - named)
    for i, a in enumerate(seen["labels"]):
        for b in seen["labels"][i + 1 :]:
            assert not _overlap(a, b), (a, b)
    heads = [seen["heads"][k] for k in pair if G.edges[edge_ends(G, k) + (k,)]["directed"]]
    assert len(heads) == len(pair) - 1
    gaps = [
        min(((a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2) ** 0.5 for b in heads if b is not a)
        for a in heads
    ]
    assert min(gaps) >= 10, gaps
    screenshot(page, "pair-open")
    # one of its relations, from the panel: drawn strong, the pair stays open
    page.locator("#gg-panel ul.gg-relations button", has_text="negotiate").click()
    assert page.evaluate("window.geograph.state().edge") == "x1"
    look = page.evaluate(
        "(() => { const e = window.geograph.edges.get('x1'); return [e.width, e.hidden]; })()"
    )
    assert look[0] >= 5 and not look[1]
    # the date hides those not valid then, the open pair follows
    page.evaluate("window.geograph.setDate('2020-06')")
    hidden = set(page.evaluate("window.geograph.edges.get({filter: e => e.hidden}).map(e => e.id)"))
    assert {f"x{i}" for i in range(7)} <= hidden and "liaison" not in hidden
    # Escape folds it back into the counted line
    page.keyboard.press("Escape")
    assert page.evaluate("window.geograph.edges.length") == before
    assert page.evaluate("vid => !window.geograph.edges.get(vid).hidden", vid)
    # and the URL opens it again
    page.evaluate("location.hash = '#pair=PRK,KOR'")
    page.wait_for_function("window.geograph.state().pair !== null")
    assert page.evaluate("vid => window.geograph.edges.get(vid).hidden", vid)


def test_bloc_glow_survives_a_selection(page, shipped):
    goto_view(page, shipped[0], "date=2018&color=bloc")
    glowing = """(() => Object.fromEntries(window.geograph.edges.get()
        .filter(e => e.shadow && e.shadow.enabled).map(e => [e.id, e.shadow.color])))()"""
    before = page.evaluate(glowing)
    assert before and set(before.values()) == {"#7b2cbf"}  # the violating tie glows
    page.evaluate("window.geograph.focusNode('CHN')")
    assert page.evaluate(glowing) == before
    one = sorted(before)[0]
    page.evaluate(f"window.geograph.selectEdge('{one}')")
    now = page.evaluate(glowing)
    assert now[one] != "#7b2cbf" and {k: v for k, v in now.items() if k != one} == {
        k: v for k, v in before.items() if k != one
    }
    page.evaluate("window.geograph.clearSelection()")
    assert page.evaluate(glowing) == before


def test_pairs_of_a_graph_over_500_relations_open_in_place(page, tmp_path):
    """Past 500 relations every pair with several is one counted line; it opens on selection."""
    from benchmarks.synthetic import make_dataset

    from graph import load

    G = load(make_dataset(tmp_path / "data", 15, 520)).to_networkx()
    for *_, d in G.edges(data=True):  # undated: blocs of balance for one date, not hundreds
        d["start"] = d["end"] = None
    open_view(page, G, tmp_path)
    b = page.evaluate(
        "(() => { const b = window.geograph.bundles.filter(x => x.from !== x.to && x.count >= 4 && x.count <= 9)"
        ".sort((x, y) => y.count - x.count)[0]; return {from: b.from, to: b.to, ids: b.relations, vid: b.visId}; })()"
    )
    page.evaluate("b => window.geograph.set({pair: [b.from, b.to]})", b)
    # frame the two actors so the pair's curves have room
    page.evaluate(
        """b => { const net = window.geograph.network, p = net.getPositions([b.from, b.to]);
        const x = p[b.from], y = p[b.to], d = Math.hypot(x.x - y.x, x.y - y.y) || 1;
        net.moveTo({position: {x: (x.x + y.x) / 2, y: (x.y + y.y) / 2}, scale: 420 / d}); }""",
        b,
    )
    _redrawn(page)
    assert page.evaluate("vid => window.geograph.edges.get(vid).hidden", b["vid"])
    seen = page.evaluate(READABILITY)
    named = {x["id"] for x in seen["labels"]}
    assert set(b["ids"]) <= named, sorted(set(b["ids"]) - named)
    for i, x in enumerate(seen["labels"]):
        for y in seen["labels"][i + 1 :]:
            assert not _overlap(x, y), (x, y)
    page.evaluate("window.geograph.clearSelection()")
    assert not page.evaluate("vid => window.geograph.edges.get(vid).hidden", b["vid"])
    assert page.evaluate("ids => ids.every(id => window.geograph.edges.get(id) === null)", b["ids"])


def test_legend_leaves_a_moved_view_alone_and_makes_way_on_a_phone(page, shipped):
    page.set_viewport_size({"width": 390, "height": 844})
    goto_view(page, shipped[0])
    camera = "(() => { const n = window.geograph.network; return [n.getScale(), n.getViewPosition()]; })()"
    page.evaluate("window.geograph.network.moveTo({position: {x: 40, y: 10}, scale: 2.5})")
    before = page.evaluate(camera)
    legend = page.locator("#gg-legend-box")
    legend.locator("summary").click()  # opened as a sheet: the user's zoom stays
    page.wait_for_function(
        "document.getElementById('gg-legend-box').classList.contains('gg-sheet')"
    )
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert page.evaluate(camera) == before
    page.evaluate(
        "window.geograph.selectEdge('R16')"
    )  # the details' sheet opens: the legend closes
    assert legend.get_attribute("open") is None
    assert page.locator("#gg-panel").is_visible()


@pytest.mark.parametrize("size", [(1280, 800), (390, 844)])
def test_legend_keeps_clear_of_the_map_note(page, shipped, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    goto_view(page, shipped[0], "layout=map")
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    note = page.locator("#gg-offmap")
    assert note.is_visible()
    box = page.locator("#gg-legend-box").bounding_box()
    assert not _overlap(box, note.bounding_box())
    _no_actor_under(page, box)
