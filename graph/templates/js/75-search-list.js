/*
 * search-list: the search box lists its matches (actors by name, id or alias;
 * relations by quote, speaker or type) in a labelled listbox; arrows move, Enter
 * or a click chooses; "no match" is said and clears the selection.
 * Matching ignores case, accents and the style of apostrophes and quotes.
 * Enter takes the active option, the only match, or the one actor named exactly.
 * Provides on gg: searchMatches(text) -> every match [{kind: "actor"|"relation", id, label, exact}],
 * normalize(text), searchList (the listbox element), prepareSearch() (the texts to
 * match, made on first use or by main when idle).
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
// The texts to match are made on first use, or in idle time once the page is
// ready (prepareSearch, called by main): at 20,000 relations they were a
// twentieth of the time to open the page.
var actorKeys = null, FIELDS = 3, texts = null, relationText = null;
// Relations are matched through their distinct texts: each relation holds the
// indexes of its quote, speaker and type in one table of normalised texts, so
// a keystroke ranks each distinct text once (24 relation types, not 283k
// relations) and then reads three integers per relation.
function prepareSearch() {
  if (actorKeys !== null) return;
  actorKeys = gg.payload.nodes.map(function (n) {
    return { id: n.id, name: n.name,
             keys: [n.name, n.id].concat(n.aliases || []).map(normalize) };
  });
  var rels = gg.relations, textIndex = new Map();
  texts = [];
  relationText = new Int32Array(rels.length * FIELDS).fill(-1);
  function code(raw) {
    if (raw === null || raw === undefined || raw === "") return -1;
    var i = textIndex.get(raw);
    if (i !== undefined) return i;
    var k = normalize(raw);
    i = k ? texts.length : -1;
    if (k) texts.push(k);
    textIndex.set(raw, i);
    return i;
  }
  for (var r = 0; r < rels.length; r++) {
    var e = rels[r];
    relationText[r * FIELDS] = code(e.quote);
    relationText[r * FIELDS + 1] = code(e.said_by);
    relationText[r * FIELDS + 2] = code(e.relation);
  }
}
function rankOf(k, q) { return k === q ? 0 : k.indexOf(q) === 0 ? 1 : k.indexOf(q) >= 0 ? 2 : 9; }
function rank(keys, q) {
  var best = 9;
  keys.forEach(function (k) {
    if (!k) return;
    var r = rankOf(k, q);
    if (r < best) best = r;
  });
  return best;
}
// {actors: [{r, i}], relations: [[indexes of rank 0], [rank 1], [rank 2]], count}:
// every match, in the order of the list (rank, then the data's order)
function findAll(q) {
  prepareSearch();
  var actors = [];
  actorKeys.forEach(function (a, i) {
    var r = rank(a.keys, q);
    if (r < 9) actors.push({ r: r, i: i });
  });
  actors.sort(function (a, b) { return a.r - b.r || a.i - b.i; });
  var textRank = new Uint8Array(texts.length), any = false;
  for (var t = 0; t < texts.length; t++) { textRank[t] = rankOf(texts[t], q); if (textRank[t] < 9) any = true; }
  var buckets = [[], [], []], count = actors.length;
  if (any) {
    for (var r = 0, n = gg.relations.length; r < n; r++) {
      var best = 9;
      for (var f = r * FIELDS, end = f + FIELDS; f < end; f++) {
        var c = relationText[f];
        if (c >= 0 && textRank[c] < best) best = textRank[c];
      }
      if (best < 9) { buckets[best].push(r); count++; }
    }
  }
  return { actors: actors, relations: buckets, count: count };
}
function actorMatch(x) {
  var a = actorKeys[x.i];
  return { kind: "actor", id: a.id, label: a.name + " (" + a.id + ")", exact: x.r === 0 };
}
function relationMatch(i, r) {
  var e = gg.relations[i];
  return { kind: "relation", id: e.id,
    label: e.relation + ": " + nodeName(e.from) + arrow(e) + nodeName(e.to) +
           (e.said_by ? " (said by " + e.said_by + ")" : ""), exact: r === 0 };
}
// the first `max` matches as objects (all without max)
function listed(found, max) {
  var out = found.actors.slice(0, max).map(actorMatch);
  for (var r = 0; r < 3 && out.length < max; r++) {
    var b = found.relations[r];
    for (var j = 0; j < b.length && out.length < max; j++) out.push(relationMatch(b[j], r));
  }
  return out;
}
function searchMatches(text) {
  var q = normalize(text);
  return q ? listed(findAll(q), Infinity) : [];
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
// the status and the list drop down together under the box, over the page, so
// that they move no other control (view.css)
var pop = el("div", "gg-search-pop");
wrap.appendChild(pop);
var list = el("ul", "gg-search-list");
list.id = "gg-search-list";
list.setAttribute("role", "listbox");
list.setAttribute("aria-label", "Search results");
list.hidden = true;
var status = el("span", "gg-search-status");
status.id = "gg-search-status";
status.setAttribute("role", "status");
status.setAttribute("aria-live", "polite");
pop.appendChild(status);
pop.appendChild(list);

var matches = [], total = 0, active = -1;  // matches: the listed ones (MAX at most) of total
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
  revealInList(items[active]);
}
// Scroll the list only (scrollIntoView would scroll the page and the side panel too).
function revealInList(li) {
  var r = li.getBoundingClientRect(), box = list.getBoundingClientRect();
  var top = box.top + list.clientTop, bottom = top + list.clientHeight;
  if (r.top < top) list.scrollTop -= top - r.top;
  else if (r.bottom > bottom) list.scrollTop += r.bottom - bottom;
}
function choose(m) {
  close();
  if (m.kind === "actor") gg.focusNode(m.id);
  else gg.selectEdge(m.id);
  status.textContent = "Showing " + m.label;
  // said to screen readers; not drawn over the date row while the box keeps focus
  pop.classList.add("gg-chosen");
}
function update() {
  pop.classList.remove("gg-chosen");
  var q = normalize(input.value), found = q ? findAll(q) : { count: 0 };
  matches = q ? listed(found, MAX) : [];  // only what the list shows is built
  total = found.count;
  clear(list);
  active = -1;
  if (!q) { close(); status.textContent = ""; return; }
  if (!total) {
    close();
    status.textContent = "no match";
    gg.clearSelection();
    return;
  }
  matches.forEach(function (m, i) {
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
  status.textContent = total + (total === 1 ? " match" : " matches") +
    (total > MAX ? " (first " + MAX + " listed)" : "");
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
    else if (total === 1 || onlyExactActor()) choose(matches[0]);
    else if (matches.length) setActive(0);  // several: the user picks, nothing jumps
  } else if (ev.key === "Escape" && !list.hidden) {
    close();  // an open list closes first; the next Escape clears the selection
    ev.stopPropagation();
  }
});
input.addEventListener("blur", close);

gg.searchMatches = searchMatches;
gg.normalize = normalize;
gg.prepareSearch = prepareSearch;
gg.searchList = list;
