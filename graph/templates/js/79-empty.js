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
 * Placed where it covers no actor (nor its name) and no other note over the graph.
 * Uses: util, data, events, state, network, sight, slider (stopPlay), filters (the groups' titles and labels).
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
// The note where it covers no actor nor its name (57-sight.js) and no other note
// over the graph (the legend, the map's): the first such of a few spots, the
// middle first. In the middle it covered North Korea and cut "International
// sanctions" short. Where every spot covers one (a phone's graph is hardly
// wider than the note), a frame (`reframe`: the note shown, the page ready, Fit)
// puts the actors in the part the note leaves free, the note at the top or the
// bottom; a move of the reader's only moves the note, to cover the fewest.
var SPOTS = [[0.5, 0.38], [0.5, 0], [0.5, 1], [0, 0.5], [1, 0.5], [0, 0], [1, 0], [0, 1], [1, 1]], SPOT_MARGIN = 12;
function meets(a, b) { return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom; }
function covers(r, rects) { return rects.filter(function (a) { return meets(a, r); }).length; }
// every shown actor on screen and the other notes, in the graph's CSS px
function inTheWay() {
  var c = gg.container.getBoundingClientRect();
  var others = Array.prototype.filter.call(host.children, function (x) {
    return x !== box && x !== gg.container && !x.hidden && x.getClientRects().length > 0;
  }).map(function (x) {
    var r = x.getBoundingClientRect();
    return { left: r.left - c.left, top: r.top - c.top, right: r.right - c.left, bottom: r.bottom - c.top };
  });
  return { actors: gg.sightOf(null).map(gg.sightRect), others: others, w: c.width, h: c.height };
}
function spotAt(way, f, w, h) {
  var M = SPOT_MARGIN, x = M + f[0] * Math.max(0, way.w - w - 2 * M), y = M + f[1] * Math.max(0, way.h - h - 2 * M);
  return { left: x, top: y, right: x + w, bottom: y + h };
}
// The part of the graph below (or above) the note at the top (the bottom), clear of the other notes.
function freeBeside(way, r) {
  var M = SPOT_MARGIN, part = r.top <= M ? { top: r.bottom + M, bottom: way.h } : { top: 0, bottom: r.top - M };
  way.others.forEach(function (o) {
    if (!meets(o, { left: 0, right: way.w, top: part.top, bottom: part.bottom })) return;
    if (o.top - part.top > part.bottom - o.bottom) part.bottom = o.top - M; else part.top = o.bottom + M;
  });
  return { x: 0, y: part.top, w: way.w, h: part.bottom - part.top };
}
function place(reframe) {
  if (box.hidden || !host || !gg.container) return;
  var w = box.offsetWidth, h = box.offsetHeight, way = inTheWay(), best = null, fewest = Infinity;
  SPOTS.forEach(function (f) {
    var r = spotAt(way, f, w, h), n = covers(r, way.actors) + 1000 * covers(r, way.others);
    if (n < fewest) { fewest = n; best = r; }
  });
  if (fewest > 0 && reframe === true && gg.frameNamed && gg.actorsBox) {
    var actors = gg.actorsBox(false), framed = null, most = 0;
    [[0.5, 0], [0.5, 1]].forEach(function (f) {
      var r = spotAt(way, f, w, h), area = freeBeside(way, r);
      if (covers(r, way.others) || area.h < 40 || !actors) return;
      var s = gg.frameScale(actors, area);
      if (s > most) { most = s; framed = { note: r, area: area }; }
    });
    if (framed) { best = framed.note; gg.frameNamed(framed.area); }
  }
  var g = host.getBoundingClientRect(), c = gg.container.getBoundingClientRect();  // the note is placed in the host
  box.style.left = best.left + c.left - g.left + "px";
  box.style.top = best.top + c.top - g.top + "px";
}
var placing = 0;
function placeSoon(reframe) {  // after the frame that moved or resized the graph
  if (box.hidden) return;
  cancelAnimationFrame(placing);
  placing = requestAnimationFrame(function () { place(reframe === true); });
}
var note = { shown: false, title: "", why: "" };
function sync() {
  var r = reasons();
  note = r ? { shown: true, title: r[0], why: "Hidden by " + r[1].join("; ") + "." } : { shown: false, title: "", why: "" };
  if (title.textContent !== note.title) title.textContent = note.title;
  if (why.textContent !== note.why) why.textContent = note.why;
  var was = box.hidden;
  box.hidden = !note.shown;
  if (note.shown && was) place(!!(window.geograph && window.geograph.ready));  // at opening: once ready
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
["dragEnd", "zoom", "resize"].forEach(function (ev) { gg.network.on(ev, placeSoon); });
// after the first fit, and after Fit's (76-controls.js's listener runs first)
window.addEventListener("geograph:ready", function () { placeSoon(true); });
var fitButton = document.getElementById("gg-fit");
if (fitButton) fitButton.addEventListener("click", function () { placeSoon(true); });

gg.emptyNote = function () { return { shown: note.shown, title: note.title, why: note.why }; };
