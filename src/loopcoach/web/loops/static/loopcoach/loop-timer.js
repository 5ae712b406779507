// The round timer: counts down from data-seconds-left while the round runs.
// The server keeps the real clock; this only shows it, and says when time is up.
(function () {
  "use strict";
  function format(seconds) {
    var m = Math.floor(seconds / 60), s = seconds % 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  }
  function start(timer) {
    var display = timer.querySelector("[data-timer-display]");
    var spoken = timer.querySelector("[data-timer-spoken]");
    var endsAt = Date.now() + Number(timer.dataset.secondsLeft) * 1000;
    var lastMinute = null;
    function tick() {
      var left = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
      display.textContent = format(left);
      timer.classList.toggle("is-low", left <= 120);
      var minute = Math.ceil(left / 60);
      if (spoken && minute !== lastMinute && (minute <= 5 || minute % 5 === 0)) {
        spoken.textContent = left ? minute + " minute" + (minute === 1 ? "" : "s") + " left" : "Time is up";
        lastMinute = minute;
      }
      if (left === 0) {
        timer.classList.add("is-over");
        clearInterval(handle);
        // Let the server close the round and show what happens next.
        setTimeout(function () { window.location.reload(); }, 1500);
      }
    }
    var handle = setInterval(tick, 1000);
    tick();
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-loop-timer][data-running]").forEach(start);
  });
})();
