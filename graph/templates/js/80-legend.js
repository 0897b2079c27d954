/*
 * legend: what colours, shapes, line styles and arrows mean (text and SVG only).
 * Provides on gg: buildLegend().
 * Uses: util, data.
 */
var el = gg.el, EDGES = gg.relations, payload = gg.payload;
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

buildLegend();
gg.buildLegend = buildLegend;
