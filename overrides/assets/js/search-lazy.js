/*
 * Search loads when the reader opens it (PERFORMANCE.md). Material requests
 * search/search_index.json (tens of KB) on every page load. This script, loaded just
 * before Material's bundle, holds back that one request until the search toggle opens
 * (the search icon, a click or tap in the search field, or the "/" and "s" keys all
 * open it) or the page was opened from a search result (?h= highlights the words).
 * Every other request passes untouched. Should Material stop using XMLHttpRequest for
 * the index, the index simply loads on page load again: search keeps working.
 */
(function () {
  var INDEX = /\/search\/search_index\.json$/;
  var proto = XMLHttpRequest.prototype;
  var open = proto.open;
  var send = proto.send;
  var held = [];
  var released = /[?&]h=/.test(location.search);

  function release() {
    if (released) return;
    released = true;
    held.splice(0).forEach(function (run) { run(); });
  }

  proto.open = function (method, url) {
    this.searchIndexRequest = INDEX.test(new URL(String(url), location.href).pathname);
    return open.apply(this, arguments);
  };
  proto.send = function () {
    var request = this;
    var args = arguments;
    if (released || !request.searchIndexRequest) return send.apply(request, args);
    held.push(function () { send.apply(request, args); });
  };

  // Material opens search by clicking this checkbox, so a change event always follows.
  var toggle = document.getElementById("__search");
  if (!toggle) return release();
  toggle.addEventListener("change", function () {
    if (toggle.checked) release();
  });
  if (toggle.checked) release();
})();
