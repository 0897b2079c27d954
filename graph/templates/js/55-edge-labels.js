/*
 * edge-labels: relation names placed where they can be read.
 * vis-network draws an edge's name at the middle of its line, right after the
 * line, so the names of parallel relations pile up, sit on the middle
 * arrowheads, and the lines drawn later cross them. Here the names of
 * relations (not of self-loops; counted pairs' numbers too, in graphs that are
 * not large) are drawn after the whole graph, each at the first point along
 * its own line (middle first, then further out) where its box meets no other name, no actor and no arrowhead;
 * a name that fits nowhere at this zoom is left out (zooming in makes room).
 * A canvas draws at most its share of names (one per AREA_PER_LABEL px² as the
 * whole graph is framed, more as one zooms in: a phone names fewer); the
 * selected relation's name always, then its actors' lines', then, when not
 * all fit, the stronger lines' first and each name once before any twice.
 * When not all fit, one name on several lines of the same two actors the same
 * way is written once with their number ("mobilize ×3").
 * Boxes are horizontal, at a constant size on screen, on a white ground.
 * Provides on gg: edgeLabels() -> [{id, text, x, y, width, height, t, beside, members}] (the
 * names drawn in the last redraw, a counted pair's id its vis id, members the
 * relations a name stands for (id among them); boxes in the graph element's CSS pixels, t
 * the point along the line, beside: the box touches the line rather than
 * sitting on it), labelsByUs(edge) (whether a vis edge's name is
 * drawn here), nodeBox(visNode) (its shape and name, graph coordinates), LABEL_PX,
 * relationNameBoxes() (the page's relation names, graph coordinates),
 * labelAt(point) -> the relation id whose drawn name holds the point (the graph
 * element's CSS pixels, as vis-network's click gives pointer.DOM), or null: a
 * name stands clear of its line, where vis-network's own hit test finds the
 * nearest other line or actor (65-select.js asks here first).
 * Uses: data, style, network; gg.drawFrame while the PNG export draws (78-export.js).
 */
var network = gg.network, LARGE = gg.LARGE, BUNDLE_PREFIX = gg.BUNDLE_PREFIX;
var LABEL_PX = 11, PAD_X = 3, PAD_Y = 2, GAP = 2;
// points along the line, nearest the middle first; at each, the box centred on
// the line, then beside it (touching it above, below, left, right or at a corner)
var SPOTS = [0.5];
for (var k = 1; k <= 9; k++) SPOTS.push(0.5 - 0.04 * k, 0.5 + 0.04 * k);
SPOTS = SPOTS.map(function (t) { return Math.round(t * 100) / 100; });
var SIDES = [[0, 0], [0, -1], [0, 1], [-1, 0], [1, 0], [-1, -1], [1, -1], [-1, 1], [1, 1]];
var MAX_LABELS = 400;   // past that, a redraw would cost more than the picture gains
// at most one name per AREA_PER_LABEL CSS px² of the graph's canvas (23 on a
// desktop's 900 x 700, 9 on a phone's 390 x 500), MIN_LABELS at least
var AREA_PER_LABEL = 20000, MIN_LABELS = 4;
var expanded = new Set();  // vis ids of relations drawn by an expanded pair (large graphs)
var drawnBoxes = [];

function labelsByUs(edge) {
  if (!edge || edge.fromId === edge.toId) return false;
  // a counted pair's number too, on its white ground (not a tiny rotated one, nor none on the map)
  if (String(edge.id).indexOf(BUNDLE_PREFIX) === 0) return !LARGE;
  return !LARGE || expanded.has(String(edge.id));
}
// vis-network 9.1.2 (bundled by pyvis): Edge.prototype.drawLabel draws the name;
// it is skipped for the edges named here, and kept for the others.
(function () {
  var ids = Object.keys(network.body.edges);
  if (!ids.length) return;
  var proto = Object.getPrototypeOf(network.body.edges[ids[0]]);
  if (!proto || typeof proto.drawLabel !== "function" || proto.ggLabels) return;
  var original = proto.drawLabel;
  proto.drawLabel = function (ctx, via) {
    if (labelsByUs(this)) return undefined;
    // a name vis-network's label would not draw at this zoom (under its
    // drawThreshold): left before vis places and rotates it, at every edge and
    // frame (at the overview of 10,000 counted pairs, none of the counts is drawn)
    var lm = this.labelModule;
    if (lm && lm.fontOptions && this.options.label && !lm.differentState(this.selected, this.hover) &&
        lm.fontOptions.size * this.body.view.scale < lm.elementOptions.scaling.label.drawThreshold - 1) return undefined;
    return original.call(this, ctx, via);
  };
  proto.ggLabels = true;
})();

// The relation (or pair) selected by itself: vis-network also marks selected
// every line of a selected actor, whose names must not go over other actors.
function chosen(edge) { return !!edge.selected && !edge.from.selected && !edge.to.selected; }
function shownEdge(edge) {
  if (!edge.connected || edge.options.hidden || edge.from.options.hidden || edge.to.options.hidden) return false;
  var c = edge.options.color;
  return !(c && typeof c.opacity === "number" && c.opacity < 0.5);  // faded lines keep quiet
}
function overlaps(a, b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
function hits(box, list) {
  for (var i = 0; i < list.length; i++) if (overlaps(box, list[i])) return true;
  return false;
}
// A node's shape and name, in graph coordinates. vis-network's own bounding box
// stops a few pixels into the name under a dot, so the name's box is added.
function nodeBox(node) {
  var b = node.shape.boundingBox, l = node.labelModule && node.labelModule.size;
  var out = { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
  if (node.options.label && l && l.width > 0) {
    out.left = Math.min(out.left, l.left); out.top = Math.min(out.top, l.top);
    out.right = Math.max(out.right, l.left + l.width); out.bottom = Math.max(out.bottom, l.top + l.height);
  }
  return out;
}
// The actors' written names, graph coordinates: where the selected relation's
// name, when no spot is free, may still not go (over a dot or an arrowhead, yes).
function nameBoxes() {
  var out = [], body = network.body;
  body.nodeIndices.forEach(function (id) {
    var n = body.nodes[id], l = n.labelModule && n.labelModule.size;
    if (n.options.hidden || n.ggNameHidden || !n.options.label || !l || !(l.width > 0)) return;
    out.push({ left: l.left, top: l.top, right: l.left + l.width, bottom: l.top + l.height });
  });
  return out;
}
function obstacles(scale) {
  var out = [], body = network.body, pad = (GAP + 1) / scale;
  body.nodeIndices.forEach(function (id) {
    var n = body.nodes[id];
    // a faded actor (out of focus) may be covered: the names of what is in focus matter more
    // (hovered or selected, it is named first by 53-names.js: kept clear)
    if (n.options.hidden || (typeof n.options.opacity === "number" && n.options.opacity < 0.5 && !n.hover && !n.selected)) return;
    var b = nodeBox(n);
    out.push({ left: b.left - pad, right: b.right + pad, top: b.top - pad, bottom: b.bottom + pad });
  });
  body.edgeIndices.forEach(function (id) {
    var box = arrowBox(body.edges[id], scale);
    if (box) out.push(box);
  });
  return out;
}
// vis-network 9 draws a middle head with its tip at the line's middle, 15 * |scaleFactor|
// + 3 * width long (graph units) back along the line (forward: a negative scale turns it)
function arrowBox(e, scale) {
  if (!shownEdge(e) || !e.options.arrows || !e.options.arrows.middle || !e.options.arrows.middle.enabled) return null;
  var a = e.options.arrows.middle, f = a.scaleFactor || 1, tip = e.edgeType.getPoint(0.5);
  var back = e.edgeType.getPoint(f < 0 ? 0.55 : 0.45);
  var len = 15 * Math.abs(f) + 3 * e.options.width, d = Math.hypot(tip.x - back.x, tip.y - back.y) || 1;
  var cx = tip.x + (back.x - tip.x) / d * len / 2, cy = tip.y + (back.y - tip.y) / d * len / 2;
  var r = len / 2 + GAP / scale;
  return { left: cx - r, right: cx + r, top: cy - r, bottom: cy + r };
}
// What the placement depends on; the same key draws the last placement again
// (vis-network redraws on every hover, and the placement costs some ms).
function keyOf(named, scale, onPage) {
  var body = network.body, view = body.view, c = gg.container, parts = [scale, view.translation.x,
    view.translation.y, onPage, c.clientWidth, c.clientHeight];
  named.forEach(function (e) {
    var o = e.options, a = o.arrows && o.arrows.middle;
    parts.push(e.id, o.label, e.selected, e.from.selected || e.from.hover, e.to.selected || e.to.hover, o.width, o.color && o.color.color, e.from.x, e.from.y, e.to.x, e.to.y,
               o.smooth && o.smooth.type, o.smooth && o.smooth.roundness, a && a.enabled, a && a.scaleFactor);
  });
  body.nodeIndices.forEach(function (id) {
    // the name's own box too: one moved above its actor (53-names.js) leaves the actor's box as it was
    var n = body.nodes[id], bb = n.shape.boundingBox, l = n.labelModule ? n.labelModule.size : {};
    parts.push(id, n.options.hidden, n.options.opacity, n.hover, n.selected, bb.left, bb.top, bb.right, bb.bottom, l.left, l.top, l.width);
  });
  body.edgeIndices.forEach(function (id) {
    var e = body.edges[id], o = e.options;
    if (o.arrows && o.arrows.middle && o.arrows.middle.enabled) parts.push(id, o.hidden, o.width, o.color && o.color.opacity);
  });
  return parts.join("|");
}
// A name's spots clear of actors and arrowheads, in order of preference: along
// each of its lines in turn (a merged name's), the middle first.
function spotsOf(job, scale, blocked, v0, v1) {
  var own = [], spots = [], loose = [], overDots = [], names = [];
  var selected = job.members.length === 1 && chosen(job.members[0]);
  if (selected) { own = [arrowBox(job.members[0], scale)].filter(Boolean); names = nameBoxes(); }
  var lines = job.members.map(function (e) { return SPOTS.map(function (t) { return e.edgeType.getPoint(t); }); });
  for (var j = 0; j < SIDES.length * SPOTS.length; j++) {
    var t = SPOTS[j % SPOTS.length], side = SIDES[Math.floor(j / SPOTS.length)];
    for (var m = 0; m < lines.length; m++) {
      var p = lines[m][j % SPOTS.length];
      if (!isFinite(p.x) || !isFinite(p.y)) continue;
      var cx = p.x + side[0] * (job.w / 2 + 1 / scale), cy = p.y + side[1] * (job.h / 2 + 1 / scale);
      var box = { left: cx - job.w / 2, right: cx + job.w / 2, top: cy - job.h / 2, bottom: cy + job.h / 2,
                  cx: cx, cy: cy, t: t, beside: side[0] !== 0 || side[1] !== 0, line: job.members[m] };
      if (box.left < v0.x || box.top < v0.y || box.right > v1.x || box.bottom > v1.y) continue;
      if (!hits(box, blocked)) spots.push(box);
      else if (selected && !hits(box, own)) (hits(box, names) ? loose : overDots).push(box);
    }
  }
  // the selected relation is always named: over an actor's dot or another
  // line's arrowhead if nothing else is free, over an actor's name only if
  // even that is not
  return spots.length ? spots : overDots.length ? overDots : loose;
}
// The names placed, at most `budget`: the selected one first, then those of
// the selected or hovered actors' lines, then (when not all can be drawn) the
// stronger lines' first, a name already written waiting for the others; each
// tier by fewest free spots first, which names the most.
function fill(jobs, budget, gap, crowded) {
  var placed = [], out = [], written = new Set(), later = [];
  jobs.sort(function (a, b) {
    return (a.tier - b.tier) || (crowded ? b.weight - a.weight : 0) || (a.spots.length - b.spots.length);
  });
  function put(job) {
    for (var i = 0; i < job.spots.length; i++) {
      var box = job.spots[i];
      var room = { left: box.left - gap, right: box.right + gap, top: box.top - gap, bottom: box.bottom + gap };
      if (hits(room, placed)) continue;
      placed.push(box);
      written.add(job.base);
      out.push({ e: box.line, members: job.members, text: job.text, w: job.w, h: job.h, box: box });
      return;
    }
  }
  jobs.forEach(function (job) {
    if (out.length >= budget) return;
    if (crowded && job.tier > 0 && written.has(job.base)) later.push(job); else put(job);
  });
  later.forEach(function (job) { if (out.length < budget) put(job); });
  return out;
}
// The canvas's share of names: one per AREA_PER_LABEL CSS px² at the scale
// that frames every shown actor, and as many more as zooming in past it
// gives room (the square of the zoom).
function share(width, height, scale) {
  var body = network.body, b = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  body.nodeIndices.forEach(function (id) {
    var n = body.nodes[id];
    if (n.options.hidden) return;
    b.left = Math.min(b.left, n.x); b.right = Math.max(b.right, n.x);
    b.top = Math.min(b.top, n.y); b.bottom = Math.max(b.bottom, n.y);
  });
  var whole = Math.min(width / Math.max(1, b.right - b.left), height / Math.max(1, b.bottom - b.top));
  var zoom = isFinite(whole) && whole > 0 ? Math.max(1, scale / whole) : 1;
  // a phone's area is cut to the frame's height (76-controls.js): what it lost was an
  // empty band under the graph, not room for names, so the share is the screen's 60vh
  var area = gg.container.closest && gg.container.closest(".gg-phone-fit") ? Math.max(height, 0.6 * window.innerHeight) : height;
  return Math.max(MIN_LABELS, Math.floor(width * area / AREA_PER_LABEL * zoom * zoom));
}
function tierOf(members) {
  if (members.length === 1 && chosen(members[0])) return 0;
  return members.some(function (e) { return e.from.selected || e.to.selected || e.from.hover || e.to.hover; }) ? 1 : 2;
}
// Where each name goes: [{e, members, text, w, h, box}] in graph coordinates.
// When not all fit (or more than the canvas's share: a phone's canvas names
// fewer), the same name on lines of the same two actors the same way is
// written once, with their number ("mobilize ×3"); the selected one alone.
function layoutNames(ctx, named, scale, onPage) {
  var size = LABEL_PX / scale, padX = PAD_X / scale, padY = PAD_Y / scale, gap = GAP / scale;
  var blocked = obstacles(scale);
  // a name is drawn whole inside the graph's frame, or not at all
  var c = gg.container, v0 = network.DOMtoCanvas({ x: 0, y: 0 });
  var v1 = network.DOMtoCanvas({ x: c.clientWidth, y: c.clientHeight });
  var budget = onPage ? share(c.clientWidth, c.clientHeight, scale) : Infinity;
  if (!onPage) { v0 = { x: -Infinity, y: -Infinity }; v1 = { x: Infinity, y: Infinity }; }
  var f = gg.drawFrame;  // the PNG export (78-export.js) draws the whole graph: its box is the frame
  if (f) { v0 = { x: f.minX, y: f.minY }; v1 = { x: f.maxX, y: f.maxY }; budget = Infinity; }
  function job(members, text) {
    var j = { members: members, text: text, base: String(members[0].options.label), w: ctx.measureText(text).width + 2 * padX, h: size + 2 * padY,
              tier: tierOf(members), weight: members.reduce(function (s, e) { return s + (e.options.width || 1); }, 0) };
    j.spots = spotsOf(j, scale, blocked, v0, v1);
    return j;
  }
  named = named.slice(0, MAX_LABELS);
  var single = named.map(function (e) { return job([e], String(e.options.label)); });
  var inSight = single.filter(function (j) { return j.spots.length; }).length;
  var out = fill(single, budget, gap, inSight > budget);
  if (out.length >= inSight) return out;
  var groups = new Map(), merged = [];
  named.forEach(function (e) {
    var key = chosen(e) ? "selected" : [e.fromId, e.toId, e.options.label].join("\u0000");
    if (!groups.has(key)) { groups.set(key, []); merged.push(groups.get(key)); }
    groups.get(key).push(e);
  });
  if (merged.length === named.length) return out;
  var fewer = merged.map(function (members) {
    var text = String(members[0].options.label);
    return job(members, members.length > 1 ? text + " \u00d7" + members.length : text);
  });
  var again = fill(fewer, budget, gap, true);
  var count = function (list) { return list.reduce(function (s, x) { return s + x.members.length; }, 0); };
  return count(again) > count(out) ? again : out;
}
var cache = { key: null, list: [] };
function underNames(list) {
  var body = network.body;
  return body.nodeIndices.some(function (id) {
    var n = body.nodes[id], l = n.labelModule && n.labelModule.size;
    if (n.options.hidden || !(typeof n.options.opacity === "number" && n.options.opacity < 0.5) || !l || !(l.width > 0)) return false;
    var box = { left: l.left, top: l.top, right: l.left + l.width, bottom: l.top + l.height };
    return list.some(function (x) { return overlaps(box, x.box); });
  });
}
// The relation names the page shows, graph coordinates (53-names.js keeps faded actors' names off them).
function heldBoxes() { return cache.list.map(function (x) { return x.box; }); }
function place(ctx) {
  var scale = network.getScale(), body = network.body;
  var named = [];
  body.edgeIndices.forEach(function (id) {
    var e = body.edges[id];
    if (labelsByUs(e) && e.options.label && shownEdge(e)) named.push(e);
  });
  // a drawing into another canvas (the PNG export's whole graph) has no frame,
  // and leaves edgeLabels() as the page shows them
  var onPage = !ctx.canvas || ctx.canvas === gg.container.querySelector("canvas");
  if (!named.length) { if (onPage) drawnBoxes = []; return; }
  ctx.save();
  ctx.font = (LABEL_PX / scale) + "px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  var list;
  if (onPage) {
    var key = keyOf(named, scale, onPage);
    if (key !== cache.key) {
      cache = { key: key, list: layoutNames(ctx, named, scale, onPage) };
      // a faded actor's name under a relation's name: drawn again without it (53-names.js)
      if (underNames(cache.list)) requestAnimationFrame(function () { network.redraw(); });
    }
    list = cache.list;
  } else {
    list = layoutNames(ctx, named, scale, onPage);
  }
  var boxes = [];
  list.forEach(function (x) {
    var box = x.box;
    ctx.fillStyle = "rgba(255,255,255,0.92)";
    ctx.strokeStyle = (x.e.options.color && x.e.options.color.color) || "#999";
    ctx.lineWidth = 1 / scale;
    ctx.beginPath();
    ctx.rect(box.left, box.top, x.w, x.h);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = "#262626";
    ctx.fillText(x.text, box.cx, box.cy + 0.5 / scale);
    if (!onPage) return;
    var d1 = network.canvasToDOM({ x: box.left, y: box.top });
    var d2 = network.canvasToDOM({ x: box.right, y: box.bottom });
    var vid = String(x.e.id), pair = vid.indexOf(BUNDLE_PREFIX) === 0;
    var members = x.members.map(function (m) { var v = String(m.id); return v.indexOf(BUNDLE_PREFIX) === 0 ? v : gg.dataId(v); });
    boxes.push({ id: pair ? vid : gg.dataId(vid), text: x.text, x: d1.x, y: d1.y, members: members,
                 width: d2.x - d1.x, height: d2.y - d1.y, t: box.t, beside: box.beside });
  });
  ctx.restore();
  if (onPage) drawnBoxes = boxes;
}
network.on("afterDrawing", place);

function labelAt(point) {
  if (!point) return null;
  for (var i = 0; i < drawnBoxes.length; i++) {
    var b = drawnBoxes[i];
    if (point.x >= b.x && point.x <= b.x + b.width && point.y >= b.y && point.y <= b.y + b.height) return b.id;
  }
  return null;
}

gg.labelAt = labelAt;
gg.relationNameBoxes = heldBoxes;
gg.edgeLabels = function () { return drawnBoxes.map(function (b) { return Object.assign({}, b); }); };
gg.labelsByUs = labelsByUs;
gg.nodeBox = nodeBox;
gg.expandedLabels = expanded;
gg.LABEL_PX = LABEL_PX;
