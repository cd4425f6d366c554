// The home page's search box hands its words to the header search, whichever engine the site
// uses (Pagefind's panel or Material's search). Without JavaScript, or without a header search,
// the form is submitted as ?q=… like any search form.
(function () {
  var OPENERS = ".pf-search__open, label.md-search__icon[for='__search'], label[for='__search']";
  var INPUTS = ".pf-search__panel input, input.md-search__input";

  function fill(words, tries) {
    var field = document.querySelector(INPUTS);
    if (field && field.offsetParent !== null) {
      field.value = words;
      field.dispatchEvent(new Event("input", { bubbles: true }));
      field.focus();
    } else if (tries > 0) {
      setTimeout(function () { fill(words, tries - 1); }, 100);
    }
  }

  function init() {
    document.querySelectorAll("form.home-search").forEach(function (form) {
      if (form.dataset.ready) return;
      form.dataset.ready = "1";
      form.addEventListener("submit", function (event) {
        var opener = document.querySelector(OPENERS);
        var words = (form.querySelector("input[name=q]") || {}).value || "";
        if (!opener || !words.trim()) return;
        event.preventDefault();
        event.stopPropagation();
        opener.click();
        fill(words.trim(), 50);
      });
    });
  }

  if (window.document$) { window.document$.subscribe(init); }
  else { document.addEventListener("DOMContentLoaded", init); }
})();
