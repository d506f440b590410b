/*
 * Low-vision settings, applied before the first paint. Loaded synchronously in <head>
 * (a file, not inline, for the Content-Security-Policy), it copies the saved settings
 * to data-lv-* attributes on <html>; assets/css/lowvision.css does the rest.
 * Settings live under one key, in localStorage when the reader chose "remember on this
 * device", otherwise in sessionStorage (assets/js/lowvision.js writes them). This file
 * only reads. Keep it tiny: it blocks rendering.
 */
(function () {
  var root = document.documentElement;
  // Tells the CSS that the header control can be a button that opens the panel.
  root.className += " lv-js";
  var saved = null;
  try {
    saved = JSON.parse(localStorage.getItem("lowvision") || sessionStorage.getItem("lowvision") || "null");
  } catch (error) {
    // Storage blocked or unreadable: the site's default look.
    return;
  }
  if (!saved || typeof saved !== "object") return;
  var names = ["size", "scheme", "images", "letter", "line", "font"];
  for (var i = 0; i < names.length; i++) {
    var value = saved[names[i]];
    // Only short plain words reach the attributes; lowvision.css knows the valid ones.
    if (typeof value === "string" && /^[a-z0-9.]{1,8}$/.test(value)) {
      root.setAttribute("data-lv-" + names[i], value);
    }
  }
})();
