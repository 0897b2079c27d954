/*
 * empty: a note over the graph when the view's own controls leave no relation
 * shown ("No relation matches the filters at 2020-06"). It names what hides
 * them: the date when no relation is valid at it, else each filter group not
 * at all its values and each event threshold that cuts some. Its button "Show
 * all relations" sets every filter and threshold back to all and keeps the
 * date (the slider is where the reader is looking), unless no relation is
 * valid at that date: then all time too.
 * Provides on gg: emptyNote() -> {shown, title, why} (the note as data).
 * Subscribes: date, compare, filters (thresholds too) -> shown or hidden, and its words.
 * Uses: util, data, events, state, slider (stopPlay), filters (the groups' titles and labels).
 * Safety: value labels are data text, set with textContent only.
 */
var store = gg.store, EDGES = gg.relations, EV = gg.events, KNOWN = gg.KNOWN, el = gg.el;
var box = el("div", "gg-empty");
box.id = "gg-empty";
box.setAttribute("role", "status");
box.hidden = true;
var title = el("p", "gg-empty-title"), why = el("p", "gg-empty-why");
var all = el("button", "gg-empty-all", "Show all relations");
all.type = "button";
box.appendChild(title);
box.appendChild(why);
box.appendChild(all);
var host = document.querySelector(".gg-graph");
if (host) host.appendChild(box);

function when(st) {
  if (!st.date) return "in all time";
  return store.compared() ? "at " + st.compare.text + " or " + st.date.text : "at " + st.date.text;
}
// a filter group's title, as its box says it ("Relation type"), and its values' labels
function groupTitle(kind) {
  var head = document.querySelector("#gg-filter-" + kind + " legend");
  var text = head && head.firstChild && head.firstChild.nodeType === 3 ? head.firstChild.textContent : "";
  return text || kind;
}
function labelsOf(kind) {
  var out = new Map();
  (gg.filterGroups ? gg.filterGroups() : []).forEach(function (g) {
    if (g.kind === kind) g.order.forEach(function (o) { out.set(o.value, o.label); });
  });
  return out;
}
function kept(kind, allowed) {
  if (allowed.size === 0) return "none";
  if (allowed.size > 3) return allowed.size + " of " + KNOWN[kind].length;
  var labels = labelsOf(kind);
  return "only " + KNOWN[kind].filter(function (v) { return allowed.has(v); }).map(function (v) {
    return gg.shorten(labels.has(v) ? labels.get(v) : v, 60);  // a value's label can be a paragraph
  }).join(", ");
}
function passesFilters(e, st) {
  return store.filterDefs().every(function (d) {
    var v = d.valueOf(e), a = st.filters[d.kind];
    return Array.isArray(v) ? v.every(function (x) { return a.has(x); }) : a.has(v);
  });
}
// What hides every relation now: [title, reasons], or null when some is shown.
function reasons() {
  var st = store.get();
  if (!EDGES.length || store.shown().size > 0) return null;
  if (!EDGES.some(store.inTime)) return ["No relation is valid " + when(st), ["the date"]];
  var out = [];
  store.filterDefs().forEach(function (d) {
    var allowed = st.filters[d.kind];
    if (allowed.size < KNOWN[d.kind].length) out.push(groupTitle(d.kind) + " (" + kept(d.kind, allowed) + ")");
  });
  var cuts = EV.cuts(st);
  if (cuts.length && EDGES.some(function (e) { return store.inTime(e) && passesFilters(e, st) && !EV.keep(e, st); })) {
    cuts.forEach(function (k) {
      var label = document.querySelector('label[for="gg-' + k.replace("_", "-") + '"]');
      var value = label && label.parentNode.querySelector("output");
      out.push((label ? label.textContent : k) + (value ? " (" + value.textContent + ")" : ""));
    });
  }
  return ["No relation matches the filters " + when(st), out];
}
var note = { shown: false, title: "", why: "" };
function sync() {
  var r = reasons();
  note = r ? { shown: true, title: r[0], why: "Hidden by " + r[1].join("; ") + "." } : { shown: false, title: "", why: "" };
  if (title.textContent !== note.title) title.textContent = note.title;
  if (why.textContent !== note.why) why.textContent = note.why;
  box.hidden = !note.shown;
}
all.addEventListener("click", function () {
  var partial = { filters: {} };
  Object.keys(KNOWN).forEach(function (kind) { partial.filters[kind] = KNOWN[kind]; });
  EV.KEYS.forEach(function (k) { if (EV.has(k)) partial[k] = EV.OFF[k]; });
  if (!EDGES.some(store.inTime)) {
    if (gg.stopPlay) gg.stopPlay();
    partial.date = null;
  }
  var back = document.activeElement === all;
  store.set(partial);
  // the button is gone with the note: focus goes to the graph it brought back
  // (vis-network's focusable frame, named by 77-graph-name.js)
  var frame = gg.container.querySelector(".vis-network");
  if (back && box.hidden && frame) frame.focus();
});
store.subscribe(function (changed) { if (changed.date || changed.compare || changed.filters) sync(); });
sync();

gg.emptyNote = function () { return { shown: note.shown, title: note.title, why: note.why }; };
