/*
 * data: reads the payload and derives what the page draws from it.
 * Provides on gg: payload (deep-frozen: no part may change it; its edges, the
 * plain columns, are made on first read), relations (one object per relation,
 * decoded from the page's columns, with its drawing: color, dashes, width,
 * smooth, first/last day, and its index in relations; its extra, frozen, is
 * made on first read), extraOf(e, name) (one extra attribute of e, or
 * undefined, without making e.extra), extraValues(name) (that of every
 * relation, by index), bundles (the page's copy of
 * payload.bundles: relations as ids, members as relation objects, visId),
 * nodeById, edgeById, edgesOfNode (get and has: made on first use, or by
 * indexRelations(), which main calls when idle once the page is ready), bundleOf(e), drawnEdgeId(id),
 * findBundle(a, b), nodeName(id), sourceOf(e), arrow(e), N, LARGE, codes (the
 * coded columns from, to, status, relation, start, end, said_by, source_id:
 * Int32Arrays by relation index of indexes into the payload's tables, -1 none),
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
// Ids from their template, "{from}-{to}-{start}-{relation}": each half of the
// id (from and to; start and relation) is made once per distinct combination
// of codes and each id is the two joined, one concatenation per relation
// rather than eight (the ids of 283k relations: a quarter of the decode).
function fillTemplate(form, p, cols, n) {
  var names = p.nodes.map(function (x) { return x.id; });
  var parts = form.split(/\{(from|to|start|relation)\}/), out = new Array(n), fields = [];
  for (var j = 1; j < parts.length; j += 2) {
    var f = parts[j], table = f === "from" || f === "to" ? names : f === "relation" ? p.relations : p.dates;
    // texts by code + 1; 0: none (an undated start)
    fields.push({ col: cols[f], texts: [f === "start" ? "undated" : undefined].concat(table), after: parts[j + 1] });
  }
  var mid = Math.ceil(fields.length / 2);
  function half(from, to, lead) {
    var memo = new Map();
    return function (i) {
      var key = 0;
      for (var k = from; k < to; k++) {
        var c = fields[k].col[i];
        key = key * fields[k].texts.length + (c === null ? 0 : c + 1);
      }
      var s = memo.get(key);
      if (s === undefined) {
        s = lead;
        for (k = from; k < to; k++) {
          c = fields[k].col[i];
          s += fields[k].texts[c === null ? 0 : c + 1] + fields[k].after;
        }
        memo.set(key, s);
      }
      return s;
    };
  }
  var left = half(0, mid, parts[0]), right = half(mid, fields.length, "");
  for (var i = 0; i < n; i++) out[i] = left(i) + right(i);
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
// The plain columns of the payload's relations (all but extra), from the page's form.
function expandColumns(p, enc) {
  var n = enc.n, cols = {}, edges = {};
  Object.keys(enc.columns).forEach(function (name) {
    if (name !== "id") cols[name] = decodeColumn(enc.columns[name], n, p, cols);
  });
  cols.id = decodeColumn(enc.columns.id, n, p, cols);
  Object.keys(enc.columns).forEach(function (name) { edges[name] = cols[name]; });
  return edges;
}
var rawPayload = JSON.parse(document.getElementById("gg-data").textContent);
var COMPACT = rawPayload.edges && rawPayload.edges.n !== undefined ? rawPayload.edges : null;
var COLUMNS = COMPACT ? expandColumns(rawPayload, COMPACT) : rawPayload.edges;
var NR = COLUMNS.id.length;

// A relation's extra attributes are made when something reads them (the panel,
// the sizes by events), each column parsed (from its own element: all but the
// event counts) and decoded on its first read: at 283k relations the extra
// columns are 12 of the 20 MB of JSON (the evidence URLs alone 370k strings),
// which the page opens without. gg.extraOf(e, name) reads one attribute without making the record.
var EXTRA = COMPACT ? COMPACT.extra : null, EXTRA_NAMES = EXTRA ? Object.keys(EXTRA) : [];
var extraCols = Object.create(null), extraRows = null;
function extraColumn(name) {
  var c = extraCols[name];
  if (c === undefined) {
    var enc = EXTRA[name];
    // kept out of the payload's JSON (graph/payload/compact.py page_columns): its own element's
    if (enc !== null && enc.k === "page") enc = JSON.parse(document.getElementById(enc.id).textContent);
    c = extraCols[name] = { values: decodeColumn(enc, NR, rawPayload, {}) };
  }
  return c;
}
function plainExtra() {
  // a payload with plain columns (no compact form): rows given as [[index, {name: value}]]
  var rows = new Array(NR).fill(null);
  (COLUMNS.extra || []).forEach(function (x) { rows[x[0]] = deepFreeze(x[1]); });
  return rows;
}
function extraRow(i) {
  if (extraRows === null) extraRows = EXTRA ? new Array(NR) : plainExtra();
  var row = extraRows[i];
  if (row !== undefined) return row;
  row = null;
  for (var j = 0; j < EXTRA_NAMES.length; j++) {
    var c = extraColumn(EXTRA_NAMES[j]);
    // an empty cell (null) is no attribute, as in the graph: the panel lists none
    if (c.values[i] === null) continue;
    if (row === null) row = {};
    row[EXTRA_NAMES[j]] = c.values[i];
  }
  extraRows[i] = row === null ? null : deepFreeze(row);
  return extraRows[i];
}
function extraOf(e, name) {
  if (!EXTRA) { var row = extraRow(e.index); return row !== null && gg.own(row, name) ? row[name] : undefined; }
  if (!Object.prototype.hasOwnProperty.call(EXTRA, name)) return undefined;
  var v = extraColumn(name).values[e.index];
  return v === null ? undefined : v;
}
// Every relation's value of one extra attribute, by relation index (undefined
// where absent): what extraOf gives, read as one column.
function extraValues(name) {
  var out = new Array(NR), i;
  if (!EXTRA) { for (i = 0; i < NR; i++) out[i] = extraOf(EDGES[i], name); return out; }
  if (!Object.prototype.hasOwnProperty.call(EXTRA, name)) return out;
  var c = extraColumn(name);
  for (i = 0; i < NR; i++) out[i] = c.values[i] === null ? undefined : c.values[i];
  return out;
}
// payload.edges, the plain columns of graph.payload.view_payload, made (and
// frozen) on first read: nothing in the page reads them.
var plainEdges = null;
function publishedEdges() {
  if (plainEdges !== null) return plainEdges;
  var edges = COMPACT ? expandColumns(rawPayload, COMPACT) : COLUMNS, rows = [];
  for (var i = 0; i < NR; i++) { var x = extraRow(i); if (x !== null) rows.push([i, x]); }
  edges.extra = rows;
  plainEdges = deepFreeze(edges);
  return plainEdges;
}
delete rawPayload.edges;
Object.keys(rawPayload).forEach(function (k) { deepFreeze(rawPayload[k]); });
Object.defineProperty(rawPayload, "edges", { get: publishedEdges, enumerable: true });
var payload = Object.freeze(rawPayload);
var STYLE = payload.styles;
var WIDTH = payload.legend.width;
var SIGN_NAMES = gg.SIGN_NAMES;

// Drawing is derived here from the data: colour by sign, dashes by status,
// width by intensity (graph.payload.edge_width is the same formula), so the
// payload carries each relation once and nothing computed from it.
function edgeWidth(intensity) {
  return Math.round((WIDTH.min + WIDTH.per_intensity * Math.min(Math.abs(intensity), 10)) * 100) / 100;
}
// The relations' coded columns as typed arrays by relation index (indexes into
// the payload's tables, -1 for none): what the relations are made from, and
// what the filters' codes, the event ties and the table's date order read
// instead of 283k relation objects.
function codeColumn(list) {
  var out = new Int32Array(NR);
  for (var i = 0; i < NR; i++) { var v = list[i]; out[i] = v === null || v === undefined ? -1 : v; }
  return out;
}
var CODES = {};
["from", "to", "status", "relation", "start", "end", "said_by", "source_id"].forEach(function (k) {
  CODES[k] = codeColumn(COLUMNS[k]);
});
// Each table's texts once, by code + 1 (0: none), so that a relation is made by
// array reads: no per-relation String(sign), hasOwnProperty or branch on null.
function byCode(values, fn) { return [null].concat(values.map(fn || function (v) { return v; })); }
var T = {
  node: payload.nodes.map(function (n) { return n.id; }), relation: payload.relations,
  status: payload.statuses, start: byCode(payload.dates), end: byCode(payload.dates),
  first: byCode(payload.date_spans, function (d) { return d[0]; }),
  last: byCode(payload.date_spans, function (d) { return d[1]; }),
  dashes: payload.statuses.map(function (s) { return gg.own(STYLE.status_dashes, s) || false; }),
  source: byCode(payload.source_ids), speaker: byCode(payload.speakers), sign: new Map()
};
function signOf(sign) {  // [name, colour] of a sign value
  var x = T.sign.get(sign);
  if (x === undefined) T.sign.set(sign, x = [SIGN_NAMES[String(sign)], STYLE.sign_colours[String(sign)]]);
  return x;
}
// One per relation; its extra attributes come from the prototype (made on read).
function Relation(c, i) {
  var status = CODES.status[i], sign = c.sign[i], s = signOf(sign), intensity = c.intensity[i];
  var start = CODES.start[i] + 1, end = CODES.end[i] + 1;
  this.id = c.id[i];
  this.from = T.node[CODES.from[i]];
  this.to = T.node[CODES.to[i]];
  this.relation = T.relation[CODES.relation[i]];
  this.sign = sign;
  this.signName = s[0];
  this.intensity = intensity;
  this.directed = c.directed[i];
  this.status = T.status[status];
  this.start = T.start[start];
  this.end = T.end[end];
  // the interval the relation covers: its start's first day to its end's last day
  this.first = T.first[start];
  this.last = T.last[end];
  this.source_id = T.source[CODES.source_id[i] + 1];
  this.said_by = T.speaker[CODES.said_by[i] + 1];
  this.quote = c.quote[i];
  this.note = c.note[i];
  this.bundle = null;
  this.index = i;
  this.color = s[1];
  this.dashes = T.dashes[status];
  this.width = edgeWidth(intensity);
  this.smooth = null;
  this.selfReference = null;
}
Object.defineProperty(Relation.prototype, "extra", {
  get: function () { return extraRow(this.index); }, enumerable: true
});
// JSON.stringify(relation) keeps its extra, as when it was the relation's own
Object.defineProperty(Relation.prototype, "toJSON", {
  value: function () {
    var out = {};
    for (var k in this) out[k] = this[k];  // own properties, then extra
    return out;
  }
});
function decodeEdges(c) {
  var out = new Array(NR);
  for (var i = 0; i < NR; i++) out[i] = new Relation(c, i);
  return out;
}
var EDGES = decodeEdges(COLUMNS);
if (COMPACT) COLUMNS = null;  // the page's copy of the columns is gg.relations

var nodeById = new Map();
payload.nodes.forEach(function (n) { nodeById.set(n.id, n); });
// The relations by id and by actor, made on first use (at 283k relations the
// page can open without them: hashing 283k ids is a tenth of its start).
var byId = null, byNode = null;
function indexEdges() {
  byId = new Map();
  for (var i = 0; i < EDGES.length; i++) byId.set(EDGES[i].id, EDGES[i]);
}
function indexNodes() {
  byNode = new Map();
  function add(id, e) {
    var list = byNode.get(id);
    if (list === undefined) byNode.set(id, [e]); else list.push(e);
  }
  for (var i = 0; i < EDGES.length; i++) {
    var e = EDGES[i];
    add(e.from, e);
    if (e.to !== e.from) add(e.to, e);
  }
}
var edgeById = {
  get: function (id) { if (byId === null) indexEdges(); return byId.get(id); },
  has: function (id) { if (byId === null) indexEdges(); return byId.has(id); }
};
var edgesOfNode = {
  get: function (id) { if (byNode === null) indexNodes(); return byNode.get(id); },
  has: function (id) { if (byNode === null) indexNodes(); return byNode.has(id); }
};

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
gg.codes = CODES;
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
gg.extraOf = extraOf;
gg.extraValues = extraValues;
// made once the page is ready, in idle time, so that the first action need not
gg.indexRelations = function () {
  if (byId === null) indexEdges();
  if (byNode === null) indexNodes();
};
gg.arrow = function (e) { return e.directed ? " \u2192 " : " \u2014 "; };
gg.N = payload.nodes.length;
gg.LARGE = !!payload.large;  // graph.payload: more than 150 actors or 1,500 drawn edges
gg.STATUS_ALL = payload.statuses.slice();
gg.SIGN_ALL = ["hostile", "cooperative", "neutral"];
gg.KNOWN = { status: gg.STATUS_ALL, sign: gg.SIGN_ALL, relation: payload.relations.slice(),
             group: payload.groups.slice() };
