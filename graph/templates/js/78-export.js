/*
 * export: the PNG export, fit to publish. The whole graph (every actor and
 * relation shown, not the crop of the viewport) is redrawn by vis-network into
 * an offscreen canvas at `scale` image pixels per graph unit (2 by default),
 * under a title, the date or the compared dates, the filters in words, and
 * over the legend of what is drawn and the sources of the relations shown.
 * The page's own canvas, viewport and selection are not touched.
 * Provides on gg: exportPNG(opts) -> Promise of a PNG data URL (a Blob with
 * opts.blob), exportCanvas(opts) -> {canvas, info}, exportInfo() -> the plain
 * data of the last export (size, scale, texts drawn around the graph and in
 * it, where the graph is and each legend symbol, the milliseconds of drawing).
 * Sets gg.drawFrame (graph units) while it draws, else null.
 * Uses: util, data, state, style, network; legend's legendRows, compare's
 * changeOf when it is there (called at export time).
 * Safety: text from the data is drawn with the canvas's fillText only.
 */
var store = gg.store, network = gg.network, payload = gg.payload, shorten = gg.shorten;
// Chromium's canvas limits (Firefox's and Safari's desktop ones are close).
var MAX_SIDE = 16384, MAX_AREA = 268435456;
var FONT = "system-ui, -apple-system, \"Segoe UI\", Roboto, Helvetica, Arial, sans-serif";
var PAD = 24, GRAPH_PAD = 20, MIN_WIDTH = 760;
var STYLE_OF = {
  title: { font: "600 22px", colour: "#111", line: 28 },
  sub: { font: "14px", colour: "#333", line: 19 },
  legendTitle: { font: "600 12px", colour: "#666", line: 20 },
  legend: { font: "13px", colour: "#222", line: 20 },
  foot: { font: "12px", colour: "#555", line: 16 }
};
var KIND_WORDS = { status: "status", sign: "sign", relation: "type", group: "actor group",
                   said_by: "said by", source: "source" };
var last = null;

function fontOf(style, t) {
  var parts = STYLE_OF[style].font.split(" "), size = parseFloat(parts.pop());
  return parts.concat([(size * t).toFixed(2) + "px", FONT]).join(" ");
}
// Lines of at most `width` pixels; a word longer than a line is cut; at most `max` lines.
function wrap(ctx, text, width, max) {
  var words = String(text).split(/\s+/).filter(Boolean), lines = [], line = "";
  function push(s) { lines.push(s); }
  words.forEach(function (w) {
    var next = line ? line + " " + w : w;
    if (ctx.measureText(next).width <= width) { line = next; return; }
    if (line) push(line);
    line = w;
    while (ctx.measureText(line).width > width && line.length > 1) {
      var n = line.length;
      while (n > 1 && ctx.measureText(line.slice(0, n)).width > width) n = Math.floor(n * 0.9);
      push(line.slice(0, n));
      line = line.slice(n);
    }
  });
  if (line) push(line);
  if (lines.length > max) {
    lines = lines.slice(0, max);
    var end = lines[max - 1];
    lines[max - 1] = end.slice(0, Math.max(1, end.length - 2)) + "\u2026";
  }
  return lines;
}

// ---------- what the image says ----------
function dateWords(st) {
  var c = store.compared();  // the earlier date first
  if (c) return "Compared: " + c.from.text + " \u2192 " + c.to.text;
  return st.date ? "At " + st.date.text : "All time";
}
function labelOf(kind, value) {
  if (kind === "group") {
    var g = payload.legend.nodes.filter(function (x) { return x.key === value; })[0];
    return g ? g.label : String(value);
  }
  return String(value);
}
function filterWords(st) {
  var parts = [];
  store.filterKinds().forEach(function (kind) {
    var all = gg.KNOWN[kind] || [], allowed = all.filter(function (v) { return st.filters[kind].has(v); });
    if (allowed.length === all.length) return;
    var name = gg.own(KIND_WORDS, kind) || kind.replace(/_/g, " ");
    var left = all.filter(function (v) { return !st.filters[kind].has(v); });
    var words = !allowed.length ? "none"
      : allowed.length > 6 && left.length < allowed.length ? "all but " + names(kind, left) : names(kind, allowed);
    parts.push(name + ": " + words);
  });
  // the event thresholds hide relations too (15-events.js: the same list as the empty note's)
  gg.events.cuts(st).forEach(function (k) { parts.push(gg.events.words(k, st[k])); });
  return "Filters: " + (parts.length ? parts.join("; ") : "all relations");
}
function names(kind, values) {
  var shown = values.slice(0, 8).map(function (v) { return shorten(labelOf(kind, v), 40); });
  return shown.join(", ") + (values.length > 8 ? " and " + (values.length - 8) + " more" : "");
}
function selectionWords(st) {
  if (st.focus !== null) return "focus: " + gg.nodeName(st.focus);
  if (st.edge !== null) {
    var e = gg.edgeById.get(st.edge);
    // its status in words: in a picture a forecast's dots are all that would tell it from a fact
    var said = e.status + (e.said_by ? ", said by " + shorten(e.said_by, 60) : "");
    return "selected: " + e.relation + " (" + said + "), " + gg.nodeName(e.from) + gg.arrow(e) + gg.nodeName(e.to);
  }
  if (st.pair !== null) return "selected: " + gg.nodeName(st.pair.from) + " \u2014 " + gg.nodeName(st.pair.to);
  return null;
}
function sourceWords(shown) {
  var seen = [], lines = [];
  gg.relations.forEach(function (e) {
    if (shown.has(e.id) && e.source_id !== null && seen.indexOf(e.source_id) < 0) seen.push(e.source_id);
  });
  seen.slice(0, 5).forEach(function (id) {
    var s = gg.own(payload.sources || {}, id);
    var bits = s ? [s.publisher, s.title ? "\u201c" + s.title + "\u201d" : null, s.published]
      .filter(function (x) { return x; }).map(function (x) { return shorten(x, 160); }) : [];
    lines.push("Source: " + (bits.length ? bits.join(", ") : shorten(id, 80)));
  });
  if (seen.length > 5) lines.push("and " + (seen.length - 5) + " more sources");
  if (!seen.length) lines.push("Source: none given for the relations shown");
  return lines;
}
// The legend entries whose look is in the picture: the values of what is drawn.
function usedLegend(st, shown) {
  var used = { sign: new Set(), status: new Set(), directed: new Set(), group: new Set(), type: new Set(), change: new Set(), mixed: new Set() };
  var compare = !!(gg.changeOf && store.compared()), bundled = false, looked = new Set();
  gg.relations.forEach(function (e) {
    if (!shown.has(e.id)) return;
    used.status.add(e.status);
    used.directed.add(!!e.directed);
    // a pair showing one relation is drawn as that relation: no number, no mixed grey
    // in compare mode every line, a counted pair's too, has the colour of what changed (45-compare.js)
    var b = gg.bundleOf(e);
    if (!compare) used.sign.add(e.signName);
    else if (!b && gg.changeOf(e.id)) used.change.add(gg.changeOf(e.id));
    if (!b || looked.has(b)) return;
    looked.add(b);
    var pair = gg.bundleState(b);
    if (pair.count > 1) bundled = true;
    if (!compare && pair.count > 1 && pair.colour === gg.STYLE.sign_colours["0"]) used.mixed.add(true);
    if (compare) used.change.add(gg.pairChange(b));
  });
  payload.nodes.forEach(function (n) {
    if (!st.filters.group.has(n.colour_key)) return;
    used.group.add(n.colour_key);
    used.type.add(n.type);
  });
  var rows = (gg.legendRows ? gg.legendRows() : []).map(function (r) {
    // blocs and notes (the index, the size) say what the picture shows as it is
    var items = r.items.filter(function (it) { return !used[it.kind] || used[it.kind].has(it.value); });
    return { title: r.title, items: items };
  });
  rows = rows.filter(function (r) { return r.items.length; });
  // in compare mode the line colours say what changed: that row first
  rows.sort(function (a, b) { return (b.items[0].kind === "change") - (a.items[0].kind === "change"); });
  // the width's note, then the size's (the legend's last row), as on screen
  var notes = rows.length && rows[rows.length - 1].title === "" ? rows.pop() : null;
  if (shown.size) rows.push({ title: "", items: [{ label: bundled ? "Wider line: stronger relation; a number: relations of the pair" : "Wider line: stronger relation (Goldstein scale)" }] });
  if (notes) rows.push(notes);
  return rows;
}
// ---------- the graph, redrawn by vis-network ----------
// vis-network (9.1.2, bundled by pyvis) has no public way to draw the whole
// graph, at a chosen scale, into another canvas, nor to give a relation's
// curve: this section is the one place that reaches into its internals.
// visMissing() names what it needs and does not find; the export then fails
// with that message (tests/test_view_export.py holds it empty), never
// drawing a wrong picture.
function visMissing() {
  var renderer = network.renderer, body = network.body, missing = [];
  if (!network.canvas || !network.canvas.frame) missing.push("canvas.frame");
  if (!renderer || typeof renderer._redraw !== "function") missing.push("renderer._redraw");
  if (!renderer || typeof renderer._drawNodes !== "function") missing.push("renderer._drawNodes");
  if (!body || !body.view || !body.view.translation) missing.push("body.view.translation");
  if (!body || !Array.isArray(body.edgeIndices) || !body.edges) missing.push("body.edgeIndices");
  return missing;
}
function addBox(b, box) {
  if (!box) return;
  [[box.left, box.top], [box.right, box.bottom]].forEach(function (p) {
    if (!isFinite(p[0]) || !isFinite(p[1])) return;
    b.minX = Math.min(b.minX, p[0]); b.maxX = Math.max(b.maxX, p[0]);
    b.minY = Math.min(b.minY, p[1]); b.maxY = Math.max(b.maxY, p[1]);
  });
}
// The box, in graph units, of every actor shown (its name included, as vis
// measured it when it last drew it) and of every relation line (sampled
// along its curve) with its vis-drawn label.
function graphBounds() {
  var b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  gg.nodes.get({ filter: function (n) { return !n.hidden; }, fields: ["id"] }).forEach(function (n) {
    addBox(b, network.getBoundingBox(n.id));
  });
  var body = network.body;
  body.edgeIndices.forEach(function (id) {
    var edge = body.edges[id];
    if (!edge || !edge.connected || edge.options.hidden) return;
    for (var t = 0; t <= 1.0001; t += 0.1) {
      try { var p = edge.edgeType.getPoint(t); addBox(b, { left: p.x, top: p.y, right: p.x, bottom: p.y }); } catch (err) { /* a self-loop: its node's box */ }
    }
    var size = edge.labelModule && edge.labelModule.size;
    if (size && size.width > 0) addBox(b, { left: size.left, top: size.top, right: size.left + size.width, bottom: size.top + size.height });
  });
  if (!isFinite(b.minX)) b = { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  return b;
}
// A picture is read without the page's hover: the actors faded around a
// selection keep their names readable in it (grey, not the page's 18 %
// ghost, which a printed or published picture leaves illegible). Their
// label fonts are set for the drawing; returns what to put back
// ([fontOptions, colour, stroke colour, label]).
var FADED_NAME = "#6b6b6b";
function readableNames() {
  var out = [], nodes = network.body.nodes;
  Object.keys(nodes).forEach(function (id) {
    var n = nodes[id], f = n.labelModule && n.labelModule.fontOptions;
    if (!f || !(typeof n.options.opacity === "number" && n.options.opacity < 0.5)) return;
    out.push([f, f.color, f.strokeColor, n.labelModule]);
    f.color = FADED_NAME;
    f.strokeColor = "#ffffff";
    n.labelModule.labelDirty = true;  // vis keeps the colour in the lines it laid out
  });
  return out;
}
// vis-network's own drawing pass, pointed at our context: its view is set to
// scale 1 (labels as at 100 %), and every actor is drawn, not only those in
// the viewport, so that every name is measured anew. Large graphs' actor
// names (52-labels.js) are drawn after it, on the same context. `actorsOnly`
// leaves the lines out (a pass that measures). Everything is put back before
// returning, so the page's canvas and viewport stay as they were.
function drawGraph(ctx, scale, originX, originY, box, texts, clip, actorsOnly) {
  var canvas = network.canvas, renderer = network.renderer, body = network.body, view = body.view;
  var edgeIds = body.edgeIndices;
  var fillText = ctx.fillText;
  ctx.fillText = function (s) { texts.push(String(s)); return fillText.apply(ctx, arguments); };
  var saved = { scale: view.scale, x: view.translation.x, y: view.translation.y };
  var drawNodes = renderer._drawNodes;
  canvas.getContext = function () { return ctx; };
  canvas.setTransform = function () { ctx.setTransform(scale, 0, 0, scale, originX, originY); };
  renderer._drawNodes = function (c) { return drawNodes.call(renderer, c, true); };
  gg.drawFrame = { minX: box.minX - GRAPH_PAD, minY: box.minY - GRAPH_PAD,
                   maxX: box.maxX + GRAPH_PAD, maxY: box.maxY + GRAPH_PAD };
  ctx.save();
  // only in the graph's frame: a map layout's outline (55-map.js) covers the world
  ctx.beginPath();
  ctx.rect(clip.x, clip.y, clip.width, clip.height);
  ctx.clip();
  var names = readableNames();
  try {
    view.scale = 1;
    view.translation.x = 0;
    view.translation.y = 0;
    if (actorsOnly) body.edgeIndices = [];  // a pass that only measures the names: no line
    renderer._redraw(false);
    // a large graph's names as placed in this drawing (the page's redraw below replaces them)
    var labels = gg.LARGE && gg.labelsDrawn ? gg.labelsDrawn() : [];
  } finally {
    names.forEach(function (x) { x[0].color = x[1]; x[0].strokeColor = x[2]; x[3].labelDirty = true; });
    body.edgeIndices = edgeIds;
    ctx.restore();
    gg.drawFrame = null;
    delete ctx.fillText;
    delete canvas.getContext;
    delete canvas.setTransform;
    delete renderer._drawNodes;
    view.scale = saved.scale;
    view.translation.x = saved.x;
    view.translation.y = saved.y;
  }
  network.redraw();
  return labels;
}
// What a drawing measured: the graph's box with every name as drawn
// (vis-network's, and in large graphs the `labels` 52-labels.js placed,
// whose boxes are in image pixels / r).
function drawnBounds(labels, origin, r) {
  var b = graphBounds();
  labels.forEach(function (l) {
    var x = l.x - origin.x / r, y = l.y - origin.y / r;
    addBox(b, { left: x, top: y, right: x + l.width, bottom: y + l.height });
  });
  return b;
}
function within(inner, outer) {
  return inner.minX >= outer.minX - 0.5 && inner.minY >= outer.minY - 0.5 &&
    inner.maxX <= outer.maxX + 0.5 && inner.maxY <= outer.maxY + 0.5;
}
function union(a, b) {
  return { minX: Math.min(a.minX, b.minX), minY: Math.min(a.minY, b.minY),
           maxX: Math.max(a.maxX, b.maxX), maxY: Math.max(a.maxY, b.maxY) };
}

// ---------- layout: blocks of text and the graph, in image pixels ----------
// t: the text scale (image pixels per CSS pixel), r: image pixels per graph unit.
function layout(ctx, words, legend, box, r, t) {
  var gw = (box.maxX - box.minX + 2 * GRAPH_PAD) * r, gh = (box.maxY - box.minY + 2 * GRAPH_PAD) * r;
  var pad = PAD * t, width = Math.max(MIN_WIDTH * t, gw + 2 * pad), inner = width - 2 * pad;
  var lines = [], y = pad;
  function block(style, text, max) {
    ctx.font = fontOf(style, t);
    wrap(ctx, text, inner, max).forEach(function (s) {
      y += STYLE_OF[style].line * t;
      lines.push({ style: style, text: s, x: pad, y: y - 5 * t });
    });
  }
  block("title", words.title, 3);
  block("sub", words.when, 2);
  block("sub", words.filters, 4);
  y += 8 * t;
  var graph = { x: (width - gw) / 2, y: y, width: gw, height: gh };
  y += gh + 8 * t;
  var items = [];
  ctx.font = fontOf("legendTitle", t);
  var titleWidth = Math.max.apply(null, legend.map(function (row) { return ctx.measureText(row.title).width; }).concat([0]));
  ctx.font = fontOf("legend", t);
  legend.forEach(function (row) {
    y += STYLE_OF.legend.line * t;
    items.push({ title: row.title, x: pad, y: y - 6 * t });
    var x = pad + titleWidth + 12 * t;
    row.items.forEach(function (it) {
      var sym = it.line ? 36 * t : it.swatch || it.shape ? 20 * t : 0;
      var label = shorten(it.label, 80), w = sym + ctx.measureText(label).width;
      if (x + w > width - pad && x > pad + titleWidth + 12 * t) { x = pad + titleWidth + 12 * t; y += STYLE_OF.legend.line * t; }
      items.push({ item: it, label: label, x: x, y: y - 6 * t, sym: sym });
      x += w + 16 * t;
    });
  });
  y += 6 * t;
  words.foot.forEach(function (text) { block("foot", text, 3); });
  return { width: Math.ceil(width), height: Math.ceil(y + pad), lines: lines, graph: graph, legend: items };
}
function fits(l) { return l.width <= MAX_SIDE && l.height <= MAX_SIDE && l.width * l.height <= MAX_AREA; }

// ---------- drawing ----------
function drawSymbol(ctx, it, x, y, t) {
  if (it.line) {
    ctx.save();
    ctx.strokeStyle = it.line.colour;
    ctx.fillStyle = it.line.colour;
    ctx.lineWidth = 2.5 * t;
    ctx.setLineDash(it.line.dashes ? it.line.dashes.map(function (d) { return d * t; }) : []);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 30 * t, y);
    ctx.stroke();
    if (it.line.arrow) {
      // the head where the graph draws it: the legend's own points (80-legend.js) in its 30 x 10 box
      ctx.setLineDash([]);
      ctx.beginPath();
      it.line.arrow.forEach(function (q, k) {
        var qx = x + q[0] * t, qy = y + (q[1] - 5) * t;
        if (k === 0) ctx.moveTo(qx, qy); else ctx.lineTo(qx, qy);
      });
      ctx.closePath();
      ctx.fill();
    }
    ctx.restore();
  } else if (it.swatch) {
    // a circle, as the page's legend draws it (view.css .gg-swatch), its border inside its 12 px
    ctx.beginPath();
    ctx.arc(x + 6 * t, y, 5.5 * t, 0, 2 * Math.PI);
    ctx.fillStyle = it.swatch;
    ctx.fill();
    ctx.strokeStyle = "rgba(0,0,0,0.3)";
    ctx.lineWidth = t;
    ctx.stroke();
  } else if (it.shape) {
    ctx.fillStyle = "#555";
    ctx.font = fontOf("legend", t * 1.2);
    ctx.fillText(it.shape, x, y);
  }
}
function paint(ctx, l, t, texts) {
  function text(style, s, x, y) {
    ctx.font = fontOf(style, t);
    ctx.fillStyle = STYLE_OF[style].colour;
    ctx.textBaseline = "middle";
    ctx.fillText(s, x, y);
    texts.push(s);
  }
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  l.lines.forEach(function (ln) { text(ln.style, ln.text, ln.x, ln.y); });
  l.legend.forEach(function (e) {
    if (e.title !== undefined) { if (e.title) text("legendTitle", e.title, e.x, e.y); return; }
    if (e.sym) drawSymbol(ctx, e.item, e.x, e.y, t);
    text("legend", e.label, e.x + e.sym, e.y);
  });
  ctx.strokeStyle = "#e2e2e2";
  ctx.lineWidth = t;
  ctx.beginPath();
  ctx.moveTo(PAD * t, l.graph.y - 4 * t); ctx.lineTo(l.width - PAD * t, l.graph.y - 4 * t);
  ctx.moveTo(PAD * t, l.graph.y + l.graph.height + 4 * t); ctx.lineTo(l.width - PAD * t, l.graph.y + l.graph.height + 4 * t);
  ctx.stroke();
  // the page's network canvas is transparent: white under everything drawn
  ctx.globalCompositeOperation = "destination-over";
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, l.width, l.height);
  ctx.restore();
}

// ---------- the export ----------
var scaleSelect = document.getElementById("gg-png-scale");
var noteEl = document.getElementById("gg-png-note");
function requestedScale(opts) {
  var s = Number(opts.scale !== undefined ? opts.scale : scaleSelect ? scaleSelect.value : 2);
  return isFinite(s) && s > 0 ? Math.min(s, 8) : 2;
}
function capNote(r, requested) {
  return "Drawn at " + (Math.floor(r * 100) / 100) + "\u00d7, not the " + requested +
    "\u00d7 asked: browsers draw images of at most 16,384 px a side and 268 million pixels.";
}
// The sizes for a graph of `box`: r image pixels per graph unit, t the text scale.
function plan(words, legend, box, requested) {
  var scratch = document.createElement("canvas").getContext("2d"), base = words.foot;
  // the text grows with a large graph, so that it stays legible beside it
  var span = Math.max(box.maxX - box.minX, (box.maxY - box.minY) * 1.3) + 2 * (GRAPH_PAD + PAD);
  var r = requested, t = Math.max(1, requested * Math.pow(Math.max(1, span / 1100), 0.75)), note = null;
  var l = layout(scratch, words, legend, box, r, t);
  for (var i = 0; i < 12 && !fits(l); i++) {
    var f = 0.98 * Math.min(MAX_SIDE / l.width, MAX_SIDE / l.height, Math.sqrt(MAX_AREA / (l.width * l.height)));
    r *= f;
    t = Math.max(1, t * f);
    note = capNote(r, requested);
    l = layout(scratch, { title: words.title, when: words.when, filters: words.filters, foot: base.concat([note]) }, legend, box, r, t);
  }
  return { l: l, r: r, t: t, note: note, box: box };
}
// Draw the graph of `p` into a new canvas; the canvas and its texts.
function render(p, actorsOnly) {
  var canvas = document.createElement("canvas");
  canvas.width = p.l.width;
  canvas.height = p.l.height;
  var ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("the browser could not make a canvas of " + p.l.width + " \u00d7 " + p.l.height + " px");
  var origin = { x: p.l.graph.x + (GRAPH_PAD - p.box.minX) * p.r, y: p.l.graph.y + (GRAPH_PAD - p.box.minY) * p.r };
  var graphTexts = [];
  var labels = drawGraph(ctx, p.r, origin.x, origin.y, p.box, graphTexts, p.l.graph, actorsOnly);
  return { canvas: canvas, ctx: ctx, origin: origin, graphTexts: graphTexts, labels: labels };
}
// The picture as a canvas, and what it holds as plain data.
// The picture's actor names are at the layout's own size, as a desktop's screen
// shows them, not grown for a zoomed-out phone (76-controls.js).
function exportCanvas(opts) {
  return gg.atNameBase ? gg.atNameBase(function () { return drawExport(opts); }) : drawExport(opts);
}
function drawExport(opts) {
  opts = opts || {};
  var missing = visMissing();
  if (missing.length) throw new Error("PNG export needs vis-network 9.1.2's drawing internals; missing: " + missing.join(", "));
  var st = store.get(), shown = store.shown(), requested = requestedScale(opts);
  var selection = selectionWords(st);
  var words = {
    title: shorten(payload.title || "geograph", 300),
    when: dateWords(st) + " \u00b7 " + shown.size + " of " + gg.relations.length + " relations shown" +
      (selection ? " \u00b7 " + shorten(selection, 160) : ""),
    filters: filterWords(st),
    foot: sourceWords(shown).concat(["Made with geograph"])
  };
  var off = gg.mapOn && gg.mapOn() ? gg.offMap() : [];
  if (off.length) {
    var offNames = off.slice(0, 12).map(function (id) { return shorten(gg.nodeName(id), 40); }).join(", ");
    words.foot.unshift("Not on the map: " + offNames + (off.length > 12 ? " and " + (off.length - 12) + " more" : ""));
  }
  var legend = usedLegend(st, shown), started = performance.now();
  // A name is measured when it is drawn: the actors alone are drawn first
  // (cheap next to the lines), and the frame grows to hold every name that
  // drawing found out of it (an actor last drawn off screen, a large graph's
  // names); the whole graph is then drawn (again, should it still find one).
  var p = plan(words, legend, graphBounds(), requested), out = render(p, true);
  for (var i = 0; i < 3; i++) {
    var drawn = drawnBounds(out.labels, out.origin, p.r);
    if (i > 0 && within(drawn, p.box)) break;
    if (!within(drawn, p.box)) p = plan(words, legend, union(p.box, drawn), requested);
    out.canvas.width = out.canvas.height = 0;  // its memory back before the next (up to 268 Mpx)
    out = render(p, false);
  }
  var texts = [];
  paint(out.ctx, p.l, p.t, texts);
  last = { width: p.l.width, height: p.l.height, scale: p.r, requested: requested, note: p.note, texts: texts,
           graphTexts: out.graphTexts,
           graph: { x: p.l.graph.x, y: p.l.graph.y, width: p.l.graph.width, height: p.l.graph.height },
           origin: out.origin, bounds: p.box, ms: Math.round(performance.now() - started),
           // each legend entry's symbol: its left end and middle, its width (image pixels)
           legend: p.l.legend.filter(function (e) { return e.item; }).map(function (e) {
             return { label: e.label, x: e.x, y: e.y, width: e.sym };
           }) };
  return { canvas: out.canvas, info: last };
}
function exportPNG(opts) {
  opts = opts || {};
  return new Promise(function (resolve, reject) {
    var out = exportCanvas(opts), canvas = out.canvas;
    if (opts.blob) {
      canvas.toBlob(function (blob) {
        if (blob) resolve(blob); else reject(new Error("the browser could not encode the PNG"));
      }, "image/png");
      return;
    }
    var url = canvas.toDataURL("image/png");
    if (url.indexOf("data:image/png") !== 0) reject(new Error("the browser could not encode the PNG"));
    else resolve(url);
  });
}
function fileName() {
  var st = store.get();
  var c = store.compared();
  var when = c ? c.from.text + "-to-" + c.to.text : st.date ? st.date.text : "all-time";
  return "geograph-" + when.replace(/[^0-9A-Za-z-]/g, "") + ".png";
}
var button = document.getElementById("gg-png");
function download() {
  exportPNG({ blob: true }).then(function (blob) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = fileName();
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 60000);
    if (noteEl) noteEl.textContent = last && last.note ? last.note : "";
  }).catch(function (err) {
    if (noteEl) noteEl.textContent = "PNG export failed: " + err.message;
  }).then(function () { button.disabled = false; });
}
button.addEventListener("click", function () {
  button.disabled = true;
  if (noteEl) noteEl.textContent = "Drawing the PNG\u2026";
  setTimeout(download, 30);  // let the note show: a large graph takes seconds
});

gg.exportPNG = exportPNG;
gg.exportCanvas = exportCanvas;
gg.exportInfo = function () { return last === null ? null : JSON.parse(JSON.stringify(last)); };
