"""Compare mode of the HTML view in headless Chromium: two dates, what changed.

Checked against the library's ``graph.diff`` on the article's data.
"""

from __future__ import annotations

import pytest
from hostile import FORBIDDEN_SELECTORS, HOSTILE, TRAP
from viewpages import article_graph, drawn, expected_at, link_fragment, open_view, shown

import graph

pytestmark = pytest.mark.browser


def _expected(G, before, after):
    d = graph.diff(G, before, after)
    pairs = {(p["source"], p["target"]) for p in d.sign_changes + d.status_changes}
    changed = [
        k
        for u, v, k, e in G.edges(keys=True, data=True)
        if u != v
        and tuple(sorted((u, v))) in pairs
        and graph.dates.overlaps(e["start"], e["end"], before)
        and graph.dates.overlaps(e["start"], e["end"], after)
    ]
    return d, changed


def test_compare_2018_with_2020_06_matches_diff(page, tmp_path, screenshot):
    G = article_graph()
    open_view(page, G, tmp_path, "compare=2018&date=2020-06")
    ch = page.evaluate("window.geograph.changes()")
    d, changed = _expected(G, "2018", "2020-06")
    assert sorted(ch["new"]) == sorted(r["id"] for r in d.appeared)
    assert sorted(ch["ended"]) == sorted(r["id"] for r in d.ended)
    assert sorted(ch["changed"]) == sorted(changed)
    assert ch["new"] and ch["ended"] and ch["changed"]  # the article's story has all three
    signs = {(p["source"], p["target"]): tuple(p["sign"]) for p in ch["pairs"] if p["sign"]}
    assert signs == {(s["source"], s["target"]): (s["before"], s["after"]) for s in d.sign_changes}
    stat = {(p["source"], p["target"]): tuple(p["status"]) for p in ch["pairs"] if p["status"]}
    assert stat == {(s["source"], s["target"]): (s["before"], s["after"]) for s in d.status_changes}
    # ended relations stay drawn, in their own colour; the state and URL agree
    assert set(ch["ended"]) <= drawn(page)
    state = page.evaluate("window.geograph.state()")
    assert (state["compare"], state["date"]) == ("2018", "2020-06")
    colours = page.evaluate(
        """ids => ids.map(id => window.geograph.edges.get(window.geograph.visId(id)).color.color)""",
        [ch["new"][0], ch["ended"][0], ch["changed"][0]],
    )
    assert len(set(colours)) == 3
    # the panel lists them, the legend names them
    lists = page.locator("#gg-changes")
    assert lists.is_visible()
    assert lists.locator(".gg-change-new li").count() == len(ch["new"])
    assert lists.locator(".gg-change-ended li").count() == len(ch["ended"])
    assert page.locator("#gg-legend-compare").is_visible()
    assert page.locator("#gg-compare").input_value() == "2018"
    screenshot(page, "compare-2018-2020-06")


def test_compare_from_the_control_and_back(page, tmp_path):
    G = article_graph()
    open_view(page, G, tmp_path, "date=2020-06")
    assert page.evaluate("window.geograph.changes()") is None
    page.select_option("#gg-compare", "2018")
    assert link_fragment(page).find("compare=2018") >= 0
    ch = page.evaluate("window.geograph.changes()")
    assert ch["from"] == "2018" and ch["to"] == "2020-06"
    # both dates beside the slider, which itself says its own
    label = page.locator("#gg-date-label")
    assert label.inner_text() == "2018 \u2192 2020-06"
    assert page.locator("#gg-date").get_attribute("aria-valuetext") == "2020-06"
    # a relation in the list selects it, and focus stays in the list's region
    first = page.locator("#gg-changes .gg-change-new button").first
    first.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("window.geograph.state().edge") == ch["new"][0]
    page.select_option("#gg-compare", "")
    assert page.evaluate("window.geograph.changes()") is None
    assert label.inner_text() == "2020-06"
    assert not page.locator("#gg-changes").is_visible()
    assert "compare=" not in link_fragment(page)
    # the lines are back to their sign colours
    sign = page.evaluate("window.geograph.edges.get(window.geograph.visId('liaison')).color.color")
    assert sign == "#d7301f"


def test_compare_list_is_text_only(page, tmp_path):
    G = article_graph()
    for i, text in enumerate(HOSTILE):
        G.add_node(
            f"H{i}", id=f"H{i}", name=text, type="state", aliases=[], group=None, description=None
        )
        G.add_edge(
            "PRK",
            f"H{i}",
            key=f"h{i}",
            id=f"h{i}",
            source="PRK",
            target=f"H{i}",
            relation="agree",
            sign=1,
            intensity=3.0,
            directed=True,
            status="fact",
            start="2020-06",
            end=None,
            source_id="dw",
            said_by=text,
            quote=text,
            note=None,
        )
    page.add_init_script(f"window.{TRAP} = false;")
    open_view(page, G, tmp_path, "compare=2018&date=2020-06")
    assert len(page.evaluate("window.geograph.changes()")["new"]) >= len(HOSTILE)
    text = page.locator("#gg-changes").inner_text()
    assert HOSTILE[2] in text
    assert page.evaluate(f"window.{TRAP}") is False
    for sel in FORBIDDEN_SELECTORS:
        assert page.locator(sel).count() == 0, sel


def test_selection_in_compare_mode_keeps_its_look(page, tmp_path):
    G = article_graph()
    open_view(page, G, tmp_path, "compare=2018&date=2020-06&edge=liaison")
    look = """ids => ids.map(id => { const e = window.geograph.edges.get(id);
        return [e.color.opacity, e.width, e.color.color]; })"""
    ch = page.evaluate("window.geograph.changes()")
    other = ch["ended"][0]
    assert page.evaluate(look, [other])[0][0] < 0.5  # faded around the selection
    page.evaluate("window.geograph.setDate('2020-07')")  # the compare colours are computed again
    (sel, oth) = page.evaluate(look, ["liaison", other])
    assert oth[0] < 0.5 and sel[0] == 1 and sel[1] >= 5
    # another selection: the changed lines keep their width
    page.evaluate("window.geograph.setDate('2020-06')")
    page.evaluate("window.geograph.clearSelection()")
    widths = page.evaluate(look, ch["new"] + ch["ended"])
    assert all(w[0] == 1 and w[1] >= 3.5 for w in widths), widths


def test_compare_from_a_later_date_is_put_in_time_order(page, tmp_path, screenshot):
    G = article_graph()
    open_view(page, G, tmp_path, "compare=2020-07&date=2017")
    ch = page.evaluate("window.geograph.changes()")
    d, changed = _expected(G, "2017", "2020-07")
    assert (ch["from"], ch["to"]) == ("2017", "2020-07")
    assert sorted(ch["new"]) == sorted(r["id"] for r in d.appeared)
    assert sorted(ch["ended"]) == sorted(r["id"] for r in d.ended)
    # the slider stays where the reader put it; the words name the earlier date first
    assert page.evaluate("window.geograph.state()")["date"] == "2017"
    assert page.locator("#gg-date-label").inner_text() == "2017 \u2192 2020-07"
    assert page.locator("#gg-changes h2").inner_text() == "Changes from 2017 to 2020-07"
    assert "new since 2017" in page.locator("#gg-legend-compare").inner_text()
    screenshot(page, "compare-later-from")


@pytest.mark.parametrize(
    "fragment, why",
    [
        ("date=2020-06&compare=2020-06", "2020-06 is the slider's date too"),
        ("date=2020-06&compare=2020", "2020-06 lies within 2020"),
    ],
)
def test_compare_of_overlapping_dates_is_explained(page, tmp_path, fragment, why, screenshot):
    G = article_graph()
    open_view(page, G, tmp_path, fragment)
    # nothing compared: the relations of the slider's date, in their sign colours
    assert page.evaluate("window.geograph.changes()") is None
    assert shown(page) == expected_at(G, "2020-06")
    sign = page.evaluate("window.geograph.edges.get(window.geograph.visId('liaison')).color.color")
    assert sign == "#d7301f"
    assert not page.locator("#gg-legend-compare").is_visible()
    note = page.locator("#gg-changes")
    assert note.is_visible() and why in note.inner_text()
    assert page.locator("#gg-date-label").inner_text() == "2020-06"
    screenshot(page, "compare-overlap-" + fragment.rsplit("=", 1)[1])
    # moving the slider away compares again
    page.evaluate("window.geograph.setDate('2018')")
    assert page.evaluate("window.geograph.changes()") is not None


def test_compare_list_is_grouped_by_year_and_greys_the_slider_date(page, tmp_path):
    G = article_graph()
    open_view(page, G, tmp_path, "date=2020-06")
    timeline = page.evaluate("window.geograph.payload.timeline")
    groups = page.evaluate(
        """Array.from(document.querySelectorAll('#gg-compare optgroup')).map(g =>
            [g.label, Array.from(g.querySelectorAll('option')).map(o => o.value)])"""
    )
    years = sorted({d[:4] for d in timeline})
    assert [g[0] for g in groups] == years
    for year, values in groups:
        assert values == [year] + [d for d in timeline if d.startswith(year)]
    disabled = page.evaluate(
        "Array.from(document.querySelectorAll('#gg-compare option:disabled')).map(o => o.value)"
    )
    assert disabled == ["2020", "2020-06"]
    page.evaluate("window.geograph.setDate('2018-03')")
    disabled = page.evaluate(
        "Array.from(document.querySelectorAll('#gg-compare option:disabled')).map(o => o.value)"
    )
    assert disabled == ["2018", "2018-03"]
