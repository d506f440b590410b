/*
 * The site's search itself, loaded with lunr when a reader first opens search
 * (assets/js/search.js has the button, the panel and the keys). It builds the lunr index
 * of the page's language from that language's index file (scripts/build/search_index.py) and
 * turns a query into result items: plain links (no query in them), the section's page,
 * and an excerpt with the matched words marked.
 *
 * Each language compares text in its own way, for the index and the query alike:
 * Azerbaijani with lunr.az.js (case folding and suffix rules), Russian with
 * lunr-languages' stemmer, English with lunr's own.
 */
(function () {
  "use strict";
  var EXCERPT_LENGTH = 160;
  var engine = null; // {index, docs, language}: one page, one language

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

  // The search of one language's pages: .results(query) gives the result items, best first.
  window.siteSearchEngine = function (docs, siteRoot, lang) {
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
    engine = { index: index, docs: docs, language: chosen };
    return {
      results: function (query) { return find(query).map(item); }
    };
  };

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
})();
