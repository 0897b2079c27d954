"""The page's state and its automation API in headless Chromium.

``window.geograph.state()``, ``set(partial)`` and ``shown()`` describe and
drive the same state as the URL fragment; the payload the page publishes is
the one ``graph.payload.view_payload`` documents, unchanged by the page.
"""

from __future__ import annotations

import json

import pytest
from viewpages import article_graph, expected_at, link_fragment, open_view

from graph.payload import view_payload
from graph.view import payload_json

pytestmark = pytest.mark.browser


def test_published_payload_is_the_documented_one(page, tmp_path):
    G = article_graph()
    open_view(page, G, tmp_path)
    # exercise the page first: selection, date, filters, a pair
    page.evaluate(
        "window.geograph.set({date: '2018', edge: 'sanctions', filters: {sign: ['hostile']}})"
    )
    page.evaluate("window.geograph.focusNode('PRK')")
    published = page.evaluate("JSON.stringify(window.geograph.payload)")
    assert json.loads(published) == json.loads(payload_json(view_payload(G)))
    assert page.evaluate("Object.isFrozen(window.geograph.payload.edges.id)") is True


def test_state_set_shown_and_fragment_agree(page, tmp_path):
    G = article_graph()
    open_view(page, G, tmp_path)
    state = page.evaluate("window.geograph.state()")
    assert state["date"] is None and state["focus"] is None and state["edge"] is None
    assert set(state["filters"]) == {"status", "sign", "relation", "group", "said_by", "source"}
    assert state["layout"] == {"name": "force"}
    after = page.evaluate(
        "window.geograph.set({date: '2020-06', focus: 'KOR', filters: {status: ['fact', 'claim']}})"
    )
    assert after["date"] == "2020-06" and after["focus"] == "KOR"
    assert after["filters"]["status"] == ["fact", "claim"]
    want = {
        k
        for k in expected_at(G, "2020-06")
        if next(d for *_, kk, d in G.edges(keys=True, data=True) if kk == k)["status"] != "forecast"
    }
    assert set(page.evaluate("window.geograph.shown()")) == want
    fragment = link_fragment(page)
    assert fragment == "#date=2020-06&focus=KOR&status=fact,claim"
    # the same fragment in a new page gives the same state
    other = page.context.new_page()
    other.goto(page.url.split("#")[0] + fragment)
    other.wait_for_function("window.geograph && window.geograph.ready === true")
    assert other.evaluate("window.geograph.state()") == page.evaluate("window.geograph.state()")
    other.close()
    # unknown values are dropped, a selection key clears the others
    page.evaluate("window.geograph.set({edge: 'sanctions', filters: {sign: ['__proto__']}})")
    s = page.evaluate("window.geograph.state()")
    assert s["edge"] == "sanctions" and s["focus"] is None and s["filters"]["sign"] == []
    assert page.evaluate("window.geograph.shown()") == []


# Counts the page's history.replaceState calls from now on (window.testWrites).
_COUNT_WRITES = """() => {
  window.testWrites = 0;
  const write = history.replaceState;
  history.replaceState = function () { window.testWrites++; return write.apply(this, arguments); };
}"""


def test_a_burst_of_changes_writes_the_link_once(page, tmp_path):
    open_view(page, article_graph(), tmp_path)
    page.evaluate(_COUNT_WRITES)
    # five changes in one task: none written yet, then one write of the last state
    before = page.evaluate(
        """() => { const g = window.geograph;
                   for (const d of ['2017', '2018', '2019', '2020']) g.set({date: d});
                   g.set({focus: 'KOR'});
                   return location.hash; }"""
    )
    assert before == ""
    page.wait_for_function("location.hash === '#date=2020&focus=KOR'", timeout=5000)
    assert page.evaluate("window.testWrites") == 1
    # a click in the address bar (the window loses focus) writes it at once
    assert page.evaluate(
        """() => { window.geograph.set({focus: null}); const pending = location.hash;
                   dispatchEvent(new Event('blur'));
                   return [pending, location.hash, window.testWrites]; }"""
    ) == ["#date=2020&focus=KOR", "#date=2020", 2]
    page.wait_for_timeout(600)  # nothing left to write
    assert page.evaluate("window.testWrites") == 2


def test_a_link_opened_while_a_write_waits_is_not_written_over(page, tmp_path):
    """A change waits to be written to the link; before it is, the reader opens
    another link (the fragment changes from outside): the page takes the
    opened link's state, and never writes its older one over it."""
    open_view(page, article_graph(), tmp_path)
    state = page.evaluate(
        """() => new Promise(done => {
             const g = window.geograph;
             g.set({date: '2018', focus: 'KOR'});        // its write waits for the burst to end
             addEventListener('hashchange', () => setTimeout(() => {
               const s = g.state(); done([location.hash, s.date, s.focus]); }, 0), {once: true});
             location.hash = 'date=2020-06';               // the reader's link
             dispatchEvent(new Event('blur'));             // the waiting write is due before its hashchange
           })"""
    )
    assert state == ["#date=2020-06", "2020-06", None]
    page.wait_for_timeout(600)  # and nothing written over it later
    assert page.evaluate("location.hash") == "#date=2020-06"


def test_hostile_values_through_the_api(page, tmp_path):
    import networkx as nx
    from hostile import FORBIDDEN_SELECTORS, HOSTILE, TRAP

    G = nx.MultiDiGraph(name="hostile")
    for h in HOSTILE:
        G.add_node(h, name=h, group=h)
    for i, h in enumerate(HOSTILE):
        G.add_edge(h, HOSTILE[i - 1], key=h, id=h, relation=h, status=h, start="2020")
    page.add_init_script(f"window.{TRAP} = false;")
    open_view(page, G, tmp_path)
    for h in HOSTILE[:12]:
        s = page.evaluate(
            "h => window.geograph.set({edge: h, date: h, filters: {status: [h], relation: [h, 'no-such-type']}})",
            h,
        )
        assert s["edge"] == h and s["filters"]["status"] == [h] and s["filters"]["relation"] == [h]
        assert page.evaluate("window.geograph.shown()") == [h]
        page.evaluate("h => window.geograph.set({focus: h})", h)
        assert page.evaluate("window.geograph.state().focus") == h
    # the fragment written from that state reads back as the same state
    state = page.evaluate("window.geograph.state()")
    page.evaluate("window.geograph.set({focus: null})")
    link_fragment(page)  # written
    page.evaluate("location.hash = location.hash + '&'")  # a hand edit re-applies the fragment
    page.wait_for_timeout(100)
    again = page.evaluate("window.geograph.state()")
    assert again["filters"] == state["filters"] and again["date"] == state["date"]
    assert page.evaluate(f"window.{TRAP}") is False
    for sel in FORBIDDEN_SELECTORS:
        assert page.locator(sel).count() == 0, sel
