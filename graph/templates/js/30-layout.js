/*
 * layout: where actors start and how parallel relations bend.
 * Provides on gg: positions ({x, y, steps, ms} for large graphs, computed here
 * before vis-network draws; null for small ones, which vis lays out), and sets
 * smooth / selfReference on each relation of gg.relations; isolated (indexes
 * of actors with no relation to another), placeIsolated(pos) (their places
 * beside the graph), smoothOf(index, count, forward, most) (the curve of the
 * index-th of count parallel relations, bulging at most `most` of its length), middleArrow(e) (its arrowhead at the middle).
 * Uses: data.
 */
var payload = gg.payload, EDGES = gg.relations, N = gg.N, LARGE = gg.LARGE;
// Large graphs get their layout here, before vis-network draws anything, and
// vis's physics stays off. vis's barnesHut solver costs 16-26 ms a step at
// 1,000 nodes in headless Chromium (100 steps: about 2 s, far from settled);
// this loop over typed arrays does a step in a few ms. Layouts computed in
// Python (networkx spring_layout: 3.5 s at 1,000 actors) would make the
// export many times slower than writing the data.
function seededRandom(seed) {  // mulberry32
  return function () {
    seed = (seed + 0x6D2B79F5) | 0;
    var t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
// Fruchterman-Reingold with gravity; repulsion summed over all pairs. The step
// count depends only on the graph's size, so a page always draws the same
// picture; the time cap only cuts in for graphs of several thousand actors.
// The repulsion of every pair and the pull to the middle, added to d.
function repulse(n, p, d, mk, mass, gravity) {
  for (var i = 0, i2 = 0; i < n; i++, i2 += 2) {
    var xi = p[i2], yi = p[i2 + 1], mi = mk[i], fx = 0, fy = 0;
    for (var j2 = i2 + 2, j = i + 1; j < n; j++, j2 += 2) {
      var ex = xi - p[j2], ey = yi - p[j2 + 1];
      var f = mi * mass[j] / (ex * ex + ey * ey + 1);
      ex *= f; ey *= f;
      fx += ex; fy += ey;
      d[j2] -= ex; d[j2 + 1] -= ey;
    }
    d[i2] += fx - xi * gravity * mass[i];
    d[i2 + 1] += fy - yi * gravity * mass[i];
  }
}
// Positions and displacements are held x, y interleaved (one array each, not
// two): the same sums in the same order as with four arrays, less time.
function forceLayout(n, mass, src, dst, weight, budgetMs) {
  var p = new Float64Array(2 * n), d = new Float64Array(2 * n), mk = new Float64Array(n);
  var rand = seededRandom(20200616), m = src.length;
  var k = 70, k2 = k * k, radius = k * Math.sqrt(n) * 0.8;
  for (var i = 0; i < n; i++) {
    var a = 2 * Math.PI * rand(), r = radius * Math.sqrt(rand());
    p[2 * i] = r * Math.cos(a);
    p[2 * i + 1] = r * Math.sin(a);
    mk[i] = k2 * mass[i];
  }
  var steps = Math.max(40, Math.min(150, Math.round(1e8 / (n * n / 2 + m + 1))));
  var temp = radius / 3, cool = temp / (steps + 1), gravity = 2 / k;
  var t0 = performance.now();
  for (var s = 0; s < steps; s++) {
    d.fill(0);
    repulse(n, p, d, mk, mass, gravity);
    for (var e = 0; e < m; e++) {
      var a2 = 2 * src[e], b2 = 2 * dst[e];
      var ux = p[a2] - p[b2], uy = p[a2 + 1] - p[b2 + 1];
      var g = Math.sqrt(ux * ux + uy * uy) * weight[e] / k;
      d[a2] -= ux * g; d[a2 + 1] -= uy * g;
      d[b2] += ux * g; d[b2 + 1] += uy * g;
    }
    for (i = 0; i < n; i++) {
      var dx = d[2 * i], dy = d[2 * i + 1], len = Math.sqrt(dx * dx + dy * dy);
      if (len > temp) { p[2 * i] += dx * temp / len; p[2 * i + 1] += dy * temp / len; }
      else { p[2 * i] += dx; p[2 * i + 1] += dy; }
    }
    temp -= cool;
    if (performance.now() - t0 > budgetMs) break;
  }
  var x = new Float64Array(n), y = new Float64Array(n);
  for (i = 0; i < n; i++) { x[i] = p[2 * i]; y[i] = p[2 * i + 1]; }
  return { x: x, y: y, steps: s + (s < steps ? 1 : 0), ms: performance.now() - t0 };
}
var positions = null;
if (LARGE) {
  var index = new Map();
  payload.nodes.forEach(function (n, i) { index.set(n.id, i); });
  // one spring per drawn pair, stronger for many relations; a pair is keyed by
  // its actors' indexes (the smaller id first), in the order pairs first appear
  var links = new Map();
  for (var r = 0; r < EDGES.length; r++) {
    var e = EDGES[r];
    if (e.from === e.to) continue;
    var a = index.get(e.from), b = index.get(e.to), key = e.from < e.to ? a * N + b : b * N + a;
    links.set(key, (links.get(key) || 0) + 1);
  }
  var src = new Int32Array(links.size), dst = new Int32Array(links.size);
  var weight = new Float64Array(links.size), li = 0;
  links.forEach(function (count, key) {
    src[li] = Math.floor(key / N);
    dst[li] = key % N;
    weight[li] = 1 + Math.log(count);
    li++;
  });
  var mass = new Float64Array(N);
  payload.nodes.forEach(function (n, i) { mass[i] = Math.sqrt(1 + n.degree); });
  positions = forceLayout(N, mass, src, dst, weight, 1500);
}

// ---------- curvature: parallel edges of a pair spread around straight ----------
// Each relation drawn alone gets its own bend (small graphs; large ones draw
// straight lines); a reversed edge flips sides, so A->B and B->A differ.
// Self-loops of one actor grow in size and turn.
// vis-network 9's curvedCW puts the quadratic curve's control point at
// (0.5 + 0.5 r) L from the start, turned by (0.5 + 0.5 r) * 90 degrees, so the
// middle of the curve lies bulge(r) * L off the straight line. The roundness
// of each curve is chosen so that the middles (where the arrowheads sit) are
// evenly spaced: equal steps of roundness crowd the curves near straight.
var MAX_ROUNDNESS = 0.9;
function bulge(r) { return 0.25 * (1 + r) * Math.sin(Math.PI * r / 2); }
function roundnessFor(offset) {  // bulge^-1 on [0, 1], by bisection
  var lo = 0, hi = 1;
  for (var k = 0; k < 30; k++) { var mid = (lo + hi) / 2; if (bulge(mid) < offset) lo = mid; else hi = mid; }
  return (lo + hi) / 2;
}
// most: the widest bulge allowed, as a share of the line's length (an open pair
// keeps its curves a few pixels apart on screen, 66-expand.js); none by default.
function smoothOf(index, count, forward, most) {
  if (count === 1) return { enabled: true, type: "continuous", roundness: 0.5 };
  var widest = bulge(Math.min(MAX_ROUNDNESS, 0.3 * (count - 1) / 2));
  if (most > 0 && most < widest) widest = most;
  var offset = (2 * index / (count - 1) - 1) * widest;  // evenly spaced in [-widest, widest]
  if (!forward) offset = -offset;
  var r = roundnessFor(Math.abs(offset));
  return { enabled: true, type: offset >= 0 ? "curvedCW" : "curvedCCW",
           roundness: Math.round(r * 1e4) / 1e4 };
}
// Arrowheads of small graphs sit at the middle of their line: at the line's
// end the heads of a pair's parallel relations meet in one spot.
function middleArrow(e) { return !LARGE && e.from !== e.to; }
(function () {
  var pairs = new Map(), loops = new Map();
  EDGES.forEach(function (e) {
    if (e.bundle !== null) return;
    if (e.from === e.to) {
      var n = loops.get(e.from) || 0;
      loops.set(e.from, n + 1);
      e.smooth = { enabled: false };
      e.selfReference = { size: 18 + 8 * n, angle: Math.round((0.785 + 0.9 * n) * 1000) / 1000 };
      return;
    }
    if (LARGE) return;
    var key = e.from <= e.to ? e.from + "\u0000" + e.to : e.to + "\u0000" + e.from;
    if (!pairs.has(key)) pairs.set(key, []);
    pairs.get(key).push(e);
  });
  pairs.forEach(function (members) {
    members.forEach(function (e, i) { e.smooth = smoothOf(i, members.length, e.from <= e.to); });
  });
})();

// Actors with no relation to another actor: a physics layout pushes them far
// out (22 times the graph's size at 300 actors) and Fit would frame a speck.
// They go in a column (or a few) beside the graph, in name order.
var isolated = [];
(function () {
  var linked = new Set();
  EDGES.forEach(function (e) { if (e.from !== e.to) { linked.add(e.from); linked.add(e.to); } });
  payload.nodes.forEach(function (n, i) { if (!linked.has(n.id)) isolated.push(i); });
  isolated.sort(function (a, b) {
    var x = payload.nodes[a].name, y = payload.nodes[b].name;
    return x < y ? -1 : x > y ? 1 : 0;
  });
})();
// pos(i) -> {x, y} of node i; returns {i: {x, y}} for the isolated ones.
function placeIsolated(pos) {
  var out = {};
  if (!isolated.length || isolated.length === N) return out;
  var iso = new Set(isolated), minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (var i = 0; i < N; i++) {
    if (iso.has(i)) continue;
    var p = pos(i);
    if (p.x < minX) minX = p.x;
    if (p.x > maxX) maxX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.y > maxY) maxY = p.y;
  }
  var gap = 70, rows = Math.max(1, Math.floor((maxY - minY) / gap) + 1);
  isolated.forEach(function (i, k) {
    out[i] = { x: Math.round(maxX + 2 * gap + gap * 1.6 * Math.floor(k / rows)),
               y: Math.round(minY + gap * (k % rows)) };
  });
  return out;
}
if (positions) {
  var placed = placeIsolated(function (i) { return { x: positions.x[i], y: positions.y[i] }; });
  Object.keys(placed).forEach(function (i) { positions.x[+i] = placed[i].x; positions.y[+i] = placed[i].y; });
}

gg.positions = positions;
gg.isolated = isolated;
gg.placeIsolated = placeIsolated;
gg.smoothOf = smoothOf;
gg.middleArrow = middleArrow;
