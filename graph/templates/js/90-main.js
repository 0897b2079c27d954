/*
 * main: starts the page and publishes window.geograph (its documented part,
 * state/set/shown and the geograph:change event, is in the project README's
 * "What you get"; the rest is kept for the existing tests and embedders).
 * Uses: every part before it.
 */
var store = gg.store, network = gg.network;

var api = {
  network: network, nodes: gg.nodes, edges: gg.edges, payload: gg.payload, relations: gg.relations,
  bundles: gg.bundles, ready: false,
  state: store.state,
  set: function (partial) { store.set(partial); return store.state(); },
  shown: function () { return Array.from(store.shown()); },
  subscribe: function (fn) { window.addEventListener("geograph:change", function (ev) { fn(ev.detail); }); },
  setDate: gg.setDate, setFilter: gg.setFilter, focusNode: gg.focusNode, selectEdge: gg.selectEdge,
  clearSelection: gg.clearSelection, search: gg.search, setPhysics: gg.setPhysics,
  exportPNG: gg.exportPNG, exportInfo: gg.exportInfo, changes: gg.changes, setCompare: gg.setCompare, find: gg.searchMatches, selectPair: gg.selectPair, drawnEdgeId: gg.drawnEdgeId,
  edgeLabels: gg.edgeLabels,
  visibleEdgeIds: function () { return Array.from(store.shown()); },
  filterCounts: gg.filterCounts,  // {kind: [[value, count]]}: what each filter value's label counts
  pairCounts: function () {
    var out = {};
    gg.bundles.forEach(function (b) { out[b.visId] = b.shownCount; });
    return out;
  },
  layout: gg.positions ? { steps: gg.positions.steps, ms: gg.positions.ms } : null,
  labels: gg.labelsDrawn,  // large graphs: the actor labels of the last frame (52-labels.js)
  sizes: gg.sizeValues, countryAt: gg.countryAt, offMap: gg.offMap,
  reach: function (id, depth, direction) {
    var r = gg.reach(String(id), Number(depth) || 1, String(direction || "both"), store.shown());
    return { nodes: Array.from(r.nodes), edges: Array.from(r.edges) };
  },
  parseDate: gg.parseDate, visId: gg.visId, dataId: gg.dataId
};
window.geograph = api;

var opening = true;
function restore() {
  store.set(gg.readHash(), { opening: opening });
  opening = false;
  var st = store.get(), sel = network.getSelection();
  // nothing to select and nothing selected: unselectAll would draw the whole graph once more
  if (st.focus !== null || st.edge !== null || st.pair !== null || sel.nodes.length || sel.edges.length) {
    gg.showSelection();
  }
  gg.renderPanel();
  var focus = store.get().focus;
  if (focus !== null && api.ready) gg.moveTo(focus);
}
restore();
// the faceted counts and the table's rows, once, for the state the page opens in
gg.startCounts();
gg.startTable();
window.addEventListener("hashchange", restore);

function settled() {
  if (api.ready) return;
  if (gg.physicsOn()) gg.setPhysics(false);  // settle once, then stay put
  if (!gg.positions && gg.isolated.length && !gg.mapOn()) {  // on the map they have their places
    var ids = gg.payload.nodes.map(function (n) { return gg.visId(n.id); });
    var all = network.getPositions();
    var placed = gg.placeIsolated(function (i) { return all[ids[i]]; });
    Object.keys(placed).forEach(function (i) { network.moveNode(ids[+i], placed[i].x, placed[i].y); });
  }
  gg.fit();
  var focus = store.get().focus;
  if (focus !== null) gg.moveTo(focus);
  api.ready = true;
  window.dispatchEvent(new CustomEvent("geograph:ready"));
  // each in its own idle time: an action soon after opening waits for one at most
  [gg.indexRelations, gg.prepareTable, gg.prepareSearch].forEach(function (fn) { (window.requestIdleCallback || setTimeout)(fn); });
}
if (gg.N === 0) settled();
else if (gg.LARGE) network.once("afterDrawing", settled);  // laid out already: ready once drawn
else network.once("stabilizationIterationsDone", settled);
