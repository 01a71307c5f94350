// Sortable tables: inside an element of class "sortable", each column heading of a data table
// becomes a button that sorts the rows by that column (again: the other way), with aria-sort on
// the heading and the new order announced. Numbers sort as numbers ("16 018 EUR", "45,3%"), text
// in Latvian order (Intl.Collator "lv"); empty and hidden cells ("—") go last either way, and
// total rows stay at the bottom. Without JavaScript the table keeps the order it was written in.
// One page of a paged table (data-scope on the box) sorts only its own rows: the buttons say so
// and the box's note, linking the whole table's CSV, shows.
(function () {
  "use strict";
  var collator = new Intl.Collator("lv", { numeric: true, sensitivity: "base" });
  function number(text) {
    var t = text.replace(/[\s\u00a0\u202f]/g, "").replace(/[^0-9,.\-\u2212]/g, "")
      .replace("\u2212", "-").replace(",", ".");
    return /[0-9]/.test(t) ? parseFloat(t) : NaN;
  }
  function setup(box, table) {
    var head = table.tHead && table.tHead.rows[0];
    var body = table.tBodies[0];
    if (!head || !body || body.querySelector("tr.group")) return;  // grouped rows: not sortable
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    box.appendChild(status);
    var template = box.getAttribute("data-sorted") || "";
    // One page of a paged table: its buttons say they sort this page only, and the note with
    // the whole table's CSV shows (sortable.h).
    var scope = box.getAttribute("data-scope") || "";
    var note = box.querySelector(".sort-note");
    if (note) note.hidden = false;
    var cells = head.cells;
    var current = -1, ascending = true;
    function sort(col) {
      ascending = col === current ? !ascending : true;
      current = col;
      var numeric = cells[col].classList.contains("num");
      var rows = [], kept = [];
      for (var i = 0; i < body.rows.length; i++) {
        var tr = body.rows[i];
        if (tr.classList.contains("total")) { kept.push(tr); continue; }
        var text = tr.cells[col] ? tr.cells[col].textContent.trim() : "";
        var key = numeric ? number(text) : text;
        var empty = numeric ? isNaN(key) : (text === "" || text === "\u2014");
        rows.push({ tr: tr, key: key, empty: empty, at: i });
      }
      rows.sort(function (a, b) {
        if (a.empty !== b.empty) return a.empty ? 1 : -1;
        var d = a.empty ? 0 : (numeric ? a.key - b.key : collator.compare(a.key, b.key));
        if (!ascending) d = -d;
        return d || a.at - b.at;
      });
      for (var r = 0; r < rows.length; r++) body.appendChild(rows[r].tr);
      for (var k = 0; k < kept.length; k++) body.appendChild(kept[k]);
      for (var c = 0; c < cells.length; c++) {
        if (c === col) cells[c].setAttribute("aria-sort", ascending ? "ascending" : "descending");
        else cells[c].removeAttribute("aria-sort");
      }
      var order = box.getAttribute(ascending ? "data-ascending" : "data-descending") || "";
      status.textContent = template.replace("{column}", cells[col].getAttribute("data-label"))
        .replace("{order}", order) + (scope ? " (" + scope.replace(/^[,\s]+/, "") + ")" : "");
    }
    for (var i = 0; i < cells.length; i++) {
      var th = cells[i];
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      th.setAttribute("data-label", th.textContent.trim());
      while (th.firstChild) button.appendChild(th.firstChild);
      // (A name, not a visually hidden span: positioned out of the scrolled table, it widened
      // the page to 800 px at 360.)
      if (scope) button.setAttribute("aria-label", th.getAttribute("data-label") + scope);
      th.appendChild(button);
      button.addEventListener("click", sort.bind(null, i));
    }
  }
  var boxes = document.querySelectorAll(".sortable");
  for (var b = 0; b < boxes.length; b++) {
    var tables = boxes[b].querySelectorAll("table.data");
    for (var t = 0; t < tables.length; t++) setup(boxes[b], tables[t]);
  }
  var hint = document.getElementById("sort-hint");
  if (hint && boxes.length) hint.hidden = false;
})();
