/*
 * graph-name: the canvas's accessible name, kept up to date: "Graph of N actors
 * and M relations at DATE" (the actors drawn, the relations shown), with the
 * compared dates and the selection when there are.
 * Provides on gg: graphName() -> that text.
 * Subscribes: every change -> the aria-label of the canvas's frame (vis-network's
 * focusable div.vis-network around the <canvas>, given role="img"; arrows pan
 * and +/- zoom when it has focus).
 * Uses: util, data, state, network.
 */
var store = gg.store, nodeName = gg.nodeName;
var frame = gg.container.querySelector(".vis-network") || gg.container;

function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
function graphName() {
  var st = store.get(), groups = st.filters.group, actors = 0;
  gg.payload.nodes.forEach(function (n) { if (groups.has(n.colour_key)) actors += 1; });
  var text = "Graph of " + plural(actors, "actor", "actors") + " and " +
    plural(store.shown().size, "relation", "relations");
  var c = store.compared();  // the earlier date first
  if (c) text += ", compared from " + c.from.text + " to " + c.to.text;
  else text += st.date ? " at " + st.date.text : " at all dates";
  if (st.focus !== null) text += "; " + nodeName(st.focus) + " selected";
  else if (st.edge !== null) {
    var e = gg.edgeById.get(st.edge);
    text += "; selected: " + e.relation + ", " + nodeName(e.from) + gg.arrow(e) + nodeName(e.to);
  } else if (st.pair !== null) text += "; selected: " + nodeName(st.pair.from) + " \u2014 " + nodeName(st.pair.to);
  return text + ". The table of relations lists them.";
}
function name() {
  frame.setAttribute("role", "img");
  frame.setAttribute("aria-label", graphName());
}
name();
store.subscribe(function () { name(); });

gg.graphName = graphName;
