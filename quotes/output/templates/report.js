(function () {
  "use strict";
  // Filters for the report's rows; without this script every row shows and the page still reads.
  var form = document.getElementById("filters");
  var rows = Array.prototype.slice.call(document.querySelectorAll(".cluster"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".speaker"));
  var shown = document.getElementById("shown");
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }
  function apply() {
    var query = fold(form.elements.q.value);
    var words = query ? query.split(" ") : [];
    var kinds = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=kind]"), function (box) { kinds[box.value] = box.checked; });
    var conflictsOnly = form.elements.conflict.checked;
    // A query that names a speaker keeps that speaker's rows; any other keeps the rows holding every word.
    var bySpeaker = query !== "" && rows.some(function (row) { return row.dataset.speakers.indexOf(query) >= 0; });
    var count = 0;
    rows.forEach(function (row) {
      var keep = (!conflictsOnly || row.hasAttribute("data-conflict"))
        && row.dataset.kinds.split(" ").some(function (kind) { return kinds[kind]; })
        && (bySpeaker ? row.dataset.speakers.indexOf(query) >= 0
                      : words.every(function (word) { return row.dataset.search.indexOf(word) >= 0; }));
      row.hidden = !keep;
      if (keep) { count += 1; }
    });
    groups.forEach(function (group) { group.hidden = !group.querySelector(".cluster:not([hidden])"); });
    shown.textContent = count + " of " + rows.length + " utterances shown";
  }
  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  Array.prototype.forEach.call(document.querySelectorAll("#speakers a"), function (link) {
    link.addEventListener("click", function () {
      var target = document.getElementById(link.getAttribute("href").slice(1));
      if (target && target.hidden) { form.reset(); apply(); }
    });
  });
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (details) { details.open = true; });
  });
  apply();
}());
