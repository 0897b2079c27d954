/*
 * focus: how far a focused actor's neighbourhood reaches, shown in its panel:
 * one, two or three steps out, and which relations lead there (from it, to
 * it, both). State keys depth (1-3) and direction ("both", "out", "in"); URL
 * depth=2&direction=out. What stays bright is gg.reach (35-reach.js).
 * Provides on gg: focusControls(node) -> the controls' element (the panel
 * puts it under the actor's name).
 * Uses: util, data, state, reach.
 */
var store = gg.store, el = gg.el;
var DIRECTION_TEXT = { both: "both ways", out: "from it", "in": "to it" };

function choice(id, text, options, value, onChange) {
  var wrap = el("span", "gg-focus-choice");
  var label = el("label", null, text);
  label.htmlFor = id;
  var select = el("select");
  select.id = id;
  options.forEach(function (o) {
    var opt = el("option", null, o[1]);
    opt.value = String(o[0]);
    select.appendChild(opt);
  });
  select.value = String(value);
  select.addEventListener("change", function () { onChange(select.value); });
  wrap.appendChild(label);
  wrap.appendChild(select);
  return wrap;
}
function focusControls(n) {
  var st = store.get();
  var box = el("div", "gg-focus");
  box.setAttribute("role", "group");
  box.setAttribute("aria-label", "Neighbourhood shown");
  box.appendChild(choice("gg-depth", "Steps", gg.DEPTHS.map(function (d) {
    return [d, d === 1 ? "1 step" : d + " steps"];
  }), st.depth, function (v) { store.set({ depth: Number(v) }); }));
  box.appendChild(choice("gg-direction", "Relations", gg.DIRECTIONS.map(function (d) {
    return [d, DIRECTION_TEXT[d]];
  }), st.direction, function (v) { store.set({ direction: v }); }));
  var r = gg.reach(n.id, st.depth, st.direction, store.shown());
  var actors = r.nodes.size - 1, relations = r.edges.size;
  box.appendChild(el("span", "gg-tip-meta", actors + (actors === 1 ? " actor, " : " actors, ") + relations +
    (relations === 1 ? " relation" : " relations") + " within reach"));
  return box;
}
gg.focusControls = focusControls;
