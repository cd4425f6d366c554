/* Header search on Pagefind's JS API (overrides/partials/search.html, generator/search.py).
   Our own small UI, not Pagefind's Default UI: that was 134 KB of a first search's ≈ 1 MB budget.
   The index holds every Han character as its own word, so a Chinese query is searched as an exact
   phrase of single characters: 桦川县悦来镇 -> "桦 川 县 悦 来 镇". Every character costs one index
   chunk per shard, so a long Chinese query looks up only its WINDOW rarest consecutive characters
   (rarity from pagefind/chars.json, written at build time) and keeps the pages whose text holds the
   whole query: the results stay exact. Pagefind scores every phrase match alike, so results are
   sorted by the page's rank (data-pagefind-sort): regions and towns, then other named pages, then
   hand-written pages, then reports, newest first. Nothing is fetched before the search is opened,
   nothing from any other host, and result text is only ever set as text (it is data, not markup). */
(function () {
  "use strict";
  var root = document.querySelector(".pf-search");
  if (!root || root.getAttribute("data-ready")) return;
  root.setAttribute("data-ready", "1");
  var base = new URL(root.getAttribute("data-pf-base").replace(/\/?$/, "/"), location.href);
  var bundle = new URL("pagefind/", base).href;
  var button = root.querySelector(".pf-search__open");
  var panel = root.querySelector(".pf-search__panel");
  var field = root.querySelector(".pf-search__input");
  var status = root.querySelector(".pf-search__status");
  var list = root.querySelector(".pf-search__results");
  var more = root.querySelector(".pf-search__more");
  var TOKEN = /[\u3400-\u9fff\uf900-\ufaff]|[^\s\u3400-\u9fff\uf900-\ufaff"“”'‘’，。、；：？！,.;:?!()（）]+/g;
  var HAN = /^[\u3400-\u9fff\uf900-\ufaff]$/;
  var WINDOW = 4; // characters looked up for a long Chinese query: 4 index chunks per shard
  var PAGE = 10; // results shown at a time
  var DEBOUNCE = 100; // ms after the last of quick keystrokes
  var GAP = "[^\\p{L}\\p{N}]{0,3}"; // between two words of a phrase: no letter or digit
  var pending = null;
  var rarity = null;
  var current = null; // the search on screen: {query, needle, verify, candidates, next, shown}
  var seq = 0;
  var timer = 0;
  var lastInput = 0; // Date.now() of the last change in the field
  var searched = ""; // the words of the last search run

  /* ---- loading ------------------------------------------------------------------------------ */

  function json(url, fallback) {
    return fetch(url)
      .then(function (r) { return r.ok ? r.json() : fallback; })
      .catch(function () { return fallback; });
  }

  /* pagefind.js and its index; big sites are indexed in shards, listed in pagefind/shards.json. */
  function load() {
    if (pending) return pending;
    pending = Promise.all([import(bundle + "pagefind.js"), json(bundle + "shards.json", [])]).then(
      function (got) {
        var pf = got[0];
        // noWorker: the worker script is 41 KB more for the first search; a search is short work
        return pf
          .options({ bundlePath: bundle, baseUrl: base.pathname, excerptLength: 40, noWorker: true })
          .then(function () {
            pf.init(); // the index's metadata and wasm load while the user types
            return Promise.all(
              got[1].map(function (dir) {
                return pf.mergeIndex(new URL(dir, base).href, { baseUrl: base.pathname, noWorker: true });
              })
            );
          })
          .then(function () { return pf; });
      }
    );
    return pending;
  }

  /* How common each character is: {pages, step, levels: [the commonest characters, the next, …]},
     a level 2**step times rarer than the one before (generator/search.py, char_levels). */
  function loadRarity() {
    if (!rarity) {
      rarity = json(bundle + "chars.json", { levels: [] });
    }
    return rarity;
  }

  /* ---- the query ---------------------------------------------------------------------------- */

  function escapeRx(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  /* What to ask Pagefind and how to check a page: term, the tokens, and whether results must be
     checked against the whole query (a long Chinese query searched by a window of it). */
  function plan(query, table) {
    var tokens = query.match(TOKEN) || [];
    var allHan = tokens.length > 0 && tokens.every(function (t) { return HAN.test(t); });
    var words = tokens;
    if (allHan && tokens.length > WINDOW) words = rarest(tokens, table);
    var term = tokens.some(function (t) { return HAN.test(t); }) ? '"' + words.join(" ") + '"' : query;
    // as Pagefind matches a phrase: words in a row, whatever spaces or punctuation between them
    // (the ". " it puts between blocks, the space a PDF left inside a line, a comma typed or not)
    var needle = tokens.length ? new RegExp(tokens.map(escapeRx).join(GAP), "iu") : null;
    return { term: term, needle: needle, verify: words.length < tokens.length };
  }

  /* The WINDOW consecutive characters that are the least common together (the smallest index
     chunks, the least work for the phrase search); the first such window on a tie. */
  function rarest(chars, table) {
    var levels = (table && table.levels) || [];
    var step = (table && table.step) || 1;
    function weight(c) { // about how often the character is in the index
      for (var i = 0; i < levels.length; i++) if (levels[i].indexOf(c) >= 0) return Math.pow(2, -i * step);
      return Math.pow(2, -levels.length * step);
    }
    var best = 0;
    var bestScore = Infinity;
    for (var s = 0; s + WINDOW <= chars.length; s++) {
      var score = 0;
      for (var k = s; k < s + WINDOW; k++) score += weight(chars[k]);
      if (score < bestScore) { best = s; bestScore = score; }
    }
    return chars.slice(best, best + WINDOW);
  }

  function needsRarity(query) {
    var tokens = query.match(TOKEN) || [];
    return tokens.length > WINDOW && tokens.every(function (t) { return HAN.test(t); });
  }

  /* ---- results ------------------------------------------------------------------------------ */

  function text(tag, cls, value) {
    var el = document.createElement(tag);
    if (cls) el.className = cls;
    if (value) el.textContent = value;
    return el;
  }

  /* Where the page's own text starts: after its title and its place, which the result already
     shows (the shadow page begins with both, generator/search.py). */
  function bodyStart(content, title, place) {
    var from = title && content.indexOf(title) === 0 ? title.length : 0;
    var run = (place || "").split(" › ").join("");
    var at = run ? content.indexOf(run, from) : -1;
    return at >= 0 && at <= from + 3 ? at + run.length : from;
  }

  /* The page's text around the first match, with the match marked (built as text nodes): in the
     page's own text if it is there, else in its title and place. */
  function excerpt(content, needle, from) {
    var p = text("p", "pf-search__excerpt");
    var found = needle ? needle.exec(content.slice(from)) : null;
    if (found) found.index += from;
    else {
      found = needle ? needle.exec(content) : null;
      from = 0;
    }
    if (!found) {
      p.textContent = content.slice(0, 80) + (content.length > 80 ? "…" : "");
      return p;
    }
    var start = Math.max(from, found.index - 24);
    var cut = start > from;
    while (start < found.index && /[.\s]/.test(content.charAt(start))) start++; // the ". " after the place
    var end = Math.min(content.length, found.index + found[0].length + 48);
    p.appendChild(document.createTextNode((cut ? "…" : "") + content.slice(start, found.index)));
    p.appendChild(text("mark", "", found[0]));
    p.appendChild(document.createTextNode(content.slice(found.index + found[0].length, end) + (end < content.length ? "…" : "")));
    return p;
  }

  function item(data, needle) {
    var li = text("li", "pf-search__result");
    var title = ((data.meta && data.meta.title) || data.url).replace(/\u200b/g, "");
    var link = text("a", "pf-search__link", title);
    link.href = data.url;
    li.appendChild(link);
    var place = data.meta && data.meta.place;
    if (place) li.appendChild(text("p", "pf-search__place", place));
    li.appendChild(excerpt(data.content, needle, bodyStart(data.content, title, place)));
    return li;
  }

  function say(message) {
    status.textContent = message;
  }

  /* The results on screen are not (yet) those of the words in the field. */
  function unsettled() {
    ["data-results", "data-candidates", "data-complete"].forEach(function (a) { status.removeAttribute(a); });
  }

  /* The count: exact, or for a checked search while candidates are left, the results so far and
     how many candidates were read. data-results and data-candidates are for scripts and tests. */
  function summary(s) {
    var complete = !s.verify || s.next >= s.candidates.length;
    var total = s.verify ? s.shown : s.candidates.length;
    status.setAttribute("data-results", String(total));
    status.setAttribute("data-candidates", String(s.candidates.length));
    status.setAttribute("data-complete", String(complete));
    if (complete) say(total ? "找到 " + total + " 个结果" : "没有找到含“" + s.query + "”的页面");
    else say("已找到 " + total + " 个结果（已核对 " + s.next + " / " + s.candidates.length + " 个候选页面）");
    more.hidden = s.next >= s.candidates.length;
  }

  /* Show the next PAGE results: their data is fetched together and each is shown, in order, as
     soon as it and those before it are in. A checked search reads further until PAGE pages hold
     the whole query (or every candidate has been read). */
  function showMore(s) {
    if (s.busy) return Promise.resolve();
    s.busy = true;
    more.hidden = true;
    var target = s.shown + PAGE;
    function batch() {
      if (s !== current || s.shown >= target || s.next >= s.candidates.length) {
        s.busy = false;
        if (s === current) summary(s);
        return Promise.resolve();
      }
      var from = s.next;
      var slice = s.candidates.slice(from, from + (s.verify ? PAGE : target - s.shown));
      s.next += slice.length;
      var chain = Promise.resolve();
      slice.map(function (r) { return r.data(); }).forEach(function (loading, k) {
        chain = chain.then(function () { return loading; }).then(function (data) {
          if (s !== current) return;
          if (s.shown >= target) { // enough shown: the rest of this batch is read again next time
            s.next = Math.min(s.next, from + k);
            return;
          }
          data.content = (data.content || "").replace(/\u200b/g, "");
          if (s.verify && !s.needle.test(data.content)) return;
          list.appendChild(item(data, s.needle));
          s.shown += 1;
        });
      });
      return chain.then(batch);
    }
    return batch();
  }

  function run(query) {
    var mine = ++seq;
    query = query.trim();
    searched = query;
    list.textContent = "";
    more.hidden = true;
    current = null;
    unsettled();
    if (!query) {
      say("");
      return;
    }
    say("正在搜索…");
    var table = needsRarity(query) ? loadRarity() : Promise.resolve(null);
    Promise.all([load(), table])
      .then(function (got) {
        if (mine !== seq) return null;
        var p = plan(query, got[1]);
        return got[0].search(p.term, { sort: { rank: "asc" } }).then(function (found) {
          if (mine !== seq) return;
          current = { query: query, needle: p.needle, verify: p.verify, candidates: found.results, next: 0, shown: 0 };
          return showMore(current);
        });
      })
      .catch(function () {
        pending = null; // tried again on the next change
        searched = "";
        if (mine === seq) say("搜索暂时不可用");
      });
  }

  /* ---- the panel ------------------------------------------------------------------------------ */

  function open() {
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    field.focus();
    load();
    loadRarity(); // a few KB; a long query needs it before its first index chunk
  }

  function close() {
    if (panel.hidden) return;
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a.pf-search__link"));
  }

  /* The first change after a pause (a pasted query, a word the input method committed) is
     searched at once; changes in quick succession (typing letters) DEBOUNCE ms after the last.
     The index chunks start loading at once either way. */
  function typed() {
    var query = field.value.trim();
    if (query === searched) return; // the same words (an input method reports a word twice)
    unsettled();
    clearTimeout(timer);
    var now = Date.now();
    var pause = now - lastInput > DEBOUNCE;
    lastInput = now;
    if (pause) return run(query);
    timer = setTimeout(function () { run(field.value); }, DEBOUNCE);
    if (!query) return;
    Promise.all([load(), needsRarity(query) ? loadRarity() : null]).then(function (got) {
      if (field.value.trim() === query) got[0].preload(plan(query, got[1]).term);
    });
  }

  field.addEventListener("input", function (event) {
    if (!event.isComposing) typed(); // not while an input method is still composing characters
  });
  field.addEventListener("compositionend", typed);
  /* Enter runs the search at once; the arrow keys move between the input and the result links. */
  field.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.isComposing) {
      event.preventDefault();
      clearTimeout(timer);
      if (field.value.trim() !== searched) run(field.value);
    } else if (event.key === "ArrowDown" && links().length) {
      event.preventDefault();
      links()[0].focus();
    }
  });
  list.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (at < 0) return;
    if (event.key === "ArrowDown" && at + 1 < all.length) {
      event.preventDefault();
      all[at + 1].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      (at > 0 ? all[at - 1] : field).focus();
    }
  });
  more.addEventListener("click", function () {
    if (current) showMore(current);
  });
  button.addEventListener("click", function () {
    if (panel.hidden) open();
    else close();
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test((event.target && event.target.tagName) || "");
    if (event.key === "Escape" && !panel.hidden) {
      close();
      button.focus();
    } else if (event.key === "/" && !typing && panel.hidden) {
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
