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
})();
