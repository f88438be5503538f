// Dialpad's five-minute wait on a call router (views/router_page.templ,
// routerWait). The page names the moment of the next possible change in
// the person's Dialpad time zone; this script shows it in the browser's
// own zone, counts down, and when the wait is over enables the buttons the
// wait disabled (data-router-wait-button). Inputs are never touched, so
// what was typed stays. Without it the page still says when, zone named.
(function () {
  "use strict";

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // 24-hour, as the console writes times everywhere.
  function clock(d) { return pad(d.getHours()) + ":" + pad(d.getMinutes()); }

  function zone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (e) {
      return "";
    }
  }

  function finish(box, text) {
    text.hidden = true;
    var done = box.querySelector("[data-router-wait-done]");
    if (done) done.textContent = "You can change this router again now.";
    document.querySelectorAll("[data-router-wait-button]").forEach(function (b) {
      b.disabled = false;
      b.removeAttribute("data-router-wait-button");
    });
  }

  function start(box) {
    if (box.hasAttribute("data-router-wait-started")) return;
    box.setAttribute("data-router-wait-started", "");
    var seconds = parseInt(box.getAttribute("data-router-wait"), 10);
    var text = box.querySelector("[data-router-wait-text]");
    var time = box.querySelector("time[datetime]");
    var at = time && new Date(time.getAttribute("datetime"));
    if (!text || !at || isNaN(at.getTime()) || isNaN(seconds)) return;
    // Counted from the seconds the server gave rather than from the
    // moment: a browser whose clock is off still waits as long as Dialpad.
    var end = Date.now() + seconds * 1000;
    var tz = zone();
    time.textContent = clock(at) + " your time" + (tz ? " (" + tz + ")" : "");
    var count = document.createElement("strong");
    count.setAttribute("data-testid", box.getAttribute("data-testid") + "-countdown");
    text.replaceChildren("You can change this router again in ", count, ", at ", time, ".");

    function tick() {
      var ms = end - Date.now();
      var s = Math.ceil(ms / 1000);
      if (s <= 0) {
        finish(box, text);
        return;
      }
      count.textContent = Math.floor(s / 60) + ":" + pad(s % 60);
      // Wake when the shown second changes; a throttled background tab
      // catches up on its next wake.
      setTimeout(tick, ms % 1000 || 1000);
    }
    tick();
  }

  function startAll(root) {
    if (!root.querySelectorAll) return;
    if (root.matches && root.matches("[data-router-wait]")) start(root);
    root.querySelectorAll("[data-router-wait]").forEach(start);
  }
  // Deferred: the page is parsed by now.
  startAll(document);
  document.addEventListener("htmx:load", function (e) { startAll(e.target); });
})();
