// Narrows a long list in place (issue 21). A page that wants it has
//   <div class="list-filter" data-items="CSS selector of the items" data-label="…"
//        data-shown="{n} of {total} shown" hidden>[choices]</div>
// before the list; this script puts a search field in it and hides the items whose text does
// not hold every word typed, Latvian letters matching with and without diacritics ("skola"
// finds "Skolā", "kuldiga" finds "Kuldīga"). The server may put choices in the box,
//   <select data-param="subject" data-attr="subject">: items whose data-subject (ids, space
//     separated) holds the chosen value;
//   <select data-param="kind" data-column="1">: table rows whose cell 1 reads the chosen
//     option's text;
// an option's data-url is a page with all of that value's items, linked while it is chosen
// (the box's data-more is the link text, "{name}" the option's). A heading left over a list
// with nothing shown is hidden with it; a live count says how many are shown.
// The state is kept in the address (?q=…&subject=…, history.replaceState: a filtered list can
// be bookmarked, and the back button returns to it) and restored on load; the language switch
// carries it (choices' values are ids, the same in every language).
// Without JavaScript the box stays hidden and the page lists everything; its server-rendered
// pages (per subject, municipality, school year) remain the way to narrow it.
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
  var query = new URLSearchParams(window.location.search);
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
    var more = document.createElement("p");
    more.hidden = true;
    box.insertBefore(input, box.firstChild);
    box.insertBefore(label, input);
    box.appendChild(status);
    box.appendChild(more);
    // Each choice and, per item, the values it matches.
    var selects = box.querySelectorAll("select[data-param]");
    var values = [];
    for (var s = 0; s < selects.length; s++) {
      var sel = selects[s], attr = sel.getAttribute("data-attr"), v = [];
      var col = parseInt(sel.getAttribute("data-column"), 10), byText = {};
      for (var o = 0; o < sel.options.length; o++) byText[sel.options[o].text] = sel.options[o].value;
      for (var j = 0; j < items.length; j++) {
        if (attr) v.push((items[j].getAttribute("data-" + attr) || "").split(" "));
        else {
          var cell = items[j].cells && items[j].cells[col];
          v.push([cell ? byText[cell.textContent.trim()] || "" : ""]);
        }
      }
      values.push(v);
      var wanted = query.get(sel.getAttribute("data-param"));
      if (wanted) sel.value = wanted;  // an unknown value leaves it at "all"
      if (sel.selectedIndex < 0) sel.selectedIndex = 0;
    }
    input.value = query.get("q") || "";
    box.hidden = false;
    // The lists the items are in, and what to hide with each when it shows nothing.
    var lists = [];
    for (var k = 0; k < items.length; k++) {
      var list = items[k].parentElement;
      if (lists.indexOf(list) < 0) lists.push(list);
    }
    function apply() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var chosen = [], active = words.length > 0, shown = 0, link = null;
      for (var s = 0; s < selects.length; s++) {
        chosen.push(selects[s].value);
        if (selects[s].value) {
          active = true;
          var opt = selects[s].options[selects[s].selectedIndex];
          if (opt.getAttribute("data-url")) link = opt;
        }
      }
      for (var i = 0; i < items.length; i++) {
        var ok = true;
        for (var w = 0; w < words.length && ok; w++) ok = keys[i].indexOf(words[w]) >= 0;
        for (var c = 0; c < chosen.length && ok; c++) ok = !chosen[c] || values[c][i].indexOf(chosen[c]) >= 0;
        items[i].hidden = !ok;
        if (ok) shown++;
      }
      for (var l = 0; l < lists.length; l++) {
        var list = lists[l], any = false;
        for (var e = 0; e < list.children.length && !any; e++) any = !list.children[e].hidden;
        list.hidden = !any;
        var section = list.parentElement;
        if (section && section.tagName === "SECTION" && section.querySelectorAll("ul, ol").length === 1) {
          section.hidden = !any;
        } else {
          var before = list.previousElementSibling;
          if (before && /^H[2-4]$/.test(before.tagName)) before.hidden = !any;
        }
      }
      status.textContent = active
        ? (box.getAttribute("data-shown") || "{n}").replace("{n}", String(shown))
            .replace("{total}", String(items.length))
        : "";
      more.hidden = !link;
      more.textContent = "";
      if (link) {
        var a = document.createElement("a");
        a.href = link.getAttribute("data-url");
        a.textContent = (box.getAttribute("data-more") || "{name}").replace("{name}", link.text);
        more.appendChild(a);
      }
    }
    function save() {
      var params = new URLSearchParams(window.location.search);
      if (input.value) params.set("q", input.value); else params.delete("q");
      for (var s = 0; s < selects.length; s++) {
        var p = selects[s].getAttribute("data-param");
        if (selects[s].value) params.set(p, selects[s].value); else params.delete(p);
      }
      var search = params.toString() ? "?" + params.toString() : "";
      history.replaceState(history.state, "", window.location.pathname + search + window.location.hash);
      var sw = document.querySelector(".lang-switch");
      if (sw) sw.search = search;
    }
    input.addEventListener("input", function () { apply(); save(); });
    for (var t = 0; t < selects.length; t++) {
      selects[t].addEventListener("change", function () { apply(); save(); });
    }
    apply();
    if (window.location.search) save();  // the language switch keeps a restored state too
  }
})();
