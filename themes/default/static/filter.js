// Filters the methodologists list by subject and municipality. Without JavaScript the form stays
// hidden and the page shows everyone, with a page per subject.
(function () {
  "use strict";
  var form = document.getElementById("metodiki-filtrs");
  var list = document.getElementById("metodiki-saraksts");
  var status = document.getElementById("metodiki-skaits");
  if (!form || !list || !status) return;
  var subject = document.getElementById("f-subject");
  var municipality = document.getElementById("f-municipality");
  var people = list.querySelectorAll("li.person");
  function apply() {
    var s = subject.value, m = municipality.value, shown = 0;
    for (var i = 0; i < people.length; i++) {
      var p = people[i];
      var subjects = (p.getAttribute("data-subjects") || "").split(" ");
      var mu = p.getAttribute("data-municipality") || "";
      var ok = (!s || subjects.indexOf(s) >= 0) && (!m || (m === "-" ? mu === "" : mu === m));
      p.hidden = !ok;
      if (ok) shown++;
    }
    var text = shown === 1 ? status.getAttribute("data-one") : status.getAttribute("data-many");
    status.textContent = text.replace("{n}", String(shown));
  }
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  apply();
})();
