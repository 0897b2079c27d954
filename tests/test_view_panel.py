"""The details panel for keyboard and phone users, in headless Chromium.

An event import's other columns read as what they are; the focused table row
stays in sight when the details above it change; on a phone the details'
sheet takes focus as a dialog does and gives it back; a focus from the search
box or the table frames what the actor reaches as the URL's focus does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from event_files import GDELT_LINES, ICEWS_HEADER, ICEWS_LINES

import graph
from graph.view import render_html

pytestmark = pytest.mark.browser


def open_page(pg, path: Path, fragment: str = "") -> None:
    pg.goto(path.as_uri() + (f"#{fragment}" if fragment else ""))
    pg.wait_for_function("window.geograph && window.geograph.ready === true", timeout=20000)


def other_columns(pg) -> dict[str, str]:
    """The panel's "Other columns" as {column: text shown}."""
    return pg.evaluate(
        """() => { const h = Array.from(document.querySelectorAll('#gg-panel h3'))
                     .find(x => x.textContent === 'Other columns');
            const out = {}; if (!h) return out;
            const dts = h.nextElementSibling.querySelectorAll('dt');
            dts.forEach(dt => { out[dt.textContent] = dt.nextElementSibling.textContent; });
            return out; }"""
    )


# ---------------------------------------------------------------- event columns by name


@pytest.fixture(scope="module")
def event_pages(tmp_path_factory) -> dict[str, Path]:
    pytest.importorskip("duckdb")
    from graph.events import import_gdelt, import_icews

    tmp = tmp_path_factory.mktemp("event-panel")
    ic = tmp / "events.tab"
    ic.write_text("\t".join(ICEWS_HEADER) + "\n" + "\n".join(ICEWS_LINES) + "\n", "utf-8")
    import_icews([ic], tmp / "ic", period="month", progress=False)
    gd = tmp / "events.CSV"
    gd.write_text("\n".join(GDELT_LINES) + "\n", "utf-8")
    import_gdelt([gd], tmp / "gd", period="month", progress=False)
    return {
        name: render_html(graph.load(tmp / name).to_networkx(), tmp / f"{name}.html")
        for name in ("ic", "gd")
    }


def test_icews_whole_numbers_are_numbers_and_story_ids_are_stories(page, event_pages):
    open_page(page, event_pages["ic"], "edge=TUR-USA-2016-07-criticize")
    cols = other_columns(page)
    # two events (lines 2 and 3 of the file), CAMEO root 11, quad class 3: numbers
    assert (cols["events"], cols["quad_class"], cols["cameo"]) == ("2", "3", "11")
    assert cols["story_ids"] == "ICEWS story 101 \u00b7 ICEWS story 100"
    assert "ICEWS story" not in "".join(v for k, v in cols.items() if k != "story_ids")


def test_gdelt_numbers_stay_numbers_and_its_urls_are_links(page, event_pages):
    open_page(page, event_pages["gd"], "edge=PRK-KOR-2020-06-attack")
    cols = other_columns(page)
    assert (cols["events"], cols["mentions"], cols["quad_class"]) == ("2", "14", "4")
    assert "story" not in "".join(cols.values())
    links = page.locator("#gg-panel .gg-evidence a")
    assert sorted(links.nth(i).get_attribute("href") for i in range(links.count())) == [
        "https://a.example/1",
        "https://a.example/2",
    ]
