/*
 * The site's search (partials/search.html): a button in the header opens a panel below
 * the header; results are plain links to pages in the page's own language.
 *
 * This file is only the button, the panel and the keys, on every page. Nothing else costs
 * anything until the reader opens search: then lunr, the language's pipeline, the search
 * itself (assets/javascripts/lunr/site-search.js) and the language's index (data-scripts,
 * data-index: scripts/build/search_index.py) load as ordinary same-site scripts (so the offline
 * copy, opened from file://, loads them too) and the index is built in the page: no
 * worker, no eval.
 *
 * Leaves no trace: the field has no name and the form never submits, so the words go
 * into no address and no history entry; result links carry no query (Material's
 * search.highlight added ?h=); nothing is stored; and when the page is left the field
 * is emptied and the panel closed, so Back (the back-forward cache) shows no search.
 *
 * Keyboard: the button opens the panel and puts focus in the field; arrow keys move
 * between the field and the results, Tab goes through them in order; Escape closes the
 * panel and returns focus to the button. Focus leaving the panel, or a click outside
 * it, closes it (the click goes on to what was clicked: the quick exit works as ever).
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-site-search]");
  if (!root) return;
  var toggle = root.querySelector("[data-site-search-toggle]");
  var panel = root.querySelector("[data-site-search-panel]");
  var form = root.querySelector("[data-site-search-form]");
  var input = root.querySelector("[data-site-search-input]");
  var clear = root.querySelector("[data-site-search-clear]");
  var close = root.querySelector("[data-site-search-close]");
  var status = root.querySelector("[data-site-search-status]");
  var list = root.querySelector("[data-site-search-results]");
  var lang = document.documentElement.getAttribute("lang") || "en";

  var engine = null; // once loaded: assets/javascripts/lunr/site-search.js
  var loading = null; // the promise of the engine
  var statusTimer = 0;

  // ---- Loading, on first open -----------------------------------------------------------

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("search: could not load " + src)); };
      document.head.appendChild(script);
    });
  }

  function load() {
    if (loading) return loading;
    var scripts = (root.getAttribute("data-scripts") || "").split(" ").filter(Boolean);
    var indexUrl = new URL(root.getAttribute("data-index"), document.baseURI).href;
    var chain = Promise.resolve();
    // In order: each language file extends lunr, which must be there first.
    scripts.concat([indexUrl]).forEach(function (src) {
      chain = chain.then(function () { return loadScript(src); });
    });
    loading = chain.then(function () {
      var data = window.siteSearchIndex;
      window.siteSearchIndex = undefined;
      if (!data || !data.docs) throw new Error("search: the index did not load");
      // Addresses in the index are relative to the site root, the folder above search/.
      engine = window.siteSearchEngine(data.docs, new URL("../", indexUrl), lang);
      return engine;
    });
    loading.catch(function () {
      loading = null; // a later open tries again
      setStatus(root.getAttribute("data-failed"), true);
    });
    return loading;
  }

  function setStatus(text, now) {
    clearTimeout(statusTimer);
    // Typing changes the results at every letter; the count is announced once typing pauses.
    if (now) status.textContent = text;
    else statusTimer = setTimeout(function () { status.textContent = text; }, 400);
  }

  function show() {
    var query = input.value;
    clear.hidden = query === "";
    list.textContent = "";
    if (!query.trim()) {
      setStatus("", true);
      return;
    }
    if (!engine) {
      setStatus(root.getAttribute("data-loading"), true);
      load().then(show, function () {});
      return;
    }
    var results = engine.results(query);
    results.forEach(function (result) { list.appendChild(result); });
    setStatus(results.length ? root.getAttribute("data-count").replace("{count}", results.length) : root.getAttribute("data-none"));
  }

  // ---- Opening, closing, keys -------------------------------------------------------------------

  function isOpen() {
    return !panel.hidden;
  }

  // The panel scrolls within what is left of the screen below the header.
  function fit() {
    if (!isOpen()) return;
    var top = panel.getBoundingClientRect().top;
    panel.style.maxHeight = Math.max(160, window.innerHeight - Math.max(top, 0) - 8) + "px";
  }

  function open() {
    panel.hidden = false;
    toggle.setAttribute("aria-expanded", "true");
    fit();
    input.focus();
    load().then(function () { if (input.value && !list.firstChild) show(); }, function () {});
  }

  function shut(returnFocus) {
    if (!isOpen()) return;
    panel.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
    if (returnFocus) toggle.focus();
  }

  // Empty and closed: what Back (or anyone picking up the phone) finds.
  function forget() {
    shut(false);
    input.value = "";
    list.textContent = "";
    clear.hidden = true;
    setStatus("", true);
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  toggle.addEventListener("click", function () {
    if (isOpen()) shut(true);
    else open();
  });
  close.addEventListener("click", function () { shut(true); });
  clear.addEventListener("click", function () {
    input.value = "";
    show();
    input.focus();
  });
  input.addEventListener("input", show);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) first.focus();
  });
  list.addEventListener("click", function (event) {
    if (event.target.closest("a")) shut(false);
  });

  panel.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var stops = [input].concat(links());
    var at = stops.indexOf(document.activeElement);
    if (at === -1) return;
    var next = at + (event.key === "ArrowDown" ? 1 : -1);
    if (next < 0 || next >= stops.length) return;
    event.preventDefault();
    stops[next].focus();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && isOpen()) shut(true);
  });
  document.addEventListener("click", function (event) {
    if (isOpen() && !root.contains(event.target)) shut(false);
  });
  root.addEventListener("focusout", function (event) {
    if (isOpen() && event.relatedTarget && !root.contains(event.relatedTarget)) shut(false);
  });
  window.addEventListener("resize", fit);
  window.addEventListener("pagehide", forget);
  // For tests and tools: the button works from now on (a tap before this script ran did nothing).
  root.setAttribute("data-site-search-ready", "");
})();
