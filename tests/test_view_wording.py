"""A forecast never reads as something that happened, in headless Chromium.

R16 of the shipped data is Leonid Petrov's "they may soon start testing
weapons": a forecast made in 2020-07. Its dates read "2020-07 – ongoing" in
the tooltip, the panel, the table and the actor's list, and its intensity as
if it had been measured; one wording (00-util.js's ``datesText``) now says
when it was made and what is expected, wherever a relation's dates are written.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from viewpages import fail_on_problems, reopen_view, shared_page, shipped_page_file, table_rows

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    return shipped_page_file(tmp_path_factory, "wording")


@pytest.fixture(scope="module")
def pg(browser):
    with shared_page(browser, 1280, 800) as page:
        yield page


@pytest.fixture(autouse=True)
def _clean(pg):
    yield from fail_on_problems(pg)


def panel_text(pg) -> str:
    return pg.locator("#gg-panel").inner_text()


def test_the_tooltip_says_when_the_forecast_was_made(pg, page_file):
    reopen_view(pg, page_file, "date=2020-07")
    label = next(x for x in pg.evaluate("window.geograph.edgeLabels()") if x["id"] == "R16")
    box = pg.locator("#gg-network canvas").bounding_box()
    pg.mouse.move(
        box["x"] + label["x"] + label["width"] / 2, box["y"] + label["y"] + label["height"] / 2
    )
    tip = pg.locator("div.vis-tooltip")
    tip.wait_for(state="visible")
    text = tip.inner_text()
    assert "forecast made 2020-07" in text and "ongoing" not in text, text
    assert "said by Leonid Petrov" in text
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "wording-forecast-tip.png"))


def test_the_panel_says_what_is_expected(pg, page_file):
    reopen_view(pg, page_file, "date=2020-07&edge=R16")
    text = panel_text(pg)
    assert "forecast: what someone expects, not an event" in text
    assert "made 2020-07" in text and "ongoing" not in text, text
    assert "Expected intensity" in text
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "wording-forecast-panel.png"))
    reopen_view(pg, page_file, "date=2020-06&edge=R16")  # before it was made
    assert "this forecast was made 2020-07" in panel_text(pg)


def test_a_fact_keeps_its_dates(pg, page_file):
    reopen_view(pg, page_file, "date=2020-07&edge=R12")
    text = panel_text(pg)
    assert "2018 \u2013 ongoing" in text and "Intensity" in text and "Expected" not in text


def test_the_table_and_the_actors_list_say_it_too(pg, page_file):
    reopen_view(pg, page_file, "date=2020-07&focus=PRK")
    items = pg.locator("#gg-panel li").all_inner_texts()
    mine = [t for t in items if t.startswith("mobilize: North Korea") and "Petrov" in t]
    assert mine and all("forecast made 2020-07" in t and "ongoing" not in t for t in mine), mine
    table_rows(pg)
    cell = pg.locator('#gg-table tr[data-id="R16"] td').first.inner_text()
    assert cell == "made 2020-07"
