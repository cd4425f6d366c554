// Render every chart on the page from its Vega-Lite spec (a .json file beside the page).
// A spec file holds a `vconcat` of views over shared data; data-view="N" picks view N, so each
// chart has its own slot and fits the width of a phone. Runs on Material's document$, so charts
// appear after instant navigation too. Without JavaScript the page's tables carry the numbers.
(function () {
  var cache = {};

  function load(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + url);
        return r.json();
      });
    }
    return cache[url];
  }

  function pick(spec, view) {
    if (view === undefined || !spec.vconcat) return spec;
    var out = {};
    Object.keys(spec).forEach(function (k) { if (k !== "vconcat") out[k] = spec[k]; });
    var part = spec.vconcat[Number(view)] || {};
    Object.keys(part).forEach(function (k) { out[k] = part[k]; });
    return out;
  }

  function render() {
    document.querySelectorAll("div.vega-chart[data-spec]").forEach(function (el) {
      if (el.dataset.rendered) return;
      el.dataset.rendered = "1";
      var url = new URL(el.getAttribute("data-spec"), window.location.href).href;
      load(url)
        .then(function (spec) {
          return window.vegaEmbed(el, pick(spec, el.dataset.view), { actions: false, renderer: "svg" });
        })
        .catch(function (err) {
          el.textContent = "图表无法显示，请阅读下方表格。";
          console.warn("chart", url, err);
        });
    });
  }

  if (window.document$) { window.document$.subscribe(render); }
  else { document.addEventListener("DOMContentLoaded", render); }
})();
