/*
 * names: the actors' names in graphs that are not large, kept apart.
 * vis-network writes each name under its actor with no regard for the others,
 * so on a phone, and on the map (where neighbouring countries stand a few
 * pixels apart), names were drawn over each other. Here, in each drawing,
 * once every actor is drawn and before vis-network writes the names, each
 * name gets the first spot (under its actor, then above, right, left, and
 * the corners; then the same a name's height further out) where its box
 * meets no name placed before it, nor another actor (faded ones aside), nor
 * (but for the first) the graph's edge; failing that, the first round the
 * actor clear of names, over another actor's dot (the name's white outline
 * keeps it legible).
 * Names are placed in order of importance: hovered, selected or focused (a
 * search focuses), the ends of the selected relation or pair, those not
 * faded, then larger, then more related; a faded actor's name keeps off the
 * relation names, which make room for the others. A name that fits nowhere is not
 * drawn: hovering or selecting its actor, or zooming in, brings it back.
 * A name moved off its place under its actor gets a thin line to it when it
 * does not touch the actor.
 * Provides on gg: namesDrawn() -> [{id, x, y, width, height, spot}] (the last
 * drawing's names, boxes in the graph element's CSS pixels; spot one of
 * SPOTS), nameHidden(visNode) (its name was left out of the last drawing).
 * Uses: util, data, state, network; gg.drawFrame while the PNG export draws.
 */
var network = gg.network, store = gg.store, payload = gg.payload, visId = gg.visId;
var SPOTS = ["below", "above", "right", "left", "below-right", "below-left", "above-right", "above-left"];
var GAP = 3, SIDE_GAP = 4;  // CSS px between two names, and between a name and an actor beside it
var FAR = 12;               // CSS px: the outer ring of spots, that far further out
var degree = new Map();
payload.nodes.forEach(function (n) { degree.set(visId(n.id), n.degree || 0); });
var frame = null;       // this drawing's placement: Map vis id -> {spot, box} or null (left out)
var frameNodes = [];    // the actors drawn in this drawing, with a name vis-network would write
var drawn = [];

function faded(node) { return typeof node.options.opacity === "number" && node.options.opacity < 0.5; }
function shapeBox(node) {
  var s = node.shape;  // left, top, width, height: set as vis-network drew the shape this drawing
  return { left: s.left, top: s.top, right: s.left + s.width, bottom: s.top + s.height };
}
function meets(a, b) { return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom; }
function meetsAny(box, list, skip) {
  for (var i = 0; i < list.length; i++) if (list[i] !== skip && meets(box, list[i])) return true;
  return false;
}
// The actors that matter most here and now (as a sort key: smaller first).
function importance() {
  var st = store.get(), ends = new Set();
  if (st.edge !== null) {
    var e = gg.edgeById.get(st.edge);
    if (e) { ends.add(visId(e.from)); ends.add(visId(e.to)); }
  }
  if (st.pair) { ends.add(visId(st.pair.from)); ends.add(visId(st.pair.to)); }
  var focus = st.focus !== null ? visId(st.focus) : null;
  return function (n) {
    if (n.hover) return 0;
    if (n.id === focus || n.selected) return 1;
    if (ends.has(n.id)) return 2;
    return faded(n) ? 4 : 3;
  };
}
// A name's box at a spot, for a name w x h (graph units) of font size fs.
// Under the actor it is where vis-network writes it; elsewhere a few px away.
function spotBox(spot, node, w, h, fs, scale, far) {
  var b = shapeBox(node), x = node.x, y = node.y, g = SIDE_GAP / scale + far, left, top;
  if (spot === "below") { left = x - w / 2; top = b.bottom + fs / 2 + 4 + far; }
  else if (spot === "above") { left = x - w / 2; top = b.top - g - h; }
  else if (spot === "right") { left = b.right + g; top = y - h / 2; }
  else if (spot === "left") { left = b.left - g - w; top = y - h / 2; }
  else {
    var up = spot.indexOf("above") === 0, right = spot.slice(-5) === "right";
    left = right ? x + (b.right - x) * 0.5 + far : x - (b.right - x) * 0.5 - w - far;
    top = up ? b.top - g - h : b.bottom + g;
  }
  return { left: left, top: top, right: left + w, bottom: top + h, spot: spot, far: far > 0 };
}
function viewBox(ctx) {
  var f = gg.drawFrame;  // the PNG export draws the whole graph: its box is the frame
  if (f) return { left: f.minX, top: f.minY, right: f.maxX, bottom: f.maxY };
  if (ctx.canvas && ctx.canvas !== gg.container.querySelector("canvas")) {
    return { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
  }
  var c = gg.container, a = network.DOMtoCanvas({ x: 0, y: 0 });
  var z = network.DOMtoCanvas({ x: c.clientWidth, y: c.clientHeight });
  return { left: a.x, top: a.y, right: z.x, bottom: z.y };
}
function inside(box, view) {
  return box.left >= view.left && box.top >= view.top && box.right <= view.right && box.bottom <= view.bottom;
}
function place(ctx) {
  var scale = network.body.view.scale, gap = GAP / scale, view = viewBox(ctx), rank = importance();
  var out = new Map(), placed = [], shapes = [];
  // relation names yield only to the actors not faded (55-edge-labels.js): a faded one's name keeps off them
  var onPage = (!ctx.canvas || ctx.canvas === gg.container.querySelector("canvas")) && !gg.drawFrame;
  var held = onPage && gg.relationNameBoxes ? gg.relationNameBoxes() : [];
  var jobs = frameNodes.map(function (n, i) {
    var lm = n.labelModule;
    if (n.ggNameHidden) { lm.labelDirty = true; n.ggNameHidden = false; }  // its size was zeroed
    var size = lm.getTextSize(ctx, n.selected, n.hover), fs = lm.fontOptions.size;
    var box = shapeBox(n);
    if (!faded(n)) shapes.push(box);
    // a name vis-network would not write at this zoom (under its drawThreshold) needs no room
    var small = fs * scale < lm.elementOptions.scaling.label.drawThreshold - 1;
    return { n: n, i: i, w: size.width, h: size.height, fs: fs, shape: box, rank: rank(n), small: small };
  });
  jobs.sort(function (a, b) {
    return a.rank - b.rank || (b.n.options.size || 0) - (a.n.options.size || 0) ||
      (degree.get(b.n.id) || 0) - (degree.get(a.n.id) || 0) || a.i - b.i;
  });
  jobs.forEach(function (job) {
    if (job.small || !(job.w > 0)) { out.set(job.n.id, { spot: "below", box: null }); return; }
    // round the actor, then a name's height further out (with a line to it)
    var far = Math.max(job.h, FAR / scale), boxes = SPOTS.map(function (s) {
      return spotBox(s, job.n, job.w, job.h, job.fs, scale, 0);
    }).concat(SPOTS.map(function (s) { return spotBox(s, job.n, job.w, job.h, job.fs, scale, far); }));
    var pick = null, k, b;
    // clear of names and other actors (inside the frame, but for vis-network's own
    // place, which the fit frames); then clear of names only, over an actor's dot,
    // in the inner ring (further out, over dots, a name reads as another actor's)
    for (var pass = 0; pass < 2 && !pick; pass++) {
      for (k = 0; k < boxes.length && !pick; k++) {
        b = boxes[k];
        if (meetsAny({ left: b.left - gap, top: b.top - gap, right: b.right + gap, bottom: b.bottom + gap }, placed, null)) continue;
        if (pass === 0 && meetsAny(b, shapes, job.shape)) continue;
        if (pass === 1 && b.far) break;  // over a dot, only right by its own actor
        if (job.rank === 4 && meetsAny(b, held, null)) continue;
        if (k > 0 && !inside(b, view)) continue;
        pick = b;
      }
    }
    if (!pick) { out.set(job.n.id, null); return; }
    placed.push(pick);
    out.set(job.n.id, { spot: pick.spot, box: pick });
  });
  return out;
}
// Write one actor's name where the placement put it (in place of vis-network's
// drawExternalLabel, which writes it under the actor and takes it into the
// actor's box).
function writeName(node, ctx) {
  if (!frame) frame = place(ctx);
  var at = frame.get(node.id), lm = node.labelModule, size = lm.size;
  if (at === undefined) at = { spot: "below", box: null };
  if (at === null) {
    node.ggNameHidden = true;
    size.left = node.x; size.top = node.y; size.width = 0; size.height = 0;
  } else if (!at.box) {
    lm.calculateLabelSize(ctx, node.selected, node.hover, node.x, node.y, "hanging");
    lm.draw(ctx, node.x, node.y + 0.5 * node.shape.height + 0.5 * size.height, node.selected, node.hover, "hanging");
  } else {
    var b = at.box, fs = lm.fontOptions.size;
    if (b.far || at.spot !== "below") leader(ctx, node, b);
    // vis-network's "hanging" name at (x, y) has its box's top at y - h/2 + fs/2 + 4
    lm.draw(ctx, (b.left + b.right) / 2, b.top + (b.bottom - b.top) / 2 - fs / 2 - 4, node.selected, node.hover, "hanging");
  }
  node.shape.updateBoundingBox(node.x, node.y);
  if (at !== null && size.width > 0 && ctx.canvas === gg.container.querySelector("canvas") && !gg.drawFrame) {
    var a = network.canvasToDOM({ x: size.left, y: size.top });
    var z = network.canvasToDOM({ x: size.left + size.width, y: size.top + size.height });
    drawn.push({ id: gg.dataId(node.id), x: a.x, y: a.y, width: z.x - a.x, height: z.y - a.y, spot: at.spot });
  }
}
// A thin line from the actor's edge to a name set apart from it, when they do not touch.
function leader(ctx, node, b) {
  var s = shapeBox(node), scale = network.body.view.scale, near = 6 / scale;
  var px = Math.max(b.left, Math.min(node.x, b.right)), py = Math.max(b.top, Math.min(node.y, b.bottom));
  var dx = px - node.x, dy = py - node.y, d = Math.sqrt(dx * dx + dy * dy), r = (s.right - s.left) / 2;
  if (d - r < near) return;
  ctx.save();
  ctx.beginPath();
  ctx.moveTo(node.x + dx / d * r, node.y + dy / d * r);
  ctx.lineTo(px, py);
  ctx.strokeStyle = "rgba(40,40,40,0.8)";
  ctx.lineWidth = 1 / scale;
  ctx.stroke();
  ctx.restore();
}

// vis-network 9.1.2 (bundled by pyvis): a node's draw returns the function
// that writes its name once every node is drawn; it is replaced by ours.
(function () {
  var ids = Object.keys(network.body.nodes);
  if (gg.LARGE || !ids.length) return;
  var proto = Object.getPrototypeOf(network.body.nodes[ids[0]]);
  if (!proto || typeof proto.draw !== "function" || proto.ggNames) return;
  var original = proto.draw;
  proto.draw = function (ctx) {
    var out = original.call(this, ctx), node = this;
    if (out && typeof out.drawExternalLabel === "function" && node.options.label !== undefined &&
        node.labelModule && typeof node.labelModule.getTextSize === "function") {
      frameNodes.push(node);
      out.drawExternalLabel = function () { writeName(node, ctx); };
    }
    return out;
  };
  proto.ggNames = true;
  network.on("beforeDrawing", function (ctx) {
    frame = null;
    frameNodes = [];
    if (!ctx.canvas || ctx.canvas === gg.container.querySelector("canvas")) drawn = [];
  });
})();

gg.namesDrawn = function () { return drawn.map(function (b) { return Object.assign({}, b); }); };
gg.nameHidden = function (node) { return !!node.ggNameHidden; };
