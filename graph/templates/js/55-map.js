/*
 * map: the map layout. Actors with a place (payload.geo.positions: their
 * lat/lon, or their country's point for an ISO alpha-3 id, projected in
 * Python by graph/geo.py) are fixed there over the world outline, drawn on
 * the canvas before the graph (vis-network's beforeDrawing, in the network's
 * coordinates); the others stand in a column beside the map and are listed
 * over the graph ("Not on the map: INTL (organization)"). A "Layout" select
 * in the toolbar; state key layout {name: "force"|"map"} (URL layout=map).
 * Provides on gg: mapOn() -> bool, applyLayout(), nameBase() (the actors' name
 * size in graph units: larger on the map), countryAt(x, y) -> the ISO
 * code of the drawn country holding that network point, or null;
 * offMap() -> ids of the actors not on the map; mapFramed(scale) (76-controls.js's
 * fit: null while it frames, then its scale, past which the map's dots keep their screen size).
 * Subscribes: layout -> move the actors (saving and restoring the force
 * layout's positions).
 * Uses: util, data, state, style, network; controls (fit) at call time.
 */
var store = gg.store, payload = gg.payload, network = gg.network, nodes = gg.nodes, visId = gg.visId;
var geo = payload.geo || { positions: [], countries: {}, how: [] };
var placed = [], off = [];
payload.nodes.forEach(function (n, i) {
  var p = geo.positions[i];
  if (p) placed.push({ id: n.id, x: p[0], y: p[1] }); else off.push(n);
});
var usable = placed.length > 0;

// One Path2D per country, decoded once: rings are [x0, y0, dx1, dy1, ...].
var paths = new Map(), bounds = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
Object.keys(geo.countries).forEach(function (iso) {
  var path = new Path2D();
  geo.countries[iso].forEach(function (polygon) {
    polygon.forEach(function (ring) {
      var x = 0, y = 0;
      for (var k = 0; k < ring.length; k += 2) {
        x += ring[k]; y += ring[k + 1];
        if (k === 0) path.moveTo(x, y); else path.lineTo(x, y);
        if (x < bounds.minX) bounds.minX = x;
        if (x > bounds.maxX) bounds.maxX = x;
        if (y < bounds.minY) bounds.minY = y;
        if (y > bounds.maxY) bounds.maxY = y;
      }
      path.closePath();
    });
  });
  paths.set(iso, path);
});
var probe = document.createElement("canvas").getContext("2d");
function countryAt(x, y) {
  var found = null;
  paths.forEach(function (path, iso) { if (found === null && probe.isPointInPath(path, x, y, "evenodd")) found = iso; });
  return found;
}

function mapOn() { return usable && store.get().layout.name === "map"; }

// On the map, zooming in is how a reader separates crowded neighbours (Europe's
// countries): past the scale of the last Fit, the dots keep the screen size they
// had there, so the gaps between them grow (sized in map units, they had grown
// with the zoom and still touched). Zoomed out they shrink with the map. The
// names keep theirs (76-controls.js: at most NAME_MAX_PX on screen). vis-network
// sets node sizes from the DataSet or from values (44-size.js, any of its
// paths): each draw takes the size vis last gave a dot as its own size.
var fitScale = null;  // null while a fit frames the actors (in map units)
function framed(scale) { fitScale = scale; }
// A phone frames the world at a tenth: its dots, a few px wide, are kept this
// wide at least (CSS px, a radius) to be seen and tapped.
var MIN_DOT_PX = 3;
var ownSize = new Map(), drawnSize = new Map();  // vis id -> the size vis gave, the size drawn
function keepDotSizes() {
  // the PNG export draws the map in map units (78-export.js sets gg.drawFrame for its pass)
  var on = mapOn() && !gg.drawFrame, scale = network.getScale();
  var k = on && fitScale !== null ? Math.min(1, fitScale / scale) : 1, least = on ? MIN_DOT_PX / scale : 0;
  var ns = network.body.nodes, id;
  if (!on && !drawnSize.size) return;
  for (id in ns) {
    if (!Object.prototype.hasOwnProperty.call(ns, id)) continue;
    var n = ns[id], s = n.options.size;
    var own = drawnSize.get(id) === s ? ownSize.get(id) : s;  // else vis sized it anew since
    var want = Math.max(own * k, least);
    if (want !== s) { n.options.size = want; n.shape.refreshNeeded = true; }
    if (!on) { ownSize.delete(id); drawnSize.delete(id); }
    else { ownSize.set(id, own); drawnSize.set(id, want); }
  }
}
network.on("beforeDrawing", keepDotSizes);
network.on("beforeDrawing", function (ctx) {
  if (!mapOn()) return;
  var scale = network.getScale();
  ctx.save();
  ctx.fillStyle = "#e9edf1";
  ctx.strokeStyle = "#b9c2cc";
  ctx.lineWidth = 0.8 / scale;
  paths.forEach(function (path) { ctx.fill(path, "evenodd"); ctx.stroke(path); });
  ctx.restore();
});

// The list of actors not on the map, over the graph, top right.
var box = gg.el("div", "gg-offmap");
box.id = "gg-offmap";
box.setAttribute("role", "note");
box.hidden = true;
var host = document.querySelector(".gg-graph");
if (host) host.appendChild(box);
var SHOWN_OFF = 30;
function fillOffList() {
  gg.clear(box);
  if (!off.length) return;
  var names = off.slice(0, SHOWN_OFF).map(function (n) { return n.id + " (" + n.type + ")"; });
  var more = off.length > SHOWN_OFF ? ", and " + (off.length - SHOWN_OFF) + " more" : "";
  box.appendChild(gg.el("strong", null, "Not on the map: "));
  box.appendChild(document.createTextNode(names.join(", ") + more));
}
fillOffList();

var saved = null;  // the force layout's positions, kept while the map is shown
function offPlaces() {
  // a column (or a few) right of the map, in name order
  var gap = 70, top = Math.max(bounds.minY, -700), rows = Math.max(1, Math.floor((bounds.maxY - top) / gap));
  var sorted = off.slice().sort(function (a, b) { return a.name < b.name ? -1 : a.name > b.name ? 1 : 0; });
  return sorted.map(function (n, k) {
    return { id: n.id, x: Math.round((usable ? bounds.maxX : 0) + 120 + 160 * Math.floor(k / rows)),
             y: Math.round(top + gap * (k % rows)) };
  });
}
var shown = "force";
// The world is some 3,250 units wide: on it, names need a larger font to be read.
function nameBase() { return shown === "map" ? 26 : 15; }
function labelSize() {
  if (gg.LARGE) return;
  // grown when zoomed out (76-controls.js), from this size
  if (gg.syncNames) gg.syncNames();
  else network.setOptions({ nodes: { font: { size: nameBase() } } });
}
// Large graphs are laid out before drawing (30-layout.js): those are their force positions.
function laidOut() {
  if (!gg.positions) return null;
  var out = {};
  payload.nodes.forEach(function (n, i) { out[visId(n.id)] = { x: gg.positions.x[i], y: gg.positions.y[i] }; });
  return out;
}
function applyLayout() {
  var want = mapOn() ? "map" : "force";
  select.value = store.get().layout.name;
  box.hidden = want !== "map" || !off.length;
  if (want === shown) return false;
  if (want === "map") {
    // before the first layout has settled, its positions are not worth keeping
    var ready = window.geograph && window.geograph.ready;
    if (ready && gg.physicsOn()) gg.setPhysics(false);
    saved = ready ? network.getPositions() : laidOut();
    nodes.update(placed.concat(offPlaces()).map(function (p) {
      return { id: visId(p.id), x: p.x, y: p.y, fixed: { x: true, y: true } };
    }));
  } else {
    nodes.update(payload.nodes.map(function (n) {
      var p = saved && saved[visId(n.id)];
      var item = { id: visId(n.id), fixed: { x: false, y: false } };
      if (p) { item.x = p.x; item.y = p.y; }
      return item;
    }));
    if (!saved || !Object.keys(saved).length) forceAgain();
  }
  shown = want;
  labelSize();
  if (gg.fit && network.body) gg.fit();  // with the names at the map's font size
  return true;
}
// Opened on the map, the page never laid the graph out by force: do it once now.
function forceAgain() {
  if (gg.LARGE || !gg.setPhysics) return;
  gg.setPhysics(true);
  network.once("stabilizationIterationsDone", function () { gg.setPhysics(false); gg.fit(); });
  network.stabilize(200);
}

var toolbar = document.querySelector(".gg-toolbar");
var select = gg.el("select");
select.id = "gg-layout";
[["force", "force"], ["map", "map"]].forEach(function (o) {
  var opt = gg.el("option", null, o[1]);
  opt.value = o[0];
  if (o[0] === "map" && !usable) { opt.disabled = true; opt.title = "no actor has a place on the map"; }
  select.appendChild(opt);
});
if (toolbar) toolbar.appendChild(gg.control("Layout", select));
select.addEventListener("change", function () { store.set({ layout: { name: select.value } }); });

store.subscribe(function (changed) { if (changed.layout) applyLayout(); });
// A page that opens on the map places its actors before vis-network lays anything out.
if (mapOn()) {
  var places = placed.concat(offPlaces()).map(function (p) {
    return { id: visId(p.id), x: p.x, y: p.y, fixed: { x: true, y: true } };
  });
  // large graphs (frozen, no physics): by 40-style.js's quiet path, not a DataSet
  // update that has vis-network pass over the whole graph (a tenth of the 283k start)
  if (gg.LARGE && gg.sendNodes) gg.sendNodes(places); else nodes.update(places);
  shown = "map";
  saved = laidOut();
  labelSize();
}
select.value = store.get().layout.name;
box.hidden = !mapOn() || !off.length;

gg.mapOn = mapOn;
gg.nameBase = nameBase;
gg.applyLayout = applyLayout;
gg.countryAt = countryAt;
gg.mapFramed = framed;
gg.offMap = function () { return off.map(function (n) { return n.id; }); };
