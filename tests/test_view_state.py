"""The page's state and its automation API in headless Chromium.

``window.geograph.state()``, ``set(partial)`` and ``shown()`` describe and
drive the same state as the URL fragment; the payload the page publishes is
the one ``graph.payload.view_payload`` documents, unchanged by the page.
"""

from __future__ import annotations

import json

import pytest
from viewpages import article_graph, expected_at, open_view

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
    assert set(state["filters"]) == {"status", "sign", "relation", "group"}
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
    fragment = page.evaluate("location.hash")
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
