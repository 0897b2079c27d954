/*
 * labels: large graphs' veil and actor labels, drawn on vis-network's canvas
 * after each frame.
 * - The veil: when an actor, a relation or a pair is selected, the rest is
 *   drawn faded (thin lines, actors at low alpha, their labels pale) and what
 *   stays bright (gg.veil() from style) over it: its lines, their arrowheads,
 *   its actors, their labels first.
 * - Labels: vis-network draws no actor label here (at 1,000 actors they pile
 *   up); this part places the ones that fit, most related first, by a greedy
 *   pass in screen space: a label is drawn only where it overlaps no label
 *   placed before it. Zooming in spreads the actors, so more fit. With a
 *   selection, the bright actors are placed first and the faded ones' labels
 *   that still fit are drawn faded.
 * Provides on gg: labelReach(id) -> fn(scale) -> {left, right, up, down} (where a
 *   large graph's label of the actor is drawn, CSS px from the actor; else null),
 *   labelsDrawn() -> [{id, x, y, width, height, faded}] (the
 *   last frame's labels, in CSS pixels of the graph's canvas; in graphs that
 *   are not large, 53-names.js's gg.namesDrawn() at call time).
 * Uses: util, data, style (veil), network; at draw time expand (gg.expandedPair).
 * Safety: label text reaches the canvas through fillText only.
 */
var payload = gg.payload, network = gg.network, visId = gg.visId, shorten = gg.shorten;
var drawnLabels = [];
var FONT = "px arial, sans-serif";
var LABEL = "#1d1d1d", LABEL_FADED = "rgba(29,29,29,0.25)", FADED_ALPHA = gg.FADED;

// Placement order: degree, then name; the text and its width at 100 px, measured once.
var order = payload.nodes.map(function (n, i) { return i; });
order.sort(function (a, b) {
  var x = payload.nodes[a], y = payload.nodes[b];
  return y.degree - x.degree || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);
});
var texts = payload.nodes.map(function (n) { return shorten(n.label, 40); });
var indexOf = new Map(payload.nodes.map(function (n, i) { return [n.id, i]; }));
var widths = null;
function measure() {
  if (widths !== null) return;
  var ctx = document.createElement("canvas").getContext("2d");
  ctx.font = "100" + FONT;
  widths = texts.map(function (t) { return ctx.measureText(t).width; });
}
// Label size in canvas units grows with the actor's drawn size (50-network.js's
// scaling: sizes 10-45, labels 12-28), whatever "Size by" says.
function labelSize(visNode) {
  var t = Math.max(0, Math.min(1, ((visNode.options.size || 10) - 10) / 35));
  return 12 + 16 * t;
}
// 11-18 px on screen: readable when zoomed out, not huge when zoomed in
function labelPx(visNode, scale) {
  return Math.max(11, Math.min(18, labelSize(visNode) * scale));
}
// a few pixels of air around each label, more beside it than above: names stay apart
var PAD = 2, SIDE = 5;
// Where an actor's label would be drawn at a scale, in CSS px from the actor's
// centre on screen: a function of the scale -> {left, right, up, down} (what a
// fit keeps in sight, 57-sight.js).
function labelReach(id) {
  var n = network.body.nodes[visId(id)], i = indexOf.get(id);
  if (!n || i === undefined) return null;
  measure();
  var w = widths[i], r = n.options.size || 10;
  return function (scale) {
    var px = labelPx(n, scale), half = w * px / 200 + SIDE;
    return { left: half, right: half, up: 0, down: r * scale + px + 2 * PAD };
  };
}

function drawArrow(ctx, from, to, colour) {
  var a = network.body.nodes[visId(from)], b = network.body.nodes[visId(to)];
  if (!a || !b || a.options.hidden || b.options.hidden) return;
  var dx = b.x - a.x, dy = b.y - a.y, len = Math.sqrt(dx * dx + dy * dy);
  if (len < 1) return;
  var ux = dx / len, uy = dy / len, r = (b.options.size || 10) + 1.5, size = 9;
  var tipX = b.x - ux * r, tipY = b.y - uy * r;
  ctx.beginPath();
  ctx.moveTo(tipX, tipY);
  ctx.lineTo(tipX - ux * size * 1.6 - uy * size * 0.6, tipY - uy * size * 1.6 + ux * size * 0.6);
  ctx.lineTo(tipX - ux * size * 1.6 + uy * size * 0.6, tipY - uy * size * 1.6 - ux * size * 0.6);
  ctx.closePath();
  ctx.fillStyle = colour;
  ctx.fill();
}
// With a selection vis-network draws nothing (its lists of items to draw are
// emptied for the frame): at 12,000 lines, its one-by-one drawing of every
// faded line cost most of a click, and more zoomed in. Here the faded lines go
// in one thin path per colour, the faded actors at low alpha, then what stays
// bright through vis-network's own drawing of each item.
var saved = null;
function hideAll() {
  var body = network.body;
  saved = { edges: body.edgeIndices, nodes: body.nodeIndices };
  body.edgeIndices = [];
  body.nodeIndices = [];
}
function drawVeil(ctx, veil) {
  var body = network.body, edgeIds = saved.edges, nodeIds = saved.nodes;
  body.edgeIndices = edgeIds;
  body.nodeIndices = nodeIds;
  saved = null;
  // a selected pair drawn open (66-expand.js) is drawn by its relations
  var lines = veil.lines, open = gg.expandedPair ? gg.expandedPair() : null;
  if (open && lines.has(open.visId)) {
    lines = new Set(lines);
    open.members.forEach(function (e) { lines.add(visId(e.id)); });
  }
  var paths = new Map();
  edgeIds.forEach(function (vid) {
    if (lines.has(vid)) return;
    var e = body.edges[vid];
    if (!e || !e.connected || e.fromId === e.toId) return;
    var c = e.options.color.color;
    if (!paths.has(c)) paths.set(c, []);
    paths.get(c).push(e);
  });
  ctx.save();
  ctx.globalAlpha = FADED_ALPHA;
  ctx.lineWidth = 1 / network.getScale();
  paths.forEach(function (list, colour) {
    ctx.beginPath();
    list.forEach(function (e) { ctx.moveTo(e.from.x, e.from.y); ctx.lineTo(e.to.x, e.to.y); });
    ctx.strokeStyle = colour;
    ctx.stroke();
  });
  nodeIds.forEach(function (vid) {
    if (!veil.nodes.has(gg.dataId(vid))) body.nodes[vid].draw(ctx);
  });
  ctx.restore();
  lines.forEach(function (vid) {
    var e = body.edges[vid];
    if (!e || !e.connected || e.options.hidden || e.from.options.hidden || e.to.options.hidden) return;
    e.draw(ctx);
    e.drawArrows(ctx);
  });
  veil.arrows.forEach(function (a) { drawArrow(ctx, a[0], a[1], a[2]); });
  veil.nodes.forEach(function (id) {
    var n = body.nodes[visId(id)];
    if (n && !n.options.hidden) n.draw(ctx);
  });
}

// Greedy placement on a grid of cells, each listing the boxes that touch it.
function drawLabels(ctx, veil) {
  var body = network.body, m = ctx.getTransform(), scale = network.getScale();
  var ratio = m.a / scale, w = ctx.canvas.width, h = ctx.canvas.height, cell = 64 * ratio;
  var grid = new Map(), placed = [];
  measure();
  function free(x0, y0, x1, y1) {
    for (var cx = Math.floor(x0 / cell); cx <= Math.floor(x1 / cell); cx++) {
      for (var cy = Math.floor(y0 / cell); cy <= Math.floor(y1 / cell); cy++) {
        var boxes = grid.get(cx + "," + cy);
        if (!boxes) continue;
        for (var k = 0; k < boxes.length; k++) {
          var b = boxes[k];
          if (x0 < b[2] && x1 > b[0] && y0 < b[3] && y1 > b[1]) return false;
        }
      }
    }
    return true;
  }
  function take(box) {
    for (var cx = Math.floor(box[0] / cell); cx <= Math.floor(box[2] / cell); cx++) {
      for (var cy = Math.floor(box[1] / cell); cy <= Math.floor(box[3] / cell); cy++) {
        var key = cx + "," + cy;
        if (!grid.has(key)) grid.set(key, []);
        grid.get(key).push(box);
      }
    }
  }
  function place(i, faded) {
    var n = body.nodes[visId(payload.nodes[i].id)];
    if (!n || n.options.hidden) return;
    var x = m.a * n.x + m.e, y = m.d * n.y + m.f;
    if (x < -100 * ratio || x > w + 100 * ratio || y < -50 * ratio || y > h + 50 * ratio) return;
    var px = labelPx(n, scale) * ratio;
    var tw = widths[i] * px / 100, pad = PAD * ratio, side = SIDE * ratio;
    var top = y + (n.options.size || 10) * m.d + pad;
    var box = [x - tw / 2 - side, top - pad, x + tw / 2 + side, top + px + pad];
    if (!free(box[0], box[1], box[2], box[3])) return;
    take(box);
    placed.push({ i: i, x: x, y: top, px: px, faded: faded, box: box });
  }
  if (veil) {
    var focus = veil.focus !== null && veil.focus !== undefined ? [veil.focus] : [];
    var bright = new Set(veil.nodes);
    focus.forEach(function (id) { place(payload.nodes.indexOf(gg.nodeById.get(id)), false); });
    order.forEach(function (i) { if (bright.has(payload.nodes[i].id) && focus.indexOf(payload.nodes[i].id) < 0) place(i, false); });
    order.forEach(function (i) { if (!bright.has(payload.nodes[i].id)) place(i, true); });
  } else {
    order.forEach(function (i) { place(i, false); });
  }
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  ctx.lineJoin = "round";
  placed.forEach(function (p) {
    ctx.font = p.px + FONT;
    if (!p.faded) {
      ctx.lineWidth = 3 * ratio;
      ctx.strokeStyle = "#ffffff";
      ctx.strokeText(texts[p.i], p.x, p.y);
    }
    ctx.fillStyle = p.faded ? LABEL_FADED : LABEL;
    ctx.fillText(texts[p.i], p.x, p.y);
  });
  ctx.restore();
  drawnLabels = placed.map(function (p) {
    return { id: payload.nodes[p.i].id, x: p.box[0] / ratio, y: p.box[1] / ratio,
             width: (p.box[2] - p.box[0]) / ratio, height: (p.box[3] - p.box[1]) / ratio, faded: p.faded };
  });
}

if (gg.LARGE) {
  network.on("beforeDrawing", function () { if (gg.veil()) hideAll(); });
  network.on("afterDrawing", function (ctx) {
    var veil = saved ? gg.veil() : null;
    if (veil) drawVeil(ctx, veil);
    drawLabels(ctx, veil);
  });
}

// graphs that are not large: the names vis-network writes, as 53-names.js placed them
gg.labelReach = function (id) { return gg.LARGE ? labelReach(id) : null; };
gg.labelsDrawn = function () { return gg.LARGE ? drawnLabels.slice() : gg.namesDrawn(); };
