/*
 * legend: what colours, shapes, line styles and arrows mean, in a compact
 * collapsible box over the graph (<details> labelled "Legend"; text and SVG
 * only). Clicking a sign, status or actor-group entry shows only that value
 * ("only hostile", "only forecasts"); clicking it again shows all again.
 * Provides on gg: buildLegend(), legendEntries() -> [{kind, value, button}].
 * Subscribes: filters -> which entries are pressed.
 * Uses: util, data, state.
 */
var el = gg.el, EDGES = gg.relations, payload = gg.payload, store = gg.store, KNOWN = gg.KNOWN;
var SVG = "http://www.w3.org/2000/svg";
var entries = [];

function line(colour, dashes, arrowhead) {
  var svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("width", "30");
  svg.setAttribute("height", "10");
  svg.setAttribute("aria-hidden", "true");
  var l = document.createElementNS(SVG, "line");
  l.setAttribute("x1", "1"); l.setAttribute("y1", "5");
  l.setAttribute("x2", arrowhead ? "22" : "29"); l.setAttribute("y2", "5");
  l.setAttribute("stroke", colour);
  l.setAttribute("stroke-width", "2.5");
  if (dashes) l.setAttribute("stroke-dasharray", dashes.map(Number).join(" "));
  svg.appendChild(l);
  if (arrowhead) {
    var p = document.createElementNS(SVG, "polygon");
    p.setAttribute("points", "21,0 30,5 21,10");
    p.setAttribute("fill", colour);
    svg.appendChild(p);
  }
  return svg;
}
function only(kind, value) {
  var current = store.get().filters[kind], filters = {};
  var alone = current.size === 1 && current.has(value);
  filters[kind] = alone ? KNOWN[kind] : [value];
  store.set({ filters: filters });
}
function row(box, title, items, minor) {
  if (!items.length) return;
  var div = el("div", "gg-legend-row" + (minor ? " gg-minor" : ""));
  div.setAttribute("role", "group");
  div.setAttribute("aria-label", title);
  div.appendChild(el("span", "gg-legend-title", title));
  items.forEach(function (item) {
    var node;
    if (item.kind) {
      node = el("button", "gg-legend-entry");
      node.type = "button";
      node.title = "Show only " + item.label + " (click again for all)";
      node.setAttribute("aria-pressed", "false");
      node.addEventListener("click", function () { only(item.kind, item.value); });
      entries.push({ kind: item.kind, value: item.value, button: node });
    } else {
      node = el("span", "gg-legend-entry");
    }
    node.appendChild(item.symbol);
    node.appendChild(el("span", null, item.label));
    div.appendChild(node);
  });
  box.appendChild(div);
}
var SHAPE_SYMBOL = { dot: "\u25cf", square: "\u25a0", triangle: "\u25b2", diamond: "\u25c6", star: "\u2605" };
function buildLegend() {
  var box = document.getElementById("gg-legend");
  var lg = payload.legend;
  row(box, "Sign", lg.signs.map(function (s) {
    return { kind: "sign", value: s.label, label: s.label, symbol: line(s.color, false, false) };
  }));
  row(box, "Status", lg.statuses.map(function (s) {
    return { kind: "status", value: s.status, label: s.label, symbol: line("#444", s.dashes, false) };
  }));
  var dir = [];
  if (lg.directed.indexOf(true) >= 0) dir.push({ label: "directed", symbol: line("#444", false, true) });
  if (lg.directed.indexOf(false) >= 0) dir.push({ label: "mutual", symbol: line("#444", false, false) });
  row(box, "Direction", dir, true);
  row(box, "Actors", lg.nodes.map(function (g) {
    var sw = el("span", "gg-swatch");
    sw.style.backgroundColor = g.color;
    return { kind: "group", value: g.key, label: g.label, symbol: sw };
  }));
  if (lg.shapes.length > 1) {
    row(box, "Shape", lg.shapes.map(function (s) {
      return { label: s.type, symbol: el("span", "gg-shape", SHAPE_SYMBOL[s.shape] || "\u25cf") };
    }), true);
  }
  if (EDGES.length) box.appendChild(el("p", "gg-legend-note", "Wider line: stronger relation (Goldstein scale)."));
  if (gg.sizeLegend) box.appendChild(gg.sizeLegend());  // "Size: number of relations" (44-size.js)
  syncLegend();
}
function syncLegend() {
  var f = store.get().filters;
  entries.forEach(function (x) {
    var set = f[x.kind];
    var pressed = set.size === 1 && set.has(x.value);
    x.button.setAttribute("aria-pressed", pressed ? "true" : "false");
    x.button.classList.toggle("gg-off", !set.has(x.value));
  });
}
store.subscribe(function (changed) { if (changed.filters) syncLegend(); });

buildLegend();
gg.buildLegend = buildLegend;
gg.legendEntries = function () { return entries.slice(); };
