// Site search over /meklet/index.json, built by the compiler. Hand-written (no npm, no CDN):
// a substring match over a few thousand entries needs no library. The page works without it.
// The index is {"k": [kind names], "e": [[title, url, kind number, text], …]}.
(function () {
  "use strict";
  var box = document.getElementById("meklet");
  if (!box || !window.fetch) return;
  var input = document.getElementById("meklet-q");
  var status = document.getElementById("meklet-statuss");
  var list = document.getElementById("meklet-rezultati");
  var lang = document.documentElement.lang;
  var entries = [];
  var pageSize = 50;
  var maxShown = pageSize;
  var more = document.getElementById("meklet-vairak");
  var timer = null;

  // Lower case without diacritics, so "rezekne" finds "Rēzekne".
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function countText(n) {
    if (n === 0) return box.getAttribute("data-none");
    var one = lang === "lv" ? (n % 10 === 1 && n % 100 !== 11) : n === 1;
    return box.getAttribute(one ? "data-one" : "data-many").replace("{n}", String(n));
  }
  function show(keepShown, announceNow) {
    if (!keepShown) maxShown = pageSize;
    var terms = fold(input.value).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (terms.length === 0) {
      clearTimeout(timer);
      status.textContent = "";
      more.hidden = true;
      return;
    }
    var found = entries.filter(function (e) {
      return terms.every(function (t) { return e.haystack.indexOf(t) !== -1; });
    });
    found.slice(0, maxShown).forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = e.url;
      a.textContent = e.title;
      li.appendChild(a);
      var kind = document.createElement("span");
      kind.className = "muted";
      kind.textContent = " — " + e.kind;
      li.appendChild(kind);
      if (e.text) {
        var p = document.createElement("p");
        p.textContent = e.text;
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    // The count is a live region: said once typing pauses, not at every key.
    clearTimeout(timer);
    timer = setTimeout(function () { status.textContent = countText(found.length); },
                       announceNow ? 0 : 400);
    more.hidden = found.length <= maxShown;
    // The language switch keeps the query (the other language's search page reads ?q=).
    var sw = document.querySelector(".lang-switch");
    if (sw) sw.search = input.value ? "?q=" + encodeURIComponent(input.value) : "";
  }

  fetch(box.getAttribute("data-index"))
    .then(function (r) { return r.json(); })
    .then(function (data) {
      entries = data.e.map(function (r) {
        var e = { title: r[0], url: r[1], kind: data.k[r[2]], text: r[3] };
        e.haystack = fold(e.title + " " + e.kind + " " + e.text);
        return e;
      });
      more.addEventListener("click", function () {
        maxShown += pageSize;
        show(true);
        // Focus stays on the button; the new results follow the old ones in the list.
      });
      box.hidden = false;
      var q = new URLSearchParams(window.location.search).get("q");
      if (q) input.value = q;
      // Results at every key (filtering the national index takes a few milliseconds); the
      // count waits for typing to pause (show).
      input.addEventListener("input", function () { show(); });
      box.querySelector("form").addEventListener("submit", function (ev) {
        ev.preventDefault();
        show(false, true);
      });
      show(false, true);
    })
    .catch(function () { box.hidden = true; });
})();
