// Narrows a long list as you type (issue 21). A page that wants it has
//   <div class="list-filter" data-items="CSS selector of the items" data-label="…"
//        data-shown="{n} of {total} shown" hidden></div>
// before the list; this script puts a search field in it and hides the items whose text does
// not hold every word typed, Latvian letters matching with and without diacritics ("skola"
// finds "Skolā", "kuldiga" finds "Kuldīga"). A heading left over a list with nothing shown is
// hidden with it. Without JavaScript the box stays hidden and the page lists everything; its
// server-rendered pages (per municipality, per school year) remain the way to narrow it.
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function heading(item) {
    var list = item.parentElement;
    var section = list && list.parentElement;
    if (section && section.tagName === "SECTION") {
      var h = section.querySelector("h2, h3");
      if (h) return h.textContent;
    }
    var before = list && list.previousElementSibling;
    return before && /^H[2-4]$/.test(before.tagName) ? before.textContent : "";
  }
  var boxes = document.querySelectorAll(".list-filter[data-items]");
  for (var b = 0; b < boxes.length; b++) setup(boxes[b], b);
  function setup(box, n) {
    var items = document.querySelectorAll(box.getAttribute("data-items"));
    if (!items.length) return;
    // An item is found by its own text and by the heading it is under ("Kuldīgas novads" finds
    // that municipality's schools, a month finds that month's olympiads).
    var keys = [];
    for (var i = 0; i < items.length; i++) keys.push(fold(items[i].textContent + " " + heading(items[i])));
    var id = "list-filter-" + n;
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = box.getAttribute("data-label") || "";
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.autocomplete = "off";
    var status = document.createElement("p");
    status.className = "muted";
    status.setAttribute("role", "status");
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(status);
    box.hidden = false;
    // The lists the items are in, and what to hide with each when it shows nothing.
    var lists = [];
    for (var k = 0; k < items.length; k++) {
      var list = items[k].parentElement;
      if (lists.indexOf(list) < 0) lists.push(list);
    }
    function apply() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      for (var i = 0; i < items.length; i++) {
        var ok = true;
        for (var w = 0; w < words.length && ok; w++) ok = keys[i].indexOf(words[w]) >= 0;
        items[i].hidden = !ok;
        if (ok) shown++;
      }
      for (var l = 0; l < lists.length; l++) {
        var list = lists[l], any = false;
        for (var c = 0; c < list.children.length && !any; c++) any = !list.children[c].hidden;
        list.hidden = !any;
        var section = list.parentElement;
        if (section && section.tagName === "SECTION" && section.querySelectorAll("ul, ol").length === 1) {
          section.hidden = !any;
        } else {
          var before = list.previousElementSibling;
          if (before && /^H[2-4]$/.test(before.tagName)) before.hidden = !any;
        }
      }
      status.textContent = words.length
        ? (box.getAttribute("data-shown") || "{n}").replace("{n}", String(shown))
            .replace("{total}", String(items.length))
        : "";
    }
    input.addEventListener("input", apply);
  }
})();
