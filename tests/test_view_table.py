"""The relations table, keyboard paths and accessible names, in headless Chromium.

The table (graph/templates/js/77-table.js) lists the relations shown; its rows
select a relation or focus an actor. The canvas is named by what it shows, focus
stays where the user is, and every control has a name of its own.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hostile import FORBIDDEN_SELECTORS, HOSTILE, TRAP, hostile_cycle
from viewpages import article_graph, expected_at, open_view, relation_types, table_rows

from graph.dates import interval
from graph.schema import STATUSES

pytestmark = pytest.mark.browser

CONTROL_ROLES = {
    "button",
    "checkbox",
    "combobox",
    "DisclosureTriangle",
    "link",
    "listbox",
    "radio",
    "searchbox",
    "slider",
    "spinbutton",
    "textbox",
}


def rows(page) -> list[str]:
    """Relation ids of the table's rendered rows, top to bottom (once the page is idle)."""
    return table_rows(page)


def active(page) -> dict:
    return page.evaluate(
        """() => { const a = document.activeElement;
            return {tag: a.tagName, label: a.getAttribute('aria-label'), text: a.textContent,
                    inTable: !!a.closest('#gg-table tbody'), inPanel: !!a.closest('#gg-panel'),
                    row: a.closest('tr') ? a.closest('tr').dataset.id : null}; }"""
    )


def control_names(page) -> list[tuple[str, str]]:
    """(role, accessible name) of every control Chromium exposes, from its accessibility tree."""
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    out = []
    for n in nodes:
        role = n.get("role", {}).get("value")
        if not n.get("ignored") and role in CONTROL_ROLES:
            out.append((role, n.get("name", {}).get("value", "")))
    return out


def assert_unique_names(page):
    names = control_names(page)
    assert len(names) > 20
    counts = Counter(name for _, name in names)
    assert "" not in counts, [r for r, n in names if not n]
    assert [n for n, c in counts.items() if c > 1] == []


# ---------------------------------------------------------------- sort order by the data


def _date_key(d):
    lo, hi = interval(d["start"], d["end"])
    return (lo.isoformat() if lo else "", hi.isoformat() if hi else "\uffff")


_PRIMARY = {
    "date": _date_key,
    "type": lambda d: d["relation"].casefold(),
    "source": lambda d: d["_source_name"].casefold(),
    "target": lambda d: d["_target_name"].casefold(),
    "status": lambda d: STATUSES.index(d["status"]),
    "sign": lambda d: d["sign"],
}


def expected_order(G, ids, key, descending):
    """The table's order: the key (either way), then dates, then id, both ascending."""
    data = {}
    for u, v, k, d in G.edges(keys=True, data=True):
        if k in ids:
            data[k] = {
                **d,
                "_source_name": G.nodes[u]["name"],
                "_target_name": G.nodes[v]["name"],
            }
    order = sorted(data)
    order.sort(key=lambda k: _date_key(data[k]))
    order.sort(key=lambda k: _PRIMARY[key](data[k]), reverse=descending)
    return order


# ---------------------------------------------------------------- tests


def test_keyboard_path_sort_arrow_enter_escape(page, tmp_path):
    G = article_graph()
    open_view(page, G, tmp_path)
    everything = {k for _, _, k in G.edges(keys=True)}
    # Tab from the top of the page reaches the table's headers
    page.locator("body").focus()
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('#gg-table thead')"):
            break
    assert page.evaluate("document.activeElement.textContent").startswith("Dates")
    dates = page.locator("#gg-table th.gg-col-date")
    assert dates.get_attribute("aria-sort") == "ascending"
    assert rows(page) == expected_order(G, everything, "date", False)
    page.keyboard.press("Enter")  # sort by date, latest first
    assert dates.get_attribute("aria-sort") == "descending"
    order = expected_order(G, everything, "date", True)
    assert rows(page) == order
    # the headers, then one Tab stop in the body: the first row's relation
    for _ in range(6):
        page.keyboard.press("Tab")
    a = active(page)
    first = G.edges[_ends(G, order[0])]
    assert a["inTable"] and a["row"] == order[0]
    assert a["label"].startswith(f"{first['relation']}: {G.nodes[first['source']]['name']}")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert active(page)["row"] == order[2]
    page.keyboard.press("Enter")
    assert page.evaluate("window.geograph.state().edge") == order[2]
    assert page.locator("#gg-panel h2").inner_text() == G.edges[_ends(G, order[2])]["relation"]
    a = active(page)
    assert a["inTable"] and a["row"] == order[2]  # focus stays on the row
    row = page.locator("#gg-table tbody tr.gg-current")
    assert row.count() == 1 and row.get_attribute("data-id") == order[2]
    # Right: the source actor's button; Enter focuses the actor, the table narrows to it
    page.keyboard.press("ArrowRight")
    source = G.edges[_ends(G, order[2])]["source"]
    assert active(page)["label"] == f"{G.nodes[source]['name']} ({source}), source of {order[2]}"
    page.keyboard.press("Enter")
    assert page.evaluate("window.geograph.state().focus") == source
    mine = {k for u, v, k in G.edges(keys=True) if source in (u, v)}
    assert set(rows(page)) == mine
    assert active(page)["row"] == order[2]  # the same button, still focused
    # one Tab stop: Tab leaves the table
    page.keyboard.press("Tab")
    assert not active(page)["inTable"]
    page.keyboard.press("Shift+Tab")
    assert active(page)["row"] == order[2]
    # Escape clears the selection; focus stays where the user is
    page.keyboard.press("Escape")
    assert page.evaluate("window.geograph.state().focus") is None
    assert active(page)["row"] == order[2]
    assert set(rows(page)) == everything


def _ends(G, key):
    return next((u, v, k) for u, v, k in G.edges(keys=True) if k == key)


def test_enter_in_the_panel_keeps_focus_and_escape_returns_it(page, tmp_path):
    G = article_graph()
    open_view(page, G, tmp_path)
    # open North Korea from the table, by keyboard
    opener = page.get_by_role("button", name="North Korea (PRK), source of liaison")
    opener.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("window.geograph.state().focus") == "PRK"
    # Enter on a relation listed in the actor's panel: the new panel's heading takes focus
    item = page.get_by_role("button", name=re.compile(r"^Open coerce: North Korea"))
    item.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("window.geograph.state().edge") == "liaison"
    a = active(page)
    assert a["tag"] == "H2" and a["inPanel"] and a["text"] == "coerce"
    # Escape: back to the button that opened the panel, not the page top
    page.keyboard.press("Escape")
    assert page.evaluate("window.geograph.state().edge") is None
    assert active(page)["label"] == "North Korea (PRK), source of liaison"
    # Close in the panel does the same
    opener = page.get_by_role("button", name=re.compile(r"^agree: North Korea"))
    opener.focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Close details").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("window.geograph.state().edge") is None
    assert active(page)["label"].startswith("agree: North Korea")


def test_canvas_and_graph_region_are_named(page, tmp_path):
    G = article_graph()
    open_view(page, G, tmp_path)
    region = page.get_by_role("region", name="Graph view")
    img = region.get_by_role("img", name=re.compile("^Graph of"))
    assert img.get_attribute("aria-label").startswith(
        "Graph of 5 actors and 15 relations at all dates"
    )
    assert img.evaluate("el => el.contains(el.ownerDocument.querySelector('#gg-network canvas'))")
    page.evaluate("window.geograph.set({date: '2018'})")
    n = len(expected_at(G, "2018"))
    assert img.get_attribute("aria-label").startswith(
        f"Graph of 5 actors and {n} relations at 2018"
    )
    page.evaluate("window.geograph.set({filters: {group: ['group:north']}, focus: 'PRK'})")
    label = img.get_attribute("aria-label")
    assert label.startswith("Graph of 3 actors and ") and "North Korea selected" in label
    page.evaluate("window.geograph.set({compare: '2018', date: '2020-06'})")
    assert "compared from 2018 to 2020-06" in img.get_attribute("aria-label")


def test_every_control_has_a_unique_name_on_the_article(page, tmp_path):
    open_view(page, article_graph(), tmp_path)
    assert_unique_names(page)
    for state in (
        "{focus: 'PRK'}",
        "{edge: 'liaison'}",
        "{focus: null, compare: '2018', date: '2020-06'}",
        "{compare: '2018', date: '2020-06', focus: 'KOR'}",
    ):
        page.evaluate(f"window.geograph.set({state})")
        assert_unique_names(page)


def test_every_control_has_a_unique_name_on_a_synthetic_page(page, tmp_path):
    from benchmarks.synthetic import make_dataset

    from graph import load

    # over 200 actors: laid out in Python, no bloc analysis, ready at once
    G = load(make_dataset(tmp_path / "data", 210, 600)).to_networkx()
    # two actors sharing a name, and two relations of one type between the same pair
    a, b = list(G.nodes)[:2]
    G.nodes[b]["name"] = G.nodes[a]["name"]
    open_view(page, G, tmp_path)
    assert_unique_names(page)
    pair = page.evaluate("window.geograph.bundles.find(b => b.count > 2)")
    page.evaluate("p => window.geograph.set({pair: [p.from, p.to]})", pair)
    assert set(rows(page)) == set(pair["relations"])
    assert_unique_names(page)
    page.evaluate("id => window.geograph.set({focus: id})", a)
    assert_unique_names(page)


def test_sort_order_matches_the_data(page, tmp_path):
    G = article_graph()
    open_view(page, G, tmp_path, "date=2020-06")
    ids = expected_at(G, "2020-06")
    for key in ("date", "type", "source", "target", "status", "sign"):
        header = page.locator(f"#gg-table th.gg-col-{key}")
        button = header.get_by_role("button")
        if key != "date":
            button.click()
        assert header.get_attribute("aria-sort") == "ascending", key
        assert page.locator("#gg-table th[aria-sort]").count() == 1
        assert rows(page) == expected_order(G, ids, key, False), key
        button.click()
        assert header.get_attribute("aria-sort") == "descending", key
        assert rows(page) == expected_order(G, ids, key, True), key
        assert page.locator("#gg-table caption").inner_text().endswith("(descending)")


def test_table_follows_the_slider_filters_focus_and_compare(page, tmp_path):
    G = article_graph()
    open_view(page, G, tmp_path)
    summary = page.locator("#gg-table-box > summary")
    assert summary.inner_text() == "Relations (15)"
    # the slider, by keyboard
    page.locator("#gg-date").focus()
    page.keyboard.press("End")
    at = page.evaluate("window.geograph.state().date")
    assert at and set(rows(page)) == expected_at(G, at) == set(
        page.evaluate("window.geograph.shown()")
    )
    assert summary.inner_text() == f"Relations ({len(expected_at(G, at))})"
    assert at in page.locator("#gg-table caption").inner_text()
    # a filter checkbox
    page.get_by_role("checkbox", name=re.compile(r"^fact ")).uncheck()
    kept = {k for k in expected_at(G, at) if G.edges[_ends(G, k)]["status"] != "fact"}
    assert set(rows(page)) == kept and kept
    page.get_by_role("checkbox", name=re.compile(r"^fact ")).check()
    # compare: the Change column says what changed, by window.geograph.changes()
    page.evaluate("window.geograph.set({compare: '2018', date: '2020-06'})")
    change = page.locator("#gg-table th.gg-col-change")
    assert change.is_visible()
    ch = page.evaluate("window.geograph.changes()")
    cells = page.evaluate(
        """Object.fromEntries(Array.from(document.querySelectorAll('#gg-table tbody tr'))
            .map(tr => [tr.dataset.id, tr.querySelector('td.gg-col-change').dataset.change]))"""
    )
    assert set(cells) == set(page.evaluate("window.geograph.shown()"))
    for kind in ("new", "ended", "changed"):
        assert {k for k, v in cells.items() if v == kind} == set(ch[kind])
    change.get_by_role("button").click()
    order = rows(page)
    rank = {"new": 0, "ended": 1, "changed": 2, "": 3}
    assert [rank[cells[k]] for k in order] == sorted(rank[cells[k]] for k in order)
    page.evaluate("window.geograph.set({compare: null, date: null})")
    assert not change.is_visible()


def test_large_tables_come_in_pages(page, tmp_path):
    from benchmarks.synthetic import make_dataset

    from graph import load

    G = load(make_dataset(tmp_path / "data", 210, 1000)).to_networkx()
    open_view(page, G, tmp_path)
    assert page.locator("#gg-table-box > summary").inner_text() == "Relations (1000)"
    assert len(rows(page)) == 200
    more = page.get_by_role("button", name=re.compile(r"^Show 200 more relations in the table"))
    more.focus()
    page.keyboard.press("Enter")
    assert len(rows(page)) == 400
    assert active(page)["row"] == rows(page)[200]  # focus on the first new row
    # End (with Ctrl) goes to the last relation, rendering what it needs
    page.keyboard.press("Control+End")
    assert len(rows(page)) == 1000 and active(page)["row"] == rows(page)[-1]
    # the selected relation is rendered and marked, also when it sorts far down
    last = page.evaluate("window.geograph.relations[999].id")
    page.evaluate("window.geograph.set({date: null})")
    page.evaluate("id => window.geograph.set({edge: id})", last)
    current = page.locator("#gg-table tbody tr.gg-current")
    assert current.count() == 1 and current.get_attribute("data-id") == last
    # a closed section renders nothing, and catches up when opened
    page.locator("#gg-table-box > summary").click()
    page.evaluate("window.geograph.set({filters: {status: ['claim']}})")
    claims = page.evaluate("window.geograph.shown().length")
    assert page.locator("#gg-table-box > summary").inner_text() == f"Relations ({claims})"
    page.locator("#gg-table-box > summary").click()
    assert len(rows(page)) == min(claims, 200)


def test_rows_out_of_sight_are_drawn_when_idle(page, tmp_path):
    """A change draws the rows in the table box's sight at once, the rest of its
    200 when the page is idle; a key pressed before that reaches them all."""
    from benchmarks.synthetic import make_dataset

    from graph import load

    G = load(make_dataset(tmp_path / "data", 210, 1000)).to_networkx()
    open_view(page, G, tmp_path)
    page.evaluate("window.geograph.set({date: null})")
    assert len(rows(page)) == 200
    # in one task: the filter change, then what is drawn before the page is idle
    first = page.evaluate(
        """() => {
        window.geograph.set({filters: {status: ['claim', 'forecast']}});
        const t = document.getElementById('gg-table');
        return {busy: t.getAttribute('aria-busy'),
                ids: Array.from(t.tBodies[0].rows).map(tr => tr.dataset.id)}; }"""
    )
    assert first["busy"] == "true" and 0 < len(first["ids"]) < 200
    assert page.evaluate("window.geograph.shown().length") > 200
    after = rows(page)
    # the first rows, and a few farther down (those that set the columns' widths), in order
    at = [after.index(i) for i in first["ids"]]
    assert len(after) == 200 and at == sorted(at) and at[:30] == list(range(30))
    # before the rest is drawn, ArrowDown from the last of the first rows goes to the next one
    page.evaluate("window.geograph.set({filters: {status: ['claim']}})")
    rows(page)
    moved = page.evaluate(
        """(order) => {
        window.geograph.set({filters: {status: ['claim', 'forecast']}});
        const body = document.getElementById('gg-table').tBodies[0];
        let n = 0;
        while (body.rows[n] && body.rows[n].dataset.id === order[n]) n++;
        const b = body.rows[n - 1].querySelector('button.gg-cell');
        b.focus();
        b.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowDown', bubbles: true}));
        const a = document.activeElement;
        return {n: n, row: a.closest('tr') ? a.closest('tr').dataset.id : null}; }""",
        after,
    )
    assert 0 < moved["n"] < 200
    assert moved["row"] == after[moved["n"]] == active(page)["row"] and rows(page) == after


def test_a_long_table_renders_a_window_of_its_rows(page, tmp_path):
    """Far down a long table the rendered rows are one window of it, never every row above."""
    from benchmarks.synthetic import make_dataset

    from graph import load

    G = load(make_dataset(tmp_path / "data", 300, 3000)).to_networkx()
    open_view(page, G, tmp_path)
    page.evaluate("window.geograph.set({date: null})")
    assert page.locator("#gg-table-box > summary").inner_text() == "Relations (3000)"
    top = rows(page)
    assert len(top) == 200
    # the Tab stop at the last row (Ctrl+End): the window moves there, 200 rows
    page.locator("#gg-table tbody button.gg-cell").first.focus()
    page.keyboard.press("Control+End")
    bottom = rows(page)
    assert len(bottom) == 200 and active(page)["row"] == bottom[-1] and not set(top) & set(bottom)
    earlier = page.get_by_role(
        "button", name="Show 200 earlier relations in the table (2800 not listed above)"
    )
    assert earlier.is_visible()
    # a new state renders its first page, not every row down to the old Tab stop
    page.locator("#gg-search").focus()
    page.get_by_role("checkbox", name=re.compile(r"^fact ")).uncheck()
    page.get_by_role("checkbox", name=re.compile(r"^fact ")).check()
    assert rows(page) == top and not earlier.is_visible()
    # a selection far down renders its own page of rows, and "Show earlier" adds the ones above
    page.evaluate("id => window.geograph.set({edge: id})", bottom[50])
    assert rows(page) == bottom
    current = page.locator("#gg-table tbody tr.gg-current")
    assert current.count() == 1 and current.get_attribute("data-id") == bottom[50]
    earlier.focus()
    page.keyboard.press("Enter")
    both = rows(page)
    assert len(both) == 400 and both[200:] == bottom
    assert active(page)["row"] == both[199]  # the row just above the earlier first
    # the keyboard goes on past the window's edges, moving it
    page.keyboard.press("Control+Home")
    assert active(page)["row"] == top[0] and rows(page)[:200] == top
    assert len(rows(page)) <= 2000


def hostile_table_graph():
    """Hostile text in every column the table shows: ids, names, types, statuses, speakers."""
    G = article_graph()
    G.graph["relation_types"] = dict(relation_types())
    names = {aid: hostile_cycle(i) for i, aid in enumerate(G.nodes)}
    for aid, name in names.items():
        G.nodes[aid]["name"] = name
    for i, (_u, _v, _k, d) in enumerate(G.edges(keys=True, data=True)):
        d["said_by"] = hostile_cycle(i + 3)
        d["quote"] = hostile_cycle(i + 4)
        if i % 3 == 0:
            d["relation"] = hostile_cycle(i + 1)
    base = dict(G.edges["PRK", "KOR", "bridges-kor"])
    for i, text in enumerate(HOSTILE):
        G.add_edge(
            "PRK",
            "KOR",
            key=text,
            **{**base, "id": text, "relation": hostile_cycle(i + 2), "quote": text},
        )
    return G


def test_hostile_text_in_every_column_stays_text(page, tmp_path):
    G = hostile_table_graph()
    page.add_init_script(
        f"window.{TRAP} = false; window.alert = () => {{ window.{TRAP} = true; }};"
    )
    open_view(page, G, tmp_path)
    page.locator("#gg-table-box > summary").scroll_into_view_if_needed()
    ids = {k for _, _, k in G.edges(keys=True)}
    assert set(rows(page)) == ids
    for key in ("type", "source", "target", "status", "sign", "date"):
        page.locator(f"#gg-table th.gg-col-{key} button").click()
        assert set(rows(page)) == ids
    # every cell holds the data as text (buttons show at most 40 characters, named in full)
    cells = page.evaluate(
        """Array.from(document.querySelectorAll('#gg-table tbody tr')).map(tr => ({
            id: tr.dataset.id,
            type: tr.querySelector('.gg-col-type button').getAttribute('aria-label'),
            source: tr.querySelector('.gg-col-source button').getAttribute('aria-label')}))"""
    )
    for c in cells:
        u, v, k = _ends(G, c["id"])
        d = G.edges[u, v, k]
        assert c["type"].startswith(d["relation"] + ": ") and c["type"].endswith(f"({k})")
        assert c["source"] == f"{G.nodes[u]['name']} ({u}), source of {k}"
    page.get_by_role("button", name=re.compile(re.escape(f"({HOSTILE[2]})") + "$")).click()
    assert page.evaluate("window.geograph.state().edge") == HOSTILE[2]
    page.locator("#gg-table tbody .gg-col-target button").first.click()
    for sel in FORBIDDEN_SELECTORS:
        assert page.locator(sel).count() == 0, sel
    assert page.evaluate(f"window.{TRAP}") is False
    # the table's names are their own, beside every other control of the page
    counts = Counter(name for _, name in control_names(page))
    mine = page.evaluate(
        "Array.from(document.querySelectorAll('#gg-table tbody button')).map(b => b.getAttribute('aria-label'))"
    )
    assert len([n for n in mine if n]) == 3 * len(rows(page))
    assert [n for n in mine if n and counts[n] != 1] == []


def test_phone_table_is_usable(page, tmp_path, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    G = article_graph()
    open_view(page, G, tmp_path)
    table = page.locator("#gg-table")
    table.scroll_into_view_if_needed()
    box = table.bounding_box()
    assert box["width"] <= 390
    button = page.get_by_role("button", name=re.compile(r"^coerce: North Korea"))
    button.click()
    assert page.evaluate("window.geograph.state().edge") == "liaison"
    # the selected row is in sight above the details' bottom sheet, and hit by a tap at its centre
    hit = button.evaluate(
        """b => { const r = b.getBoundingClientRect();
            const sheet = document.getElementById('gg-panel').getBoundingClientRect();
            const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return {inside: r.top >= 0 && r.bottom <= sheet.top, same: top === b}; }"""
    )
    assert hit == {"inside": True, "same": True}
    path = screenshot(page, "table-phone")
    assert path.stat().st_size > 10_000


def test_a_busy_pair_panel_keeps_names_apart_and_focus_in_its_lists(page, tmp_path):
    G = article_graph()
    pair = {k for u, v, k in G.edges(keys=True) if {u, v} == {"PRK", "KOR"}}
    on = len(pair & expected_at(G, "2020"))
    base = dict(G.edges["PRK", "KOR", "liaison"])
    # both lists of the pair (shown at 2020, hidden) run 7 over a page of 200
    for n, year in ((207 - on, "2020"), (207 - (len(pair) - on), "2017")):
        for i in range(n):
            rid = f"b{year}-{i:03}"
            G.add_edge("PRK", "KOR", key=rid, **{**base, "id": rid, "start": year, "end": year})
    open_view(page, G, tmp_path, "date=2020&pair=PRK,KOR")
    more = page.locator("#gg-panel li.gg-more button")
    assert more.all_inner_texts() == ["Show 7 more of 7"] * 2
    assert_unique_names(page)
    more.first.focus()
    page.keyboard.press("Enter")
    a = active(page)
    assert a["inPanel"] and a["label"].startswith("Open coerce: North Korea")  # the 201st item
    assert page.locator("#gg-panel ul.gg-relations").first.locator(":scope > li").count() == 207
