/*
 * Quick exit, before the first paint. Loaded synchronously in <head> (a file, not
 * inline, for the Content-Security-Policy), so that nothing of the page shows or moves:
 * - "js" instead of Material's "no-js" on <html>: JavaScript runs, so the first-visit
 *   notice may show (the CSS shows it from the first paint, never inserted after load) and
 *   Material's search control is there from the first paint (Material's bundle, which used
 *   to swap the two classes after the first paint and move the header's buttons, loads
 *   only with search now);
 * - "safety-notice-dismissed": the reader hid that notice in this tab;
 * - "quick-exit-covered": the reader left this site with the quick exit in this tab, and
 *   has now come back (Back, Forward, a reload, any page of the site): the page stays
 *   behind a neutral cover, untitled, until the cover's button is pressed
 *   (assets/js/quick-exit.js writes and clears both flags, in sessionStorage).
 * Keep it tiny: it blocks rendering.
 */
(function () {
  var root = document.documentElement;
  root.className = root.className.replace(/(^|\s)no-js(\s|$)/, "$1$2") + " js";
  try {
    if (sessionStorage.getItem("safety-notice-dismissed") === "1") root.className += " safety-notice-dismissed";
    if (sessionStorage.getItem("quick-exit-used") !== "1") return;
  } catch (error) {
    // Storage blocked: nothing was remembered.
    return;
  }
  root.className += " quick-exit-covered";
  // The tab's title would name the topic; the cover's button gives it back.
  root.setAttribute("data-quick-exit-title", document.title);
  document.title = "";
})();
