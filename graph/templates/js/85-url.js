/*
 * url: the URL fragment holds the same state as gg.store.state().
 * Form: #date=2020-06&compare=2018&focus=PRK&edge=R16&pair=PRK,KOR&layout=NAME
 * &size=weight&depth=2&direction=out (each left out at its default; layout's
 * default is the payload's, gg.DEFAULT_LAYOUT)
 * and one key per filter kind not at "all" (status=fact,claim); values are
 * URI-encoded, lists comma-separated ("key=" is no value, "key=," the one
 * value "", which said_by and source use for relations without one). A kind
 * keeping more than 14 values, most of them, is written as the values left
 * out: said_by!=A,B. Event data (15-events.js) adds min_events,
 * min_goldstein, top and backbone when they differ from the opening state,
 * and date=all for all time (it opens at its latest period).
 * Provides on gg: writeHash() (now), readHash() -> a partial for gg.store.set
 * holding every key (what the fragment leaves out is at its default).
 * Subscribes: every change -> the fragment (history.replaceState), once a
 * burst of changes ends (never over a fragment set from outside, a link
 * opened, until the page has read it): QUIET ms after the last, at most MOST ms after the
 * first (the date slider playing), and at once when the window loses focus
 * (a click in the address bar to copy the link), is hidden or left. In
 * Chromium one replaceState took 20-50 ms of the frame after each filter
 * toggle at 20,000 relations.
 * Safety: values read from the fragment are only compared with known ids and
 * values (gg.store.set drops the rest). A filter listing only unknown values
 * is left at all values; a date outside the timeline is clamped to its ends.
 * Uses: data, state.
 */
var store = gg.store, KNOWN = gg.KNOWN, EV = gg.events;
// the fragment as the page last read or wrote it: another one is a link the
// reader opened (or typed), whose hashchange is on its way
var lastHash = String(location.hash || "");

function writeHash() {
  var s = store.state(), parts = [];
  function add(key, values) {
    // one empty value (said_by or source of none) is "," so that it differs from no value
    parts.push(key + "=" + (values.length === 1 && values[0] === "" ? "," : values.map(encodeURIComponent).join(",")));
  }
  if (s.date !== null) add("date", [s.date]);
  else if (EV.start !== null) add("date", ["all"]);
  if (s.compare !== null) add("compare", [s.compare]);
  if (s.focus !== null) add("focus", [s.focus]);
  if (s.edge !== null) add("edge", [s.edge]);
  if (s.pair !== null) add("pair", s.pair);
  if (s.layout.name !== gg.DEFAULT_LAYOUT) add("layout", [s.layout.name]);
  if (s.size !== gg.SIZES[0]) add("size", [s.size]);
  if (s.depth !== 1) add("depth", [String(s.depth)]);
  if (s.direction !== gg.DIRECTIONS[0]) add("direction", [s.direction]);
  if (s.color !== gg.COLORS[0]) add("color", [s.color]);
  Object.keys(s.filters).forEach(function (kind) {
    var kept = s.filters[kind], n = KNOWN[kind].length;
    if (kept.length === n) return;
    // many kept values (thousands of speakers): name the few left out, "said_by!=A"
    if (kept.length > 14 && n - kept.length < kept.length) {
      var keep = new Set(kept);
      add(kind + "!", KNOWN[kind].filter(function (v) { return !keep.has(v); }));
    } else add(kind, kept);
  });
  EV.KEYS.forEach(function (k) {
    if (EV.has(k) && s[k] !== EV.open[k]) add(k, [s[k] === null ? "off" : String(s[k])]);
  });
  var hash = parts.length ? "#" + parts.join("&") : "";
  // a fragment set from outside since: the state it holds replaces this one when
  // its hashchange comes; writing this one now would put the old state back
  if (String(location.hash || "") !== lastHash) return;
  if (location.hash === hash || (!hash && !location.hash)) return;
  try {
    history.replaceState(null, "", hash || location.pathname + location.search);
  } catch (err) {
    /* srcdoc or sandboxed frames may refuse; the view works without it */
  }
  lastHash = String(location.hash || "");
}
// Listed values none of which is known (a typo, an old link) keep the default,
// all values, rather than an empty filter that hides everything unexplained;
// the unknown ones among known ones are dropped by gg.store.set.
function knownOrAll(kind, values) {
  var known = new Set(KNOWN[kind]);
  return !values.length || values.some(function (v) { return known.has(v); }) ? values : KNOWN[kind];
}
// A date before or after the timeline is clamped to its first or last date, the
// nearest the slider shows, so that the slider and its label agree.
function onTimeline(text) {
  var timeline = gg.payload.timeline, d = text === null ? null : gg.parseDate(text);
  if (!d) return text;  // not a date: gg.store.set drops it
  if (!timeline.length) return null;  // nothing dated: the slider shows all time only
  var start = gg.parseDate(timeline[0]), end = gg.parseDate(timeline[timeline.length - 1]);
  if (d.last < start.first) return timeline[0];
  if (d.first > end.last) return timeline[timeline.length - 1];
  return text;
}
function readHash() {
  var params = new Map();
  lastHash = String(location.hash || "");
  String(location.hash || "").replace(/^#/, "").split("&").forEach(function (part) {
    var i = part.indexOf("=");
    if (i <= 0) return;
    var text = part.slice(i + 1);
    var values = (text === "" ? [] : text === "," ? [""] : text.split(",")).map(function (v) {
      try { return decodeURIComponent(v); } catch (err) { return null; }
    }).filter(function (v) { return v !== null; });
    params.set(part.slice(0, i), values);
  });
  function first(key) { return params.has(key) && params.get(key).length ? params.get(key)[0] : null; }
  var filters = {};
  store.filterKinds().forEach(function (kind) {
    var out = params.has(kind + "!") ? new Set(params.get(kind + "!")) : null;
    filters[kind] = params.has(kind) ? knownOrAll(kind, params.get(kind))
      : out ? KNOWN[kind].filter(function (v) { return !out.has(v); }) : KNOWN[kind];
  });
  var out = {
    date: params.has("date") ? onTimeline(first("date")) : EV.start, compare: onTimeline(first("compare")),
    focus: first("focus"), edge: first("edge"), pair: params.has("pair") ? params.get("pair") : null,
    filters: filters, layout: { name: first("layout") || gg.DEFAULT_LAYOUT },
    color: first("color") || gg.COLORS[0],
    size: first("size") || gg.SIZES[0], depth: first("depth") || 1,
    direction: first("direction") || gg.DIRECTIONS[0]
  };
  EV.KEYS.forEach(function (k) { if (EV.has(k)) out[k] = params.has(k) ? first(k) : EV.open[k]; });
  return out;
}
var QUIET = 400, MOST = 2000, pending = null, since = 0;
function writeSoon() {
  var now = Date.now();
  if (pending === null) since = now;
  else clearTimeout(pending);
  pending = setTimeout(writeNow, Math.max(0, Math.min(QUIET, since + MOST - now)));
}
function writeNow() {
  if (pending === null) return;
  clearTimeout(pending);
  pending = null;
  writeHash();
}
store.subscribe(writeSoon);
window.addEventListener("blur", writeNow);
window.addEventListener("pagehide", writeNow);
document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") writeNow(); });

gg.writeHash = writeHash;
gg.readHash = readHash;
