// Voice answers. The recorder: MediaRecorder with a level meter and a timer against the
// target, listen back, record again, upload; then follow the transcription and put the
// transcript in the answer box, where the candidate corrects it before asking for feedback.
// The player: a click on a sentence of the transcript plays that sentence.
(function () {
  "use strict";

  var TYPES = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/webm", "audio/mp4"];

  function clock(seconds) {
    var whole = Math.max(0, Math.round(seconds));
    return Math.floor(whole / 60) + ":" + String(whole % 60).padStart(2, "0");
  }

  function micProblem(error) {
    var name = error && error.name;
    if (name === "NotAllowedError" || name === "SecurityError") {
      return "The microphone is blocked for this site: allow it in the browser (the icon in " +
        "the address bar) and press the button again, or type your answer.";
    }
    if (name === "NotFoundError" || name === "OverconstrainedError") {
      return "No microphone was found: plug one in and try again, or type your answer.";
    }
    if (name === "NotReadableError") {
      return "Another program is using the microphone: close it and try again, or type your answer.";
    }
    return "The microphone could not be opened (" + ((error && error.message) || name) +
      "): type your answer instead.";
  }

  function Recorder(box) {
    var role = function (name) { return box.querySelector('[data-role="' + name + '"]'); };
    this.box = box;
    this.record = role("record");
    this.stop = role("stop");
    this.level = role("level");
    this.elapsed = role("elapsed");
    this.review = role("review");
    this.preview = role("preview");
    this.upload = role("upload");
    this.rerecord = role("rerecord");
    this.status = role("status");
    this.progress = role("progress");
    this.recording = role("recording");
    this.target = Number(box.dataset.targetSeconds) || 120;
    this.form = box.closest("form");
    this.textarea = document.getElementById(box.dataset.target);
    this.chunks = [];
    this.blob = null;
    var self = this;
    if (!navigator.mediaDevices || !window.MediaRecorder) {
      this.record.disabled = true;
      this.say("This browser cannot record audio: type your answer, or use a current Chrome or Firefox.", true);
      return;
    }
    this.record.addEventListener("click", function () { self.start(); });
    this.rerecord.addEventListener("click", function () { self.start(); });
    this.stop.addEventListener("click", function () { if (self.media) self.media.stop(); });
    this.upload.addEventListener("click", function () { self.send(); });
  }

  Recorder.prototype.say = function (text, isError) {
    this.status.textContent = text;
    this.status.classList.toggle("error", !!isError);
  };

  Recorder.prototype.start = async function () {
    var self = this;
    this.say("");
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      this.say(micProblem(error), true);
      return;
    }
    var type = TYPES.find(function (t) { return MediaRecorder.isTypeSupported(t); });
    this.media = new MediaRecorder(this.stream, type ? { mimeType: type } : undefined);
    this.chunks = [];
    this.media.addEventListener("dataavailable", function (event) {
      if (event.data.size) self.chunks.push(event.data);
    });
    this.media.addEventListener("stop", function () { self.finished(); });
    this.media.start(1000);
    this.started = performance.now();
    this.meter();
    this.record.hidden = true;
    this.review.hidden = true;
    this.stop.hidden = false;
    this.level.hidden = false;
    this.elapsed.hidden = false;
    this.tick = setInterval(function () { self.showTime(); }, 250);
    this.showTime();
    this.say("Recording… speak as you would to the interviewer.");
  };

  Recorder.prototype.showTime = function () {
    var seconds = (performance.now() - this.started) / 1000;
    this.elapsed.textContent = clock(seconds) + " / " + clock(this.target);
    this.elapsed.classList.toggle("over-target", seconds > this.target);
  };

  Recorder.prototype.meter = function () {
    var self = this;
    this.audio = new AudioContext();
    var analyser = this.audio.createAnalyser();
    analyser.fftSize = 1024;
    this.audio.createMediaStreamSource(this.stream).connect(analyser);
    var samples = new Float32Array(analyser.fftSize);
    var draw = function () {
      analyser.getFloatTimeDomainData(samples);
      var peak = 0;
      for (var i = 0; i < samples.length; i++) peak = Math.max(peak, Math.abs(samples[i]));
      self.level.value = Math.min(1, peak * 1.5);
      self.frame = requestAnimationFrame(draw);
    };
    draw();
  };

  Recorder.prototype.finished = function () {
    clearInterval(this.tick);
    cancelAnimationFrame(this.frame);
    if (this.audio) this.audio.close();
    this.stream.getTracks().forEach(function (track) { track.stop(); });
    this.stop.hidden = true;
    this.level.hidden = true;
    this.elapsed.hidden = true;
    this.blob = new Blob(this.chunks, { type: this.media.mimeType || "audio/webm" });
    if (!this.blob.size) {
      this.record.hidden = false;
      this.say("Nothing was recorded: check the microphone and try again.", true);
      return;
    }
    if (this.preview.src) URL.revokeObjectURL(this.preview.src);
    this.preview.src = URL.createObjectURL(this.blob);
    this.review.hidden = false;
    this.say("Listen back if you like, then transcribe it, or record again.");
  };

  Recorder.prototype.send = async function () {
    var token = this.form.querySelector("input[name=csrfmiddlewaretoken]");
    var data = new FormData();
    data.append("audio", this.blob, "answer." + (this.blob.type.indexOf("ogg") >= 0 ? "ogg" : "webm"));
    this.upload.disabled = true;
    this.say("Uploading…");
    try {
      var response = await fetch(this.box.dataset.uploadUrl, {
        method: "POST",
        body: data,
        headers: { "X-CSRFToken": token ? token.value : "" },
        credentials: "same-origin",
      });
      var body = await response.json();
      if (!response.ok) {
        this.say(body.message || "The recording was refused.", true);
        return;
      }
      this.follow(body);
    } catch (error) {
      this.say("The upload failed (" + error.message + "): try again.", true);
    } finally {
      this.upload.disabled = false;
    }
  };

  Recorder.prototype.follow = function (recording) {
    var self = this;
    var sent = performance.now();
    this.review.hidden = true;
    this.progress.hidden = false;
    var show = function (state) {
      if (state.status === "done") {
        self.progress.hidden = true;
        self.fill(state);
        return;
      }
      if (state.status === "failed") {
        self.progress.hidden = true;
        self.record.hidden = false;
        self.say(state.error || "The transcription failed.", true);
        return;
      }
      self.progress.value = state.progress;
      self.say(state.status === "queued" ? "Sent: waiting for the transcriber…" : (state.message || "Transcribing") + "…");
      // Often at first, so "Transcribing" shows as soon as the worker starts; then calmly.
      setTimeout(poll, performance.now() - sent < 3000 ? 100 : 500);
    };
    var poll = async function () {
      try {
        var response = await fetch(recording.url, { credentials: "same-origin" });
        show(await response.json());
      } catch (error) {
        setTimeout(poll, 1500);
      }
    };
    show(recording);
  };

  Recorder.prototype.fill = function (state) {
    this.recording.value = state.id;
    this.textarea.value = state.transcript;
    // The answer box's own script counts the words and keeps the draft on "input".
    this.textarea.dispatchEvent(new Event("input", { bubbles: true }));
    this.textarea.focus();
    this.record.hidden = false;
    this.record.textContent = "Record again";
    this.say("This is what was heard (" + clock(state.duration_seconds) + "). Correct anything " +
      "misheard in the box, then ask for feedback.");
  };

  function playSentences(list) {
    var player = document.getElementById(list.dataset.player);
    if (!player) return;
    var until = null;
    list.addEventListener("click", function (event) {
      var sentence = event.target.closest(".voice-sentence");
      if (!sentence) return;
      until = Number(sentence.dataset.end) + 0.2;
      player.currentTime = Number(sentence.dataset.start);
      player.play();
    });
    player.addEventListener("timeupdate", function () {
      list.querySelectorAll(".voice-sentence").forEach(function (sentence) {
        var now = player.currentTime;
        sentence.classList.toggle("is-playing", now >= Number(sentence.dataset.start) && now <= Number(sentence.dataset.end));
      });
      if (until !== null && player.currentTime >= until) {
        player.pause();
        until = null;
      }
    });
  }

  function setUp(root) {
    root.querySelectorAll("[data-recorder]").forEach(function (box) {
      if (box.dataset.ready || !box.querySelector('[data-role="record"]')) return;
      box.dataset.ready = "1";
      new Recorder(box);
    });
    root.querySelectorAll(".voice-transcript[data-player]").forEach(function (list) {
      if (list.dataset.ready) return;
      list.dataset.ready = "1";
      playSentences(list);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  document.addEventListener("htmx:load", function (event) { setUp(event.detail.elt); });
})();
