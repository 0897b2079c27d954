"""Readable event graphs: the latest period, thresholds, top ties and the backbone in the view.

The dataset is a real import (``graph.events.import_gdelt``) of a synthetic
GDELT export; every expectation is computed here in Python from the graph,
and the backbone's from :func:`graph.backbone`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from viewpages import article_graph, link_fragment, table_rows

import graph
from graph.cli import cli
from graph.dates import interval, overlaps
from graph.notebook import view_fragment
from graph.payload import view_payload
from graph.payload.events import check_opening, event_payload, is_event_graph
from graph.view import render_html

pytest.importorskip("duckdb")


@pytest.fixture(scope="module")
def event_dir(tmp_path_factory) -> Path:
    from benchmarks.bench_import import make_gdelt_file

    from graph.events import import_gdelt

    tmp = tmp_path_factory.mktemp("events")
    make_gdelt_file(tmp / "events.CSV", 4000, countries=15)
    import_gdelt([tmp / "events.CSV"], tmp / "data", period="month", progress=False)
    return tmp / "data"


@pytest.fixture(scope="module")
def G(event_dir) -> nx.MultiDiGraph:
    return graph.load(event_dir).to_networkx()


def latest(G) -> str:
    return max({d["start"] for _, _, d in G.edges(data=True)})


def at(G, date: str | None) -> dict[str, dict]:
    return {
        k: d
        for _, _, k, d in G.edges(keys=True, data=True)
        if date is None or overlaps(d["start"], d["end"], date)
    }


def top_k(G, relations: dict[str, dict], k: int) -> set[str]:
    """Each actor's k strongest ties (pairs by their events), and every relation of a kept pair."""
    weight: dict[frozenset, int] = defaultdict(int)
    members: dict[frozenset, set[str]] = defaultdict(set)
    for key, d in relations.items():
        if d["source"] != d["target"]:
            pair = frozenset((d["source"], d["target"]))
            weight[pair] += d["events"]
            members[pair].add(key)
    partners: dict[str, list] = defaultdict(list)
    for pair, w in weight.items():
        a, b = sorted(pair)
        partners[a].append((-w, b, pair))
        partners[b].append((-w, a, pair))
    kept = {p for ties in partners.values() for _, _, p in sorted(ties)[:k]}
    return {key for p in kept for key in members[p]}


def pairs_of(G, keys) -> set[frozenset]:
    ends = {k: (u, v) for u, v, k in G.edges(keys=True)}
    return {frozenset(ends[k]) for k in keys}


# ---------------------------------------------------------------- the payload


def test_event_data_is_recognised_by_its_events_column(G):
    assert is_event_graph(G)
    assert not is_event_graph(article_graph())
    assert view_payload(article_graph())["events"] is None
    p = event_payload(G, {n: i for i, n in enumerate(G)})
    assert p["start"] == latest(G)
    assert p["events"] == "events" and p["goldstein"] == "goldstein_mean"
    assert p["max_events"] == max(d["events"] for _, _, d in G.edges(data=True))
    assert p["open"] == {"min_events": 0, "min_goldstein": 0, "top": 0, "backbone": None}


def test_pairs_carry_the_disparity_filter_of_graph_backbone(G):
    index = {n: i for i, n in enumerate(G)}
    nodes = list(G)
    p = {frozenset((nodes[i], nodes[j])): x for i, j, x in event_payload(G, index)["pairs"]}
    for alpha in (0.05, 0.3):
        kept = {frozenset(e) for e in graph.backbone(G, alpha, weight="events").edges()}
        assert {pair for pair, x in p.items() if x < alpha} == kept


def test_bad_opening_state_is_refused_with_the_key():
    with pytest.raises(ValueError, match="top: need a whole number"):
        check_opening(nx.MultiDiGraph(view={"top": -1}))
    with pytest.raises(ValueError, match="unknown key 'alpha'"):
        check_opening(nx.MultiDiGraph(view={"alpha": 0.1}))
    with pytest.raises(ValueError, match="min_goldstein: need a number from 0 to 10"):
        check_opening(nx.MultiDiGraph(view={"min_goldstein": 11}))


def test_an_opening_date_outside_the_data_is_refused(G, tmp_path):
    """``G.graph["view"]["date"]`` is checked as ``show(date=...)`` is: the page would clamp it."""
    H = G.copy()
    H.graph["view"] = {"date": "2031"}
    with pytest.raises(
        ValueError, match=r"date: 2031 is after the data, .*; or 'all' for all time"
    ):
        render_html(H, tmp_path / "x.html")
    assert not (tmp_path / "x.html").exists()


def test_view_fragment_takes_the_event_thresholds(G):
    assert (
        view_fragment(G, date="all", min_events=3, top=2, backbone=0.05)
        == "#date=all&min_events=3&top=2&backbone=0.05"
    )
    with pytest.raises(ValueError, match="backbone: need a significance level"):
        view_fragment(G, backbone=0)
    with pytest.raises(ValueError, match="not event data"):
        view_fragment(article_graph(), top=3)


def test_build_sets_the_opening_thresholds(event_dir, tmp_path):
    out = tmp_path / "g.html"
    args = ["build", str(event_dir), "-o", str(out), "--min-events", "2", "--top", "3"]
    result = CliRunner().invoke(cli, [*args, "--backbone", "0.2"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}\n"
    page = out.read_text(encoding="utf-8")
    start = page.index('id="gg-data">') + len('id="gg-data">')
    payload = json.loads(page[start : page.index("</script>", start)])
    assert payload["events"]["open"] == {
        "min_events": 2,
        "min_goldstein": 0,
        "top": 3,
        "backbone": 0.2,
    }
    result = CliRunner().invoke(
        cli, ["build", "data", "-o", str(tmp_path / "a.html"), "--top", "3"]
    )
    assert result.exit_code == 0 and "not event data" in result.stderr


# ---------------------------------------------------------------- the page

browser = pytest.mark.browser


@pytest.fixture(scope="module")
def event_page(browser, G, tmp_path_factory):
    """One page for the module; console errors and requests fail the test that made them."""
    tmp = tmp_path_factory.mktemp("event-page")
    path = render_html(G, tmp / "events.html")
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    requests: list[str] = []
    context.route(
        "**/*",
        lambda r: (
            r.continue_()
            if r.request.url.startswith(("file:", "data:", "blob:", "about:"))
            else (requests.append(r.request.url), r.abort())
        ),
    )
    pg = context.new_page()
    errors: list[str] = requests
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.goto(path.as_uri())
    pg.wait_for_function("window.geograph && window.geograph.ready === true", timeout=30000)
    pg.errors = errors  # type: ignore[attr-defined]
    pg.url_of = path.as_uri()  # type: ignore[attr-defined]
    yield pg
    context.close()


def goto(pg, fragment: str) -> None:
    """Open the page at ``fragment`` (a hash change: the page restores that state)."""
    # resolved by a listener added after the page's own, so after it restored the state
    pg.evaluate(
        "f => new Promise(r => { addEventListener('hashchange', () => r(), {once: true});"
        " location.hash = f; })",
        fragment,
    )


def shown(pg) -> set[str]:
    return set(pg.evaluate("window.geograph.shown()"))


@browser
def test_page_opens_at_the_latest_period(event_page, G):
    pg = event_page
    state = pg.evaluate("window.geograph.state()")
    assert state["date"] == latest(G)
    assert shown(pg) == set(at(G, latest(G)))
    assert pg.locator("#gg-date-label").inner_text() == latest(G)
    pg.evaluate("window.geograph.set({date: null})")
    assert link_fragment(pg) == "#date=all"
    assert shown(pg) == set(at(G, None))
    assert pg.errors == []


@browser
def test_thresholds_on_events_and_goldstein(event_page, G):
    pg = event_page
    goto(pg, "#date=all&min_events=3&min_goldstein=3")
    expected = {
        k for k, d in at(G, None).items() if d["events"] >= 3 and abs(d["goldstein_mean"] or 0) >= 3
    }
    assert expected and shown(pg) == expected
    state = pg.evaluate("window.geograph.state()")
    assert (state["min_events"], state["min_goldstein"]) == (3, 3)
    # the range input drives the same state and the URL
    pg.evaluate(
        "() => { const i = document.getElementById('gg-min-events'); i.value = '0';"
        " i.dispatchEvent(new Event('input')); }"
    )
    assert pg.evaluate("window.geograph.state().min_events") == 0
    assert link_fragment(pg) == "#date=all&min_goldstein=3"
    assert pg.locator("#gg-filter-events output").first.inner_text() == "any number of events"
    assert pg.errors == []


@browser
def test_top_k_ties_per_actor(event_page, G):
    pg = event_page
    for k, date in ((1, None), (3, latest(G))):
        goto(pg, f"#date={date or 'all'}&top={k}")
        expected = top_k(G, at(G, date), k)
        assert expected and shown(pg) == expected
    assert pg.errors == []


@browser
def test_backbone_keeps_exactly_the_ties_of_graph_backbone(event_page, G):
    pg = event_page
    kept = []
    for alpha in (0.05, 0.3):
        goto(pg, f"#date=all&backbone={alpha}")
        expected = {frozenset(e) for e in graph.backbone(G, alpha, weight="events").edges()}
        assert pairs_of(G, shown(pg)) == expected
        kept.append(expected)
    assert kept[0] and kept[0] < kept[1]
    assert pg.locator("#gg-backbone").input_value() == "2"  # 0.3 is shown at the 0.2 step
    assert pg.evaluate("window.geograph.set({backbone: 'off'}).backbone") is None
    assert pg.errors == []


def table_order(G, keys, by_sign: bool = False) -> list[str]:
    """The relations table's order of ``keys``: (sign,) first day, last day, then id."""
    data = {k: d for _, _, k, d in G.edges(keys=True, data=True) if k in keys}

    def key(k):
        lo, hi = interval(data[k]["start"], data[k]["end"])
        day = (lo.isoformat() if lo else "", hi.isoformat() if hi else "\uffff", k)
        return (data[k]["sign"], *day) if by_sign else day

    return sorted(data, key=key)


@browser
def test_the_opening_table_and_counts_are_those_of_the_whole_order(event_page, G):
    # The page opens at its latest period, where it sorts only the relations shown
    # and makes every relation's order later, when idle: the rows are the same.
    pg = event_page
    pg.goto(pg.url_of)
    pg.wait_for_function("window.geograph && window.geograph.ready === true", timeout=30000)
    now = set(at(G, latest(G)))
    assert 4 * len(now) < G.number_of_edges()  # the path taken for few relations shown
    rows = table_rows(pg)
    assert rows == table_order(G, now)[:200]
    assert pg.locator("#gg-table-box summary").inner_text() == f"Relations ({len(now)})"
    statuses = dict(pg.evaluate("window.geograph.filterCounts()")["status"])
    assert statuses["fact"] == len(now) and sum(statuses.values()) == len(now)
    assert (
        pg.locator("#gg-count").inner_text()
        == f"{len(now)} of {G.number_of_edges()} relations shown"
    )
    # sorted by sign at the latest period, then all time in the whole order
    pg.locator("#gg-table th.gg-col-sign button").click()
    rows = table_rows(pg)
    assert rows == table_order(G, now, by_sign=True)[:200]
    pg.locator("#gg-table th.gg-col-date button").click()
    goto(pg, "#date=all")
    rows = table_rows(pg)
    assert rows == table_order(G, set(at(G, None)))[:200]
    assert pg.errors == []


@browser
def test_hand_coded_data_has_no_event_controls(page, tmp_path):
    from viewpages import open_view

    open_view(page, article_graph(), tmp_path)
    assert page.locator("#gg-filter-events").inner_html() == ""
    state = page.evaluate("window.geograph.state()")
    assert state["date"] is None and "top" not in state
    page.evaluate("window.geograph.set({top: 1, min_events: 5})")
    assert link_fragment(page) == ""


@browser
def test_reset_goes_back_to_the_opening_period_and_thresholds(browser, G, tmp_path):
    H = G.copy()
    H.graph["view"] = {"top": 3, "min_events": 2}
    path = render_html(H, tmp_path / "opening.html")
    pg = browser.new_page(viewport={"width": 1280, "height": 800})
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.goto(path.as_uri() + "#date=all&min_events=0&top=0&backbone=0.2")
    pg.wait_for_function("window.geograph && window.geograph.ready === true", timeout=30000)
    assert pg.evaluate("window.geograph.state().date") is None
    pg.click("#gg-reset")
    state = pg.evaluate("window.geograph.state()")
    # not all time with no thresholds: the page as it opened, latest period and all
    assert state["date"] == latest(G)
    assert (state["min_events"], state["top"], state["backbone"]) == (2, 3, None)
    assert pg.locator("#gg-top").input_value() == "3"
    assert link_fragment(pg) == f"#date={latest(G)}"
    assert errors == []
    pg.close()


# ---------- a pair that shows one relation is drawn and clicked as that relation ----------


def _busy_pair_graph() -> nx.MultiDiGraph:
    """The article, and 12 consultations of the United States with China in 2021.

    USA-CHN then has 13 relations, drawn as one counted line; before 2021 it
    shows one of them (fallout-chn, 2018 on), as a date step of event data does.
    """
    G = article_graph()
    for i in range(12):
        G.add_edge("USA", "CHN", key=f"consult{i}", id=f"consult{i}", relation="consult", sign=1,
                   intensity=1.0, directed=True, status="fact", start="2021", end="2021",
                   source_id="dw", quote=f"talk {i}")  # fmt: skip
    return G


PAIR_LINE = """vid => {
    const g = window.geograph, net = g.network, item = g.edges.get(vid), e = net.body.edges[vid];
    const r = document.querySelector("#gg-network canvas").getBoundingClientRect();
    // a point of the line where nothing else is hit (a name is drawn clear of its line)
    let at = null;
    for (const t of [0.3, 0.7, 0.25, 0.75, 0.35, 0.65, 0.2, 0.8]) {
        const p = net.canvasToDOM(e.edgeType.getPoint(t));
        if (net.getEdgeAt(p) === vid && net.getNodeAt(p) === undefined && g.edgeLabels().every(
            b => p.x < b.x || p.x > b.x + b.width || p.y < b.y || p.y > b.y + b.height)) {
            at = {x: r.left + p.x, y: r.top + p.y}; break;
        }
    }
    const names = g.edgeLabels().filter(b => b.id === vid)
        .map(b => ({text: b.text, x: r.left + b.x + b.width / 2, y: r.top + b.y + b.height / 2}));
    return {label: item.label, width: item.width, colour: item.color.color, arrows: item.arrows,
            hidden: !!item.hidden, at: at, names: names, count: g.pairCounts()[vid]};
}"""


def _pair_vid(pg, a, b) -> str:
    return pg.evaluate(
        "([a, b]) => window.geograph.bundles.find(x => (x.from === a && x.to === b) ||"
        " (x.from === b && x.to === a)).visId",
        [a, b],
    )


def _export_legend(pg) -> list[str]:
    """The labels of the PNG export's legend."""
    info = pg.evaluate(
        "window.geograph.exportPNG({scale: 1}).then(() => window.geograph.exportInfo())"
    )
    return [e["label"] for e in info["legend"]]


@browser
def test_a_pair_showing_one_relation_is_that_relation(page, tmp_path, screenshot):
    from viewpages import open_view

    open_view(page, _busy_pair_graph(), tmp_path, "date=2019")
    vid = _pair_vid(page, "USA", "CHN")
    line = page.evaluate(PAIR_LINE, vid)
    alone = page.evaluate(
        "id => window.geograph.edges.get(window.geograph.visId(id))", "fallout-rus"
    )
    assert line["count"] == 1
    # drawn as fallout-chn would be alone: its name, its width and colour, its head at the middle
    assert line["label"] == "reduce-relations"
    assert [n["text"] for n in line["names"]] == ["reduce-relations"]
    assert "1" not in [b["text"] for b in page.evaluate("window.geograph.edgeLabels()")]
    assert (line["width"], line["colour"]) == (alone["width"], alone["color"]["color"])
    assert line["arrows"]["middle"]["enabled"] and not line["arrows"]["to"]["enabled"]
    screenshot(page, "events-pair-of-one")
    assert not [t for t in _export_legend(page) if "a number" in t]  # nor in the PNG's legend
    # its tooltip is the relation's
    assert line["at"] is not None
    page.mouse.move(line["at"]["x"], line["at"]["y"])
    tip = page.locator("div.vis-tooltip")
    tip.wait_for(state="visible")
    assert tip.inner_text().startswith("reduce-relations: United States → China")
    # a click on the line, or on its name, opens the relation, not the pair
    for point in (line["at"], line["names"][0]):
        page.keyboard.press("Escape")
        page.mouse.click(point["x"], point["y"])
        state = page.evaluate("window.geograph.state()")
        assert (state["edge"], state["pair"]) == ("fallout-chn", None)
        assert page.locator("#gg-panel h2").inner_text() == "reduce-relations"
        assert "edge=fallout-chn" in link_fragment(page) and "pair=" not in link_fragment(page)
    screenshot(page, "events-pair-of-one-selected")
    page.keyboard.press("Escape")
    # a date step that brings it up to 13: the count and the pair's panel
    page.evaluate("window.geograph.set({date: '2021'})")
    line = page.evaluate(PAIR_LINE, vid)
    assert (line["label"], line["count"]) == ("13", 13)
    assert [n["text"] for n in line["names"]] == ["13"]
    assert [t for t in _export_legend(page) if "a number" in t]
    page.mouse.click(line["at"]["x"], line["at"]["y"])
    state = page.evaluate("window.geograph.state()")
    assert state["edge"] is None and sorted(state["pair"]) == ["CHN", "USA"]
    page.keyboard.press("Escape")
    # and a filter that brings it down to one again
    page.evaluate(
        "window.geograph.set({date: null, filters: {relation: ['consult', 'cooperate']}})"
    )
    line = page.evaluate(PAIR_LINE, vid)
    assert (line["label"], line["count"]) == ("12", 12)
    page.evaluate("window.geograph.set({filters: {relation: ['reduce-relations']}})")
    line = page.evaluate(PAIR_LINE, vid)
    assert (line["label"], line["count"]) == ("reduce-relations", 1)
    page.mouse.click(line["at"]["x"], line["at"]["y"])
    assert page.evaluate("window.geograph.state().edge") == "fallout-chn"


# the legend's entries in sight that speak of a mixed pair
GREY_WORDS = "els => els.filter(e => e.getClientRects().length && e.textContent.includes('mixed'))"
GREY_WORDS += ".map(e => e.textContent)"


@browser
def test_a_link_to_a_pair_showing_one_relation_opens_that_relation(page, tmp_path, screenshot):
    """``pair=`` at a date where the pair shows one relation opens the relation's panel (it
    had opened the pair's, "1 shown of 13"), as a click on its line does; where it shows
    more, the pair's. The legend names the count, and a mixed pair's grey, only while some
    pair is drawn so."""
    from viewpages import open_view

    path = open_view(page, _busy_pair_graph(), tmp_path, "date=2019&pair=USA,CHN")
    state = page.evaluate("window.geograph.state()")
    assert (state["edge"], state["pair"]) == ("fallout-chn", None)
    assert page.locator("#gg-panel h2").inner_text() == "reduce-relations"
    fragment = link_fragment(page)
    assert "edge=fallout-chn" in fragment and "pair=" not in fragment
    note = page.locator("#gg-legend .gg-width-note")
    assert note.inner_text() == "Wider line: stronger relation (Goldstein scale)."
    assert page.eval_on_selector_all("#gg-legend .gg-legend-entry", GREY_WORDS) == []
    screenshot(page, "events-pair-link-of-one")
    # the API's pair, and selectPair, at a date where it shows one, the same
    page.keyboard.press("Escape")
    assert page.evaluate("window.geograph.set({pair: ['CHN', 'USA']}).edge") == "fallout-chn"
    page.keyboard.press("Escape")
    page.evaluate("window.geograph.selectPair('USA', 'CHN')")
    assert page.evaluate("window.geograph.state().edge") == "fallout-chn"
    # where it shows 13, the pair; and the legend's count comes with them
    page.goto("about:blank")
    page.goto(path.as_uri() + "#date=2021&pair=USA,CHN")
    page.wait_for_function("window.geograph && window.geograph.ready === true")
    state = page.evaluate("window.geograph.state()")
    assert state["edge"] is None and sorted(state["pair"]) == ["CHN", "USA"]
    assert note.inner_text() == "Wider line: stronger relation; a number: relations of the pair."
    # an open pair stays open when a date leaves it one relation (Play goes on through it)
    page.evaluate("window.geograph.set({date: '2019'})")
    assert sorted(page.evaluate("window.geograph.state().pair")) == ["CHN", "USA"]
    assert note.inner_text() == "Wider line: stronger relation (Goldstein scale)."


@browser
def test_event_pairs_count_only_where_there_are_more_than_one(event_page, G):
    pg = event_page
    pg.evaluate(
        "d => window.geograph.set({date: d, min_events: 0, min_goldstein: 0, top: 0, backbone: null})",
        latest(G),
    )
    pairs = pg.evaluate(
        "(() => { const g = window.geograph, c = g.pairCounts();"
        " return g.edges.get({filter: e => String(e.id).startsWith('geograph:pair:')})"
        ".map(e => [e.id, e.label, !!e.hidden, c[e.id]]); })()"
    )
    ones = [p for p in pairs if p[3] == 1]
    assert ones and any(p[3] > 1 for p in pairs)
    for vid, label, hidden, count in pairs:
        assert hidden == (count == 0), vid
        if count:  # more than 80 relations: a single relation carries no name on its line
            assert label == (str(count) if count > 1 else ""), vid
    assert pg.errors == []


@browser
def test_a_pair_that_comes_to_show_one_relation_draws_no_old_count(event_page, G):
    # vis-network ignores an empty label in an update: a pair whose count ("0"
    # while hidden, "3" before) gave way to its one relation kept drawing it
    pg = event_page
    dates = sorted({d["start"] for _, _, d in G.edges(data=True)})
    stale = []
    for date in dates:
        pg.evaluate("d => window.geograph.set({date: d})", date)
        stale += pg.evaluate(
            """() => {
              const net = window.geograph.network, set = window.geograph.edges, out = [];
              set.get({filter: e => String(e.id).startsWith("geograph:pair:")}).forEach(e => {
                const item = net.body.edges[e.id];
                if (item && !item.options.hidden && (item.options.label || "") !== (e.label || ""))
                  out.push([e.id, e.label, item.options.label]);
              });
              return out;
            }"""
        )
    assert stale == []
    assert pg.errors == []
