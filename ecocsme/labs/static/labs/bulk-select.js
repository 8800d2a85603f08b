// Bulk selection: in a form marked data-bulk, a "choose all" box (data-bulk-all) ticks every
// item (data-bulk-item), and the submit button (data-bulk-submit) says how many are chosen, in
// the words the page gives for each number (a JSON block named by data-bulk-labels).
(function () {
  "use strict";
  function labels(button) {
    var block = document.getElementById(button.getAttribute("data-bulk-labels"));
    try { return block ? JSON.parse(block.textContent) : {}; } catch (e) { return {}; }
  }
  function update(form) {
    var items = form.querySelectorAll("[data-bulk-item]");
    var chosen = form.querySelectorAll("[data-bulk-item]:checked").length;
    var all = form.querySelector("[data-bulk-all]");
    if (all) {
      all.checked = items.length > 0 && chosen === items.length;
      all.indeterminate = chosen > 0 && chosen < items.length;
    }
    var button = form.querySelector("[data-bulk-submit]");
    if (!button) { return; }
    var words = labels(button);
    var text = words[String(chosen)] || words["0"];
    if (text) { button.textContent = text; }
    button.disabled = chosen < Number(form.getAttribute("data-bulk-min") || 1);
  }
  document.addEventListener("change", function (event) {
    var form = event.target.closest("form[data-bulk]");
    if (!form) { return; }
    if (event.target.matches("[data-bulk-all]")) {
      form.querySelectorAll("[data-bulk-item]").forEach(function (box) { box.checked = event.target.checked; });
    }
    update(form);
  });
  function start() { document.querySelectorAll("form[data-bulk]").forEach(update); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
