// newsgraph: a little progressive enhancement. Every page works without it.
(function () {
  "use strict";

  // "/" focuses the search box (the page's own, else the top bar's)
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var box = document.querySelector("main input[type=search]") || document.querySelector(".topsearch input");
    if (box) { ev.preventDefault(); box.focus(); box.select(); }
  });

  // article: a quote in the text and its line in the margin light up together
  function linked(n) {
    return document.querySelectorAll('.quote[data-q="' + n + '"], .wq[data-q="' + n + '"]');
  }
  function setActive(n, on) {
    linked(n).forEach(function (el) { el.classList.toggle("active", on); });
  }
  function qOf(el) {
    var host = el && el.closest && el.closest("[data-q]");
    return host ? host.getAttribute("data-q") : null;
  }
  ["mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (ev) {
      var n = qOf(ev.target);
      if (n) setActive(n, true);
    });
  });
  ["mouseout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (ev) {
      var n = qOf(ev.target);
      if (n) setActive(n, false);
    });
  });
  document.addEventListener("click", function (ev) {
    var q = ev.target.closest && ev.target.closest(".text .quote");
    if (!q || ev.target.closest("a")) return;
    var item = document.getElementById("m-" + q.getAttribute("data-q"));
    if (item) item.scrollIntoView({ block: "nearest", behavior: "smooth" });
  });

  // phones: the facets start folded
  if (window.matchMedia && window.matchMedia("(max-width: 760px)").matches) {
    document.querySelectorAll("details.facet-box[open]").forEach(function (d) { d.removeAttribute("open"); });
  }

  // analyze: post in place, keep the text, show the result without a page load
  var form = document.querySelector("form[data-fragment]");
  if (form && window.fetch) {
    var busy = form.querySelector(".busy");
    var area = form.querySelector("textarea");
    area.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); form.requestSubmit(); }
    });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var body = new URLSearchParams();
      body.set("text", area.value);
      body.set("fragment", "1");
      if (busy) busy.hidden = false;
      fetch(form.action, { method: "POST", body: body, headers: { "X-Fragment": "1" } })
        .then(function (r) { return r.text(); })
        .then(function (html) {
          var out = document.getElementById("result");
          out.innerHTML = html;  // server-rendered, every text escaped there
          var first = out.querySelector(".analysis, .warn, .empty");
          if (first) first.scrollIntoView({ block: "start", behavior: "smooth" });
        })
        .catch(function () { form.submit(); })
        .finally(function () { if (busy) busy.hidden = true; });
    });
  }
})();
