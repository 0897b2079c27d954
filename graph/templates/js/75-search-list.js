/*
 * search-list: the search box lists its matches (actors by name, id or alias;
 * relations by quote, speaker or type) in a labelled listbox; arrows move, Enter
 * or a click chooses; "no match" is said and clears the selection.
 * Matching ignores case, accents and the style of apostrophes and quotes.
 * Enter takes the active option, the only match, or the one actor named exactly.
 * Provides on gg: searchMatches(text) -> [{kind: "actor"|"relation", id, label, exact}],
 * normalize(text), searchList (the listbox element).
 * Uses: util, data, state, search; calls gg.focusNode, gg.selectEdge (select).
 * Safety: option text through textContent only.
 */
var el = gg.el, clear = gg.clear, store = gg.store, nodeName = gg.nodeName, arrow = gg.arrow;
var input = gg.searchInput;
var MAX = 60;

function normalize(text) {
  return String(text === null || text === undefined ? "" : text)
    .normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4\u0060\u02bc]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, "\"")
    .toLowerCase().replace(/\s+/g, " ").trim();
}
var actorKeys = gg.payload.nodes.map(function (n) {
  return { id: n.id, name: n.name,
           keys: [n.name, n.id].concat(n.aliases || []).map(normalize) };
});
var relationKeys = gg.relations.map(function (e) {
  return { e: e, keys: [e.quote, e.said_by, e.relation].map(normalize) };
});
function rank(keys, q) {
  var best = 9;
  keys.forEach(function (k) {
    if (!k) return;
    var r = k === q ? 0 : k.indexOf(q) === 0 ? 1 : k.indexOf(q) >= 0 ? 2 : 9;
    if (r < best) best = r;
  });
  return best;
}
function searchMatches(text) {
  var q = normalize(text);
  if (!q) return [];
  var actors = [], rels = [];
  actorKeys.forEach(function (a, i) {
    var r = rank(a.keys, q);
    if (r < 9) actors.push({ r: r, i: i, m: { kind: "actor", id: a.id, label: a.name + " (" + a.id + ")" } });
  });
  relationKeys.forEach(function (x, i) {
    var r = rank(x.keys, q);
    if (r < 9) {
      var e = x.e;
      rels.push({ r: r, i: i, m: { kind: "relation", id: e.id,
        label: e.relation + ": " + nodeName(e.from) + arrow(e) + nodeName(e.to) +
               (e.said_by ? " (said by " + e.said_by + ")" : "") } });
    }
  });
  function order(a, b) { return a.r - b.r || a.i - b.i; }
  return actors.sort(order).concat(rels.sort(order)).map(function (x) {
    x.m.exact = x.r === 0;
    return x.m;
  });
}

// the listbox and its status line, right after the search box
input.removeAttribute("list");  // the datalist held names only: the listbox replaces it
input.setAttribute("role", "combobox");
input.setAttribute("aria-autocomplete", "list");
input.setAttribute("aria-expanded", "false");
input.setAttribute("aria-controls", "gg-search-list");
var wrap = el("span", "gg-search-wrap");
input.parentNode.insertBefore(wrap, input);
wrap.appendChild(input);
var list = el("ul", "gg-search-list");
list.id = "gg-search-list";
list.setAttribute("role", "listbox");
list.setAttribute("aria-label", "Search results");
list.hidden = true;
wrap.appendChild(list);
var status = el("span", "gg-search-status");
status.id = "gg-search-status";
status.setAttribute("role", "status");
status.setAttribute("aria-live", "polite");
wrap.parentNode.insertBefore(status, wrap.nextSibling);

var matches = [], active = -1;
function close() {
  list.hidden = true;
  input.setAttribute("aria-expanded", "false");
  input.removeAttribute("aria-activedescendant");
  active = -1;
}
function setActive(i) {
  var items = list.children;
  if (!items.length) return;
  active = (i + items.length) % items.length;
  Array.prototype.forEach.call(items, function (li, k) {
    li.setAttribute("aria-selected", k === active ? "true" : "false");
  });
  input.setAttribute("aria-activedescendant", items[active].id);
  items[active].scrollIntoView({ block: "nearest" });
}
function choose(m) {
  close();
  if (m.kind === "actor") gg.focusNode(m.id);
  else gg.selectEdge(m.id);
  status.textContent = "Showing " + m.label;
}
function update() {
  matches = searchMatches(input.value);
  clear(list);
  active = -1;
  if (!normalize(input.value)) { close(); status.textContent = ""; return; }
  if (!matches.length) {
    close();
    status.textContent = "no match";
    gg.clearSelection();
    return;
  }
  matches.slice(0, MAX).forEach(function (m, i) {
    var li = el("li", "gg-search-option gg-search-" + m.kind);
    li.id = "gg-search-opt-" + i;
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", "false");
    li.appendChild(el("span", "gg-search-kind", m.kind));
    li.appendChild(document.createTextNode(" " + m.label));
    li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(m); });
    list.appendChild(li);
  });
  list.hidden = false;
  input.setAttribute("aria-expanded", "true");
  status.textContent = matches.length + (matches.length === 1 ? " match" : " matches") +
    (matches.length > MAX ? " (first " + MAX + " listed)" : "");
}
// one actor whose name, id or alias is exactly what was typed: Enter takes it
function onlyExactActor() {
  var exact = matches.filter(function (m) { return m.exact && m.kind === "actor"; });
  return exact.length === 1 && matches[0] === exact[0];
}
input.addEventListener("input", update);
input.addEventListener("keydown", function (ev) {
  if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
    ev.preventDefault();
    if (list.hidden) update();
    setActive(active + (ev.key === "ArrowDown" ? 1 : -1));
  } else if (ev.key === "Enter") {
    ev.preventDefault();
    if (list.hidden && input.value) update();
    if (active >= 0) choose(matches[active]);
    else if (matches.length === 1 || onlyExactActor()) choose(matches[0]);
    else if (matches.length) setActive(0);  // several: the user picks, nothing jumps
  } else if (ev.key === "Escape" && !list.hidden) {
    close();  // an open list closes first; the next Escape clears the selection
    ev.stopPropagation();
  }
});
input.addEventListener("blur", close);

gg.searchMatches = searchMatches;
gg.normalize = normalize;
gg.searchList = list;
