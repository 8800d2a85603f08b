// Shows each event time also in the viewer's own time zone, when it differs from the event's.
(function () {
  "use strict";
  function show() {
    var viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    // The platform's English is European (day before month, a 24-hour clock), as its pages write it.
    var language = document.documentElement.lang === "en" ? "en-GB" : (document.documentElement.lang || undefined);
    document.querySelectorAll("[data-viewer-time]").forEach(function (node) {
      var eventZone = node.getAttribute("data-zone");
      if (!viewerZone || viewerZone === eventZone || node.dataset.done) { return; }
      var start = new Date(node.getAttribute("data-start"));
      var end = new Date(node.getAttribute("data-end"));
      var day = new Intl.DateTimeFormat(language, {weekday: "short", day: "numeric", month: "short"});
      var clock = new Intl.DateTimeFormat(language, {hour: "numeric", minute: "2-digit", hourCycle: "h23"});
      var extra = document.createElement("span");
      extra.className = "viewer-time";
      extra.textContent = node.getAttribute("data-label") + ": " + day.format(start) + ", " +
        clock.format(start) + "–" + clock.format(end) + " (" + viewerZone + ")";
      node.parentNode.appendChild(extra);
      node.dataset.done = "1";
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", show); } else { show(); }
})();
