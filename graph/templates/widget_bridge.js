/*
 * geograph widget bridge: joins the page (inside the Explorer's sandboxed iframe)
 * to the widget around it, by window.postMessage only.
 *
 *   page -> widget  {geograph: "state", state: {date, compare, selected, selected_relation, filters}}
 *                   whenever the state the page shows changes (and once it is ready)
 *   widget -> page  {geograph: "set", state: partial state of the same shape}
 *
 * readState() and applyState() are the only places that know the page's API, so
 * that they plug into window.geograph.state() / .set() and the change event once
 * the page offers them (it does: state() and set() are used when present, and the
 * "geograph:change" event is listened to); else they use the state object,
 * setDate, setFilter, focusNode, selectEdge and clearSelection. Values received are only handed to those
 * functions, which compare them with known ids and values.
 */
(function () {
  "use strict";
  var host = window.parent;
  if (!host || host === window) return;
  var KINDS = ["status", "sign", "relation", "group", "said_by", "source"];
  var last = null;

  function api() { return window.geograph; }

  function readState() {
    var g = api();
    var s = typeof g.state === "function" ? g.state() : g.state;
    var source = s.filters || s;  // {filters: {kind: [...]}} from state(), else sets on state
    var filters = {};
    KINDS.forEach(function (kind) {
      var v = source[kind];
      filters[kind] = v === undefined || v === null ? [] : Array.from(v).map(String).sort();
    });
    function text(d) { return d === null || d === undefined ? null : (typeof d === "string" ? d : d.text); }
    return {
      date: text(s.date),
      compare: text(s.compare),
      selected: s.focus === undefined ? null : s.focus,
      selected_relation: s.edge === undefined ? null : s.edge,
      filters: filters
    };
  }

  function applyState(partial) {
    var g = api();
    if (typeof g.set === "function") {
      var next = {};
      if ("date" in partial) next.date = partial.date;
      if ("compare" in partial) next.compare = partial.compare;
      if ("selected" in partial || "selected_relation" in partial) {
        var now = readState();
        next.focus = "selected" in partial ? partial.selected : now.selected;
        next.edge = "selected_relation" in partial ? partial.selected_relation : now.selected_relation;
        if (next.focus === null && next.edge === null && now.selected === null && now.selected_relation === null) {
          delete next.focus; delete next.edge;  // nothing to change: keep a selected pair
        }
      }
      if (partial.filters && typeof partial.filters === "object") {
        next.filters = {};
        KINDS.forEach(function (k) { if (Array.isArray(partial.filters[k])) next.filters[k] = partial.filters[k]; });
      }
      g.set(next);
      return;
    }
    if ("date" in partial && partial.date !== readState().date) g.setDate(partial.date);
    if (partial.filters) {
      KINDS.forEach(function (kind) {
        if (Array.isArray(partial.filters[kind])) g.setFilter(kind, partial.filters[kind]);
      });
    }
    var cur = readState();
    var sel = "selected" in partial ? partial.selected : cur.selected;
    var rel = "selected_relation" in partial ? partial.selected_relation : cur.selected_relation;
    if (sel !== null && sel !== undefined) {
      if (sel !== cur.selected) g.focusNode(String(sel));
    } else if (rel !== null && rel !== undefined) {
      if (rel !== cur.selected_relation) g.selectEdge(String(rel));
    } else if (cur.selected !== null || cur.selected_relation !== null) {
      g.clearSelection();
    }
  }

  function report(force) {
    if (!api()) return;
    var state = readState();
    var text = JSON.stringify(state);
    if (!force && text === last) return;
    last = text;
    host.postMessage({ geograph: "state", state: state }, "*");
  }
  function soon() { setTimeout(report, 0); }

  window.addEventListener("message", function (ev) {
    if (ev.source !== host || !ev.data || ev.data.geograph !== "set") return;
    if (!api() || typeof ev.data.state !== "object" || ev.data.state === null) return;
    applyState(ev.data.state);
    report(true);
  });
  ["click", "input", "change", "keyup"].forEach(function (type) {
    document.addEventListener(type, soon, true);
  });
  window.addEventListener("geograph:change", soon);
  window.addEventListener("hashchange", soon);
  if (api() && api().network) api().network.on("click", soon);
  // A page without the change event (or a change it does not announce) is
  // still caught by a cheap comparison twice a second.
  setInterval(report, 500);
  function ready() { host.postMessage({ geograph: "ready" }, "*"); report(true); }
  if (api() && api().ready) ready();
  else window.addEventListener("geograph:ready", ready);
})();
