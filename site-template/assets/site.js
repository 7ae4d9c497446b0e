// runbook site: copy buttons and the index page's filters and search. Every page
// works without this script; it only adds what needs it.
(function () {
  "use strict";

  // Copy buttons start hidden, as they need script; the script shows them.
  function copyWithTextArea(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "-1000px";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    document.body.removeChild(area);
    return copied;
  }

  // The clipboard API needs a secure context and may still refuse (no focus, no
  // permission); the old way through a selected text area works on file:// and http.
  function copyText(text) {
    var fallback = function () {
      if (!copyWithTextArea(text)) { throw new Error("copy failed"); }
    };
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(fallback);
    }
    return new Promise(function (resolve) { fallback(); resolve(); });
  }

  function announce(button, text) {
    var label = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", label);
    button.textContent = text;
    button.classList.toggle("copied", text === "Copied");
    setTimeout(function () {
      button.textContent = label;
      button.classList.remove("copied");
    }, 1500);
  }

  document.querySelectorAll("button.copy[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.setAttribute("aria-live", "polite");
    button.addEventListener("click", function () {
      copyText(button.getAttribute("data-copy")).then(
        function () { announce(button, "Copied"); },
        function () { announce(button, "Press Ctrl+C"); }
      );
    });
  });

  // Index page: filters by column value and search over the search data.
  var form = document.querySelector("[data-filters]");
  var table = document.querySelector("[data-runbook-table]");
  if (!form || !table) { return; }
  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  var columns = {};
  table.querySelectorAll("thead th").forEach(function (th, index) {
    var key = th.getAttribute("data-filter");
    if (key) { columns[key] = index; }
  });
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var titles = rows.map(function (row) { return row.cells[0].textContent.toLowerCase(); });
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter-key]"));
  var search = form.querySelector("[data-search]");
  var count = form.querySelector("[data-filter-count]");
  var loading = false;

  function cellValue(row, key) {
    var cell = row.cells[columns[key]];
    if (!cell) { return ""; }
    return cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
  }

  // The search data is a script, not JSON: browsers refuse fetch() from file:// pages.
  function loadSearchData() {
    if (window.runbookSearchData || loading || !search) { return; }
    loading = true;
    var script = document.createElement("script");
    script.src = search.getAttribute("data-search-src");
    script.onload = apply;
    document.head.appendChild(script);
  }

  function apply() {
    var words = search ? search.value.toLowerCase().split(/\s+/).filter(Boolean) : [];
    var data = window.runbookSearchData;
    if (words.length && !data) { loadSearchData(); }
    var shown = 0;
    rows.forEach(function (row, index) {
      var visible = selects.every(function (select) {
        return !select.value || cellValue(row, select.getAttribute("data-filter-key")) === select.value;
      });
      if (visible && words.length) {
        var text = data && data[index] !== undefined ? titles[index] + "\n" + data[index] : titles[index];
        visible = words.every(function (word) { return text.indexOf(word) !== -1; });
      }
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    if (count) { count.textContent = shown === rows.length ? "" : shown + " of " + rows.length + " shown"; }
  }

  selects.forEach(function (select) { select.addEventListener("change", apply); });
  if (search) {
    search.addEventListener("input", apply);
    search.addEventListener("focus", loadSearchData, { once: true });
  }
  apply();
})();
