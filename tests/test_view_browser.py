"""The HTML view in headless Chromium: counts, tooltips, panel, time, filters, safety.

Every page here runs with all non-file requests blocked and fails on any
console error (see ``conftest.py``). Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest
from hostile import FORBIDDEN_SELECTORS, HOSTILE, HOSTILE_URLS, TRAP, hostile_cycle
from viewpages import (
    ACTORS,
    ARTICLE_RELATIONS,
    ARTICLE_URL,
    article_graph,
    count_text,
    dom_point,
    drawn,
    edge_ends,
    expected_at,
    link_fragment,
    open_view,
    relation_types,
    shown,
)

from graph.payload import SIGN_COLOURS, STATUS_DASHES, edge_width

pytestmark = pytest.mark.browser

# ---------------------------------------------------------------- the article


def test_article_counts_and_no_requests(page, tmp_path, screenshot):
    G = article_graph()
    open_view(page, G, tmp_path)
    counts = page.evaluate("[window.geograph.nodes.length, window.geograph.edges.length]")
    assert counts == [G.number_of_nodes(), G.number_of_edges()]
    assert page.evaluate("window.geograph.network.getSelectedNodes().length") == 0
    assert count_text(page) == f"{G.number_of_edges()} of {G.number_of_edges()} relations shown"
    # physics is off once settled: the picture stays put
    assert page.evaluate("window.geograph.network.physics.physicsEnabled") is False
    assert page.title() == G.graph["name"]
    screenshot(page, "article")


def test_same_data_same_picture(page, tmp_path):
    G = article_graph()
    path = open_view(page, G, tmp_path)
    first = page.evaluate("window.geograph.network.getPositions()")
    page.goto(path.as_uri())
    page.wait_for_function("window.geograph && window.geograph.ready === true")
    assert page.evaluate("window.geograph.network.getPositions()") == first


def test_parallel_edges_do_not_stack(page, tmp_path):
    open_view(page, article_graph(), tmp_path)
    middles = {
        rid: dom_point(page, "edge", rid)
        for rid, s, t, *_ in ARTICLE_RELATIONS
        if {s, t} == {"PRK", "KOR"}
    }
    assert len(middles) >= 2
    points = [(round(p["x"]), round(p["y"])) for p in middles.values()]
    assert len(set(points)) == len(points), middles


def test_drawing_follows_sign_status_direction_and_intensity(page, tmp_path):
    """The page derives each line's look from the data with graph.payload's tables."""
    G = article_graph()
    G.add_edge(
        "RUS",
        "CHN",
        key="neutral",
        id="neutral",
        relation="consult",
        sign=0,
        intensity=0.0,
        directed=False,
        status="claim",
    )
    open_view(page, G, tmp_path)
    items = page.evaluate("""Object.fromEntries(window.geograph.edges.get().map(e =>
        [e.id, [e.color.color, e.dashes, e.width, e.arrows.to.enabled || e.arrows.middle.enabled]]))""")
    assert {d["status"] for *_, d in G.edges(data=True)} == {"fact", "claim", "forecast"}
    assert {d["sign"] for *_, d in G.edges(data=True)} == {-1, 0, 1}
    assert items == {
        k: [
            SIGN_COLOURS[d["sign"]],
            STATUS_DASHES[d["status"]],
            edge_width(d["intensity"]),
            d["directed"],
        ]
        for _, _, k, d in G.edges(keys=True, data=True)
    }


def test_parallel_edges_and_self_loops_get_distinct_curves(page, tmp_path):
    G = nx.MultiDiGraph()
    for i in range(7):  # both directions between PRK and KOR
        s, t = ("KOR", "PRK") if i % 2 else ("PRK", "KOR")
        G.add_edge(s, t, key=f"x{i}", relation="threaten", status="fact")
    G.add_edge("A", "B", key="single")
    G.add_edge("A", "A", key="loop1")
    G.add_edge("A", "A", key="loop2")
    for n in G:
        G.nodes[n]["name"] = n
    open_view(page, G, tmp_path)
    items = page.evaluate("""Object.fromEntries(window.geograph.edges.get().map(e =>
        [e.id, [e.smooth, e.selfReference || null, e.from, e.to]]))""")

    def bend(smooth, source, target):  # signed bend relative to the orientation KOR -> PRK
        side = 1 if smooth["type"] == "curvedCW" else -1
        return side * smooth["roundness"] * (1 if (source, target) == ("KOR", "PRK") else -1)

    parallel = [items[f"x{i}"] for i in range(7)]
    assert all(
        s["type"] in ("curvedCW", "curvedCCW") and 0 <= s["roundness"] <= 1 for s, *_ in parallel
    )
    assert len({bend(s, a, b) for s, _, a, b in parallel}) == 7, parallel
    assert items["single"][0]["type"] == "continuous"
    assert items["loop1"][1] != items["loop2"][1] and items["loop1"][1]["size"] > 0


def test_hover_shows_tooltips(page, tmp_path):
    open_view(page, article_graph(), tmp_path)
    tip = page.locator("div.vis-tooltip")
    p = dom_point(page, "node", "RUS")
    page.mouse.move(p["x"], p["y"])
    tip.wait_for(state="visible")
    assert "Russia (RUS)" in tip.inner_text()
    page.mouse.move(5, 5)
    p = dom_point(page, "edge", "fallout-chn")
    page.mouse.move(p["x"], p["y"])
    page.wait_for_function(
        "document.querySelector('div.vis-tooltip').textContent.includes('fallen out')"
    )
    text = tip.inner_text()
    assert "reduce-relations: United States \u2192 China" in text
    assert "fact" in text and "Deutsche Welle" not in text  # title, not publisher
    assert "What's driving North Korea" in text


def test_click_edge_shows_quote_and_source(page, tmp_path, screenshot):
    open_view(page, article_graph(), tmp_path)
    p = dom_point(page, "edge", "fallout-chn")
    page.mouse.click(p["x"], p["y"])
    panel = page.locator("#gg-panel")
    panel.locator("blockquote").wait_for()
    assert panel.locator("h2").inner_text() == "reduce-relations"
    assert "fallen out spectacularly with China" in panel.locator("blockquote").inner_text()
    link = panel.locator("a")
    assert link.get_attribute("href") == ARTICLE_URL
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert "Deutsche Welle" in panel.inner_text()
    assert "edge=fallout-chn" in link_fragment(page)
    screenshot(page, "article-edge-panel")


def test_click_actor_lists_relations_and_fades_the_rest(page, tmp_path, screenshot):
    G = article_graph()
    open_view(page, G, tmp_path)
    p = dom_point(page, "node", "RUS")
    page.mouse.click(p["x"], p["y"])
    panel = page.locator("#gg-panel")
    panel.locator("h2").wait_for()
    assert panel.locator("h2").inner_text() == "Russia"
    mine = [k for u, v, k in G.edges(keys=True) if "RUS" in (u, v)]
    assert panel.locator("ul.gg-relations > li").count() == len(mine)
    assert panel.locator("blockquote").count() == len(mine)
    opacity = page.evaluate(
        "Object.fromEntries(window.geograph.nodes.get().map(n => [n.id, n.opacity]))"
    )
    neighbours = {"RUS"} | set(G.predecessors("RUS")) | set(G.successors("RUS"))
    assert {n for n, o in opacity.items() if o == 1} == neighbours
    assert all(o < 1 for n, o in opacity.items() if n not in neighbours)
    screenshot(page, "article-actor-panel")
    # a relation in the actor's list opens that relation
    panel.locator("ul.gg-relations button").first.click()
    assert panel.locator("h2").inner_text() in {
        G.edges[e]["relation"] for e in G.edges(keys=True) if "RUS" in e[:2]
    }
    page.keyboard.press("Escape")
    assert page.evaluate("window.geograph.state().focus") is None


def test_time_slider_2018_versus_2020(page, tmp_path, screenshot):
    G = article_graph()
    open_view(page, G, tmp_path)
    before = page.evaluate("window.geograph.network.getPositions()")
    timeline = page.evaluate("window.geograph.payload.timeline")
    slider = page.locator("#gg-date")
    for at in ("2018-12", "2020-06"):
        slider.fill(str(timeline.index(at) + 1))  # position 0 is "all time"
        assert page.locator("#gg-date-label").inner_text() == at
        assert shown(page) == drawn(page) == expected_at(G, at)
        if at == "2018-12":
            screenshot(page, "article-2018-12")
    page.evaluate("window.geograph.setDate('2018')")
    in_2018 = shown(page)
    assert {"agreement", "bridges-kor", "bridges-usa"} <= in_2018
    assert not {"liaison", "no-need", "weapons"} & in_2018
    page.evaluate("window.geograph.setDate('2020-06')")
    in_2020 = shown(page)
    assert {"liaison", "no-need", "agreement", "surveillance"} <= in_2020
    assert not {"bridges-kor", "weapons", "support-chn"} & in_2020
    assert count_text(page) == f"{len(in_2020)} of {G.number_of_edges()} relations shown"
    slider.fill("0")
    assert page.locator("#gg-date-label").inner_text() == "All time"
    assert len(shown(page)) == G.number_of_edges()
    # hiding never moves anything
    assert page.evaluate("window.geograph.network.getPositions()") == before


def test_play_steps_through_time(page, tmp_path):
    open_view(page, article_graph(), tmp_path)
    page.click("#gg-play")
    page.wait_for_function("document.querySelector('#gg-date').value >= 2", timeout=5000)
    assert page.locator("#gg-play").get_attribute("aria-pressed") == "true"
    page.click("#gg-play")
    assert page.locator("#gg-play").inner_text() == "Play"


@pytest.mark.parametrize(
    "kind, value, keep",
    [
        ("status", "forecast", lambda d: d["status"] != "forecast"),
        ("sign", "hostile", lambda d: d["sign"] != -1),
        ("relation", "mobilize", lambda d: d["relation"] != "mobilize"),
        (
            "group",
            "group:west",
            lambda d: (
                "west" not in {dict(ACTORS_GROUPS)[d["source"]], dict(ACTORS_GROUPS)[d["target"]]}
            ),
        ),
    ],
)
def test_each_filter_hides_what_it_should(page, tmp_path, kind, value, keep):
    G = article_graph()
    open_view(page, G, tmp_path)
    expected = {k for _, _, k, d in G.edges(keys=True, data=True) if keep(d)}
    assert expected and len(expected) < G.number_of_edges()
    index = (
        page.evaluate(
            f"window.geograph.payload.{'legend.nodes.map(g => g.key)' if kind == 'group' else {'status': 'statuses', 'sign': 'null', 'relation': 'relations'}[kind]}"
        )
        if kind != "sign"
        else ["hostile", "cooperative", "neutral"]
    )
    box = page.locator(f"#gg-f-{kind}-{index.index(value)}")
    box.uncheck()
    assert shown(page) == drawn(page) == expected
    assert count_text(page) == f"{len(expected)} of {G.number_of_edges()} relations shown"
    assert f"{kind}=" in link_fragment(page)
    box.check()
    assert len(shown(page)) == G.number_of_edges()


ACTORS_GROUPS = [(a[0], a[3]) for a in ACTORS]


def test_group_filter_hides_actors(page, tmp_path):
    open_view(page, article_graph(), tmp_path)
    page.evaluate("window.geograph.setFilter('group', ['group:north'])")
    hidden = page.evaluate("window.geograph.nodes.get({filter: n => n.hidden}).map(n => n.id)")
    assert sorted(hidden) == ["KOR", "USA"]


def test_search_focuses_actor_by_alias(page, tmp_path):
    open_view(page, article_graph(), tmp_path)
    page.fill("#gg-search", "pyongyang")
    page.press("#gg-search", "Enter")
    assert page.evaluate("window.geograph.state().focus") == "PRK"
    assert page.evaluate("window.geograph.network.getSelectedNodes()") == ["PRK"]
    assert page.locator("#gg-panel h2").inner_text() == "North Korea"
    assert "focus=PRK" in link_fragment(page)
    assert page.evaluate("window.geograph.search('Moscow')") == "RUS"
    assert page.evaluate("window.geograph.search('no such actor')") is None


def test_url_fragment_restores_state(page, tmp_path):
    G = article_graph()
    open_view(page, G, tmp_path, fragment="date=2020-06&focus=KOR&status=fact,claim")
    state = page.evaluate("""(() => { const s = window.geograph.state();
        return {date: s.date, focus: s.focus, status: s.filters.status}; })()""")
    assert state == {"date": "2020-06", "focus": "KOR", "status": ["fact", "claim"]}
    expected = {
        k
        for k in expected_at(G, "2020-06")
        if G.edges[(*edge_ends(G, k), k)]["status"] != "forecast"
    }
    assert shown(page) == expected
    assert page.locator("#gg-date-label").inner_text() == "2020-06"
    assert not page.locator("#gg-f-status-2").is_checked()
    assert page.locator("#gg-panel h2").inner_text() == "South Korea"
    # editing the fragment by hand re-applies it
    page.evaluate("location.hash = '#sign=cooperative'")
    page.wait_for_function("window.geograph.state().filters.sign.length === 1")
    assert shown(page) == {k for *_, k, d in G.edges(keys=True, data=True) if d["sign"] == 1}


def test_hostile_fragment_is_ignored(page, tmp_path):
    G = article_graph()
    frag = (
        "date=javascript:alert(1)&focus=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"
        "&status=__proto__,constructor,fact&edge=%3Cscript%3E&relation=toString&x=%ZZ"
    )
    page.add_init_script(
        f"window.{TRAP} = false; window.alert = () => {{ window.{TRAP} = true; }};"
    )
    open_view(page, G, tmp_path, fragment=frag)
    state = page.evaluate("""(() => { const s = window.geograph.state();
        return [s.date, s.focus, s.edge, s.filters.status, s.filters.relation.length]; })()""")
    # unknown values among known ones are dropped; a filter of unknown values only keeps all
    types = {d["relation"] for *_, d in G.edges(data=True)}
    assert state == [None, None, None, ["fact"], len(types)]
    assert page.evaluate(f"window.{TRAP}") is False
    assert page.locator("img").count() == 0


def test_phone_width_opens_panel_as_bottom_sheet(page, tmp_path, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    open_view(page, article_graph(), tmp_path)
    panel = page.locator("#gg-panel")
    assert "gg-open" not in (panel.get_attribute("class") or "")
    page.evaluate("window.geograph.selectEdge('liaison')")
    box = panel.bounding_box()
    net = page.locator("#gg-network").bounding_box()
    # the sheet sits at the bottom of the screen, in sight, and leaves graph above it
    assert box["y"] + box["height"] <= 844 + 1 and box["y"] < 844 - 200
    assert box["y"] - net["y"] > 200 and net["width"] > 300
    assert panel.locator("h2").is_visible()
    screenshot(page, "article-phone")
    page.click("#gg-panel .gg-close")
    assert "gg-open" not in (panel.get_attribute("class") or "")


SECONDARY = [
    "#gg-physics",
    "#gg-png",
    "#gg-reset",
    "#gg-size",
    "#gg-layout",
    "#gg-color",
    "#gg-compare",
]


def test_phone_keeps_the_graph_in_sight_with_options_behind_one_button(page, tmp_path, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    open_view(page, article_graph(), tmp_path)
    options = page.get_by_role("button", name="Options")
    # finding an actor, Fit and the date stay; the ways of looking wait behind "Options"
    for sel in ["#gg-search", "#gg-fit", "#gg-date", "#gg-count"]:
        assert page.locator(sel).is_visible(), sel
    assert [s for s in SECONDARY if page.locator(s).is_visible()] == []
    assert options.get_attribute("aria-expanded") == "false"
    header = page.locator(".gg-header").bounding_box()
    assert header["height"] < 844 * 0.25  # the graph gets the screen
    options.click()
    assert options.get_attribute("aria-expanded") == "true"
    assert [s for s in SECONDARY if not page.locator(s).is_visible()] == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.select_option("#gg-layout", "force")
    page.select_option("#gg-size", "weight")
    assert page.evaluate("window.geograph.state().size") == "weight"
    screenshot(page, "article-phone-options")
    options.click()
    assert [s for s in SECONDARY if page.locator(s).is_visible()] == []
    # on a wide screen there is no such button and every control shows
    page.set_viewport_size({"width": 1280, "height": 800})
    assert not options.is_visible()
    assert [s for s in SECONDARY if not page.locator(s).is_visible()] == []


def test_controls_have_labels_and_keyboard_focus(page, tmp_path):
    open_view(page, article_graph(), tmp_path)
    unlabelled = page.evaluate("""[...document.querySelectorAll('input')]
        .filter(i => !i.labels || i.labels.length === 0).map(i => i.id)""")
    assert unlabelled == []
    page.focus("#gg-search")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "gg-physics"
    page.keyboard.press("Enter")
    assert page.locator("#gg-physics").get_attribute("aria-pressed") == "true"
    page.keyboard.press("Enter")
    assert page.locator("#gg-physics").get_attribute("aria-pressed") == "false"
    assert page.evaluate("window.geograph.network.physics.physicsEnabled") is False


def test_png_export_downloads_a_png(page, tmp_path):
    open_view(page, article_graph(), tmp_path)
    with page.expect_download() as info:
        page.click("#gg-png")
    data = Path(info.value.path()).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000


def test_empty_graph(page, tmp_path):
    open_view(page, nx.MultiDiGraph(), tmp_path)
    assert count_text(page) == "0 of 0 relations shown"
    assert page.locator("#gg-date").is_disabled()


def test_notebook_iframe_renders(page, tmp_path):
    from graph import show

    G = article_graph()
    page.set_content(show(G, height="500px")._repr_html_() + show(G)._repr_html_())
    frames = [f for f in page.frames if f != page.main_frame]
    assert len(frames) == 2
    for frame in frames:
        frame.wait_for_function("window.geograph && window.geograph.ready === true")
        assert frame.evaluate("window.geograph.edges.length") == G.number_of_edges()
    ids = page.evaluate("[...document.querySelectorAll('iframe')].map(f => f.id)")
    assert len(set(ids)) == 2


# ---------------------------------------------------------------- hostile data


def hostile_graph() -> nx.MultiDiGraph:
    """The article's shape with hostile text in every text column, ids included."""
    G = nx.MultiDiGraph(name=HOSTILE[1], relation_types=relation_types())
    ids = ["PRK", HOSTILE[0], HOSTILE[3], "__proto__", HOSTILE[2][:40]]
    G.graph["sources"] = {}
    for i, url in enumerate(HOSTILE_URLS):
        sid = hostile_cycle(i + 5)
        G.graph["sources"][sid] = {
            "id": sid,
            "title": hostile_cycle(i),
            "publisher": hostile_cycle(i + 1),
            "author": hostile_cycle(i + 2),
            "published": hostile_cycle(i + 3),
            "url": url,
            "extra column": hostile_cycle(i + 4),
        }
    for i, aid in enumerate(ids):
        G.add_node(
            aid,
            id=aid,
            name=hostile_cycle(i),
            type=hostile_cycle(i + 1) if i % 2 else "state",
            aliases=[hostile_cycle(i + 2), hostile_cycle(i + 3)],
            group=hostile_cycle(i + 4),
            description=hostile_cycle(i + 5),
            **{hostile_cycle(i + 6): hostile_cycle(i + 7)},
        )
    source_ids = list(G.graph["sources"])
    relations = list(relation_types())
    for i in range(len(HOSTILE)):
        s, t = ids[i % len(ids)], ids[(i * 2 + 1) % len(ids)]
        rid = hostile_cycle(i) + f"#{i}"
        G.add_edge(
            s,
            t,
            key=rid,
            id=rid,
            source=s,
            target=t,
            relation=relations[i % len(relations)] if i % 3 else hostile_cycle(i + 1),
            sign=(-1, 0, 1)[i % 3],
            intensity=float(i % 21 - 10),
            directed=bool(i % 2),
            status=("fact", "claim", "forecast")[i % 3],
            start=None,
            end=None,
            source_id=source_ids[i % len(source_ids)] if i % 4 else hostile_cycle(i + 2),
            said_by=hostile_cycle(i + 3),
            quote=hostile_cycle(i + 4),
            note=hostile_cycle(i + 5),
            **{"extra": hostile_cycle(i + 6)},
        )
    return G


def test_hostile_strings_never_run(page, tmp_path, screenshot):
    G = hostile_graph()
    page.add_init_script(
        f"window.{TRAP} = false; window.alert = () => {{ window.{TRAP} = true; }};"
    )
    open_view(page, G, tmp_path, title=HOSTILE[3])
    assert page.title() == HOSTILE[3]
    assert page.locator("#gg-title").inner_text() == HOSTILE[3]
    node_ids = page.evaluate("window.geograph.nodes.getIds().map(window.geograph.dataId)")
    edge_ids = page.evaluate("window.geograph.edges.getIds().map(window.geograph.dataId)")
    assert sorted(node_ids) == sorted(G.nodes) and len(edge_ids) == G.number_of_edges()
    for kind, ids in (("node", node_ids), ("edge", edge_ids)):
        for item_id in ids:
            p = dom_point(page, kind, item_id)
            page.mouse.move(p["x"], p["y"])
            page.wait_for_timeout(130)  # past the tooltip delay
            page.mouse.click(p["x"], p["y"])
            # and open the panel for exactly this item, whatever the click hit
            call = "focusNode" if kind == "node" else "selectEdge"
            assert page.evaluate(f"id => window.geograph.{call}(id)", item_id) is True
            for selector in FORBIDDEN_SELECTORS:
                assert page.locator(selector).count() == 0, (selector, kind, item_id)
    # the text arrives verbatim, as text
    page.evaluate("id => window.geograph.selectEdge(id)", edge_ids[2])
    assert (
        G.edges[(*edge_ends(G, edge_ids[2]), edge_ids[2])]["quote"]
        in page.locator("#gg-panel").inner_text()
    )
    hrefs = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)")
    assert all(h.startswith(("http:", "https:")) for h in hrefs), hrefs
    page.evaluate("id => window.geograph.focusNode(id)", "__proto__")
    assert page.evaluate(f"window.{TRAP}") is False
    assert page.evaluate(
        "Object.prototype.polluted === undefined && typeof ({}).constructor === 'function'"
    )
    screenshot(page, "hostile")


# ---------------------------------------------------------------- shipped data


SHIPPED = Path(__file__).resolve().parent.parent / "data"


def test_shipped_data_counts(page, tmp_path, screenshot):
    from graph import load

    G = load(SHIPPED).to_networkx()
    with (SHIPPED / "actors.csv").open(encoding="utf-8", newline="") as fh:
        actors = sum(1 for _ in csv.DictReader(fh))
    with (SHIPPED / "relations.csv").open(encoding="utf-8", newline="") as fh:
        relations = sum(1 for _ in csv.DictReader(fh))
    open_view(page, G, tmp_path)
    assert page.evaluate("[window.geograph.nodes.length, window.geograph.edges.length]") == [
        actors,
        relations,
    ]
    assert page.title() == "What’s driving North Korea’s actions toward the South?"
    screenshot(page, "shipped")


def test_shipped_article_in_2018_and_in_mid_2020(page, tmp_path, screenshot):
    """2018: the military agreement and the bridge-building; mid-2020: the liaison office and the rest."""
    from graph import load

    G = load(SHIPPED).to_networkx()
    open_view(page, G, tmp_path)
    page.evaluate("window.geograph.setDate('2018')")
    in_2018 = shown(page)
    assert {"R05", "R06", "R18", "R19"} <= in_2018  # bridge-building, agreement, demilitarization
    assert "R01" not in in_2018 and "R17" not in in_2018
    assert in_2018 == expected_at(G, "2018")
    page.evaluate("window.geograph.setDate('2020-06')")
    mid_2020 = shown(page)
    assert {"R01", "R02", "R03", "R20", "R22", "R23"} <= mid_2020
    assert not {"R05", "R06", "R19"} & mid_2020
    assert mid_2020 == expected_at(G, "2020-06")


def test_readme_screenshot(page, tmp_path, screenshot):
    """The README's picture: June 2020, the liaison office selected, the legend in sight."""
    from graph import load

    page.set_viewport_size({"width": 1280, "height": 800})
    open_view(page, load(SHIPPED).to_networkx(), tmp_path, fragment="date=2020-06&edge=R01")
    assert "the North’s destruction of the liaison office" in page.locator("body").inner_text()
    assert page.locator("#gg-legend-box").is_visible()
    screenshot(page, "readme")


# ---------------------------------------------------------------- a larger graph


@pytest.fixture(scope="module")
def larger_graph(tmp_path_factory):
    """300 actors, 3,000 relations with quotes, a few busy pairs (synthetic, seeded)."""
    from benchmarks.synthetic import make_dataset

    from graph import load

    return load(make_dataset(tmp_path_factory.mktemp("larger"), 300, 3000)).to_networkx()


def pair_members(G) -> dict[frozenset, set[str]]:
    out: dict[frozenset, set[str]] = {}
    for u, v, k in G.edges(keys=True):
        out.setdefault(frozenset((u, v)), set()).add(k)
    return out


def test_larger_graph_aggregates_pairs_and_lists_them(page, tmp_path, larger_graph, screenshot):
    G = larger_graph
    open_view(page, G, tmp_path, name="larger")
    members = pair_members(G)
    busy = {p: ids for p, ids in members.items() if len(ids) > 1}
    assert busy and max(map(len, busy.values())) > 3
    # one drawn edge per pair; physics off, layout done in the page
    assert page.evaluate("window.geograph.edges.length") == len(members)
    assert page.evaluate("window.geograph.network.physics.physicsEnabled") is False
    assert page.evaluate("window.geograph.layout.steps") > 0
    bundles = page.evaluate(
        "window.geograph.bundles.map(b => [b.from, b.to, b.relations, b.visId])"
    )
    assert {frozenset((a, b)): set(r) for a, b, r, _ in bundles} == busy
    counts = page.evaluate("window.geograph.pairCounts()")
    labels = page.evaluate(
        "Object.fromEntries(window.geograph.edges.get({filter: e => e.id.startsWith("
        "'geograph:pair:')}).map(e => [e.id, e.label]))"
    )
    assert (
        {v: int(labels[v]) for *_, v in bundles} == {v: len(r) for _, _, r, v in bundles} == counts
    )
    # click a busy pair's line where nothing else is drawn on top of it
    candidates = page.evaluate(
        "window.geograph.bundles.filter(b => b.from !== b.to && b.count <= 200)"
        ".sort((a, b) => b.count - a.count).slice(0, 15).map(b => b.visId)"
    )
    target = None
    for vid in candidates:
        page.evaluate(
            """vid => { const net = window.geograph.network, e = net.body.edges[vid];
            net.moveTo({position: e.edgeType.getPoint(0.5), scale: 2, animation: false}); }""",
            vid,
        )
        page.wait_for_timeout(100)
        target = page.evaluate(
            """vid => {
            const g = window.geograph, net = g.network, b = g.bundles.find(x => x.visId === vid);
            const r = document.querySelector("#gg-network canvas").getBoundingClientRect();
            const p = net.canvasToDOM(net.body.edges[vid].edgeType.getPoint(0.5));
            if (net.getEdgeAt(p) !== vid || net.getNodeAt(p) !== undefined) return null;
            return {x: r.left + p.x, y: r.top + p.y, from: b.from, to: b.to, count: b.count};
        }""",
            vid,
        )
        if target:
            break
    assert target is not None
    page.mouse.click(target["x"], target["y"])
    panel = page.locator("#gg-panel")
    panel.locator("h2").wait_for()
    ids = members[frozenset((target["from"], target["to"]))]
    assert panel.locator("ul.gg-relations > li").count() == len(ids) == target["count"]
    quotes = panel.locator("ul.gg-relations blockquote").all_inner_texts()
    assert sorted(quotes) == sorted(G.edges[(*edge_ends(G, k), k)]["quote"] for k in ids)
    assert "pair=" in link_fragment(page)
    screenshot(page, "larger-pair-panel")
    # a relation in the list opens that relation, drawn by its pair's line
    panel.locator("ul.gg-relations button").first.click()
    rid = page.evaluate("window.geograph.state().edge")
    assert rid in ids
    assert page.evaluate("window.geograph.network.getSelectedEdges()") == [
        page.evaluate("id => window.geograph.drawnEdgeId(id)", rid)
    ]


def test_larger_graph_counts_follow_date_and_filters(page, tmp_path, larger_graph):
    G = larger_graph
    open_view(page, G, tmp_path, name="larger")
    bundles = page.evaluate("window.geograph.bundles.map(b => [b.visId, b.relations])")

    def check(keep):
        counts = page.evaluate("window.geograph.pairCounts()")
        drawn_now = page.evaluate(
            "Object.fromEntries(window.geograph.edges.get().filter(e => e.id.startsWith("
            "'geograph:pair:')).map(e => [e.id, [e.label, !!e.hidden]]))"
        )
        expected = {v: sum(1 for r in rel if r in keep) for v, rel in bundles}
        assert counts == expected
        # a pair showing one relation is drawn as that relation: no count (and no name, large graph)
        assert {v: (lab, hid) for v, (lab, hid) in drawn_now.items()} == {
            v: ("" if n == 1 else str(n), n == 0) for v, n in expected.items()
        }
        assert any(n == 0 for n in expected.values()) and any(n > 0 for n in expected.values())

    page.evaluate("window.geograph.setDate('2003')")
    keep = expected_at(G, "2003")
    assert shown(page) == keep
    check(keep)
    assert vis_draws(page) == drawn(page)
    page.evaluate("window.geograph.setDate(null)")
    page.locator("#gg-f-status-0").uncheck()  # fact
    keep = {k for *_, k, d in G.edges(keys=True, data=True) if d["status"] != "fact"}
    assert shown(page) == keep
    check(keep)
    assert vis_draws(page) == drawn(page)
    # the pair panel follows: open a pair, move the slider, the panel recounts
    v, rel = max(bundles, key=lambda b: len(b[1]))
    page.evaluate(
        "v => { const b = window.geograph.bundles.find(x => x.visId === v); "
        "window.geograph.selectPair(b.from, b.to); }",
        v,
    )
    shown_here = len([r for r in rel if r in keep])
    assert f"({shown_here} shown of {len(rel)})" in page.locator("#gg-panel").inner_text()


def vis_draws(page) -> set[str]:
    """What vis-network draws and answers clicks on: its list of visible edges."""
    return set(
        page.evaluate(
            "window.geograph.network.body.edgeIndices.map(id => window.geograph.dataId(id))"
        )
    )


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    return [
        (a["id"], b["id"])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    ]


NEXT_FRAME = "new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))"


def test_larger_graph_labels_fit_most_related_first(page, tmp_path, larger_graph, screenshot):
    G = larger_graph
    open_view(page, G, tmp_path, name="larger")
    page.evaluate(NEXT_FRAME)
    labels = page.evaluate("window.geograph.labels()")
    assert labels and not overlapping(labels)
    assert not any(x["faded"] for x in labels)
    degree = dict(G.degree())
    assert len(labels) < G.number_of_nodes()  # not all fit at this zoom ...
    top = max(degree, key=lambda n: (degree[n], n))
    assert top in {x["id"] for x in labels}  # ... the most related one does
    named = {x["id"] for x in labels}
    mean = lambda ids: sum(degree[n] for n in ids) / len(ids)  # noqa: E731
    assert mean(named) > 1.5 * mean(set(degree) - named)
    screenshot(page, "larger-labels")
    # zooming in: more labels in the part of the graph still in sight
    box = page.evaluate(
        "(() => { const c = document.getElementById('gg-network');"
        " return {w: c.clientWidth, h: c.clientHeight}; })()"
    )
    x0, y0, x1, y1 = box["w"] * 0.3, box["h"] * 0.3, box["w"] * 0.7, box["h"] * 0.7

    def inside(items, scale=1.0):
        cx, cy = box["w"] / 2, box["h"] / 2
        out = set()
        for x in items:
            mx, my = x["x"] + x["width"] / 2, x["y"]
            zx, zy = cx + (mx - cx) * scale, cy + (my - cy) * scale
            if 0 <= zx <= box["w"] and 0 <= zy <= box["h"] and (x0 <= mx <= x1 and y0 <= my <= y1):
                out.add(x["id"])
        return out

    before = inside(labels)
    page.evaluate(
        "window.geograph.network.moveTo({scale: window.geograph.network.getScale() * 2.5,"
        " animation: false})"
    )
    page.evaluate(NEXT_FRAME)
    after = page.evaluate("window.geograph.labels()")
    assert not overlapping(after)
    assert len(after) > len(before) and before <= {x["id"] for x in after} | before
    screenshot(page, "larger-labels-zoomed")


def test_larger_graph_focus_fades_other_labels(page, tmp_path, larger_graph, screenshot):
    G = larger_graph
    open_view(page, G, tmp_path, name="larger")
    degree = dict(G.degree())
    focus = sorted(degree, key=lambda n: (-degree[n], n))[20]
    neighbours = {focus} | set(G.predecessors(focus)) | set(G.successors(focus))
    page.evaluate(f"window.geograph.focusNode({focus!r}, {{move: false}})")
    page.evaluate(NEXT_FRAME)
    labels = page.evaluate("window.geograph.labels()")
    assert not overlapping(labels)
    assert labels[0]["id"] == focus and not labels[0]["faded"]  # placed first
    assert {x["id"] for x in labels if not x["faded"]} <= neighbours
    assert all(x["faded"] for x in labels if x["id"] not in neighbours)
    assert any(x["faded"] for x in labels)
    # on the canvas: the faded labels are pale, the neighbourhood's dark
    dark = page.evaluate(
        """labels => { const c = document.querySelector('#gg-network canvas');
        const ctx = c.getContext('2d'), r = c.width / c.clientWidth;
        return labels.map(l => { const d = ctx.getImageData(Math.round(l.x * r),
            Math.round(l.y * r), Math.max(1, Math.round(l.width * r)),
            Math.max(1, Math.round(l.height * r))).data;
          let n = 0; for (let i = 0; i < d.length; i += 4)
            if (d[i + 3] > 200 && d[i] + d[i + 1] + d[i + 2] < 300) n++;
          return [l.faded, n / (d.length / 4)]; }); }""",
        labels,
    )
    bright = [f for faded, f in dark if not faded]
    pale = [f for faded, f in dark if faded]
    assert sum(pale) / len(pale) < sum(bright) / len(bright) / 3
    # nothing faded went through the DataSets: the lines keep their look there
    assert page.evaluate(
        "window.geograph.edges.get().every(e => !e.color || e.color.opacity === 1)"
    )
    screenshot(page, "larger-focus-labels")
    page.keyboard.press("Escape")
    page.evaluate(NEXT_FRAME)
    assert not any(x["faded"] for x in page.evaluate("window.geograph.labels()"))
