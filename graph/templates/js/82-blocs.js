/*
 * blocs: colour actors by the blocs of structural balance at the date shown,
 * switchable with colour by group (state key "color", in the URL as color=bloc);
 * the ties that violate the split glow, and the frustration index is shown.
 * The blocs come computed from Python in payload.balance (graph/balance/steps.py,
 * the same answer as graph.frustration at that date); nothing is recomputed here.
 * Provides on gg: blocStep(dateText) -> the payload's result for that date or null.
 * Subscribes: date and color changes -> node colours, glow, the index line;
 * selection -> the glow again (style's fading resets shadows).
 * Uses: util, data, state, style.
 */
var store = gg.store, payload = gg.payload, balance = payload.balance || null;
var BLOC_COLOURS = ["#d1495b", "#00798c"], UNALIGNED = "#bdbdbd";
var GLOW = { enabled: true, color: "#7b2cbf", size: 14, x: 0, y: 0 };
var glowing = [];
var paintedStep = "group";  // what the actors' colours show: "group" (as 40-style.js made them), a step, or null (no blocs)

function blocStep(text) {
  if (!balance || balance.skipped) return null;
  if (text === null || text === undefined) return balance.all;
  var t = String(text);
  return balance.steps[t] || balance.steps[t.slice(0, 7)] || balance.steps[t.slice(0, 4)] || null;
}

var toolbar = document.querySelector(".gg-toolbar");
var select = gg.el("select");
select.id = "gg-color";
[["group", "by group"], ["bloc", "by bloc (balance)"]].forEach(function (o) {
  var opt = gg.el("option", null, o[1]);
  opt.value = o[0];
  select.appendChild(opt);
});
var line = gg.el("output", "gg-balance");
line.id = "gg-balance";
if (!balance || balance.skipped) {
  select.disabled = true;
  select.title = balance && balance.skipped ? "blocs not computed: " + balance.skipped : "no blocs in this page";
}
if (toolbar) toolbar.appendChild(gg.control("Colour", select));
// the index says what the bloc colours mean: it sits in the legend, under the
// actors' row (80-legend.js), not in the toolbar, where a new line pushed the graph down
var legendActors = document.querySelector("#gg-legend .gg-legend-actors");
if (legendActors) legendActors.parentNode.insertBefore(line, legendActors.nextSibling);
else if (toolbar) toolbar.appendChild(line);
select.addEventListener("change", function () { store.set({ color: select.value }); });

function nodeColour(colour) {
  return { background: colour, border: "#3a3a3a",
           highlight: { background: colour, border: "#000" },
           hover: { background: colour, border: "#000" } };
}

// The violating ties glow; style's fading (a selection) resets shadows, so this
// runs again after it. The selected line keeps its own shadow.
function glow(step) {
  var st = store.get();
  var strong = st.edge !== null ? gg.drawnEdgeId(st.edge) : st.pair !== null ? st.pair.visId : null;
  var off = glowing.filter(function (id) { return id !== strong; });
  if (off.length) gg.edges.update(off.map(function (id) { return { id: id, shadow: { enabled: false } }; }));
  glowing = [];
  if (!step) return;
  var pairs = new Set(step.violating.map(function (v) { return [v[0], v[1]].sort().join("\u0000"); }));
  var ids = new Set();
  gg.relations.forEach(function (r) {
    if (pairs.has([r.from, r.to].sort().join("\u0000"))) ids.add(gg.drawnEdgeId(r.id));
  });
  ids.delete(strong);
  glowing = Array.from(ids).filter(function (id) { return gg.edges.get(id) !== null; });
  gg.edges.update(glowing.map(function (id) { return { id: id, shadow: GLOW }; }));
}
function currentStep() {
  var st = store.get();
  return st.color === "bloc" ? blocStep(st.date ? st.date.text : null) : null;
}
function paint() {
  var st = store.get(), byBloc = st.color === "bloc";
  select.value = st.color;
  var step = byBloc ? blocStep(st.date ? st.date.text : null) : null;
  var side = new Map();
  if (step) step.blocs.forEach(function (b, i) { b.forEach(function (id) { side.set(id, i); }); });
  // the same colours again (by group, or the same step) would re-send every actor to vis
  var look = byBloc ? step : "group";
  if (look !== paintedStep) {
    paintedStep = look;
    gg.nodes.update(payload.nodes.map(function (n) {
      var colour = !byBloc ? n.color : (side.has(n.id) ? BLOC_COLOURS[side.get(n.id)] : UNALIGNED);
      return { id: gg.visId(n.id), color: nodeColour(colour) };
    }));
  }
  glow(step);
  if (!byBloc) { line.textContent = ""; return; }
  if (!step) { line.textContent = "no blocs for this date"; return; }
  var names = step.violating.map(function (v) { return v[0] + "\u2013" + v[1]; });
  line.textContent = "Blocs at " + (st.date ? st.date.text : "all time") + ": frustration index " +
    step.frustration + (step.exact ? "" : " (best found)") +
    (names.length ? "; violating: " + names.join(", ") : "; no violating tie");
}

store.subscribe(function (changed) {
  if (changed.date || changed.color || changed.filters) paint();
  else if (changed.selection) glow(currentStep());
});
paint();

gg.blocStep = blocStep;
gg.UNALIGNED = UNALIGNED;
gg.blocText = function () { return line.textContent; };
if (gg.syncLegendActors) gg.syncLegendActors();  // the legend was built before the blocs were known
gg.BLOC_COLOURS = BLOC_COLOURS;
