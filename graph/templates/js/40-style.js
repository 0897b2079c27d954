/*
 * style: the vis-network DataSets and how each item looks: hidden when not
 * shown, faded when out of focus, aggregated pairs counted.
 * Provides on gg: nodes, edges (vis.DataSet; ids through gg.visId), FADED,
 * edgeColour(e, opacity), colourOf(colour, opacity), arrowsOf(fwd, back, drawn),
 * bundleState(b), soleOf(b) (a pair's one relation shown, or null), countedPairs()
 * (how many pairs show a count: more than one relation), mixedPairs() (how many
 * of them are grey, their signs cancelling out), restyle() (re-apply hiding and fading now), sendNodes(updates)
 * and sendEdges(updates) (looks of actors and lines by the same path as this
 * part's: 44-size.js, 45-compare.js), veil() (large
 * graphs: what stays bright, drawn over a veil by 52-labels.js; null when
 * nothing is faded).
 * Subscribes: date or filters -> hide/show and recount pairs; selection -> fade.
 * Speed: every DataSet item sent to vis-network costs a full re-parse of the
 * item (30-80 us an edge), so only items whose look changed are sent, in one
 * update() per DataSet; large graphs fade by a veil (one redraw, no item sent).
 * Debug: window.geographDebug = {inPlace: false}, set before the page's script
 * runs, sends every change through vis-network's own DataSet update() (the
 * test of the in-place path compares the two pages).
 * Uses: util, data, state, layout, reach.
 */
var payload = gg.payload, EDGES = gg.relations, LARGE = gg.LARGE, STYLE = gg.STYLE;
var bundles = gg.bundles, visId = gg.visId, shorten = gg.shorten, bundleOf = gg.bundleOf;
var nodeById = gg.nodeById, positions = gg.positions, store = gg.store;
var FADED = 0.15;
var QUIET = !(window.geographDebug && window.geographDebug.inPlace === false);

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

// Per pair (by bundle index), its relations shown: how many, their signs'
// sum, how many of each status and of each direction. Kept by the relations
// whose shown state flipped (applyFilters), so that a pair's look is read,
// not counted again from its relations (at 283,359 relations a filter toggle
// recounted 10,000 pairs of 28 relations on average).
var NB = bundles.length, NS = payload.statuses.length, STATUS = gg.codes.status;
var pairCount = new Int32Array(NB), pairSigns = new Float64Array(NB), pairFwd = new Int32Array(NB);
var pairBack = new Int32Array(NB), pairStatus = new Int32Array(NB * NS);
function tally(e, d) {
  var k = e.bundle, b = bundles[k], s = STATUS[e.index];
  pairCount[k] += d;
  pairSigns[k] += d * e.sign;
  if (s >= 0) pairStatus[k * NS + s] += d;
  if (e.directed) { if (e.from === b.from) pairFwd[k] += d; else pairBack[k] += d; }
}
var FACT = payload.statuses.indexOf("fact"), CLAIM = payload.statuses.indexOf("claim");
var FORECAST = payload.statuses.indexOf("forecast");
function hasStatus(k, s) { return s >= 0 && pairStatus[k * NS + s] > 0; }
// What an aggregated edge looks like, from the relations of its pair now shown.
function bundleState(b) {
  var k = b.id, signs = pairSigns[k], count = pairCount[k], one = null;
  var sign = signs > 0 ? 1 : signs < 0 ? -1 : 0;
  var dashes = hasStatus(k, FACT) ? false : hasStatus(k, CLAIM) ? STYLE.status_dashes.claim
    : hasStatus(k, FORECAST) ? STYLE.status_dashes.forecast : false;
  if (count === 1) {  // which one: read from the pair's relations only then
    var shownAt = store.shownAt();
    for (var i = 0; i < b.members.length && one === null; i++) if (shownAt[b.members[i].index] === 1) one = b.members[i];
  }
  // compare mode: the colour of what changed in the pair (45-compare.js)
  var change = gg.pairChange ? gg.pairChange(b) : null;
  return { count: count, colour: change ? gg.COMPARE_LOOK[change].colour : STYLE.sign_colours[String(sign)], dashes: dashes,
           fwd: pairFwd[k] > 0, back: pairBack[k] > 0, one: one };
}
// The one relation a pair shows now, or null (none, or more than one): the
// pair's line is then drawn, named, hovered and clicked as that relation.
function soleOf(b) { return b.state && b.state.one ? b.state.one : null; }
// What changes a pair's line: its count and summary look, or which relation it stands for.
function lookOf(st) {
  return [st.count, st.colour, String(st.dashes), st.fwd, st.back, st.one ? st.one.id : ""].join("|");
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
var SHADOW = { enabled: true, color: "rgba(0,0,0,0.55)", size: 10, x: 0, y: 0 };
// An aggregated edge's whole look: its relations shown now (st), its fade
// (b.opacity) and whether it is the selected line (b.strong).
function bundleItem(b, st) {
  if (st.one) return soleItem(b, st.one, st.colour);
  var width = Math.min(LARGE ? 5 : 9, 1 + (LARGE ? 0.7 : 1.4) * Math.log2(1 + st.count));
  var o = b.opacity, strong = !!b.strong;
  return {
    id: b.visId,
    label: String(st.count),
    hidden: st.count === 0,
    color: colourOf(st.colour, o),
    dashes: st.dashes,
    width: strong ? Math.max(6, width * 1.6) : width,
    shadow: strong ? SHADOW : { enabled: false },
    // a faded pair's count is left out: white-edged numbers would speckle the picture
    font: o === 1 ? { color: "#333", strokeWidth: 3 } : { color: "rgba(0,0,0,0)", strokeWidth: 0 },
    arrows: arrowsOf(st.fwd, st.back, !LARGE || strong || b.fade === "1f", strong)
  };
}
// A pair's line standing for its one relation shown: that relation's look (as
// singleLook gives it), its name where relations are named, no count. The line
// runs from b.from to b.to: a relation the other way has its head turned.
function soleItem(b, e, colour) {
  var o = b.opacity, strong = !!b.strong, base = LARGE ? Math.min(e.width, 3) : e.width;
  var middle = gg.middleArrow(e), back = !!e.directed && e.from !== b.from;
  var arrows = arrowsOf(!!e.directed && !back, back, !LARGE || strong || b.fade === "1f", strong, middle);
  // vis-network turns a middle head with a negative scale round
  if (middle && back) arrows.middle = { enabled: true, scaleFactor: -(strong ? 0.9 : 0.6) };
  return {
    id: b.visId,
    label: showEdgeLabels ? shorten(e.relation, 30) : "",
    hidden: false,
    color: colourOf(colour, o),  // the pair's summary colour: its sign's, or what changed in it
    dashes: e.dashes,
    width: strong ? Math.max(5, base * 2) : base,
    shadow: strong ? SHADOW : { enabled: false },
    font: { color: o === 1 ? "#555" : "rgba(0,0,0,0)", strokeWidth: o === 1 ? 3 : 0 },
    arrows: arrows
  };
}
// Large graphs: the keys of a pair's look that its relations shown changed (the
// fade and the selection, which the rest depends on, are not changed by a date
// or a filter), so that only those are compared with the DataSet's and sent.
function pairChange(b, was, st) {
  var item = bundleItem(b, st);
  if (was.one || st.one) return item;  // a line standing for one relation has that relation's whole look
  var u = { id: item.id, label: item.label, hidden: item.hidden, width: item.width };
  if (was.colour !== st.colour) u.color = item.color;
  if (String(was.dashes) !== String(st.dashes)) u.dashes = item.dashes;
  if (was.fwd !== st.fwd || was.back !== st.back) u.arrows = item.arrows;
  return u;
}
var hiddenNow = new Uint8Array(EDGES.length);   // by relation index: 1 when hidden (last sent to vis)
// by relation index, the fade last sent (small graphs): 0 bright, 1 faded, +2 the selected line
var edgeFade = new Uint8Array(EDGES.length);
var edgeItems = [], shownAt = store.shownAt();  // by index: no 283k id look-ups
EDGES.forEach(function (e) {
  hiddenNow[e.index] = shownAt[e.index] === 1 ? 0 : 1;  // event data may open on a part of it
  if (bundleOf(e)) { if (shownAt[e.index] === 1) tally(e, 1); return; }
  var item = {
    id: visId(e.id),
    from: visId(e.from),
    to: visId(e.to),
    color: edgeColour(e, 1),
    dashes: e.dashes,
    width: LARGE ? Math.min(e.width, 3) : e.width,
    arrows: arrowsOf(!LARGE && !!e.directed, false, true, false, gg.middleArrow(e)),
    hidden: shownAt[e.index] !== 1
  };
  if (!LARGE) item.smooth = e.smooth;
  if (showEdgeLabels) item.label = shorten(e.relation, 30);
  if (e.selfReference) item.selfReference = e.selfReference;
  edgeItems.push(item);
});
// pairs showing more than one relation (drawn with a count), and those of them drawn
// grey, their signs cancelling out (the legend's "mixed pair")
var counted = 0, mixed = 0, GREY = STYLE.sign_colours["0"];
function isMixed(st) { return st.count > 1 && st.colour === GREY ? 1 : 0; }
bundles.forEach(function (b) {
  var st = bundleState(b);
  var item = bundleItem(b, st);
  item.from = visId(b.from);
  item.to = visId(b.to);
  if (b.from === b.to) item.selfReference = { size: 18, angle: 0.785 };
  b.shownCount = st.count;
  if (st.count > 1) counted++;
  mixed += isMixed(st);
  b.state = st;
  edgeItems.push(item);
});
var edges = new vis.DataSet(edgeItems);
edgeItems = null;
// Hide and show only: positions never change, so nothing jumps. Only the
// relations whose shown state flipped (store.flips()) and their pairs are looked at.
function applyFilters(changed) {
  var edgeUpdates = [], nodeUpdates = [];
  var shownAt = store.shownAt(), groups = store.get().filters.group, touched = new Set();
  // every pair's compare look changes with the compared dates
  var every = !!changed && (changed.compare || (changed.date && store.get().compare !== null));
  var flipped = store.flipped(), lastBundle = null;
  for (var k = 0; k < flipped.length; k++) {
    var r = flipped[k], e = EDGES[r], hide = shownAt[r] === 1 ? 0 : 1;
    if (hiddenNow[r] === hide) continue;
    hiddenNow[r] = hide;
    var b = bundleOf(e);
    if (b) {
      tally(e, hide === 1 ? -1 : 1);
      if (b !== lastBundle) { touched.add(b); lastBundle = b; }
    }
    else edgeUpdates.push({ id: visId(e.id), hidden: hide === 1 });
  }
  if (every) bundles.forEach(function (b) { touched.add(b); });
  // an aggregated edge shows how many of its relations are shown, and is hidden at none
  touched.forEach(function (b) {
    var st = bundleState(b);
    var look = lookOf(st);
    if (look === b.look) return;
    var was = b.state;
    b.look = look;
    b.state = st;
    counted += (st.count > 1 ? 1 : 0) - (b.shownCount > 1 ? 1 : 0);
    mixed += isMixed(st) - isMixed(was);
    b.shownCount = st.count;
    if (gg.forgetTip) gg.forgetTip(b.visId);  // its tooltip counts relations: rebuild on the next hover
    if (!LARGE) b.fade = "";  // re-apply its fade over the new look (send() merges the two)
    edgeUpdates.push(LARGE ? pairChange(b, was, st) : bundleItem(b, st));
  });
  payload.nodes.forEach(function (n) {
    var hide = !groups.has(n.colour_key);
    if (nodeHidden.get(n.id) !== hide) {
      nodeHidden.set(n.id, hide);
      nodeUpdates.push({ id: visId(n.id), hidden: hide });
    }
  });
  // one update() each, fading included: applyFade sends only what is still different
  applyFade(edgeUpdates, nodeUpdates);
}
bundles.forEach(function (b) {
  b.look = lookOf(b.state);
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
function singleLook(e, o, strong, arrowsOn) {
  var base = LARGE ? Math.min(e.width, 3) : e.width;
  return { id: visId(e.id), color: edgeColour(e, o), width: strong ? Math.max(5, base * 2) : base,
           shadow: strong ? SHADOW : { enabled: false },
           font: { color: o === 1 ? "#555" : "rgba(0,0,0,0)", strokeWidth: o === 1 ? 3 : 0 },
           arrows: arrowsOf(e.directed, false, LARGE ? arrowsOn || strong : true, strong, gg.middleArrow(e)) };
}
function nodeLook(id, o, end) {
  return { id: visId(id), opacity: o, borderWidth: end ? 5 : 1.5, shadow: end ? SHADOW : { enabled: false },
           font: { color: o === 1 ? NODE_FONT : NODE_FONT_FADED,
                   strokeColor: o === 1 ? "#ffffff" : "rgba(255,255,255,0.2)" } };
}
// Small graphs: each item carries its own fade (the tests and PNG read it from the DataSets).
function fadeItems(keep, shown, edgeUpdates, nodeUpdates) {
  var keepNodes = keep.nodes, keepEdges = keep.edges;
  payload.nodes.forEach(function (n) {
    var o = keepNodes === null || keepNodes.has(n.id) ? 1 : FADED;
    var end = keep.ends !== null && keep.ends.has(n.id);
    var key = o + (end ? "e" : "");
    if (nodeOpacity.get(n.id) === key) return;
    nodeOpacity.set(n.id, key);
    nodeUpdates.push(nodeLook(n.id, o, end));
  });
  EDGES.forEach(function (e) {
    if (bundleOf(e)) return;
    var o = keepEdges === null || keepEdges.has(e.id) ? 1 : FADED;
    var strong = keep.strong === visId(e.id);
    var key = (o === 1 ? 0 : 1) + (strong ? 2 : 0);
    if (edgeFade[e.index] === key) return;
    edgeFade[e.index] = key;
    edgeUpdates.push(singleLook(e, o, strong, false));
  });
  bundles.forEach(function (b) {
    var on = b.shownCount > 0 && keepEdges !== null && b.relations.some(function (id) { return keepEdges.has(id) && shown.has(id); });
    var o = keepNodes === null || on ? 1 : FADED;
    var strong = keep.strong === b.visId;
    var key = o + (keepNodes !== null ? "f" : "") + (strong ? "s" : "");
    if (b.fade === key) return;
    b.fade = key;
    b.opacity = o;
    b.strong = strong;
    edgeUpdates.push(bundleItem(b, b.state));
  });
}
// Large graphs: nothing faded is sent to vis-network (at 20,000 relations that
// was 12,000 items and about a second a click). 52-labels.js draws a veil over
// the picture and the kept lines, actors and arrowheads again over it; only
// the selected line and its two ends change in the DataSets.
var veilNow = null, endsNow = new Set(), strongNow = null;
function strongUpdate(vid, strong, edgeUpdates) {
  var b = gg.bundleByVisId.get(vid);
  if (b) { b.strong = strong; edgeUpdates.push(bundleItem(b, b.state)); return; }
  var e = gg.edgeById.get(gg.dataId(vid));
  if (e) edgeUpdates.push(singleLook(e, 1, strong, false));
}
function fadeVeil(keep, shown, edgeUpdates, nodeUpdates) {
  var ends = keep.ends || new Set();
  endsNow.forEach(function (id) { if (!ends.has(id)) nodeUpdates.push(nodeLook(id, 1, false)); });
  ends.forEach(function (id) { if (!endsNow.has(id)) nodeUpdates.push(nodeLook(id, 1, true)); });
  endsNow = new Set(ends);
  if (strongNow !== keep.strong) {
    if (strongNow !== null) strongUpdate(strongNow, false, edgeUpdates);
    if (keep.strong !== null) strongUpdate(keep.strong, true, edgeUpdates);
    strongNow = keep.strong;
  }
  if (keep.nodes === null) { veilNow = null; return; }
  var lines = new Set(), arrows = [];
  keep.edges.forEach(function (id) {
    var e = gg.edgeById.get(id);
    if (!shown.has(id) && id !== store.get().edge) return;
    var b = bundleOf(e), vid = b ? b.visId : visId(e.id);
    if (lines.has(vid)) return;
    lines.add(vid);
    if (vid === keep.strong || e.from === e.to) return;  // the selected line has vis-network's arrows
    var c = b ? b.state.colour : edgeColour(e, 1).color;
    if (b) {
      if (b.state.fwd) arrows.push([b.from, b.to, c]);
      if (b.state.back) arrows.push([b.to, b.from, c]);
    } else if (e.directed) arrows.push([e.from, e.to, c]);
  });
  veilNow = { nodes: keep.nodes, lines: lines, arrows: arrows, focus: store.get().focus };
}
function applyFade(edgeUpdates, nodeUpdates) {
  edgeUpdates = edgeUpdates || [];
  nodeUpdates = nodeUpdates || [];
  var state = store.get(), shown = store.shown(), keep = kept(state, shown);
  if (LARGE) fadeVeil(keep, shown, edgeUpdates, nodeUpdates);
  else fadeItems(keep, shown, edgeUpdates, nodeUpdates);
  var sent = send(edges, edgeUpdates, true) + send(nodes, nodeUpdates, true);
  if (LARGE && gg.network) flushQuiet();  // vis's lists of what is drawn: rebuilt once
  // a veil alone changes no item: vis-network is asked for one redraw (on its next frame)
  if (LARGE && !sent && gg.network) gg.network.body.emitter.emit("_requestRedraw");
}
// One update() per DataSet; two looks of one item in a change are merged.
function send(set, updates, hold) {
  if (!updates.length) return 0;
  var byId = new Map(), out = [];
  updates.forEach(function (u) {
    var old = byId.get(u.id);
    if (old) Object.assign(old, u);
    else { byId.set(u.id, u); out.push(u); }
  });
  if (QUIET && LARGE && gg.network && !(gg.physicsOn && gg.physicsOn())) sendQuietly(set, out, hold);
  else {
    set.update(out);
    if (set === edges && gg.network) out.forEach(function (u) { keepEmptyLabel(gg.network.body.edges[u.id], u.label); });
  }
  return out.length;
}
// vis-network's setOptions of a changed key alone takes no empty label
// (isValidLabel): an edge whose label becomes "" (a pair's count when it comes
// to stand for one relation) would go on drawing its old text, a count such as
// "0". It is left with no label, as vis-network's own update of the whole item leaves it.
function keepEmptyLabel(item, label) {
  if (label !== "" || !item || !item.options.label) return;
  item.options.label = undefined;
  item.labelModule.labelDirty = true;
}
// vis-network answers every DataSet update, of one item or many, with passes
// over the whole graph (reconnect every edge, rebuild physics and selection,
// rescale every actor): 25-80 ms at 12,000 drawn edges before any item is
// drawn. Large graphs (whose layout is frozen) store the change in the
// DataSet without telling vis, then give each changed item to vis as its own
// update handler would, and rebuild only the lists of what is drawn. A
// change of only the keys vis reads from an edge's options when it draws
// (hidden, width, dashes, a colour, the label's text: getFormattingValues
// and the label's redraw) is set in place (inPlace): no re-parse of the item,
// which a date step or a filter toggle asks of thousands of counted pairs.
function same(a, b) {  // plain data (the looks this file and 44-size.js build)
  if (a === b) return true;
  if (!a || !b || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  var ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (var i = 0; i < ka.length; i++) {
    if (!Object.prototype.hasOwnProperty.call(b, ka[i]) || !same(a[ka[i]], b[ka[i]])) return false;
  }
  return true;
}
function changedKeys(old, u) {
  if (!old) return u;
  var d = null;
  Object.keys(u).forEach(function (k) {
    if (k === "id" || same(old[k], u[k])) return;
    if (d === null) d = {};
    d[k] = u[k];
  });
  return d;
}
var IN_PLACE = {
  hidden: function (v) { return typeof v === "boolean"; },
  width: function (v) { return typeof v === "number" && isFinite(v); },
  dashes: function (v) { return typeof v === "boolean" || Array.isArray(v); },
  color: function (v) {
    return !!v && typeof v === "object" && v.inherit === false && typeof v.color === "string" &&
      typeof v.highlight === "string" && typeof v.hover === "string" && typeof v.opacity === "number";
  },
  label: function (v, item) { return typeof v === "string" && typeof item.options.label === "string"; }
};
// true when every changed key of an edge was set in place (else vis parses the item)
function inPlace(item, d) {
  var keys = Object.keys(d), o = item.options;
  for (var i = 0; i < keys.length; i++) {
    var check = IN_PLACE[keys[i]];
    if (!check || !check(d[keys[i]], item)) return false;
  }
  if (d.hidden !== undefined) o.hidden = d.hidden;
  if (d.dashes !== undefined) o.dashes = d.dashes;
  if (d.color !== undefined) {
    o.color.color = d.color.color;
    o.color.highlight = d.color.highlight;
    o.color.hover = d.color.hover;
    o.color.opacity = Math.min(1, Math.max(0, d.color.opacity));
  }
  if (d.width !== undefined) { o.width = d.width; item._setInteractionWidths(); }
  if (d.label !== undefined) { o.label = d.label; item.labelModule.labelDirty = true; }
  return true;
}
// An actor whose value alone changed (44-size.js) takes it in place; vis's
// rescale of every actor (setValueRange, which also re-parses each label's
// fonts) is done here without the label part when no actor scales its label.
function nodeInPlace(item, d) {
  var keys = Object.keys(d);
  if (keys.length !== 1 || keys[0] !== "value" || typeof d.value !== "number") return false;
  if (item.options.scaling.label.enabled) return false;
  item.options.value = d.value;
  item.shape.refreshNeeded = true;  // its box (hover, clicks) follows the new size when drawn
  return true;
}
function rescale(ns) {
  var min, max, total = 0, id, v, own = Object.prototype.hasOwnProperty;
  for (id in ns) {
    if (!own.call(ns, id)) continue;
    v = ns[id].getValue();
    if (v === undefined) continue;
    min = min === undefined ? v : Math.min(v, min);
    max = max === undefined ? v : Math.max(v, max);
    total += v;
  }
  if (min === undefined) return;
  for (id in ns) {
    if (!own.call(ns, id)) continue;
    var n = ns[id], o = n.options;
    if (o.value === undefined || o.scaling.label.enabled) { n.setValueRange(min, max, total); continue; }
    o.size = o.scaling.min + o.scaling.customScalingFunction(min, max, total, o.value) * (o.scaling.max - o.scaling.min);
  }
}
// The DataSet keeps one object per id (vis-data's _data): a changed item is
// stored merged as update() would (a shallow merge), without the two copies
// per item and the event update() makes for its one listener, vis's own.
var indicesStale = false;
function flushQuiet() {
  if (indicesStale) gg.network._updateVisibleIndices();
  indicesStale = false;
}
function keepInDataSet(set, out) {
  var data = set._data, direct = !!data && typeof data.get === "function" && typeof data.set === "function";
  var before = direct ? out.map(function (u) { return data.get(u.id); }) : set.get(out.map(function (u) { return u.id; }));
  var diffs = out.map(function (u, i) { return changedKeys(before[i], u); });
  var rest = direct ? out.filter(function (u, i) { return !before[i]; }) : out;
  // merged into the stored item itself: its nested values are replaced, never changed, so no copy is needed
  if (direct) out.forEach(function (u, i) { if (before[i] && diffs[i] !== null) Object.assign(before[i], diffs[i]); });
  if (rest.length) {
    var net = gg.network, isEdges = set === edges;
    var handler = isEdges ? net.edgesHandler : net.nodesHandler;
    var listener = isEdges ? handler.edgesListeners.update : handler.nodesListeners.update;
    set.off("update", listener);
    try { set.update(rest); } finally { set.on("update", listener); }
  }
  return diffs;
}
function sendQuietly(set, out, hold) {
  var net = gg.network, isEdges = set === edges;
  var items = isEdges ? net.body.edges : net.body.nodes;
  // vis re-parses what it is given: only the keys whose value differs from the DataSet's
  var diffs = keepInDataSet(set, out), parsed = false, valued = false;
  out.forEach(function (u, i) {
    var item = items[u.id], d = diffs[i];
    if (!item || d === null) return;
    if (d.hidden !== undefined) indicesStale = true;
    if (Object.keys(d).length === 1 && typeof d.hidden === "boolean") { item.options.hidden = d.hidden; return; }
    if (isEdges && inPlace(item, d)) return;
    if (!isEdges && nodeInPlace(item, d)) { valued = true; return; }
    parsed = true;
    if (isEdges) { item.disconnect(); item.setOptions(d); item.connect(); keepEmptyLabel(item, d.label); }
    else item.setOptions(d);
  });
  // a node's options reset its scaled size
  if (!isEdges && parsed) net._updateValueRange(net.body.nodes);
  else if (!isEdges && valued) rescale(net.body.nodes);
  if (!hold) flushQuiet();
  net.body.emitter.emit("_requestRedraw");
}

store.subscribe(function (changed) {
  if (changed.date || changed.filters || changed.compare) applyFilters(changed);
  else if (changed.selection) applyFade();
});

gg.nodes = nodes;
gg.edges = edges;
gg.FADED = FADED;
gg.edgeColour = edgeColour;
gg.colourOf = colourOf;
gg.arrowsOf = arrowsOf;
gg.bundleState = bundleState;
gg.soleOf = soleOf;
gg.countedPairs = function () { return counted; };
gg.mixedPairs = function () { return mixed; };
gg.restyle = applyFilters;
gg.veil = function () { return veilNow; };
gg.sendNodes = function (updates) { send(nodes, updates); };
gg.sendEdges = function (updates) { send(edges, updates); };
