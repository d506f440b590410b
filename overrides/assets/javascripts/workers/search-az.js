/*
 * Search worker wrapper. lunr lower-cases with String.prototype.toLowerCase, which
 * turns the Azerbaijani capital "İ" into "i" + U+0307 (combining dot), so a typed
 * "insan" would never match "İnsan". Fold "İ" to "I" first, then load Material's
 * own worker unchanged. It lives beside that worker because the worker finds lunr relative to itself;
 * its path is set in overrides/main.html.
 */
(function () {
  var lower = String.prototype.toLowerCase;
  String.prototype.toLowerCase = function () {
    return lower.call(String(this).replace(/\u0130/g, "I"));
  };
})();
// In a worker, importScripts loads at once and relative to the worker. In the offline copy
// (file://, scripts/offline.py) this runs in an iframe (iframe-worker), where it loads later and
// relative to the page: so the file is named from this script's own address, and search-lazy.js
// waits for the promise.
self.searchWorkerReady = importScripts(
  new URL("search.a7633da7.min.js", self.document ? document.currentScript.src : self.location.href).href
);
