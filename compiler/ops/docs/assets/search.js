// chartshift docs: filter the page to what matches the search box (rows, rules, lookup
// entries, lineage nodes).  No network, no library.
"use strict";
(function () {
  var box = document.getElementById("search");
  if (!box) { return; }
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-search]"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("[data-section]"));
  var nodes = Array.prototype.slice.call(document.querySelectorAll("svg.lineage .node"));
  var count = document.getElementById("search-count");
  function apply() {
    var q = box.value.trim().toLowerCase();
    var shown = 0;
    items.forEach(function (el) {
      var hit = q === "" || el.textContent.toLowerCase().indexOf(q) >= 0;
      el.hidden = !hit;
      if (hit) { shown += 1; }
    });
    sections.forEach(function (sec) {
      var head = sec.querySelector("h2");
      var own = head !== null && head.textContent.toLowerCase().indexOf(q) >= 0;
      var any = sec.querySelector("[data-search]:not([hidden])") !== null;
      sec.hidden = q !== "" && !own && !any && sec.id !== "lineage";
    });
    nodes.forEach(function (n) {
      var hit = q !== "" && (n.getAttribute("data-column") || "").toLowerCase().indexOf(q) >= 0;
      n.classList.toggle("match", hit);
    });
    if (count) { count.textContent = q === "" ? "" : shown + " matching"; }
  }
  box.addEventListener("input", apply);
  apply();
})();
