/*
 * geograph view: the page logic of the HTML written by graph.view (inlined there).
 *
 * Public API for automation and embedding, on window.geograph:
 *   network          the vis.Network
 *   nodes, edges     the vis.DataSets (node ids are actor ids, edge ids relation ids;
 *                    ids clashing with Object.prototype names are prefixed, see visId)
 *   payload          the plain data from graph.payload.view_payload (edges as columns)
 *   relations        one object per relation, decoded from payload.edges, with what the
 *                    page derives for drawing (color, dashes, width, smooth, first/last day)
 *   state            {date, focus, edge, pair, status, sign, relation, group} (sets of allowed values)
 *   ready            true once the layout has settled; "geograph:ready" fires on window then
 *   bundles          payload.bundles: pairs whose relations are drawn as ONE edge labelled
 *                    with the number of them currently shown (hidden when none is)
 *   setDate(text|null)        show relations valid at a partial date ("2018", "2020-06"); null = all time
 *   setFilter(kind, values)   kind: "status" | "sign" | "relation" | "group"; values: array
 *   visibleEdgeIds()          ids of the relations currently shown
 *   focusNode(id), selectEdge(id), clearSelection(), search(text) -> id or null
 *   selectPair(a, b)          open the panel of the aggregated edge between actors a and b
 *   drawnEdgeId(relationId)   the vis id of the edge that draws a relation (its own or its pair's)
 *   pairCounts()              {vis id: relations shown} for every aggregated edge
 *   setPhysics(on), exportPNG() -> PNG data URL
 *   visId(id), dataId(visId)  map a data id to the id vis-network uses, and back
 *
 * Safety: text from the data only ever reaches the DOM through textContent or
 * property assignment (never innerHTML and friends); tooltips are DOM elements;
 * links are made only for http: and https: URLs; values read from the URL
 * fragment are only compared with known ids and values.
 */
(function () {
  "use strict";

  var payload = JSON.parse(document.getElementById("gg-data").textContent);
  var container = document.getElementById("gg-network");
  var STATUS_ALL = payload.statuses.slice();
  var SIGN_ALL = ["hostile", "cooperative", "neutral"];
  var FADED = 0.15;

  // ---------- small DOM helpers (text only) ----------
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }
  function shorten(text, max) {
    text = String(text);
    return text.length > max ? text.slice(0, max - 1) + "\u2026" : text;
  }
  function safeUrl(text) {
    if (typeof text !== "string") return null;
    try {
      var url = new URL(text.trim());
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (err) {
      return null;
    }
  }

  var SIGN_NAMES = { "-1": "hostile", "0": "neutral", "1": "cooperative" };

  // ---------- partial dates (same semantics as graph/dates.py) ----------
  var DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
  function pad(n, w) { n = String(n); while (n.length < w) n = "0" + n; return n; }
  function daysIn(year, month) { return new Date(Date.UTC(year, month, 0)).getUTCDate(); }
  // A partial date covers its whole period: {first, last} as YYYY-MM-DD, or null if invalid.
  function parseDate(text) {
    var m = typeof text === "string" ? DATE_RE.exec(text.trim()) : null;
    if (!m) return null;
    var y = +m[1], mo = m[2] ? +m[2] : null, d = m[3] ? +m[3] : null;
    if (mo === null) return { first: pad(y, 4) + "-01-01", last: pad(y, 4) + "-12-31" };
    if (mo < 1 || mo > 12) return null;
    var ym = pad(y, 4) + "-" + pad(mo, 2);
    if (d === null) return { first: ym + "-01", last: ym + "-" + pad(daysIn(y, mo), 2) };
    if (d < 1 || d > daysIn(y, mo)) return null;
    return { first: ym + "-" + pad(d, 2), last: ym + "-" + pad(d, 2) };
  }
  // Valid at `at` when the relation's interval overlaps the period `at` names.
  function validAt(edge, at) {
    return (edge.first === null || edge.first <= at.last) &&
           (edge.last === null || edge.last >= at.first);
  }
  function datesText(e) {
    if (!e.start && !e.end) return "undated";
    if (e.start && e.start === e.end) return e.start;
    return (e.start || "\u2026") + " \u2013 " + (e.end || (e.start ? "ongoing" : "\u2026"));
  }

  // ---------- ids ----------
  // vis-network keeps items in plain objects, so an id such as "__proto__" or
  // "constructor" would clash with Object.prototype. Such ids (and ids that
  // already look escaped) get a prefix inside vis; the mapping is one-to-one.
  var VIS_PREFIX = "geograph:";
  function visId(id) {
    id = String(id);
    return id in Object.prototype || id.indexOf(VIS_PREFIX) === 0 ? VIS_PREFIX + id : id;
  }
  function dataId(vid) {
    vid = String(vid);
    return vid.indexOf(VIS_PREFIX) === 0 ? vid.slice(VIS_PREFIX.length) : vid;
  }

  // ---------- relations: the payload's columns, one object per relation ----------
  // Drawing is derived here from the data: colour by sign, dashes by status,
  // width by intensity (graph.payload.edge_width is the same formula), so the
  // payload carries each relation once and nothing computed from it.
  var STYLE = payload.styles;
  var WIDTH = payload.legend.width;
  function edgeWidth(intensity) {
    return Math.round((WIDTH.min + WIDTH.per_intensity * Math.min(Math.abs(intensity), 10)) * 100) / 100;
  }
  function own(table, key) {
    return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
  }
  function decodeEdges(p) {
    var c = p.edges, out = new Array(c.id.length);
    function at(table, k) { return k === null ? null : table[k]; }
    for (var i = 0; i < out.length; i++) {
      var start = c.start[i], end = c.end[i], status = p.statuses[c.status[i]], sign = c.sign[i];
      out[i] = {
        id: c.id[i], from: p.nodes[c.from[i]].id, to: p.nodes[c.to[i]].id,
        relation: p.relations[c.relation[i]], sign: sign, signName: SIGN_NAMES[String(sign)],
        intensity: c.intensity[i], directed: c.directed[i], status: status,
        start: at(p.dates, start), end: at(p.dates, end),
        // the interval the relation covers: its start's first day to its end's last day
        first: start === null ? null : p.date_spans[start][0],
        last: end === null ? null : p.date_spans[end][1],
        source_id: at(p.source_ids, c.source_id[i]), said_by: at(p.speakers, c.said_by[i]),
        quote: c.quote[i], note: c.note[i], extra: null, bundle: null,
        color: STYLE.sign_colours[String(sign)], dashes: own(STYLE.status_dashes, status) || false,
        width: edgeWidth(c.intensity[i]), smooth: null, selfReference: null
      };
    }
    c.extra.forEach(function (x) { out[x[0]].extra = x[1]; });
    return out;
  }
  var EDGES = decodeEdges(payload);

  // ---------- indexes ----------
  var nodeById = new Map();
  payload.nodes.forEach(function (n) { nodeById.set(n.id, n); });
  var edgeById = new Map();
  var edgesOfNode = new Map();
  EDGES.forEach(function (e) {
    edgeById.set(e.id, e);
    [e.from, e.to].forEach(function (id, i) {
      if (i === 1 && e.to === e.from) return;
      if (!edgesOfNode.has(id)) edgesOfNode.set(id, []);
      edgesOfNode.get(id).push(e);
    });
  });
  // Aggregated pairs. Their vis ids start with "geograph:pair:", which visId() never
  // gives a relation id (those are either unprefixed or "geograph:" + "geograph:..."
  // or + an Object.prototype name).
  var bundles = payload.bundles || [];
  var BUNDLE_PREFIX = "geograph:pair:";
  var bundleByVisId = new Map();
  bundles.forEach(function (b) {
    b.visId = BUNDLE_PREFIX + b.id;
    b.members = b.relations.map(function (i) { return EDGES[i]; });
    b.relations = b.members.map(function (e) { e.bundle = b.id; return e.id; });
    b.shownCount = -1;
    b.opacity = 1;
    b.fade = "1";
    b.look = "";
    bundleByVisId.set(b.visId, b);
  });
  function bundleOf(e) { return e.bundle === null || e.bundle === undefined ? null : bundles[e.bundle]; }
  function drawnEdgeId(id) {
    var e = edgeById.get(id);
    if (!e) return null;
    var b = bundleOf(e);
    return b ? b.visId : visId(e.id);
  }
  function findBundle(a, b) {
    for (var i = 0; i < bundles.length; i++) {
      var x = bundles[i];
      if ((x.from === a && x.to === b) || (x.from === b && x.to === a)) return x;
    }
    return null;
  }
  function nodeName(id) { var n = nodeById.get(id); return n ? n.name : String(id); }
  function sourceOf(e) {
    var s = payload.sources || {};
    return e.source_id !== null && Object.prototype.hasOwnProperty.call(s, e.source_id) ? s[e.source_id] : null;
  }
  function arrow(e) { return e.directed ? " \u2192 " : " \u2014 "; }

  // ---------- tooltips (DOM elements built with textContent) ----------
  function edgeTip(e) {
    var box = el("div", "gg-tip");
    box.appendChild(el("strong", null, e.relation + ": " + nodeName(e.from) + arrow(e) + nodeName(e.to)));
    box.appendChild(el("div", "gg-tip-meta", e.status + " \u00b7 " + datesText(e)));
    if (e.said_by) box.appendChild(el("div", null, "said by " + e.said_by));
    if (e.quote) box.appendChild(el("div", "gg-tip-quote", "\u201c" + shorten(e.quote, 300) + "\u201d"));
    var src = sourceOf(e);
    if (src && (src.title || src.publisher)) {
      box.appendChild(el("div", "gg-tip-meta", "Source: " + shorten(src.title || src.publisher, 120)));
    }
    return box;
  }
  function bundleTip(b) {
    var box = el("div", "gg-tip");
    var shownHere = b.members.filter(function (e) { return shown.has(e.id); });
    box.appendChild(el("strong", null, shownHere.length + " of " + b.count + " relations: " +
      nodeName(b.from) + " \u2014 " + nodeName(b.to)));
    var byRelation = new Map();
    shownHere.forEach(function (e) { byRelation.set(e.relation, (byRelation.get(e.relation) || 0) + 1); });
    var top = Array.from(byRelation.entries()).sort(function (x, y) { return y[1] - x[1]; });
    top.slice(0, 6).forEach(function (r) { box.appendChild(el("div", null, r[1] + " \u00d7 " + r[0])); });
    if (top.length > 6) box.appendChild(el("div", "gg-tip-meta", "and " + (top.length - 6) + " more types"));
    box.appendChild(el("div", "gg-tip-meta", "Click to list them with their quotes."));
    return box;
  }
  function nodeTip(n) {
    var box = el("div", "gg-tip");
    box.appendChild(el("strong", null, n.name + " (" + n.id + ")"));
    box.appendChild(el("div", "gg-tip-meta", n.type + (n.group ? " \u00b7 " + n.group : "")));
    if (n.aliases.length) box.appendChild(el("div", null, "also: " + shorten(n.aliases.join(", "), 160)));
    if (n.description) box.appendChild(el("div", null, shorten(n.description, 240)));
    return box;
  }

  // ---------- layout for large graphs ----------
  var N = payload.nodes.length;
  // Large graphs get their layout here, before vis-network draws anything, and
  // vis's physics stays off. vis's barnesHut solver costs 16-26 ms a step at
  // 1,000 nodes in headless Chromium (100 steps: about 2 s, far from settled);
  // this loop over typed arrays does a step in a few ms. Layouts computed in
  // Python (networkx spring_layout: 3.5 s at 1,000 actors) would make the
  // export many times slower than writing the data.
  var LARGE = !!payload.large;  // graph.payload: more than 150 actors or 1,500 drawn edges
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
  function forceLayout(n, mass, src, dst, weight, budgetMs) {
    var x = new Float64Array(n), y = new Float64Array(n);
    var dx = new Float64Array(n), dy = new Float64Array(n);
    var rand = seededRandom(20200616), m = src.length;
    var k = 70, k2 = k * k, radius = k * Math.sqrt(n) * 0.8;
    for (var i = 0; i < n; i++) {
      var a = 2 * Math.PI * rand(), r = radius * Math.sqrt(rand());
      x[i] = r * Math.cos(a);
      y[i] = r * Math.sin(a);
    }
    var steps = Math.max(40, Math.min(150, Math.round(1e8 / (n * n / 2 + m + 1))));
    var temp = radius / 3, cool = temp / (steps + 1), gravity = 2 / k;
    var t0 = performance.now();
    for (var s = 0; s < steps; s++) {
      dx.fill(0);
      dy.fill(0);
      for (i = 0; i < n; i++) {
        // heavier (busier) actors push harder, so hubs do not pile up in the middle
        var xi = x[i], yi = y[i], mi = k2 * mass[i], fx = 0, fy = 0;
        for (var j = i + 1; j < n; j++) {
          var ex = xi - x[j], ey = yi - y[j];
          var f = mi * mass[j] / (ex * ex + ey * ey + 1);
          ex *= f; ey *= f;
          fx += ex; fy += ey;
          dx[j] -= ex; dy[j] -= ey;
        }
        dx[i] += fx - xi * gravity * mass[i];
        dy[i] += fy - yi * gravity * mass[i];
      }
      for (var e = 0; e < m; e++) {
        var p = src[e], q = dst[e];
        var ux = x[p] - x[q], uy = y[p] - y[q];
        var g = Math.sqrt(ux * ux + uy * uy) * weight[e] / k;
        dx[p] -= ux * g; dy[p] -= uy * g;
        dx[q] += ux * g; dy[q] += uy * g;
      }
      for (i = 0; i < n; i++) {
        var len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
        if (len > temp) { x[i] += dx[i] * temp / len; y[i] += dy[i] * temp / len; }
        else { x[i] += dx[i]; y[i] += dy[i]; }
      }
      temp -= cool;
      if (performance.now() - t0 > budgetMs) break;
    }
    return { x: x, y: y, steps: s + (s < steps ? 1 : 0), ms: performance.now() - t0 };
  }
  var positions = null;
  if (LARGE) {
    var index = new Map();
    payload.nodes.forEach(function (n, i) { index.set(n.id, i); });
    var links = new Map();  // one spring per drawn pair, stronger for many relations
    EDGES.forEach(function (e) {
      if (e.from === e.to) return;
      var key = e.from < e.to ? e.from + "\u0000" + e.to : e.to + "\u0000" + e.from;
      links.set(key, (links.get(key) || 0) + 1);
    });
    var src = new Int32Array(links.size), dst = new Int32Array(links.size);
    var weight = new Float64Array(links.size), li = 0;
    links.forEach(function (count, key) {
      var ends = key.split("\u0000");
      src[li] = index.get(ends[0]);
      dst[li] = index.get(ends[1]);
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
  function smoothOf(index, count, forward) {
    if (count === 1) return { enabled: true, type: "continuous", roundness: 0.5 };
    var step = Math.min(0.3, 1.2 / (count - 1));
    var offset = (index - (count - 1) / 2) * step;
    if (!forward) offset = -offset;
    return { enabled: true, type: offset >= 0 ? "curvedCW" : "curvedCCW",
             roundness: Math.round(Math.abs(offset) * 1e4) / 1e4 };
  }
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

  // ---------- vis data ----------
  function edgeColour(e, opacity) {
    return { color: e.color, highlight: e.color, hover: e.color, inherit: false, opacity: opacity };
  }
  function colourOf(colour, opacity) {
    return { color: colour, highlight: colour, hover: colour, inherit: false, opacity: opacity };
  }
  // Relation names on the lines help small graphs; past a few parallel edges they pile up.
  var showEdgeLabels = EDGES.length <= 80 && payload.counts.max_parallel <= 6;
  var nodeHidden = new Map();
  var nodeOpacity = new Map();
  var nodes = new vis.DataSet(payload.nodes.map(function (n, i) {
    nodeHidden.set(n.id, false);
    nodeOpacity.set(n.id, 1);
    var item = {
      id: visId(n.id),
      label: shorten(n.label, 40),
      shape: n.shape,
      color: { background: n.color, border: "#3a3a3a",
               highlight: { background: n.color, border: "#000" },
               hover: { background: n.color, border: "#000" } },
      opacity: 1
    };
    if (positions) {
      // size and label grow with the number of relations: hubs are named first on zoom
      item.value = n.degree;
      item.x = Math.round(positions.x[i]);
      item.y = Math.round(positions.y[i]);
    } else {
      item.size = Math.min(40, 14 + 3 * Math.sqrt(n.degree));
    }
    return item;
  }));

  // What an aggregated edge looks like, from the relations of its pair now shown.
  function bundleState(b) {
    var count = 0, signs = 0, fwd = false, back = false, status = {};
    b.members.forEach(function (e) {
      if (!shown.has(e.id)) return;
      count++;
      signs += e.sign;
      status[e.status] = true;
      if (e.directed) { if (e.from === b.from) fwd = true; else back = true; }
    });
    var sign = signs > 0 ? 1 : signs < 0 ? -1 : 0;
    var dashes = status.fact ? false : status.claim ? STYLE.status_dashes.claim
      : status.forecast ? STYLE.status_dashes.forecast : false;
    return { count: count, colour: STYLE.sign_colours[String(sign)], dashes: dashes, fwd: fwd, back: back };
  }
  // Arrowheads cost 3-5 times the drawing of a line in vis-network: large graphs
  // draw them only for the focused actor's relations.
  function arrowsOf(forward, backward, drawn) {
    return { to: { enabled: drawn && forward, scaleFactor: 0.7 }, from: { enabled: drawn && backward, scaleFactor: 0.7 } };
  }
  function bundleItem(b, st) {
    return {
      id: b.visId,
      label: String(st.count),
      hidden: st.count === 0,
      color: colourOf(st.colour, b.opacity),
      dashes: st.dashes,
      width: Math.min(LARGE ? 5 : 9, 1 + (LARGE ? 0.7 : 1.4) * Math.log2(1 + st.count)),
      arrows: arrowsOf(st.fwd, st.back, !LARGE || b.fade === "1f")
    };
  }
  var shown = new Set(EDGES.map(function (e) { return e.id; }));
  var hiddenNow = new Map();   // edge id -> hidden flag last sent to vis
  var edgeOpacity = new Map();
  var edgeItems = [];
  EDGES.forEach(function (e) {
    hiddenNow.set(e.id, false);
    edgeOpacity.set(e.id, 1);
    if (bundleOf(e)) return;
    var item = {
      id: visId(e.id),
      from: visId(e.from),
      to: visId(e.to),
      color: edgeColour(e, 1),
      dashes: e.dashes,
      width: LARGE ? Math.min(e.width, 3) : e.width,
      arrows: { to: { enabled: !LARGE && !!e.directed, scaleFactor: 0.7 } },
      hidden: false
    };
    if (!LARGE) item.smooth = e.smooth;
    if (showEdgeLabels) item.label = shorten(e.relation, 30);
    if (e.selfReference) item.selfReference = e.selfReference;
    edgeItems.push(item);
  });
  bundles.forEach(function (b) {
    var st = bundleState(b);
    var item = bundleItem(b, st);
    item.from = visId(b.from);
    item.to = visId(b.to);
    if (b.from === b.to) item.selfReference = { size: 18, angle: 0.785 };
    b.shownCount = st.count;
    b.state = st;
    edgeItems.push(item);
  });
  var edges = new vis.DataSet(edgeItems);
  edgeItems = null;

  var iterations = Math.round(Math.min(600, 100 + 20 * Math.sqrt(N)));
  var options = {
    autoResize: true,
    layout: { randomSeed: 20200616, improvedLayout: N <= 150 },
    physics: {
      enabled: !LARGE,
      solver: "barnesHut",
      barnesHut: { gravitationalConstant: -9000, centralGravity: 0.25, springLength: 190,
                   springConstant: 0.03, damping: 0.35, avoidOverlap: 0.4 },
      stabilization: { enabled: !LARGE, iterations: iterations, updateInterval: 50, fit: true },
      minVelocity: 0.75
    },
    interaction: { hover: true, tooltipDelay: 100, multiselect: false, navigationButtons: false,
                   keyboard: { enabled: true, bindToWindow: false },
                   hideEdgesOnDrag: payload.counts.drawn > 3000,
                   hideEdgesOnZoom: payload.counts.drawn > 3000 },
    nodes: { borderWidth: 1.5, font: { size: 15, color: "#1d1d1d", strokeWidth: 3, strokeColor: "#ffffff" } },
    edges: {
      smooth: LARGE ? false : { enabled: true, type: "continuous", roundness: 0.5 },
      font: { size: 10, color: "#555", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
      selectionWidth: 2, hoverWidth: 1
    }
  };
  if (LARGE) {
    // Labels appear as one zooms in: a label smaller than 9 px on screen is not drawn.
    options.nodes.scaling = { min: 10, max: 45, label: { enabled: true, min: 12, max: 28, drawThreshold: 9, maxVisible: 28 } };
    options.edges.font = { size: 11, color: "#333", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" };
    options.edges.scaling = { label: { drawThreshold: 9 } };
  }
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);

  // Tooltips are built when first hovered, not for every item up front.
  var titled = new Set();
  function giveTitle(set, vid, make) {
    if (titled.has(vid)) return;
    var tip = make();
    if (!tip) return;
    titled.add(vid);
    set.update({ id: vid, title: tip });
  }
  network.on("hoverNode", function (params) {
    var n = nodeById.get(dataId(params.node));
    if (n) giveTitle(nodes, params.node, function () { return nodeTip(n); });
  });
  network.on("hoverEdge", function (params) {
    var vid = String(params.edge), b = bundleByVisId.get(vid);
    if (b) { giveTitle(edges, vid, function () { return bundleTip(b); }); return; }
    var e = edgeById.get(dataId(vid));
    if (e) giveTitle(edges, vid, function () { return edgeTip(e); });
  });

  // ---------- state ----------
  var state = {
    date: null,   // {text, first, last} or null for all time
    focus: null,  // node id
    edge: null,   // edge id
    pair: null,   // aggregated pair (a bundle of payload.bundles)
    status: new Set(STATUS_ALL),
    sign: new Set(SIGN_ALL),
    relation: new Set(payload.relations),
    group: new Set(payload.groups)
  };
  var KNOWN = { status: STATUS_ALL, sign: SIGN_ALL, relation: payload.relations, group: payload.groups };

  function edgeVisible(e) {
    if (!state.status.has(e.status) || !state.sign.has(e.signName) || !state.relation.has(e.relation)) return false;
    if (state.date && !validAt(e, state.date)) return false;
    var a = nodeById.get(e.from), b = nodeById.get(e.to);
    return state.group.has(a.colour_key) && state.group.has(b.colour_key);
  }

  // Hide and show only: positions never change, so nothing jumps.
  function applyFilters() {
    var edgeUpdates = [], nodeUpdates = [];
    shown = new Set();
    EDGES.forEach(function (e) {
      var visible = edgeVisible(e);
      if (visible) shown.add(e.id);
      if (hiddenNow.get(e.id) !== !visible) {
        hiddenNow.set(e.id, !visible);
        if (e.bundle === null || e.bundle === undefined) edgeUpdates.push({ id: visId(e.id), hidden: !visible });
      }
    });
    // an aggregated edge shows how many of its relations are shown, and is hidden at none
    bundles.forEach(function (b) {
      var st = bundleState(b);
      var look = [st.count, st.colour, String(st.dashes), st.fwd, st.back].join("|");
      if (look === b.look) return;
      b.look = look;
      b.state = st;
      b.shownCount = st.count;
      titled.delete(b.visId);  // its tooltip counts relations: rebuild on the next hover
      edgeUpdates.push(bundleItem(b, st));
    });
    payload.nodes.forEach(function (n) {
      var hide = !state.group.has(n.colour_key);
      if (nodeHidden.get(n.id) !== hide) {
        nodeHidden.set(n.id, hide);
        nodeUpdates.push({ id: visId(n.id), hidden: hide });
      }
    });
    if (edgeUpdates.length) edges.update(edgeUpdates);
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    applyFade();
    countEl.textContent = shown.size + " of " + EDGES.length + " relations shown";
  }
  bundles.forEach(function (b) {
    b.look = [b.state.count, b.state.colour, String(b.state.dashes), b.state.fwd, b.state.back].join("|");
  });

  // Focused actor: its neighbourhood (through shown relations) stays, the rest fades.
  function applyFade() {
    var keepNodes = null, keepEdges = null;
    if (state.focus !== null && nodeById.has(state.focus)) {
      keepNodes = new Set([state.focus]);
      keepEdges = new Set();
      (edgesOfNode.get(state.focus) || []).forEach(function (e) {
        if (!shown.has(e.id)) return;
        keepEdges.add(e.id);
        keepNodes.add(e.from);
        keepNodes.add(e.to);
      });
    }
    var nodeUpdates = [], edgeUpdates = [];
    payload.nodes.forEach(function (n) {
      var o = keepNodes === null || keepNodes.has(n.id) ? 1 : FADED;
      if (nodeOpacity.get(n.id) !== o) {
        nodeOpacity.set(n.id, o);
        nodeUpdates.push({ id: visId(n.id), opacity: o });
      }
    });
    EDGES.forEach(function (e) {
      if (bundleOf(e)) return;
      var o = keepEdges === null || keepEdges.has(e.id) ? 1 : FADED;
      var arrowsOn = LARGE && o === 1 && keepEdges !== null;
      if (edgeOpacity.get(e.id) !== (arrowsOn ? 2 : o)) {
        edgeOpacity.set(e.id, arrowsOn ? 2 : o);
        var update = { id: visId(e.id), color: edgeColour(e, o), font: { color: o === 1 ? "#555" : "#ddd" } };
        if (LARGE) update.arrows = arrowsOf(e.directed, false, arrowsOn);
        edgeUpdates.push(update);
      }
    });
    bundles.forEach(function (b) {
      var o = keepNodes === null || (b.shownCount > 0 && (b.from === state.focus || b.to === state.focus)) ? 1 : FADED;
      var key = o + (keepNodes !== null ? "f" : "");
      if (b.fade !== key) {
        b.fade = key;
        b.opacity = o;
        // a faded pair's count is left out: white-edged numbers would speckle the picture
        edgeUpdates.push({ id: b.visId, color: colourOf(b.state.colour, o),
                           font: o === 1 ? { color: "#333", strokeWidth: 3 } : { color: "rgba(0,0,0,0)", strokeWidth: 0 },
                           arrows: arrowsOf(b.state.fwd, b.state.back, !LARGE || o === 1 && keepNodes !== null) });
      }
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
  }

  // ---------- URL fragment ----------
  function writeHash() {
    var parts = [];
    function add(key, values) {
      parts.push(key + "=" + values.map(encodeURIComponent).join(","));
    }
    if (state.date) add("date", [state.date.text]);
    if (state.focus !== null) add("focus", [state.focus]);
    if (state.edge !== null) add("edge", [state.edge]);
    if (state.pair !== null) add("pair", [state.pair.from, state.pair.to]);
    Object.keys(KNOWN).forEach(function (kind) {
      if (state[kind].size !== KNOWN[kind].length) {
        add(kind, KNOWN[kind].filter(function (v) { return state[kind].has(v); }));
      }
    });
    var hash = parts.length ? "#" + parts.join("&") : "";
    if (location.hash === hash || (!hash && !location.hash)) return;
    try {
      history.replaceState(null, "", hash || location.pathname + location.search);
    } catch (err) {
      /* srcdoc or sandboxed frames may refuse; the view works without it */
    }
  }
  function readHash() {
    var params = new Map();
    String(location.hash || "").replace(/^#/, "").split("&").forEach(function (part) {
      var i = part.indexOf("=");
      if (i <= 0) return;
      var values = part.slice(i + 1).split(",").map(function (v) {
        try { return decodeURIComponent(v); } catch (err) { return null; }
      }).filter(function (v) { return v !== null; });
      params.set(part.slice(0, i), values);
    });
    var d = params.has("date") ? parseDate(params.get("date")[0]) : null;
    state.date = d ? { text: params.get("date")[0].trim(), first: d.first, last: d.last } : null;
    Object.keys(KNOWN).forEach(function (kind) {
      if (!params.has(kind)) { state[kind] = new Set(KNOWN[kind]); return; }
      var wanted = new Set(params.get(kind));
      state[kind] = new Set(KNOWN[kind].filter(function (v) { return wanted.has(v); }));
    });
    var focus = params.has("focus") ? params.get("focus")[0] : null;
    var edge = params.has("edge") ? params.get("edge")[0] : null;
    state.focus = focus !== null && nodeById.has(focus) ? focus : null;
    state.edge = state.focus === null && edge !== null && edgeById.has(edge) ? edge : null;
    var pair = params.has("pair") ? params.get("pair") : null;
    state.pair = state.focus === null && state.edge === null && pair !== null && pair.length === 2
      ? findBundle(pair[0], pair[1]) : null;
  }

  // ---------- details panel ----------
  var panel = document.getElementById("gg-panel");
  function defList(rows) {
    var dl = el("dl");
    rows.forEach(function (row) {
      if (row[1] === null || row[1] === undefined || row[1] === "") return;
      dl.appendChild(el("dt", null, row[0]));
      var dd = el("dd");
      if (row[1] instanceof Node) dd.appendChild(row[1]); else dd.textContent = String(row[1]);
      dl.appendChild(dd);
    });
    return dl;
  }
  function extraRows(extra) {
    return Object.keys(extra || {}).map(function (k) {
      var v = extra[k];
      return [k, v === null || typeof v !== "object" ? v : JSON.stringify(v)];
    });
  }
  function closeButton() {
    var b = el("button", "gg-close", "Close");
    b.type = "button";
    b.setAttribute("aria-label", "Close details");
    b.addEventListener("click", function () { clearSelection(); });
    return b;
  }
  function linkOrText(url) {
    var href = safeUrl(url);
    if (!href) return url;
    var a = el("a", null, url);
    a.href = href;
    a.rel = "noopener noreferrer";
    a.target = "_blank";
    return a;
  }
  function refreshPanel() {
    if (state.focus !== null) showNodePanel(nodeById.get(state.focus));
    else if (state.pair !== null) showPairPanel(state.pair);
  }
  function showHint() {
    clear(panel);
    panel.appendChild(el("p", "gg-hint", "Click a relation or an actor to see its evidence."));
  }
  function showEdgePanel(e) {
    clear(panel);
    panel.appendChild(closeButton());
    panel.appendChild(el("h2", null, e.relation));
    panel.appendChild(el("p", "gg-actors", nodeName(e.from) + arrow(e) + nodeName(e.to)));
    var rtype = Object.prototype.hasOwnProperty.call(payload.relation_types, e.relation)
      ? payload.relation_types[e.relation] : null;
    panel.appendChild(defList([
      ["Status", e.status],
      ["Dates", datesText(e)],
      ["Said by", e.said_by],
      ["Sign", e.signName],
      ["Intensity", e.intensity],
      ["Type", rtype ? rtype.description : null],
      ["Id", e.id]
    ]));
    if (e.quote) {
      panel.appendChild(el("h3", null, "Quote"));
      panel.appendChild(el("blockquote", "gg-quote", e.quote));
    }
    if (e.note) panel.appendChild(defList([["Note", e.note]]));
    var src = sourceOf(e);
    if (src || e.source_id) {
      panel.appendChild(el("h3", null, "Source"));
      panel.appendChild(defList(src ? [
        ["Title", src.title], ["Publisher", src.publisher], ["Author", src.author],
        ["Published", src.published], ["Link", src.url ? linkOrText(src.url) : null]
      ] : [["Id", e.source_id + " (not in sources)"]]));
    }
    var extra = extraRows(e.extra);
    if (extra.length) panel.appendChild(defList(extra));
  }
  function showNodePanel(n) {
    clear(panel);
    panel.appendChild(closeButton());
    panel.appendChild(el("h2", null, n.name));
    panel.appendChild(defList([
      ["Id", n.id], ["Type", n.type], ["Group", n.group],
      ["Aliases", n.aliases.length ? n.aliases.join("; ") : null],
      ["About", n.description]
    ].concat(extraRows(n.extra))));
    var mine = edgesOfNode.get(n.id) || [];
    var visibleMine = mine.filter(function (e) { return shown.has(e.id); });
    panel.appendChild(el("h3", null, "Relations (" + visibleMine.length + " shown of " + mine.length + ")"));
    panel.appendChild(relationList(visibleMine));
  }
  function relationItem(e) {
    var li = el("li");
    var b = el("button", null, e.relation + ": " + nodeName(e.from) + arrow(e) + nodeName(e.to));
    b.type = "button";
    b.addEventListener("click", function () { selectEdge(e.id); });
    li.appendChild(b);
    li.appendChild(el("div", "gg-tip-meta", e.status + " \u00b7 " + datesText(e) +
      (e.said_by ? " \u00b7 said by " + e.said_by : "")));
    if (e.quote) li.appendChild(el("blockquote", "gg-quote", e.quote));
    return li;
  }
  // Long lists come in pages, so that a hub's thousands of relations do not stall the page.
  var PAGE = 200;
  function relationList(items, className) {
    var list = el("ul", className || "gg-relations");
    function more(from) {
      items.slice(from, from + PAGE).forEach(function (e) { list.appendChild(relationItem(e)); });
      if (from + PAGE < items.length) {
        var li = el("li", "gg-more");
        var b = el("button", null, "Show " + Math.min(PAGE, items.length - from - PAGE) + " more of " +
          (items.length - from - PAGE));
        b.type = "button";
        b.addEventListener("click", function () { li.remove(); more(from + PAGE); });
        li.appendChild(b);
        list.appendChild(li);
      }
    }
    more(0);
    return list;
  }
  function showPairPanel(b) {
    clear(panel);
    panel.appendChild(closeButton());
    panel.appendChild(el("h2", null, nodeName(b.from) + " \u2014 " + nodeName(b.to)));
    var on = b.members.filter(function (e) { return shown.has(e.id); });
    var off = b.members.filter(function (e) { return !shown.has(e.id); });
    panel.appendChild(el("p", "gg-actors", b.count + " relations between them, drawn as one line; " +
      on.length + " shown at this date and filters."));
    panel.appendChild(el("h3", null, "Relations (" + on.length + " shown of " + b.count + ")"));
    panel.appendChild(relationList(on));
    if (off.length) {
      panel.appendChild(el("h3", null, "Hidden by the date or filters (" + off.length + ")"));
      panel.appendChild(relationList(off, "gg-relations gg-off"));
    }
  }

  // ---------- selection ----------
  function focusNode(id, opts) {
    if (!nodeById.has(id)) return false;
    state.focus = id;
    state.edge = null;
    state.pair = null;
    network.selectNodes([visId(id)]);
    if (!opts || opts.move !== false) {
      network.focus(visId(id), { scale: Math.max(network.getScale(), 1.1), animation: false });
    }
    applyFade();
    showNodePanel(nodeById.get(id));
    writeHash();
    return true;
  }
  function selectEdge(id) {
    if (!edgeById.has(id)) return false;
    state.edge = id;
    state.focus = null;
    state.pair = null;
    network.selectEdges([drawnEdgeId(id)]);
    applyFade();
    showEdgePanel(edgeById.get(id));
    writeHash();
    return true;
  }
  function openPair(b) {
    state.pair = b;
    state.edge = null;
    state.focus = null;
    network.selectEdges([b.visId]);
    applyFade();
    showPairPanel(b);
    writeHash();
    return true;
  }
  function selectPair(a, c) {
    var b = findBundle(String(a), String(c));
    return b ? openPair(b) : false;
  }
  function clearSelection() {
    state.focus = null;
    state.edge = null;
    state.pair = null;
    network.unselectAll();
    applyFade();
    showHint();
    writeHash();
  }
  network.on("click", function (params) {
    if (params.nodes.length) focusNode(dataId(params.nodes[0]), { move: false });
    else if (params.edges.length) {
      var b = bundleByVisId.get(String(params.edges[0]));
      if (b) openPair(b); else selectEdge(dataId(params.edges[0]));
    }
    else clearSelection();
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") clearSelection();
  });

  // ---------- controls ----------
  var countEl = document.getElementById("gg-count");
  var slider = document.getElementById("gg-date");
  var dateLabel = document.getElementById("gg-date-label");
  var timeline = payload.timeline;
  slider.max = String(timeline.length);
  slider.disabled = timeline.length === 0;
  function syncSlider() {
    var i = 0;
    if (state.date) {
      // the position whose period contains the date's first day
      for (var k = 0; k < timeline.length; k++) {
        var p = parseDate(timeline[k]);
        if (p.first <= state.date.first) i = k + 1;
      }
    }
    slider.value = String(i);
    dateLabel.textContent = state.date ? state.date.text : "All time";
    slider.setAttribute("aria-valuetext", dateLabel.textContent);
  }
  function setDate(text) {
    var d = text === null || text === undefined || text === "" ? null : parseDate(String(text));
    state.date = d ? { text: String(text).trim(), first: d.first, last: d.last } : null;
    syncSlider();
    applyFilters();
    refreshPanel();
    writeHash();
    return state.date !== null;
  }
  slider.addEventListener("input", function () {
    var i = +slider.value;
    setDate(i > 0 ? timeline[i - 1] : null);
  });
  var playButton = document.getElementById("gg-play");
  var timer = null;
  function stopPlay() {
    if (timer !== null) clearInterval(timer);
    timer = null;
    playButton.textContent = "Play";
    playButton.setAttribute("aria-pressed", "false");
  }
  playButton.disabled = timeline.length === 0;
  playButton.addEventListener("click", function () {
    if (timer !== null) { stopPlay(); return; }
    if (+slider.value >= timeline.length) setDate(timeline[0]);
    playButton.textContent = "Pause";
    playButton.setAttribute("aria-pressed", "true");
    timer = setInterval(function () {
      var i = +slider.value + 1;
      if (i > timeline.length) { stopPlay(); return; }
      setDate(timeline[i - 1]);
    }, 700);
  });

  function setFilter(kind, values) {
    if (!Object.prototype.hasOwnProperty.call(KNOWN, kind)) return false;
    var wanted = new Set((values || []).map(String));
    state[kind] = new Set(KNOWN[kind].filter(function (v) { return wanted.has(v); }));
    syncCheckboxes();
    applyFilters();
    refreshPanel();
    writeHash();
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
        if (input.checked) state[kind].add(entry.value); else state[kind].delete(entry.value);
        applyFilters();
        refreshPanel();
        writeHash();
      });
      checkboxes.push({ kind: kind, value: entry.value, input: input });
      fs.appendChild(label);
    });
    box.appendChild(fs);
  }
  function syncCheckboxes() {
    checkboxes.forEach(function (c) { c.input.checked = state[c.kind].has(c.value); });
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

  // Search by id, name or alias (case-insensitive; exact match first, then prefix, then substring).
  var searchInput = document.getElementById("gg-search");
  var datalist = document.getElementById("gg-actors");
  var searchKeys = [];
  payload.nodes.forEach(function (n) {
    [n.name, n.id].concat(n.aliases).forEach(function (k) {
      searchKeys.push({ key: String(k).toLowerCase(), id: n.id });
    });
    var opt = el("option");
    opt.value = n.name;
    datalist.appendChild(opt);
  });
  function search(text) {
    var q = String(text || "").trim().toLowerCase();
    if (!q) return null;
    var tests = [
      function (k) { return k === q; },
      function (k) { return k.indexOf(q) === 0; },
      function (k) { return k.indexOf(q) >= 0; }
    ];
    for (var t = 0; t < tests.length; t++) {
      for (var i = 0; i < searchKeys.length; i++) {
        if (tests[t](searchKeys[i].key)) {
          focusNode(searchKeys[i].id);
          return searchKeys[i].id;
        }
      }
    }
    return null;
  }
  searchInput.addEventListener("change", function () { search(searchInput.value); });
  searchInput.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); search(searchInput.value); }
  });

  var physicsButton = document.getElementById("gg-physics");
  var physicsOn = !LARGE;
  function setPhysics(on) {
    physicsOn = !!on;
    network.setOptions({ physics: { enabled: physicsOn } });
    physicsButton.textContent = physicsOn ? "Freeze layout" : "Unfreeze layout";
    physicsButton.setAttribute("aria-pressed", physicsOn ? "true" : "false");
  }
  physicsButton.addEventListener("click", function () { setPhysics(!physicsOn); });
  document.getElementById("gg-fit").addEventListener("click", function () {
    network.fit({ animation: false });
  });
  document.getElementById("gg-reset").addEventListener("click", function () {
    stopPlay();
    Object.keys(KNOWN).forEach(function (kind) { state[kind] = new Set(KNOWN[kind]); });
    syncCheckboxes();
    searchInput.value = "";
    setDate(null);
    clearSelection();
    network.fit({ animation: false });
  });

  function exportPNG() {
    var src = container.querySelector("canvas");
    var out = document.createElement("canvas");
    out.width = src.width;
    out.height = src.height;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";  // the network canvas is transparent
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(src, 0, 0);
    return out.toDataURL("image/png");
  }
  document.getElementById("gg-png").addEventListener("click", function () {
    var a = document.createElement("a");
    a.href = exportPNG();
    a.download = "geograph.png";
    document.body.appendChild(a);
    a.click();
    a.remove();
  });

  // ---------- legend (textContent and SVG only) ----------
  function buildLegend() {
    var box = document.getElementById("gg-legend");
    var SVG = "http://www.w3.org/2000/svg";
    function line(colour, dashes, arrowhead) {
      var svg = document.createElementNS(SVG, "svg");
      svg.setAttribute("width", "44");
      svg.setAttribute("height", "12");
      svg.setAttribute("aria-hidden", "true");
      var l = document.createElementNS(SVG, "line");
      l.setAttribute("x1", "2"); l.setAttribute("y1", "6");
      l.setAttribute("x2", arrowhead ? "34" : "42"); l.setAttribute("y2", "6");
      l.setAttribute("stroke", colour);
      l.setAttribute("stroke-width", "2.5");
      if (dashes) l.setAttribute("stroke-dasharray", dashes.map(Number).join(" "));
      svg.appendChild(l);
      if (arrowhead) {
        var p = document.createElementNS(SVG, "polygon");
        p.setAttribute("points", "34,1 43,6 34,11");
        p.setAttribute("fill", colour);
        svg.appendChild(p);
      }
      return svg;
    }
    function section(title, items) {
      if (!items.length) return;
      box.appendChild(el("h3", null, title));
      var ul = el("ul");
      items.forEach(function (item) {
        var li = el("li");
        li.appendChild(item[0]);
        li.appendChild(el("span", null, item[1]));
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    var lg = payload.legend;
    section("Actors (colour)", lg.nodes.map(function (g) {
      var sw = el("span", "gg-swatch");
      sw.style.backgroundColor = g.color;
      return [sw, g.label];
    }));
    var SHAPE_SYMBOL = { dot: "\u25cf", square: "\u25a0", triangle: "\u25b2", diamond: "\u25c6", star: "\u2605" };
    section("Actors (shape)", lg.shapes.map(function (s) {
      return [el("span", null, SHAPE_SYMBOL[s.shape] || "\u25cf"), s.type];
    }));
    section("Relation sign (colour)", lg.signs.map(function (s) {
      return [line(s.color, false, false), s.label];
    }));
    section("Status (line style)", lg.statuses.map(function (s) {
      return [line("#444", s.dashes, false), s.label];
    }));
    var dir = [];
    if (lg.directed.indexOf(true) >= 0) dir.push([line("#444", false, true), "directed"]);
    if (lg.directed.indexOf(false) >= 0) dir.push([line("#444", false, false), "mutual / undirected"]);
    section("Direction", dir);
    if (EDGES.length) {
      box.appendChild(el("p", "gg-hint", "Line width grows with the relation's intensity (Goldstein scale)."));
    }
  }
  buildLegend();

  // ---------- start ----------
  var api = {
    network: network, nodes: nodes, edges: edges, payload: payload, relations: EDGES, state: state,
    ready: false,
    setDate: setDate, setFilter: setFilter, focusNode: focusNode, selectEdge: selectEdge,
    clearSelection: clearSelection, search: search, setPhysics: setPhysics, exportPNG: exportPNG,
    visibleEdgeIds: function () { return Array.from(shown); },
    bundles: bundles, selectPair: selectPair, drawnEdgeId: drawnEdgeId,
    pairCounts: function () {
      var out = {};
      bundles.forEach(function (b) { out[b.visId] = b.shownCount; });
      return out;
    },
    layout: positions ? { steps: positions.steps, ms: positions.ms } : null,
    parseDate: parseDate, visId: visId, dataId: dataId
  };
  window.geograph = api;

  function restore() {
    readHash();
    syncCheckboxes();
    syncSlider();
    applyFilters();
    if (state.focus !== null) focusNode(state.focus, { move: api.ready });
    else if (state.edge !== null) selectEdge(state.edge);
    else if (state.pair !== null) openPair(state.pair);
    else { network.unselectAll(); showHint(); }
  }
  restore();
  window.addEventListener("hashchange", restore);

  function settled() {
    if (api.ready) return;
    if (physicsOn) setPhysics(false);  // settle once, then stay put
    network.fit({ animation: false });
    if (state.focus !== null) network.focus(visId(state.focus), { scale: Math.max(network.getScale(), 1.1), animation: false });
    api.ready = true;
    window.dispatchEvent(new CustomEvent("geograph:ready"));
  }
  if (N === 0) settled();
  else if (LARGE) network.once("afterDrawing", settled);  // laid out already: ready once drawn
  else network.once("stabilizationIterationsDone", settled);
})();
