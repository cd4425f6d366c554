// Render every chart on the page from its Vega-Lite spec (a .json file beside the page).
// Runs on Material's document$ so charts appear after instant navigation too.
(function () {
  function render() {
    document.querySelectorAll("div.vega-chart[data-spec]").forEach(function (el) {
      if (el.dataset.rendered) return;
      el.dataset.rendered = "1";
      var url = new URL(el.getAttribute("data-spec"), window.location.href);
      fetch(url)
        .then(function (r) { if (!r.ok) throw new Error(r.status + " " + url); return r.json(); })
        .then(function (spec) { return window.vegaEmbed(el, spec, { actions: false, renderer: "svg" }); })
        .catch(function (err) {
          el.textContent = "图表无法显示，请阅读下方表格。";
          console.warn("chart", url.href, err);
        });
    });
  }
  if (window.document$) { window.document$.subscribe(render); }
  else { document.addEventListener("DOMContentLoaded", render); }
})();
