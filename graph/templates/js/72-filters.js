/*
 * filters: the filter groups (status, sign, relation type, actor group, who
 * says it, source), their counts, "only" and "all", and the count of relations
 * shown.
 * Each value is a checkbox labelled with its count of the relations holding it
 * that the view would show with that value allowed (a group of one value: that
 * value and count as text): the date (and compare date) and every other group's
 * filters applied, its own group's other values as they are (faceted search;
 * an actor group: a relation's other actor's group). Counts are made in one
 * pass over the relations on every change; a value with none is greyed, never
 * removed. A group of many values lists the most frequent first, a few at a
 * time, with "Show more" (a scroll box) and a find box over its labels.
 * Adds the filter kinds said_by (NONE: no speaker) and source (a source_id;
 * NONE: no source) to the state.
 * Provides on gg: setFilter(kind, values) -> false for an unknown kind,
 * buildFilter(kind, title, entries, opts) (a group in #gg-filter-KIND; entries:
 * {value, label, color?}), syncCheckboxes(), filterCounts() -> {kind: [[value,
 * count]]}, filterGroups() -> [{kind, rows: [{value, input, only}], all, more}],
 * NONE.
 * Subscribes: filters -> checkboxes; date, compare or filters -> the counts.
 * Debug: window.geographDebug = {facets: false}, set before the page's script
 * runs, counts every relation on every change (not only those the change looked at).
 * Uses: util, data, events (the thresholds in the count line), state.
 * Safety: labels are data text, set with textContent only.
 */
var payload = gg.payload, EDGES = gg.relations, el = gg.el, store = gg.store, KNOWN = gg.KNOWN;
var STATUS_ALL = gg.STATUS_ALL, SIGN_ALL = gg.SIGN_ALL;
var countEl = document.getElementById("gg-count");
var NONE = "";     // said_by and source of relations without one (data text is never empty)
var FEW = 14;      // a group of up to this many values lists them all
var STEP = 10;     // else this many at first, and this many more per "Show more"

function setFilter(kind, values) {
  if (!Object.prototype.hasOwnProperty.call(KNOWN, kind)) return false;
  var filters = {};
  filters[kind] = Array.isArray(values) ? values : [];
  store.set({ filters: filters });
  return true;
}
function allTimeCount(valueOf) {
  var m = new Map();
  EDGES.forEach(function (e) {
    var v = valueOf(e);
    (Array.isArray(v) ? v : [v]).forEach(function (x, i, a) {
      if (a.indexOf(x) === i) m.set(x, (m.get(x) || 0) + 1);
    });
  });
  return m;
}

// who says it, and the source: new filter kinds; NONE last when some relation has none
function textKind(kind, field, values) {
  var valueOf = function (e) { return e[field] === null || e[field] === undefined ? NONE : e[field]; };
  var all = values.slice().sort(), codes = gg.codes[field];
  if (codes.indexOf(-1) >= 0) all.push(NONE);  // -1: a relation without one
  store.addFilter(kind, all, valueOf, [{ codes: codes, valueAt: function (code) {
    return code === -1 ? NONE : values[code];
  } }]);
  return valueOf;
}
var saidByOf = textKind("said_by", "said_by", payload.speakers);
var sourceOf = textKind("source", "source_id", payload.source_ids);
function sourceLabel(id) {
  if (id === NONE) return "(no source)";
  var s = gg.own(payload.sources || {}, id);
  var title = s && s.title ? String(s.title) : "", pub = s && s.publisher ? String(s.publisher) : "";
  if (title && pub) return pub + ": " + title;  // the publisher first: long titles are cut
  return title || pub || id;
}

// accessible names unique in the page: a name met again is told apart by its group
var names = new Set();
function uniqueName(name, group) {
  var n = names.has(name) ? name + " (" + group + ")" : name, i = 2;
  while (names.has(n)) n = name + " (" + group + " " + i++ + ")";
  names.add(n);
  return n;
}

var groups = [];
var boxNames = new Set();  // the checkboxes' labels so far
function button(text, name, cls, onClick) {
  var b = el("button", cls, text);
  b.type = "button";
  b.setAttribute("aria-label", name);
  b.addEventListener("click", onClick);
  return b;
}
// A group of one value filters nothing a user would want (unticked, the graph is
// empty): its value and count are text, with "all" only while the state leaves it out.
function singleRow(g, entry) {
  var row = el("div", "gg-frow gg-single");
  if (entry.color) {
    var sw = el("span", "gg-swatch");
    sw.style.backgroundColor = entry.color;
    row.appendChild(sw);
  }
  var name = el("span", "gg-fname", entry.label);
  name.id = "gg-f-" + g.kind + "-" + entry.index;
  name.title = entry.label;
  row.appendChild(name);
  var count = el("span", "gg-fcount");
  row.appendChild(count);
  var r = { value: entry.value, input: null, only: null, row: row, count: count, last: null };
  showRowCount(g, r);
  return r;
}
function makeRow(g, entry) {
  if (g.order.length === 1) return singleRow(g, entry);
  var row = el("div", "gg-frow");
  var input = el("input");
  input.type = "checkbox";
  input.id = "gg-f-" + g.kind + "-" + entry.index;
  input.checked = store.get().filters[g.kind].has(entry.value);
  var label = el("label");
  label.htmlFor = input.id;
  label.appendChild(input);
  if (entry.color) {
    var sw = el("span", "gg-swatch");
    sw.style.backgroundColor = entry.color;
    label.appendChild(sw);
  }
  // a label met in an earlier group: its group, for screen readers only, keeps names unique
  if (entry.boxGroup) label.appendChild(el("span", "gg-sr", entry.boxGroup + ": "));
  var name = el("span", "gg-fname", entry.label);
  name.title = entry.label;  // the whole text, where a long one is cut to two lines
  label.appendChild(name);
  var count = el("span", "gg-fcount");
  label.appendChild(count);
  input.addEventListener("change", function () {
    var next = new Set(store.get().filters[g.kind]), filters = {};
    if (input.checked) next.add(entry.value); else next.delete(entry.value);
    filters[g.kind] = Array.from(next);
    store.set({ filters: filters });
  });
  var only = button("only", entry.onlyName, "gg-only", function () {
    var filters = {};
    filters[g.kind] = [entry.value];
    store.set({ filters: filters });
  });
  row.appendChild(label);
  row.appendChild(only);
  var r = { value: entry.value, input: input, only: only, row: row, count: count, last: null };
  showRowCount(g, r);
  return r;
}
function showRowCount(g, r) {
  var n = g.counts ? g.counts.get(r.value) || 0 : 0;
  if (n === r.last) return;
  r.last = n;
  r.count.textContent = " (" + n + ")";
  r.row.classList.toggle("gg-zero", n === 0);
}
// the values a group lists: all, or those whose label holds the text typed in its find box
function fold(text) { return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, ""); }
function listed(g) {
  if (!g.query) return g.order;
  return g.order.filter(function (o) { return o.key.indexOf(g.query) >= 0; });
}
// render the rows up to the group's limit (rows are made once, when first listed)
function renderRows(g) {
  var view = listed(g), upto = Math.min(g.limit, view.length), on = new Set();
  for (var i = 0; i < upto; i++) {
    var r = g.rowOf.get(view[i].index);
    if (!r) {
      r = makeRow(g, view[i]);
      g.rowOf.set(view[i].index, r);
      g.rows.push(r);
    }
    if (g.more) g.list.appendChild(r.row);  // in the order listed
    else if (!r.row.parentNode) g.list.appendChild(r.row);
    on.add(r);
  }
  g.rows.forEach(function (r) { r.row.hidden = !on.has(r); });
  if (g.more) {
    var left = view.length - upto;
    g.more.hidden = left === 0;
    g.more.textContent = "Show " + Math.min(STEP * 5, left) + " more";
    g.more.setAttribute("aria-label", g.more.textContent + " " + g.plural);
    g.fewer.hidden = upto <= STEP;
    g.none.hidden = view.length > 0;
  }
}
// a group of many values: a find box, "Show N more" and "fewer"
function addMore(g, fs) {
  g.limit = STEP;
  g.order.forEach(function (o) { o.key = fold(o.label); });
  var find = el("input", "gg-ffind");
  find.type = "search";
  find.placeholder = "find";
  find.setAttribute("aria-label", "Find " + g.plural);
  find.addEventListener("input", function () {
    g.query = fold(find.value.trim());
    g.limit = STEP;
    renderRows(g);
  });
  fs.insertBefore(find, g.list);
  g.none = el("p", "gg-hint", "no match");
  g.none.hidden = true;
  fs.appendChild(g.none);
  g.more = button("", "", "gg-more", function () {
    g.limit += STEP * 5;
    renderRows(g);
  });
  g.fewer = button("fewer", "Show fewer " + g.plural, "gg-more", function () {
    g.limit = STEP;
    renderRows(g);
    g.more.focus();
  });
  fs.appendChild(g.more);
  fs.appendChild(g.fewer);
}

/*
 * opts: {plural: "statuses" (the "all" button's name), order: "count" (most
 * frequent first), group: a word telling apart a repeated accessible name}.
 */
function buildFilter(kind, title, entries, opts) {
  opts = opts || {};
  var box = document.getElementById("gg-filter-" + kind);
  if (!box) {
    box = el("div");
    box.id = "gg-filter-" + kind;
    document.getElementById("gg-filters").appendChild(box);
  }
  var plural = opts.plural || title.toLowerCase();
  var g = { kind: kind, plural: plural, rows: [], rowOf: new Map(), order: [], counts: null,
            limit: Infinity, query: "", more: null, fewer: null, none: null };
  var seen = new Set();
  entries.forEach(function (entry, i) {
    var label = String(entry.label);
    if (seen.has(label)) label += " [" + (entry.value === NONE ? "none" : entry.value) + "]";
    seen.add(label);
    var boxGroup = boxNames.has(label) ? title : null;
    boxNames.add(label);
    g.order.push({ value: entry.value, label: label, color: entry.color, index: i, boxGroup: boxGroup,
                   onlyName: uniqueName("Show only " + label, opts.group || plural) });
  });
  if (g.order.length > FEW) {
    var all = allTimeCount(store.filterDefs().filter(function (d) { return d.kind === kind; })[0].valueOf);
    g.order.sort(function (a, b) { return (all.get(b.value) || 0) - (all.get(a.value) || 0) || a.index - b.index; });
  }
  var fs = el("fieldset", "gg-fgroup");
  var head = el("legend", null, title);
  fs.appendChild(head);
  g.all = button("all", uniqueName("Show all " + plural, plural), "gg-all", function () {
    var filters = {};
    filters[kind] = KNOWN[kind];
    store.set({ filters: filters });
  });
  head.appendChild(g.all);
  g.list = el("div", "gg-flist" + (g.order.length > FEW ? " gg-many" : ""));
  fs.appendChild(g.list);
  if (g.order.length > FEW) addMore(g, fs);
  groups.push(g);
  renderRows(g);
  box.appendChild(fs);
  return g;
}
function syncCheckboxes() {
  var f = store.get().filters;
  groups.forEach(function (g) {
    var allowed = f[g.kind];
    g.rows.forEach(function (r) {
      if (r.input) r.input.checked = allowed.has(r.value);
      else { r.row.classList.toggle("gg-off", !allowed.has(r.value)); g.all.hidden = allowed.has(r.value); }
    });
  });
}

/*
 * Faceted counts: a value's count is of the relations holding it that would
 * be shown with it allowed (the date, every other group's filters, and the
 * rest of its own group's as they are). A relation in time that passes every
 * group is counted for each of its values; one that fails one group for one
 * value alone (an actor group: its other actor's group is allowed) is counted
 * for that value only; any other is counted nowhere. So a checked value's
 * count is of the relations shown that hold it, and an actor group's "only"
 * may show fewer than its count: only the relations among its actors.
 * Each relation's values are coded once as indexes into gg.KNOWN (W per
 * relation, -1 padding; -2 for a value not in it), so a count reads typed
 * arrays only (store.codedFilters(), 20-state.js). The counts are kept with
 * each relation's class (where it is counted) and followed through the
 * relations the store's last recompute looked at (store.looked()) when that
 * is cheaper than a full count: a date step or a toggle of a few values
 * recounts those, not every relation. The test of a relation's date is most
 * of the cost of either way (a relation looked at is also taken out of its
 * old class): the relations looked at are recounted while they are fewer
 * than two thirds of all (at 283,359 relations a month's step looks at 47,000).
 */
// a class: counted for every value, nowhere, or for value v of group k alone (v * K + k >= 0)
var ALL = -1, NOWHERE = -2;
var facets = null;  // {version, K, cls: Int32Array, counts: [Int32Array]}
function classOf(coded, allowed, r, now) {
  if (!store.inTime(EDGES[r]) || !gg.events.keep(EDGES[r], now)) return NOWHERE;  // date and event thresholds
  var K = coded.length, cls = ALL;
  for (var k = 0; k < K; k++) {
    var c = coded[k], a = allowed[k], codes = c.codes, miss = -1;  // the one value left out
    for (var j = r * c.W, end = j + c.W; j < end && codes[j] !== -1; j++) {
      var v = codes[j];
      if (v < 0 || !a[v]) {
        if (v < 0 || miss !== -1) return NOWHERE;  // a value not known, or two left out
        miss = v;
      }
    }
    if (miss !== -1) {
      if (cls !== ALL) return NOWHERE;  // a second group fails
      cls = miss * K + k;
    }
  }
  return cls;
}
function addTo(c, n, r, d) {
  var codes = c.codes;
  for (var j = r * c.W, end = j + c.W; j < end && codes[j] !== -1; j++) if (codes[j] >= 0) n[codes[j]] += d;
}
function count(coded, counts, r, cls, d) {
  if (cls === ALL) { for (var k = 0; k < coded.length; k++) addTo(coded[k], counts[k], r, d); }
  else if (cls >= 0) { var g = cls % coded.length; counts[g][(cls - g) / coded.length] += d; }
}
function countEvery(coded, allowed) {
  var now = store.get(), topOn = now.top > 0, shownAt = store.shownAt();
  var cls = new Int32Array(EDGES.length), counts = coded.map(function (c) { return new Int32Array(c.n); });
  for (var r = 0; r < EDGES.length; r++) {
    var x = classOf(coded, allowed, r, now);
    // event data's "top ties" keeps some of what passes: counted as shown; a relation
    // failing one group counts for it before that cut (top depends on the whole set)
    if (x === ALL && topOn && shownAt[r] !== 1) x = NOWHERE;
    cls[r] = x;
    count(coded, counts, r, x, 1);
  }
  return { version: store.version(), K: coded.length, cls: cls, counts: counts };
}
// the counts as of the store's last recompute: followed through what it looked
// at when they were of the one before (never under "top ties", which looks at every relation)
function currentCounts() {
  var coded = store.codedFilters(), v = store.version(), looked = store.looked();
  if (facets !== null && facets.K === coded.length && facets.version === v) return facets;
  var K = coded.length, cheaper = looked !== null && looked.length * 3 < EDGES.length * 2;
  if (facets === null || facets.K !== K || facets.version !== v - 1 || !cheaper ||
      store.get().top > 0 || (window.geographDebug && window.geographDebug.facets === false)) {
    facets = countEvery(coded, store.allowedCodes());
    return facets;
  }
  var allowed = store.allowedCodes(), now = store.get(), cls = facets.cls, counts = facets.counts;
  for (var i = 0; i < looked.length; i++) {
    var r = looked[i], x = classOf(coded, allowed, r, now);
    if (x === cls[r]) continue;
    count(coded, counts, r, cls[r], -1);
    count(coded, counts, r, x, 1);
    cls[r] = x;
  }
  facets.version = v;
  return facets;
}
function countAll() {
  var f = currentCounts(), out = {};
  store.codedFilters().forEach(function (c, k) {
    var m = new Map(), n = f.counts[k];
    KNOWN[c.kind].forEach(function (v, i) { m.set(v, n[i]); });
    out[c.kind] = m;
  });
  return out;
}
var starting = true;  // counted once, when main has restored the URL's state (gg.startCounts)
function showCounts() {
  if (starting) return;
  var counts = countAll();
  groups.forEach(function (g) {
    g.counts = counts[g.kind] || new Map();
    g.rows.forEach(function (r) { showRowCount(g, r); });
  });
  // the event thresholds on hide relations too: said here, as in the PNG's caption (15-events.js)
  var cuts = gg.events.cuts(store.get()).map(function (k) { return gg.events.words(k, store.get()[k]); });
  countEl.textContent = store.shown().size + " of " + EDGES.length + " relations shown" +
    (cuts.length ? " (" + cuts.join("; ") + ")" : "");
}

buildFilter("status", "Status", STATUS_ALL.map(function (s) { return { value: s, label: s }; }),
            { plural: "statuses", group: "status" });
buildFilter("sign", "Sign", SIGN_ALL.map(function (s) { return { value: s, label: s }; }),
            { plural: "signs", group: "sign" });
buildFilter("relation", "Relation type", payload.relations.map(function (r) { return { value: r, label: r }; }),
            { plural: "relation types", group: "relation type" });
buildFilter("group", "Actor group", payload.legend.nodes.map(function (g) {
  return { value: g.key, label: g.label, color: g.color };
}), { plural: "actor groups", group: "actor group" });
if (EDGES.length) {
  buildFilter("said_by", "Said by", KNOWN.said_by.map(function (s) {
    return { value: s, label: s === NONE ? "(not attributed)" : s };
  }), { plural: "speakers", group: "said by" });
  buildFilter("source", "Source", KNOWN.source.map(function (s) {
    return { value: s, label: sourceLabel(s) };
  }), { plural: "sources", group: "source" });
}
syncCheckboxes();
store.subscribe(function (changed) {
  if (changed.filters) syncCheckboxes();
  if (changed.date || changed.filters || changed.compare) showCounts();
});

gg.startCounts = function () { if (starting) { starting = false; showCounts(); } };
gg.setFilter = setFilter;
gg.buildFilter = buildFilter;
gg.syncCheckboxes = syncCheckboxes;
gg.NONE = NONE;
// {kind: [[value, count], ...]} in the order of gg.KNOWN (pairs: values may be "__proto__")
gg.filterCounts = function () {
  var c = countAll(), out = {};
  Object.keys(c).forEach(function (kind) {
    out[kind] = KNOWN[kind].map(function (v) { return [v, c[kind].get(v) || 0]; });
  });
  return out;
};
gg.filterGroups = function () { return groups.slice(); };
