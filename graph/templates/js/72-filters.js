/*
 * filters: the filter checkboxes and the count of relations shown.
 * Provides on gg: setFilter(kind, values) -> false for an unknown kind,
 * buildFilter(kind, title, entries) (a checkbox group in #gg-filter-KIND;
 * entries: {value, label, color?}), syncCheckboxes().
 * Subscribes: filters -> checkboxes; date or filters -> the count.
 * Uses: util, data, state.
 */
var payload = gg.payload, EDGES = gg.relations, el = gg.el, store = gg.store, KNOWN = gg.KNOWN;
var STATUS_ALL = gg.STATUS_ALL, SIGN_ALL = gg.SIGN_ALL;
var countEl = document.getElementById("gg-count");
function setFilter(kind, values) {
  if (!Object.prototype.hasOwnProperty.call(KNOWN, kind)) return false;
  var filters = {};
  filters[kind] = Array.isArray(values) ? values : [];
  store.set({ filters: filters });
  return true;
}
var checkboxes = [];
function buildFilter(kind, title, entries) {
  var box = document.getElementById("gg-filter-" + kind);
  var fs = el("fieldset");
  fs.appendChild(el("legend", null, title));
  entries.forEach(function (entry, i) {
    var input = el("input");
    input.type = "checkbox";
    input.id = "gg-f-" + kind + "-" + i;
    input.checked = true;
    var label = el("label");
    label.htmlFor = input.id;
    label.appendChild(input);
    if (entry.color) {
      var sw = el("span", "gg-swatch");
      sw.style.backgroundColor = entry.color;
      label.appendChild(sw);
    }
    label.appendChild(document.createTextNode(entry.label));
    input.addEventListener("change", function () {
      var next = new Set(store.get().filters[kind]), filters = {};
      if (input.checked) next.add(entry.value); else next.delete(entry.value);
      filters[kind] = Array.from(next);
      store.set({ filters: filters });
    });
    checkboxes.push({ kind: kind, value: entry.value, input: input });
    fs.appendChild(label);
  });
  box.appendChild(fs);
}
function syncCheckboxes() {
  checkboxes.forEach(function (c) { c.input.checked = store.get().filters[c.kind].has(c.value); });
}
function countBy(key) {
  var m = new Map();
  EDGES.forEach(function (e) { m.set(e[key], (m.get(e[key]) || 0) + 1); });
  return m;
}
var byStatus = countBy("status"), bySign = countBy("signName"), byRelation = countBy("relation");
buildFilter("status", "Status", STATUS_ALL.map(function (s) {
  return { value: s, label: s + " (" + (byStatus.get(s) || 0) + ")" };
}));
buildFilter("sign", "Sign", SIGN_ALL.map(function (s) {
  return { value: s, label: s + " (" + (bySign.get(s) || 0) + ")" };
}));
buildFilter("relation", "Relation type", payload.relations.map(function (r) {
  return { value: r, label: r + " (" + byRelation.get(r) + ")" };
}));
buildFilter("group", "Actor group", payload.legend.nodes.map(function (g) {
  return { value: g.key, label: g.label, color: g.color };
}));

function showCount() {
  countEl.textContent = store.shown().size + " of " + EDGES.length + " relations shown";
}
showCount();
store.subscribe(function (changed) {
  if (changed.filters) syncCheckboxes();
  if (changed.date || changed.filters) showCount();
});

gg.setFilter = setFilter;
gg.buildFilter = buildFilter;
gg.syncCheckboxes = syncCheckboxes;
