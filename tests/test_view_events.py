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
