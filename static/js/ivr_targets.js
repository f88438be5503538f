// Target pickers of the IVR copy and multi-target upload pages. Without
// this script every target shows, and an office's "Select all" / "None"
// buttons reload the form with that office ticked or cleared; with it
// they tick in place, and a filter narrows the list by name or office.
(function () {
  "use strict";

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function filter(picker, text) {
    var words = text.toLowerCase().trim();
    var shown = 0, total = 0;
    picker.querySelectorAll("[data-ivr-group]").forEach(function (group) {
      var any = false;
      group.querySelectorAll("[data-ivr-name]").forEach(function (row) {
        var match = words === "" || row.getAttribute("data-ivr-name").toLowerCase().indexOf(words) >= 0;
        row.hidden = !match;
        total++;
        if (match) { shown++; any = true; }
      });
      group.hidden = !any;
    });
    var count = picker.querySelector("[data-ivr-filter-count]");
    if (count) {
      count.textContent = words === "" ? "" : shown + " of " + plural(total, "target", "targets") + " shown.";
    }
  }

  function setUp() {
    document.querySelectorAll("[data-ivr-picker]").forEach(function (picker) {
      var box = picker.querySelector("[data-ivr-filter]");
      if (box) box.hidden = false;
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }

  document.addEventListener("input", function (e) {
    if (!e.target.matches || !e.target.matches("[data-ivr-filter-input]")) return;
    var picker = e.target.closest("[data-ivr-picker]");
    if (picker) filter(picker, e.target.value);
  });

  // Enter in the filter narrows the list; it must not submit the form.
  document.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && e.target.matches && e.target.matches("[data-ivr-filter-input]")) e.preventDefault();
  });

  // An office's "Select all" ticks the targets of that office that show
  // (the filter may hide some) and the person may change; "None" clears them.
  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest("[data-ivr-select]");
    if (!button) return;
    var group = button.closest("[data-ivr-group]");
    if (!group) return;
    e.preventDefault();
    var on = button.getAttribute("data-ivr-select") === "all";
    group.querySelectorAll('input[type="checkbox"]').forEach(function (box) {
      if (box.disabled || box.closest("[hidden]")) return;
      box.checked = on;
    });
  });
})();
