/*
 * events-ui: the controls of event data (15-events.js) in #gg-filter-events:
 * at least N events, |Goldstein| at least G, the k strongest ties per actor,
 * and the backbone's alpha. Each is a range input over fixed positions; the
 * label says the state's exact value (the URL may hold one between positions).
 * Only the controls whose columns the data has are built; none without event data.
 * Provides on gg: syncEventControls().
 * Subscribes: events -> the inputs and labels.
 * Uses: util, data, events, state.
 */
var EV = gg.events, store = gg.store, el = gg.el;
var box = document.getElementById("gg-filter-events");
var controls = [];

function eventSteps(max) {
  var out = [0], nice = [1, 2, 5];
  for (var scale = 1; scale <= max; scale *= 10) {
    nice.forEach(function (m) { var v = m * scale; if (v > 1 && v <= max) out.push(v); });
  }
  if (max > 1 && out.indexOf(3) < 0 && max >= 3) out.splice(2, 0, 3);
  return out;
}
function goldsteinSteps(max) {
  var out = [];
  for (var v = 0; v <= Math.min(10, Math.ceil(max * 2) / 2) + 1e-9; v += 0.5) out.push(v);
  return out;
}
var SPEC = {
  min_events: {
    title: "At least", steps: eventSteps(EV.maxEvents),
    label: function (v) { return v > 0 ? v + " events" : "any number of events"; }
  },
  min_goldstein: {
    title: "|Goldstein| at least", steps: goldsteinSteps(EV.maxGoldstein),
    label: function (v) { return v > 0 ? String(v) : "any"; }
  },
  top: {
    title: "Strongest ties per actor", steps: [0, 1, 2, 3, 4, 5, 6, 8, 10, 15, 20],
    label: function (v) { return v > 0 ? String(v) : "all"; }
  },
  backbone: {
    title: "Backbone (disparity filter)",
    steps: [null, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001],
    label: function (v) { return v === null ? "off" : "\u03b1 = " + v; }
  }
};

// The position shown for a value: the nearest step (by ratio for alpha).
function position(key, value) {
  var steps = SPEC[key].steps, best = 0, bestGap = Infinity;
  steps.forEach(function (s, i) {
    var gap;
    if (key === "backbone") {
      if ((s === null) !== (value === null)) return;
      gap = s === null ? 0 : Math.abs(Math.log(s / value));
    } else gap = Math.abs(s - value);
    if (gap < bestGap) { best = i; bestGap = gap; }
  });
  return best;
}

if (EV.on && box) {
  var fs = el("fieldset", "gg-events");
  fs.appendChild(el("legend", null, "Event data"));
  EV.KEYS.forEach(function (key) {
    if (!EV.has(key)) return;
    var spec = SPEC[key], id = "gg-" + key.replace("_", "-");
    var row = el("div", "gg-event-control");
    var label = el("label", null, spec.title);
    label.htmlFor = id;
    var input = el("input");
    input.type = "range";
    input.id = id;
    input.min = "0";
    input.max = String(spec.steps.length - 1);
    input.step = "1";
    var output = el("output");
    output.htmlFor = id;
    input.addEventListener("input", function () {
      var partial = {};
      partial[key] = spec.steps[+input.value];
      store.set(partial);
    });
    row.appendChild(label);
    row.appendChild(input);
    row.appendChild(output);
    fs.appendChild(row);
    controls.push({ key: key, input: input, output: output });
  });
  box.appendChild(fs);
  // Reset (76-controls.js) takes the page back to how it opened; so do the thresholds.
  var reset = document.getElementById("gg-reset");
  if (reset) {
    reset.addEventListener("click", function () {
      var partial = {};
      EV.KEYS.forEach(function (k) { partial[k] = EV.open[k]; });
      store.set(partial);
    });
  }
}

function syncEventControls() {
  var st = store.get();
  controls.forEach(function (c) {
    c.input.value = String(position(c.key, st[c.key]));
    c.output.textContent = SPEC[c.key].label(st[c.key]);
    c.input.setAttribute("aria-valuetext", c.output.textContent);
  });
}
syncEventControls();
store.subscribe(function (changed) { if (changed.events) syncEventControls(); });

gg.syncEventControls = syncEventControls;
