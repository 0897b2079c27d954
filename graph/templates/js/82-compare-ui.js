/*
 * compare-ui: the "Compare from" control, the compare legend and the list of
 * changes in the side panel. The control lists the slider's steps (months
 * grouped by year, each year first); a date that overlaps the slider's (the
 * same, or a month of it) is greyed: it compares nothing, and when the URL or
 * the slider makes the two overlap the panel says so.
 * Provides on gg: setCompare(text|null), renderChanges().
 * Subscribes: date, compare or filters -> the list, the legend entries, the greyed dates.
 * Uses: util, data, state, compare; calls gg.selectEdge (select) on click.
 * Safety: text only through textContent.
 */
var el = gg.el, clear = gg.clear, store = gg.store, payload = gg.payload;
var nodeName = gg.nodeName, arrow = gg.arrow, datesText = gg.datesText;
var timeline = payload.timeline;

// the control: a select of the timeline's dates, placed after the date slider
var select = el("select");
select.id = "gg-compare";
var off = el("option", null, "off");
off.value = "";
select.appendChild(off);
var options = [];  // [option, its parsed date]
function addOption(d, parent, text) {
  var o = el("option", null, text || d);
  o.value = d;
  (parent || select).appendChild(o);
  options.push([o, gg.parseDate(d)]);
}
// a monthly timeline: one group per year, the whole year first, then its months
if (timeline.length && timeline[0].length === 7) {
  var group = null;
  timeline.forEach(function (d) {
    var y = d.slice(0, 4);
    if (!group || group.label !== y) {
      group = el("optgroup");
      group.label = y;
      select.appendChild(group);
      addOption(y, group, y + " (year)");
    }
    addOption(d, group);
  });
} else timeline.forEach(function (d) { addOption(d); });
select.disabled = timeline.length === 0;
function overlap(a, b) { return !!a && !!b && a.first <= b.last && b.first <= a.last; }
// the dates that overlap the slider's compare nothing: greyed (still shown when set)
function greyDates() {
  var at = store.get().date;
  options.forEach(function (x) { x[0].disabled = overlap(x[1], at); });
}
var box = gg.control("Compare from", select, "gg-compare-control");
var count = document.getElementById("gg-count");
count.parentNode.insertBefore(box, count);

// comparing needs a second date: at all time the state takes the timeline's last (20-state.js)
function setCompare(text) {
  store.set({ compare: text || null });
  return gg.changes() !== null;
}
select.addEventListener("change", function () { setCompare(select.value); });

// the legend's row, shown in compare mode only: one line like the others
var legend = el("div", "gg-legend-row gg-legend-compare");
legend.id = "gg-legend-compare";
legend.hidden = true;
legend.setAttribute("role", "group");
legend.setAttribute("aria-label", "Compare (line colour)");
legend.appendChild(el("span", "gg-legend-title", "Compare"));
var legendLabels = gg.compareEntries().map(function (x) {
  var entry = el("span", "gg-legend-entry");
  var sw = el("span", "gg-line-swatch");
  sw.style.backgroundColor = x.colour;
  entry.appendChild(sw);
  var label = el("span", null, x.label);
  entry.appendChild(label);
  legend.appendChild(entry);
  return label;
});
var legendBox = document.getElementById("gg-legend"), note = legendBox.querySelector(".gg-legend-note");
legendBox.insertBefore(legend, note);

// the list of changes, above the details panel
var section = el("section", "gg-changes");
section.id = "gg-changes";
section.setAttribute("aria-label", "Changes between the compared dates");
section.hidden = true;
var panel = document.getElementById("gg-panel");
panel.parentNode.insertBefore(section, panel);

var TITLES = { "new": "New", ended: "Ended", changed: "In a pair that changed sign or status" };
function changeItem(e, kind) {
  var li = el("li");
  var b = el("button", null, e.relation + ": " + nodeName(e.from) + arrow(e) + nodeName(e.to));
  b.type = "button";
  b.setAttribute("aria-label", TITLES[kind] + ": " + b.textContent + ", " + e.status + ", " + datesText(e) + " (" + e.id + ")");
  b.addEventListener("click", function () { gg.selectEdge(e.id); });
  li.appendChild(b);
  li.appendChild(el("div", "gg-tip-meta", e.status + " \u00b7 " + datesText(e)));
  return li;
}
// Why two dates set compare nothing: they overlap.
function nothingToCompare(a, b) {
  if (a.text === b.text) return a.text + " is the slider's date too";
  var inner = a.first >= b.first && a.last <= b.last ? [a, b] : b.first >= a.first && b.last <= a.last ? [b, a] : null;
  return inner ? inner[0].text + " lies within " + inner[1].text : a.text + " and " + b.text + " overlap";
}
function renderChanges() {
  var ch = gg.changes(), st = store.get();
  clear(section);
  section.hidden = legend.hidden = ch === null;
  var from = st.compare ? st.compare.text : "";
  if (from && !Array.prototype.some.call(select.options, function (o) { return o.value === from; })) addOption(from);
  greyDates();
  select.value = from;
  if (ch === null) {
    if (!st.compare || !st.date) return;
    section.hidden = false;
    section.appendChild(el("h2", null, "Nothing to compare"));
    section.appendChild(el("p", "gg-changes-none", nothingToCompare(st.compare, st.date) +
      ": move the slider, or pick another date in \u201cCompare from\u201d."));
    return;
  }
  gg.compareEntries().forEach(function (x, i) { legendLabels[i].textContent = x.label; });
  section.appendChild(el("h2", null, "Changes from " + ch.from + " to " + ch.to));
  ["new", "ended", "changed"].forEach(function (kind) {
    var items = ch[kind].filter(function (id) { return store.isShown(id); })
      .map(function (id) { return gg.edgeById.get(id); });
    var h = el("h3", null, TITLES[kind] + " (" + items.length + ")");
    var sw = el("span", "gg-line-swatch");
    sw.style.backgroundColor = gg.COMPARE_LOOK[kind].colour;
    h.insertBefore(sw, h.firstChild);
    section.appendChild(h);
    var list = el("ul", "gg-relations gg-change-" + kind);
    items.forEach(function (e) { list.appendChild(changeItem(e, kind)); });
    section.appendChild(list);
  });
  var pairs = ch.pairs.map(function (p) {
    var parts = [];
    if (p.sign) parts.push("sign " + gg.SIGN_NAMES[String(p.sign[0])] + " \u2192 " + gg.SIGN_NAMES[String(p.sign[1])]);
    if (p.status) parts.push("status " + p.status[0] + " \u2192 " + p.status[1]);
    return nodeName(p.source) + " \u2014 " + nodeName(p.target) + ": " + parts.join(", ");
  });
  if (pairs.length) {
    section.appendChild(el("h3", null, "Pairs that changed (" + pairs.length + ")"));
    var pl = el("ul", "gg-change-pairs");
    pairs.forEach(function (t) { pl.appendChild(el("li", null, t)); });
    section.appendChild(pl);
  }
}
renderChanges();
store.subscribe(function (changed) {
  if (changed.date || changed.compare || changed.filters) renderChanges();
});

gg.setCompare = setCompare;
gg.renderChanges = renderChanges;
