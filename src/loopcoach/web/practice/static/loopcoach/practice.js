/* loopcoach practice: live word count and speaking time, an optional two-minute timer,
   and draft autosave to this browser (at once) and to the server (every few seconds),
   so an answer in progress survives a reload or a lost connection. No dependencies. */
(function () {
  "use strict";
  var WORDS_PER_MINUTE = 140; // the analyzer's pace, so the estimate matches the feedback
  var SERVER_DELAY = 2500;
  var DRAFT_URL = "/practice/drafts/";

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }
  function countWords(text) {
    var trimmed = text.trim();
    return trimmed ? trimmed.split(/\s+/).length : 0;
  }
  function clock(seconds) {
    var sign = seconds < 0 ? "−" : "";
    seconds = Math.abs(Math.round(seconds));
    return sign + Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
  }
  function storageKey(form) {
    return "loopcoach:draft:" + form.dataset.question + ":" + form.dataset.slot;
  }
  function readLocal(form) {
    try { return JSON.parse(localStorage.getItem(storageKey(form)) || "null"); } catch (e) { return null; }
  }
  function writeLocal(form, text) {
    try {
      if (text.trim()) localStorage.setItem(storageKey(form), JSON.stringify({ text: text, savedAt: Date.now() }));
      else localStorage.removeItem(storageKey(form));
      return true;
    } catch (e) { return false; }
  }

  function setUp(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "1";
    var area = form.querySelector("textarea");
    var words = form.querySelector("[data-role=words]");
    var speaking = form.querySelector("[data-role=speaking]");
    var status = form.querySelector("[data-role=draft-status]");
    var timerToggle = form.querySelector("[data-role=timer-toggle]");
    var timerBox = form.querySelector("[data-role=timer]");
    var clockEl = form.querySelector("[data-role=clock]");
    var duration = form.querySelector("[data-role=duration]");
    var serverTimer = null, startedAt = null, tick = null;

    // A newer copy in this browser wins over the server's (it was typed after the last sync).
    var local = readLocal(form);
    var serverTime = form.dataset.draftUpdated ? Date.parse(form.dataset.draftUpdated) : 0;
    if (local && local.text && local.text !== area.value && local.savedAt > serverTime) {
      area.value = local.text;
      say("Restored your unsent draft");
    }

    function say(text) { if (status) status.textContent = text ? "· " + text : ""; }
    function update() {
      var n = countWords(area.value);
      words.textContent = n + (n === 1 ? " word" : " words");
      speaking.textContent = "about " + clock(n / WORDS_PER_MINUTE * 60) + " spoken";
    }
    function saveToServer() {
      var body = new URLSearchParams({ question: form.dataset.question, slot: form.dataset.slot, text: area.value });
      fetch(DRAFT_URL, { method: "POST", body: body, credentials: "same-origin",
                         headers: { "X-CSRFToken": csrfToken() } })
        .then(function (r) { say(r.ok ? "Draft saved" : "Draft kept in this browser"); })
        .catch(function () { say("Offline: draft kept in this browser"); });
    }
    area.addEventListener("input", function () {
      update();
      say(writeLocal(form, area.value) ? "Saving…" : "");
      clearTimeout(serverTimer);
      serverTimer = setTimeout(saveToServer, SERVER_DELAY);
    });
    form.addEventListener("submit", function () {
      if (startedAt) duration.value = Math.round((Date.now() - startedAt) / 1000);
    });
    form.addEventListener("htmx:configRequest", function () {
      if (startedAt) duration.value = Math.round((Date.now() - startedAt) / 1000);
    });
    form.addEventListener("htmx:afterRequest", function (event) {
      if (event.detail.successful) {
        clearTimeout(serverTimer);
        writeLocal(form, "");
        stopTimer();
      }
    });

    function stopTimer() {
      clearInterval(tick); tick = null;
      if (timerToggle) timerToggle.textContent = "Start 2-minute timer";
    }
    if (timerToggle && timerBox) {
      var limit = parseInt(timerBox.dataset.seconds, 10) || 120;
      timerToggle.hidden = false;
      timerToggle.addEventListener("click", function () {
        if (tick) { stopTimer(); return; }
        startedAt = Date.now();
        timerBox.hidden = false;
        timerBox.classList.remove("is-over");
        timerToggle.textContent = "Stop timer";
        var render = function () {
          var left = limit - (Date.now() - startedAt) / 1000;
          clockEl.textContent = clock(left);
          timerBox.classList.toggle("is-over", left < 0);
        };
        render();
        tick = setInterval(render, 250);
        area.focus();
      });
    }
    update();
  }

  function setUpAll(root) {
    (root || document).querySelectorAll("form.practice-form").forEach(setUp);
  }
  document.addEventListener("DOMContentLoaded", function () { setUpAll(document); });
  document.addEventListener("htmx:load", function (event) { setUpAll(event.detail.elt.parentNode || document); });
  // Show a refused answer (422: empty, too long…) in place instead of dropping the response.
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr.status === 422) { event.detail.shouldSwap = true; event.detail.isError = false; }
  });
  // After feedback arrives, move focus to it so keyboard and screen-reader users land there.
  document.addEventListener("htmx:afterSwap", function (event) {
    var heading = event.detail.target.querySelector && event.detail.target.querySelector("#feedback-h");
    if (heading) { heading.focus({ preventScroll: true }); heading.scrollIntoView({ block: "start" }); }
  });
})();
