/*
 * style: the vis-network DataSets and how each item looks: hidden when not
 * shown, faded when out of focus, aggregated pairs counted.
 * Provides on gg: nodes, edges (vis.DataSet; ids through gg.visId), FADED,
 * edgeColour(e, opacity), colourOf(colour, opacity), arrowsOf(fwd, back, drawn),
 * bundleState(b), restyle() (re-apply hiding and fading now).
 * Subscribes: date or filters -> hide/show and recount pairs; selection -> fade.
 * Uses: util, data, state, layout, reach.
 */
var payload = gg.payload, EDGES = gg.relations, LARGE = gg.LARGE, STYLE = gg.STYLE;
var bundles = gg.bundles, visId = gg.visId, shorten = gg.shorten, bundleOf = gg.bundleOf;
var nodeById = gg.nodeById, positions = gg.positions, store = gg.store;
var FADED = 0.15;

function edgeColour(e, opacity) {
  var c = (gg.changeColour && gg.changeColour(e)) || e.color;  // compare mode (45-compare.js)
  return { color: c, highlight: c, hover: c, inherit: false, opacity: opacity };
}
function colourOf(colour, opacity) {
  return { color: colour, highlight: colour, hover: colour, inherit: false, opacity: opacity };
}
// Relation names on the lines help small graphs; past a few parallel edges they pile up.
var showEdgeLabels = EDGES.length <= 80;
var nodeHidden = new Map();
var nodeOpacity = new Map();
var nodes = new vis.DataSet(payload.nodes.map(function (n, i) {
  nodeHidden.set(n.id, false);
  nodeOpacity.set(n.id, "1");
  var item = {
    id: visId(n.id),
    label: shorten(n.label, 40),
    shape: n.shape,
    color: { background: n.color, border: "#3a3a3a",
             highlight: { background: n.color, border: "#000" },
             hover: { background: n.color, border: "#000" } },
    opacity: 1
  };
  if (positions) {
    // size and label grow with the number of relations: hubs are named first on zoom
    item.value = n.degree;
    item.x = Math.round(positions.x[i]);
    item.y = Math.round(positions.y[i]);
  } else {
    item.size = Math.min(40, 14 + 3 * Math.sqrt(n.degree));
  }
  return item;
}));

// What an aggregated edge looks like, from the relations of its pair now shown.
function bundleState(b) {
  var count = 0, signs = 0, fwd = false, back = false, status = {};
  b.members.forEach(function (e) {
    if (!store.isShown(e.id)) return;
    count++;
    signs += e.sign;
    status[e.status] = true;
    if (e.directed) { if (e.from === b.from) fwd = true; else back = true; }
  });
  var sign = signs > 0 ? 1 : signs < 0 ? -1 : 0;
  var dashes = status.fact ? false : status.claim ? STYLE.status_dashes.claim
    : status.forecast ? STYLE.status_dashes.forecast : false;
  return { count: count, colour: STYLE.sign_colours[String(sign)], dashes: dashes, fwd: fwd, back: back };
}
// Arrowheads cost 3-5 times the drawing of a line in vis-network: large graphs
// draw them only for the focused actor's relations.
// middle: the head at the line's middle (gg.middleArrow, 30-layout.js).
function arrowsOf(forward, backward, drawn, strong, middle) {
  var scale = strong ? 1.1 : 0.7;
  if (middle) {
    return { middle: { enabled: drawn && forward, scaleFactor: strong ? 0.9 : 0.6 },
             to: { enabled: false }, from: { enabled: false } };
  }
  return { to: { enabled: drawn && forward, scaleFactor: scale }, from: { enabled: drawn && backward, scaleFactor: scale } };
}
function bundleItem(b, st) {
  return {
    id: b.visId,
    label: String(st.count),
    hidden: st.count === 0,
    color: colourOf(st.colour, b.opacity),
    dashes: st.dashes,
    width: Math.min(LARGE ? 5 : 9, 1 + (LARGE ? 0.7 : 1.4) * Math.log2(1 + st.count)),
    arrows: arrowsOf(st.fwd, st.back, !LARGE || b.fade === "1f")
  };
}
var hiddenNow = new Map();   // edge id -> hidden flag last sent to vis
var edgeOpacity = new Map();
var edgeItems = [];
EDGES.forEach(function (e) {
  hiddenNow.set(e.id, false);
  edgeOpacity.set(e.id, "1");
  if (bundleOf(e)) return;
  var item = {
    id: visId(e.id),
    from: visId(e.from),
    to: visId(e.to),
    color: edgeColour(e, 1),
    dashes: e.dashes,
    width: LARGE ? Math.min(e.width, 3) : e.width,
    arrows: arrowsOf(!LARGE && !!e.directed, false, true, false, gg.middleArrow(e)),
    hidden: false
  };
  if (!LARGE) item.smooth = e.smooth;
  if (showEdgeLabels) item.label = shorten(e.relation, 30);
  if (e.selfReference) item.selfReference = e.selfReference;
  edgeItems.push(item);
});
bundles.forEach(function (b) {
  var st = bundleState(b);
  var item = bundleItem(b, st);
  item.from = visId(b.from);
  item.to = visId(b.to);
  if (b.from === b.to) item.selfReference = { size: 18, angle: 0.785 };
  b.shownCount = st.count;
  b.state = st;
  edgeItems.push(item);
});
var edges = new vis.DataSet(edgeItems);
edgeItems = null;
// Hide and show only: positions never change, so nothing jumps.
function applyFilters() {
  var edgeUpdates = [], nodeUpdates = [];
  var shown = store.shown(), groups = store.get().filters.group;
  EDGES.forEach(function (e) {
    var visible = shown.has(e.id);
    if (hiddenNow.get(e.id) !== !visible) {
      hiddenNow.set(e.id, !visible);
      if (e.bundle === null || e.bundle === undefined) edgeUpdates.push({ id: visId(e.id), hidden: !visible });
    }
  });
  // an aggregated edge shows how many of its relations are shown, and is hidden at none
  bundles.forEach(function (b) {
    var st = bundleState(b);
    var look = [st.count, st.colour, String(st.dashes), st.fwd, st.back].join("|");
    if (look === b.look) return;
    b.look = look;
    b.fade = "";  // re-apply fading and emphasis over the new look
    b.state = st;
    b.shownCount = st.count;
    if (gg.forgetTip) gg.forgetTip(b.visId);  // its tooltip counts relations: rebuild on the next hover
    edgeUpdates.push(bundleItem(b, st));
  });
  payload.nodes.forEach(function (n) {
    var hide = !groups.has(n.colour_key);
    if (nodeHidden.get(n.id) !== hide) {
      nodeHidden.set(n.id, hide);
      nodeUpdates.push({ id: visId(n.id), hidden: hide });
    }
  });
  if (edgeUpdates.length) edges.update(edgeUpdates);
  if (nodeUpdates.length) nodes.update(nodeUpdates);
  applyFade();
}
bundles.forEach(function (b) {
  b.look = [b.state.count, b.state.colour, String(b.state.dashes), b.state.fwd, b.state.back].join("|");
});

// What stays bright: a focused actor's neighbourhood (through shown relations),
// or a selected relation or pair and its two ends. The rest fades, labels too.
function kept(state, shown) {
  var keepNodes = null, keepEdges = null, ends = null, strong = null;
  if (state.focus !== null && nodeById.has(state.focus)) {
    var r = gg.reach(state.focus, state.depth, state.direction, shown);  // 35-reach.js
    keepNodes = r.nodes;
    keepEdges = r.edges;
  } else if (state.edge !== null && gg.edgeById.has(state.edge)) {
    var e = gg.edgeById.get(state.edge);
    keepNodes = ends = new Set([e.from, e.to]);
    keepEdges = new Set([e.id]);
    strong = bundleOf(e) ? bundleOf(e).visId : visId(e.id);
  } else if (state.pair !== null) {
    keepNodes = ends = new Set([state.pair.from, state.pair.to]);
    keepEdges = new Set(state.pair.relations);
    strong = state.pair.visId;
  }
  return { nodes: keepNodes, edges: keepEdges, ends: ends, strong: strong };
}
var NODE_FONT = "#1d1d1d", NODE_FONT_FADED = "rgba(29,29,29,0.18)";
var SHADOW = { enabled: true, color: "rgba(0,0,0,0.55)", size: 10, x: 0, y: 0 };
function applyFade() {
  var state = store.get(), shown = store.shown(), keep = kept(state, shown);
  var keepNodes = keep.nodes, keepEdges = keep.edges;
  var nodeUpdates = [], edgeUpdates = [];
  payload.nodes.forEach(function (n) {
    var o = keepNodes === null || keepNodes.has(n.id) ? 1 : FADED;
    var end = keep.ends !== null && keep.ends.has(n.id);
    var key = o + (end ? "e" : "");
    if (nodeOpacity.get(n.id) !== key) {
      nodeOpacity.set(n.id, key);
      nodeUpdates.push({ id: visId(n.id), opacity: o, borderWidth: end ? 5 : 1.5,
                         shadow: end ? SHADOW : { enabled: false },
                         font: { color: o === 1 ? NODE_FONT : NODE_FONT_FADED,
                                 strokeColor: o === 1 ? "#ffffff" : "rgba(255,255,255,0.2)" } });
    }
  });
  EDGES.forEach(function (e) {
    if (bundleOf(e)) return;
    var o = keepEdges === null || keepEdges.has(e.id) ? 1 : FADED;
    var arrowsOn = LARGE && o === 1 && keepEdges !== null;
    var strong = keep.strong === visId(e.id);
    var key = o + (arrowsOn ? "a" : "") + (strong ? "s" : "");
    if (edgeOpacity.get(e.id) !== key) {
      edgeOpacity.set(e.id, key);
      var base = LARGE ? Math.min(e.width, 3) : e.width;
      var update = { id: visId(e.id), color: edgeColour(e, o), width: strong ? Math.max(5, base * 2) : base,
                     shadow: strong ? SHADOW : { enabled: false },
                     font: { color: o === 1 ? "#555" : "rgba(0,0,0,0)", strokeWidth: o === 1 ? 3 : 0 } };
      update.arrows = arrowsOf(e.directed, false, LARGE ? arrowsOn || strong : true, strong, gg.middleArrow(e));
      edgeUpdates.push(update);
    }
  });
  bundles.forEach(function (b) {
    var on = b.shownCount > 0 && keepEdges !== null && b.relations.some(function (id) { return keepEdges.has(id) && shown.has(id); });
    var o = keepNodes === null || on ? 1 : FADED;
    var strong = keep.strong === b.visId;
    var key = o + (keepNodes !== null ? "f" : "") + (strong ? "s" : "");
    if (b.fade !== key) {
      b.fade = key;
      b.opacity = o;
      var st = b.state, width = Math.min(LARGE ? 5 : 9, 1 + (LARGE ? 0.7 : 1.4) * Math.log2(1 + st.count));
      // a faded pair's count is left out: white-edged numbers would speckle the picture
      edgeUpdates.push({ id: b.visId, color: colourOf(st.colour, o),
                         width: strong ? Math.max(6, width * 1.6) : width,
                         shadow: strong ? SHADOW : { enabled: false },
                         font: o === 1 ? { color: "#333", strokeWidth: 3 } : { color: "rgba(0,0,0,0)", strokeWidth: 0 },
                         arrows: arrowsOf(st.fwd, st.back, !LARGE || o === 1 && keepNodes !== null, strong) });
    }
  });
  if (nodeUpdates.length) nodes.update(nodeUpdates);
  if (edgeUpdates.length) edges.update(edgeUpdates);
}

store.subscribe(function (changed) {
  if (changed.date || changed.filters || changed.compare) applyFilters();
  else if (changed.selection) applyFade();
});

gg.nodes = nodes;
gg.edges = edges;
gg.FADED = FADED;
gg.edgeColour = edgeColour;
gg.colourOf = colourOf;
gg.arrowsOf = arrowsOf;
gg.bundleState = bundleState;
gg.restyle = applyFilters;
