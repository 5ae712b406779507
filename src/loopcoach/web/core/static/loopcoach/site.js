/* loopcoach, every page: the phone menu and the print button. Static, so the strict
   Content-Security-Policy (no inline script) holds; no dependencies. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function setUpMenu() {
    var toggle = document.querySelector(".menu-toggle");
    var nav = document.getElementById("site-nav");
    if (!toggle || !nav) return;
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      nav.classList.toggle("is-open", open);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && nav.classList.contains("is-open")) {
        toggle.setAttribute("aria-expanded", "false");
        nav.classList.remove("is-open");
        toggle.focus();
      }
    });
  }

  function setUpPrint() {
    document.addEventListener("click", function (event) {
      var button = event.target.closest("[data-action=print]");
      if (button) window.print();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpMenu();
    setUpPrint();
  });
})();
