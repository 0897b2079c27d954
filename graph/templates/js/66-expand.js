/*
 * expand: a pair drawn as one counted line opens in place into its relations.
 * Selecting the pair (a click on its line, pair= in the URL) or one of its
 * relations (from the panel, the URL or the API) hides the counted line and
 * draws each relation of the pair as its own curve, named and with its
 * arrowhead at the middle, like the relations of a small graph; the selected
 * one is drawn strong. When the selection leaves the pair (another click, the
 * panel's Close, Escape), the relations fold back into the counted line. The
 * panel lists the pair's relations as before.
 * Provides on gg: expandedPair() -> the bundle drawn open, or null.
 * Subscribes: selection -> open or fold; date, filters, compare -> which of the
 * open pair's relations are drawn, and their colours.
 * Uses: util, data, state, layout, style, network, edge-labels, select.
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
function memberItem(e, i, count, b) {
  var st = store.get(), strong = st.edge === e.id;
  var width = gg.LARGE ? Math.min(e.width, 3) : e.width;
  return {
    id: visId(e.id), from: visId(e.from), to: visId(e.to),
    color: gg.edgeColour(e, 1), dashes: e.dashes,
    width: strong ? Math.max(5, width * 2) : width,
    shadow: strong ? { enabled: true, color: "rgba(0,0,0,0.55)", size: 10, x: 0, y: 0 } : { enabled: false },
    smooth: gg.smoothOf(i, count, e.from <= e.to),
    arrows: gg.arrowsOf(!!e.directed, false, true, strong, true),
    label: shorten(e.relation, 30),
    hidden: !store.isShown(e.id)
  };
}
function drawOpen(b) {
  var count = b.members.length;
  edges.update(b.members.map(function (e, i) { return memberItem(e, i, count, b); }));
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
  drawOpen(b);
  edges.update({ id: b.visId, hidden: true });
}
function sync() {
  var b = pairOfSelection();
  if (b === null) fold(); else unfold(b);
}
store.subscribe(function (changed) {
  if (changed.selection || ((changed.date || changed.filters || changed.compare) && open !== null)) sync();
});
sync();

gg.expandedPair = function () { return open; };
