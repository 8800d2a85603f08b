// A search box above each <select multiple data-filter-options="…">: typing hides the options
// whose text does not hold what was typed (chosen options stay visible). The attribute's value
// is the box's accessible name.
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  document.querySelectorAll("select[multiple][data-filter-options]").forEach(function (select) {
    var box = document.createElement("input");
    box.type = "search";
    box.className = "filter-options";
    box.setAttribute("aria-label", select.getAttribute("data-filter-options"));
    box.placeholder = select.getAttribute("data-filter-options");
    box.setAttribute("aria-controls", select.id);
    select.parentNode.insertBefore(box, select);
    box.addEventListener("input", function () {
      var wanted = fold(box.value.trim());
      Array.prototype.forEach.call(select.options, function (option) {
        option.hidden = wanted !== "" && !option.selected && fold(option.text).indexOf(wanted) === -1;
      });
    });
  });
})();
