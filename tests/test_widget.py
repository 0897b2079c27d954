"""graph.Explorer: traits checked in Python; the front end and the page's bridge in Chromium.

The browser test drives the widget's own ES module with a minimal stand-in for
the widget model (get/set/on/off/save_changes), so that the two-way sync of
``templates/widget.js`` and ``templates/widget_bridge.js`` is tested without a
Jupyter server; tests/test_widget_jupyterlab.py does it in a real JupyterLab.
"""

import html
import json
from pathlib import Path

import pytest
import traitlets

import graph
from tests.widget_helpers import click_actor, view_frame, view_state

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def G():
    return graph.load(DATA).to_networkx()


def test_traits_start_from_the_arguments(G):
    ex = graph.Explorer(G, date="2018", selected="PRK", filters={"status": ["fact"]})
    assert (ex.date, ex.selected, ex.selected_relation) == ("2018", "PRK", None)
    assert ex.filters == {"status": ["fact"]}
    # the page opens in that state (the fragment) and carries the bridge
    assert 'location.hash = "#date=2018&focus=PRK&status=fact"' in ex._page
    assert "geograph widget bridge" in ex._page
    assert ex.graph is G


def test_speaker_and_source_filters_are_traits_too(G):
    ex = graph.Explorer(G, filters={"said_by": ["Leonid Petrov"]})
    assert "said_by=Leonid%20Petrov" in ex._page
    ex.filters = {"source": ["dw-2020-07-14"], "said_by": ["Deutsche Welle", "Leonid Petrov"]}
    assert ex.filters["said_by"] == ["Deutsche Welle", "Leonid Petrov"]
    with pytest.raises(traitlets.TraitError, match="said_by has no value 'Kim'"):
        ex.filters = {"said_by": ["Kim"]}


def test_date_traits_take_python_dates_as_the_api_does(G):
    """``date=2018`` or a ``Timestamp`` works in the Explorer as in every other function."""
    import datetime

    import pandas as pd

    ex = graph.Explorer(G, date=2018, compare=datetime.date(2020, 6, 16))
    assert (ex.date, ex.compare) == ("2018", "2020-06-16")
    assert 'location.hash = "#date=2018&compare=2020-06-16"' in ex._page
    ex.date = pd.Timestamp("2020-06-16 09:30")
    assert ex.date == "2020-06-16"
    ex.compare = " 2019-02 "
    assert ex.compare == "2019-02"
    with pytest.raises(traitlets.TraitError, match="date: .*int year"):
        ex.date = 2020.5


def test_the_date_trait_takes_all_for_all_time_as_show_does(G):
    """``date="all"`` opens event data at all time rather than its latest period."""
    assert graph.show(G, date="all").fragment == "#date=all"
    ex = graph.Explorer(G, date="all")
    assert ex.date is None  # what the page reports for all time
    assert 'location.hash = "#date=all"' in ex._page
    ex.date = "2018"
    ex.date = " all "
    assert ex.date is None
    with pytest.raises(traitlets.TraitError, match="compare: "):
        ex.compare = "all"  # a comparison is with a date


def test_a_date_of_the_wrong_type_is_named_by_its_trait_once(G):
    ex = graph.Explorer(G)
    for trait in ("date", "compare"):
        with pytest.raises(traitlets.TraitError) as err:
            setattr(ex, trait, 2020.5)
        assert str(err.value).startswith(f"{trait}: got 2020.5 (a float); give the date as text")
    with pytest.raises(ValueError) as err:
        graph.view_fragment(G, compare=True)
    assert str(err.value).startswith("compare: got True (a bool)")


def test_a_date_outside_the_data_is_refused_as_show_refuses_it(G):
    """The page would clamp 2031 to the data's last month without a word."""
    message = "date: 2031 is after the data, which runs from 2017 to 2020-07"
    with pytest.raises(ValueError, match=message):
        graph.Explorer(G, date="2031")
    ex = graph.Explorer(G, date="2020-06")
    with pytest.raises(traitlets.TraitError, match=message):
        ex.date = "2031"
    with pytest.raises(traitlets.TraitError, match="compare: 1990 is before the data"):
        ex.compare = 1990
    assert (ex.date, ex.compare) == ("2020-06", None)


@pytest.mark.parametrize(
    ("trait", "value", "message"),
    [
        ("date", "2018-13", "date:"),
        ("compare", "soon", "compare:"),
        ("selected", "PRQ", 'did you mean "PRK"'),
        ("selected_relation", "nope", "edge: unknown value 'nope'"),
        ("filters", {"colour": ["x"]}, "unknown filter 'colour'"),
        ("filters", {"status": ["rumour"]}, "status has no value 'rumour'"),
    ],
)
def test_bad_trait_values_are_refused_with_the_fix(G, trait, value, message):
    ex = graph.Explorer(G)
    with pytest.raises(traitlets.TraitError) as err:
        setattr(ex, trait, value)
    assert message in str(err.value)


def test_the_page_inside_is_offline(G):
    page = graph.Explorer(G)._page
    assert "http://" not in page.split("<body", 1)[0].replace("http://www.w3.org", "")
    assert "<script src=" not in page and "<link " not in page


def test_a_notebook_without_the_widget_says_what_it_is_and_how_to_see_it(G):
    """A saved or untrusted notebook shows the text/html or text/plain of the output."""
    data, _ = graph.Explorer(G, date="2020-06", selected="PRK")._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    text = data["text/plain"]
    assert text.startswith('geograph Explorer of "What’s driving North Korea’s actions')
    assert "(6 actors, 23 relations; date 2020-06, selected PRK)" in text
    assert "Run the cell to see it" in text and "graph.show(G)" in text
    assert "object at 0x" not in text
    assert data["text/html"] == f'<p class="geograph-explorer-note">{html.escape(text)}</p>'


HOST = """<!DOCTYPE html><html><body><div id="out"></div><script type="module">
class Model {
  constructor(data) { this.data = data; this.handlers = {}; window.saved = []; }
  get(k) { return this.data[k]; }
  set(k, v) { this.data[k] = v; (this.handlers["change:" + k] || []).forEach((f) => f()); }
  on(e, f) { (this.handlers[e] = this.handlers[e] || []).push(f); }
  off(e, f) { this.handlers[e] = (this.handlers[e] || []).filter((g) => g !== f); }
  save_changes() { window.saved.push(JSON.parse(JSON.stringify(this.data))); }
}
const state = JSON.parse(document.getElementById("state").textContent);
const url = URL.createObjectURL(new Blob([state.esm], {type: "text/javascript"}));
const widget = (await import(url)).default;
window.model = new Model(state.model);
widget.render({model: window.model, el: document.getElementById("out")});
</script></body></html>"""


@pytest.mark.browser
def test_click_comes_back_and_python_moves_the_view(page, G):
    ex = graph.Explorer(G, date="2020-06")
    model = {
        k: getattr(ex, k) for k in ("date", "compare", "selected", "selected_relation", "filters")
    }
    model |= {"_page": ex._page, "height": "500px"}
    esm = (Path(graph.__file__).parent / "templates" / "widget.js").read_text("utf-8")
    state = json.dumps({"esm": esm, "model": model}).replace("<", "\\u003c")
    page.set_content(
        HOST.replace("<body>", f'<body><script type="application/json" id="state">{state}</script>')
    )
    frame = view_frame(page)
    assert view_state(frame)["date"] == "2020-06"
    click_actor(page, frame, "PRK")
    page.wait_for_function("window.model.get('selected') === 'PRK'", timeout=5000)
    assert page.evaluate("window.saved.at(-1).selected") == "PRK"
    # the kernel side sets a trait: the view follows
    page.evaluate("window.model.set('date', '2018')")
    frame.wait_for_function("window.geograph.state().date === '2018'")
    page.evaluate("window.model.set('selected', 'USA')")
    frame.wait_for_function("window.geograph.state().focus === 'USA'")
    page.evaluate("window.model.set('filters', {status: ['fact']})")
    frame.wait_for_function("window.geograph.state().filters.status.join() === 'fact'")
    page.evaluate("window.model.set('compare', '2020-06')")
    frame.wait_for_function("window.geograph.state().compare === '2020-06'")
    page.evaluate("window.model.set('selected', null)")
    frame.wait_for_function("window.geograph.state().focus === null")
    # and what the page then reports agrees with what was set
    page.wait_for_function("window.model.get('filters').status.join() === 'fact'")
    assert page.evaluate("window.model.get('date')") == "2018"
    assert page.evaluate("window.model.get('compare')") == "2020-06"
