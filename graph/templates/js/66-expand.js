/*
 * expand: a pair drawn as one counted line opens in place into its relations.
 * Selecting the pair (a click on its line, pair= in the URL) or one of its
 * relations (from the panel, the URL or the API) hides the counted line and
 * draws each relation of the pair shown as its own curve, named and with its
 * arrowhead at the middle, like the relations of a small graph, 20 px apart
 * on screen whatever the pair's length; the selected one is drawn strong,
 * and the pair is brought into sight. When the selection leaves the pair (another click, the
 * panel's Close, Escape), the relations fold back into the counted line. The
 * panel lists the pair's relations as before.
 * Provides on gg: expandedPair() -> the bundle drawn open, or null.
 * Subscribes: selection -> open or fold; date, filters, compare -> which of the
 * open pair's relations are drawn, and their colours; layout -> their spread.
 * Uses: util, data, state, layout, style, network, sight, edge-labels, select.
 */
var store = gg.store, edges = gg.edges, visId = gg.visId, bundleOf = gg.bundleOf, shorten = gg.shorten;
var open = null;   // the bundle drawn open

function pairOfSelection() {
  var st = store.get();
  if (st.pair !== null) return st.pair;
  if (st.edge !== null) {
    var e = gg.edgeById.get(st.edge);
    return e ? bundleOf(e) : null;
  }
  return null;
}
// On screen, the middles of the open pair's neighbouring curves stand GAP px
// apart (room for a name each) at any length: a bulge in proportion to the
// length (30-layout.js) draws arcs across half the world for a pair on the map.
// Past 17 curves they close up, in a band of 2 x WIDEST px (names that find no
// room wait for a zoom, 55-edge-labels.js). Only the relations shown take a place
// in the spread; one shown alone is straight.
var GAP = 20, WIDEST = 160;
function memberItem(e, i, count, most) {
  var st = store.get(), strong = st.edge === e.id;
  var width = gg.LARGE ? Math.min(e.width, 3) : e.width;
  return {
    id: visId(e.id), from: visId(e.from), to: visId(e.to),
    color: gg.edgeColour(e, 1), dashes: e.dashes,
    width: strong ? Math.max(5, width * 2) : width,
    shadow: strong ? { enabled: true, color: "rgba(0,0,0,0.55)", size: 10, x: 0, y: 0 } : { enabled: false },
    smooth: count === 1 ? { enabled: false } : gg.smoothOf(i, count, e.from <= e.to, most),
    arrows: gg.arrowsOf(!!e.directed, false, true, strong, true),
    label: shorten(e.relation, 30),
    hidden: !store.isShown(e.id)
  };
}
// the pair's two actors in the network's coordinates, or null before they are placed
function ends(b) {
  var ids = [visId(b.from), visId(b.to)], pos = gg.network.getPositions(ids);
  return pos[ids[0]] && pos[ids[1]] ? [pos[ids[0]], pos[ids[1]]] : null;
}
function drawOpen(b) {
  var at = ends(b), length = at ? Math.hypot(at[0].x - at[1].x, at[0].y - at[1].y) * gg.network.getScale() : 0;
  var count = 0, index = 0;
  b.members.forEach(function (e) { if (store.isShown(e.id)) count++; });
  var most = length > 0 ? Math.min(GAP * (count - 1) / 2, WIDEST) / length : undefined;  // the outer curves' bulge
  edges.update(b.members.map(function (e) {
    return memberItem(e, store.isShown(e.id) ? index++ : 0, Math.max(count, 1), most);
  }));
}
// The opened pair in sight: its actors and the curves between them inside the
// graph's visible part (above the details' sheet on a phone), panned, zoomed out
// when need be, and zoomed in (never past 100 %, as Fit) when the pair is too
// short on screen to tell its curves apart. A pair in sight already stays put.
var MARGIN = 40, SHORTEST = 160;
function seenHeight() {
  var c = gg.container.getBoundingClientRect(), h = c.height, sheet = gg.panel.getBoundingClientRect();
  if (getComputedStyle(gg.panel).position === "fixed" && sheet.top > c.top + 120 && sheet.top < c.bottom) h = sheet.top - c.top;
  return h;
}
function frame(b) {
  var net = gg.network, at = ends(b);
  if (!at || !window.geograph || !window.geograph.ready) return;  // the first fit frames every actor
  var items = gg.sightOf([visId(b.from), visId(b.to)]);  // the two actors with their names (57-sight.js)
  if (!items.length) return;
  var w = gg.container.clientWidth, h = seenHeight(), scale = net.getScale();
  var fits = gg.sightScale(items, w - 2 * MARGIN, h - 2 * MARGIN, 100);
  var length = Math.hypot(at[0].x - at[1].x, at[0].y - at[1].y), want = Math.min(scale, fits);
  if (length * want < SHORTEST) want = Math.min(fits, Math.max(want, Math.min(1, SHORTEST / Math.max(length, 1))));
  var seen = items.every(function (it) {
    var r = gg.sightRect(it);
    return r.left >= MARGIN && r.top >= MARGIN && r.right <= w - MARGIN && r.bottom <= h - MARGIN;
  });
  if (want === scale && seen) return;
  net.moveTo({ position: gg.sightCentre(items, want), scale: want,
               offset: { x: 0, y: (h - gg.container.clientHeight) / 2 }, animation: false });
}
function fold() {
  if (open === null) return;
  var b = open;
  open = null;
  b.members.forEach(function (e) { gg.expandedLabels.delete(visId(e.id)); });
  edges.remove(b.members.map(function (e) { return visId(e.id); }));
  edges.update({ id: b.visId, hidden: b.shownCount === 0 });
}
function unfold(b) {
  if (open === b) { drawOpen(b); return; }
  fold();
  if (b.from === b.to) return;  // a counted self-loop stays one loop
  open = b;
  b.members.forEach(function (e) { gg.expandedLabels.add(visId(e.id)); });
  frame(b);  // first: the curves' spread is measured on screen
  drawOpen(b);
  edges.update({ id: b.visId, hidden: true });
}
function sync() {
  var b = pairOfSelection();
  if (b === null) fold(); else unfold(b);
}
store.subscribe(function (changed) {
  if (changed.selection || ((changed.date || changed.filters || changed.compare) && open !== null)) sync();
  else if (changed.layout && open !== null) drawOpen(open);  // the actors moved, and the view was fitted
});
sync();
// opened by the URL before the first fit: framed and spread after it (and after
// the legend has taken its corner, 80-legend.js, which may frame the view again)
window.addEventListener("geograph:ready", function () {
  requestAnimationFrame(function () { if (open !== null) { frame(open); drawOpen(open); } });
});

gg.expandedPair = function () { return open; };
