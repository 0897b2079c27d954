/*
 * slider: the date slider and Play.
 * Provides on gg: setDate(text|null) -> true when a date is set, syncSlider(),
 * stopPlay().
 * Subscribes: date -> slider position and label.
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
  dateLabel.textContent = state.date ? state.date.text : "All time";
  slider.setAttribute("aria-valuetext", dateLabel.textContent);
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

store.subscribe(function (changed) {
  if (changed.date) syncSlider();
});

gg.setDate = setDate;
gg.syncSlider = syncSlider;
gg.stopPlay = stopPlay;
