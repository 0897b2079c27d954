/*
 * controls: Freeze/Unfreeze layout, Fit and Reset.
 * Provides on gg: setPhysics(on), physicsOn() -> bool, fit().
 * Uses: data, state, network, slider, search.
 */
var network = gg.network, store = gg.store, KNOWN = gg.KNOWN;
var physicsButton = document.getElementById("gg-physics");
var physicsOn = !gg.LARGE;
function setPhysics(on) {
  physicsOn = !!on;
  network.setOptions({ physics: { enabled: physicsOn } });
  physicsButton.textContent = physicsOn ? "Freeze layout" : "Unfreeze layout";
  physicsButton.setAttribute("aria-pressed", physicsOn ? "true" : "false");
}
function fit() {
  network.fit({ animation: false });
}
physicsButton.addEventListener("click", function () { setPhysics(!physicsOn); });
document.getElementById("gg-fit").addEventListener("click", fit);
document.getElementById("gg-reset").addEventListener("click", function () {
  gg.stopPlay();
  var filters = {};
  Object.keys(KNOWN).forEach(function (kind) { filters[kind] = KNOWN[kind]; });
  gg.searchInput.value = "";
  store.set({
    date: null, compare: null, focus: null, edge: null, pair: null, filters: filters,
    // and the ways of looking: the page's own layout, colour, size and one step out
    layout: { name: gg.DEFAULT_LAYOUT }, color: gg.COLORS[0], size: gg.SIZES[0], depth: 1, direction: "both"
  });
  fit();
});

gg.setPhysics = setPhysics;
gg.physicsOn = function () { return physicsOn; };
gg.fit = fit;
