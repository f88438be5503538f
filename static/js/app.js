// Switchboard's own small scripts. Pages work without them; htmx does the
// rest declaratively.
(function () {
  "use strict";

  // When an htmx request never reaches Switchboard (offline, server
  // restarting), htmx stays silent; say so where flashes appear.
  function notice(message) {
    var box = document.getElementById("notices");
    if (!box) return;
    var div = document.createElement("div");
    div.className = "alert alert-error";
    div.setAttribute("role", "alert");
    div.setAttribute("data-testid", "network-error");
    div.textContent = message;
    box.replaceChildren(div);
  }

  document.addEventListener("htmx:sendError", function () {
    notice("Couldn't reach Switchboard. Check your connection and try again.");
  });
  document.addEventListener("htmx:timeout", function () {
    notice("Switchboard took too long to answer. Try again.");
  });
  // A later successful swap means the connection is back.
  document.addEventListener("htmx:afterSwap", function () {
    var stale = document.querySelector('[data-testid="network-error"]');
    if (stale) stale.remove();
  });

  // Copy buttons (data-copy="#field") only make sense with JavaScript, so
  // they start hidden and are shown here; a click copies the field's value.
  // Without the clipboard API the field is selected for copying by hand.
  function showCopyButtons(root) {
    if (!root.querySelectorAll) return;
    root.querySelectorAll("[data-copy]").forEach(function (b) { b.hidden = false; });
  }
  document.addEventListener("DOMContentLoaded", function () { showCopyButtons(document); });
  document.addEventListener("htmx:load", function (e) { showCopyButtons(e.target); });
  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest("[data-copy]");
    if (!button) return;
    var field = document.querySelector(button.getAttribute("data-copy"));
    if (!field) return;
    var copied = function () { button.textContent = "Copied"; };
    field.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(copied, function () {});
    } else if (document.execCommand && document.execCommand("copy")) {
      copied();
    }
  });

  // Bulk apply of business hours: before the wait, say what is being
  // applied to and about how long it takes. Each ticked target whose hours
  // differ costs a fresh read and a PATCH, and Dialpad takes 20 requests a
  // second per company, so a batch takes at most about n/10 seconds. This
  // runs in the capture phase, before htmx sends the form.
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.matches || !form.matches("[data-bulk-form]")) return;
    var text = form.querySelector("[data-bulk-progress-text]");
    if (!text) return;
    if (e.submitter && e.submitter.value === "preview") {
      text.textContent = "Working out what would change…";
      return;
    }
    var ticked = form.querySelectorAll('input[name="target"]:checked');
    var centers = 0, departments = 0;
    ticked.forEach(function (box) {
      if (box.value.indexOf("department:") === 0) departments++; else centers++;
    });
    var what = [];
    if (centers > 0) what.push(plural(centers, "call center", "call centers"));
    if (departments > 0) what.push(plural(departments, "department", "departments"));
    var seconds = Math.max(1, Math.ceil(ticked.length / 10));
    text.textContent = "Applying to " + (what.join(" and ") || "nothing ticked") + ": about " +
      plural(seconds, "second", "seconds") + " at most, as Dialpad takes 20 requests a second.";
  }, true);

  // Parts that need JavaScript (data-needs-js) start hidden and are shown
  // here, on the page and in what htmx swaps in.
  function showScriptParts(root) {
    if (!root.querySelectorAll) return;
    root.querySelectorAll("[data-needs-js]").forEach(function (el) { el.hidden = false; });
  }
  document.addEventListener("DOMContentLoaded", function () { showScriptParts(document); });
  document.addEventListener("htmx:load", function (e) { showScriptParts(e.target); });

  // A filter box (data-filter-select="#select") hides the options of a long
  // grouped select whose text lacks what was typed, and groups left empty.
  // The chosen option always stays, so filtering never changes the choice.
  document.addEventListener("input", function (e) {
    var box = e.target;
    if (!box.matches || !box.matches("[data-filter-select]")) return;
    var select = document.querySelector(box.getAttribute("data-filter-select"));
    if (!select) return;
    var words = box.value.trim().toLowerCase();
    select.querySelectorAll("option").forEach(function (o) {
      o.hidden = words !== "" && !o.selected && o.value !== "" && o.textContent.toLowerCase().indexOf(words) < 0;
    });
    select.querySelectorAll("optgroup").forEach(function (g) {
      g.hidden = !g.querySelector("option:not([hidden])");
    });
  });
  // A time typed loosely ("1800", "9") is written the console's way
  // ("18:00", "09:00") when the person leaves the field, as the server
  // will read it (dialpad.NormalizeClock); anything else stays as typed
  // for the server's message.
  document.addEventListener("change", function (e) {
    var f = e.target;
    if (!f.matches || !f.matches("input[data-clock]")) return;
    var m = /^\s*(\d{1,2})(?:[:.]?(\d{2}))?\s*$/.exec(f.value);
    if (!m) return;
    var h = parseInt(m[1], 10), min = m[2] ? parseInt(m[2], 10) : 0;
    if (h === 24 && min === 0) { f.value = "23:59"; return; }
    if (h > 23 || min > 59) return;
    f.value = (h < 10 ? "0" : "") + h + ":" + (min < 10 ? "0" : "") + min;
  });
})();
