/*
 * legend: what colours, shapes, line styles and arrows mean, in a compact
 * collapsible box over the graph (<details> labelled "Legend"; text and SVG
 * only). Clicking a sign, status or actor-group entry shows only that value
 * ("only hostile", "only forecasts"); clicking it again shows all again. A
 * value alone in its row is text: showing only it would change nothing.
 * It sits in a corner of the graph where no actor is (or the view is framed
 * beside it); on a phone and in a short graph it starts closed, one line long.
 * Provides on gg: buildLegend(), legendEntries() -> [{kind, value, button}],
 * placeLegend() (choose its corner again, after a fit or a resize),
 * legendRows() -> the same legend as data, for the PNG export (78-export.js):
 * [{title, items: [{kind, value, label, line: {colour, dashes, arrow: the
 * head's points or null} |
 * swatch: colour | shape: character}]}], the compare entries included; the
 * actors' row by group or by bloc as the colours are (actorItems), and the
 * size line: kinds "bloc" and "note" are in the picture whatever is shown.
 * Subscribes: filters -> which entries are pressed; compare, layout -> its
 * place (the compare row changes its size; actors move); compare, date -> the
 * sign's entries hidden while comparing (the lines then have the compare colours).
 * Uses: util, data, state, network, edge-labels (nodeBox), controls (the framing rule).
 */
var el = gg.el, EDGES = gg.relations, payload = gg.payload, store = gg.store, KNOWN = gg.KNOWN;
var SVG = "http://www.w3.org/2000/svg";
var entries = [];
var mixedParts = null;  // the page legend's grey words while such a pair is drawn: {entry, neutral, sign}
// A directed line's head where the graph draws it: at the middle of the line
// (gg.middleArrow), or at its end in large graphs; points in a 30 x 10 box,
// the same in the page's legend and the PNG export's (78-export.js).
var ARROW_HEAD = gg.LARGE ? [[21, 0], [30, 5], [21, 10]] : [[10, 0], [19, 5], [10, 10]];

function line(colour, dashes, arrowhead) {
  var svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("width", "30");
  svg.setAttribute("height", "10");
  svg.setAttribute("aria-hidden", "true");
  var l = document.createElementNS(SVG, "line");
  l.setAttribute("x1", "1"); l.setAttribute("y1", "5");
  l.setAttribute("x2", "29"); l.setAttribute("y2", "5");
  l.setAttribute("stroke", colour);
  l.setAttribute("stroke-width", "2.5");
  if (dashes) l.setAttribute("stroke-dasharray", dashes.map(Number).join(" "));
  svg.appendChild(l);
  if (arrowhead) {
    var p = document.createElementNS(SVG, "polygon");
    p.setAttribute("points", ARROW_HEAD.map(function (q) { return q.join(","); }).join(" "));
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
  // a value alone in its row filters nothing ("only" it is all): said, not a button
  var choices = items.filter(function (item) { return item.kind; }).length;
  items.forEach(function (item) {
    var node;
    if (item.kind && choices > 1) {
      node = el("button", "gg-legend-entry");
      node.type = "button";
      node.title = "Show only " + item.label + " (click again for all)";
      node.setAttribute("aria-pressed", "false");
      if (item.name) node.setAttribute("aria-label", item.name);  // unique beside the filter checkboxes
      node.addEventListener("click", function () { only(item.kind, item.value); });
      entries.push({ kind: item.kind, value: item.value, button: node });
    } else {
      node = el("span", "gg-legend-entry");
    }
    node.appendChild(item.symbol);
    // a label can be a paragraph (a group's name): shortened, whole in the tooltip
    var text = gg.shorten(item.label, 60);
    node.appendChild(el("span", null, text));
    if (text !== String(item.label) && !node.title) node.title = String(item.label);
    div.appendChild(node);
  });
  box.appendChild(div);
  return div;
}
var SHAPE_SYMBOL = { dot: "\u25cf", square: "\u25a0", triangle: "\u25b2", diamond: "\u25c6", star: "\u2605" };
function buildLegend() {
  var box = document.getElementById("gg-legend");
  var lg = payload.legend;
  var mixed = mixedEntry();
  // built with every pair's words; syncMixed() keeps those of the pairs drawn now
  var all = mixed ? { label: mixed.label, colour: mixed.colour, folded: mixed.folded, drawn: true } : null;
  var signRow = row(box, "Sign", lg.signs.map(function (s) {
    return { kind: "sign", value: s.label, label: signLabel(s, all), symbol: line(s.color, false, false) };
  }).concat(mixed && !mixed.folded ? [{ label: mixed.label, symbol: line(mixed.colour, false, false) }] : []));
  signParts.push(signRow);
  var zero = lg.signs.map(function (x) { return x.sign; }).indexOf(0);
  mixedParts = !mixed || !signRow ? null : {
    entry: mixed.folded ? null : signRow.lastChild,  // after the title and one entry per sign
    neutral: mixed.folded && zero >= 0 ? signRow.children[1 + zero] : null,
    sign: zero >= 0 ? lg.signs[zero] : null
  };
  syncMixed();
  row(box, "Status", lg.statuses.map(function (s) {
    return { kind: "status", value: s.status, label: s.label, symbol: line("#444", s.dashes, false) };
  }));
  var dir = [];
  if (lg.directed.indexOf(true) >= 0) dir.push({ label: "directed", symbol: line("#444", false, true) });
  if (lg.directed.indexOf(false) >= 0) dir.push({ label: "mutual", symbol: line("#444", false, false) });
  row(box, "Direction", dir, true);
  actorsRow = el("div", "gg-legend-actors");
  box.appendChild(actorsRow);
  syncActors();
  if (lg.shapes.length > 1) {
    row(box, "Shape", lg.shapes.map(function (s) {
      return { label: s.type, symbol: el("span", "gg-shape", SHAPE_SYMBOL[s.shape] || "\u25cf") };
    }), true);
  }
  if (EDGES.length) box.appendChild(widthLine);
  if (gg.sizeLegend) box.appendChild(gg.sizeLegend());  // "Size: number of relations" (44-size.js)
  syncLegend();
}
// The actors' colours: by group (buttons that filter), or by bloc at the date with
// the balance's summary; the same items as the PNG export's (actorItems).
var actorsRow = null, actorsLook = null;
function syncActors() {
  var st = store.get(), items = actorItems(st), look = actorItemsTitle(st) + JSON.stringify(items);
  if (look === actorsLook) return;
  actorsLook = look;
  entries = entries.filter(function (x) { return x.kind !== "group"; });
  gg.clear(actorsRow);
  row(actorsRow, actorItemsTitle(st), items.map(function (it) {
    var sw = el("span", "gg-swatch");
    sw.style.backgroundColor = it.swatch;
    if (it.kind === "group") return { kind: "group", value: it.value, label: it.label, name: it.label + " actors", symbol: sw };
    return { label: it.label, symbol: sw };
  }));
  syncLegend();
  if (gg.placeLegend) placeSoon();  // its size changed
}
gg.syncLegendActors = syncActors;
store.subscribe(function (changed) { if (changed.color || changed.date || changed.filters) syncActors(); });
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
// In compare mode (45-compare.js) every line has the colour of its change, not of
// its sign: the sign's entries leave the legend while the compare row says the colours.
var signParts = [], compareParts = [], wasComparing = null;
function syncCompare() {
  var comparing = store.compared() !== null;  // two dates that overlap compare nothing
  if (comparing === wasComparing) return;
  signParts.forEach(function (x) { if (x) x.hidden = comparing; });
  compareParts.forEach(function (x) { x.hidden = !comparing; });
  if (wasComparing !== null) placeSoon();  // its size changed
  wasComparing = comparing;
}
store.subscribe(function (changed) { if (changed.compare || changed.date) syncCompare(); });

// ---------- where the legend sits: never over an actor ----------
// It takes the first corner of the graph with no actor (shape or name) under
// it; when every corner has one, a fit frames the view in the part of the
// graph the legend leaves free, and anything else leaves the view alone (the
// legend, unless the reader opened it, folds to its line). On a phone it starts closed, as one line
// (its summary); opened, it is a sheet over the bottom of the graph that
// scrolls, and the graph is framed above it.
var details = document.getElementById("gg-legend-box");
var CORNERS = ["gg-at-bl", "gg-at-tl", "gg-at-tr", "gg-at-br"];
var MARGIN = 6, NAME_ROOM = 16;
var phone = window.matchMedia ? window.matchMedia("(max-width: 720px)") : { matches: false };
// A short graph (a notebook's frame of 500-600 px, a small window) would be mostly
// legend: there it starts folded to its one line, as on a phone. The rule is the
// graph's height, not the legend's share of it (a tall legend on a tall page stays
// open). It follows resizes until the user opens or closes the legend; that choice stays.
var SHORT = 560;
var chosen = false, autoOpen = true;
function foldRule() {
  if (chosen) return;
  autoOpen = !(phone.matches || details.parentNode.getBoundingClientRect().height < SHORT);
  if (details.open !== autoOpen) details.open = autoOpen;
}
foldRule();

function summaryKey() {
  var key = el("span", "gg-legend-key");
  key.setAttribute("aria-hidden", "true");
  var lg = payload.legend;
  var signs = el("span", "gg-legend-key-signs");
  lg.signs.forEach(function (s) { signs.appendChild(line(s.color, false, false)); signs.appendChild(el("span", null, s.label)); });
  key.appendChild(signs);
  signParts.push(signs);
  // while comparing, the colours of the changes take the signs' place
  var look = gg.COMPARE_LOOK || {}, changes = el("span", "gg-legend-key-signs gg-legend-key-changes");
  ["new", "ended", "changed"].forEach(function (k) {
    if (!look[k]) return;
    changes.appendChild(line(look[k].colour, false, false));
    changes.appendChild(el("span", null, k));
  });
  key.insertBefore(changes, signs);
  compareParts.push(changes);
  lg.statuses.forEach(function (s) {
    if (s.dashes) { key.appendChild(line("#444", s.dashes, false)); key.appendChild(el("span", null, s.status)); }
  });
  details.querySelector("summary").appendChild(key);
}
// boxes of the shown actors, in the page's CSS pixels
function actorBoxes() {
  var net = gg.network, r = gg.container.getBoundingClientRect(), out = [];
  net.body.nodeIndices.forEach(function (id) {
    var node = net.body.nodes[id];
    if (node.options.hidden) return;
    var b = gg.nodeBox(node), a = net.canvasToDOM({ x: b.left, y: b.top }), c = net.canvasToDOM({ x: b.right, y: b.bottom });
    out.push({ left: r.left + a.x, top: r.top + a.y, right: r.left + c.x, bottom: r.top + c.y });
  });
  return out;
}
// Other notes over the graph (the map's "Not on the map") count as covered too.
function overlays() {
  return Array.prototype.filter.call(details.parentNode.children, function (x) {
    return x !== details && x !== gg.container && !x.hidden && x.getClientRects().length > 0;
  }).map(function (x) { return x.getBoundingClientRect(); });
}
function covered(rect, boxes) {
  function meets(b) { return b.left < rect.right && rect.left < b.right && b.top < rect.bottom && rect.top < b.bottom; }
  return boxes.filter(meets).length + 1000 * overlays().filter(meets).length;
}
// Frame the shown actors in the part of the graph beside, above or below the legend.
function frameBeside(legendRect) {
  var r = gg.container.getBoundingClientRect(), W = r.width, H = r.height;
  var L = { left: legendRect.left - r.left, top: legendRect.top - r.top,
            right: legendRect.right - r.left, bottom: legendRect.bottom - r.top };
  // below the legend, a line more: a name may be set above its actor (53-names.js),
  // out of the box the actors are framed by (vis-network's, the name below)
  var below = L.bottom + MARGIN + NAME_ROOM;
  var free = [
    { x: 0, y: 0, w: W, h: L.top - MARGIN },
    { x: 0, y: below, w: W, h: H - below },
    { x: 0, y: 0, w: L.left - MARGIN, h: H },
    { x: L.right + MARGIN, y: 0, w: W - L.right - MARGIN, h: H }
  ];
  var box = gg.actorsBox(false), best = null, bestScale = 0;  // framed as Fit frames (76-controls.js)
  if (!box) return false;
  // the other notes over the graph (the map's "Not on the map") are kept clear too
  var notes = overlays().map(function (o) {
    return { left: o.left - r.left, top: o.top - r.top, right: o.right - r.left, bottom: o.bottom - r.top };
  });
  free.forEach(function (f) {
    f = clearOf(f, notes, box);
    if (!f || f.w < 40 || f.h < 40) return;
    var s = gg.frameScale(box, f);
    if (s > bestScale) { bestScale = s; best = f; }
  });
  if (!best) return false;
  gg.frameNamed(best);  // as Fit frames: names readable, on a phone at the top of the part
  keepFrame();
  return true;
}
// The part f of the graph ({x, y, w, h}) cut clear of each note (CSS px of the
// graph) it meets: to the side of the note where the actors' box is drawn largest.
function clearOf(f, notes, box) {
  for (var i = 0; i < notes.length && f; i++) {
    var n = notes[i];
    if (!(n.left < f.x + f.w && f.x < n.right && n.top < f.y + f.h && f.y < n.bottom)) continue;
    var best = null, bestScale = 0;
    [
      { x: f.x, y: f.y, w: f.w, h: n.top - MARGIN - f.y },
      { x: f.x, y: n.bottom + MARGIN, w: f.w, h: f.y + f.h - n.bottom - MARGIN },
      { x: f.x, y: f.y, w: n.left - MARGIN - f.x, h: f.h },
      { x: n.right + MARGIN, y: f.y, w: f.x + f.w - n.right - MARGIN, h: f.h }
    ].forEach(function (c) {
      if (c.w < 40 || c.h < 40) return;
      var s = gg.frameScale(box, c);
      if (s > bestScale) { bestScale = s; best = c; }
    });
    f = best;
  }
  return f;
}
// Whether the camera is where a fit (or the framing here) put it: once the user,
// a search or a selection moved it, the legend only changes corners.
var lastFrame = null;
function keepFrame() {
  lastFrame = { scale: gg.network.getScale(), at: gg.network.getViewPosition() };
}
function isFramed() {
  if (lastFrame === null) return false;
  var at = gg.network.getViewPosition();
  return Math.abs(gg.network.getScale() - lastFrame.scale) < 1e-9 &&
    Math.abs(at.x - lastFrame.at.x) < 0.5 && Math.abs(at.y - lastFrame.at.y) < 0.5;
}
function placeLegend(fromFit) {
  if (!gg.network || !window.geograph || !window.geograph.ready) return;
  if (fromFit === true) keepFrame();
  var framed = isFramed();
  var boxes = actorBoxes(), sheet = phone.matches && details.open;
  details.classList.toggle("gg-sheet", sheet);
  if (sheet) {
    CORNERS.forEach(function (c) { details.classList.remove(c); });
    if (framed && covered(details.getBoundingClientRect(), boxes)) frameBeside(details.getBoundingClientRect());
    return;
  }
  var best = freeCorner(boxes);
  if (best === null) return;
  // No corner is free. Only a fit (which chooses the view anyway) frames the
  // actors beside the legend; anything else (the legend opened, a size, the
  // compare rows, a resize) leaves the view where it is: the legend the page
  // opened folds to its one line, and sits where it covers the fewest actors.
  if (fromFit !== true && details.open && !chosen) {
    autoOpen = false;
    details.open = false;
    best = freeCorner(boxes);
    if (best === null) return;
  }
  if (framed && fromFit === true) frameBeside(details.getBoundingClientRect());
}
// The first corner where the legend covers nothing (null, the legend left there),
// else the corner where it covers the fewest (the legend put there).
function freeCorner(boxes) {
  var best = null, fewest = Infinity;
  for (var i = 0; i < CORNERS.length; i++) {
    CORNERS.forEach(function (c) { details.classList.toggle(c, c === CORNERS[i]); });
    var n = covered(details.getBoundingClientRect(), boxes);
    if (n === 0) return null;
    if (n < fewest) { fewest = n; best = CORNERS[i]; }
  }
  CORNERS.forEach(function (c) { details.classList.toggle(c, c === best); });
  return best;
}
var pending = 0;
function placeSoon() {  // after the other parts have redrawn (the compare rows, a resize)
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(placeLegend);
}
details.classList.add(CORNERS[0]);
function afterFit() { placeLegend(true); }
window.addEventListener("geograph:ready", afterFit);
window.addEventListener("resize", function () { foldRule(); placeSoon(); });
details.addEventListener("toggle", function () {
  if (details.open !== autoOpen) chosen = true;  // not the rule's doing: the user's
  placeSoon();
});
store.subscribe(function (changed) {
  // its compare row comes or goes; actors move; their sizes change
  if (changed.compare || changed.layout || changed.size) placeSoon();
  // on a phone the details open as a sheet at the bottom: the legend's sheet makes way
  var st = store.get();
  if (changed.selection && phone.matches && details.open && (st.focus !== null || st.edge !== null || st.pair !== null)) {
    autoOpen = false;
    details.open = false;
  }
});

var widthLine = el("p", "gg-legend-note gg-width-note", widthNote());
store.subscribe(function (changed) {
  if (!(changed.date || changed.filters || changed.compare)) return;
  var text = widthNote(), grey = mixedParts && mixedParts.entry ? mixedParts.entry.hidden : null;
  syncMixed();
  if (widthLine.textContent === text && (!mixedParts || !mixedParts.entry || mixedParts.entry.hidden === grey)) return;
  widthLine.textContent = text;
  if (gg.placeLegend) placeSoon();  // its size changed
});
buildLegend();
summaryKey();
syncCompare();
gg.buildLegend = buildLegend;
gg.placeLegend = placeLegend;
gg.legendEntries = function () { return entries.slice(); };

// The rows buildLegend draws, as data: what the export draws with the canvas.
function legendRows() {
  var lg = payload.legend, rows = [];
  function add(title, items) { if (items.length) rows.push({ title: title, items: items }); }
  var mixed = mixedEntry();
  add("Sign", lg.signs.map(function (s) {
    return { kind: "sign", value: s.label, label: signLabel(s, mixed), line: { colour: s.color, dashes: false } };
  }).concat(mixed && !mixed.folded ? [{ kind: "mixed", value: true, label: mixed.label, line: { colour: mixed.colour, dashes: false } }] : []));
  add("Status", lg.statuses.map(function (s) {
    return { kind: "status", value: s.status, label: s.label, line: { colour: "#444", dashes: s.dashes } };
  }));
  add("Direction", lg.directed.slice().reverse().map(function (d) {
    return { kind: "directed", value: d, label: d ? "directed" : "mutual", line: { colour: "#444", dashes: false, arrow: d ? ARROW_HEAD : null } };
  }));
  var st = store.get(), actors = actorItems(st), blocs = byBloc(st) && gg.blocText ? gg.blocText() : "";
  add(actorItemsTitle(st), blocs ? actors.concat([{ kind: "note", label: blocs }]) : actors);
  if (lg.shapes.length > 1) {
    add("Shape", lg.shapes.map(function (s) {
      return { kind: "type", value: s.type, label: s.type, shape: SHAPE_SYMBOL[s.shape] || "\u25cf" };
    }));
  }
  add("Compare", (gg.compareEntries ? gg.compareEntries() : []).map(function (x) {
    return { kind: "change", value: x.kind, label: x.label, line: { colour: x.colour, dashes: false } };
  }));
  if (gg.sizeLegendText) add("", [{ kind: "note", label: gg.sizeLegendText() }]);  // as on screen (44-size.js)
  return rows;
}
gg.legendRows = legendRows;

// ---------- what the actors' colours mean: one answer for the page and the PNG ----------
function byBloc(st) { return st.color === "bloc" && !!gg.blocStep; }
function actorItemsTitle(st) { return byBloc(st) ? "Actors (bloc)" : "Actors"; }
function actorItems(st) {
  if (!byBloc(st)) {
    return payload.legend.nodes.map(function (g) { return { kind: "group", value: g.key, label: g.label, swatch: g.color }; });
  }
  var step = gg.blocStep(st.date ? st.date.text : null), items = [], inBloc = new Set();
  if (step) {
    step.blocs.forEach(function (b, i) {
      b.forEach(function (id) { inBloc.add(id); });
      items.push({ kind: "bloc", value: i, label: "bloc " + (i + 1) + ": " + b.map(gg.nodeName).join(", "), swatch: gg.BLOC_COLOURS[i] });
    });
  }
  var outside = payload.nodes.some(function (n) { return st.filters.group.has(n.colour_key) && !inBloc.has(n.id); });
  if (outside) items.push({ kind: "bloc", value: null, label: "not in a bloc", swatch: gg.UNALIGNED });
  return items;
}
gg.actorItems = actorItems;
// A counted pair's line has the sign of its relations' sum (40-style.js): grey when
// they cancel out. Where some relation is neutral, its entry says both (two grey
// entries could not be told apart); else an entry of its own names the grey.
// Only while such a pair is drawn (40-style.js counts them), as "a number" below.
function mixedEntry() {
  if (!gg.bundles.length) return null;
  var neutral = payload.legend.signs.some(function (s) { return s.sign === 0; });
  return { label: "mixed pair (signs cancel out)", colour: gg.STYLE.sign_colours["0"], folded: neutral,
           drawn: gg.mixedPairs() > 0 };
}
function signLabel(s, mixed) {
  return mixed && mixed.folded && mixed.drawn && s.sign === 0 ? s.label + " or mixed pair" : s.label;
}
function syncMixed() {
  if (!mixedParts) return;
  var drawn = gg.mixedPairs() > 0;
  if (mixedParts.entry) mixedParts.entry.hidden = !drawn;
  var node = mixedParts.neutral;
  if (!node || !mixedParts.sign) return;
  var label = signLabel(mixedParts.sign, mixedEntry()), text = node.lastChild;
  if (text.textContent === label) return;
  text.textContent = label;
  if (node.tagName === "BUTTON") node.title = "Show only " + label + " (click again for all)";
}
// "a number" only while some pair shows one (a pair showing one relation is drawn
// as that relation, 40-style.js), as in the PNG export's legend
function widthNote() {
  return gg.countedPairs() > 0 ? "Wider line: stronger relation; a number: relations of the pair."
    : "Wider line: stronger relation (Goldstein scale).";
}
