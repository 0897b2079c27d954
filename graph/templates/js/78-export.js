/*
 * export: the PNG export.
 * Provides on gg: exportPNG() -> a PNG data URL of the graph.
 * Uses: network (gg.container).
 */
function exportPNG() {
  var src = gg.container.querySelector("canvas");
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

gg.exportPNG = exportPNG;
