"""The page as it opens, in headless Chromium: nothing scrolls sideways, the search
list's arrow keys scroll only the list, and what the page makes lazily (a relation's
extra attributes, the published payload's columns) is what the data says.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from viewpages import fail_on_problems, goto_view, reopen_view, shared_page, shipped_page_file

import graph

pytestmark = pytest.mark.browser

VIEWPORTS = {
    "desktop": {"width": 1280, "height": 800, "options": {}},
    "phone": {"width": 390, "height": 844, "options": {"is_mobile": True, "has_touch": True}},
}

# Every box that scrolls sideways (the page, or an element whose overflow-x scrolls and
# whose content is wider than it), as "what: content width > box width".
_SIDEWAYS = """() => {
    const out = [], d = document.documentElement;
    if (d.scrollWidth > d.clientWidth) out.push('page: ' + d.scrollWidth + ' > ' + d.clientWidth);
    for (const el of document.querySelectorAll('body *')) {
        const s = getComputedStyle(el);
        if (!['auto', 'scroll'].includes(s.overflowX) || el.clientWidth === 0) continue;
        if (el.scrollWidth > el.clientWidth + 1)
            out.push((el.id || el.className) + ': ' + el.scrollWidth + ' > ' + el.clientWidth);
    }
    return out;
}"""


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    return shipped_page_file(tmp_path_factory, "view-open")


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def pg(request, browser):
    v = VIEWPORTS[request.param]
    with shared_page(browser, v["width"], v["height"], **v["options"]) as page:
        yield page


@pytest.fixture(autouse=True)
def _clean(pg):
    yield from fail_on_problems(pg)


@pytest.mark.parametrize(
    "fragment", ["", "date=2018", "focus=PRK", "edge=sanctions", "compare=2018&date=2020-06"]
)
def test_nothing_scrolls_sideways(pg, page_file, fragment):
    reopen_view(pg, page_file, fragment)
    assert pg.locator("#gg-table tbody tr").count() > 0
    assert pg.evaluate(_SIDEWAYS) == []
    # every column of the table is inside its box (the Sign column was cut off by 11 px)
    overflow = pg.evaluate(
        "() => { const w = document.querySelector('.gg-table-wrap').getBoundingClientRect();"
        " return [...document.querySelectorAll('#gg-table thead th')].filter(th => th.offsetWidth)"
        ".map(th => th.getBoundingClientRect().right - w.right); }"
    )
    assert overflow and max(overflow) <= 0.5


def _many_actors(n: int = 60) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for i in range(n):
        G.add_node(f"L{i:02d}", name=f"Land {i:02d}", type="state", group="g")
    for i in range(n - 1):
        G.add_edge(
            f"L{i:02d}",
            f"L{i + 1:02d}",
            key=f"r{i}",
            relation="cooperate",
            sign=1,
            intensity=2.0,
            status="fact",
            start="2020",
            end=None,
            directed=True,
        )
    return G


def test_arrow_keys_scroll_the_search_list_not_the_page(pg, tmp_path):
    path = graph.render_html(_many_actors(), tmp_path / "lands.html")
    goto_view(pg, path)
    # the page scrolled a little, so that the list's first rows are out of the window:
    # scrollIntoView would scroll the page back to show them
    pg.evaluate(
        "() => { document.body.style.minHeight = '300vh'; window.scrollTo(0, 150);"
        " const i = document.getElementById('gg-search'); i.focus({preventScroll: true});"
        " i.value = 'land'; i.dispatchEvent(new InputEvent('input', {bubbles: true})); }"
    )
    before = pg.evaluate("[scrollX, scrollY, document.querySelector('.gg-side').scrollTop]")
    assert before[1] == 150
    where = """() => { const l = document.getElementById('gg-search-list');
        const a = l.querySelector('[aria-selected=true]'), r = a.getBoundingClientRect(),
              b = l.getBoundingClientRect();
        return {top: l.scrollTop, inside: r.top >= b.top - 0.5 && r.bottom <= b.bottom + 0.5,
                id: a.id === document.getElementById('gg-search').getAttribute('aria-activedescendant')}; }"""
    pg.keyboard.press("ArrowUp")  # from none to the last: the list scrolls to its end
    last = pg.evaluate(where)
    assert last["top"] > 0 and last["inside"] and last["id"]
    for _ in range(3):
        pg.keyboard.press("ArrowDown")  # round to the first, then down
    first = pg.evaluate(where)
    assert first["top"] < last["top"] and first["inside"]
    assert pg.evaluate("[scrollX, scrollY, document.querySelector('.gg-side').scrollTop]") == before
    pg.evaluate("document.body.style.minHeight = ''")


def test_relations_extra_and_the_published_payload(pg, tmp_path):
    G = _many_actors(8)
    for i, (_, _, d) in enumerate(G.edges(data=True)):
        d["events"] = i + 1
        if i % 2:
            d["evidence_urls"] = f"https://news.example/{i}.html https://news.example/{i}b.html"
    path = graph.render_html(G, tmp_path / "extra.html")
    goto_view(pg, path)
    got = pg.evaluate(
        "() => { const g = window.geograph;"
        " return [g.relations.map(e => [e.id, e.extra]), Object.isFrozen(g.relations[1].extra),"
        " JSON.stringify(g.payload.edges.extra), JSON.parse(JSON.stringify(g.relations[1]))]; }"
    )
    extras, frozen, published, one = got
    by_id = {k: d for _, _, k, d in G.edges(keys=True, data=True)}
    for rid, extra in extras:
        want = {"events": by_id[rid]["events"]}
        if "evidence_urls" in by_id[rid]:
            want["evidence_urls"] = by_id[rid]["evidence_urls"]
        assert extra == want
    assert frozen is True
    assert one["extra"] == extras[1][1] and one["id"] == extras[1][0] and one["index"] == 1
    assert json.loads(published) == [[i, x] for i, (_, x) in enumerate(extras)]
    # the panel shows them
    pg.evaluate("window.geograph.selectEdge('r1')")
    assert "https://news.example/1b.html" in pg.locator("#gg-panel").inner_text()
    reopen_view(pg, path, "edge=r1")
    assert "https://news.example/1.html" in pg.locator("#gg-panel").inner_text()


def test_an_empty_extra_cell_is_no_attribute_in_the_page(pg, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "actors.csv").write_text("id,name\nA,Alpha\nB,Beta\nC,Gamma\n")
    (data / "relations.csv").write_text(
        "id,source,target,relation,status,weight,tag\n"
        "r1,A,B,cooperate,fact,2,x\nr2,B,C,threaten,fact,,\nr3,A,C,consult,fact,1.5,y\n"
    )
    path = graph.render_html(graph.load(data), tmp_path / "empty.html")  # the tables' page
    goto_view(pg, path)
    extras, published = pg.evaluate(
        "() => [window.geograph.relations.map(e => [e.id, e.extra]),"
        " JSON.stringify(window.geograph.payload.edges.extra)]"
    )
    want = {"r1": {"weight": 2, "tag": "x"}, "r2": None, "r3": {"weight": 1.5, "tag": "y"}}
    assert dict(extras) == want
    assert json.loads(published) == [[i, x] for i, (_, x) in enumerate(extras) if x is not None]
    pg.evaluate("window.geograph.selectEdge('r2')")
    panel = pg.locator("#gg-panel").inner_text()
    assert "threaten" in panel and "weight" not in panel and "null" not in panel
