/*
 * The site's search (partials/search.html): a button in the header opens a panel below
 * the header; results are plain links to pages in the page's own language.
 *
 * Nothing costs anything until the reader opens search: then lunr, the language's
 * pipeline and the language's index (data-scripts, data-index: scripts/search_index.py)
 * load as ordinary same-site scripts (so the offline copy, opened from file://, loads
 * them too) and the index is built here, in the page: no worker, no eval.
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
  var EXCERPT_LENGTH = 160;

  var engine = null; // {index, docs, language} once built
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
      engine = build(data.docs, new URL("../", indexUrl));
      return engine;
    });
    loading.catch(function () {
      loading = null; // a later open tries again
      setStatus(root.getAttribute("data-failed"), true);
    });
    return loading;
  }

  // ---- Languages --------------------------------------------------------------------------

  // Letters and digits of Latin (ə included), Greek and Cyrillic script; what is around a
  // word goes (lunr's own trimmer would cut ı or ə, which its \W counts as non-letters).
  var EDGES = /^[^0-9A-Za-z\u00C0-\u02AF\u0370-\u052F]+|[^0-9A-Za-z\u00C0-\u02AF\u0370-\u052F]+$/g;

  function isEdge(character) {
    return character.replace(EDGES, "") === "";
  }

  function trimmer(token) {
    var word = token.toString().replace(EDGES, "");
    return word ? token.update(function () { return word; }) : null;
  }

  // Lower case that keeps one letter for one (match positions stay valid): a capital İ
  // in an English or Russian text becomes i, not i + a combining dot.
  function lower(text) {
    return String(text).replace(/İ/g, "i").toLowerCase();
  }

  // What each language compares (normalise) and how it stems, for the index and the
  // query alike. Azerbaijani: lunr.az.js; Russian: lunr-languages; English: lunr's own.
  function language(code) {
    if (code === "az" && lunr.az) {
      return { normalise: lunr.az.normalise, index: [trimmer, lunr.az.stemmer], query: [trimmer, lunr.az.stemmer] };
    }
    if (code === "ru" && lunr.ru) {
      return {
        normalise: function (text) { return lower(text).replace(/ё/g, "е"); },
        index: [trimmer, lunr.ru.stopWordFilter, lunr.ru.stemmer],
        query: [trimmer, lunr.ru.stemmer]
      };
    }
    return { normalise: lower, index: [trimmer, lunr.stopWordFilter, lunr.stemmer], query: [trimmer, lunr.stemmer] };
  }

  function build(docs, siteRoot) {
    lunr.Pipeline.registerFunction(trimmer, "trimmer-site");
    lunr.tokenizer.separator = /[\s\-\u2010-\u2015\/]+/;
    var chosen = language(lang);
    var index = lunr(function () {
      var builder = this;
      builder.ref("id");
      builder.field("title", { boost: 10 });
      builder.field("text");
      builder.metadataWhitelist = ["position"];
      builder.pipeline.reset();
      builder.searchPipeline.reset();
      chosen.index.forEach(function (step) { builder.pipeline.add(step); });
      chosen.query.forEach(function (step) { builder.searchPipeline.add(step); });
      docs.forEach(function (doc, id) {
        builder.add({ id: String(id), title: chosen.normalise(doc.t), text: chosen.normalise(doc.x) });
      });
    });
    docs.forEach(function (doc) { doc.href = new URL(doc.l, siteRoot).href; });
    return { index: index, docs: docs, language: chosen };
  }

  // ---- Searching ----------------------------------------------------------------------------

  function terms(query) {
    return lunr.tokenizer(engine.language.normalise(query))
      .map(function (token) { return token.toString().replace(EDGES, "").split("*").join(""); })
      .filter(Boolean);
  }

  function find(query) {
    var words = terms(query);
    if (!words.length) return [];
    return engine.index.query(function (q) {
      words.forEach(function (word, n) {
        q.term(word, { boost: 10 });
        // The word being typed also counts as the start of a longer one.
        if (n === words.length - 1 && word.length > 1) {
          q.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
        }
      });
    });
  }

  // Where the match is in the text: [start, length] pairs, in order, without overlaps.
  function textPositions(result) {
    var found = [];
    var metadata = result.matchData.metadata;
    Object.keys(metadata).forEach(function (term) {
      var field = metadata[term].text;
      if (field && field.position) found = found.concat(field.position);
    });
    found.sort(function (a, b) { return a[0] - b[0]; });
    return found.filter(function (position, n) {
      return n === 0 || position[0] >= found[n - 1][0] + found[n - 1][1];
    });
  }

  // A window of the text around the first match, whole words, the matches marked.
  function excerpt(text, positions) {
    var start = 0;
    if (positions.length) {
      start = Math.max(0, positions[0][0] - 40);
      if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    }
    var end = Math.min(text.length, start + EXCERPT_LENGTH);
    if (end < text.length) end = text.indexOf(" ", end) === -1 ? text.length : text.indexOf(" ", end);
    var paragraph = document.createElement("p");
    paragraph.className = "site-search__excerpt";
    var at = start;
    if (start > 0) paragraph.appendChild(document.createTextNode("… "));
    positions.forEach(function (position) {
      var from = position[0];
      var to = position[0] + position[1];
      // A token's span includes the punctuation around the word: mark the word alone.
      while (from < to && isEdge(text[from])) from++;
      while (to > from && isEdge(text[to - 1])) to--;
      if (from < at || to > end || from === to) return;
      paragraph.appendChild(document.createTextNode(text.slice(at, from)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(from, to);
      paragraph.appendChild(mark);
      at = to;
    });
    paragraph.appendChild(document.createTextNode(text.slice(at, end) + (end < text.length ? " …" : "")));
    return paragraph;
  }

  function item(result) {
    var doc = engine.docs[Number(result.ref)];
    var li = document.createElement("li");
    li.className = "site-search__result";
    var link = document.createElement("a");
    link.className = "site-search__link";
    link.href = doc.href;
    var title = document.createElement("span");
    title.className = "site-search__title";
    title.textContent = doc.t;
    link.appendChild(title);
    if (doc.p) {
      var page = document.createElement("span");
      page.className = "site-search__page";
      page.textContent = doc.p;
      link.appendChild(page);
    }
    li.appendChild(link);
    if (doc.x) li.appendChild(excerpt(doc.x, textPositions(result)));
    return li;
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
    var results = find(query);
    results.forEach(function (result) { list.appendChild(item(result)); });
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
})();
