/*
 * select: choosing an actor, a relation or an aggregated pair.
 * Provides on gg: focusNode(id, {move}), moveTo(id) (centre an actor with what
 * it reaches in sight), selectEdge(id), openPair(bundle),
 * selectPair(a, b), clearSelection(), showSelection() (mark the selection in
 * vis-network), revealSelection() (pan a selected relation into sight).
 * Subscribes: selection -> vis-network's selected items; pans to a relation
 * whose middle is off screen.
 * The phone's sheet is a modal dialog (role, aria-modal, named by its heading).
 * Handles: clicks on the graph (on a drawn relation name first: gg.labelAt), Escape; focus returns to what opened the
 * selection when closing it leaves focus nowhere.
 * Uses: util, data, state, reach, network, sight, panel.
 */
var network = gg.network, store = gg.store, visId = gg.visId, dataId = gg.dataId;

// The part of the graph in sight (the canvas's CSS px): on a phone the details'
// bottom sheet covers the graph's lower part, and the page may be scrolled.
function seenArea() {
  var c = gg.container.getBoundingClientRect(), top = Math.max(c.top, 0);
  var bottom = Math.min(c.bottom, window.innerHeight), sheet = gg.panel.getBoundingClientRect();
  if (getComputedStyle(gg.panel).position === "fixed" && sheet.top < bottom) bottom = sheet.top;
  if (bottom - top < 120) { top = c.top; bottom = c.bottom; }  // too little left: the whole graph
  return { x: 0, y: top - c.top, w: c.width, h: bottom - top };
}
// Centre an actor in sight, zoomed in to 1.1 or more, but never so far that an
// actor it reaches (what its focus keeps bright) leaves the graph.
var FOCUS_SCALE = 1.1, FOCUS_MARGIN = 16;
// The reached actors, and what of each must stay in sight (57-sight.js).
function reachExtent(id) {
  var st = store.get(), reached = [];
  gg.reach(id, st.depth, st.direction, store.shown()).nodes.forEach(function (n) { reached.push(visId(n)); });
  return { at: network.getPosition(visId(id)), items: gg.sightOf(reached) };
}
function scaleIn(ext, area) {
  var most = Math.max(network.getScale(), FOCUS_SCALE);
  var scale = gg.sightScale(ext.items, area.w - 2 * FOCUS_MARGIN, area.h - 2 * FOCUS_MARGIN, most, ext.at);
  return Math.max(scale, 0.01);
}
function centreIn(ext, area) {
  var c = gg.container;
  network.moveTo({ position: ext.at, scale: scaleIn(ext, area), animation: false,
                   offset: { x: area.x + area.w / 2 - c.clientWidth / 2, y: area.y + area.h / 2 - c.clientHeight / 2 } });
}
// The legend over the graph, in the graph's CSS px; null when it is not drawn.
function legendArea() {
  var box = document.getElementById("gg-legend-box");
  if (!box || !box.getClientRects().length) return null;
  var c = gg.container.getBoundingClientRect(), r = box.getBoundingClientRect();
  return { left: r.left - c.left, top: r.top - c.top, right: r.right - c.left, bottom: r.bottom - c.top };
}
// Whether the legend covers the actor or one it reaches (with their names, as drawn now).
function legendCovers(ext, legend) {
  return ext.items.some(function (it) {
    var r = gg.sightRect(it);
    return r.left < legend.right && legend.left < r.right && r.top < legend.bottom && legend.top < r.bottom;
  });
}
// The part of the seen area above, below, left or right of the legend where the reach
// is drawn largest (null when none is 40 px or more each way).
function besideLegend(ext, area, L) {
  var M = 6, best = null, bestScale = 0, bottom = area.y + area.h, right = area.x + area.w;
  [
    { x: area.x, y: area.y, w: area.w, h: L.top - M - area.y },
    { x: area.x, y: L.bottom + M, w: area.w, h: bottom - L.bottom - M },
    { x: area.x, y: area.y, w: L.left - M - area.x, h: area.h },
    { x: L.right + M, y: area.y, w: right - L.right - M, h: area.h }
  ].forEach(function (f) {
    if (f.w < 40 || f.h < 40) return;
    var s = scaleIn(ext, f);
    if (s > bestScale) { bestScale = s; best = f; }
  });
  return best;
}
// One path for every focus (the URL's, the search box's, the table's, the API's):
// centre the actor, let the legend take a corner clear of the actors, and when it
// still covers one the actor reaches, centre again in the part it leaves free.
function moveTo(id) {
  var ext = reachExtent(id), area = seenArea();
  centreIn(ext, area);
  if (!gg.placeLegend || !window.geograph || !window.geograph.ready) return;  // at opening: main places it when ready
  gg.placeLegend();
  var legend = legendArea();
  if (!legend || !legendCovers(ext, legend)) return;
  var free = besideLegend(ext, area, legend);
  if (free) centreIn(ext, free);
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
// A click on a pair's line: its panel, or, when it shows one relation (drawn
// as that relation, 40-style.js), that relation's.
function clickPair(b) {
  var one = gg.soleOf(b);
  if (one) { selectEdge(one.id); showSelection(); return true; }
  return openPair(b);
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
// On a phone the details are a sheet over the page's bottom: while it is open, focus
// is in it as in a dialog (Tab goes round its controls, Escape or Close gives focus
// back to what opened it), not on the controls under it.
function isSheet() {
  return gg.panel.classList.contains("gg-open") && getComputedStyle(gg.panel).position === "fixed";
}
function focusSheet() {
  var h = gg.panel.querySelector("h2");
  if (!h || gg.panel.contains(document.activeElement)) return;
  h.tabIndex = -1;
  h.focus({ preventScroll: true });
}
function sheetStops() {
  return Array.prototype.filter.call(gg.panel.querySelectorAll("button, a[href], select, input, [tabindex='0']"), function (x) {
    return !x.disabled && x.getClientRects().length > 0;
  });
}
// ... and it says so to assistive technology: a modal dialog named by its
// heading while it is a sheet, the page's "Details" region (read out as it
// changes) otherwise. Its heading is rebuilt with every selection.
var PANEL_NAME = gg.panel.getAttribute("aria-label") || "Details";
function markSheet() {
  var p = gg.panel, h = p.querySelector("h2");
  if (isSheet()) {
    p.setAttribute("role", "dialog");
    p.setAttribute("aria-modal", "true");
    p.setAttribute("aria-label", PANEL_NAME + ": " + (h ? h.textContent : ""));
    p.removeAttribute("aria-live");
  } else if (p.getAttribute("role") === "dialog") {
    p.removeAttribute("role");
    p.removeAttribute("aria-modal");
    p.setAttribute("aria-label", PANEL_NAME);
    p.setAttribute("aria-live", "polite");
  }
}
window.addEventListener("resize", markSheet);
gg.panel.addEventListener("keydown", function (ev) {
  if (ev.key !== "Tab" || !isSheet()) return;
  var stops = sheetStops();
  if (!stops.length) { ev.preventDefault(); return; }
  var first = stops[0], last = stops[stops.length - 1], a = document.activeElement;
  if (stops.indexOf(a) < 0) { ev.preventDefault(); (ev.shiftKey ? last : first).focus(); }  // from the heading
  else if (ev.shiftKey && a === first) { ev.preventDefault(); last.focus(); }
  else if (!ev.shiftKey && a === last) { ev.preventDefault(); first.focus(); }
});
store.subscribe(function (changed) {
  markSheet();  // after the panel's part has drawn its new heading
  if (!changed.selection) return;
  showSelection();
  revealSelection();
  var st = store.get(), a = document.activeElement;
  if (st.focus === null && st.edge === null && st.pair === null) returnFocus();
  else {
    if (a && a !== document.body && !gg.panel.contains(a)) opener = a;
    // after the other parts have drawn: the table first brings the row that opened it above the sheet
    if (isSheet()) Promise.resolve().then(function () { if (isSheet()) focusSheet(); });
  }
});

network.on("click", function (params) {
  // a relation's name is drawn clear of its line: a click on it is for that relation
  var named = gg.labelAt(params.pointer && params.pointer.DOM);
  var namedPair = named !== null ? gg.bundleByVisId.get(named) : null;  // a counted pair's number
  if (namedPair) { clickPair(namedPair); return; }
  if (named !== null) { selectEdge(named); showSelection(); return; }
  if (params.nodes.length) focusNode(dataId(params.nodes[0]), { move: false });
  else if (params.edges.length) {
    var b = gg.bundleByVisId.get(String(params.edges[0]));
    if (b) clickPair(b); else selectEdge(dataId(params.edges[0]));
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
