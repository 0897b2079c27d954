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
 *   cuts(st)          the keys of the thresholds on in state st (not at their
 *                     "off"): what hides relations besides the date and the filters
 *   words(key, value) a threshold in words ("at least 2 events")
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
  var v = P ? gg.extraOf(e, P.events) : null;
  return typeof v === "number" ? v : null;
}
function goldsteinOf(e) {
  var v = P && P.goldstein ? gg.extraOf(e, P.goldstein) : null;
  return typeof v === "number" ? v : null;
}
// Once, for every relation (by its index): its pair (an index; -1 for an actor
// with itself) and its tie strength (events, or |intensity| without counts);
// each pair's p-value. Pairs are keyed by the actors' indexes, not by strings.
var RELS = gg.relations, NA = gg.payload.nodes.length;
var pairOf = new Int32Array(RELS.length), strengthOf = new Float64Array(RELS.length);
var pairEnds = [], pairP = [];
(function () {
  var from = gg.codes.from, to = gg.codes.to, nodes = gg.payload.nodes;  // actors' indexes
  function key(a, b) { return a < b ? a * NA + b : b * NA + a; }
  var pKey = new Map();
  if (P) P.pairs.forEach(function (t) { pKey.set(key(t[0], t[1]), t[2]); });
  var index = new Map(), events = P ? gg.extraValues(P.events) : null;  // what eventsOf reads
  for (var r = 0; r < RELS.length; r++) {
    var n = events !== null && typeof events[r] === "number" ? events[r] : null, a = from[r], b = to[r];
    strengthOf[r] = n === null ? Math.abs(RELS[r].intensity) : n;
    if (a === b) { pairOf[r] = -1; continue; }
    var k = key(a, b), i = index.get(k);
    if (i === undefined) {
      i = pairEnds.length;
      index.set(k, i);
      pairEnds.push([nodes[a].id, nodes[b].id]);
      pairP.push(pKey.has(k) ? pKey.get(k) : null);
    }
    pairOf[r] = i;
  }
})();
function pOf(e) {
  var i = pairOf[e.index];
  return i === undefined || i < 0 ? null : pairP[i];
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
  var weight = new Float64Array(pairEnds.length), seen = new Uint8Array(pairEnds.length);
  var used = [];
  ids.forEach(function (id) {
    var r = gg.edgeById.get(id).index, i = pairOf[r];
    if (i < 0) return;  // an actor with itself is no tie
    if (!seen[i]) { seen[i] = 1; used.push(i); }
    weight[i] += strengthOf[r];
  });
  var byActor = new Map();
  used.forEach(function (i) {
    var ab = pairEnds[i];
    [[ab[0], ab[1]], [ab[1], ab[0]]].forEach(function (x) {
      var list = byActor.get(x[0]);
      if (!list) { list = []; byActor.set(x[0], list); }
      list.push({ other: x[1], pair: i });
    });
  });
  var kept = new Uint8Array(pairEnds.length);
  byActor.forEach(function (list) {
    list.sort(function (x, y) {
      return weight[y.pair] - weight[x.pair] || (x.other < y.other ? -1 : x.other > y.other ? 1 : 0);
    });
    for (var j = 0; j < list.length && j < k; j++) kept[list[j].pair] = 1;
  });
  var out = new Set();
  ids.forEach(function (id) {
    var i = pairOf[gg.edgeById.get(id).index];
    if (i >= 0 && kept[i]) out.add(id);
  });
  return out;
}

function cuts(st) {
  return KEYS.filter(function (k) { return has(k) && st[k] !== OFF[k]; });
}
function words(key, v) {
  if (key === "min_events") return "at least " + v + (v === 1 ? " event" : " events");
  if (key === "min_goldstein") return "|Goldstein| at least " + v;
  if (key === "top") return "the " + (v === 1 ? "strongest tie" : v + " strongest ties") + " per actor";
  return "backbone (disparity filter) \u03b1 = " + v;
}

var open = {};
KEYS.forEach(function (k) { open[k] = P && P.open && own(P.open, k) ? P.open[k] : OFF[k]; });

gg.events = {
  on: !!P, start: P ? P.start : null, open: open, KEYS: KEYS, OFF: OFF,
  maxEvents: P ? P.max_events : 0, maxGoldstein: P ? P.max_goldstein : 0,
  has: has, norm: norm, keep: keep, top: top, cuts: cuts, words: words,
  eventsOf: eventsOf, goldsteinOf: goldsteinOf, pOf: pOf
};
