// Dialpad's five-minute wait on a call router (views/router_edit.templ,
// routerWait). The page names the moment of the next possible change in
// the person's Dialpad time zone; this script shows it in the browser's
// own zone, counts down, and holds the buttons Dialpad would refuse
// (data-router-wait-button, rendered enabled so the page works without
// it) disabled until the wait is over. Inputs are never touched, so
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

  // The waits on the page, each {box, text, count, end}; one timer moves
  // them all, so two notices of one router never show different seconds.
  var waits = [];
  var timer = 0;

  function finish(w) {
    w.text.hidden = true;
    var done = w.box.querySelector("[data-router-wait-done]");
    if (done) done.textContent = "You can change this router again now.";
    document.querySelectorAll("[data-router-wait-button]").forEach(function (b) {
      b.disabled = false;
      b.removeAttribute("data-router-wait-button");
    });
  }

  // hold disables the marked buttons, those an htmx swap just brought in
  // included, while a wait runs.
  function hold() {
    document.querySelectorAll("[data-router-wait-button]").forEach(function (b) { b.disabled = true; });
  }

  function tick() {
    timer = 0;
    var now = Date.now(), next = 1000;
    waits = waits.filter(function (w) {
      var ms = w.end - now;
      if (ms <= 0) {
        finish(w);
        return false;
      }
      var s = Math.ceil(ms / 1000);
      w.count.textContent = Math.floor(s / 60) + ":" + pad(s % 60);
      // Wake when the shown second changes; a throttled background tab
      // catches up on its next wake.
      next = Math.min(next, ms % 1000 || 1000);
      return true;
    });
    if (waits.length > 0) {
      hold();
      timer = setTimeout(tick, next);
    }
  }

  function start(box, now) {
    if (box.hasAttribute("data-router-wait-started")) return;
    box.setAttribute("data-router-wait-started", "");
    var seconds = parseInt(box.getAttribute("data-router-wait"), 10);
    var text = box.querySelector("[data-router-wait-text]");
    var time = box.querySelector("time[datetime]");
    var at = time && new Date(time.getAttribute("datetime"));
    if (!text || !at || isNaN(at.getTime()) || isNaN(seconds)) return;
    var tz = zone();
    time.textContent = clock(at) + " your time" + (tz ? " (" + tz + ")" : "");
    var count = document.createElement("strong");
    count.setAttribute("data-testid", box.getAttribute("data-testid") + "-countdown");
    text.replaceChildren("You can change this router again in ", count, ", at ", time, ".");
    // Counted from the seconds the server gave rather than from the
    // moment: a browser whose clock is off still waits as long as Dialpad.
    waits.push({box: box, text: text, count: count, end: now + seconds * 1000});
  }

  function startAll(root) {
    if (!root.querySelectorAll) return;
    var now = Date.now();
    if (root.matches && root.matches("[data-router-wait]")) start(root, now);
    root.querySelectorAll("[data-router-wait]").forEach(function (box) { start(box, now); });
    if (timer) clearTimeout(timer);
    tick();
  }
  // Deferred: the page is parsed by now.
  startAll(document);
  document.addEventListener("htmx:load", function (e) { startAll(e.target); });
})();
