(function () {
  "use strict";
  var table = document.getElementById("findings-table");
  if (table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var controls = document.getElementById("findings-controls");
    var search = document.getElementById("filter-text");
    var status = document.getElementById("findings-status");
    var selects = Array.prototype.slice.call(controls.querySelectorAll("select[data-filter]"));
    rows.forEach(function (row, index) { row.setAttribute("data-rank", index); });
    var apply = function () {
      var needle = search.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var keep = !needle || row.textContent.toLowerCase().indexOf(needle) !== -1;
        selects.forEach(function (select) {
          var wanted = select.value;
          if (wanted && row.getAttribute("data-" + select.getAttribute("data-filter")) !== wanted) {
            keep = false;
          }
        });
        row.hidden = !keep;
        if (keep) { shown += 1; }
      });
      status.textContent = "Showing " + shown + " of " + rows.length + " findings.";
    };
    var key = function (row, column) {
      var cell = row.cells[column];
      var value = cell.getAttribute("data-sort");
      return value === null ? cell.textContent.trim().toLowerCase() : value;
    };
    var hint = document.createElement("span");
    hint.className = "sort-hint";
    hint.textContent = " (select a column heading to sort)";
    table.caption.appendChild(hint);
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    heads.forEach(function (head, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = head.textContent;
      head.textContent = "";
      head.appendChild(button);
      button.addEventListener("click", function () {
        var up = head.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
        head.setAttribute("aria-sort", up ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var x = key(a, column), y = key(b, column);
          var order = (x !== "" && y !== "" && !isNaN(x) && !isNaN(y)) ? x - y
            : x.localeCompare(y);
          return (up ? order : -order) || a.getAttribute("data-rank") - b.getAttribute("data-rank");
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
    search.addEventListener("input", apply);
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    controls.hidden = false;
    apply();
  }
  var openTarget = function () {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.tagName === "DETAILS") { target.open = true; }
  };
  window.addEventListener("hashchange", openTarget);
  openTarget();
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (details) {
      details.open = true;
    });
  });
}());
