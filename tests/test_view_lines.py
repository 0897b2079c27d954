"""Large graphs' plain lines, stroked by the page a few paths at a time.

graph/templates/js/51-lines.js draws the edges vis-network would draw as a bare
straight line itself, grouped by colour, width and dashes; every other edge
(hovered, selected, with arrowheads or a shadow) is still drawn by vis-network.
The same page opened with ``window.geographDebug = {lines: false}`` leaves every
edge to vis-network: the two pictures must look the same, a filtered-out
pair's line must leave the canvas, and a click on a line still opens its pair.
"""

from __future__ import annotations

import base64

import numpy as np
import pytest
from benchmarks.synthetic import make_dataset
from viewpages import goto_view

from graph import load
from graph.view import render_html

pytestmark = pytest.mark.browser

# The graph's canvas as an (height, width, 4) array of bytes.
_PIXELS = """() => {
  const c = document.querySelector('#gg-network canvas');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let s = '';
  for (let i = 0; i < d.length; i += 0x8000) s += String.fromCharCode.apply(null, d.subarray(i, i + 0x8000));
  return [c.width, c.height, btoa(s)];
}"""

# A drawn line alone around a point of it: no other line within 6 px, no actor
# within 12 px of its edge, no actor's name within 4 px. [vis id, x, y] in the canvas's CSS pixels, or null.
# `only` keeps the lines whose relations all have that status; `pairs` the
# counted pairs; `want` the one line of that vis id.
_LONE_POINT = """([only, pairs, want]) => {
  const g = window.geograph, net = g.network, body = net.body;
  const drawn = body.edgeIndices.map(id => body.edges[id]).filter(e => e.connected && e.fromId !== e.toId);
  const nodes = body.nodeIndices.map(id => body.nodes[id]), names = g.labels();
  const c = document.querySelector('#gg-network canvas');
  const bundles = new Map(g.bundles.map(b => [b.visId, b]));
  const single = new Map(g.relations.map(r => [g.visId(r.id), r]));
  const seg = (p, a, b) => {
    const dx = b.x - a.x, dy = b.y - a.y, l = dx * dx + dy * dy;
    const t = l ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / l)) : 0;
    return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
  };
  const dom = n => net.canvasToDOM({x: n.x, y: n.y});
  for (const e of drawn) {
    const b = bundles.get(e.id);
    if ((pairs && !b) || (want && e.id !== want)) continue;
    const members = b ? b.members : [single.get(e.id)];
    if (only && !members.every(r => r && r.status === only)) continue;
    const a = dom(e.from), z = dom(e.to);
    for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.45, 0.55, 0.35, 0.65, 0.25, 0.75]) {
      const p = {x: a.x + t * (z.x - a.x), y: a.y + t * (z.y - a.y)};
      if (p.x < 20 || p.y < 20 || p.x > c.clientWidth - 20 || p.y > c.clientHeight - 20) continue;
      const near = drawn.some(o => o !== e && seg(p, dom(o.from), dom(o.to)) < 6);
      const covered = nodes.some(n => Math.hypot(dom(n).x - p.x, dom(n).y - p.y) <
                                      (n.options.size || 10) * net.getScale() + 12);
      const named = names.some(l => p.x > l.x - 4 && p.x < l.x + l.width + 4 &&
                                    p.y > l.y - 4 && p.y < l.y + l.height + 4);
      if (!near && !covered && !named) return [e.id, p.x, p.y];
    }
  }
  return null;
}"""

# The darkest pixel (lowest of r, g, b over the page's white) within 2 px of a
# point: 255 where nothing is drawn (the canvas is transparent there).
_DARKEST = """([x, y]) => {
  const c = document.querySelector('#gg-network canvas'), r = c.width / c.clientWidth;
  const d = c.getContext('2d').getImageData(Math.round(x * r) - 2, Math.round(y * r) - 2, 5, 5).data;
  let low = 255;
  for (let i = 0; i < d.length; i += 4) {
    const a = d[i + 3] / 255;
    low = Math.min(low, ...[d[i], d[i + 1], d[i + 2]].map(v => v * a + 255 * (1 - a)));
  }
  return low;
}"""

_SETTLE = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"

# Counts the edges vis-network draws itself (Edge.draw) in the next redraw.
_VIS_DRAWS = """() => new Promise(res => {
  const net = window.geograph.network, body = net.body;
  const proto = Object.getPrototypeOf(body.edges[Object.keys(body.edges)[0]]);
  if (!proto.testCounted) {
    const draw = proto.draw;
    proto.draw = function (ctx) { window.testVisDraws++; return draw.call(this, ctx); };
    proto.testCounted = true;
  }
  window.testVisDraws = 0;
  net.once('afterDrawing', () => res([window.testVisDraws, body.edgeIndices.length]));
  net.redraw();
})"""


def _pixels(pg) -> np.ndarray:
    """The canvas over the page's white ground: (height, width, 3) floats."""
    width, height, data = pg.evaluate(_PIXELS)
    px = np.frombuffer(base64.b64decode(data), dtype=np.uint8).reshape(height, width, 4)
    alpha = px[:, :, 3:] / 255
    return px[:, :, :3] * alpha + 255 * (1 - alpha)


def _ink(px: np.ndarray) -> np.ndarray:
    """Where something is drawn: not the white ground."""
    return px.min(axis=2) < 235


@pytest.fixture(scope="module")
def large_page(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("lines")
    G = load(make_dataset(tmp / "data", 200, 2400)).to_networkx()
    return render_html(G, tmp / "large.html")


def _open(page, path, own: bool):
    pg = page if own else page.context.new_page()
    if not own:
        pg.add_init_script("window.geographDebug = {lines: false}")
    goto_view(pg, path)
    pg.evaluate(_SETTLE)
    return pg


# States a user reaches: the overview, a status left out, a date, zoomed in
# far enough for the pairs' counts to be drawn, zoomed out as far as a large
# graph opens on a laptop's screen (dashes 2 px on, 1.2 px off: the page
# strokes those lines solid at their mean ink).
STATES = [
    {},
    {"filters": {"status": ["fact", "forecast"]}},
    {"date": "2010"},
]
ZOOMS = {"zoom": 1.2, "far": 0.2}

# The dash patterns stroked in the next redraw of the graph's canvas.
_DASHED_STROKES = """() => new Promise(res => {
  const net = window.geograph.network, ctx = net.canvas.getContext(), seen = [];
  const own = Object.getOwnPropertyDescriptor(ctx, 'stroke');
  ctx.stroke = function () {
    if (this.getLineDash().length) seen.push(this.getLineDash().join(','));
    return CanvasRenderingContext2D.prototype.stroke.apply(this, arguments);
  };
  net.once('afterDrawing', () => {
    if (own) Object.defineProperty(ctx, 'stroke', own); else delete ctx.stroke;
    res(seen);
  });
  net.redraw();
})"""


def test_plain_lines_look_as_vis_network_draws_them(page, large_page):
    own, vis = _open(page, large_page, True), _open(page, large_page, False)
    assert own.evaluate("window.geograph.payload.large") is True
    for state in STATES + list(ZOOMS):
        for pg in (own, vis):
            if isinstance(state, str):
                pg.evaluate("window.geograph.set({date: null, filters: null})")
                pg.evaluate("s => window.geograph.network.moveTo({scale: s})", ZOOMS[state])
            else:
                pg.evaluate("s => window.geograph.set(s)", state)
            pg.evaluate(_SETTLE)
        # the page stroked most lines itself; vis-network, in the other, all of them
        by_vis, drawn = own.evaluate(_VIS_DRAWS)
        assert by_vis < 0.05 * drawn, state
        assert vis.evaluate(_VIS_DRAWS) == [drawn, drawn], state
        a, b = _pixels(own), _pixels(vis)
        ink_a, ink_b = _ink(a), _ink(b)
        assert ink_b.mean() > 0.02, state  # a picture with lines, so the comparison can fail
        # the same pixels inked (antialiasing differs along edges of strokes)
        assert (ink_a ^ ink_b).mean() < 0.01 * ink_b.mean(), state
        # and in the same colours, but where lines cross (the page strokes one
        # colour after another, vis-network one line after another)
        differ = np.abs(a - b).max(axis=2) > 80
        assert differ.mean() < 0.08 * ink_b.mean(), state
        if isinstance(state, str):
            # zoomed in, the page strokes dashes as vis-network does; zoomed out, none
            dashed = own.evaluate(_DASHED_STROKES)
            assert bool(dashed) == (state == "zoom"), (state, dashed)
            assert vis.evaluate(_DASHED_STROKES), state


def test_a_filtered_out_line_leaves_the_canvas(page, large_page):
    goto_view(page, large_page)
    # zoomed in from the first frame (which leaves room for the large graph's names):
    # lines far enough apart for one drawn alone
    page.evaluate(
        "() => { const n = window.geograph.network; n.moveTo({scale: 2 * n.getScale()}); }"
    )
    page.evaluate(_SETTLE)
    lone = page.evaluate(_LONE_POINT, ["claim", False, None])
    assert lone is not None, "no line of claims drawn alone somewhere"
    point = lone[1:]
    assert page.evaluate(_DARKEST, point) < 200  # its line is drawn
    page.get_by_role("checkbox", name="claim").first.click()
    page.evaluate(_SETTLE)
    assert "claim" not in page.evaluate("window.geograph.state().filters.status")
    assert page.evaluate(_DARKEST, point) > 245  # gone: white ground
    page.get_by_role("checkbox", name="claim").first.click()
    page.evaluate(_SETTLE)
    assert page.evaluate(_DARKEST, point) < 200


def test_a_click_on_a_drawn_pair_opens_it(page, large_page):
    goto_view(page, large_page)
    # zoomed in on a counted pair until a point of its line is clear of the rest
    lone = None
    for vid in page.evaluate(
        "window.geograph.bundles.filter(b => b.shownCount > 1).map(b => b.visId)"
    )[:40]:
        page.evaluate(
            """v => { const net = window.geograph.network, e = net.body.edges[v];
                     net.moveTo({position: {x: (e.from.x + e.to.x) / 2, y: (e.from.y + e.to.y) / 2},
                                 scale: 2, animation: false}); }""",
            vid,
        )
        page.evaluate(_SETTLE)
        lone = page.evaluate(_LONE_POINT, [None, True, vid])
        if lone:
            break
    assert lone is not None, "no counted pair drawn clear of the rest"
    vid, x, y = lone
    assert page.evaluate(_DARKEST, [x, y]) < 200  # its line is drawn there
    box = page.locator("#gg-network canvas").bounding_box()
    page.mouse.move(box["x"] + x, box["y"] + y)
    page.evaluate(_SETTLE)
    # hovered: vis-network draws it (wider), the page strokes the others
    assert page.evaluate(f"window.geograph.network.body.edges[{vid!r}].hover") is True
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.evaluate(_SETTLE)
    ends = page.evaluate(
        "v => (b => [b.from, b.to])(window.geograph.bundles.find(b => b.visId === v))", vid
    )
    assert page.evaluate("window.geograph.state().pair") == ends


# The device widths of the solid strokes the page makes for its own lines in
# the next redraw (not vis-network's Edge.draw for the other edges).
_SOLID_WIDTHS = """() => new Promise(res => {
  const net = window.geograph.network, ctx = net.canvas.getContext(), r = net.renderer, widths = [];
  const proto = Object.getPrototypeOf(net.body.edges[Object.keys(net.body.edges)[0]]);
  const drawEdges = r._drawEdges, draw = proto.draw;
  let ours = false;
  r._drawEdges = function () { ours = true; try { return drawEdges.apply(this, arguments); } finally { ours = false; } };
  proto.draw = function () { const was = ours; ours = false; try { return draw.apply(this, arguments); } finally { ours = was; } };
  ctx.stroke = function () {
    const m = this.getTransform();
    if (ours && !this.getLineDash().length) widths.push(this.lineWidth * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)));
    return CanvasRenderingContext2D.prototype.stroke.apply(this, arguments);
  };
  net.once('afterDrawing', () => {
    r._drawEdges = drawEdges; proto.draw = draw; delete ctx.stroke;
    res(widths);
  });
  net.redraw();
})"""


def test_lines_up_to_three_pixels_wide_are_stroked_as_hairlines(page, large_page):
    # Chromium's Skia strokes a line of at most one device pixel as a hairline
    # and a wider one as an antialiased polygon, several times slower to
    # rasterise; the page strokes such a line as parallel hairlines (the
    # picture held to vis-network's by the test above)
    goto_view(page, large_page)
    for scale in (0.5, 0.8, 1.2):
        page.evaluate("s => window.geograph.network.moveTo({scale: s})", scale)
        page.evaluate(_SETTLE)
        widths = page.evaluate(_SOLID_WIDTHS)
        assert widths, scale  # lines stroked, so the check can fail
        wide = [w for w in widths if 1 < w <= 3]
        assert not wide, (scale, sorted(wide)[:5])
