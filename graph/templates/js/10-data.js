/*
 * data: reads the payload and derives what the page draws from it.
 * Provides on gg: payload (deep-frozen: no part may change it), relations (one
 * object per relation, decoded from payload.edges, with its drawing: color,
 * dashes, width, smooth, first/last day), bundles (the page's copy of
 * payload.bundles: relations as ids, members as relation objects, visId),
 * nodeById, edgeById, edgesOfNode, bundleOf(e), drawnEdgeId(id),
 * findBundle(a, b), nodeName(id), sourceOf(e), arrow(e), N, LARGE,
 * STATUS_ALL, SIGN_ALL, KNOWN (filter kind -> every value), BUNDLE_PREFIX.
 * Uses: util.
 */
function deepFreeze(value) {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.keys(value).forEach(function (k) { deepFreeze(value[k]); });
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
    var t = unfront(enc.t);
    return enc.c.map(function (c) {
      if (c === null) return null;
      return Array.isArray(c) ? c.map(function (x) { return t[x]; }).join(" ") : t[c];
    });
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
  var n = enc.n, cols = {}, edges = {}, extra = {}, rows = [];
  Object.keys(enc.columns).forEach(function (name) {
    if (name !== "id") cols[name] = decodeColumn(enc.columns[name], n, p, cols);
  });
  cols.id = decodeColumn(enc.columns.id, n, p, cols);
  Object.keys(enc.columns).forEach(function (name) { edges[name] = cols[name]; });
  Object.keys(enc.extra).forEach(function (name) {
    var e = enc.extra[name], values = decodeColumn(e, n, p, cols), absent = new Set(e.a || []);
    for (var i = 0; i < n; i++) {
      if (absent.has(i)) continue;
      if (!extra[i]) { extra[i] = {}; rows.push(i); }
      extra[i][name] = values[i];
    }
  });
  rows.sort(function (a, b) { return a - b; });
  edges.extra = rows.map(function (i) { return [i, extra[i]]; });
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
      quote: c.quote[i], note: c.note[i], extra: null, bundle: null,
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
EDGES.forEach(function (e) {
  edgeById.set(e.id, e);
  [e.from, e.to].forEach(function (id, i) {
    if (i === 1 && e.to === e.from) return;
    if (!edgesOfNode.has(id)) edgesOfNode.set(id, []);
    edgesOfNode.get(id).push(e);
  });
});

// Aggregated pairs. Their vis ids start with "geograph:pair:", which visId() never
// gives a relation id (those are either unprefixed or "geograph:" + "geograph:..."
// or + an Object.prototype name).
var BUNDLE_PREFIX = "geograph:pair:";
var bundles = (payload.bundles || []).map(function (pb) {
  var members = pb.relations.map(function (i) { return EDGES[i]; });
  var b = {
    id: pb.id, from: pb.from, to: pb.to, count: pb.count, visId: BUNDLE_PREFIX + pb.id,
    members: members, relations: members.map(function (e) { return e.id; }),
    shownCount: -1, opacity: 1, fade: "1", look: "", state: null
  };
  members.forEach(function (e) { e.bundle = b.id; });
  return b;
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
