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
