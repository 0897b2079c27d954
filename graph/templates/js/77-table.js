/*
 * table: the relations shown, as a real <table> in a collapsible "Relations (N)"
 * section beside the details panel; what keyboard and screen-reader users
 * navigate instead of the canvas.
 * Rows: the relations shown (date, filters, compare), narrowed to the focused
 * actor's or the selected pair's; sortable by dates, type, source, target,
 * status, sign (and change, in compare mode) with <th> buttons and aria-sort.
 * Each row has three buttons: the relation (selects it: gg.store.set({edge}))
 * and its two actors (focus the actor). One button of the table is in the Tab
 * order (roving tabindex); arrows move between rows and columns, Home/End,
 * PageUp/PageDown jump. Rows come 200 at a time ("Show more"), so that 20,000
 * relations do not stall the page: the rendered rows are one window of the
 * table's order (at most MAX_RENDERED), which a keyboard move, a selection far
 * down or "Show earlier" moves; a closed section renders nothing.
 * Provides on gg: table (the element), renderTable(), tableRows() -> ids in
 * the table's order (all, not only those rendered), sortTable(key, dir),
 * startTable() (main calls it once the URL's state is in: the rows are
 * computed once at start-up, not once more for that state), prepareTable()
 * (main calls it when idle once the page is ready: the order of every relation).
 * Subscribes: date, compare, filters or selection -> rows, count, marks.
 * Uses: util, data, state, select; calls gg.selectEdge, gg.focusNode, gg.changes.
 * Safety: text only through textContent; ids only in attributes.
 */
var el = gg.el, store = gg.store, nodeName = gg.nodeName, datesText = gg.datesText, arrow = gg.arrow;
var EDGES = gg.relations, PAGE = 200;
// A selection or a keyboard jump within this many rows of the window extends it;
// farther, the window moves there (a relation at row 200,000 of 283k renders
// its own page of rows, not the 200,000 above it).
var NEAR = 1000, MAX_RENDERED = 2000;
var collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
var SIGN_ORDER = { hostile: 0, neutral: 1, cooperative: 2 };
var SIGN_MARK = { hostile: "\u2212", neutral: "0", cooperative: "+" };
var STATUS_ORDER = {};
gg.STATUS_ALL.forEach(function (s, i) { STATUS_ORDER[s] = i; });
var CHANGE_ORDER = { "new": 0, ended: 1, changed: 2, "": 3 };

var COLUMNS = [
  { key: "date", title: "Dates" }, { key: "type", title: "Type" },
  { key: "source", title: "Source" }, { key: "target", title: "Target" },
  { key: "status", title: "Status" }, { key: "sign", title: "Sign" },
  { key: "change", title: "Change", mark: "\u0394" }  // narrow: the word is its name and title
];
var BUTTON_COLS = [1, 2, 3];  // the cells holding buttons: relation, source, target

// ---------- the section ----------
var box = el("details", "gg-table-box");
box.id = "gg-table-box";
box.open = true;
var summary = el("summary", null, "Relations");
box.appendChild(summary);
var hint = el("p", "gg-table-hint",
  "A type selects its relation in the graph, an actor focuses it; arrow keys move between rows and cells.");
hint.id = "gg-table-hint";
box.appendChild(hint);
var earlierBox = el("p", "gg-table-more gg-table-earlier");
var earlierButton = el("button");
earlierButton.type = "button";
earlierBox.appendChild(earlierButton);
earlierBox.hidden = true;
box.appendChild(earlierBox);
var wrap = el("div", "gg-table-wrap");
var table = el("table", "gg-table");
table.id = "gg-table";
table.setAttribute("aria-describedby", hint.id);
var caption = el("caption");
caption.id = "gg-table-caption";
table.appendChild(caption);
var thead = el("thead"), headRow = el("tr");
var heads = COLUMNS.map(function (c) {
  var th = el("th", "gg-col-" + c.key);
  th.scope = "col";
  var b = el("button", "gg-sort", c.mark || c.title);
  b.type = "button";
  if (c.mark) { b.setAttribute("aria-label", c.title); b.title = c.title; }
  b.appendChild(el("span", "gg-sort-mark"));
  b.lastChild.setAttribute("aria-hidden", "true");
  b.addEventListener("click", function () {
    sortTable(c.key, sort.key === c.key && sort.dir === "ascending" ? "descending" : "ascending");
  });
  th.appendChild(b);
  headRow.appendChild(th);
  return th;
});
thead.appendChild(headRow);
table.appendChild(thead);
var tbody = el("tbody");
table.appendChild(tbody);
wrap.appendChild(table);
box.appendChild(wrap);
var moreBox = el("p", "gg-table-more");
var moreButton = el("button");
moreButton.type = "button";
moreBox.appendChild(moreButton);
box.appendChild(moreBox);
var panel = document.getElementById("gg-panel");
panel.parentNode.insertBefore(box, panel.nextSibling);

// ---------- sorting: each order computed once over every relation, then filtered ----------
function byId(a, b) { return a.id === b.id ? 0 : a.id < b.id ? -1 : 1; }
function num(a, b) { return a - b; }
function text(a, b) { return collator.compare(a, b); }
// Each order is the key's rank, then the date's, then the id's: the ranks come
// from sorting each key's distinct values once (24 relation types, not 283k
// relations compared through the collator) and the ids once, so an order is one
// numeric sort (at 283k relations: 60-90 ms against 200-580 ms of comparisons).
function ranks(valueOf, cmp) {
  var values = new Array(EDGES.length), i;
  for (i = 0; i < EDGES.length; i++) values[i] = valueOf(EDGES[i]);
  var distinct = Array.from(new Set(values)).sort(cmp), at = new Map(), r = -1;
  distinct.forEach(function (v, k) {
    if (k === 0 || cmp(distinct[k - 1], v) !== 0) r++;  // values the key calls equal share a rank
    at.set(v, r);
  });
  var out = new Int32Array(EDGES.length);
  for (i = 0; i < EDGES.length; i++) out[i] = at.get(values[i]);
  return out;
}
// The date's rank: the first day's, then the last day's, ranked over the
// payload's dates (a relation's first day is its start date's, gg.codes.start),
// not over 283k relations' texts; no start sorts first, no end last.
var dateRank = (function () {
  var spans = gg.payload.date_spans, codes = gg.codes;
  function rankBy(values) {  // values[code + 1] -> its rank among the distinct values
    var at = new Map(), out = new Int32Array(values.length);
    Array.from(new Set(values)).sort().forEach(function (v, k) { at.set(v, k); });
    values.forEach(function (v, k) { out[k] = at.get(v); });
    return out;
  }
  var first = rankBy([""].concat(spans.map(function (s) { return s[0]; })));
  var last = rankBy(["\uffff"].concat(spans.map(function (s) { return s[1]; })));
  var span = spans.length + 1, out = new Int32Array(EDGES.length);
  for (var i = 0; i < out.length; i++) out[i] = first[codes.start[i] + 1] * span + last[codes.end[i] + 1];
  return out;
})();
var KEYS = {
  date: function () { return dateRank; },
  type: function () { return ranks(function (e) { return e.relation; }, text); },
  source: function () { return ranks(function (e) { return nodeName(e.from); }, text); },
  target: function () { return ranks(function (e) { return nodeName(e.to); }, text); },
  status: function () { return ranks(function (e) { return STATUS_ORDER[e.status]; }, num); },
  sign: function () { return ranks(function (e) { return SIGN_ORDER[e.signName]; }, num); },
  change: function () { return ranks(function (e) { return CHANGE_ORDER[changeOf(e)]; }, num); }
};
var sort = { key: "date", dir: "ascending" };
var orders = new Map();  // "key dir" -> every relation's index in that order (Int32Array)
var idOrder = null, idRank = null;  // the relations by id, and each one's place there
function rankIds() {
  idOrder = new Array(EDGES.length);
  for (var i = 0; i < EDGES.length; i++) idOrder[i] = i;
  idOrder.sort(function (a, b) { return byId(EDGES[a], EDGES[b]); });
  idRank = new Int32Array(EDGES.length);
  idOrder.forEach(function (r, k) { idRank[r] = k; });
}
function ordered() {
  var name = sort.key + " " + sort.dir, keep = sort.key !== "change";
  if (keep && orders.has(name)) return orders.get(name);
  if (idRank === null) rankIds();
  var rank = KEYS[sort.key](), up = sort.dir === "ascending", N = EDGES.length, R = 1, D = 1, i;
  for (i = 0; i < N; i++) {
    if (rank[i] >= R) R = rank[i] + 1;
    if (dateRank[i] >= D) D = dateRank[i] + 1;
  }
  var out = new Int32Array(N);
  // ties: by date, then by id, always ascending; the three ranks as one number
  // sorted natively (no comparator call per pair) while it fits in a double
  if (R * D * N < 9007199254740992) {
    var keys = new Float64Array(N);
    for (i = 0; i < N; i++) keys[i] = ((up ? rank[i] : R - 1 - rank[i]) * D + dateRank[i]) * N + idRank[i];
    keys.sort();
    for (i = 0; i < N; i++) out[i] = idOrder[keys[i] % N];
  } else {
    var index = idOrder.slice(), s = up ? 1 : -1;
    index.sort(function (a, b) { return s * (rank[a] - rank[b]) || dateRank[a] - dateRank[b] || idRank[a] - idRank[b]; });
    for (i = 0; i < N; i++) out[i] = index[i];
  }
  if (keep) orders.set(name, out);
  return out;
}
function sortTable(key, dir) {
  if (!Object.prototype.hasOwnProperty.call(KEYS, key)) return false;
  sort = { key: key, dir: dir === "descending" ? "descending" : "ascending" };
  heads.forEach(function (th, i) {
    var on = COLUMNS[i].key === sort.key;
    if (on) th.setAttribute("aria-sort", sort.dir); else th.removeAttribute("aria-sort");
    th.querySelector(".gg-sort-mark").textContent = on ? (sort.dir === "ascending" ? " \u25b2" : " \u25bc") : "";
  });
  setCurrent(null, 0, false);  // a new order starts at its first row
  renderTable({ keepPosition: false });
  return true;
}

// ---------- which rows ----------
var changes = null, changeById = new Map();
function changeOf(e) { return changeById.get(e.id) || ""; }
function readChanges() {
  changes = gg.changes ? gg.changes() : null;
  changeById = new Map();
  if (changes) ["new", "ended", "changed"].forEach(function (k) {
    changes[k].forEach(function (id) { changeById.set(id, k); });
  });
}
function scope() {
  var st = store.get();
  if (st.focus !== null) {
    return { test: function (e) { return e.from === st.focus || e.to === st.focus; },
             text: "of " + nodeName(st.focus) };
  }
  if (st.pair !== null) {
    var p = st.pair;
    return { test: function (e) { return e.bundle === p.id; },
             text: "between " + nodeName(p.from) + " and " + nodeName(p.to) };
  }
  return null;
}
// rows: the relations of the table, in its order; rows[lo, hi) are rendered
var rows = [], lo = 0, hi = PAGE;
function computeRows() {
  var shownAt = store.shownAt(), sc = scope(), r, i;
  rows = [];
  if (!orders.has(sort.key + " " + sort.dir) && store.shown().size * 4 < EDGES.length) {
    // few relations shown (an event import opens at its latest period): those are
    // sorted alone, with the same ties, instead of making every relation's order
    // first (prepareTable() makes it once the page is idle)
    var some = [];
    for (r = 0; r < EDGES.length; r++) if (shownAt[r] === 1 && (!sc || sc.test(EDGES[r]))) some.push(r);
    var rank = KEYS[sort.key](), s = sort.dir === "ascending" ? 1 : -1;
    some.sort(function (a, b) {
      return s * (rank[a] - rank[b]) || dateRank[a] - dateRank[b] || byId(EDGES[a], EDGES[b]);
    });
    for (i = 0; i < some.length; i++) rows.push(EDGES[some[i]]);
    return sc;
  }
  var all = ordered();
  for (i = 0; i < all.length; i++) {
    r = all[i];
    if (shownAt[r] === 1 && (!sc || sc.test(EDGES[r]))) rows.push(EDGES[r]);
  }
  return sc;
}
// the window takes in row i: grown when i is near it, moved to i's page when far
function reveal(i) {
  if (i < 0 || (i >= lo && i < hi)) return false;
  if (i >= hi && i < hi + NEAR) hi = Math.ceil((i + 1) / PAGE) * PAGE;
  else if (i < lo && i >= lo - NEAR) lo = Math.floor(i / PAGE) * PAGE;
  else { lo = Math.floor(i / PAGE) * PAGE; hi = lo + PAGE; }
  if (hi - lo > MAX_RENDERED) {
    if (i >= hi - MAX_RENDERED) lo = hi - MAX_RENDERED; else hi = lo + MAX_RENDERED;
  }
  return true;
}

// ---------- rows, built once per relation when first rendered ----------
var built = new Map();  // relation id -> {tr, buttons, change}
var rowOfButton = new WeakMap();
function relationName(e) {
  return e.relation + ": " + nodeName(e.from) + arrow(e) + nodeName(e.to) + ", " + e.status +
    ", " + datesText(e) + " (" + e.id + ")";
}
function cellButton(td, text, label, onClick) {
  var b = el("button", "gg-cell", gg.shorten(text, 40));  // the whole text is in the name
  if (String(text).length > 40) b.title = String(text);  // and on hover, where it is cut
  b.type = "button";
  b.tabIndex = -1;
  b.setAttribute("aria-label", label);
  b.addEventListener("click", onClick);
  td.appendChild(b);
  return b;
}
function buildRow(e) {
  var tr = el("tr");
  tr.dataset.id = e.id;
  var tds = COLUMNS.map(function (c) { var td = el("td", "gg-col-" + c.key); tr.appendChild(td); return td; });
  // two lines at most: start, then end
  tds[0].textContent = datesText(e).replace(" \u2013 ", "\n\u2013 ");
  var rel = cellButton(tds[1], e.relation, relationName(e), function () { gg.selectEdge(e.id); });
  var src = cellButton(tds[2], nodeName(e.from), nodeName(e.from) + " (" + e.from + "), source of " + e.id,
    function () { gg.focusNode(e.from); });
  var tgt = cellButton(tds[3], nodeName(e.to), nodeName(e.to) + " (" + e.to + "), target of " + e.id,
    function () { gg.focusNode(e.to); });
  tds[4].textContent = gg.shorten(e.status, 40);
  // the sign as its colour and a symbol, said in words to screen readers
  var sw = el("span", "gg-line-swatch");
  sw.style.backgroundColor = e.color;
  var mark = el("span", null, SIGN_MARK[e.signName] || "?");
  mark.title = e.signName;
  [sw, mark].forEach(function (x) { x.setAttribute("aria-hidden", "true"); tds[5].appendChild(x); });
  tds[5].appendChild(el("span", "gg-sr", e.signName));
  var r = { tr: tr, buttons: [rel, src, tgt], change: tds[6], e: e };
  r.buttons.forEach(function (b, col) { rowOfButton.set(b, { r: r, col: col }); });
  built.set(e.id, r);
  return r;
}
// the change as its compare colour and initial, said in words to screen readers
var LOOK = gg.COMPARE_LOOK || {};
function showChange(td, kind) {
  if (td.dataset.change === kind) return;
  td.dataset.change = kind;
  gg.clear(td);
  if (!kind) return;
  var sw = el("span", "gg-line-swatch"), mark = el("span", null, kind.charAt(0).toUpperCase());
  sw.style.backgroundColor = LOOK[kind] ? LOOK[kind].colour : "#999";
  mark.title = LOOK[kind] ? LOOK[kind].label : kind;
  [sw, mark].forEach(function (x) { x.setAttribute("aria-hidden", "true"); td.appendChild(x); });
  td.appendChild(el("span", "gg-sr", kind));
}
function rowFor(e) { return built.get(e.id) || buildRow(e); }

// ---------- the roving tabindex ----------
var current = { id: null, col: 0 };  // the one button in the Tab order
function setCurrent(id, col, focus) {
  var old = current.id !== null ? built.get(current.id) : null;
  if (old) old.buttons[current.col].tabIndex = -1;
  current = { id: id, col: col };
  var r = id !== null ? built.get(id) : null;
  if (!r) return;
  var b = r.buttons[col];
  b.tabIndex = 0;
  if (focus) { b.focus({ preventScroll: true }); scrollWithin(r.tr); }
}
// A row comes into sight by scrolling the table's own box (view.css), never the
// page or the side panel; on a phone, above the details' bottom sheet.
function scrollWithin(node) {
  var w = wrap.getBoundingClientRect(), r = node.getBoundingClientRect();
  var top = w.top + thead.getBoundingClientRect().height, bottom = w.bottom;
  var sheet = panel.getBoundingClientRect();
  if (getComputedStyle(panel).position === "fixed" && sheet.top < bottom && sheet.top - top > r.height) bottom = sheet.top;
  if (r.top < top) wrap.scrollTop -= top - r.top;
  else if (r.bottom > bottom) wrap.scrollTop += r.bottom - bottom;
}
function indexOf(id) {
  for (var i = 0; i < rows.length; i++) if (rows[i].id === id) return i;
  return -1;
}
function moveTo(index, col) {
  if (!rows.length) return;
  index = Math.max(0, Math.min(rows.length - 1, index));
  if (reveal(index)) drawRows();
  setCurrent(rows[index].id, col, true);
}
tbody.addEventListener("keydown", function (ev) {
  var at = rowOfButton.get(ev.target);
  if (!at) return;
  finishRows();
  var i = indexOf(at.r.e.id), col = at.col, k = ev.key;
  if (k === "ArrowDown") moveTo(i + 1, col);
  else if (k === "ArrowUp") moveTo(i - 1, col);
  else if (k === "PageDown") moveTo(i + 10, col);
  else if (k === "PageUp") moveTo(i - 10, col);
  else if (k === "Home") moveTo(ev.ctrlKey ? 0 : i, ev.ctrlKey ? col : 0);
  else if (k === "End") moveTo(ev.ctrlKey ? rows.length - 1 : i, ev.ctrlKey ? col : BUTTON_COLS.length - 1);
  else if (k === "ArrowRight") moveTo(i, Math.min(col + 1, BUTTON_COLS.length - 1));
  else if (k === "ArrowLeft") moveTo(i, Math.max(col - 1, 0));
  else return;
  ev.preventDefault();
});
tbody.addEventListener("focusin", function (ev) {
  var at = rowOfButton.get(ev.target);
  if (at && (at.r.e.id !== current.id || at.col !== current.col)) setCurrent(at.r.e.id, at.col, false);
});

// ---------- drawing ----------
// Rows out of sight are added after the frame: laying out 200 new rows cost
// about 50 ms of each filter toggle or focus at 20,000 relations, of which 12
// or so are in the box's sight (at most 60vh high, view.css). The rows down to
// the box's scroll position plus its height, at the least height of a row, and
// a margin are drawn at once; the rest when the page is idle (the table is
// aria-busy until then), or at once when something needs them (a key, a
// click in the table, a selection to scroll to).
var ROW_MIN = 16, MARGIN = 12, scrolled = 0, pending = null;
wrap.addEventListener("scroll", function () { scrolled = wrap.scrollTop; }, { passive: true });
function inSight() { return Math.ceil((scrolled + 0.6 * window.innerHeight) / ROW_MIN) + MARGIN; }
// The columns' widths come from their widest text (the longest word, or the
// whole text where there is room), so the rows drawn at once include, for each
// column, the row of all the window's with the widest of each: the rows added
// later do not move the columns. Widths measured on a canvas in the table's font.
var measure = null, widths = new Map();
function widthsOf(text) {
  var w = widths.get(text);
  if (w !== undefined) return w;
  if (measure === null) {
    var cs = getComputedStyle(table);
    measure = document.createElement("canvas").getContext("2d");
    measure.font = cs.fontWeight + " " + cs.fontSize + " " + cs.fontFamily;
  }
  var word = 0;
  // the line breaks between words and after a hyphen (UAX 14's break after)
  text.split(/\s+|(?<=[-\u2010\u2013\/])/).forEach(function (part) { word = Math.max(word, measure.measureText(part).width); });
  var line = 0;
  text.split("\n").forEach(function (part) { line = Math.max(line, measure.measureText(part).width); });
  w = [word, line];
  widths.set(text, w);
  return w;
}
function cellTexts(e) {
  return [datesText(e).replace(" \u2013 ", "\n\u2013 "), gg.shorten(e.relation, 40), gg.shorten(nodeName(e.from), 40),
          gg.shorten(nodeName(e.to), 40), gg.shorten(e.status, 40)];
}
// the indexes of the rows from..to (drawn later) that hold a column's widest
// text among the rows lo..to, in their order
function widest(lo, from, to) {
  var best = [], at = [], i, c, k;
  for (i = lo; i < to; i++) {
    var t = cellTexts(rows[i]);
    for (c = 0; c < t.length; c++) {
      var w = widthsOf(t[c]);
      for (k = 0; k < 2; k++) {
        if (!(best[2 * c + k] >= w[k])) { best[2 * c + k] = w[k]; at[2 * c + k] = i; }
      }
    }
  }
  return new Set(at.filter(function (i) { return i >= from; }).sort(function (a, b) { return a - b; }));
}
function finishRows() {
  if (pending === null) return;
  var p = pending;
  pending = null;
  if (p.handle !== null) (window.cancelIdleCallback || clearTimeout)(p.handle);
  var frag = document.createDocumentFragment(), st = store.get();
  for (var i = p.from; i < p.to; i++) {
    var r = placeRow(rows[i], st);
    if (p.drawn.has(i)) { if (frag.firstChild) tbody.insertBefore(frag, r.tr); }
    else frag.appendChild(r.tr);
  }
  if (frag.firstChild) tbody.appendChild(frag);
  table.removeAttribute("aria-busy");
  fitWidth();
}
// A name's long words can make the table wider than the side (its right columns cut
// off): the actors' names then break anywhere. Only while the rows drawn need it, as it
// costs the other names' whole words: rows that fit without it (the long name filtered
// out, another date, a wider side) get their whole words back. Measured as rows come
// and when the side's width changes; while it is on, each measure lays the table out
// without it first (the rows drawn, 200 at most).
function fitWidth() {
  if (wrap.clientWidth === 0) return;
  var tight = table.classList.contains("gg-tight");
  if (tight) table.classList.remove("gg-tight");
  var over = table.offsetWidth > wrap.clientWidth + 1;
  if (over) table.classList.add("gg-tight");
}
var sideWidth = 0, refitting = 0;
window.addEventListener("resize", function () {
  cancelAnimationFrame(refitting);
  refitting = requestAnimationFrame(function () {
    if (wrap.clientWidth === sideWidth) return;
    sideWidth = wrap.clientWidth;
    fitWidth();
  });
});
function placeRow(e, st) {
  var r = rowFor(e), sel = e.id === st.edge;
  if (r.tr.classList.contains("gg-current") !== sel) r.tr.classList.toggle("gg-current", sel);
  if (sel) r.buttons[0].setAttribute("aria-current", "true"); else r.buttons[0].removeAttribute("aria-current");
  if (changes) showChange(r.change, changeOf(e));
  return r;
}
function drawRows() {
  var active = document.activeElement, had = tbody.contains(active) ? active : null;
  if (pending !== null) { (window.cancelIdleCallback || clearTimeout)(pending.handle); pending = null; }
  table.removeAttribute("aria-busy");
  if (lo > 0 && lo >= rows.length) { lo = Math.max(0, Math.floor((rows.length - 1) / PAGE) * PAGE); hi = lo + PAGE; }
  var st = store.get(), end = Math.min(hi, rows.length), n = Math.max(0, end - lo);
  // the Tab stop's row, and the selected relation's, are among the rows drawn at once;
  // in the table (a key, "Show more"): every row at once, the one to focus among them
  var at = current.id !== null ? indexOf(current.id) : -1, keep = at >= lo && at < end;
  var sel = st.edge !== null ? indexOf(st.edge) : -1;
  var now = had || box.contains(active) ? n
    : Math.min(n, Math.max(inSight(), keep ? at - lo + 1 : 0, sel >= lo && sel < end ? sel - lo + 1 : 0));
  var trs = new Array(now), same = tbody.childElementCount === n, child = tbody.firstElementChild;
  for (var i = 0; i < now; i++) {
    trs[i] = placeRow(rows[lo + i], st).tr;
    if (same) { same = child === trs[i]; child = child.nextElementSibling; }
  }
  for (i = now; same && i < n; i++) {  // the same rows already drawn: only their marks
    var r = built.get(rows[lo + i].id);
    same = !!r && child === r.tr;
    if (same) { placeRow(rows[lo + i], st); child = child.nextElementSibling; }
  }
  // the same rows in the same order stay; others replace them in one call (removing
  // 200 rows one by one cost about half a second per filter change at 283k relations)
  if (!same) {
    var frag = document.createDocumentFragment();
    for (i = 0; i < now; i++) frag.appendChild(trs[i]);
    var drawn = now < n ? widest(lo, lo + now, end) : new Set();
    drawn.forEach(function (k) { frag.appendChild(placeRow(rows[k], st).tr); });
    tbody.replaceChildren(frag);
    fitWidth();
    if (now < n) {
      pending = { from: lo + now, to: end, drawn: drawn, handle: null };
      table.setAttribute("aria-busy", "true");
      pending.handle = window.requestIdleCallback ? window.requestIdleCallback(finishRows, { timeout: 1000 })
        : setTimeout(finishRows, 50);
    }
  }
  var left = rows.length - end;
  moreBox.hidden = left <= 0;
  moreButton.textContent = "Show " + Math.min(PAGE, left) + " more relations in the table (" + left + " not listed)";
  earlierBox.hidden = lo <= 0;
  earlierButton.textContent = "Show " + Math.min(PAGE, lo) + " earlier relations in the table (" + lo + " not listed above)";
  // the Tab stop: the same button if its row is still here, else the first row's
  if (!keep) {
    var gone = current.id !== null ? built.get(current.id) : null;
    if (gone) gone.buttons[current.col].tabIndex = -1;
    current = { id: null, col: current.col };
  }
  if (n) setCurrent(keep ? current.id : rows[lo].id, keep ? current.col : 0, false);
  if (had) {
    if (had.isConnected) { had.focus({ preventScroll: true }); scrollWithin(had); }
    else if (n) setCurrent(current.id, current.col, true);
    else caption.focus();
  }
}
var dirty = true;
var starting = true;  // drawn once, when main has restored the URL's state (gg.startTable)
function renderTable(opts) {
  if (starting) { dirty = true; return; }
  var sc = computeRows(), st = store.get();
  var n = rows.length;
  summary.textContent = "Relations (" + n + ")";
  var c = store.compared();  // the earlier date first
  var where = c ? "compared from " + c.from.text + " to " + c.to.text : st.date ? "at " + st.date.text : "at all dates";
  caption.textContent = n + (n === 1 ? " relation" : " relations") + (sc ? " " + sc.text : "") +
    " shown " + where + ", sorted by " + COLUMNS.filter(function (c) { return c.key === sort.key; })[0].title.toLowerCase() +
    " (" + sort.dir + ")";
  table.classList.toggle("gg-comparing", changes !== null);
  if (!opts || opts.keepPosition === false) { lo = 0; hi = PAGE; }
  // the selected relation is in the rendered rows (the Tab stop goes to the
  // first rendered row when its own is not: following it could render 283k rows)
  if (st.edge !== null) reveal(indexOf(st.edge));
  if (!box.open) { dirty = true; return; }
  dirty = false;
  drawRows();
}
moreButton.addEventListener("click", function () {
  var first = Math.min(hi, rows.length);
  hi = first + PAGE;
  if (hi - lo > MAX_RENDERED) lo = hi - MAX_RENDERED;
  drawRows();
  if (rows[first]) setCurrent(rows[first].id, 0, true);  // focus the first new row, not the page top
});
earlierButton.addEventListener("click", function () {
  var last = lo - 1;
  lo = Math.max(0, lo - PAGE);
  if (hi - lo > MAX_RENDERED) hi = lo + MAX_RENDERED;
  drawRows();
  if (rows[last]) setCurrent(rows[last].id, 0, true);  // the row just above the earlier first
});
box.addEventListener("toggle", function () { if (box.open && dirty) renderTable({ keepPosition: true }); });
caption.tabIndex = -1;

function markSelection() {
  if (box.contains(document.activeElement)) finishRows();
  var st = store.get(), i = st.edge === null ? -1 : indexOf(st.edge);
  if (i >= 0 && (i < lo || i >= hi)) { renderTable({ keepPosition: true }); return; }
  built.forEach(function (r, id) {
    var sel = id === st.edge;
    r.tr.classList.toggle("gg-current", sel);
    if (sel) r.buttons[0].setAttribute("aria-current", "true"); else r.buttons[0].removeAttribute("aria-current");
  });
  // the row scrolls into sight only when the user is in the table (a selection made
  // in the graph or the URL leaves the page and the details where they are)
  var r = i >= 0 ? built.get(st.edge) : null;
  if (r && r.tr.isConnected && box.contains(document.activeElement)) scrollWithin(r.tr);
}
readChanges();
sortTable("date", "ascending");
var lastScope = null;
store.subscribe(function (changed) {
  if (changed.date || changed.compare || changed.filters) readChanges();
  var st = store.get(), sc = st.focus !== null ? "f" + st.focus : st.pair !== null ? "p" + st.pair.id : "";
  var rescope = changed.selection && sc !== lastScope;
  lastScope = sc;
  if (changed.date || changed.compare || changed.filters || rescope) renderTable({ keepPosition: false });
  else if (changed.selection) markSelection();
});

gg.startTable = function () {
  if (!starting) return;
  starting = false;
  renderTable({ keepPosition: false });
};
// the order of every relation for the table's sort, made when the page is idle
// after it opened on few relations, so that the next change need not
gg.prepareTable = function () { if (sort.key !== "change") ordered(); };
gg.table = table;
gg.renderTable = renderTable;
gg.sortTable = sortTable;
gg.tableRows = function () { return rows.map(function (e) { return e.id; }); };
