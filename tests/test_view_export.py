"""PNG export of the HTML view in headless Chromium, read back with Pillow.

The export holds the whole graph (not the viewport's crop) at twice the
screen resolution by default, with the title, the date or the compared
dates, the filters, the legend and the sources drawn into the image.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from hostile import FORBIDDEN_SELECTORS, HOSTILE, TRAP
from PIL import Image
from viewpages import (
    article_graph,
    fail_on_problems,
    open_view,
    relation_types,
    reopen_view,
    shared_page,
)

import graph

pytestmark = pytest.mark.browser

TITLE = "North Korea and its neighbours, 2017-2020"
ARTIFACTS = Path(__file__).parent / "artifacts"
SOURCE_LINE = (
    "Source: Deutsche Welle, \u201cWhat's driving North Korea's actions toward the South?\u201d, "
    "2020-07-14"
)


@pytest.fixture(scope="module")
def article_page(tmp_path_factory) -> Path:
    """The article graph's page, written once for the module."""
    return graph.render_html(article_graph(), tmp_path_factory.mktemp("export") / "article.html")


@pytest.fixture(scope="module")
def page(browser):
    """One page for the module (a fresh context per test cost more than the tests)."""
    with shared_page(browser, accept_downloads=True) as pg:
        yield pg


@pytest.fixture(autouse=True)
def _clean(page):
    """A request, a console error or an uncaught exception fails the test that caused it."""
    yield from fail_on_problems(page)


def export(page, **opts) -> tuple[Image.Image, dict]:
    """``window.geograph.exportPNG(opts)`` decoded, and ``exportInfo()``."""
    url = page.evaluate("opts => window.geograph.exportPNG(opts)", opts)
    assert url.startswith("data:image/png;base64,")
    img = Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1])))
    assert img.format == "PNG"
    return img.convert("RGB"), page.evaluate("window.geograph.exportInfo()")


def hex_rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def near(a, b, tol=12) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b))


def count_colour(img, colour, box=None, tol=12) -> int:
    """How many pixels of ``img`` (inside ``box``) have about this colour."""
    part = np.asarray(img.crop(box) if box else img, dtype=int)
    close = np.abs(part - np.array(hex_rgb(colour))).max(axis=2) <= tol
    return int(close.sum())


def graph_extent(page) -> dict:
    """The box of every actor drawn (labels included), in graph units, read from vis-network."""
    return page.evaluate("""(() => {
        const g = window.geograph, b = {l: Infinity, t: Infinity, r: -Infinity, b: -Infinity};
        g.nodes.getIds().forEach(id => {
            const x = g.network.getBoundingBox(id);
            b.l = Math.min(b.l, x.left); b.t = Math.min(b.t, x.top);
            b.r = Math.max(b.r, x.right); b.b = Math.max(b.b, x.bottom);
        });
        return {width: b.r - b.l, height: b.b - b.t};
    })()""")


def node_pixels(page, info) -> dict:
    """Each actor's centre in the image, and its fill colour."""
    return page.evaluate(
        """info => {
            const g = window.geograph, pos = g.network.getPositions();
            return Object.fromEntries(g.payload.nodes.map(n => {
                const p = pos[g.visId(n.id)];
                return [n.id, {x: info.origin.x + info.scale * p.x,
                               y: info.origin.y + info.scale * p.y, color: n.color}];
            }));
        }""",
        info,
    )


def test_whole_graph_at_twice_the_resolution_after_zooming_in(page, article_page):
    reopen_view(page, article_page, "date=2020-06")
    page.evaluate(
        "window.geograph.network.moveTo({position: window.geograph.network.getPosition('PRK'),"
        " scale: 3})"
    )
    # zoomed in, the viewport holds only part of the graph
    off_screen = page.evaluate("""(() => {
        const g = window.geograph, c = document.querySelector('#gg-network canvas');
        return g.nodes.getIds().filter(id => {
            const d = g.network.canvasToDOM(g.network.getPosition(id));
            return d.x < 0 || d.y < 0 || d.x > c.clientWidth || d.y > c.clientHeight;
        }).length;
    })()""")
    assert off_screen >= 2
    img, info = export(page)
    assert (img.width, img.height) == (info["width"], info["height"])
    assert info["scale"] == 2 and info["requested"] == 2 and info["note"] is None
    extent = graph_extent(page)
    # about twice the graph's box (plus margins and the text around it), not the viewport
    assert 2 * extent["width"] <= info["graph"]["width"] <= 2 * extent["width"] + 300
    assert 2 * extent["height"] <= info["graph"]["height"] <= 2 * extent["height"] + 300
    assert info["graph"]["width"] <= img.width <= max(1520, 2 * extent["width"] + 300)
    assert img.height >= 2 * extent["height"] + 200
    assert img.width > 1.4 * page.evaluate("document.querySelector('#gg-network canvas').width")
    # every actor is in the image, in its own colour
    for nid, p in node_pixels(page, info).items():
        x, y = round(p["x"]), round(p["y"])
        assert 0 <= x < img.width and 0 <= y < img.height, nid
        assert near(img.getpixel((x, y)), hex_rgb(p["color"]), 20), (nid, img.getpixel((x, y)))
    # and named: every actor, and every relation shown, also those off screen before
    names = page.evaluate("""(() => {
        const g = window.geograph, shown = new Set(g.shown());
        return [g.payload.nodes.map(n => n.name),
                g.relations.filter(r => shown.has(r.id)).map(r => r.relation)];
    })()""")
    assert set(names[0]) <= set(info["graphTexts"])
    assert sorted(t for t in info["graphTexts"] if t in set(names[1])) == sorted(names[1])
    # the corners are white, not the transparent black of a bare canvas
    assert img.getpixel((1, 1)) == (255, 255, 255)
    ARTIFACTS.mkdir(exist_ok=True)
    img.save(ARTIFACTS / "export-2020-06.png")


def test_the_page_is_left_as_it_was(page, article_page):
    reopen_view(page, article_page, "date=2020-06&edge=liaison")
    page.evaluate("window.geograph.network.moveTo({scale: 2.5, position: {x: 40, y: -30}})")
    canvas = page.locator("#gg-network canvas")
    before_pixels = canvas.screenshot()
    view = "[window.geograph.network.getScale(), window.geograph.network.getViewPosition()]"
    before = page.evaluate(view), page.evaluate("window.geograph.state()"), page.url
    img, info = export(page, scale=4)
    assert info["scale"] == 4
    assert (page.evaluate(view), page.evaluate("window.geograph.state()"), page.url) == before
    page.wait_for_timeout(100)
    assert canvas.screenshot() == before_pixels
    # the selection shows in the image as on the page: the selected relation named
    assert any(t.startswith("At 2020-06") and "selected: coerce" in t for t in info["texts"])


def test_title_date_filters_legend_and_sources_are_drawn(page, article_page):
    reopen_view(page, article_page, "date=2020-06")
    img, info = export(page)
    texts = info["texts"]
    assert texts[0] == TITLE
    assert texts[1].startswith("At 2020-06 \u00b7 ") and "relations shown" in texts[1]
    assert "Filters: all relations" in texts
    assert SOURCE_LINE in texts and "Made with geograph" in texts
    for label in ("hostile", "cooperative", "fact (reported)", "claim (attributed)", "directed"):
        assert label in texts
    # at 2020-06 no forecast is shown: the legend leaves its entry out
    assert "forecast" not in texts
    # the header and the legend are drawn: dark text above the graph, sign colours below it
    top = (0, 0, img.width, int(info["graph"]["y"]))
    assert count_colour(img, "#111111", top, tol=40) > 500
    below = (0, int(info["graph"]["y"] + info["graph"]["height"]), img.width, img.height)
    assert count_colour(img, "#d7301f", below) > 40 and count_colour(img, "#1b9e77", below) > 40

    page.evaluate("window.geograph.set({filters: {status: ['fact'], sign: ['hostile']}})")
    img, info = export(page)
    assert "Filters: status: fact; sign: hostile" in info["texts"]
    assert "cooperative" not in info["texts"] and "claim (attributed)" not in info["texts"]
    below = (0, int(info["graph"]["y"] + info["graph"]["height"]), img.width, img.height)
    assert count_colour(img, "#1b9e77", below) == 0

    # actors coloured by bloc: the legend says which bloc is which
    page.evaluate(
        "window.geograph.set({color: 'bloc', filters: {status: window.geograph.payload.statuses,"
        " sign: ['hostile', 'cooperative', 'neutral']}})"
    )
    img, info = export(page)
    assert "Actors (bloc)" in info["texts"] and "north" not in info["texts"]
    assert "bloc 1: China, North Korea, Russia" in info["texts"]
    assert "bloc 2: South Korea, United States" in info["texts"]
    below = (0, int(info["graph"]["y"] + info["graph"]["height"]), img.width, img.height)
    bloc_colour = page.evaluate("window.geograph.nodes.get('PRK').color.background")
    assert bloc_colour != page.evaluate(
        "window.geograph.payload.nodes.find(n => n.id === 'PRK').color"
    )
    assert count_colour(img, bloc_colour, below) > 100  # the legend's swatch


def test_compare_mode_names_both_dates_and_its_colours(page, article_page):
    reopen_view(page, article_page, "compare=2018&date=2020-06")
    img, info = export(page)
    texts = info["texts"]
    assert texts[1].startswith("Compared: 2018 \u2192 2020-06")
    look = page.evaluate("window.geograph.changes()")
    assert look["new"] and look["ended"]
    for label in ("new since 2018", "ended since 2018"):
        assert label in texts
    graph_box = (
        int(info["graph"]["x"]),
        int(info["graph"]["y"]),
        int(info["graph"]["x"] + info["graph"]["width"]),
        int(info["graph"]["y"] + info["graph"]["height"]),
    )
    # the lines carry the compare colours (new: purple, ended: brown)
    assert count_colour(img, "#6a3d9a", graph_box) > 200
    assert count_colour(img, "#a6611a", graph_box) > 200


def test_map_layout_stays_in_the_graph_frame(page, article_page):
    reopen_view(page, article_page, "layout=map&date=2020-06")
    assert page.evaluate("window.geograph.state().layout.name") == "map"
    img, info = export(page)
    land = "#e9edf1"  # the outline's fill (graph/templates/js/55-map.js)
    graph_box = (
        int(info["graph"]["x"]),
        int(info["graph"]["y"]),
        int(info["graph"]["x"] + info["graph"]["width"]),
        int(info["graph"]["y"] + info["graph"]["height"]),
    )
    assert count_colour(img, land, graph_box, tol=2) > 1000
    assert count_colour(img, land, (0, 0, img.width, graph_box[1] - 2), tol=2) == 0
    assert count_colour(img, land, (0, graph_box[3] + 2, img.width, img.height), tol=2) == 0


def test_button_downloads_at_the_chosen_resolution(page, article_page):
    reopen_view(page, article_page, "compare=2018&date=2020-06")
    sizes = {}
    for scale in ("2", "1", "4"):
        page.select_option("#gg-png-scale", scale)
        with page.expect_download() as info:
            page.click("#gg-png")
        download = info.value
        assert download.suggested_filename == "geograph-2018-to-2020-06.png"
        img = Image.open(Path(download.path()))
        assert img.format == "PNG"
        sizes[scale] = img.size
    assert 1.9 < sizes["2"][0] / sizes["1"][0] <= 2.0
    assert 1.9 < sizes["4"][0] / sizes["2"][0] <= 2.0
    assert page.locator("#gg-png-note").inner_text() == ""
    # and the API can give a Blob
    blob = page.evaluate(
        "window.geograph.exportPNG({blob: true, scale: 1}).then(b => [b instanceof Blob, b.type])"
    )
    assert blob == [True, "image/png"]


def test_an_image_past_the_browser_limit_is_reduced_and_says_so(page, article_page):
    reopen_view(page, article_page, "date=2020-06")
    # one actor far away: at 4x the graph would be over 16,384 px wide
    page.evaluate("window.geograph.network.moveNode('RUS', 3900, 0)")
    page.select_option("#gg-png-scale", "4")
    with page.expect_download() as info:
        page.click("#gg-png")
    img = Image.open(Path(info.value.path()))
    meta = page.evaluate("window.geograph.exportInfo()")
    assert img.size == (meta["width"], meta["height"]) and img.width <= 16384
    assert img.width > 15000 and 2.5 < meta["scale"] < 4 and meta["requested"] == 4
    assert "16,384 px" in meta["note"] and meta["note"] in meta["texts"]
    assert "16,384 px" in page.locator("#gg-png-note").inner_text()


def hostile_graph() -> nx.MultiDiGraph:
    """Two actors and a relation whose every text, the title and source too, is hostile."""
    types = relation_types()
    G = nx.MultiDiGraph(name=HOSTILE[0], relation_types=types)
    G.graph["sources"] = {
        "s": {
            "id": "s",
            "title": HOSTILE[2],
            "publisher": HOSTILE[3],
            "author": None,
            "published": HOSTILE[12],
            "url": None,
        }
    }
    for i, aid in enumerate(("A", "B")):
        G.add_node(
            aid,
            id=aid,
            name=HOSTILE[4 + i],
            type="state",
            aliases=[],
            group=HOSTILE[8 + i],
            description=None,
        )
    G.add_edge(
        "A",
        "B",
        key="R1",
        id="R1",
        source="A",
        target="B",
        relation="coerce",
        sign=-1,
        intensity=types["coerce"]["intensity"],
        directed=True,
        status="fact",
        start="2020",
        end=None,
        source_id="s",
        said_by=HOSTILE[6],
        quote=HOSTILE[7],
        note=None,
    )
    return G


def test_hostile_title_and_sources_are_drawn_as_text(page, tmp_path):
    page.add_init_script(
        f"window.{TRAP} = false; window.alert = () => {{ window.{TRAP} = true; }};"
    )
    open_view(page, hostile_graph(), tmp_path, title=HOSTILE[1])
    page.evaluate(
        "window.geograph.set({edge: 'R1', filters: {group: window.geograph.payload.groups}})"
    )
    img, info = export(page)
    texts = info["texts"]
    assert texts[0] == HOSTILE[1]
    source = next(t for t in texts if t.startswith("Source: "))
    assert HOSTILE[3] in source and HOSTILE[2] in source
    assert any(HOSTILE[8] in t for t in texts)  # the group's name in the legend
    assert page.evaluate(f"window.{TRAP}") is False
    for selector in FORBIDDEN_SELECTORS:
        assert page.locator(selector).count() == 0, selector
    assert img.width >= 760


# --- the legend shows what the graph shows; no name is cut off -------------------------------


def arrow_head_at(img, info, label: str) -> float:
    """Where the head of a legend line starts: its base's share of the line's length (0 to 1)."""
    entry = next(e for e in info["legend"] if e["label"] == label)
    t = entry["width"] / 36  # a line symbol is 36 text pixels wide, the line 30 of them
    x0, y = round(entry["x"]), round(entry["y"])
    # rows 3-4 text pixels off the line's middle: the head is there, the 2.5 px line is not
    band = np.asarray(img.crop((x0, y + round(3 * t), x0 + round(30 * t), y + round(4 * t) + 1)))
    dark = np.where((band < 150).all(axis=2).any(axis=0))[0]
    assert dark.size, f"no arrowhead drawn for {label!r}"
    return dark.min() / (30 * t)


def graph_arrows(page) -> set[str]:
    """Where vis-network draws the heads of the shown directed relations: 'middle' or 'to'."""
    return set(
        page.evaluate("""(() => {
            const g = window.geograph, out = new Set();
            g.edges.get({filter: e => !e.hidden}).forEach(e => {
                const a = e.arrows || {};
                ['middle', 'to'].forEach(k => { if (a[k] && a[k].enabled !== false) out.add(k); });
            });
            return Array.from(out);
        })()""")
    )


def test_the_legend_arrow_is_where_the_graph_draws_it(page, article_page):
    reopen_view(page, article_page, "date=2020-06")
    assert graph_arrows(page) == {"middle"}  # small graphs: heads at the middle of the line
    img, info = export(page)
    assert 0.25 < arrow_head_at(img, info, "directed") < 0.45  # 10 of 30: mid-line
    # and the page's own legend draws it there too
    points = page.evaluate(
        "[...document.querySelectorAll('#gg-legend-box svg polygon')].map(p => p.getAttribute('points'))"
    )
    assert points and set(points) == {"10,0 19,5 10,10"}


def test_the_legend_actors_are_round_as_in_the_page(page, article_page):
    """The actors' swatches are circles in the image, as the page's legend draws them (the
    image had squares): the swatch's colour at its middle, the white ground at its corners."""
    reopen_view(page, article_page, "date=2020-06")
    radius = page.evaluate(
        "[...document.querySelectorAll('#gg-legend .gg-legend-actors .gg-swatch')]"
        ".map(s => getComputedStyle(s).borderRadius)"
    )
    assert radius and set(radius) == {"50%"}
    img, info = export(page)
    groups = {g["label"]: g["color"] for g in page.evaluate("window.geograph.payload.legend.nodes")}
    entries = [e for e in info["legend"] if e["label"] in groups]
    assert len(entries) == len(groups)
    for e in entries:
        t = e["width"] / 20  # a swatch's symbol is 20 text pixels wide, the swatch 12 of them
        x, y = e["x"], e["y"]
        assert near(img.getpixel((round(x + 6 * t), round(y))), hex_rgb(groups[e["label"]]), 20)
        for dx, dy in ((1, -5), (11, -5), (1, 5), (11, 5)):
            assert img.getpixel((round(x + dx * t), round(y + dy * t))) == (255, 255, 255), (
                e["label"],
                dx,
                dy,
            )


def ink_at_the_frame(img, info, margin: int) -> bool:
    """Whether anything but the white ground is drawn within ``margin`` pixels inside the
    graph's frame (a name cut off by the frame would end there)."""
    g = info["graph"]
    x0, y0 = round(g["x"]), round(g["y"])
    x1, y1 = round(g["x"] + g["width"]), round(g["y"] + g["height"])
    ink = (np.asarray(img.crop((x0, y0, x1, y1)), dtype=int) < 235).any(axis=2)
    return bool(
        ink[:, :margin].any()
        or ink[:, -margin:].any()
        or ink[:margin, :].any()
        or ink[-margin:, :].any()
    )


def long_named_graph() -> nx.MultiDiGraph:
    """The article graph with long names, so that names reach past their actors at every edge."""
    G = article_graph()
    for _, d in G.nodes(data=True):
        d["name"] = f"The long and official name of {d['name']}, as treaties write it"
    return G


def test_names_at_the_edge_of_the_graph_are_not_cut_off(page, tmp_path):
    open_view(page, long_named_graph(), tmp_path, "date=2020-06")
    # zoomed in on one actor: the others were last drawn (and their names measured) elsewhere
    page.evaluate(
        "window.geograph.network.moveTo({position: window.geograph.network.getPosition('PRK'),"
        " scale: 4})"
    )
    page.evaluate("window.geograph.network.moveNode('USA', -900, 0)")
    img, info = export(page, scale=1)
    names = page.evaluate("window.geograph.nodes.get().map(n => n.label)")
    assert len(names) == 5 and all(n.startswith("The long") for n in names)
    assert set(names) <= set(info["graphTexts"])
    assert not ink_at_the_frame(img, info, 8)
    ARTIFACTS.mkdir(exist_ok=True)
    img.save(ARTIFACTS / "export-long-names.png")


def test_a_large_graphs_legend_arrow_is_at_the_line_end(page, tmp_path):
    from benchmarks.synthetic import make_dataset

    data = make_dataset(tmp_path / "large", 151, 300)  # large: more than 150 actors
    open_view(page, graph.load(data).to_networkx(), tmp_path)
    assert page.evaluate("window.geograph.payload.large") is True
    img, info = export(page, scale=0.25)
    assert arrow_head_at(img, info, "directed") > 0.6  # 21 of 30: at the end
    # the names this page places itself (52-labels.js) are inside the frame too
    assert info["graphTexts"] and not ink_at_the_frame(img, info, 2)
    points = page.evaluate(
        "[...document.querySelectorAll('#gg-legend-box svg polygon')].map(p => p.getAttribute('points'))"
    )
    assert points and set(points) == {"21,0 30,5 21,10"}


def test_the_export_is_written_for_the_vis_network_it_ships_with():
    """78-export.js draws through vis-network 9.1.2's renderer internals, named by its
    visMissing() (a vis-network without them fails the export with their names): a new
    vis-network must be checked against that code before this test is changed."""
    from graph.view import VIS_VERSION

    assert VIS_VERSION == "9.1.2", "check 78-export.js's vis-network internals against it"


def test_a_selected_forecast_is_named_as_one_in_the_image(page, article_page):
    # Petrov's forecast that North Korea may test weapons
    reopen_view(page, article_page, "date=2020-07&edge=weapons")
    _, info = export(page)
    said = " ".join(info["texts"])  # the subtitle wraps
    assert "selected: mobilize (forecast, said by Leonid Petrov), North Korea" in said


# Every dashed stroke of one redraw: [lineWidth, lineCap, the dash pattern].
_DASHED_STROKES = """() => {
  const net = window.geograph.network, ctx = net.canvas.frame.canvas.getContext('2d');
  const seen = [], stroke = ctx.stroke;
  ctx.stroke = function () {
    const d = ctx.getLineDash();
    if (d.length) seen.push([ctx.lineWidth, ctx.lineCap, d]);
    return stroke.apply(ctx, arguments);
  };
  try { net.redraw(); net.renderer._redraw(); } finally { delete ctx.stroke; }
  return seen;
}"""


@pytest.mark.parametrize(
    "fragment", ["date=2020-07&edge=weapons", "date=2020-07&focus=PRK", "date=2020-07"]
)
def test_dashes_keep_their_gaps_on_wide_lines(page, article_page, fragment):
    # a selected (wider) forecast's dots had run together into a solid line:
    # round caps add the width to each dash and take it from each gap
    reopen_view(page, article_page, fragment)
    strokes = page.evaluate(_DASHED_STROKES)
    assert strokes, "no dashed line drawn"
    widest = max(w for w, _, _ in strokes)
    if fragment.endswith("weapons"):
        assert widest > 4  # the selected relation is drawn wide
    for width, cap, dashes in strokes:
        gaps = dashes[1::2]
        visible = min(gaps) - (width if cap == "round" else 0)
        assert visible >= min(4.0, width), (width, cap, dashes)
    # a forecast's dots stay dots however wide the line: [2, x] at any width
    assert any(d[0] <= 2 and w > 4 for w, _, d in strokes) or not fragment.endswith("weapons")


def dark_pixels(img, p: dict, half_w: int, down: int) -> int:
    """Pixels darker than mid grey under an image point (an actor's name is the only ink there)."""
    box = (round(p["x"] - half_w), round(p["y"]), round(p["x"] + half_w), round(p["y"] + down))
    part = np.asarray(img.crop(box), dtype=int)
    return int((part.max(axis=2) < 150).sum())


def test_the_names_of_actors_faded_around_a_selection_can_be_read(page, article_page):
    reopen_view(page, article_page, "date=2020-06&edge=liaison")
    faded = page.evaluate(
        "window.geograph.nodes.get().filter(n => n.opacity < 0.5).map(n => window.geograph.dataId(n.id))"
    )
    assert set(faded) == {"CHN", "RUS", "USA"}
    img, info = export(page)
    ARTIFACTS.mkdir(exist_ok=True)
    img.save(ARTIFACTS / "export-selected-faded-names.png")
    at = node_pixels(page, info)
    for nid in faded:
        # its dot and lines stay faded, its name is grey ink (the page's 18 % was near white)
        assert dark_pixels(img, at[nid], 90, 110) > 40, nid
    # the page keeps its own faded names
    assert (
        page.evaluate(
            "window.geograph.network.body.nodes[window.geograph.visId('RUS')].labelModule.fontOptions.color"
        )
        == "rgba(29,29,29,0.18)"
    )
