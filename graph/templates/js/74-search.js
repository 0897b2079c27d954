/*
 * search: find an actor by id, name or alias.
 * Provides on gg: search(text) -> the actor id focused, or null; searchInput.
 * Uses: util, data, select.
 */
var payload = gg.payload, el = gg.el;
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
        gg.focusNode(searchKeys[i].id);
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

gg.search = search;
gg.searchInput = searchInput;
