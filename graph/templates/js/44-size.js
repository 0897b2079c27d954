/*
 * size: actor size by number of relations shown, by weighted degree (sum of
 * |intensity| of the relations shown, or of their event counts when every
 * relation has a numeric "events" column, as event imports write), or by betweenness at the date (shipped
 * per date step in payload.centrality by graph/payload/sizes.py, the same
 * computation as graph.centrality; nothing recomputed here). A "Size by"
 * select in the toolbar; state key "size" (URL size=weight).
 * Provides on gg: sizeValues() -> {actor id: value behind its size},
 * sizeLegendText() -> "Size: number of relations", sizeLegend() (a legend
 * line that follows the state), resize().
 * Subscribes: size, date, filters, compare -> node sizes and the legend line.
 * Uses: util, data, state, style.
 */
var store = gg.store, payload = gg.payload, nodes = gg.nodes, visId = gg.visId;
var centrality = payload.centrality || null;
var LABELS = {
  relations: "number of relations",
  weight: "weighted degree (sum of |intensity|)",
  betweenness: "betweenness centrality"
};
var OPTIONS = { relations: "relations", weight: "weighted degree", betweenness: "betweenness" };
var noCentrality = !centrality || !!centrality.skipped || !centrality.all;
// Event imports count the events behind each relation: weighted degree sums those.
var byEvents = gg.relations.length > 0 && gg.relations.every(function (e) {
  var v = gg.extraOf(e, "events");  // not e.extra: that makes every relation's record
  return typeof v === "number" && isFinite(v);
});
if (byEvents) LABELS.weight = "weighted degree (sum of event counts)";

function centralityStep(text) {
  if (noCentrality) return null;
  if (text === null || text === undefined) return centrality.all;
  var t = String(text);
  return centrality.steps[t] || centrality.steps[t.slice(0, 7)] || centrality.steps[t.slice(0, 4)] || null;
}
function weightOf(kind, e) {
  if (kind !== "weight") return 1;
  return byEvents ? Math.abs(gg.extraOf(e, "events")) : Math.abs(Number(e.intensity) || 0);
}
// by actor index (payload.nodes), from the coded ends: no look-up by id
var FROM = gg.codes.from, TO = gg.codes.to;
function add(at, kind, e, sign) {
  var w = sign * weightOf(kind, e), f = FROM[e.index], t = TO[e.index];
  at[f] += w;
  if (t !== f) at[t] += w;
}
function byId(at) {
  var out = new Map();
  payload.nodes.forEach(function (n, i) { out.set(n.id, at[i]); });
  return out;
}
// Sums over the relations shown, kept up to date by the relations whose shown
// state flipped (a date step at 283,359 relations flips a few thousand) when
// every weight is a whole number, so that the sums are exact in any order.
var sums = null;  // {size, at: Float64Array by actor index}
var whole = {};
function exact(kind) {
  if (!(kind in whole)) whole[kind] = gg.relations.every(function (e) { return Number.isInteger(weightOf(kind, e)); });
  return whole[kind];
}
function follow() {
  var kind = store.get().size;
  if (sums === null || sums.size !== kind || !exact(kind)) { sums = null; return; }
  var shownAt = store.shownAt(), flipped = store.flipped(), R = gg.relations;
  for (var k = 0; k < flipped.length; k++) {
    var r = flipped[k];
    add(sums.at, kind, R[r], shownAt[r] === 1 ? 1 : -1);
  }
}
function values() {
  var st = store.get(), out = new Map();
  if (st.size !== "betweenness" && sums !== null && sums.size === st.size) return byId(sums.at);
  if (st.size === "betweenness") {
    payload.nodes.forEach(function (n) { out.set(n.id, 0); });
    var step = centralityStep(st.date ? st.date.text : null);
    if (step) payload.nodes.forEach(function (n, i) { out.set(n.id, step[i]); });
    return out;
  }
  var shownAt = store.shownAt(), at = new Float64Array(payload.nodes.length);  // by index: no 283k id look-ups
  gg.relations.forEach(function (e) { if (shownAt[e.index] === 1) add(at, st.size, e, 1); });
  sums = { size: st.size, at: at };
  return byId(at);
}
var sent = new Map();
function sizeOf(kind, v, max) {
  if (kind === "relations") return Math.min(40, 14 + 3 * Math.sqrt(v));
  return max > 0 ? 12 + 28 * Math.sqrt(v / max) : 14;
}
function resize() {
  var st = store.get(), vals = values(), max = 0, updates = [];
  vals.forEach(function (v) { if (v > max) max = v; });
  vals.forEach(function (v, id) {
    var item = { id: visId(id) };
    if (gg.LARGE) item.value = st.size === "relations" ? v : (max > 0 ? 100 * v / max : 0);
    else item.size = Math.round(sizeOf(st.size, v, max) * 100) / 100;
    var key = gg.LARGE ? item.value : item.size;
    if (sent.get(id) !== key) { sent.set(id, key); updates.push(item); }
  });
  // large graphs: through 40-style.js's quiet path (vis rescales the actors, no whole-graph pass)
  if (updates.length) (gg.sendNodes || function (u) { nodes.update(u); })(updates);
  select.value = st.size;
  legendLine.textContent = sizeLegendText();
}
function sizeLegendText() {
  var st = store.get(), text = "Size: " + LABELS[st.size];
  if (st.size !== "betweenness") return text;
  if (noCentrality) return text + " (not computed)";
  // long timelines ship years only (graph/payload/sizes.py): a month shows its year's
  if (centrality.by === "year" && st.date) return text + " in " + st.date.text.slice(0, 4);
  return text;
}

var toolbar = document.querySelector(".gg-toolbar");
var select = gg.el("select");
select.id = "gg-size";
gg.SIZES.forEach(function (k) {
  var opt = gg.el("option", null, OPTIONS[k]);
  opt.value = k;
  if (k === "betweenness" && noCentrality) {
    opt.disabled = true;
    opt.title = centrality && centrality.skipped ? "not computed: " + centrality.skipped : "not in this page";
  }
  select.appendChild(opt);
});
if (toolbar) toolbar.appendChild(gg.control("Size by", select));
select.addEventListener("change", function () { store.set({ size: select.value }); });
var legendLine = gg.el("p", "gg-legend-note gg-size-note");
legendLine.id = "gg-size-legend";

store.subscribe(function (changed) {
  if (changed.date || changed.filters || changed.compare) follow();
  if (changed.size || changed.date || changed.filters || changed.compare) resize();
});
resize();

gg.sizeValues = function () {
  var out = {};
  values().forEach(function (v, id) { out[id] = v; });
  return out;
};
gg.sizeLegendText = sizeLegendText;
gg.sizeLegend = function () { return legendLine; };
gg.resize = resize;
