// Sortable, filterable tables (progressive enhancement, no libraries).
// A generated page puts <div class="table-tools" data-filter-columns="0,1,2"></div> right before
// a plain Markdown table. This script adds, in that div, one drop-down per listed column (省份,
// 地市, 县; each narrowed by the ones before it) and a name filter, and makes every header sort
// its column (numbers as numbers, "—" last). Without JavaScript the table reads as it is.
(function () {
  var collator = new Intl.Collator("zh-CN");

  function tableAfter(tools) {
    for (var el = tools.nextElementSibling; el; el = el.nextElementSibling) {
      if (el.tagName === "TABLE") return el;
      var inner = el.querySelector && el.querySelector("table");
      if (inner) return inner;
    }
    return null;
  }

  function cellText(row, i) {
    var cell = row.cells[i];
    return cell ? cell.textContent.trim() : "";
  }

  function number(text) {
    var m = text.replace(/[,，\s]/g, "").match(/^[✗✓]?\s*(-?\d+(?:\.\d+)?)/);
    return m ? parseFloat(m[1]) : null;
  }

  function enhance(tools) {
    if (tools.dataset.ready) return;
    var table = tableAfter(tools);
    if (!table || !table.tBodies.length) return;
    tools.dataset.ready = "1";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var columns = (tools.dataset.filterColumns || "").split(",").filter(Boolean).map(Number);
    var selects = [];
    var count = document.createElement("span");
    count.className = "table-tools__count";
    count.setAttribute("aria-live", "polite");

    var search = document.createElement("input");
    search.type = "search";
    search.placeholder = "按名称筛选";
    search.setAttribute("aria-label", "按名称筛选");

    function matches(row, upto) {
      for (var k = 0; k < upto; k++) {
        var v = selects[k].value;
        if (v && cellText(row, columns[k]) !== v) return false;
      }
      return true;
    }

    function fill(k) {
      var select = selects[k], keep = select.value, seen = {};
      rows.forEach(function (row) { if (matches(row, k)) seen[cellText(row, columns[k])] = true; });
      var values = Object.keys(seen).sort(collator.compare);
      select.length = 1;
      values.forEach(function (v) { select.add(new Option(v, v)); });
      select.value = seen[keep] ? keep : "";
    }

    function apply() {
      for (var k = 1; k < selects.length; k++) fill(k);
      var words = search.value.trim();
      var shown = 0;
      rows.forEach(function (row) {
        var ok = matches(row, selects.length) && (!words || row.textContent.indexOf(words) >= 0);
        row.hidden = !ok;
        if (ok) shown++;
      });
      count.textContent = "显示 " + shown + " / " + rows.length + " 行";
    }

    columns.forEach(function (c, k) {
      var label = document.createElement("label");
      var select = document.createElement("select");
      select.add(new Option("全部" + heads[c].textContent.trim().replace(/（.*）/, ""), ""));
      select.addEventListener("change", apply);
      label.appendChild(select);
      tools.appendChild(label);
      selects.push(select);
      if (k === 0) fill(0);
    });
    search.addEventListener("input", apply);
    tools.appendChild(search);
    tools.appendChild(count);

    heads.forEach(function (th, i) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        heads.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", dir);
        var sign = dir === "ascending" ? 1 : -1;
        rows.sort(function (a, b) {
          var x = cellText(a, i), y = cellText(b, i), nx = number(x), ny = number(y);
          if (nx !== null || ny !== null) {
            if (nx === null) return 1;  // "—" (not given) always last
            if (ny === null) return -1;
            return (nx - ny) * sign;
          }
          return collator.compare(x, y) * sign;
        });
        var sorted = document.createDocumentFragment();
        rows.forEach(function (row) { sorted.appendChild(row); });
        body.appendChild(sorted);
      });
    });
    apply();
  }

  function init() { document.querySelectorAll("div.table-tools").forEach(enhance); }
  if (window.document$) { window.document$.subscribe(init); }
  else { document.addEventListener("DOMContentLoaded", init); }
})();
