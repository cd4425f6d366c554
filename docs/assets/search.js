/* Header search with Pagefind's Default UI (overrides/partials/search.html, generator/search.py).
   The index holds every Han character as its own word, so a Chinese query is searched as an exact
   phrase of single characters: 桦川县悦来镇 -> "桦 川 县 悦 来 镇". Pagefind scores every phrase
   match alike, so results are sorted by the page's rank (data-pagefind-sort in generator/search.py):
   regions and towns, then other named pages, then hand-written pages, then reports. Nothing is
   fetched before the search is opened, and nothing from any other host. */
(function () {
  "use strict";
  var root = document.querySelector(".pf-search");
  if (!root || root.getAttribute("data-ready")) return;
  root.setAttribute("data-ready", "1");
  var base = new URL(root.getAttribute("data-pf-base").replace(/\/?$/, "/"), location.href);
  var bundle = new URL("pagefind/", base).href;
  var button = root.querySelector(".pf-search__open");
  var panel = root.querySelector(".pf-search__panel");
  var TOKEN = /[\u3400-\u9fff\uf900-\ufaff]|[^\s\u3400-\u9fff\uf900-\ufaff"“”'‘’，。、；：？！,.;:?!()（）]+/g;
  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
  var ui = null;
  var pending = null;

  /* The query as the index spells it: Chinese as one phrase of single characters. */
  function phrase(term) {
    if (!HAN.test(term)) return term;
    var tokens = term.match(TOKEN) || [];
    return tokens.length ? '"' + tokens.join(" ") + '"' : term;
  }

  /* Results without the U+200B the index put between characters. */
  function clean(result) {
    var zwsp = /\u200b/g;
    result.excerpt = (result.excerpt || "").replace(zwsp, "");
    if (result.meta && result.meta.title) result.meta.title = result.meta.title.replace(zwsp, "");
    (result.sub_results || []).forEach(function (s) {
      s.excerpt = (s.excerpt || "").replace(zwsp, "");
      s.title = (s.title || "").replace(zwsp, "");
    });
    return result;
  }

  /* Big sites are indexed in shards (generator/search.py); pagefind/shards.json lists the others. */
  function shards() {
    return fetch(bundle + "shards.json")
      .then(function (r) { return r.ok ? r.json() : []; })
      .catch(function () { return []; })
      .then(function (dirs) {
        return dirs.map(function (dir) {
          return { bundlePath: new URL(dir, base).href, baseUrl: base.pathname };
        });
      });
  }

  function load() {
    if (!pending) pending = shards().then(start);
    return pending;
  }

  function start(merge) {
    return new Promise(function (resolve, reject) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = bundle + "pagefind-ui.css";
      document.head.appendChild(css);
      var js = document.createElement("script");
      js.src = bundle + "pagefind-ui.js";
      js.onload = function () {
        ui = new window.PagefindUI({
          element: "#pf-search-ui",
          bundlePath: bundle,
          baseUrl: base.pathname,
          mergeIndex: merge,
          showSubResults: false,
          showImages: false,
          resetStyles: false,
          pageSize: 10,
          excerptLength: 40,
          processTerm: phrase,
          sort: { rank: "asc" },
          processResult: clean,
          translations: { placeholder: "搜索乡镇、县或报告内容" },
        });
        resolve(ui);
      };
      js.onerror = reject;
      document.head.appendChild(js);
    });
  }

  function input() {
    return panel.querySelector("input");
  }

  function open() {
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    load().then(function () {
      var field = input();
      if (field) field.focus();
    });
  }

  function close() {
    if (panel.hidden) return;
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
  }

  button.addEventListener("click", function () {
    if (panel.hidden) open();
    else close();
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test((event.target && event.target.tagName) || "");
    if (event.key === "Escape") close();
    else if (event.key === "/" && !typing && panel.hidden) {
      event.preventDefault();
      open();
    }
  });
  document.addEventListener("click", function (event) {
    if (!root.contains(event.target)) close();
  });
  /* Material's instant navigation: close the panel when a result (or any link) opens a page. */
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(close);
  panel.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("a[href]")) setTimeout(close, 0);
  });
})();
