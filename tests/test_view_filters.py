"""The filter groups of the HTML view in headless Chromium: counts, "only", "all", who says it, source.

Counts are checked against the library on the shipped article data: for each
group, the relations of ``graph.at(G, date)`` that pass every other group's
filters, counted in Python (the faceted-search rule).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from hostile import FORBIDDEN_SELECTORS, HOSTILE, TRAP
from viewpages import article_graph, link_fragment, open_view, shown

import graph
from graph.payload import view_payload

DATA = Path(__file__).resolve().parent.parent / "data"
KINDS = ("status", "sign", "relation", "group", "said_by", "source")
SIGNS = {-1: "hostile", 0: "neutral", 1: "cooperative"}
browser = pytest.mark.browser

# The count shown beside each value, by kind, in the order of the page's values.
DOM_COUNTS = """known => {
    const out = {};
    for (const kind of Object.keys(known)) {
        out[kind] = known[kind].map((v, i) => {
            const input = document.getElementById(`gg-f-${kind}-${i}`);
            if (!input) return null;
            const row = input.closest(".gg-frow");
            const n = Number(row.querySelector(".gg-fcount").textContent.replace(/[^0-9]/g, ""));
            return [n, row.classList.contains("gg-zero"), !row.hidden];
        });
    }
    return out;
}"""


def article():
    return graph.load(DATA).to_networkx()


def _values(G, groups, u, v, d) -> dict:
    return {
        "status": {d["status"]},
        "sign": {SIGNS[d["sign"]]},
        "relation": {d["relation"]},
        "group": {groups[u], groups[v]},
        "said_by": {d.get("said_by") or ""},
        "source": {d.get("source_id") or ""},
    }


def expected_counts(G, dates, filters) -> dict:
    """Per kind and value: the relations valid at one of ``dates`` that hold the value and
    would be shown with it allowed: every *other* kind's filter passed, and the kind's own
    other values allowed (an actor group: the other actor's group)."""
    groups = {n["id"]: n["colour_key"] for n in view_payload(G)["nodes"]}
    rows = {}
    for at in dates:
        H = graph.at(G, at) if at else G
        for u, v, k, d in H.edges(keys=True, data=True):
            rows[k] = _values(G, groups, u, v, d)
    counts = {}
    for kind in KINDS:
        c: Counter = Counter()
        for vals in rows.values():
            if all(vals[o] <= filters[o] for o in filters if o != kind):
                c.update(v for v in vals[kind] if vals[kind] <= filters[kind] | {v})
        counts[kind] = c
    return counts


def known_values(page) -> dict:
    """Every value of every group, in the page's order (read while all are allowed)."""
    return page.evaluate("window.geograph.state().filters")


def check_counts(page, known, G, dates, filters):
    want = expected_counts(G, dates, filters)
    got = page.evaluate(DOM_COUNTS, known)
    for kind in KINDS:
        listed = {v: c for v, c in zip(known[kind], got[kind]) if c is not None}
        assert listed, kind
        for value, (n, grey, visible) in listed.items():
            assert n == want[kind][value], (kind, value)
            assert grey == (n == 0) and visible  # a value with none stays listed, greyed


@browser
def test_counts_follow_the_date_and_the_other_groups(page, tmp_path):
    G = article()
    open_view(page, G, tmp_path)
    known = known_values(page)
    assert set(known) == set(KINDS)
    all_of = {k: set(v) for k, v in known.items()}
    check_counts(page, known, G, [None], all_of)
    for date in ("2018", "2020-06"):
        page.evaluate("d => window.geograph.set({date: d})", date)
        check_counts(page, known, G, [date], all_of)
        facts = sum(1 for *_, d in graph.at(G, date).edges(data=True) if d["status"] == "fact")
        label = page.locator("#gg-f-status-0").locator("xpath=..").text_content()
        assert label == f"fact ({facts})"
    # at 2018 nothing is a claim: listed, greyed
    page.evaluate("window.geograph.set({date: '2018'})")
    assert "gg-zero" in page.locator("#gg-f-status-1").locator("xpath=../..").get_attribute("class")
    # another group's filter: the status counts follow it, the sign counts ignore their own
    page.evaluate("window.geograph.set({date: '2020-06'})")
    page.get_by_role("button", name="Show only hostile", exact=True).click()
    hostile = {**all_of, "sign": {"hostile"}}
    check_counts(page, known, G, ["2020-06"], hostile)
    statuses = page.evaluate(DOM_COUNTS, {"status": known["status"]})["status"]
    assert sum(n for n, *_ in statuses) == len(shown(page))
    # two groups filtered, then compare mode (relations of either date are shown)
    page.evaluate("window.geograph.set({filters: {said_by: ['Leonid Petrov', '']}})")
    both = {**hostile, "said_by": {"Leonid Petrov", ""}}
    check_counts(page, known, G, ["2020-06"], both)
    page.evaluate("window.geograph.set({compare: '2018'})")
    check_counts(page, known, G, ["2018", "2020-06"], both)
    # an actor group alone: a relation counts for the other actor's group only
    page.evaluate("window.geograph.set({filters: {group: ['group:Great powers']}})")
    check_counts(page, known, G, ["2018", "2020-06"], {**both, "group": {"group:Great powers"}})


def _group_count(page, label: str) -> int:
    row = page.locator(".gg-frow", has=page.locator(".gg-fname", has_text=label))
    return int(row.locator(".gg-fcount").text_content().strip(" ()"))


@browser
def test_an_actor_group_counts_what_it_shows(page, tmp_path):
    """An actor group's count is of the relations of its actors shown with it allowed: "only"
    keeps those among its actors, and the checked group's count then says how many are shown,
    from the filters as from the legend (the count had stayed at the relations touching it)."""
    G = article()
    open_view(page, G, tmp_path, fragment="date=2020-06")
    H = graph.at(G, "2020-06")
    groups = {n["key"]: n["label"] for n in view_payload(G)["legend"]["nodes"]}
    of = {n["id"]: n["colour_key"] for n in view_payload(G)["nodes"]}
    touching = sum(
        1
        for u, v in H.edges()
        if groups[of[u]] == "Great powers" or groups[of[v]] == "Great powers"
    )
    among = sum(1 for u, v in H.edges() if groups[of[u]] == groups[of[v]] == "Great powers")
    assert among < touching  # the article's data tells the two apart
    assert _group_count(page, "Great powers") == touching  # everything allowed: touching it
    for click in (
        lambda: page.get_by_role("button", name="Show only Great powers", exact=True).click(),
        lambda: page.locator("#gg-legend button.gg-legend-entry", has_text="Great powers").click(),
    ):
        page.evaluate("window.geograph.set({filters: {group: window.geograph.payload.groups}})")
        click()
        assert len(shown(page)) == among
        assert page.locator("#gg-count").text_content().startswith(f"{among} of ")
        assert _group_count(page, "Great powers") == among
    # another group, unticked: its count is what ticking it adds, and ticking it adds that
    other = next(lab for lab in groups.values() if lab != "Great powers")
    n = _group_count(page, other)
    row = page.locator(".gg-frow", has=page.locator(".gg-fname", has_text=other))
    row.locator("input").check()
    assert len(shown(page)) == among + n


@browser
def test_only_and_all_by_keyboard_with_unique_names(page, tmp_path):
    open_view(page, article(), tmp_path)
    names = page.evaluate(
        """() => Array.from(document.querySelectorAll('#gg-filters button'))
             .filter(b => !b.hidden).map(b => b.getAttribute('aria-label') || b.textContent)"""
    )
    assert len(names) == len(set(names))
    assert {"Show only fact", "Show all statuses", "Show only Leonid Petrov"} <= set(names)
    # the article's one source is text: a checkbox or "all" for it would change nothing
    assert "Show all speakers" in names and "Show all sources" not in names
    page.focus("#gg-f-status-0")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused == "Show only fact"
    page.keyboard.press("Enter")
    assert page.evaluate("window.geograph.state().filters.status") == ["fact"]
    assert not page.locator("#gg-f-status-1").is_checked()
    assert link_fragment(page) == "#status=fact"
    page.get_by_role("button", name="Show all statuses").focus()
    page.keyboard.press("Space")
    assert page.evaluate("window.geograph.state().filters.status") == ["fact", "claim", "forecast"]
    assert page.locator("#gg-f-status-1").is_checked()
    assert link_fragment(page) == ""


def two_sources():
    """The test article with a second source and relations without speaker or source."""
    G = article_graph()
    G.graph["sources"]["kcna"] = {"id": "kcna", "title": "Statement", "publisher": "KCNA"}
    for i, (*_, d) in enumerate(G.edges(keys=True, data=True)):
        if i % 4 == 1:
            d["source_id"] = "kcna"
        elif i % 4 == 2:
            d["source_id"] = None
    return G


@browser
def test_said_by_and_source_filters_and_their_url(page, tmp_path):
    G = two_sources()
    path = open_view(page, G, tmp_path)
    edges = list(G.edges(keys=True, data=True))
    petrov = {k for *_, k, d in edges if d["said_by"] == "Leonid Petrov"}
    page.get_by_role("button", name="Show only Leonid Petrov").click()
    assert shown(page) == petrov
    assert link_fragment(page) == "#said_by=Leonid%20Petrov"
    assert link_fragment(page) == graph.view_fragment(G, said_by="Leonid Petrov")
    page.get_by_role("button", name="Show only (not attributed)").click()
    assert shown(page) == {k for *_, k, d in edges if d["said_by"] is None}
    assert link_fragment(page) == "#said_by=," == graph.view_fragment(G, said_by=[None])
    page.get_by_role("button", name="Show all speakers").click()
    # sources are named by publisher and title from sources.csv
    labels = page.locator("#gg-filter-source .gg-fname").all_inner_texts()
    assert labels == [
        "Deutsche Welle: What's driving North Korea's actions toward the South?",
        "KCNA: Statement",
        "(no source)",
    ]
    page.get_by_role("button", name="Show only KCNA: Statement").click()
    assert shown(page) == {k for *_, k, d in edges if d["source_id"] == "kcna"}
    page.locator("#gg-filter-source input").nth(2).check()  # and the relations without one
    fragment = link_fragment(page)
    assert fragment == "#source=kcna," == graph.view_fragment(G, source=["kcna", None])
    # the fragment opens the same state in a new page, and the boxes agree
    state = page.evaluate("window.geograph.state()")
    other = page.context.new_page()
    other.goto(path.as_uri() + "#said_by=Leonid%20Petrov&source=kcna,")
    other.wait_for_function("window.geograph && window.geograph.ready === true")
    state["filters"]["said_by"] = ["Leonid Petrov"]
    assert other.evaluate("window.geograph.state()") == state
    assert other.locator("#gg-filter-source input:checked").count() == 2
    want = {k for *_, k, d in edges if d["said_by"] == "Leonid Petrov" and d["source_id"] != "dw"}
    assert set(other.evaluate("window.geograph.shown()")) == want
    other.close()


def hostile_graph():
    G = nx.MultiDiGraph(name="hostile speakers")
    G.add_node("A", name="A")
    G.add_node("B", name="B")
    G.graph["sources"] = {}
    for i, h in enumerate(HOSTILE):
        sid = f"s{i}" if i % 2 else h
        G.graph["sources"][sid] = {"id": sid, "title": h, "publisher": HOSTILE[-1 - i]}
        G.add_edge(
            "A", "B", key=f"r{i}", id=f"r{i}", relation="threaten", sign=-1,
            status="claim", start="2020", said_by=h, source_id=sid,
        )  # fmt: skip
    return G


@browser
def test_hostile_speakers_and_sources_stay_text(page, tmp_path):
    page.add_init_script(f"window.{TRAP} = false;")
    G = hostile_graph()
    open_view(page, G, tmp_path)
    for box in ("#gg-filter-said_by", "#gg-filter-source"):
        more = page.locator(f"{box} button.gg-more").first
        while more.is_visible():
            more.click()
    speakers = page.locator("#gg-filter-said_by .gg-fname").evaluate_all(
        "els => els.map(e => e.textContent)"
    )
    assert sorted(speakers) == sorted(HOSTILE)
    titles = page.locator("#gg-filter-source .gg-fname").evaluate_all(
        "els => els.map(e => e.textContent)"
    )
    assert len(titles) == len(HOSTILE)
    assert all(f"{HOSTILE[-1 - i]}: {h}" in titles for i, h in enumerate(HOSTILE))
    for i in (0, 2, 18):  # <script>, <img onerror>, __proto__
        page.locator("#gg-filter-said_by button.gg-only").nth(speakers.index(HOSTILE[i])).click()
        assert shown(page) == {f"r{i}"}
        fragment = link_fragment(page)
        assert fragment == graph.view_fragment(G, said_by=HOSTILE[i])
        # read back: all again, then the fragment typed in
        page.get_by_role("button", name="Show all speakers").click()
        assert link_fragment(page) == ""
        page.evaluate("f => { location.hash = f; }", fragment)
        page.wait_for_function("window.geograph.state().filters.said_by.length === 1")
        assert page.evaluate("window.geograph.state().filters.said_by") == [HOSTILE[i]]
        assert shown(page) == {f"r{i}"}
    names = page.evaluate(
        "() => Array.from(document.querySelectorAll('#gg-filters button:not([hidden])'))"
        ".map(b => b.getAttribute('aria-label'))"
    )
    assert len(names) == len(set(names)) and all(names)  # repeated labels are told apart
    page.evaluate("h => window.geograph.set({filters: {source: [h]}})", "__proto__")
    assert shown(page) == {"r18"}
    for sel in FORBIDDEN_SELECTORS:
        assert page.locator(f"#gg-filters {sel}").count() == 0, sel
    assert page.evaluate(f"window.{TRAP}") is False


def many_speakers():
    G = nx.MultiDiGraph(name="many speakers")
    for i in range(12):
        G.add_node(f"A{i}", name=f"Actor {i}")
    k = 0
    for s in range(120):
        for _ in range(1 + (s % 5 == 0) * 3):  # every fifth speaker says four things
            G.add_edge(
                f"A{k % 12}", f"A{(k * 5 + 1) % 12}", key=f"r{k}", id=f"r{k}",
                relation="consult", sign=1, status="fact", start=str(2000 + k % 20),
                said_by=f"Speaker {s:03d}",
            )  # fmt: skip
            k += 1
    return G


@browser
def test_many_values_list_the_most_frequent_first_with_more(page, tmp_path):
    G = many_speakers()
    open_view(page, G, tmp_path)
    box = page.locator("#gg-filter-said_by")
    rows = box.locator(".gg-frow:visible")
    assert rows.count() == 10
    top = rows.locator(".gg-fname").all_inner_texts()
    assert top == [f"Speaker {s:03d}" for s in range(0, 50, 5)]  # the four-relation speakers
    more = box.get_by_role("button", name="Show 50 more speakers")
    more.click()
    assert rows.count() == 60
    assert box.locator(".gg-flist").evaluate("l => l.scrollHeight > l.clientHeight")  # a scroll box
    box.get_by_role("button", name="Show 50 more speakers").click()
    assert rows.count() == 110
    box.get_by_role("button", name="Show 10 more speakers").click()
    assert rows.count() == 120 and not more.is_visible()
    # counts of the rows listed later follow the date too
    page.evaluate("window.geograph.set({date: '2005'})")
    want = Counter(d["said_by"] for *_, d in graph.at(G, "2005").edges(data=True))
    got = dict(
        zip(
            box.locator(".gg-fname").all_inner_texts(),
            (int(t.strip(" ()")) for t in box.locator(".gg-fcount").all_inner_texts()),
        )
    )
    assert got == {f"Speaker {s:03d}": want[f"Speaker {s:03d}"] for s in range(120)}
    box.get_by_role("button", name="Show fewer speakers").click()
    assert rows.count() == 10
    # the find box lists the values whose label holds the text, any case
    find = box.get_by_role("searchbox", name="Find speakers")
    find.fill("SPEAKER 11")
    found = rows.locator(".gg-fname").all_inner_texts()
    assert found == ["Speaker 110", "Speaker 115"] + [
        f"Speaker {s}" for s in (111, 112, 113, 114)
    ] + [f"Speaker {s}" for s in (116, 117, 118, 119)]  # most frequent first
    find.fill("nobody by that name")
    assert rows.count() == 0 and box.get_by_text("no match").is_visible()
    find.fill("")
    assert rows.count() == 10
    # one speaker left out of 120: the URL names that one, and reads back
    rows.locator("input[type=checkbox]").first.uncheck()
    assert link_fragment(page) == "#date=2005&said_by!=Speaker%20000"
    other = page.context.new_page()
    other.goto(page.url)
    other.wait_for_function("window.geograph && window.geograph.ready === true")
    kept = other.evaluate("window.geograph.state().filters.said_by")
    assert len(kept) == 119 and "Speaker 000" not in kept
    assert not other.locator("#gg-filter-said_by input[type=checkbox]").first.is_checked()
    other.close()


@browser
def test_filters_at_phone_width(browser, tmp_path, screenshot):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
    )
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    open_view(pg, article(), tmp_path, "date=2020-06")
    filters = pg.locator("#gg-filters")
    filters.scroll_into_view_if_needed()
    assert pg.evaluate("document.documentElement.scrollWidth") <= 390
    box = filters.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    only = pg.get_by_role("button", name="Show only claim")
    only.scroll_into_view_if_needed()
    b = only.bounding_box()
    assert b is not None and b["height"] >= 24 and b["x"] + b["width"] <= 390
    only.tap()
    assert pg.evaluate("window.geograph.state().filters.status") == ["claim"]
    assert pg.locator("#gg-count").inner_text().startswith("2 of ")
    screenshot(filters, "filters-phone")
    context.close()
    assert errors == []


def test_view_fragment_said_by_and_source_are_checked():
    G = two_sources()
    assert graph.view_fragment(G, said_by=["Leonid Petrov", None], source="dw") == (
        "#said_by=Leonid%20Petrov,&source=dw"
    )
    with pytest.raises(ValueError, match='said_by: unknown value .*did you mean "Leonid Petrov"'):
        graph.view_fragment(G, said_by="Leonid Petrow")
    with pytest.raises(ValueError, match='source: unknown value .*did you mean "kcna"'):
        graph.view_fragment(G, source="kcan")
    for _, _, d in G.edges(data=True):
        d["source_id"] = "dw"
    with pytest.raises(ValueError, match="source: every relation has a source_id"):
        graph.show(G, source=[None])
    view = graph.show(G, said_by="Leonid Petrov", source=["dw"])
    assert view.fragment == "#said_by=Leonid%20Petrov&source=dw"


def _top_ties(G, ids: set[str], k: int) -> set[str]:
    """The relations among ``ids`` whose pair is among the ``k`` strongest of one of its actors.

    A pair's strength is the sum of its relations' events (as the page's
    ``top`` filter counts it); ties go to the other actor's id, in order.
    """
    weight: Counter = Counter()
    pair_of = {}
    for u, v, d in G.edges(data=True):
        if d["id"] in ids and u != v:
            pair_of[d["id"]] = frozenset((u, v))
            weight[pair_of[d["id"]]] += d["events"]
    ties: dict[str, list] = {}
    for pair, w in weight.items():
        a, b = sorted(pair)
        ties.setdefault(a, []).append((-w, b, pair))
        ties.setdefault(b, []).append((-w, a, pair))
    kept = {pair for listed in ties.values() for *_, pair in sorted(listed)[:k]}
    return {rid for rid, pair in pair_of.items() if pair in kept}


@browser
def test_counts_on_event_data_follow_thresholds_and_top_ties(page, tmp_path):
    pytest.importorskip("duckdb")
    from benchmarks.bench_import import make_gdelt_file

    from graph.events import import_gdelt

    make_gdelt_file(tmp_path / "events.CSV", 1500, countries=12)
    import_gdelt([tmp_path / "events.CSV"], tmp_path / "data", period="month", progress=False)
    G = graph.load(tmp_path / "data").to_networkx()
    every = {d["id"] for *_, d in G.edges(data=True)}
    open_view(page, G, tmp_path, "date=all&min_events=2")
    # the threshold shows exactly the relations of two events or more, a few of them
    assert shown(page) == {d["id"] for *_, d in G.edges(data=True) if d["events"] >= 2}
    assert 0 < len(shown(page)) < len(every) / 4
    # each actor's strongest tie only, over every relation: the ties the rule keeps, and
    # far fewer than all (among the few of two events or more, nearly every tie is an
    # actor's strongest: a margin of one relation, which a slightly other import erased)
    page.evaluate("window.geograph.set({min_events: 0, top: 1})")
    ids = shown(page)
    assert ids == _top_ties(G, every, 1)
    assert 0 < len(ids) < 0.8 * len(every)
    counts = page.evaluate("window.geograph.filterCounts()")
    for kind in ("status", "sign", "relation", "said_by", "source"):  # one value per relation
        assert sum(n for _, n in counts[kind]) == len(ids), kind
    known = {k: [v for v, _ in counts[k]] for k in ("status", "relation")}
    dom = page.evaluate(DOM_COUNTS, known)
    for kind in known:  # the labels listed (the most frequent relation types) say the same
        listed = [(c[0], n) for c, (_, n) in zip(dom[kind], counts[kind]) if c is not None]
        assert listed and all(a == b for a, b in listed)


@browser
def test_a_sequence_of_filter_changes_shows_what_the_filters_allow(page, tmp_path):
    """Values toggled one by one, several at once, in two groups at once, with
    "only" and "all", at all time and at a date: after each change the relations
    shown are exactly those whose every value the filters allow (a change
    looks only at the relations holding a changed value)."""
    import random

    from benchmarks.synthetic import make_dataset

    G = graph.load(make_dataset(tmp_path / "data", 60, 600)).to_networkx()
    open_view(page, G, tmp_path)
    groups = {n["id"]: n["colour_key"] for n in view_payload(G)["nodes"]}
    known = {k: set(v) for k, v in known_values(page).items()}
    rng = random.Random(13)
    filters = {k: set(v) for k, v in known.items()}
    for step in range(40):
        date = "2015" if step >= 30 else None
        change = {}
        for kind in rng.sample(KINDS, rng.choice([1, 1, 1, 2])):
            values = sorted(known[kind])
            how = rng.random()
            if how < 0.6:
                filters[kind] ^= {rng.choice(values)}
            elif how < 0.8:
                filters[kind] = {rng.choice(values)}
            else:
                filters[kind] = set(values)
            change[kind] = sorted(filters[kind])
        page.evaluate("s => window.geograph.set(s)", {"filters": change, "date": date})
        H = graph.at(G, date) if date else G
        want = {
            k
            for u, v, k, d in H.edges(keys=True, data=True)
            if all(vals <= filters[o] for o, vals in _values(G, groups, u, v, d).items())
        }
        assert shown(page) == want, (step, change)
        assert (
            page.evaluate("window.geograph.edges.get({filter: e => !e.hidden}).length") > 0
            or not want
        )


@browser
def test_counts_follow_a_sequence_of_toggles_and_date_steps(page, tmp_path):
    """The counts are followed through the relations each change looked at (a
    toggle: those holding the value; a date step: those starting or ending
    between the two dates): after each change of a random series they are the
    faceted counts of what the filters and the date allow."""
    import random

    from benchmarks.synthetic import make_dataset

    G = graph.load(make_dataset(tmp_path / "data", 60, 600)).to_networkx()
    open_view(page, G, tmp_path)
    known = {k: set(v) for k, v in known_values(page).items()}
    rng = random.Random(7)
    filters = {k: set(v) for k, v in known.items()}
    date = None
    for step in range(36):
        change: dict = {}
        if rng.random() < 0.4:
            date = rng.choice([None, "2000", "2005", "2010", "2010-06", "2015", "2020", "2024"])
            change["date"] = date
        else:
            kind = rng.choice(KINDS)
            values = sorted(known[kind])
            if rng.random() < 0.8:
                filters[kind] ^= {rng.choice(values)}
            else:
                filters[kind] = set(values)
            change["filters"] = {kind: sorted(filters[kind])}
        page.evaluate("s => window.geograph.set(s)", change)
        want = expected_counts(G, [date], filters)
        got = page.evaluate("window.geograph.filterCounts()")
        for kind in KINDS:
            assert {v: n for v, n in got[kind] if n} == {
                v: n for v, n in want[kind].items() if n
            }, (step, change, kind)
