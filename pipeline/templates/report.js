(function () {
  "use strict";
  var $ = function (s) { return document.querySelector(s); };
  var $$ = function (s) { return Array.prototype.slice.call(document.querySelectorAll(s)); };
  var cards = $$("article.card");
  if (!cards.length) { return; }
  var docSel = $("#f-doc"), famSel = $("#f-family"), statusSel = $("#f-status"), orderSel = $("#f-order");

  function apply() {
    var doc = docSel ? docSel.value : "";
    var sev = {};
    $$("input[name=sev]").forEach(function (i) { sev[i.value] = i.checked; });
    var shown = 0;
    cards.forEach(function (c) {
      var ok = (!doc || c.dataset.doc === doc) && sev[c.dataset.severity] !== false &&
        (!famSel.value || c.dataset.family === famSel.value) && (!statusSel.value || c.dataset.status === statusSel.value);
      c.hidden = !ok;
      if (ok) { shown += 1; }
    });
    $$("section.document").forEach(function (s) { s.hidden = !s.querySelector("article.card:not([hidden])"); });
    $("#f-count").textContent = "显示 " + shown + " / " + cards.length + " 条";
  }

  function order() {
    var byPage = orderSel.value === "page";
    $$("section.document .cards").forEach(function (list) {
      var items = Array.prototype.slice.call(list.children);
      items.sort(function (a, b) {
        return byPage ? a.dataset.position - b.dataset.position : a.dataset.rank - b.dataset.rank;
      });
      items.forEach(function (it) { list.appendChild(it); });
    });
  }

  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) { return; }
    var card = el.closest ? el.closest("article.card") : null;
    if (card && card.hidden) {  // a link to a finding the filters hide: show everything again
      if (docSel) { docSel.value = ""; }
      famSel.value = ""; statusSel.value = "";
      $$("input[name=sev]").forEach(function (i) { i.checked = true; });
      apply();
    }
    el.scrollIntoView({ block: "start" });
  }

  [docSel, famSel, statusSel].forEach(function (s) { if (s) { s.addEventListener("change", apply); } });
  $$("input[name=sev]").forEach(function (i) { i.addEventListener("change", apply); });
  orderSel.addEventListener("change", order);
  window.addEventListener("hashchange", reveal);
  apply();
  reveal();
}());
