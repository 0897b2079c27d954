"""Event data in the view: compare mode's counted pairs, time steps, the PNG's captions.

The datasets are real imports (``graph.events.import_gdelt``) of a synthetic
GDELT export, by month and by year; what is expected is computed here from the graph.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from viewpages import fail_on_problems, reopen_view, shared_page

import graph

pytestmark = pytest.mark.browser
pytest.importorskip("duckdb")


def _import(tmp: Path, period: str) -> Path:
    from benchmarks.bench_import import make_gdelt_file

    from graph.events import import_gdelt

    make_gdelt_file(tmp / "events.CSV", 4000, countries=15)
    import_gdelt([tmp / "events.CSV"], tmp / "data", period=period, progress=False)
    return tmp / "data"


@pytest.fixture(scope="module")
def monthly(tmp_path_factory) -> tuple[Path, object]:
    """The page of the events imported by month, and their graph."""
    tmp = tmp_path_factory.mktemp("monthly")
    G = graph.load(_import(tmp, "month")).to_networkx()
    return graph.render_html(G, tmp / "monthly.html"), G


@pytest.fixture(scope="module")
def yearly(tmp_path_factory) -> tuple[Path, object]:
    """The page of the same events imported by year, and their graph."""
    tmp = tmp_path_factory.mktemp("yearly")
    G = graph.load(_import(tmp, "year")).to_networkx()
    return graph.render_html(G, tmp / "yearly.html"), G


@pytest.fixture(scope="module")
def pg(browser):
    with shared_page(browser, width=1440, height=900) as page:
        yield page


@pytest.fixture(autouse=True)
def _clean(pg):
    yield from fail_on_problems(pg)


def test_data_dated_by_year_steps_by_year(pg, yearly, screenshot):
    path, G = yearly
    years = sorted({d["start"] for _, _, d in G.edges(data=True)})
    assert all(len(y) == 4 for y in years)
    reopen_view(pg, path)
    # one slider position per year of the data, and the page opens at one of them
    assert pg.evaluate("window.geograph.payload.timeline") == years
    slider = pg.locator("#gg-date")
    assert slider.get_attribute("max") == str(len(years))
    st = pg.evaluate("window.geograph.state()")
    assert st["date"] == years[-1]
    assert slider.input_value() == str(len(years))
    assert pg.locator("#gg-date-label").inner_text() == years[-1]
    # no month steps, and every step of Play shows another set of relations
    assert pg.locator("#gg-month-next").is_hidden()
    screenshot(pg, "events-yearly-steps")


def _kinds(G, before: str, after: str) -> tuple[dict, set]:
    """Each relation's change (graph.diff's rules) and the pairs whose sign or status changed."""
    d = graph.diff(G, before, after)
    pairs = {frozenset((p["source"], p["target"])) for p in d.sign_changes + d.status_changes}
    kinds = {}
    for u, v, k, e in G.edges(keys=True, data=True):
        was = graph.dates.overlaps(e["start"], e["end"], before)
        now = graph.dates.overlaps(e["start"], e["end"], after)
        if was or now:
            changed = u != v and frozenset((u, v)) in pairs
            kinds[k] = (
                "new" if not was else "ended" if not now else "changed" if changed else "same"
            )
    return kinds, pairs


def _pair_look(kinds: list[str], changed: bool) -> str:
    if all(k == "new" for k in kinds):
        return "new"
    if all(k == "ended" for k in kinds):
        return "ended"
    if changed:
        return "changed"
    return "turnover" if {"new", "ended"} & set(kinds) else "same"


def test_compare_gives_counted_pairs_the_look_of_their_change(pg, monthly, screenshot):
    path, G = monthly
    months = sorted({d["start"] for _, _, d in G.edges(data=True)})
    before, after = months[-7], months[-1]
    reopen_view(pg, path, f"date={after}&compare={before}")
    kinds, changed = _kinds(G, before, after)
    drawn = pg.evaluate(
        """() => { const g = window.geograph, shown = new Set(g.shown());
        return g.bundles.map(b => [b.visId, b.from, b.to, b.relations.filter(id => shown.has(id)),
                                   g.edges.get(b.visId).color.color, g.edges.get(b.visId).hidden]); }"""
    )
    colours = {
        "new": "#6a3d9a",
        "ended": "#a6611a",
        "changed": "#e7298a",
        "turnover": "#1f78b4",
        "same": "#c8c8c8",
    }
    seen = set()
    for _vid, a, b, members, colour, hidden in drawn:
        if not members:
            assert hidden
            continue
        want = _pair_look([kinds[m] for m in members], frozenset((a, b)) in changed)
        assert colour == colours[want], (a, b, members)
        seen.add(want)
    assert {"new", "ended", "turnover"} <= seen, seen  # the story of a half-year of events
    # no drawn line keeps a sign's colour: the legend no longer names them
    lines = pg.evaluate(
        "window.geograph.edges.get({filter: e => !e.hidden}).map(e => e.color.color)"
    )
    assert set(lines) <= set(colours.values()), set(lines) - set(colours.values())
    row = pg.locator("#gg-legend-compare").inner_text()
    assert f"new since {before}" in row and "pair with new or ended relations" in row
    screenshot(pg, "events-compare-pairs")


@pytest.mark.parametrize(
    "fragment, words",
    [
        ("min_events=2", "at least 2 events"),
        ("top=2", "the 2 strongest ties per actor"),
        ("min_goldstein=5", "|Goldstein| at least 5"),
        ("backbone=0.05", "backbone (disparity filter) \u03b1 = 0.05"),
    ],
)
def test_export_names_the_event_thresholds_that_hide_relations(pg, monthly, fragment, words):
    path, G = monthly
    last = max(d["start"] for _, _, d in G.edges(data=True))
    reopen_view(pg, path, f"date={last}&{fragment}")
    shown = len(pg.evaluate("window.geograph.shown()"))
    at = sum(1 for _, _, d in G.edges(data=True) if d["start"] == last)
    assert 0 < shown < at  # the threshold hides some of the month's relations
    # the page's own count says what hides them, as the picture does
    count = pg.locator("#gg-count").inner_text()
    assert count == f"{shown} of {G.number_of_edges()} relations shown ({words})"
    pg.evaluate("window.geograph.exportPNG({scale: 1})")
    texts = pg.evaluate("window.geograph.exportInfo().texts")
    assert f"At {last} \u00b7 {shown} of {G.number_of_edges()} relations shown" in texts
    assert f"Filters: {words}" in texts, texts[:4]


def test_export_of_a_compare_names_its_dates_as_the_page_does(pg, monthly):
    path, G = monthly
    months = sorted({d["start"] for _, _, d in G.edges(data=True)})
    before, after = months[-7], months[-1]
    # the later date set as "compare from": the two are put in time order
    reopen_view(pg, path, f"date={before}&compare={after}")
    assert pg.locator("#gg-date-label").inner_text() == f"{before} \u2192 {after}"
    page_labels = pg.locator("#gg-legend-compare .gg-legend-entry").all_inner_texts()
    pg.evaluate("window.geograph.exportPNG({scale: 1})")
    info = pg.evaluate("window.geograph.exportInfo()")
    assert f"Compared: {before} \u2192 {after}" in info["texts"][1]
    png_labels = [e["label"] for e in info["legend"]]
    assert f"new since {before}" in page_labels and f"new since {before}" in png_labels
    # every compare entry of the picture is the page's, word for word; no sign entry
    assert set(png_labels) & {"hostile", "cooperative", "neutral"} == set()
    compare = [x for x in png_labels if x in page_labels]
    assert "pair with new or ended relations" in compare and len(compare) >= 3
