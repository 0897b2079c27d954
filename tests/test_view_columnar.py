"""The page's compact relation columns, decoded in headless Chromium, are the payload."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from hostile import HOSTILE
from viewpages import open_view

from graph.payload import page_payload, view_payload

pytestmark = pytest.mark.browser


def compact_graph() -> nx.MultiDiGraph:
    """Relations that take every encoding: template ids, URL lists, runs, tables, absent extras."""
    G = nx.MultiDiGraph(name="compact")
    for a in ("AFG", "ARG", "BRA"):
        G.add_node(a, name=a)
    for i in range(60):
        u, v = ("AFG", "ARG") if i < 30 else ("ARG", "BRA")
        start = None if i % 7 == 3 else f"{1960 + i}-{i % 12 + 1:02d}"
        relation = ("consult", "appeal")[i % 2]
        rid = f"{u}-{v}-{start}-{relation}" if start else f"odd {i} {HOSTILE[i % len(HOSTILE)]}"
        extra = {"events": i % 4, "mentions": 1.5 * i}
        if i % 5:
            extra["evidence_urls"] = (
                f"https://news.example/{i}.html https://news.example/{i}b.html?q=<&>"
                if i % 2
                else f"https://news.example/{i}.html"
            )
        G.add_edge(
            u,
            v,
            key=rid,
            id=rid,
            relation=relation,
            status="fact",
            start=start,
            end=start,
            note=f"{i % 3 + 1} events",
            quote=None if i % 4 else HOSTILE[i % len(HOSTILE)],
            **extra,
        )
    return G


def test_the_page_decodes_its_compact_columns_into_the_payload(page, tmp_path):
    G = compact_graph()
    kinds = {
        k: (c["k"] if isinstance(c, dict) else "list")
        for k, c in page_payload(G)["edges"]["columns"].items()
    }
    assert {"runs", "const", "table", "template"} <= set(kinds.values())
    assert page_payload(G)["edges"]["extra"]["evidence_urls"]["k"] == "words"
    open_view(page, G, tmp_path)
    got = json.loads(page.evaluate("JSON.stringify(window.geograph.payload)"))
    assert got == json.loads(json.dumps(view_payload(G)))
    first = page.evaluate("window.geograph.payload.edges.extra[1][1]")
    assert first == {
        "events": 1,
        "mentions": 1.5,
        "evidence_urls": "https://news.example/1.html https://news.example/1b.html?q=<&>",
    }
