/*
 * network: the vis.Network and its tooltips.
 * Provides on gg: network, container, forgetTip(visId) (rebuild that item's
 * tooltip on its next hover), hideTips().
 * Subscribes: every change -> tooltips close (as on a tap, drag, zoom or key).
 * Tooltips are DOM elements built with textContent (vis-network shows a DOM
 * title as is, a string as plain text); they are built when first hovered.
 * Uses: util, data, state, style.
 */
var payload = gg.payload, N = gg.N, LARGE = gg.LARGE, el = gg.el, shorten = gg.shorten;
var nodeName = gg.nodeName, datesText = gg.datesText, arrow = gg.arrow, sourceOf = gg.sourceOf;
var nodeById = gg.nodeById, edgeById = gg.edgeById, bundleByVisId = gg.bundleByVisId, dataId = gg.dataId;
var nodes = gg.nodes, edges = gg.edges, store = gg.store;
var container = document.getElementById("gg-network");

function edgeTip(e) {
  var box = el("div", "gg-tip");
  box.appendChild(el("strong", null, e.relation + ": " + nodeName(e.from) + arrow(e) + nodeName(e.to)));
  box.appendChild(el("div", "gg-tip-meta", gg.statusDates(e)));
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
  var shownHere = b.members.filter(function (e) { return store.isShown(e.id); });
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
  // an actor's name on a pale plate over the lines under it, the page's and the PNG's
  // (its 3 px outline alone left a line through "North Korea" plain to see)
  nodes: { borderWidth: 1.5, font: { size: 15, color: "#1d1d1d", strokeWidth: 3, strokeColor: "#ffffff",
                                     background: "rgba(255,255,255,0.8)" } },
  edges: {
    smooth: LARGE ? false : { enabled: true, type: "continuous", roundness: 0.5 },
    font: { size: 10, color: "#555", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
    selectionWidth: 2, hoverWidth: 1
  }
};
if (LARGE) {
  // Actor labels are placed by 52-labels.js (the ones that fit, most related
  // first); vis-network's own are never drawn (a threshold no label reaches).
  // (unscaled: a scaled label is measured again whenever an actor's size changes)
  options.nodes.scaling = { min: 10, max: 45, label: { enabled: false, drawThreshold: 1e6 } };
  options.edges.font = { size: 11, color: "#333", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" };
  options.edges.scaling = { label: { drawThreshold: 9 } };
}
// vis-network (9.1.2) merges every edge's label fonts when the edge is made or
// its options change (Label.update: four passes over a pile of font options),
// whether or not the edge has a label: at 20,000 relations that was 45% of the
// time to make the edges. Large graphs skip it for edges without a label, which
// never read those fonts (drawLabel and the label's hit test look at the label
// first); an edge given a label later gets the whole update, as before, since
// the update then reads the edge's merged options, not the earlier pile.
// The class of vis's edges is reached through one made for a network that is
// never shown (vis exports no Edge).
function visEdgeProto() {
  var probe = new vis.Network(document.createElement("div"), {}, {});
  try {
    return Object.getPrototypeOf(probe.body.functions.createEdge({ id: "probe" }));
  } finally {
    probe.destroy();
  }
}
function skipUnlabelledFonts(edgeProto) {
  var update = edgeProto.updateLabelModule;
  if (typeof update !== "function" || update.geographSkip) return;
  var skipping = function (opts) {
    if (this.options.label === undefined) return;
    update.call(this, opts);
  };
  skipping.geographSkip = true;
  edgeProto.updateLabelModule = skipping;
}
// A dashed line wider than the patterns were made for (a strong relation, a
// selected or hovered one) gets its pattern scaled with it (gg.dashesFor):
// vis-network draws the dashes as they are, and their round caps had closed
// the gaps, so that a selected forecast read as a fact.
function scaleDashes(edgeProto) {
  var values = edgeProto.getFormattingValues;
  if (typeof values !== "function" || values.geographDashes) return;
  var scaled = function () {
    var v = values.apply(this, arguments);
    if (v && v.dashes) v.dashes = gg.dashesFor(v.dashes === true ? [5, 5] : v.dashes, v.width);
    return v;
  };
  scaled.geographDashes = true;
  edgeProto.getFormattingValues = scaled;
}
(function () {
  var edgeProto = visEdgeProto();
  scaleDashes(edgeProto);
  if (LARGE) skipUnlabelledFonts(edgeProto);
})();
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
  // a pair showing one relation is that relation's line (40-style.js): its tooltip
  if (b) { giveTitle(edges, vid, function () { return gg.soleOf(b) ? edgeTip(gg.soleOf(b)) : bundleTip(b); }); return; }
  var e = edgeById.get(dataId(vid));
  if (e) giveTitle(edges, vid, function () { return edgeTip(e); });
});

// A tooltip closes on the next tap, drag, zoom, key or change of the view:
// on a touch screen nothing else would move it off the graph. vis-network
// (9.1.2, bundled by pyvis) keeps its tooltip in interactionHandler.popup.
function hideTips() {
  var ih = network.interactionHandler;
  if (ih && ih.popup && !ih.popup.hidden) {
    ih.popup.hide();
    ih.popupObj = undefined;
  }
  container.querySelectorAll("div.vis-tooltip").forEach(function (t) { t.style.visibility = "hidden"; });
}
["click", "dragStart", "zoom"].forEach(function (ev) { network.on(ev, hideTips); });
document.addEventListener("keydown", hideTips);
// a tap outside the graph (vis-network sees only its own canvas)
document.addEventListener("pointerdown", function (ev) { if (!container.contains(ev.target)) hideTips(); });
document.addEventListener("focusin", function (ev) { if (!container.contains(ev.target)) hideTips(); });
store.subscribe(function () { hideTips(); });
// A tap selects (65-select.js); the hover a touch screen makes up after it
// showed a tooltip over the selection (on a tablet, over the tapped relation's
// own actor and name). Tooltips follow a mouse or a pen, not a finger.
var touched = false;
container.addEventListener("pointerdown", function (ev) { touched = ev.pointerType === "touch"; }, true);
container.addEventListener("pointermove", function (ev) { if (ev.pointerType !== "touch") touched = false; }, true);
network.on("showPopup", function () { if (touched) hideTips(); });

gg.network = network;
gg.hideTips = hideTips;
gg.container = container;
gg.forgetTip = function (vid) { titled.delete(vid); };
