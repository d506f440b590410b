/*
 * The search worker Material starts on every page load, made lazy (PERFORMANCE.md).
 * This stand-in costs a few hundred bytes; the real worker (search-az.js, which loads
 * Material's worker and, through it, lunr's language files) is fetched only when the
 * first message arrives: the search index, which the page sends once the reader opens
 * search (assets/js/search-lazy.js). It lives beside the real worker because that
 * worker finds lunr's files relative to the worker script's address.
 *
 * Messages that arrive before the real worker listens are held, and handed to its
 * listener once it registers one. That works whether importScripts loads at once (a
 * real worker) or later (the offline copy runs workers in an iframe, scripts/offline.py).
 */
(function () {
  var held = [];
  var listen = self.addEventListener;

  self.addEventListener = function (type, listener, options) {
    listen.call(self, type, listener, options);
    if (type !== "message" || !held) return;
    var early = held;
    held = null;
    self.addEventListener = listen;
    // After the real worker's script has finished running, as for any message.
    setTimeout(function () {
      early.forEach(function (event) {
        if (typeof listener === "function") listener.call(self, event);
        else listener.handleEvent(event);
      });
    }, 0);
  };

  listen.call(self, "message", function (event) {
    if (!held) return; // the real worker listens now
    held.push(event);
    if (held.length === 1) importScripts(beside("search-az.js"));
  });

  // In the iframe, a relative address would resolve against the page, not this script:
  // find this script's own address, as Material's worker does for lunr's files.
  function beside(name) {
    if (typeof parent === "undefined" || !("IFrameWorker" in parent)) return name;
    var own = document.querySelector("script[src]").src;
    return own.replace(/[?#].*$/, "").replace(/[^/]*$/, "") + name;
  }
})();
