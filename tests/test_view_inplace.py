"""The in-place restyle of large graphs against vis-network's own update().

Large graphs (graph/templates/js/40-style.js) set the keys vis-network reads
when it draws (hidden, width, dashes, colour, the count's text) on its parsed
edges and an actor's size on its parsed node, and write vis-data's stored items
directly. The same page opened with ``window.geographDebug = {inPlace: false}``
sends every change through the DataSets' ``update()``, which vis-network parses
itself; after each action of a series (date steps, filter toggles, focus,
selection, compare mode, Size by) every drawn item must look the same in both.
"""

from __future__ import annotations

from typing import Any

import pytest
from benchmarks.synthetic import make_dataset
from viewpages import goto_view

from graph import load
from graph.view import render_html

pytestmark = pytest.mark.browser

# What vis-network draws an edge and a node with, read from its parsed items.
LOOKS = """() => {
  const body = window.geograph.network.body, out = {edges: {}, nodes: {}};
  const round = v => typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v;
  for (const [id, e] of Object.entries(body.edges)) {
    const o = e.options, a = o.arrows;
    out.edges[id] = {
      hidden: !!o.hidden, width: round(o.width), dashes: JSON.stringify(o.dashes),
      label: o.label === undefined ? null : String(o.label),
      colour: [o.color.color, o.color.highlight, o.color.hover, round(o.color.opacity), o.color.inherit],
      arrows: [a.to.enabled, a.from.enabled, a.middle.enabled, round(a.to.scaleFactor)],
      font: [o.font.color, round(o.font.strokeWidth)], shadow: !!o.shadow.enabled,
      drawn: e.connected
    };
  }
  for (const [id, n] of Object.entries(body.nodes)) {
    const o = n.options;
    out.nodes[id] = {hidden: !!o.hidden, size: round(o.size), value: round(o.value),
                     border: round(o.borderWidth), opacity: round(o.opacity)};
  }
  out.edgeIndices = body.edgeIndices.slice().sort();
  out.nodeIndices = body.nodeIndices.slice().sort();
  return out;
}"""

# A series of actions as a user makes them (state keys as window.geograph.set takes them).
ACTIONS: list[dict[str, Any]] = [
    {"date": "2005"},
    {"date": "2006"},
    {"date": "2007"},
    {"filters": {"status": ["fact", "forecast"]}},
    {"filters": {"status": ["claim"]}},
    {"size": "weight"},
    {"date": "2009"},
    {"focus": "third actor"},
    {"focus": None},
    {"filters": {"status": ["fact", "claim", "forecast"]}},
    {"compare": "2004", "date": "2012"},
    {"compare": None},
    {"size": "relations"},
    {"date": None},
]


@pytest.fixture(scope="module")
def large_page(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("inplace")
    G = load(make_dataset(tmp / "data", 160, 1200)).to_networkx()
    return render_html(G, tmp / "large.html")


def test_in_place_restyle_draws_what_vis_networks_update_draws(page, large_page):
    quiet, parsed = page, page.context.new_page()
    errors: list[str] = []
    parsed.on("pageerror", lambda exc: errors.append(str(exc)))
    parsed.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    parsed.add_init_script("window.geographDebug = {inPlace: false}")
    for pg in (quiet, parsed):
        goto_view(pg, large_page)
    # a large graph (over 150 actors) with counted pairs: the path under test
    assert quiet.evaluate("window.geograph.payload.large") is True
    assert quiet.evaluate("window.geograph.edges.length") < quiet.evaluate(
        "window.geograph.relations.length"
    )
    actors = quiet.evaluate("window.geograph.payload.nodes.map(n => n.id)")
    edge = quiet.evaluate("window.geograph.relations[7].id")
    series = [dict(a) for a in ACTIONS]
    for a in series:
        if a.get("focus") == "third actor":
            a["focus"] = actors[3]
    series.insert(6, {"edge": edge})
    series.insert(7, {"edge": None})
    changed = 0
    first = quiet.evaluate(LOOKS)
    for action in series:
        for pg in (quiet, parsed):
            pg.evaluate("s => window.geograph.set(s)", action)
        got, want = quiet.evaluate(LOOKS), parsed.evaluate(LOOKS)
        assert quiet.evaluate("window.geograph.state()") == parsed.evaluate(
            "window.geograph.state()"
        )
        for kind in ("edges", "nodes"):
            assert set(got[kind]) == set(want[kind]), (
                action,
                kind,
                set(got[kind]) ^ set(want[kind]),
            )
            bad = [k for k in want[kind] if got[kind][k] != want[kind][k]]
            assert not bad, (action, kind, [(got[kind][k], want[kind][k]) for k in bad[:3]])
        assert got["edgeIndices"] == want["edgeIndices"], action
        assert got["nodeIndices"] == want["nodeIndices"], action
        changed += sum(v != first["edges"].get(k) for k, v in got["edges"].items())
    assert changed > 100  # the series restyled many lines, so the comparison can fail
    assert not errors


# Each counted pair's line against its relations shown, counted here: the
# count, hidden at none, the colour of its signs' sum, the dashes of its statuses.
PAIRS_AS_SHOWN = """() => {
  const g = window.geograph, shown = new Set(g.shown()), styles = g.payload.styles, bad = [];
  let counted = 0;
  for (const b of g.bundles) {
    const on = b.members.filter(e => shown.has(e.id)), item = g.edges.get(b.visId);
    const sum = on.reduce((s, e) => s + e.sign, 0), has = s => on.some(e => e.status === s);
    const dashes = has('fact') ? false : has('claim') ? styles.status_dashes.claim
      : has('forecast') ? styles.status_dashes.forecast : false;
    // a pair showing one relation is drawn as that relation: on a large graph, no name on its line
    const want = [on.length === 1 ? '' : String(on.length), on.length === 0, styles.sign_colours[String(Math.sign(sum))],
                  JSON.stringify(dashes)];
    const got = [item.label, item.hidden, item.color.color, JSON.stringify(item.dashes)];
    if (JSON.stringify(got) !== JSON.stringify(want)) bad.push([b.visId, got, want]);
    if (on.length > 1) counted++;
  }
  return [bad.slice(0, 3), counted];
}"""


def test_counted_pairs_follow_their_relations_shown(page, large_page):
    goto_view(page, large_page)
    series = [{"date": d} for d in ("2005", "2006", "2004", "2010")] + [
        {"filters": {"status": ["fact", "forecast"]}},
        {"filters": {"status": ["claim"]}},
        {"filters": {"sign": ["hostile", "neutral"]}},
        {"date": "2011"},
        {"filters": {"status": ["fact", "claim", "forecast"]}},
        {"filters": {"sign": ["hostile", "neutral", "cooperative"]}},
        {"date": None},
    ]
    counted = 0
    for action in series:
        page.evaluate("s => window.geograph.set(s)", action)
        bad, n = page.evaluate(PAIRS_AS_SHOWN)
        assert not bad, (action, bad)
        counted += n
    assert counted > 100  # pairs of several relations were shown, so the check can fail
