"""Search with a result list in headless Chromium: names, aliases, relations, no match."""

from __future__ import annotations

import pytest
from hostile import FORBIDDEN_SELECTORS, HOSTILE, TRAP
from viewpages import article_graph, open_view

pytestmark = pytest.mark.browser


def _type(page, text):
    page.fill("#gg-search", "")
    page.locator("#gg-search").press_sequentially(text)


def _options(page):
    return page.locator("#gg-search-list [role=option]").all_inner_texts()


def test_korea_lists_both_and_nothing_jumps(page, tmp_path):
    open_view(page, article_graph(), tmp_path)
    _type(page, "korea")
    opts = _options(page)
    assert any("North Korea (PRK)" in o for o in opts)
    assert any("South Korea (KOR)" in o for o in opts)
    assert page.get_by_role("listbox", name="Search results").is_visible()
    page.keyboard.press("Enter")  # several matches: the first becomes active, none is chosen
    assert page.evaluate("window.geograph.state().focus") is None
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert page.evaluate("window.geograph.state().focus") == "KOR"
    assert page.evaluate("document.activeElement.id") == "gg-search"


def test_un_does_not_jump_to_united_states(page, tmp_path):
    open_view(page, article_graph(), tmp_path)
    _type(page, "UN")
    page.keyboard.press("Enter")
    assert page.evaluate("window.geograph.state().focus") is None
    assert any("United States" in o for o in _options(page))


def test_no_match_says_so_and_clears_selection(page, tmp_path):
    open_view(page, article_graph(), tmp_path, "focus=PRK")
    _type(page, "Atlantis")
    assert page.locator("#gg-search-status").inner_text() == "no match"
    assert page.evaluate("window.geograph.state().focus") is None
    assert not page.locator("#gg-search-list").is_visible()


def test_alias_accents_and_apostrophes(page, tmp_path):
    G = article_graph()
    G.nodes["RUS"]["aliases"] = ["Moscow", "Rossiya Federátsiya"]
    open_view(page, G, tmp_path)
    _type(page, "pyongyang")
    assert _options(page) and "North Korea (PRK)" in _options(page)[0]
    _type(page, "federatsiya")
    assert "Russia (RUS)" in _options(page)[0]
    # the data has a typographic apostrophe; the keyboard types '
    G2 = article_graph()
    for _u, _v, k, d in G2.edges(keys=True, data=True):
        if k == "support-chn":
            d["quote"] = "are likely to continue their support for Kim\u2019s regime"
    open_view(page, G2, tmp_path, name="quote")
    _type(page, "Kim's regime")
    opts = _options(page)
    assert len(opts) == 1 and "support: China" in opts[0]
    page.keyboard.press("Enter")
    assert page.evaluate("window.geograph.state().edge") == "support-chn"
    # by speaker and by type
    _type(page, "petrov")
    assert len(_options(page)) == 2
    assert page.evaluate("window.geograph.find('mobilize').length") == 3


def test_hostile_names_in_the_list_are_text(page, tmp_path):
    G = article_graph()
    for i, text in enumerate(HOSTILE):
        G.add_node(
            f"H{i}",
            id=f"H{i}",
            name="hostile " + text,
            type="state",
            aliases=[text],
            group=None,
            description=None,
        )
    page.add_init_script(f"window.{TRAP} = false;")
    open_view(page, G, tmp_path)
    _type(page, "hostile")
    text = "\n".join(_options(page))
    assert HOSTILE[0] in text and HOSTILE[2] in text
    _type(page, "<img")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert page.evaluate(f"window.{TRAP}") is False
    for sel in FORBIDDEN_SELECTORS:
        assert page.locator(sel).count() == 0, sel


def test_the_chosen_actor_is_said_not_drawn_over_the_date_row(page, tmp_path):
    open_view(page, article_graph(), tmp_path)
    status = page.locator("#gg-search-status")
    _type(page, "seoul")
    assert status.is_visible() and status.bounding_box()["height"] > 10
    page.keyboard.press("Enter")
    assert page.evaluate("window.geograph.state().focus") == "KOR"
    # the box keeps focus; the status is still there for a screen reader, one pixel on the page
    assert page.evaluate("document.activeElement.id") == "gg-search"
    assert status.inner_text() == "Showing South Korea (KOR)"
    assert status.bounding_box()["height"] <= 2
    page.keyboard.type("x")  # typing again shows the count again
    assert status.inner_text() == "no match" and status.bounding_box()["height"] > 10
