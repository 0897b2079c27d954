"""What a new user met in the view, in headless Chromium.

The legend in a notebook's short frame, a counted pair opened on the world map,
filter groups of one value, and a graph left empty by the filters or the date.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from hostile import FORBIDDEN_SELECTORS, HOSTILE, TRAP
from viewpages import article_graph, expected_at, open_view, shown

import graph

pytestmark = pytest.mark.browser

DATA = Path(__file__).resolve().parent.parent / "data"
TWO_FRAMES = "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


# ---------- the legend in a short frame ----------


def _notebook_frame(page, G, height="600px"):
    """graph.show's output in a page as wide as a notebook's, and the view's frame."""
    page.set_content(
        '<div style="width: 1000px; margin: 20px">'
        + graph.show(G, height=height)._repr_html_()
        + "</div>"
    )
    frame = next(f for f in page.frames if f != page.main_frame)
    frame.wait_for_function("window.geograph && window.geograph.ready === true", timeout=20000)
    frame.evaluate(TWO_FRAMES)
    return frame


def _set_height(page, frame, px: int):
    page.evaluate(
        "h => { document.querySelector('iframe.geograph-view').style.height = h + 'px'; }", px
    )
    frame.wait_for_function("h => window.innerHeight === h", arg=px)
    frame.evaluate(TWO_FRAMES)


def test_notebook_frame_starts_with_the_legend_folded(page, screenshot):
    frame = _notebook_frame(page, graph.load(DATA).to_networkx())
    legend, graph_area = frame.locator("#gg-legend-box"), frame.locator(".gg-graph").bounding_box()
    assert graph_area["height"] < 560
    assert legend.get_attribute("open") is None
    # the one line still says what the lines mean, and leaves the graph free
    summary = legend.locator("summary")
    assert summary.bounding_box()["height"] < 24
    assert "hostile" in summary.inner_text() and "forecast" in summary.inner_text()
    box = legend.bounding_box()
    assert box["width"] * box["height"] < 0.08 * graph_area["width"] * graph_area["height"]
    screenshot(page, "more-notebook-legend-folded")
    summary.click()  # one click opens it
    assert legend.get_attribute("open") == ""
    assert legend.locator("button", has_text="forecast").is_visible()
    screenshot(page, "more-notebook-legend-opened")
    # the reader's choice outlasts a resize of the frame, both ways
    _set_height(page, frame, 900)
    _set_height(page, frame, 560)
    assert legend.get_attribute("open") == ""
    summary.click()
    _set_height(page, frame, 1000)
    assert legend.get_attribute("open") is None


def test_legend_follows_the_frame_until_the_reader_chooses(page):
    frame = _notebook_frame(page, article_graph(), height="560px")
    legend = frame.locator("#gg-legend-box")
    assert legend.get_attribute("open") is None
    _set_height(page, frame, 900)  # now a tall graph: open, as on a full page
    assert legend.get_attribute("open") == ""
    _set_height(page, frame, 600)
    assert legend.get_attribute("open") is None


def test_full_page_keeps_the_legend_open(page, tmp_path):
    open_view(page, article_graph(), tmp_path)
    assert page.locator("#gg-legend-box").get_attribute("open") == ""


# ---------- a counted pair opened on the map ----------

COUNTRIES = [
    "USA", "CHN", "RUS", "PRK", "KOR", "JPN", "IND", "BRA", "FRA", "DEU", "GBR", "CAN",
    "MEX", "AUS", "ZAF", "EGY", "NGA", "ARG", "TUR", "IRN", "SAU", "IDN", "PAK", "ESP",
]  # fmt: skip


def _map_graph() -> nx.MultiDiGraph:
    """24 countries on the map in a ring, and USA-CHN with 16 relations (a counted pair)."""
    G = nx.MultiDiGraph(name="map pair")
    for iso in COUNTRIES:
        G.add_node(iso, name=iso)

    def add(u, v, key, start, sign=1, status="fact"):
        G.add_edge(u, v, key=key, id=key, relation="cooperate" if sign > 0 else "threaten",
                   sign=sign, intensity=3.0 * sign, directed=True, status=status, start=start, end=start)  # fmt: skip

    for i, (u, v) in enumerate(zip(COUNTRIES[2:], COUNTRIES[3:])):
        add(u, v, f"ring{i}", "2019")
    for i in range(16):
        u, v = ("USA", "CHN") if i % 2 else ("CHN", "USA")
        add(u, v, f"p{i:02d}", "2019" if i < 6 else "2020", sign=1 if i % 3 else -1,
            status="claim" if i == 0 else "fact")  # fmt: skip
    for i in range(30):  # a pair of many: its curves close up in a band
        add("MEX", "IDN", f"q{i:02d}", "2019")
    return G


# Per relation of the open pair drawn: its curve's middle, off the straight line
# between its actors (signed, on screen px), and the actors' places on screen.
CURVES = """([one, other, prefix]) => {
    const g = window.geograph, net = g.network, box = g.network.body.container.getBoundingClientRect();
    const a = net.canvasToDOM(net.getPosition(one)), b = net.canvasToDOM(net.getPosition(other));
    const len = Math.hypot(b.x - a.x, b.y - a.y), out = {};
    for (const e of g.edges.get({filter: e => !e.hidden && !String(e.id).startsWith('geograph:pair:')})) {
        const d = g.dataId(e.id);
        if (!d.startsWith(prefix)) continue;
        const m = net.canvasToDOM(net.body.edges[e.id].edgeType.getPoint(0.5));
        out[d] = ((b.x - a.x) * (m.y - a.y) - (b.y - a.y) * (m.x - a.x)) / len;
    }
    return {offsets: out, ends: [a, b], width: box.width, height: box.height, length: len};
}"""


USA_CHN = ["USA", "CHN", "p"]


def _gaps(offsets):
    xs = sorted(offsets)
    return [b - a for a, b in zip(xs, xs[1:])]


def test_open_pair_on_the_map_stays_close_and_in_sight(page, tmp_path, screenshot):
    G = _map_graph()
    open_view(page, G, tmp_path, "date=all")
    assert page.evaluate("window.geograph.state().layout") == {"name": "map"}
    assert page.evaluate("window.geograph.pairCounts()")  # USA-CHN is drawn as one counted line
    # the reader looks elsewhere, zoomed in, then opens the pair (the table, the URL, the API)
    page.evaluate("window.geograph.network.moveTo({position: {x: 3000, y: 2000}, scale: 2})")
    page.evaluate("window.geograph.selectPair('USA', 'CHN')")
    got = page.evaluate(CURVES, USA_CHN)
    for p in got["ends"]:  # framed: both actors in the graph
        assert 20 <= p["x"] <= got["width"] - 20 and 20 <= p["y"] <= got["height"] - 20, got
    offsets = list(got["offsets"].values())
    assert len(offsets) == 16
    # neighbouring curves 20 px apart on screen, not a share of the pair's length:
    # the outer ones 150 px off a line of 700 px or more (0.47 of it before)
    assert got["length"] > 700
    assert all(g == pytest.approx(20, abs=1.5) for g in _gaps(offsets)), _gaps(offsets)
    assert max(offsets) == pytest.approx(150, abs=3) and min(offsets) == pytest.approx(-150, abs=3)
    screenshot(page, "more-map-pair-open")
    # only the relations shown take a place in the spread
    page.evaluate("window.geograph.set({date: '2019'})")
    got = page.evaluate(CURVES, USA_CHN)
    assert set(got["offsets"]) == {f"p{i:02d}" for i in range(6)}
    offsets = list(got["offsets"].values())
    assert all(g == pytest.approx(20, abs=1.5) for g in _gaps(offsets)), _gaps(offsets)
    assert min(offsets) == pytest.approx(-50, abs=3) and max(offsets) == pytest.approx(50, abs=3)
    # one relation shown: a straight line
    page.evaluate("window.geograph.set({filters: {status: ['claim']}})")
    page.evaluate("window.geograph.set({edge: 'p00'})")
    got = page.evaluate(CURVES, USA_CHN)
    assert list(got["offsets"]) == ["p00"] and abs(got["offsets"]["p00"]) < 1
    screenshot(page, "more-map-pair-one")
    # thirty: evenly spread in a band of 2 x 160 px
    page.evaluate(
        "window.geograph.set({filters: {status: ['fact', 'claim']}, pair: ['MEX', 'IDN']})"
    )
    got = page.evaluate(CURVES, ["MEX", "IDN", "q"])
    offsets = list(got["offsets"].values())
    assert len(offsets) == 30 and max(offsets) == pytest.approx(160, abs=3)
    assert max(_gaps(offsets)) - min(_gaps(offsets)) < 1.5
    screenshot(page, "more-map-pair-thirty")


def test_pair_opened_from_the_url_is_spread_at_the_first_frame(page, tmp_path):
    open_view(page, _map_graph(), tmp_path, "date=all&pair=USA,CHN")
    page.evaluate(TWO_FRAMES)
    got = page.evaluate(CURVES, USA_CHN)
    assert len(got["offsets"]) == 16
    assert all(g == pytest.approx(20, abs=1.5) for g in _gaps(got["offsets"].values()))


# ---------- filter groups of one value ----------


def _one_group_graph() -> nx.MultiDiGraph:
    G = article_graph()
    for n in G:
        G.nodes[n]["group"] = "Korean Peninsula"
    return G


def test_a_group_of_one_value_is_text_with_its_count(page, tmp_path, screenshot):
    G = _one_group_graph()  # one source, one actor group
    open_view(page, G, tmp_path)
    for kind in ("source", "group"):
        box = page.locator(f"#gg-filter-{kind}")
        assert box.locator("input").count() == 0, kind
        assert box.locator("button:visible").count() == 0, kind
    source = page.locator("#gg-filter-source .gg-frow")
    title = "Deutsche Welle: What's driving North Korea's actions toward the South?"
    assert source.text_content() == f"{title} ({G.number_of_edges()})"
    page.evaluate("window.geograph.set({date: '2020-06'})")
    assert (
        source.locator(".gg-fcount").inner_text().strip() == f"({len(expected_at(G, '2020-06'))})"
    )
    # groups of several values keep their checkboxes
    assert page.locator("#gg-filter-status input").count() == 3
    assert page.locator("#gg-filter-said_by input").count() == 2
    # the legend: a lone actor group is said, not a button that changes nothing
    actors = page.locator("#gg-legend [role=group][aria-label=Actors]")
    assert actors.locator("button").count() == 0
    assert actors.locator(".gg-legend-entry").inner_text() == "Korean Peninsula"
    assert page.locator("#gg-legend [role=group][aria-label=Sign] button").count() == 2
    screenshot(page, "more-single-groups")
    # left out by the API or a link: said so, and "all" brings it back
    page.evaluate("window.geograph.set({filters: {source: []}})")
    assert "gg-off" in source.get_attribute("class")
    page.get_by_role("button", name="Show all sources").click()
    assert page.evaluate("window.geograph.state().filters.source") == ["dw"]
    assert page.locator("#gg-filter-source button:visible").count() == 0


# ---------- no relation shown ----------


def test_empty_graph_says_what_hides_it_and_shows_all_again(page, tmp_path, screenshot):
    G = article_graph()
    open_view(page, G, tmp_path, "date=2020-06")
    note = page.locator("#gg-empty")
    assert note.is_hidden()
    # no forecast is valid in June 2020: the filters hide everything
    page.evaluate(
        "window.geograph.set({filters: {status: ['forecast'], sign: ['hostile', 'neutral']}})"
    )
    assert shown(page) == set()
    assert note.is_visible()
    text = note.inner_text()
    assert "No relation matches the filters at 2020-06" in text
    assert "Status (only forecast)" in text and "Sign (only hostile, neutral)" in text
    assert "Relation type" not in text  # groups at all their values hide nothing
    screenshot(page, "more-empty-filters")
    note.get_by_role("button", name="Show all relations").click()
    st = page.evaluate("window.geograph.state()")
    assert (
        st["date"] == "2020-06"
        and len(st["filters"]["status"]) == 3
        and len(st["filters"]["sign"]) == 3
    )
    assert shown(page) == expected_at(G, "2020-06")
    assert note.is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('vis-network')")
    # a date at which no relation is valid: the date is named, and all time comes back
    page.evaluate("window.geograph.set({date: '1999', filters: {status: ['fact']}})")
    assert "No relation is valid at 1999" in note.inner_text() and "the date" in note.inner_text()
    screenshot(page, "more-empty-date")
    note.get_by_role("button", name="Show all relations").click()
    assert page.evaluate("window.geograph.state().date") is None
    assert len(shown(page)) == G.number_of_edges()
    assert page.locator("#gg-count").inner_text().startswith(f"{G.number_of_edges()} of")


def test_empty_note_names_event_thresholds(page, tmp_path):
    from event_files import GDELT_LINES

    from graph.events import import_gdelt

    events = tmp_path / "events.csv"
    events.write_text("\n".join(GDELT_LINES) + "\n", encoding="utf-8")
    import_gdelt([events], tmp_path / "data", progress=False)
    open_view(
        page, graph.load(tmp_path / "data").to_networkx(), tmp_path, "date=all&min_events=1000"
    )
    note = page.locator("#gg-empty")
    assert "At least (1000 events)" in note.inner_text()
    note.get_by_role("button", name="Show all relations").click()
    assert page.evaluate("window.geograph.state().min_events") == 0 and shown(page)


def test_hostile_values_in_the_empty_note_stay_text(page, tmp_path):
    G = nx.MultiDiGraph(name="hostile")
    G.add_node("A", name="A")
    G.add_node("B", name="B")
    for i, h in enumerate(HOSTILE[:10]):
        G.add_edge(
            "A",
            "B",
            key=f"r{i}",
            id=f"r{i}",
            relation="cooperate",
            status="fact",
            said_by=h,
            start="2020",
        )
    page.add_init_script(f"window.{TRAP} = false;")
    open_view(page, G, tmp_path)
    page.evaluate(
        "s => window.geograph.set({filters: {said_by: [s], status: ['claim']}})", HOSTILE[2]
    )
    note = page.locator("#gg-empty")
    assert HOSTILE[2] in note.inner_text()
    assert page.evaluate(f"window.{TRAP}") is False
    for sel in FORBIDDEN_SELECTORS:
        assert page.locator(sel).count() == 0, sel


def test_no_note_for_a_graph_without_relations(page, tmp_path):
    G = nx.MultiDiGraph(name="actors only")
    G.add_node("A", name="A")
    open_view(page, G, tmp_path)
    assert page.locator("#gg-empty").is_hidden()
