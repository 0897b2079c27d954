/*
 * geograph widget bridge: joins the page (inside the Explorer's sandboxed iframe)
 * to the widget around it, by window.postMessage only.
 *
 *   page -> widget  {geograph: "state", state: {date, selected, selected_relation, filters}}
 *                   whenever the state the page shows changes (and once it is ready)
 *   widget -> page  {geograph: "set", state: partial state of the same shape}
 *
 * readState() and applyState() are the only places that know the page's API, so
 * that they plug into window.geograph.state() / .set() and the change event once
 * the page offers them; until then they use state, setDate, setFilter, focusNode,
 * selectEdge and clearSelection. Values received are only handed to those
 * functions, which compare them with known ids and values.
 */
(function () {
  "use strict";
  var host = window.parent;
  if (!host || host === window) return;
  var KINDS = ["status", "sign", "relation", "group"];
  var last = null;

  function api() { return window.geograph; }

  function readState() {
    var g = api();
    var s = typeof g.state === "function" ? g.state() : g.state;
    var filters = {};
    KINDS.forEach(function (kind) {
      var v = s[kind];
      filters[kind] = v === undefined || v === null ? [] : Array.from(v).map(String).sort();
    });
    var date = s.date === null || s.date === undefined ? null
      : (typeof s.date === "string" ? s.date : s.date.text);
    return {
      date: date,
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
      if ("selected" in partial) next.focus = partial.selected;
      if ("selected_relation" in partial) next.edge = partial.selected_relation;
      if (partial.filters) KINDS.forEach(function (k) { if (k in partial.filters) next[k] = partial.filters[k]; });
      g.set(next);
      return;
    }
    if ("date" in partial && partial.date !== readState().date) g.setDate(partial.date);
    if (partial.filters) {
      KINDS.forEach(function (kind) {
        if (Array.isArray(partial.filters[kind])) g.setFilter(kind, partial.filters[kind]);
      });
    }
    var now = readState();
    var sel = "selected" in partial ? partial.selected : now.selected;
    var rel = "selected_relation" in partial ? partial.selected_relation : now.selected_relation;
    if (sel !== null && sel !== undefined) {
      if (sel !== now.selected) g.focusNode(String(sel));
    } else if (rel !== null && rel !== undefined) {
      if (rel !== now.selected_relation) g.selectEdge(String(rel));
    } else if (now.selected !== null || now.selected_relation !== null) {
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
  // The page has no change event yet for what it does by itself (play, search):
  // a cheap comparison twice a second catches those.
  setInterval(report, 500);
  function ready() { host.postMessage({ geograph: "ready" }, "*"); report(true); }
  if (api() && api().ready) ready();
  else window.addEventListener("geograph:ready", ready);
})();
