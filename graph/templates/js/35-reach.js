/*
 * reach: what a focused actor reaches, one, two or three steps out, following
 * relations from it ("out"), to it ("in") or both ways ("both"). A mutual
 * (undirected) relation leads both ways. Only relations shown count.
 * Provides on gg: reach(focus, depth, direction, shown) -> {nodes: Set of
 * actor ids, edges: Set of relation ids followed, distance: Map id -> steps}.
 * Uses: data.
 */
function reach(focus, depth, direction, shown) {
  var distance = new Map([[focus, 0]]), edges = new Set(), frontier = [focus];
  for (var step = 1; step <= depth && frontier.length; step++) {
    var next = [];
    frontier.forEach(function (id) {
      (gg.edgesOfNode.get(id) || []).forEach(function (e) {
        if (!shown.has(e.id)) return;
        var other = null;
        if (e.from === id && (direction !== "in" || !e.directed)) other = e.to;
        if (e.to === id && (direction !== "out" || !e.directed)) other = other === null ? e.from : other;
        if (other === null) return;
        edges.add(e.id);
        if (!distance.has(other)) { distance.set(other, step); next.push(other); }
      });
    });
    frontier = next;
  }
  return { nodes: new Set(distance.keys()), edges: edges, distance: distance };
}
gg.reach = reach;
