/*
 * util: small helpers every part may use; no state, no DOM lookups.
 * Provides on gg: el, clear, control, dashesFor, shorten, safeUrl, own, parseDate, validAt,
 * datesText, statusDates, statusWords, visId, dataId, SIGN_NAMES, VIS_PREFIX.
 * Uses: nothing.
 *
 * Safety: el() sets text with textContent only; safeUrl() lets through
 * http: and https: URLs only.
 */
function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}
// A label and its input kept together on one line, however the toolbar wraps.
function control(text, input, className) {
  var box = el("span", "gg-control" + (className ? " " + className : ""));
  var label = el("label", null, text);
  label.htmlFor = input.id;
  box.appendChild(label);
  box.appendChild(input);
  return box;
}
// The dash pattern for a line `width` wide. The status patterns (payload style)
// are made for lines up to 3 wide; dashes are drawn with round caps, which add
// the width to each dash and take it from each gap, so that on a wider line a
// forecast's dots ran together into what looked like a fact's solid line. Each
// period grows with the width (x width / 3); a dash grows with it, a dot (a
// dash no longer than 2) does not, so that its round caps keep it a dot.
function dashesFor(pattern, width) {
  if (!Array.isArray(pattern) || !(width > 3)) return pattern;
  var f = width / 3, out = [];
  var p = pattern.length % 2 ? pattern.concat(pattern) : pattern;  // as the canvas repeats an odd one
  for (var i = 0; i < p.length; i += 2) {
    var on = p[i] <= 2 ? p[i] : p[i] * f;
    out.push(on, (p[i] + p[i + 1]) * f - on);
  }
  return out;
}
function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}
function shorten(text, max) {
  text = String(text);
  return text.length > max ? text.slice(0, max - 1) + "\u2026" : text;
}
function safeUrl(text) {
  if (typeof text !== "string") return null;
  try {
    var url = new URL(text.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch (err) {
    return null;
  }
}
function own(table, key) {
  return table && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

// ---------- partial dates (same semantics as graph/dates.py) ----------
var DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
function pad(n, w) { n = String(n); while (n.length < w) n = "0" + n; return n; }
function daysIn(year, month) { return new Date(Date.UTC(year, month, 0)).getUTCDate(); }
// A partial date covers its whole period: {first, last} as YYYY-MM-DD, or null if invalid.
function parseDate(text) {
  var m = typeof text === "string" ? DATE_RE.exec(text.trim()) : null;
  if (!m) return null;
  var y = +m[1], mo = m[2] ? +m[2] : null, d = m[3] ? +m[3] : null;
  if (mo === null) return { first: pad(y, 4) + "-01-01", last: pad(y, 4) + "-12-31" };
  if (mo < 1 || mo > 12) return null;
  var ym = pad(y, 4) + "-" + pad(mo, 2);
  if (d === null) return { first: ym + "-01", last: ym + "-" + pad(daysIn(y, mo), 2) };
  if (d < 1 || d > daysIn(y, mo)) return null;
  return { first: ym + "-" + pad(d, 2), last: ym + "-" + pad(d, 2) };
}
// Valid at `at` when the relation's interval overlaps the period `at` names.
function validAt(edge, at) {
  return (edge.first === null || edge.first <= at.last) &&
         (edge.last === null || edge.last >= at.first);
}
// A relation's dates in words, the same everywhere (tooltip, panel, table, lists).
// A fact's and a claim's say when it holds. A forecast is no event (graph.schema:
// analyses leave it out): its start is when it was made (graph.suggest dates it
// by its statement, else its publication) and its end how far it looks, never
// "2020-07 – ongoing", which reads as a thing happening.
function datesText(e) {
  if (e.status === "forecast") {
    var made = e.start ? "made " + e.start : "date made unknown";
    return e.end ? made + ", expected until " + e.end : made;
  }
  if (!e.start && !e.end) return "undated";
  if (e.start && e.start === e.end) return e.start;
  return (e.start || "\u2026") + " \u2013 " + (e.end || (e.start ? "ongoing" : "\u2026"));
}
// Its status and dates in one line: "fact · 2020-06", "forecast made 2020-07".
function statusDates(e) {
  return e.status + (e.status === "forecast" ? " " : " · ") + datesText(e);
}
// Its status, said as what it is: a claim is someone's word, a forecast someone's expectation.
var STATUS_WORDS = { claim: "claim: what someone says", forecast: "forecast: what someone expects, not an event" };
function statusWords(e) {
  return own(STATUS_WORDS, e.status) || e.status;
}

// ---------- ids ----------
// vis-network keeps items in plain objects, so an id such as "__proto__" or
// "constructor" would clash with Object.prototype. Such ids (and ids that
// already look escaped) get a prefix inside vis; the mapping is one-to-one.
var VIS_PREFIX = "geograph:";
function visId(id) {
  id = String(id);
  return id in Object.prototype || id.indexOf(VIS_PREFIX) === 0 ? VIS_PREFIX + id : id;
}
function dataId(vid) {
  vid = String(vid);
  return vid.indexOf(VIS_PREFIX) === 0 ? vid.slice(VIS_PREFIX.length) : vid;
}

gg.el = el;
gg.clear = clear;
gg.dashesFor = dashesFor;
gg.control = control;
gg.shorten = shorten;
gg.safeUrl = safeUrl;
gg.own = own;
gg.parseDate = parseDate;
gg.statusDates = statusDates;
gg.statusWords = statusWords;
gg.validAt = validAt;
gg.datesText = datesText;
gg.visId = visId;
gg.dataId = dataId;
gg.VIS_PREFIX = VIS_PREFIX;
gg.SIGN_NAMES = { "-1": "hostile", "0": "neutral", "1": "cooperative" };
