/*
 * slider: the date slider and Play.
 * Provides on gg: setDate(text|null) -> true when a date is set, syncSlider(),
 * stopPlay(), stepDate(years, months) (the year and month step buttons).
 * Subscribes: date, compare -> slider position and label ("2018 \u2192 2020-06" comparing,
 * the earlier date first).
 * Uses: util, data, state.
 */
var payload = gg.payload, parseDate = gg.parseDate, store = gg.store;
var slider = document.getElementById("gg-date");
var dateLabel = document.getElementById("gg-date-label");
var timeline = payload.timeline;
slider.max = String(timeline.length);
slider.disabled = timeline.length === 0;
function syncSlider() {
  var i = 0, state = store.get();
  if (state.date) {
    // the position whose period contains the date's first day
    for (var k = 0; k < timeline.length; k++) {
      var p = parseDate(timeline[k]);
      if (p.first <= state.date.first) i = k + 1;
    }
  }
  slider.value = String(i);
  var shown = state.date ? state.date.text : "All time";
  slider.setAttribute("aria-valuetext", shown);
  // comparing: both dates beside the slider (on a phone "Compare from" is behind Options)
  var c = store.compared();
  dateLabel.textContent = c ? c.from.text + " \u2192 " + c.to.text : shown;
}
function setDate(text) {
  store.set({ date: text === undefined ? null : text });
  return store.get().date !== null;
}
slider.addEventListener("input", function () {
  var i = +slider.value;
  setDate(i > 0 ? timeline[i - 1] : null);
});
var playButton = document.getElementById("gg-play");
var timer = null;
function stopPlay() {
  if (timer !== null) clearInterval(timer);
  timer = null;
  playButton.textContent = "Play";
  playButton.setAttribute("aria-pressed", "false");
}
playButton.disabled = timeline.length === 0;
playButton.addEventListener("click", function () {
  if (timer !== null) { stopPlay(); return; }
  if (+slider.value >= timeline.length) setDate(timeline[0]);
  playButton.textContent = "Pause";
  playButton.setAttribute("aria-pressed", "true");
  timer = setInterval(function () {
    var i = +slider.value + 1;
    if (i > timeline.length) { stopPlay(); return; }
    setDate(timeline[i - 1]);
  }, 700);
});

// Steps for touch and keyboard: a month (one slider position when the axis is
// in months) or a year (the same month a year on, or the nearest position).
var MONTHLY = timeline.length > 0 && timeline[0].length === 7;
function stepDate(years, months) {
  if (!timeline.length) return null;
  var i = +slider.value;  // 0 = all time, k = timeline[k - 1]
  if (i === 0) return setDate(years + months > 0 ? timeline[0] : timeline[timeline.length - 1]);
  var k = i - 1;
  k += MONTHLY ? years * 12 + months : years || months;
  k = Math.max(0, Math.min(timeline.length - 1, k));
  return setDate(timeline[k]);
}
[["gg-year-prev", -1, 0], ["gg-month-prev", 0, -1], ["gg-month-next", 0, 1], ["gg-year-next", 1, 0]]
  .forEach(function (b) {
    var button = document.getElementById(b[0]);
    button.disabled = timeline.length === 0;
    if (!MONTHLY && b[2] !== 0) button.hidden = true;  // a yearly axis has no months
    button.addEventListener("click", function () { stopPlay(); stepDate(b[1], b[2]); });
  });

store.subscribe(function (changed) {
  if (changed.date || changed.compare) syncSlider();
});

gg.setDate = setDate;
gg.syncSlider = syncSlider;
gg.stopPlay = stopPlay;
gg.stepDate = stepDate;
