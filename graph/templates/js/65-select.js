/*
 * select: choosing an actor, a relation or an aggregated pair.
 * Provides on gg: focusNode(id, {move}), selectEdge(id), openPair(bundle),
 * selectPair(a, b), clearSelection(), showSelection() (mark the selection in
 * vis-network).
 * Subscribes: selection -> vis-network's selected items.
 * Handles: clicks on the graph, Escape.
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
store.subscribe(function (changed) {
  if (changed.selection) showSelection();
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
