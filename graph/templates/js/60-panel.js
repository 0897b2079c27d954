/*
 * panel: the details panel of the selected actor, relation or pair.
 * Provides on gg: panel (the element), renderPanel() (draw it for the current
 * state), defList(rows), relationList(relations, className), linkOrText(url).
 * Subscribes: selection, date or filters -> redraw.
 * Uses: util, data, state; calls gg.selectEdge and gg.clearSelection (select)
 * when the user clicks.
 * Safety: text only through textContent; links only for http(s) URLs.
 */
var payload = gg.payload, el = gg.el, clear = gg.clear, safeUrl = gg.safeUrl;
var nodeName = gg.nodeName, datesText = gg.datesText, arrow = gg.arrow, sourceOf = gg.sourceOf;
var nodeById = gg.nodeById, edgeById = gg.edgeById, edgesOfNode = gg.edgesOfNode, store = gg.store;

var panel = document.getElementById("gg-panel");
function defList(rows) {
  var dl = el("dl");
  rows.forEach(function (row) {
    if (row[1] === null || row[1] === undefined || row[1] === "") return;
    dl.appendChild(el("dt", null, row[0]));
    var dd = el("dd");
    if (row[1] instanceof Node) dd.appendChild(row[1]); else dd.textContent = String(row[1]);
    dl.appendChild(dd);
  });
  return dl;
}
// Evidence: a value, or its "|"- or space-separated parts, that is an http(s) URL becomes
// a link. Story ids are named by their column, never by their shape: the ICEWS
// importer's story_ids, or a generic evidence column of a relation whose source is
// ICEWS. Its other whole numbers (events, quad_class, cameo) stay numbers.
function isIcews(src, sourceId) {
  var text = [sourceId || "", src ? src.title || "" : "", src ? src.publisher || "" : ""].join(" ");
  return /\bicews\b/i.test(text);
}
function storyColumn(name, icews) {
  return name === "story_ids" || (icews && name === "evidence");
}
function evidenceValue(v, stories) {
  if (typeof v !== "string" && typeof v !== "number") return v;
  var parts = [];
  String(v).split("|").forEach(function (x) {
    // The event importers separate their URLs and story ids with spaces.
    var tokens = x.trim().split(/\s+/).filter(Boolean);
    var each = tokens.length > 1 && tokens.every(function (t) { return safeUrl(t) !== null || (stories && /^\d+$/.test(t)); });
    parts.push.apply(parts, each ? tokens : [x.trim()]);
  });
  parts = parts.filter(Boolean);
  var linked = parts.some(function (x) { return safeUrl(x) !== null; });
  stories = stories && parts.length > 0 && parts.every(function (x) { return /^\d+$/.test(x); });
  if (!linked && !stories) return v;
  var box = el("span", "gg-evidence");
  parts.forEach(function (x, i) {
    if (i) box.appendChild(document.createTextNode(" \u00b7 "));
    if (stories) box.appendChild(el("span", null, "ICEWS story " + x));
    else box.appendChild(safeUrl(x) ? linkOrText(x) : document.createTextNode(x));
  });
  return box;
}
function extraRows(extra, icews) {
  return Object.keys(extra || {}).map(function (k) {
    var v = extra[k];
    return [k, v === null || typeof v !== "object" ? evidenceValue(v, storyColumn(k, !!icews)) : JSON.stringify(v)];
  });
}
function closeButton() {
  var b = el("button", "gg-close", "Close");
  b.type = "button";
  b.setAttribute("aria-label", "Close details");
  b.addEventListener("click", function () { gg.clearSelection(); });
  return b;
}
function linkOrText(url) {
  var href = safeUrl(url);
  if (!href) return url;
  var a = el("a", null, url);
  a.href = href;
  a.rel = "noopener noreferrer";
  a.target = "_blank";
  return a;
}
function showHint() {
  clear(panel);
  panel.appendChild(el("p", "gg-hint", "Click a relation or an actor to see its evidence."));
}
function showEdgePanel(e) {
  clear(panel);
  panel.appendChild(closeButton());
  panel.appendChild(el("h2", null, e.relation));
  panel.appendChild(el("p", "gg-actors", nodeName(e.from) + arrow(e) + nodeName(e.to)));
  var note = staleNote(e);
  if (note) panel.appendChild(note);
  var rtype = Object.prototype.hasOwnProperty.call(payload.relation_types, e.relation)
    ? payload.relation_types[e.relation] : null;
  panel.appendChild(defList([
    ["Status", gg.statusWords(e)],
    ["Dates", datesText(e)],
    ["Said by", e.said_by],
    ["Sign", e.signName],
    [e.status === "forecast" ? "Expected intensity" : "Intensity", e.intensity],
    ["Type", rtype ? rtype.description : null],
    ["Id", e.id]
  ]));
  if (e.quote) {
    panel.appendChild(el("h3", null, "Quote"));
    panel.appendChild(el("blockquote", "gg-quote", e.quote));
  }
  if (e.note) panel.appendChild(defList([["Note", e.note]]));
  var src = sourceOf(e);
  // the relation's own other columns, with it: not under its source's heading
  var extra = extraRows(e.extra, isIcews(src, e.source_id));
  if (extra.length) {
    panel.appendChild(el("h3", null, "Other columns"));
    panel.appendChild(defList(extra));
  }
  if (src || e.source_id) {
    panel.appendChild(el("h3", null, "Source"));
    panel.appendChild(defList(src ? [
      ["Title", src.title], ["Publisher", src.publisher], ["Author", src.author],
      ["Published", src.published], ["Link", src.url ? linkOrText(src.url) : null]
    ] : [["Id", e.source_id + " (not in sources)"]]));
  }
}
function showNodePanel(n) {
  clear(panel);
  panel.appendChild(closeButton());
  panel.appendChild(el("h2", null, n.name));
  if (gg.focusControls) panel.appendChild(gg.focusControls(n));  // steps and direction (66-focus.js)
  panel.appendChild(defList([
    ["Id", n.id], ["Type", n.type], ["Group", n.group],
    ["Aliases", n.aliases.length ? n.aliases.join("; ") : null],
    ["About", n.description]
  ].concat(extraRows(n.extra))));
  var mine = edgesOfNode.get(n.id) || [];
  var visibleMine = mine.filter(function (e) { return store.isShown(e.id); });
  panel.appendChild(el("h3", null, "Relations (" + visibleMine.length + " shown of " + mine.length + ")"));
  panel.appendChild(relationList(visibleMine));
}
function relationItem(e) {
  var li = el("li");
  var b = el("button", null, e.relation + ": " + nodeName(e.from) + arrow(e) + nodeName(e.to));
  b.type = "button";
  // a unique name: two relations of a type between the same actors differ by dates and id
  b.setAttribute("aria-label", "Open " + b.textContent + ", " + gg.statusDates(e) + " (" + e.id + ")");
  b.addEventListener("click", function () { gg.selectEdge(e.id); });
  li.appendChild(b);
  li.appendChild(el("div", "gg-tip-meta", gg.statusDates(e) +
    (e.said_by ? " \u00b7 said by " + e.said_by : "")));
  if (e.quote) li.appendChild(el("blockquote", "gg-quote", e.quote));
  return li;
}
// Long lists come in pages, so that a hub's thousands of relations do not stall the page.
var PAGE = 200;
function relationList(items, className) {
  var list = el("ul", className || "gg-relations");
  function more(from) {
    items.slice(from, from + PAGE).forEach(function (e) { list.appendChild(relationItem(e)); });
    if (from + PAGE < items.length) {
      var li = el("li", "gg-more");
      var b = el("button", null, "Show " + Math.min(PAGE, items.length - from - PAGE) + " more of " +
        (items.length - from - PAGE));
      b.type = "button";
      // a pair's two lists may both have more: their buttons are named apart
      if (/\bgg-off\b/.test(list.className)) b.setAttribute("aria-label", b.textContent + " hidden relations");
      b.addEventListener("click", function () {
        li.remove();
        more(from + PAGE);
        var next = list.children[from + PAGE];  // focus the first new item, not the page top
        if (next && next.querySelector("button")) next.querySelector("button").focus();
      });
      li.appendChild(b);
      list.appendChild(li);
    }
  }
  more(0);
  return list;
}
function showPairPanel(b) {
  clear(panel);
  panel.appendChild(closeButton());
  panel.appendChild(el("h2", null, nodeName(b.from) + " \u2014 " + nodeName(b.to)));
  var on = b.members.filter(function (e) { return store.isShown(e.id); });
  var off = b.members.filter(function (e) { return !store.isShown(e.id); });
  panel.appendChild(el("p", "gg-actors", b.count + " relations between them, drawn as one counted line and opened " +
    "into its relations while the pair is selected; " +
    on.length + " shown at this date and filters."));
  panel.appendChild(el("h3", null, "Relations (" + on.length + " shown of " + b.count + ")"));
  panel.appendChild(relationList(on));
  if (off.length) {
    panel.appendChild(el("h3", null, "Hidden by the date or filters (" + off.length + ")"));
    panel.appendChild(relationList(off, "gg-relations gg-off"));
  }
}


// Said in the panel of a relation the graph does not show now.
function staleNote(e) {
  if (store.isShown(e.id)) return null;
  var st = store.get(), text;
  if (st.date && !gg.validAt(e, st.date)) {
    text = "Not shown at " + st.date.text + ": this " + (e.status === "forecast" ? "forecast was " : "relation is dated ") + datesText(e) + ".";
  } else {
    text = "Not shown: hidden by the filters in effect.";
  }
  var p = el("p", "gg-stale", text);
  p.setAttribute("role", "note");
  return p;
}
function renderPanel() {
  var st = store.get(), inside = panel.contains(document.activeElement);
  panel.classList.toggle("gg-open", st.focus !== null || st.edge !== null || st.pair !== null);
  if (st.focus !== null) showNodePanel(nodeById.get(st.focus));
  else if (st.edge !== null) showEdgePanel(edgeById.get(st.edge));
  else if (st.pair !== null) showPairPanel(st.pair);
  else showHint();
  // the user was in the panel (Enter on a relation in it): focus the new panel's heading
  var h = inside ? panel.querySelector("h2") : null;
  if (h) { h.tabIndex = -1; h.focus(); }
  else keepInSight(document.activeElement);
}
// The details sit above the relations table in the side: their new content pushes a
// focused table cell down, out of the side's sight. Scroll the side by as little as
// brings it back, so that as much of the details as fits stays in sight too.
var SIGHT_MARGIN = 8;
function keepInSight(node) {
  var side = panel.parentNode;
  if (!node || !side || node === document.body || !side.contains(node) || panel.contains(node)) return;
  if (side.scrollHeight <= side.clientHeight) return;  // the side does not scroll (a phone: the page does)
  var s = side.getBoundingClientRect(), r = (node.closest("tr") || node).getBoundingClientRect();  // a cell: its whole row
  if (r.bottom > s.bottom - SIGHT_MARGIN) side.scrollTop += r.bottom - s.bottom + SIGHT_MARGIN;
  else if (r.top < s.top + SIGHT_MARGIN) side.scrollTop -= s.top - r.top + SIGHT_MARGIN;
}
// The table's arrow keys scroll its own box only (77-table.js): a row focused below the
// side's sight is brought in once that box has scrolled (after the key's handler).
if (panel.parentNode) {
  panel.parentNode.addEventListener("focusin", function (ev) {
    var node = ev.target;
    Promise.resolve().then(function () { if (document.activeElement === node) keepInSight(node); });
  });
}
store.subscribe(function (changed) {
  if (changed.selection || changed.date || changed.filters || changed.compare) renderPanel();
});

gg.panel = panel;
gg.renderPanel = renderPanel;
gg.defList = defList;
gg.relationList = relationList;
gg.linkOrText = linkOrText;
gg.staleNote = staleNote;
