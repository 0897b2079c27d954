/*
 * compare: what changed between two dates (state: compare = from, date = to).
 * Provides on gg: changes() -> {from, to, new, ended, changed, pairs} or null
 * outside compare mode; changeOf(id) -> "new" | "ended" | "changed" |
 * "same" | null; changeColour(e) (used by style's edgeColour); COMPARE_LOOK.
 * The rules are graph.diff's: new/ended are relations (any status) valid at
 * one date and not the other; a pair changed when its collapsed sign (sum of
 * the intensities of its facts and claims, as graph.signed_graph) or its
 * strongest status differs; "changed" lists the pair's relations valid at
 * both dates. Computed over all the data (filters only decide what is drawn).
 * Subscribes: date, compare, filters or selection -> colours and widths of the
 * lines (the opacity set by style's fading is kept).
 * Uses: util, data, state, style.
 */
var EDGES = gg.relations, store = gg.store, visId = gg.visId, bundleOf = gg.bundleOf;
var STATUS_ORDER = gg.STATUS_ALL;
var SIGNED = { fact: true, claim: true };
var LOOK = {
  "new": { colour: "#6a3d9a", label: "new since the first date" },
  ended: { colour: "#a6611a", label: "ended since the first date" },
  changed: { colour: "#e7298a", label: "pair changed sign or status" },
  same: { colour: "#c8c8c8", label: "unchanged" }
};
var current = null;     // the last changes() result
var kindOf = new Map(); // relation id -> kind, in compare mode

function pairKey(e) { return e.from < e.to ? e.from + "\u0000" + e.to : e.to + "\u0000" + e.from; }
function pairStats(at) {
  var out = new Map();
  EDGES.forEach(function (e) {
    if (e.from === e.to || !gg.validAt(e, at)) return;
    var k = pairKey(e), s = out.get(k);
    if (!s) { s = { sum: 0, best: null, from: e.from < e.to ? e.from : e.to, to: e.from < e.to ? e.to : e.from }; out.set(k, s); }
    if (SIGNED[e.status] && typeof e.intensity === "number") s.sum += e.intensity;
    var rank = STATUS_ORDER.indexOf(e.status);
    if (s.best === null || rank < STATUS_ORDER.indexOf(s.best)) s.best = e.status;
  });
  return out;
}
function signOf(s) { return !s ? 0 : s.sum > 0 ? 1 : s.sum < 0 ? -1 : 0; }

function compute(from, to) {
  var a = pairStats(from), b = pairStats(to), pairs = [], changedPairs = new Set();
  var keys = new Set(Array.from(a.keys()).concat(Array.from(b.keys())));
  Array.from(keys).sort().forEach(function (k) {
    var x = a.get(k), y = b.get(k), p = x || y;
    var signs = [signOf(x), signOf(y)];
    var statuses = x && y ? [x.best, y.best] : null;
    var signChanged = signs[0] !== signs[1], statusChanged = !!statuses && statuses[0] !== statuses[1];
    if (!signChanged && !statusChanged) return;
    changedPairs.add(k);
    pairs.push({ source: p.from, target: p.to, sign: signChanged ? signs : null,
                 status: statusChanged ? statuses : null });
  });
  var out = { from: from.text, to: to.text, "new": [], ended: [], changed: [], pairs: pairs };
  kindOf = new Map();
  EDGES.forEach(function (e) {
    var was = gg.validAt(e, from), now = gg.validAt(e, to), kind = null;
    if (now && !was) kind = "new";
    else if (was && !now) kind = "ended";
    else if (was && now) kind = e.from !== e.to && changedPairs.has(pairKey(e)) ? "changed" : "same";
    if (kind === null) return;
    kindOf.set(e.id, kind);
    if (kind !== "same") out[kind].push(e.id);
  });
  return out;
}
function active() {
  var st = store.get();
  return st.date !== null && st.compare !== null;
}
function changeColour(e) {
  if (current === null) return null;
  var kind = kindOf.get(e.id);
  return kind ? LOOK[kind].colour : null;
}

var wasOn = false;  // whether the lines carry the compare look now
// Only the lines whose colour or width differs from what the DataSet holds are
// sent, by style's path (large graphs: set in place, no whole-graph pass), so a
// click in compare mode restyles the selected line, not every line.
function redraw() {
  if (current === null && !wasOn) return;
  var st = store.get(), updates = [], singles = EDGES.filter(function (e) { return !bundleOf(e); });
  // aggregated pairs keep their summary look
  var items = gg.edges.get(singles.map(function (e) { return visId(e.id); }));
  singles.forEach(function (e, i) {
    var kind = current === null ? null : kindOf.get(e.id);
    var wide = kind === "new" || kind === "ended" || kind === "changed";
    // the fading of a selection (style's applyFade, run before) stays as it is
    var item = items[i];
    var opacity = item && item.color && typeof item.color.opacity === "number" ? item.color.opacity : 1;
    var base = gg.LARGE ? Math.min(e.width, 3) : e.width;
    var width = st.edge === e.id ? Math.max(5, base * 2) : wide ? Math.max(base, 3.5) : base;
    var colour = gg.edgeColour(e, opacity);
    if (item && item.width === width && item.color && item.color.color === colour.color &&
        item.color.highlight === colour.highlight && item.color.hover === colour.hover &&
        item.color.opacity === colour.opacity && item.color.inherit === false) return;
    updates.push({ id: visId(e.id), color: colour, width: width });
  });
  if (updates.length) gg.sendEdges(updates);
  wasOn = current !== null;
}
function refresh() {
  var st = store.get();
  current = active() ? compute(st.compare, st.date) : null;
  if (current === null) kindOf = new Map();
  redraw();
}
refresh();
store.subscribe(function (changed) {
  if (changed.date || changed.compare) refresh();
  else if ((changed.filters || changed.selection) && current !== null) redraw();
});

gg.changes = function () {
  if (current === null) return null;
  return { from: current.from, to: current.to, "new": current["new"].slice(),
           ended: current.ended.slice(), changed: current.changed.slice(),
           pairs: current.pairs.map(function (p) { return JSON.parse(JSON.stringify(p)); }) };
};
gg.changeOf = function (id) { return current === null ? null : kindOf.get(String(id)) || null; };
gg.changeColour = changeColour;
gg.COMPARE_LOOK = LOOK;
