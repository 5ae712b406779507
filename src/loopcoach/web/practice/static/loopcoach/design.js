/* loopcoach design and writing boxes: the live rubric checklist of a system-design answer
   (POST /api/v1/analyze/design, a moment after typing stops), section headings inserted at
   the cursor, and a clear warning, before anything is sent, when a document is over the
   limit. The text is never cut or changed except by the candidate. No dependencies. */
(function () {
  "use strict";
  var DELAY = 1200; // after the last keystroke: a check per pause, not per key
  var RETRY_AFTER_LIMIT = 15000;

  function setUp(form) {
    if (form.dataset.designReady) return;
    form.dataset.designReady = "1";
    var area = form.querySelector("textarea");
    var limitNote = form.querySelector("[data-role=limit]");
    var limit = parseInt(form.dataset.limit, 10) || 0;
    var checklist = form.querySelector("[data-role=checklist]");
    var status = form.querySelector("[data-role=checklist-status]");
    var errorsNote = form.querySelector("[data-role=estimate-errors]");
    var timer = null, sequence = 0;

    var count = form.querySelector("[data-role=count]");
    function checkLimit() {
      if (count) {
        var words = area.value.trim() ? area.value.trim().split(/\s+/).length : 0;
        count.textContent = words.toLocaleString() + (words === 1 ? " word" : " words") +
          " · about " + (words / 550).toFixed(1) + " pages";
      }
      if (!limitNote || !limit) return;
      var over = area.value.length > limit;
      limitNote.hidden = !over;
      limitNote.textContent = over
        ? area.value.length.toLocaleString() + " characters: the limit is " + limit.toLocaleString() +
          " (about six pages of prose). Keep one document, or a section of it; nothing is sent until it fits."
        : "";
    }

    function say(text) { if (status) status.textContent = text; }

    function tick(report) {
      var covered = {};
      (report.rubric || []).forEach(function (row) { covered[row.item] = row.covered; });
      var count = 0;
      checklist.querySelectorAll("[data-item]").forEach(function (li) {
        var on = !!covered[li.dataset.item];
        if (on) count += 1;
        li.classList.toggle("is-covered", on);
        li.querySelector(".rubric-mark").textContent = on ? "✓" : "○";
        li.querySelector("[data-role=state]").textContent = on ? " covered" : " not covered yet";
      });
      say(count + " of " + checklist.querySelectorAll("[data-item]").length + " covered" +
          (report.story_like ? " · this reads as a story: design the system" : ""));
      var errors = report.estimate_errors || [];
      errorsNote.hidden = errors.length === 0;
      errorsNote.textContent = errors.map(function (e) {
        return "“" + e.text + "” does not add up: " + e.expected + ".";
      }).join(" ");
    }

    function check() {
      if (!area.value.trim()) { say("Ticks as you cover each part."); return; }
      if (limit && area.value.length > limit) { say("Checklist paused: over the limit."); return; }
      var mine = ++sequence;
      fetch(form.dataset.analyzeUrl, {
        method: "POST",
        credentials: "omit",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ answer: area.value, question: form.dataset.designQuestion })
      }).then(function (response) {
        return response.json().then(function (body) { return { status: response.status, body: body }; });
      }).then(function (result) {
        if (mine !== sequence) return; // a newer check is on its way
        if (result.status === 200) tick(result.body);
        else if (result.status === 429) { say("Checklist paused for a moment."); schedule(RETRY_AFTER_LIMIT); }
        else say(result.body.message || "The checklist could not read this yet.");
      }).catch(function () { if (mine === sequence) say("Checklist offline: your text is kept."); });
    }

    function schedule(delay) {
      clearTimeout(timer);
      timer = setTimeout(check, delay);
    }

    form.querySelectorAll("[data-heading]").forEach(function (button) {
      button.addEventListener("click", function () {
        var at = area.selectionStart === undefined ? area.value.length : area.selectionStart;
        var before = area.value.slice(0, at), after = area.value.slice(at);
        var lead = before && !before.endsWith("\n\n") ? (before.endsWith("\n") ? "\n" : "\n\n") : "";
        var insert = lead + button.dataset.heading + "\n";
        area.value = before + insert + after;
        area.focus();
        area.selectionStart = area.selectionEnd = before.length + insert.length;
        area.dispatchEvent(new Event("input", { bubbles: true }));
      });
    });
    area.addEventListener("input", function () {
      checkLimit();
      if (checklist) schedule(DELAY);
    });
    checkLimit();
    if (checklist && area.value.trim()) schedule(0);
  }

  function setUpAll(root) {
    (root || document).querySelectorAll("form.practice-form[data-kind], form.sample-form").forEach(setUp);
  }
  document.addEventListener("DOMContentLoaded", function () { setUpAll(document); });
  document.addEventListener("htmx:load", function (event) { setUpAll(event.detail.elt.parentNode || document); });
})();
