/*
 * compare: what changed between two dates (state: compare and date; the
 * earlier of the two is "from", whichever the reader set: store.compared()).
 * Provides on gg: changes() -> {from, to, new, ended, changed, pairs} or null
 * outside compare mode; changeOf(id) -> "new" | "ended" | "changed" |
 * "same" | null; pairChange(bundle) -> the look of a counted pair's line (below);
 * changeColour(e) (used by style's edgeColour); COMPARE_LOOK; compareEntries()
 * -> [{kind, label, colour}], the legend's (labels name the "from" date).
 * The rules are graph.diff's: new/ended are relations (any status) valid at
 * one date and not the other; a pair changed when its collapsed sign (sum of
 * the intensities of its facts and claims, as graph.signed_graph) or its
 * strongest status differs; "changed" lists the pair's relations valid at
 * both dates. Computed over all the data (filters only decide what is drawn),
 * when first asked for after the dates changed (style restyles before this
 * part hears of the change).
 * A counted pair's line (style's bundleState) from its relations shown: all
 * new, "new"; all ended, "ended"; else a pair that changed sign or status,
 * "changed"; else some new or ended, "turnover"; else "same".
 * Subscribes: date, compare, filters or selection -> colours and widths of the
 * lines (the opacity set by style's fading is kept).
 * Uses: util, data, state, style.
 */
var EDGES = gg.relations, store = gg.store, visId = gg.visId, bundleOf = gg.bundleOf;
var STATUS_ORDER = gg.STATUS_ALL;
var SIGNED = { fact: true, claim: true };
var LOOK = {
  "new": { colour: "#6a3d9a", label: "new since the earlier date" },
  ended: { colour: "#a6611a", label: "ended since the earlier date" },
  changed: { colour: "#e7298a", label: "pair changed sign or status" },
  turnover: { colour: "#1f78b4", label: "pair with new or ended relations" },
  same: { colour: "#c8c8c8", label: "unchanged" }
};
// kinds by code (kindAt): 0 none
var KINDS = [null, "new", "ended", "changed", "same"], CODE = { "new": 1, ended: 2, changed: 3, same: 4 };
var current = null;     // the last changes() result
var kindAt = new Uint8Array(EDGES.length);  // by relation index, in compare mode
var changedPairs = new Set(), computedFor = "";

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
  var a = pairStats(from), b = pairStats(to), pairs = [];
  changedPairs = new Set();
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
  kindAt.fill(0);
  EDGES.forEach(function (e) {
    var was = gg.validAt(e, from), now = gg.validAt(e, to), kind = null;
    if (now && !was) kind = "new";
    else if (was && !now) kind = "ended";
    else if (was && now) kind = e.from !== e.to && changedPairs.has(pairKey(e)) ? "changed" : "same";
    if (kind === null) return;
    kindAt[e.index] = CODE[kind];
    if (kind !== "same") out[kind].push(e.id);
  });
  return out;
}
// The changes for the dates of the state now (computed once per pair of dates).
function ensure() {
  var c = store.compared(), key = c === null ? "" : c.from.text + "\u0000" + c.to.text;
  if (key === computedFor) return;
  computedFor = key;
  current = c === null ? null : compute(c.from, c.to);
  if (current === null) { kindAt.fill(0); changedPairs = new Set(); }
}
function changeColour(e) {
  ensure();
  if (current === null) return null;
  var kind = KINDS[kindAt[e.index]];
  return kind ? LOOK[kind].colour : null;
}
function pairChange(b) {
  ensure();
  if (current === null) return null;
  var shownAt = store.shownAt(), n = 0, born = 0, gone = 0, m = b.members;
  for (var i = 0; i < m.length; i++) {
    if (shownAt[m[i].index] !== 1) continue;
    n++;
    var k = kindAt[m[i].index];
    if (k === 1) born++; else if (k === 2) gone++;
  }
  if (n === 0) return null;
  if (born === n) return "new";
  if (gone === n) return "ended";
  if (b.from !== b.to && changedPairs.has(pairKey(b))) return "changed";
  return born || gone ? "turnover" : "same";
}
// The legend's entries: the kinds lines can have here (a counted pair's own only
// where there are counted pairs), the dates named.
function compareEntries() {
  ensure();
  var from = current === null ? null : current.from;
  return ["new", "ended", "changed", "turnover", "same"].filter(function (k) {
    return k !== "turnover" || gg.bundles.length > 0;
  }).map(function (k) {
    var label = from !== null && (k === "new" || k === "ended") ? LOOK[k].label.replace("the earlier date", from) : LOOK[k].label;
    return { kind: k, label: label, colour: LOOK[k].colour };
  });
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
    var kind = current === null ? null : KINDS[kindAt[e.index]];
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
  ensure();
  redraw();
}
refresh();
store.subscribe(function (changed) {
  if (changed.date || changed.compare) refresh();
  else if ((changed.filters || changed.selection) && current !== null) redraw();
});

gg.changes = function () {
  ensure();
  if (current === null) return null;
  return { from: current.from, to: current.to, "new": current["new"].slice(),
           ended: current.ended.slice(), changed: current.changed.slice(),
           pairs: current.pairs.map(function (p) { return JSON.parse(JSON.stringify(p)); }) };
};
gg.changeOf = function (id) {
  ensure();
  var e = current === null ? undefined : gg.edgeById.get(String(id));
  return e === undefined ? null : KINDS[kindAt[e.index]];
};
gg.changeColour = changeColour;
gg.pairChange = pairChange;
gg.compareEntries = compareEntries;
gg.COMPARE_LOOK = LOOK;
