/*
 * data: reads the payload and derives what the page draws from it.
 * Provides on gg: payload (deep-frozen: no part may change it), relations (one
 * object per relation, decoded from payload.edges, with its drawing: color,
 * dashes, width, smooth, first/last day, and its index in relations), bundles (the page's copy of
 * payload.bundles: relations as ids, members as relation objects, visId),
 * nodeById, edgeById, edgesOfNode, bundleOf(e), drawnEdgeId(id),
 * findBundle(a, b), nodeName(id), sourceOf(e), arrow(e), N, LARGE,
 * STATUS_ALL, SIGN_ALL, KNOWN (filter kind -> every value), BUNDLE_PREFIX.
 * Uses: util.
 */
// Arrays by index: Object.keys of a column of 283,359 numbers would make as many
// strings, and most items are numbers, which need no call.
function deepFreeze(value) {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  Object.freeze(value);
  var i, v;
  if (Array.isArray(value)) {
    for (i = 0; i < value.length; i++) {
      v = value[i];
      if (v !== null && typeof v === "object") deepFreeze(v);
    }
  } else {
    var keys = Object.keys(value);
    for (i = 0; i < keys.length; i++) {
      v = value[keys[i]];
      if (v !== null && typeof v === "object") deepFreeze(v);
    }
  }
  return value;
}
// The page holds the relation columns compact (graph/payload/compact.py); they are
// expanded here into the plain lists of graph.payload.view_payload, before anything
// reads them, so gg.payload is that payload.
function unfront(flat) {
  var out = [], prev = "";
  for (var i = 0; i < flat.length; i += 2) { prev = prev.slice(0, flat[i]) + flat[i + 1]; out.push(prev); }
  return out;
}
function fillTemplate(form, p, cols, n) {
  var names = p.nodes.map(function (x) { return x.id; });
  var parts = form.split(/\{(from|to|start|relation)\}/), out = new Array(n);
  for (var i = 0; i < n; i++) {
    var s = parts[0];
    for (var j = 1; j < parts.length; j += 2) {
      var f = parts[j], k = cols[f][i], v;
      if (f === "from" || f === "to") v = names[k];
      else if (f === "relation") v = p.relations[k];
      else v = k === null ? "undated" : p.dates[k];
      s += v + parts[j + 1];
    }
    out[i] = s;
  }
  return out;
}
function decodeColumn(enc, n, p, cols) {
  if (Array.isArray(enc)) return enc;
  var out, i, j, k = enc.k, v = enc.v;
  if (k === "list") return v.slice();
  if (k === "const") { out = new Array(n); for (i = 0; i < n; i++) out[i] = v; return out; }
  if (k === "bool") { out = new Array(n); for (i = 0; i < n; i++) out[i] = v.charCodeAt(i) === 49; return out; }
  if (k === "runs") {
    out = [];
    for (i = 0; i < v.length; i += 2) for (j = 0; j < v[i + 1]; j++) out.push(v[i]);
    return out;
  }
  if (k === "table") return enc.c.map(function (c) { return c === null ? null : enc.t[c]; });
  if (k === "words") {
    // joined with +, not join(): the texts share the table's strings instead of
    // copying them (283k relations' URLs: tens of MB)
    var t = unfront(enc.t), c = enc.c;
    out = new Array(c.length);
    for (i = 0; i < c.length; i++) {
      var x = c[i];
      if (x === null || !Array.isArray(x)) { out[i] = x === null ? null : t[x]; continue; }
      var s = x.length ? t[x[0]] : "";
      for (j = 1; j < x.length; j++) s += " " + t[x[j]];
      out[i] = s;
    }
    return out;
  }
  if (k === "template") {
    out = fillTemplate(enc.f, p, cols, n);
    enc.x.forEach(function (x) { out[x[0]] = x[1]; });
    return out;
  }
  throw new Error("geograph: unknown column encoding " + k);
}
function expandEdges(p) {
  var enc = p.edges;
  if (!enc || enc.n === undefined) return;  // already plain columns
  var n = enc.n, cols = {}, edges = {}, rows = [];
  Object.keys(enc.columns).forEach(function (name) {
    if (name !== "id") cols[name] = decodeColumn(enc.columns[name], n, p, cols);
  });
  cols.id = decodeColumn(enc.columns.id, n, p, cols);
  Object.keys(enc.columns).forEach(function (name) { edges[name] = cols[name]; });
  // row by row, each row's keys in the columns' order: [[row, {name: value}]] ascending
  var names = Object.keys(enc.extra), values = [], absent = [], i, j;
  names.forEach(function (name) {
    var e = enc.extra[name], mask = new Uint8Array(n);
    values.push(decodeColumn(e, n, p, cols));
    (e.a || []).forEach(function (r) { mask[r] = 1; });
    absent.push(mask);
  });
  for (i = 0; i < n; i++) {
    var row = null;
    for (j = 0; j < names.length; j++) {
      if (absent[j][i]) continue;
      if (row === null) row = {};
      row[names[j]] = values[j][i];
    }
    if (row !== null) rows.push([i, row]);
  }
  edges.extra = rows;
  p.edges = edges;
}
var rawPayload = JSON.parse(document.getElementById("gg-data").textContent);
expandEdges(rawPayload);
var payload = deepFreeze(rawPayload);
var STYLE = payload.styles;
var WIDTH = payload.legend.width;
var SIGN_NAMES = gg.SIGN_NAMES;

// Drawing is derived here from the data: colour by sign, dashes by status,
// width by intensity (graph.payload.edge_width is the same formula), so the
// payload carries each relation once and nothing computed from it.
function edgeWidth(intensity) {
  return Math.round((WIDTH.min + WIDTH.per_intensity * Math.min(Math.abs(intensity), 10)) * 100) / 100;
}
function decodeEdges(p) {
  var c = p.edges, out = new Array(c.id.length);
  function at(table, k) { return k === null ? null : table[k]; }
  for (var i = 0; i < out.length; i++) {
    var start = c.start[i], end = c.end[i], status = p.statuses[c.status[i]], sign = c.sign[i];
    out[i] = {
      id: c.id[i], from: p.nodes[c.from[i]].id, to: p.nodes[c.to[i]].id,
      relation: p.relations[c.relation[i]], sign: sign, signName: SIGN_NAMES[String(sign)],
      intensity: c.intensity[i], directed: c.directed[i], status: status,
      start: at(p.dates, start), end: at(p.dates, end),
      // the interval the relation covers: its start's first day to its end's last day
      first: start === null ? null : p.date_spans[start][0],
      last: end === null ? null : p.date_spans[end][1],
      source_id: at(p.source_ids, c.source_id[i]), said_by: at(p.speakers, c.said_by[i]),
      quote: c.quote[i], note: c.note[i], extra: null, bundle: null, index: i,
      color: STYLE.sign_colours[String(sign)], dashes: gg.own(STYLE.status_dashes, status) || false,
      width: edgeWidth(c.intensity[i]), smooth: null, selfReference: null
    };
  }
  c.extra.forEach(function (x) { out[x[0]].extra = x[1]; });
  return out;
}
var EDGES = decodeEdges(payload);

var nodeById = new Map();
payload.nodes.forEach(function (n) { nodeById.set(n.id, n); });
var edgeById = new Map();
var edgesOfNode = new Map();
(function () {
  function add(id, e) {
    var list = edgesOfNode.get(id);
    if (list === undefined) edgesOfNode.set(id, [e]); else list.push(e);
  }
  for (var i = 0; i < EDGES.length; i++) {
    var e = EDGES[i];
    edgeById.set(e.id, e);
    add(e.from, e);
    if (e.to !== e.from) add(e.to, e);
  }
})();

// Aggregated pairs. Their vis ids start with "geograph:pair:", which visId() never
// gives a relation id (those are either unprefixed or "geograph:" + "geograph:..."
// or + an Object.prototype name).
var BUNDLE_PREFIX = "geograph:pair:";
var bundles = (payload.bundles || []).map(function (pb) {
  var n = pb.relations.length, members = new Array(n), ids = new Array(n);
  for (var i = 0; i < n; i++) {
    var e = EDGES[pb.relations[i]];
    members[i] = e;
    ids[i] = e.id;
    e.bundle = pb.id;
  }
  return {
    id: pb.id, from: pb.from, to: pb.to, count: pb.count, visId: BUNDLE_PREFIX + pb.id,
    members: members, relations: ids,
    shownCount: -1, opacity: 1, fade: "1", look: "", state: null
  };
});
var bundleByVisId = new Map();
bundles.forEach(function (b) { bundleByVisId.set(b.visId, b); });
function bundleOf(e) { return e.bundle === null || e.bundle === undefined ? null : bundles[e.bundle]; }
function drawnEdgeId(id) {
  var e = edgeById.get(id);
  if (!e) return null;
  var b = bundleOf(e);
  return b ? b.visId : gg.visId(e.id);
}
function findBundle(a, b) {
  for (var i = 0; i < bundles.length; i++) {
    var x = bundles[i];
    if ((x.from === a && x.to === b) || (x.from === b && x.to === a)) return x;
  }
  return null;
}
function nodeName(id) { var n = nodeById.get(id); return n ? n.name : String(id); }
function sourceOf(e) {
  var s = payload.sources || {};
  return e.source_id !== null && Object.prototype.hasOwnProperty.call(s, e.source_id) ? s[e.source_id] : null;
}

gg.payload = payload;
gg.STYLE = STYLE;
gg.relations = EDGES;
gg.nodeById = nodeById;
gg.edgeById = edgeById;
gg.edgesOfNode = edgesOfNode;
gg.bundles = bundles;
gg.bundleByVisId = bundleByVisId;
gg.BUNDLE_PREFIX = BUNDLE_PREFIX;
gg.bundleOf = bundleOf;
gg.drawnEdgeId = drawnEdgeId;
gg.findBundle = findBundle;
gg.nodeName = nodeName;
gg.sourceOf = sourceOf;
gg.arrow = function (e) { return e.directed ? " \u2192 " : " \u2014 "; };
gg.N = payload.nodes.length;
gg.LARGE = !!payload.large;  // graph.payload: more than 150 actors or 1,500 drawn edges
gg.STATUS_ALL = payload.statuses.slice();
gg.SIGN_ALL = ["hostile", "cooperative", "neutral"];
gg.KNOWN = { status: gg.STATUS_ALL, sign: gg.SIGN_ALL, relation: payload.relations.slice(),
             group: payload.groups.slice() };
