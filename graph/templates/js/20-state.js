/*
 * state: the one view state, and the only place that changes it.
 * Provides gg.store:
 *   get()             the live state (read it, never write it): {date, compare,
 *                     focus, edge, pair, filters: {kind: Set}, layout: {name}};
 *                     date and compare are {text, first, last} or null; pair is
 *                     a bundle of gg.bundles or null
 *   state()           the same as plain data: {date: "2020-06"|null, compare,
 *                     focus, edge, pair: [a, b]|null, filters: {kind: [values]},
 *                     layout: {name}, color, size, depth, direction}
 *   set(partial, opts) apply any keys of state()'s form (unknown ids and values
 *                     are dropped; a selection key clears the other two), then
 *                     tell the subscribers; returns the keys that changed
 *   subscribe(fn)     fn(changed, store) after every set(); changed has a true
 *                     key per part of the state that changed (date, compare,
 *                     selection, filters, layout, color, size, reach: depth or
 *                     direction, which also sets selection) and opts (set's second argument)
 *   shown()           the ids of the relations shown (date and filters), read
 *                     live from shownAt: size, has(id), forEach(fn(id)) and
 *                     iteration (in relation order), as a Set's
 *   shownAt()         the same as a live Uint8Array by relation index (1: shown)
 *   flips()           the ids whose shown state changed in the last set()
 *   flipped()         the same as an array of relation indexes (each once)
 *   looked()          the indexes of the relations whose date or filter test the
 *                     last recompute looked at (any other kept its result), or
 *                     null when it looked at every relation; version() counts
 *                     the recomputes (72-filters.js follows its counts by them)
 *   isShown(id), visible(relation), inTime(relation) (the date and compare part)
 *   compared()        {from, to} (date objects, the earlier first, whichever of
 *                     compare and date it is) while comparing, else null: also
 *                     when the two dates overlap (the same date, a month of a
 *                     year), which compares nothing
 *   filterDefs()      the filter groups [{kind, values, valueOf}], in order
 *   codedFilters()    per group {kind, W, codes, n}: each relation's values as
 *                     indexes into gg.KNOWN[kind] (W an Int32Array row, -1 pads,
 *                     -2 a value not known); allowedCodes(): per group a
 *                     Uint8Array, 1 where the filters allow the value
 *   addFilter(kind, values, valueOf, columns)  a new filter group: valueOf(relation)
 *                     gives a value, or an array of values that must all be
 *                     allowed; columns (optional): the same read from coded
 *                     columns, [{codes: gg.codes.x, valueAt(code) -> value}]
 * Event data (15-events.js) adds min_events, min_goldstein, top and backbone to
 * the state; a change of them is reported as changed.filters and changed.events.
 * Subscribers run in the order they subscribed, which is the order of the
 * files; window gets a "geograph:change" event (detail: changed) after them.
 * Uses: util, data, events.
 */
var EV = gg.events;
var filterKinds = [];   // [{kind, values, valueOf}]
// map layout (32-map.js): the payload says which layout the page opens in
var LAYOUTS = ["force", "map"];
var DEFAULT_LAYOUT = gg.payload.geo && gg.payload.geo.default === "map" ? "map" : "force";
var SIZES = ["relations", "weight", "betweenness"];  // "Size by" (44-size.js)
var DIRECTIONS = ["both", "out", "in"];               // focus further (35-reach.js)
var DEPTHS = [1, 2, 3];
var st = {
  // the date the page opens at (85-url.js restores the same one): not all time, then that date
  date: dateOf(EV.start), compare: null, focus: null, edge: null, pair: null,
  filters: {}, layout: { name: DEFAULT_LAYOUT }, color: "group",
  size: SIZES[0], depth: 1, direction: "both",
  min_events: EV.open.min_events, min_goldstein: EV.open.min_goldstein,
  top: EV.open.top, backbone: EV.open.backbone
};
var COLORS = ["group", "bloc"];  // actor colour: by group, or by bloc of balance (82-blocs.js)
var subscribers = [];
// The relations shown are shownAt (below) and their count: a Set of 283k ids
// changed in place cost 90 ms of a sign checkbox's 130,000 flips (its add and
// delete by string); the ids are read through shownIds, made of shownAt.
var shownCount = 0;
function shownList() {
  var R = gg.relations, out = [];
  for (var r = 0; r < R.length; r++) if (shownAt[r] === 1) out.push(R[r].id);
  return out;
}
var shownIds = {
  get size() { return shownCount; },
  has: function (id) { var e = gg.edgeById.get(id); return e !== undefined && shownAt[e.index] === 1; },
  forEach: function (fn, self) { var ids = shownList(), that = this; ids.forEach(function (id) { fn.call(self, id, id, that); }); },
  values: function () { return shownList()[Symbol.iterator](); }
};
shownIds.keys = shownIds.values;
shownIds[Symbol.iterator] = shownIds.values;

function addFilter(kind, values, valueOf, columns) {
  filterKinds.push({ kind: kind, values: values.slice(), valueOf: valueOf, columns: columns || null });
  gg.KNOWN[kind] = values.slice();
  st.filters[kind] = new Set(values);
}
// Each relation's filter values, coded once as indexes into gg.KNOWN (W per
// relation, -1 padding; -2 for a value not in it), so that a filter change
// and the faceted counts (72-filters.js) read typed arrays, not the relations.
// Coded when first asked for, a kind added later when first asked for too.
var coded = [];
function codeKind(d) {
  var index = new Map(), R = gg.relations, W = 1, values = new Array(R.length), r, v;
  gg.KNOWN[d.kind].forEach(function (x, i) { index.set(x, i); });
  for (r = 0; r < R.length; r++) {
    v = values[r] = d.valueOf(R[r]);
    if (Array.isArray(v) && v.length > W) W = v.length;
  }
  var codes = new Int32Array(R.length * W).fill(-1);
  for (r = 0; r < R.length; r++) {
    v = values[r];
    if (!Array.isArray(v)) { codes[r * W] = index.has(v) ? index.get(v) : -2; continue; }
    for (var j = 0, n = 0; j < v.length; j++) {
      var i = index.has(v[j]) ? index.get(v[j]) : -2, dup = false;
      for (var k = 0; k < n; k++) if (codes[r * W + k] === i) dup = true;
      if (!dup) codes[r * W + n++] = i;
    }
  }
  return { kind: d.kind, W: W, codes: codes, n: gg.KNOWN[d.kind].length };
}
// A kind whose values come from coded columns of the relations (gg.codes; its
// columns: [{codes, valueAt(code)}], one value per column) is coded from them:
// each distinct column code is looked up once, not each relation's value. The
// same codes as codeKind: a relation's values in column order, each once.
function codeColumns(d) {
  var index = new Map(), R = gg.relations.length, cols = d.columns, W = R ? cols.length : 1;
  gg.KNOWN[d.kind].forEach(function (x, i) { index.set(x, i); });
  var codes = new Int32Array(R * W).fill(-1);
  cols.forEach(function (col, j) {
    var c = col.codes, max = -1, r;
    for (r = 0; r < R; r++) if (c[r] > max) max = c[r];
    var table = new Int32Array(max + 2).fill(-3);  // column code + 1 -> index in KNOWN (-2: not known)
    for (r = 0; r < R; r++) {
      var i = table[c[r] + 1];
      if (i === -3) {
        var v = col.valueAt(c[r]);
        i = table[c[r] + 1] = index.has(v) ? index.get(v) : -2;
      }
      var k = r * W, end = k + j;
      while (k < end && codes[k] !== -1 && codes[k] !== i) k++;
      if (k === end || codes[k] === -1) codes[k] = i;
    }
  });
  return { kind: d.kind, W: W, codes: codes, n: gg.KNOWN[d.kind].length };
}
function codedKinds() {
  while (coded.length < filterKinds.length) {
    var d = filterKinds[coded.length];
    coded.push(d.columns ? codeColumns(d) : codeKind(d));
  }
  return coded;
}
// per coded kind, a Uint8Array: 1 where the state's filter allows the value
function allowedCodes(kinds) {
  return kinds.map(function (c) {
    var a = new Uint8Array(c.n), allowed = st.filters[c.kind];
    gg.KNOWN[c.kind].forEach(function (v, i) { if (allowed.has(v)) a[i] = 1; });
    return a;
  });
}
function passesCodes(kinds, allowed, r) {
  for (var k = 0; k < kinds.length; k++) {
    var c = kinds[k], a = allowed[k], codes = c.codes;
    for (var j = r * c.W, end = j + c.W; j < end && codes[j] !== -1; j++) {
      if (codes[j] < 0 || !a[codes[j]]) return false;
    }
  }
  return true;
}
var P = gg.payload, CODES = gg.codes;
function groupAt(code) { return P.nodes[code].colour_key; }
addFilter("status", gg.STATUS_ALL, function (e) { return e.status; },
          [{ codes: CODES.status, valueAt: function (code) { return P.statuses[code]; } }]);
addFilter("sign", gg.SIGN_ALL, function (e) { return e.signName; });
addFilter("relation", gg.KNOWN.relation, function (e) { return e.relation; },
          [{ codes: CODES.relation, valueAt: function (code) { return P.relations[code]; } }]);
addFilter("group", gg.KNOWN.group, function (e) {
  return [gg.nodeById.get(e.from).colour_key, gg.nodeById.get(e.to).colour_key];
}, [{ codes: CODES.from, valueAt: groupAt }, { codes: CODES.to, valueAt: groupAt }]);

function visible(e) {
  for (var i = 0; i < filterKinds.length; i++) {
    var f = filterKinds[i], allowed = st.filters[f.kind], v = f.valueOf(e);
    if (Array.isArray(v)) {
      for (var j = 0; j < v.length; j++) if (!allowed.has(v[j])) return false;
    } else if (!allowed.has(v)) return false;
  }
  if (!EV.keep(e, st)) return false;
  return inTime(e);
}
function inTime(e) {
  if (!st.date || gg.validAt(e, st.date)) return true;
  // compare mode: the relations of the other date are drawn too
  return compared !== null && gg.validAt(e, st.compare);
}
var compared = null;  // see compared() in the header
function orderedDates(a, b) {
  if (!a || !b || (a.first <= b.last && b.first <= a.last)) return null;
  return a.first < b.first ? { from: a, to: b } : { from: b, to: a };
}
// A date step changes only relations that start or end between the two dates:
// with the relations sorted by their first and by their last day, a step
// looks at those (binary search) instead of every relation. flips: the ids
// whose shown state changed in the last recompute (subscribers redraw only those).
// flipped: their relation indexes (what this page's own parts read); the Set of
// ids is made only when asked for (283k ids at a filter toggle of event data)
var flipped = [], flipIds = null, looked = null, version = 0;
var byFirst = null, byLast = null;
// shownAt[r]: 1 when gg.relations[r] is shown (changed in place)
var shownAt = new Uint8Array(gg.relations.length);
// The indexes of the relations with a first (or last) day, by that day, then
// by index: one native sort of (the day's rank among the payload's dates) * N +
// index, the days read from the coded start (end) column, not 283k texts compared.
function sortedBy(key) {
  var N = gg.relations.length, j = key === "first" ? 0 : 1, codes = j ? gg.codes.end : gg.codes.start;
  var days = gg.payload.date_spans.map(function (s) { return s[j]; }), at = new Map(), n = 0, r;
  Array.from(new Set(days)).sort().forEach(function (d, k) { at.set(d, k); });
  var rank = days.map(function (d) { return at.get(d); }), keys = new Float64Array(N);
  for (r = 0; r < N; r++) if (codes[r] >= 0) keys[n++] = rank[codes[r]] * N + r;
  keys = keys.subarray(0, n).sort();
  var out = new Int32Array(n);
  for (r = 0; r < n; r++) out[r] = keys[r] % N;
  return out;
}
function flip(r, now) {
  shownAt[r] = now ? 1 : 0;
  shownCount += now ? 1 : -1;
  flipped.push(r);
}
function firstAbove(list, key, value) {  // the first place whose relation's key is > value
  var lo = 0, hi = list.length, R = gg.relations;
  while (lo < hi) { var mid = (lo + hi) >> 1; if (R[list[mid]][key] > value) hi = mid; else lo = mid + 1; }
  return lo;
}
function firstFrom(list, key, value) {  // the first place whose relation's key is >= value
  var lo = 0, hi = list.length, R = gg.relations;
  while (lo < hi) { var mid = (lo + hi) >> 1; if (R[list[mid]][key] >= value) hi = mid; else lo = mid + 1; }
  return lo;
}
function dateIndex() {
  if (byFirst === null) { byFirst = sortedBy("first"); byLast = sortedBy("last"); }
}
// built when the page is idle after start-up, so that the first step costs no
// more than the others (or by that first step, if it comes sooner)
if (gg.payload.timeline && gg.payload.timeline.length) {
  if (window.requestIdleCallback) window.requestIdleCallback(dateIndex, { timeout: 2000 });
  else setTimeout(dateIndex, 0);
}
var seen = null;  // by relation index: 1 while a date step has looked at it
function stepDate(from, to) {
  dateIndex();
  var R = gg.relations, ks = codedKinds(), ok = allowedCodes(ks);
  if (seen === null) seen = new Uint8Array(R.length);
  looked = [];
  // the filters read from their codes, as a filter change does (the same test as visible())
  function check(r) {
    if (seen[r] === 1) return;
    seen[r] = 1;
    looked.push(r);
    var now = inTime(R[r]) && EV.keep(R[r], st) && passesCodes(ks, ok, r);
    if (now !== (shownAt[r] === 1)) flip(r, now);
  }
  // first <= date.last flips for a first day between the two last days
  var lo = from.last < to.last ? from.last : to.last, hi = from.last < to.last ? to.last : from.last;
  for (var i = firstAbove(byFirst, "first", lo); i < byFirst.length && R[byFirst[i]].first <= hi; i++) check(byFirst[i]);
  // last >= date.first flips for a last day between the two first days
  lo = from.first < to.first ? from.first : to.first;
  hi = from.first < to.first ? to.first : from.first;
  for (i = firstFrom(byLast, "last", lo); i < byLast.length && R[byLast[i]].last < hi; i++) check(byLast[i]);
  for (i = 0; i < looked.length; i++) seen[looked[i]] = 0;
}
// A filter change of some values of some kinds, and nothing else, changes only
// the relations that hold one of those values: with each kind's relations
// listed by value (made once, when first needed), those are looked at instead
// of every relation (a sign checkbox at 283,359 relations: 46 % of them).
var byValue = [];  // per coded kind: {start: Int32Array(n + 1), at: Int32Array}, relations by value
function valueIndex(k, c) {
  if (byValue[k]) return byValue[k];
  var N = gg.relations.length, start = new Int32Array(c.n + 1), j, v;
  for (j = 0; j < N * c.W; j++) { v = c.codes[j]; if (v >= 0) start[v + 1]++; }
  for (v = 0; v < c.n; v++) start[v + 1] += start[v];
  var at = new Int32Array(start[c.n]), next = start.slice(0, c.n);
  for (j = 0; j < N * c.W; j++) { v = c.codes[j]; if (v >= 0) at[next[v]++] = (j / c.W) | 0; }
  byValue[k] = { start: start, at: at };
  return byValue[k];
}
// the relations holding a toggled value ({kind: Set of values}), in index order, each once
function holding(kinds, toggled) {
  var lists = [], total = 0;
  kinds.forEach(function (c, k) {
    var values = toggled[c.kind];
    if (!values) return;
    var ix = valueIndex(k, c);
    gg.KNOWN[c.kind].forEach(function (v, code) {
      if (!values.has(v) || ix.start[code] === ix.start[code + 1]) return;
      lists.push(ix.at.subarray(ix.start[code], ix.start[code + 1]));
      total += ix.start[code + 1] - ix.start[code];
    });
  });
  if (lists.length === 1) return lists[0];
  var out = new Int32Array(total), n = 0;
  lists.forEach(function (l) { out.set(l, n); n += l.length; });
  out.sort();
  var m = 0;
  for (var i = 0; i < total; i++) if (i === 0 || out[i] !== out[i - 1]) out[m++] = out[i];
  return out.subarray(0, m);
}
// A full recompute reads the coded filter values (typed arrays), after the date
// (which at the date an event import opens at rules out most relations).
function recompute(previousDate, onlyDate, toggled) {
  flipped = [];
  flipIds = null;
  looked = null;
  version++;
  if (onlyDate && previousDate && st.date && !st.compare && !(st.top > 0)) { stepDate(previousDate, st.date); return; }
  var R = gg.relations, r;
  if (toggled && !(st.top > 0)) {
    var ks = codedKinds(), ok = allowedCodes(ks), some = holding(ks, toggled);
    looked = some;
    for (var i = 0; i < some.length; i++) {
      r = some[i];
      var on = inTime(R[r]) && EV.keep(R[r], st) && passesCodes(ks, ok, r);
      if (on !== (shownAt[r] === 1)) flip(r, on);
    }
    return;
  }
  if (st.top > 0) {
    var all = new Set();
    R.forEach(function (e) { if (visible(e)) all.add(e.id); });
    all = EV.top(all, st.top);
    for (r = 0; r < R.length; r++) if (all.has(R[r].id) !== (shownAt[r] === 1)) flip(r, !shownAt[r]);
    return;
  }
  var kinds = codedKinds(), allowed = allowedCodes(kinds);
  for (r = 0; r < R.length; r++) {
    var e = R[r];
    var now = inTime(e) && EV.keep(e, st) && passesCodes(kinds, allowed, r);
    if (now !== (shownAt[r] === 1)) flip(r, now);
  }
}
recompute(null, false);

function dateOf(text) {
  if (text === null || text === undefined || text === "") return null;
  var d = gg.parseDate(String(text));
  return d ? { text: String(text).trim(), first: d.first, last: d.last } : null;
}
function sameDate(a, b) { return (a === null && b === null) || (a !== null && b !== null && a.text === b.text); }
function sameSet(a, b) {
  if (a.size !== b.size) return false;
  var same = true;
  a.forEach(function (v) { if (!b.has(v)) same = false; });
  return same;
}
function known(kind, values) {
  var wanted = new Set((Array.isArray(values) ? values : []).map(String));
  return new Set(gg.KNOWN[kind].filter(function (v) { return wanted.has(v); }));
}

function set(partial, opts) {
  partial = partial || {};
  var changed = {};
  var has = function (k) { return Object.prototype.hasOwnProperty.call(partial, k); };
  var previousDate = st.date;
  if (has("date")) {
    var d = dateOf(partial.date);
    if (!sameDate(d, st.date)) { st.date = d; changed.date = true; }
  }
  if (has("compare")) {
    var c = dateOf(partial.compare);
    if (!sameDate(c, st.compare)) { st.compare = c; changed.compare = true; }
  }
  // comparing needs two dates: a compare given without a date is to the last one
  // (the URL's #compare=2018), and moving to all time ends it (the slider)
  if (st.compare && !st.date) {
    if (!(has("compare") && partial.compare) && changed.date) { st.compare = null; changed.compare = true; }
    else if (gg.payload.timeline.length) { st.date = dateOf(gg.payload.timeline[gg.payload.timeline.length - 1]); changed.date = true; }
  }
  if (changed.date || changed.compare) compared = orderedDates(st.compare, st.date);
  if (has("focus") || has("edge") || has("pair")) {
    var sel = { focus: null, edge: null, pair: null };
    var f = has("focus") ? partial.focus : null, e = has("edge") ? partial.edge : null;
    var p = has("pair") ? partial.pair : null;
    if (f !== null && f !== undefined && gg.nodeById.has(String(f))) sel.focus = String(f);
    else if (e !== null && e !== undefined && gg.edgeById.has(String(e))) sel.edge = String(e);
    else if (Array.isArray(p) && p.length === 2) sel.pair = gg.findBundle(String(p[0]), String(p[1]));
    if (sel.focus !== st.focus || sel.edge !== st.edge || sel.pair !== st.pair) {
      st.focus = sel.focus; st.edge = sel.edge; st.pair = sel.pair;
      changed.selection = true;
    }
  }
  var toggled = {};  // kind -> the values allowed before or after, not both
  if (has("filters") && partial.filters && typeof partial.filters === "object") {
    filterKinds.forEach(function (fk) {
      if (!Object.prototype.hasOwnProperty.call(partial.filters, fk.kind)) return;
      var next = known(fk.kind, partial.filters[fk.kind]), before = st.filters[fk.kind];
      if (sameSet(next, before)) return;
      var values = new Set();
      next.forEach(function (v) { if (!before.has(v)) values.add(v); });
      before.forEach(function (v) { if (!next.has(v)) values.add(v); });
      toggled[fk.kind] = values;
      st.filters[fk.kind] = next;
      changed.filters = true;
    });
  }
  if (has("layout") && partial.layout && typeof partial.layout === "object") {
    var name = String(partial.layout.name);
    if (LAYOUTS.indexOf(name) >= 0 && name !== st.layout.name) {
      st.layout = { name: name };
      changed.layout = true;
    }
  }
  if (has("color") && COLORS.indexOf(String(partial.color)) >= 0 && String(partial.color) !== st.color) {
    st.color = String(partial.color);
    changed.color = true;
  }
  EV.KEYS.forEach(function (k) {
    if (!has(k) || !EV.has(k)) return;
    var v = EV.norm(k, partial[k]);
    if (v !== undefined && v !== st[k]) { st[k] = v; changed.filters = true; changed.events = true; }
  });
  if (has("size") && SIZES.indexOf(String(partial.size)) >= 0 && String(partial.size) !== st.size) {
    st.size = String(partial.size);
    changed.size = true;
  }
  if (has("depth") && DEPTHS.indexOf(Number(partial.depth)) >= 0 && Number(partial.depth) !== st.depth) {
    st.depth = Number(partial.depth);
    changed.reach = changed.selection = true;
  }
  if (has("direction") && DIRECTIONS.indexOf(String(partial.direction)) >= 0 &&
      String(partial.direction) !== st.direction) {
    st.direction = String(partial.direction);
    changed.reach = changed.selection = true;
  }
  var same = false;  // the page opens at st.date already (see st): the parts still hear of it
  if (opts && opts.opening && has("date") && !changed.date) same = changed.date = true;
  if ((changed.date && !same) || changed.filters || changed.compare) {
    var only = changed.filters && !changed.date && !changed.compare && !changed.events;
    recompute(previousDate, !changed.filters && !changed.compare, only ? toggled : null);
  } else { flipped = []; flipIds = null; }
  // A pair that shows one relation is drawn, named and clicked as that relation
  // (40-style.js): asked for (a link's pair=, selectPair, the API), it is that
  // relation, at the date and filters set with it. A pair already open stays so.
  if (has("pair") && st.pair !== null) {
    var one = soleShown(st.pair);
    if (one !== null) { st.pair = null; st.edge = one.id; changed.selection = true; }
  }
  changed.opts = opts || {};
  subscribers.forEach(function (fn) { fn(changed, gg.store); });
  window.dispatchEvent(new CustomEvent("geograph:change", { detail: plainChanged(changed) }));
  return changed;
}
function soleShown(b) {
  var one = null, m = b.members;
  for (var i = 0; i < m.length; i++) {
    if (shownAt[m[i].index] !== 1) continue;
    if (one !== null) return null;
    one = m[i];
  }
  return one;
}
function plainChanged(changed) {
  var out = {};
  Object.keys(changed).forEach(function (k) { if (k !== "opts") out[k] = true; });
  return out;
}

function state() {
  var filters = {};
  filterKinds.forEach(function (fk) {
    filters[fk.kind] = gg.KNOWN[fk.kind].filter(function (v) { return st.filters[fk.kind].has(v); });
  });
  var out = {
    date: st.date ? st.date.text : null,
    compare: st.compare ? st.compare.text : null,
    focus: st.focus, edge: st.edge,
    pair: st.pair ? [st.pair.from, st.pair.to] : null,
    filters: filters,
    layout: { name: st.layout.name },
    color: st.color,
    size: st.size, depth: st.depth, direction: st.direction
  };
  if (EV.on) EV.KEYS.forEach(function (k) { if (EV.has(k)) out[k] = st[k]; });
  return out;
}

gg.LAYOUTS = LAYOUTS;
gg.DEFAULT_LAYOUT = DEFAULT_LAYOUT;
gg.SIZES = SIZES;
gg.DIRECTIONS = DIRECTIONS;
gg.DEPTHS = DEPTHS;
gg.COLORS = COLORS;
gg.store = {
  get: function () { return st; },
  state: state,
  set: set,
  subscribe: function (fn) { subscribers.push(fn); },
  shown: function () { return shownIds; },
  shownAt: function () { return shownAt; },
  flips: function () {
    if (flipIds === null) flipIds = new Set(flipped.map(function (r) { return gg.relations[r].id; }));
    return flipIds;
  },
  flipped: function () { return flipped; },
  looked: function () { return looked; },
  version: function () { return version; },
  isShown: function (id) { return shownIds.has(id); },
  visible: visible,
  addFilter: addFilter,
  filterKinds: function () { return filterKinds.map(function (f) { return f.kind; }); },
  filterDefs: function () { return filterKinds.slice(); },  // [{kind, values, valueOf}] (72-filters.js counts)
  codedFilters: codedKinds,  // [{kind, W, codes, n}] per filter kind, in order (72-filters.js counts)
  allowedCodes: function () { return allowedCodes(codedKinds()); },
  inTime: inTime,
  compared: function () { return compared; }
};
