"""Evidence in the panel, in headless Chromium: every http(s) URL a link, ICEWS story ids named."""

from __future__ import annotations

import networkx as nx
import pytest
from hostile import HOSTILE, HOSTILE_URLS, TRAP
from viewpages import open_view

pytestmark = pytest.mark.browser


def evidence_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph(name="evidence")
    G.graph["sources"] = {
        "gdelt-events": {
            "id": "gdelt-events",
            "title": "GDELT 2.0 events",
            "url": "https://www.gdeltproject.org/data.html",
        },
        "icews-events": {
            "id": "icews-events",
            "title": "ICEWS coded event data (machine-coded)",
            "url": "https://dataverse.harvard.edu/dataverse/icews",
        },
    }
    for a in ("PRK", "KOR"):
        G.add_node(a, name=a)
    G.add_edge(
        "PRK",
        "KOR",
        key="g1",
        id="g1",
        relation="threaten",
        source_id="gdelt-events",
        evidence="https://news.example/a?x=1&y=2 | http://news.example/b|javascript:alert(1)",
        note="https://not-evidence.example/in-a-note",
    )
    G.add_edge(
        "KOR",
        "PRK",
        key="i1",
        id="i1",
        relation="appeal",
        source_id="icews-events",
        evidence="20160123|20160456",
    )
    G.add_edge(
        "KOR",
        "PRK",
        key="h1",
        id="h1",
        relation="appeal",
        source_id="gdelt-events",
        evidence="|".join(("https://ok.example/x", *HOSTILE_URLS)),
        link=HOSTILE[0],
    )
    # The columns the event importers write, their values separated by spaces.
    G.add_edge(
        "PRK",
        "KOR",
        key="g2",
        id="g2",
        relation="threaten",
        source_id="gdelt-events",
        evidence_urls="https://a.example/1 https://b.example/2",
    )
    G.add_edge(
        "KOR",
        "PRK",
        key="i2",
        id="i2",
        relation="appeal",
        source_id="icews-events",
        story_ids="111 222",
    )
    return G


def test_the_event_importers_evidence_columns_are_links_and_stories(page, tmp_path):
    open_view(page, evidence_graph(), tmp_path)
    page.evaluate("window.geograph.selectEdge('g2')")
    links = page.locator("#gg-panel .gg-evidence a")
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [
        "https://a.example/1",
        "https://b.example/2",
    ]
    page.evaluate("window.geograph.selectEdge('i2')")
    text = page.locator("#gg-panel .gg-evidence").inner_text()
    assert "ICEWS story 111" in text and "ICEWS story 222" in text


def test_every_http_url_is_a_link(page, tmp_path):
    open_view(page, evidence_graph(), tmp_path)
    page.evaluate("window.geograph.selectEdge('g1')")
    links = page.locator("#gg-panel a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    # the relation's own evidence first (its other columns), then its source's link
    assert hrefs == [
        "https://news.example/a?x=1&y=2",
        "http://news.example/b",
        "https://www.gdeltproject.org/data.html",
    ]
    assert all(links.nth(i).get_attribute("rel") == "noopener noreferrer" for i in range(3))
    text = page.locator("#gg-panel .gg-evidence").inner_text()
    assert "javascript:alert(1)" in text  # shown, as text only


def test_icews_story_ids_are_named(page, tmp_path):
    open_view(page, evidence_graph(), tmp_path)
    page.evaluate("window.geograph.selectEdge('i1')")
    text = page.locator("#gg-panel .gg-evidence").inner_text()
    assert "ICEWS story 20160123" in text and "ICEWS story 20160456" in text


def test_hostile_evidence_never_runs(page, tmp_path):
    page.add_init_script(f"window.{TRAP} = false;")
    open_view(page, evidence_graph(), tmp_path)
    page.evaluate("window.geograph.selectEdge('h1')")
    for i in range(page.locator("#gg-panel a").count()):
        href = page.locator("#gg-panel a").nth(i).get_attribute("href")
        assert href.startswith(("http://", "https://")), href
    assert page.locator("#gg-panel .gg-evidence a").count() == 1
    shown = page.locator("#gg-panel .gg-evidence").inner_text()
    assert HOSTILE_URLS[0] in shown  # as text
    assert page.evaluate(f"window.{TRAP}") is False
    assert page.locator("#gg-panel script, #gg-panel img, #gg-panel svg").count() == 0
