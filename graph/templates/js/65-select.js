/*
 * select: choosing an actor, a relation or an aggregated pair.
 * Provides on gg: focusNode(id, {move}), selectEdge(id), openPair(bundle),
 * selectPair(a, b), clearSelection(), showSelection() (mark the selection in
 * vis-network), revealSelection() (pan a selected relation into sight).
 * Subscribes: selection -> vis-network's selected items; pans to a relation
 * whose middle is off screen.
 * Handles: clicks on the graph, Escape; focus returns to what opened the
 * selection when closing it leaves focus nowhere.
 * Uses: util, data, state, network.
 */
var network = gg.network, store = gg.store, visId = gg.visId, dataId = gg.dataId;

function moveTo(id) {
  network.focus(visId(id), { scale: Math.max(network.getScale(), 1.1), animation: false });
}
function focusNode(id, opts) {
  if (!gg.nodeById.has(id)) return false;
  store.set({ focus: id });
  if (!opts || opts.move !== false) moveTo(id);
  return true;
}
function selectEdge(id) {
  if (!gg.edgeById.has(id)) return false;
  store.set({ edge: id });
  return true;
}
function openPair(b) {
  store.set({ pair: [b.from, b.to] });
  return true;
}
function selectPair(a, c) {
  var b = gg.findBundle(String(a), String(c));
  return b ? openPair(b) : false;
}
function clearSelection() {
  store.set({ focus: null, edge: null, pair: null });
}
function showSelection() {
  var st = store.get();
  if (st.focus !== null) network.selectNodes([visId(st.focus)]);
  else if (st.edge !== null) network.selectEdges([gg.drawnEdgeId(st.edge)]);
  else if (st.pair !== null) network.selectEdges([st.pair.visId]);
  else network.unselectAll();
}
// Pan (at the same zoom) so that a selected relation's middle is in sight.
function revealSelection() {
  var st = store.get(), ends = null;
  if (st.edge !== null) { var e = gg.edgeById.get(st.edge); ends = [e.from, e.to]; }
  else if (st.pair !== null) ends = [st.pair.from, st.pair.to];
  if (!ends) return false;
  var pos = network.getPositions([visId(ends[0]), visId(ends[1])]);
  var a = pos[visId(ends[0])], b = pos[visId(ends[1])];
  if (!a || !b) return false;
  var mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  var p = network.canvasToDOM(mid), w = gg.container.clientWidth, h = gg.container.clientHeight;
  var margin = 40;
  if (p.x >= margin && p.y >= margin && p.x <= w - margin && p.y <= h - margin) return false;
  network.moveTo({ position: mid, animation: false });
  return true;
}
// Focus goes back to what opened the selection when closing it took focus away
// (Escape, or Close in the panel, whose content is then gone).
var opener = null;
function returnFocus() {
  var a = document.activeElement, lost = !a || a === document.body || gg.panel.contains(a);
  if (lost && opener && opener.isConnected) opener.focus();
}
store.subscribe(function (changed) {
  if (!changed.selection) return;
  showSelection();
  revealSelection();
  var st = store.get(), a = document.activeElement;
  if (st.focus === null && st.edge === null && st.pair === null) returnFocus();
  else if (a && a !== document.body && !gg.panel.contains(a)) opener = a;
});

network.on("click", function (params) {
  if (params.nodes.length) focusNode(dataId(params.nodes[0]), { move: false });
  else if (params.edges.length) {
    var b = gg.bundleByVisId.get(String(params.edges[0]));
    if (b) openPair(b); else selectEdge(dataId(params.edges[0]));
  }
  else clearSelection();
});
document.addEventListener("keydown", function (ev) {
  if (ev.key === "Escape") clearSelection();
});

gg.moveTo = moveTo;
gg.focusNode = focusNode;
gg.selectEdge = selectEdge;
gg.openPair = openPair;
gg.selectPair = selectPair;
gg.clearSelection = clearSelection;
gg.showSelection = showSelection;
gg.revealSelection = revealSelection;
