/*
 * events: the rules that make an event-data graph readable (graph/payload/events.py).
 * Provides gg.events:
 *   on                true when the payload is event data (payload.events)
 *   start             the date the page opens at when the URL sets none (or null)
 *   open              the opening thresholds {min_events, min_goldstein, top, backbone}
 *   has(key)          whether the data has what the control `key` needs
 *   maxEvents, maxGoldstein
 *   norm(key, value)  a state value from any input (URL text, number), or undefined
 *   keep(e, st)       false when a threshold or the backbone hides relation e
 *   top(ids, k)       the ids of relations whose pair is among the k strongest
 *                     ties of one of its two actors (a tie's strength: the events
 *                     of its relations in ids, or their |intensity| without counts)
 *   eventsOf(e), goldsteinOf(e), pOf(e)
 * Uses: util, data.
 */
var P = gg.payload.events || null;
var KEYS = ["min_events", "min_goldstein", "top", "backbone"];
var OFF = { min_events: 0, min_goldstein: 0, top: 0, backbone: null };

function own(x, k) { return x && typeof x === "object" && Object.prototype.hasOwnProperty.call(x, k); }
function eventsOf(e) {
  var v = P && own(e.extra, P.events) ? e.extra[P.events] : null;
  return typeof v === "number" ? v : null;
}
function goldsteinOf(e) {
  var v = P && P.goldstein && own(e.extra, P.goldstein) ? e.extra[P.goldstein] : null;
  return typeof v === "number" ? v : null;
}
function pairKey(a, b) { return a < b ? a + "\u0000" + b : b + "\u0000" + a; }
var pValue = new Map();
if (P) {
  P.pairs.forEach(function (t) {
    pValue.set(pairKey(gg.payload.nodes[t[0]].id, gg.payload.nodes[t[1]].id), t[2]);
  });
}
function pOf(e) {
  var p = pValue.get(pairKey(e.from, e.to));
  return p === undefined ? null : p;
}
function has(key) {
  if (!P) return false;
  return key === "min_goldstein" ? !!P.goldstein : KEYS.indexOf(key) >= 0;
}

// Any input (a URL's text, a number from the API) -> the state's value, or undefined.
function norm(key, value) {
  if (value === null || value === undefined || value === "" || value === "off") return OFF[key];
  var x = Number(value);
  if (!isFinite(x) || x < 0) return undefined;
  if (key === "min_events" || key === "top") return Math.floor(x) === x ? x : undefined;
  if (key === "min_goldstein") return x <= 10 ? x : undefined;
  if (key === "backbone") return x > 0 && x <= 1 ? x : undefined;
  return undefined;
}

function keep(e, st) {
  if (!P) return true;
  if (st.min_events > 0) {
    var n = eventsOf(e);
    if (n === null || n < st.min_events) return false;
  }
  if (st.min_goldstein > 0 && P.goldstein) {
    var g = goldsteinOf(e);
    if (g === null || Math.abs(g) < st.min_goldstein) return false;
  }
  if (st.backbone !== null) {
    var p = pOf(e);
    if (p === null || !(p < st.backbone)) return false;
  }
  return true;
}

function top(ids, k) {
  var ties = new Map();  // pair key -> {a, b, w, ids}
  ids.forEach(function (id) {
    var e = gg.edgeById.get(id);
    if (e.from === e.to) return;  // an actor with itself is no tie
    var key = pairKey(e.from, e.to), t = ties.get(key);
    if (!t) { t = { key: key, a: e.from, b: e.to, w: 0, ids: [] }; ties.set(key, t); }
    var n = eventsOf(e);
    t.w += n === null ? Math.abs(e.intensity) : n;
    t.ids.push(id);
  });
  var byActor = new Map();
  ties.forEach(function (t) {
    [[t.a, t.b], [t.b, t.a]].forEach(function (ab) {
      if (!byActor.has(ab[0])) byActor.set(ab[0], []);
      byActor.get(ab[0]).push({ other: ab[1], tie: t });
    });
  });
  var kept = new Set();
  byActor.forEach(function (list) {
    list.sort(function (x, y) {
      return y.tie.w - x.tie.w || (x.other < y.other ? -1 : x.other > y.other ? 1 : 0);
    });
    for (var i = 0; i < list.length && i < k; i++) kept.add(list[i].tie.key);
  });
  var out = new Set();
  kept.forEach(function (key) { ties.get(key).ids.forEach(function (id) { out.add(id); }); });
  return out;
}

var open = {};
KEYS.forEach(function (k) { open[k] = P && P.open && own(P.open, k) ? P.open[k] : OFF[k]; });

gg.events = {
  on: !!P, start: P ? P.start : null, open: open, KEYS: KEYS, OFF: OFF,
  maxEvents: P ? P.max_events : 0, maxGoldstein: P ? P.max_goldstein : 0,
  has: has, norm: norm, keep: keep, top: top,
  eventsOf: eventsOf, goldsteinOf: goldsteinOf, pOf: pOf
};
