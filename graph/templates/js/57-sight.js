/*
 * sight: what of an actor must be in sight when the view frames it (the first
 * open, Fit, Reset, a layout, the legend's framing, a focus, an opened pair):
 * its shape and its name. vis-network's box of an actor holds its name in
 * graphs that are not large (once drawn: 76-controls.js draws and measures
 * again). A large graph's names are 52-labels.js's, 11-18 px on screen whatever
 * the zoom and outside vis-network's box: they are kept in sight in screen px,
 * beside the shape's box in graph units, so the scale that frames them is
 * searched for (names of a fixed size take a larger part of a smaller frame).
 * Provides on gg: sightOf(visIds) -> items (null: every shown actor),
 *   sightSpan(items, scale) -> {left, top, right, bottom} (CSS px at that
 *   scale, from the graph's origin), sightScale(items, w, h, most, about) -> the
 *   largest scale up to `most` at which the items take w x h CSS px at most
 *   (centred on `about`, a point in graph units, when given; 0 when w or h is
 *   not positive), sightCentre(items, scale) -> the graph point the items are
 *   centred on, sightRect(item) -> the item on screen now (the graph's CSS px).
 * Uses: util, data, network, labels.
 */
var network = gg.network;

function sightOf(ids) {
  var body = network.body, out = [];
  if (ids === null) ids = gg.nodes.getIds({ filter: function (n) { return !n.hidden; } });
  ids.forEach(function (vid) {
    var n = body.nodes[vid];
    if (!n || n.options.hidden) return;
    var item = { id: vid, x: n.x, y: n.y, reach: null };
    if (gg.LARGE) {
      var r = n.options.size || 10;
      item.left = n.x - r; item.right = n.x + r; item.top = n.y - r; item.bottom = n.y + r;
      item.reach = gg.labelReach(gg.dataId(vid));
    } else {
      var b = network.getBoundingBox(vid);
      // a box not drawn yet may not hold its actor: the actor's place and a margin then
      if (!b || !(b.left <= n.x && n.x <= b.right && b.top <= n.y && n.y <= b.bottom)) {
        b = { left: n.x - 20, right: n.x + 20, top: n.y - 20, bottom: n.y + 20 };
      }
      item.left = b.left; item.right = b.right; item.top = b.top; item.bottom = b.bottom;
    }
    out.push(item);
  });
  return out;
}
function sightSpan(items, s) {
  var sp = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  items.forEach(function (it) {
    var l = s * it.left, r = s * it.right, t = s * it.top, b = s * it.bottom, name = it.reach ? it.reach(s) : null;
    if (name) {
      l = Math.min(l, s * it.x - name.left); r = Math.max(r, s * it.x + name.right);
      t = Math.min(t, s * it.y - name.up); b = Math.max(b, s * it.y + name.down);
    }
    sp.left = Math.min(sp.left, l); sp.right = Math.max(sp.right, r);
    sp.top = Math.min(sp.top, t); sp.bottom = Math.max(sp.bottom, b);
  });
  return sp;
}
// the CSS px the span takes along one axis: its length, or twice its reach from `at`
function taken(lo, hi, at) {
  return at === undefined ? hi - lo : 2 * Math.max(hi - at, at - lo, 0);
}
function takes(items, s, about) {
  var sp = sightSpan(items, s);
  return { w: taken(sp.left, sp.right, about ? s * about.x : undefined),
           h: taken(sp.top, sp.bottom, about ? s * about.y : undefined) };
}
var LEAST = 1e-4;
function sightScale(items, w, h, most, about) {
  if (!(w > 0 && h > 0) || !items.length) return 0;
  var named = items.some(function (it) { return it.reach; });
  if (!named) {  // what is framed grows with the scale
    var one = takes(items, 1, about);
    return Math.min(most, w / Math.max(1, one.w), h / Math.max(1, one.h));
  }
  var fits = function (s) { var t = takes(items, s, about); return t.w <= w && t.h <= h; };
  if (fits(most)) return most;
  var lo = LEAST, hi = most;
  if (!fits(lo)) return lo;
  for (var i = 0; i < 30; i++) {  // the room taken grows with the scale: halve the ratio's logarithm
    var mid = Math.sqrt(lo * hi);
    if (fits(mid)) lo = mid; else hi = mid;
  }
  return lo;
}
function sightCentre(items, s) {
  var sp = sightSpan(items, s);
  return { x: (sp.left + sp.right) / (2 * s), y: (sp.top + sp.bottom) / (2 * s) };
}
function sightRect(it) {
  var a = network.canvasToDOM({ x: it.left, y: it.top }), z = network.canvasToDOM({ x: it.right, y: it.bottom });
  var r = { left: a.x, top: a.y, right: z.x, bottom: z.y }, name = it.reach ? it.reach(network.getScale()) : null;
  if (name) {
    var p = network.canvasToDOM({ x: it.x, y: it.y });
    r.left = Math.min(r.left, p.x - name.left); r.right = Math.max(r.right, p.x + name.right);
    r.top = Math.min(r.top, p.y - name.up); r.bottom = Math.max(r.bottom, p.y + name.down);
  }
  return r;
}

gg.sightOf = sightOf;
gg.sightSpan = sightSpan;
gg.sightScale = sightScale;
gg.sightCentre = sightCentre;
gg.sightRect = sightRect;
