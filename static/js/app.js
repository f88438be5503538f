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
})();
