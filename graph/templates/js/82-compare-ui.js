/*
 * compare-ui: the "Compare from" control, the compare legend and the list of
 * changes in the side panel.
 * Provides on gg: setCompare(text|null), renderChanges().
 * Subscribes: date, compare or filters -> the list and the legend entries.
 * Uses: util, data, state, compare; calls gg.selectEdge (select) on click.
 * Safety: text only through textContent.
 */
var el = gg.el, clear = gg.clear, store = gg.store, payload = gg.payload, LOOK = gg.COMPARE_LOOK;
var nodeName = gg.nodeName, arrow = gg.arrow, datesText = gg.datesText;
var timeline = payload.timeline;

// the control: a select of the timeline's dates, placed after the date slider
var select = el("select");
select.id = "gg-compare";
var off = el("option", null, "off");
off.value = "";
select.appendChild(off);
function addOption(d) {
  var o = el("option", null, d);
  o.value = d;
  select.appendChild(o);
}
// whole years first, then each month of the timeline
var years = [];
timeline.forEach(function (d) { var y = d.slice(0, 4); if (years.indexOf(y) < 0) years.push(y); });
years.forEach(addOption);
timeline.forEach(function (d) { if (years.indexOf(d) < 0) addOption(d); });
select.disabled = timeline.length === 0;
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
["new", "ended", "changed", "same"].forEach(function (kind) {
  var entry = el("span", "gg-legend-entry");
  var sw = el("span", "gg-line-swatch");
  sw.style.backgroundColor = LOOK[kind].colour;
  entry.appendChild(sw);
  entry.appendChild(el("span", null, LOOK[kind].label));
  legend.appendChild(entry);
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
function renderChanges() {
  var ch = gg.changes();
  clear(section);
  section.hidden = legend.hidden = ch === null;
  var from = store.get().compare ? store.get().compare.text : "";
  if (from && !Array.prototype.some.call(select.options, function (o) { return o.value === from; })) addOption(from);
  select.value = from;
  if (ch === null) return;
  section.appendChild(el("h2", null, "Changes from " + ch.from + " to " + ch.to));
  ["new", "ended", "changed"].forEach(function (kind) {
    var items = ch[kind].filter(function (id) { return store.isShown(id); })
      .map(function (id) { return gg.edgeById.get(id); });
    var h = el("h3", null, TITLES[kind] + " (" + items.length + ")");
    var sw = el("span", "gg-line-swatch");
    sw.style.backgroundColor = LOOK[kind].colour;
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
