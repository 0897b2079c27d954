"""graph.show in a notebook: opened in a state given by its arguments, readable when untrusted."""

import re

import pytest

import graph
from graph.notebook import UNTRUSTED_TEXT, view_fragment


@pytest.fixture(scope="module")
def G():
    return graph.load(graph_data()).to_networkx()


def graph_data():
    from pathlib import Path

    return Path(__file__).resolve().parent.parent / "data"


def test_fragment_from_every_argument(G):
    fragment = view_fragment(
        G,
        date="2018",
        compare="2020-06",
        focus="PRK",
        color="bloc",
        layout="force",
        status=["fact", "claim"],
        sign="hostile",
        relation=["agree", "sanction"],
    )
    assert fragment == (
        "#date=2018&compare=2020-06&focus=PRK&status=fact,claim&sign=hostile"
        "&relation=agree,sanction&color=bloc&layout=force"
    )
    assert view_fragment(G) == ""


def test_fragment_group_by_name_or_legend_key(G):
    """A group is named as in actors.csv or as the page's legend key; the page gets the key."""
    by_name = view_fragment(G, group=["Great powers"])
    assert by_name == "#group=group%3AGreat%20powers"
    assert view_fragment(G, group="group:Great powers") == by_name


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"date": "2018-13"}, "date:"),
        ({"compare": "June 2020"}, "compare:"),
        (
            {"date": "2031"},
            "date: 2031 is after the data, which runs from 2017 to 2020-07; give a date in that range",
        ),
        ({"date": 1990}, "date: 1990 is before the data, which runs from 2017 to 2020-07"),
        ({"compare": "2031-02"}, "compare: 2031-02 is after the data"),
        ({"focus": "PRQ"}, "focus: unknown actor 'PRQ' (did you mean \"PRK\" (North Korea) or"),
        ({"edge": "nope"}, "edge: unknown value 'nope'"),
        ({"status": "rumour"}, "status: unknown value 'rumour'"),
        ({"sign": "hostil"}, "sign: unknown value 'hostil' (did you mean \"hostile\"?)"),
        ({"relation": "sanctoin"}, '(did you mean "sanction"?)'),
        ({"group": "nowhere"}, "group: unknown value 'nowhere'"),
        ({"color": "blocs"}, "color: unknown value 'blocs'"),
        ({"layout": "globe"}, "layout: unknown value 'globe'; use one of force, map"),
        ({"height": "tall"}, "height 'tall' is not a CSS length"),
    ],
)
def test_bad_arguments_are_named_with_the_fix(G, kwargs, message):
    with pytest.raises(ValueError) as err:
        graph.show(G, **kwargs)
    assert message in str(err.value)


def test_output_bundle_has_a_text_for_untrusted_notebooks(G):
    bundle = graph.show(G, date="2018")._repr_mimebundle_()
    assert bundle["text/plain"] == UNTRUSTED_TEXT
    assert "Trust" in UNTRUSTED_TEXT and "render_html" in UNTRUSTED_TEXT
    # the same words stand in the HTML, outside the iframe, for a sanitiser to keep
    html = bundle["text/html"]
    assert html.index("not trusted") < html.index("<iframe")
    assert "location.hash = &quot;#date=2018&quot;" in html


def test_file_keeps_the_notebook_small(G, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    inline = graph.show(G)._repr_html_()
    small = graph.show(G, focus="PRK", file="views/article.html")._repr_html_()
    assert len(inline) > 300_000 and len(small) < 2_000
    assert 'src="views/article.html#focus=PRK"' in small
    assert (tmp_path / "views" / "article.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    with pytest.raises(ValueError, match="relative to the notebook"):
        graph.show(G, file=tmp_path / "abs.html")


@pytest.mark.browser
def test_show_opens_the_view_in_the_state_given(page, G):
    page.set_content(
        graph.show(G, date="2018", focus="PRK", status="fact", sign=["hostile"])._repr_html_()
    )
    frame = next(f for f in page.frames if f != page.main_frame)
    frame.wait_for_function("window.geograph && window.geograph.ready === true")
    state = frame.evaluate(
        "(() => { const s = window.geograph.state();"
        " return {date: s.date, focus: s.focus,"
        " status: s.filters.status, sign: s.filters.sign}; })()"
    )
    assert state == {"date": "2018", "focus": "PRK", "status": ["fact"], "sign": ["hostile"]}
    assert page.locator(".geograph-untrusted").is_hidden()


@pytest.mark.browser
def test_sanitised_output_still_says_what_is_missing(page, G):
    """What a sanitiser keeps of the output (no iframe, no handler) is the note."""
    html = graph.show(G)._repr_html_()
    kept = re.sub(r"<iframe.*?</iframe>", "", html, flags=re.S)
    page.set_content(kept)
    assert page.locator(".geograph-untrusted").is_visible()
    assert "Trust the notebook" in page.inner_text("body")


@pytest.mark.browser
@pytest.mark.parametrize("width", [760, 1030, 1400])
def test_the_page_fits_its_frame_however_the_toolbar_wraps(browser, G, width):
    """At 760 px the toolbar takes three lines, at 1400 px two: the graph ends in the frame."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.set_content(graph.show(G, height="520px")._repr_html_())
        frame = next(f for f in page.frames if f != page.main_frame)
        frame.wait_for_function("window.geograph && window.geograph.ready === true")
        box = frame.evaluate(
            """() => { const net = window.geograph.network, c = document.querySelector('canvas');
                const r = c.getBoundingClientRect();
                const pos = Object.values(net.getPositions()).map((p) => net.canvasToDOM(p));
                return {inner: innerHeight, scroll: document.documentElement.scrollHeight,
                        canvas: r.bottom, lowest: Math.max(...pos.map((p) => p.y)) + r.top}; }"""
        )
        assert box["scroll"] <= box["inner"] == 520
        assert box["canvas"] <= 520 and box["lowest"] < 520 - 20  # Russia and its label in sight
    finally:
        context.close()
    assert "gg-embedded" in graph.Explorer(G)._page  # the widget's frame holds the same page
