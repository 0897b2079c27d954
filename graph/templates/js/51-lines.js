/*
 * lines: large graphs' plain lines, stroked a few paths at a time.
 * vis-network (9.1.2, bundled by pyvis) draws every edge on its own: its look
 * built anew (an object of 35 keys, the colour turned into an rgba string), a
 * path begun and stroked, then a second pass over every edge for arrowheads
 * that builds the look again. Here, in large graphs, the edges that vis would
 * draw as a bare straight line (no arrowhead, shadow, curve, hover or
 * selection, not a self-loop) are grouped by what the stroke depends on
 * (colour, width, dashes) and each group is stroked as one path, from the two
 * actors' centres as vis draws them, a few hundred edges at a time in vis's order; a count vis would draw at this zoom is
 * drawn by vis's own label code after the lines. Every other edge is drawn by
 * vis-network after these, as before. Hover, clicks and selection stay
 * vis-network's: its hit tests read the edges, not the drawing.
 * Where: vis's renderer._drawEdges and _drawArrows (between the ground, such
 * as the map's outline, and the actors), so the PNG export's redraw into
 * another canvas (78-export.js) and the veil (52-labels.js) go the same way.
 * Debug: window.geographDebug = {lines: false}, set before the page's script
 * runs, leaves every edge to vis-network (the tests compare the two pictures).
 * Uses: data, network.
 */
var network = gg.network, renderer = network.renderer, body = network.body;
var OWN = gg.LARGE && !(window.geographDebug && window.geographDebug.lines === false) &&
  !!renderer && typeof renderer._drawEdges === "function" && typeof renderer._drawArrows === "function";

// vis-network's colour with an opacity (its overrideOpacity): rgba strings as
// they are, rgb and #rgb / #rrggbb given the opacity, anything else as it is.
var rgbaCache = new Map();  // opacity -> colour -> canvas style
function rgba(colour, opacity) {
  var byColour = rgbaCache.get(opacity);
  if (byColour === undefined) { byColour = new Map(); rgbaCache.set(opacity, byColour); }
  var out = byColour.get(colour);
  if (out !== undefined) return out;
  out = colour;  // an rgba string keeps its own alpha (as vis-network leaves it), an unknown form as it is
  if (colour.indexOf("rgba") < 0 && colour.indexOf("rgb") >= 0) {
    var p = colour.substr(colour.indexOf("(") + 1).replace(")", "").split(",");
    out = "rgba(" + p[0] + "," + p[1] + "," + p[2] + "," + opacity + ")";
  } else if (colour.indexOf("rgb") < 0) {
    var hex = colour.replace(/^#?([a-f\d])([a-f\d])([a-f\d])$/i, function (m, r, g, b) { return r + r + g + g + b + b; });
    var m = /^#?([a-f\d]{2})([a-f\d]{2})([a-f\d]{2})$/i.exec(hex);
    if (m) out = "rgba(" + parseInt(m[1], 16) + "," + parseInt(m[2], 16) + "," + parseInt(m[3], 16) + "," + opacity + ")";
  }
  byColour.set(colour, out);
  return out;
}
function arrowed(a) {
  return a.to === true || a.to.enabled === true || a.from === true || a.from.enabled === true ||
    a.middle === true || a.middle.enabled === true;
}
// A count that vis-network's label would draw at this scale (its drawThreshold);
// the names 55-edge-labels.js places itself are not drawn by vis.
function labelled(e, scale) {
  var lm = e.labelModule;
  if (!e.options.label || !lm || !lm.fontOptions) return false;  // "": a pair drawn as its one relation
  if (gg.labelsByUs && gg.labelsByUs(e)) return false;
  return lm.fontOptions.size * scale >= lm.elementOptions.scaling.label.drawThreshold - 1;
}
// Whether vis would draw the edge as a bare line (what its getFormattingValues
// and drawLine read): no hover or selection (their widths and colours), no
// shadow, background, curve or arrowhead, not a self-loop, a colour of its own.
function plain(e) {
  var o = e.options, c = o.color, d = o.dashes;
  return !e.selected && !e.hover && e.fromId !== e.toId && !o.hidden &&
    !o.shadow.enabled && !o.background.enabled && !(o.smooth && o.smooth.enabled) &&
    c.inherit === false && typeof c.color === "string" && typeof c.opacity === "number" &&
    typeof o.width === "number" && !arrowed(o.arrows) &&
    (d === false || d === undefined || d === true || Array.isArray(d));
}
// The plain edges, grouped by stroke: colour -> width -> dashes -> group.
function groupOf(groups, e, minWidth) {
  var o = e.options, style = rgba(o.color.color, o.color.opacity), width = Math.max(o.width, minWidth);
  var dashes = o.dashes === undefined ? false : o.dashes;
  var byWidth = groups.get(style);
  if (byWidth === undefined) { byWidth = new Map(); groups.set(style, byWidth); }
  var byDashes = byWidth.get(width);
  if (byDashes === undefined) { byDashes = new Map(); byWidth.set(width, byDashes); }
  var key = dashes === false ? "" : String(dashes), g = byDashes.get(key);
  if (g === undefined) {
    g = { style: style, width: width, dashes: dashes, edges: [] };
    byDashes.set(key, g);
  }
  return g;
}
// A dashed hairline (under one device pixel wide: Skia draws it one pixel
// wide, its alpha scaled by the width) whose dashes' round caps all but close
// the gaps (under about half a pixel: no pixel along it keeps less than 45 %
// of a solid line's ink) looks to a person like a solid line a little lighter
// than its colour: at 1,000 actors on 1280x800 a claim's 10/6 dash is 2 px on
// and 1.2 px off, the caps about 0.4 px each. Such a line is stroked solid at
// the dashed one's mean ink: Skia rasterises a dashed path dash by dash, there
// 260,000 dashes, most of the frame after a filter toggle. Both figures are
// measured, not modelled: the pattern stroked natively along a line on a small
// canvas, once per pattern, device scale (to 1 %) and width (to 0.05 px).
var inkCache = new Map(), probe = null;
function probeInk(pattern, scale, width, dashed) {
  var ctx = probe.getContext("2d", { willReadFrequently: true });
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, probe.width, probe.height);
  ctx.scale(scale, scale);
  ctx.strokeStyle = "#000";
  ctx.lineWidth = width / scale;
  ctx.lineCap = "round";
  ctx.setLineDash(dashed ? pattern : []);
  ctx.beginPath();
  ctx.moveTo(4 / scale, 2.5 / scale);  // along the middle of one row of pixels
  ctx.lineTo((probe.width - 4) / scale, 2.5 / scale);
  ctx.stroke();
  var px = ctx.getImageData(0, 0, probe.width, probe.height).data, row = [], total = 0;
  for (var x = 0; x < probe.width; x++) {
    var a = 0;
    for (var y = 0; y < probe.height; y++) a += px[(y * probe.width + x) * 4 + 3];
    row.push(a);
    total += a;
  }
  return { row: row, total: total };
}
// The solid line's alpha (0-1] that stands for the dashed one, or 0 where the dashes show.
function fineInk(pattern, scale, width) {
  var key = pattern.join(",") + "|" + Math.round(Math.log(scale) * 100) + "|" + Math.round(width * 20);
  var ink = inkCache.get(key);
  if (ink !== undefined) return ink;
  ink = 0;
  if (width <= 1 && pattern.length) {
    if (probe === null) { probe = document.createElement("canvas"); probe.width = 256; probe.height = 5; }
    var dashed = probeInk(pattern, scale, width, true), solid = probeInk(pattern, scale, width, false);
    var low = Infinity;
    // the middle of the line: its two ends are caps, not the pattern
    for (var x = 16; x < probe.width - 16; x++) low = Math.min(low, dashed.row[x] / Math.max(1, solid.row[x]));
    if (low >= 0.45 && solid.total > 0) ink = Math.min(1, dashed.total / solid.total);
  }
  inkCache.set(key, ink);
  return ink;
}
function strokeGroup(ctx, g, scale, alpha) {
  var list = g.edges;
  ctx.strokeStyle = g.style;
  ctx.lineWidth = g.width;
  ctx.globalAlpha = alpha;
  var ink;
  if (g.dashes !== false) {
    var pattern = gg.dashesFor(g.dashes === true ? [5, 5] : g.dashes, g.width);
    ink = fineInk(pattern, scale, g.width * scale);
    ctx.lineCap = "round";  // as vis-network's dashed lines
    if (ink > 0) {
      ctx.setLineDash([]);
      ctx.globalAlpha = alpha * ink;
    } else {
      ctx.setLineDash(pattern);
      ctx.lineDashOffset = 0;
    }
  } else {
    ctx.setLineDash([]);
  }
  var k = g.dashes === false ? strands(g.width * scale) : 1;
  if (k > 1) { hairlines(ctx, list, g.width, k, scale); return; }
  ctx.beginPath();
  for (var i = 0; i < list.length; i++) {
    var f = list[i].from, t = list[i].to;
    ctx.moveTo(f.x, f.y);
    ctx.lineTo(t.x, t.y);
  }
  ctx.stroke();
}
// Skia strokes a line at most one device pixel wide as a hairline, its alpha
// scaled by the width (a few passes along its pixels), but a wider one as a
// polygon filled with antialiasing: at 283,359 relations the 10,000 lines of
// 1-1.5 device pixels took 100-110 ms of each frame to rasterise (a 1280x800
// test canvas: 10,000 lines 45-50 ms at 1 px, 190-600 at 1.01-2 px). A solid
// line up to SPLIT device pixels wide is stroked as k = ceil(width) parallel
// hairlines of width / k each, spread evenly across its width: the same ink
// per length, over the same pixels (their antialiased edges blur it by a
// fraction of a pixel). Wider lines (zoomed in, few) are stroked as before.
var SPLIT = 3;
function strands(device) { return device > 1 && device <= SPLIT ? Math.ceil(device) : 1; }
function hairlines(ctx, list, width, k, scale) {
  var step = width / k;
  ctx.lineWidth = step * 0.999;  // mapped to at most one device pixel (Skia's hairline test)
  ctx.beginPath();
  for (var i = 0; i < list.length; i++) {
    var f = list[i].from, t = list[i].to, dx = t.x - f.x, dy = t.y - f.y, len = Math.sqrt(dx * dx + dy * dy);
    if (len === 0) continue;
    var nx = -dy / len, ny = dx / len;
    for (var j = 0; j < k; j++) {
      var off = (j + 0.5) * step - width / 2, ox = nx * off, oy = ny * off;
      ctx.moveTo(f.x + ox, f.y + oy);
      ctx.lineTo(t.x + ox, t.y + oy);
    }
  }
  ctx.stroke();
}
// Lines are stroked in runs of CHUNK edges in vis's order, each run grouped by
// stroke: where lines of several colours cross, the colours lie over each
// other in about the order vis-network gives them (single relations first,
// then the counted pairs), not one colour over all the others.
var CHUNK = 512;
function strokeAll(ctx, groups, scale, alpha) {
  groups.forEach(function (byWidth) {
    byWidth.forEach(function (byDashes) { byDashes.forEach(function (g) { strokeGroup(ctx, g, scale, alpha); }); });
  });
  groups.clear();
}
function drawEdges(ctx) {
  var edges = body.edges, ids = body.edgeIndices, scale = body.view.scale, minWidth = 0.3 / scale;
  var groups = new Map(), rest = [], counts = [], run = 0;
  // device pixels per unit: the view's scale, the screen's pixel ratio, an export's size
  var m = ctx.getTransform(), device = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)), alpha = ctx.globalAlpha;
  ctx.save();
  for (var i = 0; i < ids.length; i++) {
    var e = edges[ids[i]];
    if (e.connected !== true) continue;
    if (!plain(e)) { rest.push(e); continue; }
    groupOf(groups, e, minWidth).edges.push(e);
    if (labelled(e, scale)) counts.push(e);
    if (++run === CHUNK) { strokeAll(ctx, groups, device, alpha); run = 0; }
  }
  strokeAll(ctx, groups, device, alpha);
  ctx.restore();
  for (i = 0; i < counts.length; i++) counts[i].drawLabel(ctx, undefined);
  for (i = 0; i < rest.length; i++) rest[i].draw(ctx);
}
// vis's second pass builds every edge's look to find its arrowheads: only the
// edges that have one are given to it.
function drawArrows(ctx) {
  var edges = body.edges, ids = body.edgeIndices;
  for (var i = 0; i < ids.length; i++) {
    var e = edges[ids[i]];
    if (e.connected === true && arrowed(e.options.arrows)) e.drawArrows(ctx);
  }
}
if (OWN) {
  renderer._drawEdges = drawEdges;
  renderer._drawArrows = drawArrows;
}
