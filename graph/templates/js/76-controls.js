/*
 * controls: Freeze/Unfreeze layout, Fit and Reset.
 * Provides on gg: setPhysics(on), physicsOn() -> bool, fit(), and the
 * framing rule itself: actorsBox(draw) -> the box of the shown actors with
 * their names (graph units), frameScale(box, area), frameIn(area, box),
 * frameNamed(area) (frameIn with the names' font following, on a phone at the area's top);
 * syncNames() (the actors' name font for the scale now: readable zoomed out),
 * atNameBase(fn) (fn's value, drawn with the names at the layout's own size).
 * On a phone a fit also sets the graph's area to the frame's height (class
 * gg-phone-fit, --gg-fit-h), again after a resize or rotation.
 * Uses: data, state, network, sight, slider, search.
 */
var network = gg.network, store = gg.store, KNOWN = gg.KNOWN;
var physicsButton = document.getElementById("gg-physics");
var physicsOn = !gg.LARGE;
function setPhysics(on) {
  physicsOn = !!on;
  network.setOptions({ physics: { enabled: physicsOn } });
  physicsButton.textContent = physicsOn ? "Freeze layout" : "Unfreeze layout";
  physicsButton.setAttribute("aria-pressed", physicsOn ? "true" : "false");
}
// The one framing rule (Fit, the first open, a change of layout, and the
// legend's framing beside itself): every shown actor and its name inside the
// graph, FIT_MARGIN px from its edges, never zoomed past 100 %. vis-network's
// own fit() frames the boxes of its last drawing, and vis measures a name
// only when it draws it, and draws only what is in view: before the first
// drawing the boxes hold no names (a long name at the edge was cut off), and
// after a move or a new font they are stale. So a fit frames, draws and
// frames again until the box holds. What of an actor is kept in sight, and
// how (large graphs' names are a fixed size on screen), is 57-sight.js's.
var FIT_MARGIN = 12;
// The box of the shown actors (graph units), with its items (57-sight.js).
function actorsBox(draw) {
  if (draw) network.redraw();
  var items = gg.sightOf(null);
  if (!items.length) return null;
  var b = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity, items: items };
  items.forEach(function (x) {
    b.left = Math.min(b.left, x.left); b.top = Math.min(b.top, x.top);
    b.right = Math.max(b.right, x.right); b.bottom = Math.max(b.bottom, x.bottom);
  });
  return b;
}
// The scale that frames `box` (actorsBox's) in `area` of the canvas ({x, y, w, h}, CSS px).
function frameScale(box, area) {
  return gg.sightScale(box.items, area.w - 2 * FIT_MARGIN, area.h - 2 * FIT_MARGIN, 1);
}
function canvasSize() {
  var canvas = gg.container.querySelector("canvas");
  return { w: canvas ? canvas.clientWidth : 0, h: canvas ? canvas.clientHeight : 0 };
}
function moveToFrame(area, box) {
  var size = canvasSize(), scale = frameScale(box, area);
  if (!size.w || !size.h || !(scale > 0)) return false;
  network.moveTo({ position: gg.sightCentre(box.items, scale), scale: scale,
                   offset: { x: area.x + area.w / 2 - size.w / 2, y: area.y + area.h / 2 - size.h / 2 },
                   animation: false });
  return true;
}
function sameBox(a, b) {
  return ["left", "top", "right", "bottom"].every(function (k) { return Math.abs(a[k] - b[k]) < 0.5; });
}
// Frame the shown actors and their names in `area`; `box` when it was just measured.
function frameIn(area, box) {
  var measure = !gg.LARGE;
  box = box || actorsBox(measure);
  for (var i = 0; i < 3 && box; i++) {
    if (!moveToFrame(area, box)) return false;
    if (!measure) return true;
    var drawn = actorsBox(true);  // every actor now in view, so drawn and measured
    if (!drawn || sameBox(drawn, box)) return true;
    box = drawn;
  }
  return !!box;
}
// Actor names stay readable when the view is zoomed out to frame the graph (a
// phone's first frame is at about half size, the world map at a tenth): their
// font grows as the scale falls, NAME_PX on screen at least, as relation names
// keep theirs (55-edge-labels.js); past NAME_GROWTH times the layout's own size
// (gg.nameBase(): 15, 26 on the map) only as far as NAME_PX on screen: a phone's
// world map of 143 countries had names of 7-10 px. Fewer names are shown rather
// than smaller ones (53-names.js leaves out those that meet). Large graphs place
// their names themselves (52-labels.js).
// Zoomed in, they stop growing at NAME_MAX_PX on screen, so that zooming in
// spreads neighbours' names apart.
var NAME_PX = 11, NAME_MAX_PX = 18, NAME_GROWTH = 4, nameSize = null;
function nameFont(scale) {
  var base = gg.nameBase ? gg.nameBase() : 15;
  var want = Math.max(NAME_PX / scale, Math.min(base, NAME_MAX_PX / scale));
  return Math.ceil(2 * Math.max(NAME_PX / scale, Math.min(base * NAME_GROWTH, want))) / 2;
}
// Set the names' font for the scale now; true when it changed (the actors' boxes with it).
function syncNames() {
  if (gg.LARGE) return false;
  var want = nameFont(network.getScale());
  if (want === nameSize) return false;
  nameSize = want;
  network.setOptions({ nodes: { font: { size: want } } });
  return true;
}
// fn() with the names at the layout's own size (the PNG export), then as they were
function atNameBase(fn) {
  var grown = nameSize, base = gg.nameBase ? gg.nameBase() : 15;
  if (gg.LARGE || grown === null || grown === base) return fn();
  network.setOptions({ nodes: { font: { size: base } } });
  try { return fn(); } finally { network.setOptions({ nodes: { font: { size: grown } } }); }
}
var zooming = 0;
function resync() {
  cancelAnimationFrame(zooming);
  zooming = requestAnimationFrame(function () { if (syncNames()) network.redraw(); });
}
network.on("zoom", resync);
// a frame set by the page (the legend's, a focus, an opened pair) moves no zoom event
network.on("afterDrawing", function (ctx) {
  var onPage = !ctx || !ctx.canvas || ctx.canvas === gg.container.querySelector("canvas");
  if (onPage && !gg.LARGE && !gg.drawFrame && nameSize !== null && nameFont(network.getScale()) !== nameSize) resync();
});
// Every fit (the button, Reset, a change of layout, the map) ends with the
// legend's choice of corner, which frames the actors beside it when every
// corner has one (80-legend.js): no actor is left under the legend.
// On a phone the graph is taller than wide, the graphs (and the world) mostly
// wider than tall: framed in the top of it, not in the middle with an empty
// band above, the room left is below, where the legend and the details' sheets open.
var phone = window.matchMedia ? window.matchMedia("(max-width: 720px)") : { matches: false };
// The part of `area` (canvas CSS px) the actors are framed in: on a phone its top.
function topOf(area) {
  var box = phone.matches ? actorsBox(!gg.LARGE) : null;
  if (!box) return area;
  var sp = gg.sightSpan(box.items, frameScale(box, area)), h = Math.ceil(sp.bottom - sp.top + 2 * FIT_MARGIN);
  return h < area.h ? { x: area.x, y: area.y, w: area.w, h: h } : area;
}
// Frame the shown actors and their names in `area` (Fit's whole graph, or the
// part the legend leaves free, 80-legend.js): the names' font follows the new
// scale, and the frame the names' new boxes (names of 11 px on a phone's world
// map are a third of its width: 8 rounds come within a pixel).
function frameNamed(area) {
  var framed = false;
  for (var i = 0; i < 8; i++) {
    framed = frameIn(topOf(area));
    if (!framed || !syncNames()) break;
  }
  return framed;
}
// On a phone the graph's area is as tall as the actors' frame at the page's width, with
// a line for the legend (and the map's "Not on the map" note) under it, in either layout:
// framed at the top of a 60vh area, a graph wider than tall (the article's, the world)
// left an empty band of a third of the screen under it. The details and the table come
// up under the graph instead.
var ROOM_BELOW = 44, MIN_H = 240;  // CSS px: the legend's line; the least area
var host = gg.container.closest ? gg.container.closest(".gg-graph") : null;
var needed = null;  // the height the last fit's frame asked for, before the screen's bounds
function mostHeight() { return Math.round(0.6 * window.innerHeight); }  // the CSS's 60vh
function bounded(h) {
  var most = mostHeight();
  return Math.round(Math.max(Math.min(MIN_H, most), Math.min(h, most)));
}
function areaHeight(w) {
  var box = actorsBox(false);  // as framed just now: drawn and measured
  if (!box) return null;
  var s = frameScale(box, { w: w, h: Infinity }), sp = gg.sightSpan(box.items, s);
  needed = Math.ceil(sp.bottom - sp.top + 2 * FIT_MARGIN) + ROOM_BELOW;  // a large graph's names in screen px
  if (gg.mapOn && gg.mapOn() && gg.offMap().length) needed += ROOM_BELOW;
  return bounded(needed);
}
// The area's height (CSS px, null: the page's own); true when the canvas changed.
function setArea(h) {
  if (!host) return false;
  var before = gg.container.clientHeight;
  host.classList.toggle("gg-phone-fit", h !== null);
  if (h === null) host.style.removeProperty("--gg-fit-h");
  else host.style.setProperty("--gg-fit-h", h + "px");
  if (gg.container.clientHeight === before) return false;
  // vis-network takes a new size from a ResizeObserver, after this task, and then
  // scales the view by the heights' ratio: a frame set before that was halved
  if (network.canvas && typeof network.canvas.setSize === "function") network.canvas.setSize();
  return true;
}
function frameAll() {
  var size = canvasSize();
  if (!frameNamed({ x: 0, y: 0, w: size.w, h: size.h })) network.fit({ animation: false });
}
function fit() {
  if (gg.mapFramed) gg.mapFramed(null);  // the map's dots in map units while framed
  // on a phone, framed first in the tallest area (by the width, as a page opens), then
  // again in the area of the frame's own height
  if (phone.matches) setArea(mostHeight()); else setArea(null);
  frameAll();
  if (phone.matches && setArea(areaHeight(canvasSize().w))) frameAll();
  if (gg.placeLegend) gg.placeLegend(true);
  if (gg.mapFramed) gg.mapFramed(network.getScale());
}
// A rotation or a resize (on either side of the phone's width) frames the graph
// again in an area of the new width: the frame and the area's height were the old
// width's. A change of the height alone (a phone's address bar) only when the area's
// height, bounded by the screen's, changes with it (else the reader's zoom stays).
var lastWidth = window.innerWidth, resizing = 0;
function refit() {
  var widthChanged = window.innerWidth !== lastWidth;
  lastWidth = window.innerWidth;
  var fitted = !!host && host.classList.contains("gg-phone-fit");
  if (!phone.matches && !fitted) return;
  if (!window.geograph || !window.geograph.ready) return;  // the opening fit is still to come
  if (widthChanged || !fitted || needed === null ||
      Math.abs(bounded(needed) - gg.container.clientHeight) > 1) fit();
}
window.addEventListener("resize", function () {
  clearTimeout(resizing);
  resizing = setTimeout(refit, 120);
});
physicsButton.addEventListener("click", function () { setPhysics(!physicsOn); });
document.getElementById("gg-fit").addEventListener("click", function () { fit(); });
document.getElementById("gg-reset").addEventListener("click", function () {
  gg.stopPlay();
  var filters = {};
  Object.keys(KNOWN).forEach(function (kind) { filters[kind] = KNOWN[kind]; });
  gg.searchInput.value = "";
  // back to how the page opened: event data at its latest period (15-events.js)
  store.set({
    date: gg.events.start, compare: null, focus: null, edge: null, pair: null, filters: filters,
    // and the ways of looking: the page's own layout, colour, size and one step out
    layout: { name: gg.DEFAULT_LAYOUT }, color: gg.COLORS[0], size: gg.SIZES[0], depth: 1, direction: "both"
  });
  fit();
});

gg.setPhysics = setPhysics;
gg.physicsOn = function () { return physicsOn; };
gg.fit = fit;
gg.actorsBox = actorsBox;
gg.frameScale = frameScale;
gg.frameIn = frameIn;
gg.frameNamed = frameNamed;
gg.syncNames = syncNames;
gg.atNameBase = atNameBase;
