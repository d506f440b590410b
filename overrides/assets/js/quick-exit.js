/*
 * Quick exit, for readers whose device may be watched. The exit links
 * (overrides/partials/site-strip.html) work without JavaScript as plain links; this
 * script makes leaving faster and leaves fewer traces, as GOV.UK's "Exit this page" does:
 * - a click on an exit link, or Shift pressed three times on its own, anywhere (form
 *   fields and the search box included), with up to 5 seconds between presses, covers
 *   the page at once, blanks the title and goes to the destination with
 *   location.replace, so that this page's history entry becomes the destination's;
 * - a Shift pressed with another key (a capital letter, Ctrl+Shift...) never counts, and
 *   any other key starts the count again;
 * - three lights on the exit button show the presses; a status message counts them down
 *   for screen-reader users;
 * - leaving sets a flag in sessionStorage (this tab only), so that any page of this site
 *   shown again in this tab - Back, Forward, a reload, an #anchor entry - stays behind a
 *   neutral cover until its button is pressed (assets/js/quick-exit-early.js covers it
 *   before the first paint; pageshow covers a page the back/forward cache restores);
 * - the first-visit notice (overrides/partials/safety-notice.html) can be dismissed; the
 *   dismissal is remembered in sessionStorage;
 * - the custom properties --safety-header-height and --site-strip-height follow the
 *   header's real height, for scrolling focus clear of it and for placing the drawer and
 *   the search below the exit (assets/css/safety.css).
 * Nothing else is stored, and nothing is sent anywhere.
 */
(function () {
  "use strict";

  var PRESSES = 3;
  var PAUSE_MS = 5000;  // the longest wait between two presses (GOV.UK: 5 s)
  var LEAVING_CLASS = "quick-exit-active";
  var COVERED_CLASS = "quick-exit-covered";
  var USED_KEY = "quick-exit-used";
  var NOTICE_KEY = "safety-notice-dismissed";
  var NOTICE_CLASS = "safety-notice-dismissed";

  var root = document.documentElement;
  var exitLink = document.getElementById("quick-exit");
  if (!exitLink) {
    return;
  }
  var destination = exitLink.href;
  var status = document.querySelector("[data-quick-exit-status]");
  var lights = Array.prototype.slice.call(document.querySelectorAll("[data-quick-exit-light]"));
  var indicator = document.querySelector("[data-quick-exit-indicator]");
  var cover = document.querySelector("[data-quick-exit-cover]");
  var presses = 0;
  var pauseTimer = null;
  var shiftAlone = false;

  function remember(key, value) {
    try {
      if (value) {
        window.sessionStorage.setItem(key, value);
      } else {
        window.sessionStorage.removeItem(key);
      }
    } catch (error) {
      // Storage blocked: nothing is remembered, the page still works.
    }
  }

  function recalled(key) {
    try {
      return window.sessionStorage.getItem(key) === "1";
    } catch (error) {
      return false;
    }
  }

  function announce(name) {
    if (status) {
      status.textContent = name ? status.getAttribute(name) || "" : "";
    }
  }

  function showPresses(count) {
    presses = count;
    if (indicator) {
      indicator.classList.toggle("quick-exit-indicator--visible", count > 0);
    }
    lights.forEach(function (light, index) {
      light.classList.toggle("quick-exit-indicator__light--on", index < count);
    });
  }

  function startOver() {
    window.clearTimeout(pauseTimer);
    pauseTimer = null;
    showPresses(0);
  }

  function leave() {
    remember(USED_KEY, "1");
    root.classList.add(LEAVING_CLASS);
    document.title = "";
    startOver();
    // replace(): this page's history entry becomes the destination's.
    window.location.replace(destination);
  }

  function withOtherModifier(event) {
    return event.ctrlKey || event.altKey || event.metaKey;
  }

  // A press counts when Shift goes down and up with no other key in between, wherever
  // the focus is: Shift held for a capital letter does not count, and any other key
  // starts over. (The keyup of Shift reports shiftKey false, so the keydowns decide.)
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) {
        shiftAlone = !withOtherModifier(event);
      }
      return;
    }
    shiftAlone = false;
    if (presses > 0) {
      startOver();
      announce("");
    }
  }, true);

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") {
      return;
    }
    var alone = shiftAlone && !withOtherModifier(event);
    shiftAlone = false;
    if (!alone) {
      return;
    }
    window.clearTimeout(pauseTimer);
    showPresses(presses + 1);
    if (presses >= PRESSES) {
      announce("data-leaving");
      leave();
      return;
    }
    announce(PRESSES - presses === 1 ? "data-one" : "data-two");
    // Each press gives the reader up to PAUSE_MS for the next one.
    pauseTimer = window.setTimeout(function () {
      startOver();
      announce("");
    }, PAUSE_MS);
  }, true);

  var exitLinks = document.querySelectorAll("a[data-quick-exit]");
  for (var i = 0; i < exitLinks.length; i += 1) {
    exitLinks[i].addEventListener("click", function (event) {
      // A middle click or a modified click opens a tab as the reader asked.
      if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
        return;
      }
      event.preventDefault();
      leave();
    });
  }

  // --- Coming back after leaving: the neutral cover -----------------------------------

  var pageTitle = root.getAttribute("data-quick-exit-title") || document.title;

  function coverPage() {
    root.classList.add(COVERED_CLASS);
    root.classList.remove(LEAVING_CLASS);
    document.title = "";
    if (cover) {
      var button = cover.querySelector("button");
      if (button) {
        button.focus();
      }
    }
  }

  function uncoverPage() {
    root.classList.remove(COVERED_CLASS, LEAVING_CLASS);
    document.title = pageTitle;
  }

  if (cover) {
    cover.addEventListener("click", function (event) {
      if (!event.target.closest("button")) {
        return;
      }
      remember(USED_KEY, "");
      uncoverPage();
      // The button is gone; continue at the page's heading.
      var heading = document.querySelector(".md-content h1");
      if (heading) {
        heading.setAttribute("tabindex", "-1");
        heading.focus();
      }
    });
  }
  if (root.classList.contains(COVERED_CLASS)) {
    coverPage();
  }

  // The back/forward cache restores a page as it was left (covered by the exit, or
  // shown): covered while the flag is set, shown again once the reader cleared it.
  window.addEventListener("pageshow", function (event) {
    startOver();
    announce("");
    if (recalled(USED_KEY)) {
      coverPage();
    } else if (event.persisted) {
      uncoverPage();
    }
  });

  // --- The header's height --------------------------------------------------------------

  // The sticky header must never hide the focused element (WCAG 2.4.11), and the drawer
  // and the search open below the exit: the CSS follows the real heights, which change
  // with wrapping and text size.
  // With large text on a short screen only the strip stays at the top (the header box is
  // then "display: contents", and has no height of its own), and when the exit wrapped
  // below the hotline, only the exit's row: the strip sticks that much above the screen.
  var header = document.querySelector(".md-header");
  var strip = document.querySelector(".site-strip");
  var bar = header && header.querySelector(".md-header__inner");
  if (header && strip && bar && "ResizeObserver" in window) {
    var measure = function () {
      var alone = window.getComputedStyle(header).display === "contents";
      // The exit's offsetParent is the strip (sticky): its top there, less a small margin.
      var above = alone ? Math.max(0, exitLink.offsetTop - 4) : 0;
      var stuck = alone ? strip.offsetHeight - above : header.offsetHeight;
      root.style.setProperty("--site-strip-top", -above + "px");
      root.style.setProperty("--safety-header-height", stuck + "px");
      root.style.setProperty("--site-strip-height", strip.offsetHeight + "px");
    };
    var observer = new ResizeObserver(measure);
    observer.observe(strip);
    observer.observe(bar);
    window.addEventListener("resize", measure);
  }

  // --- The first-visit notice -------------------------------------------------------------

  var notice = document.querySelector("[data-safety-notice]");
  var dismiss = notice && notice.querySelector("[data-safety-notice-dismiss]");
  if (dismiss) {
    dismiss.addEventListener("click", function () {
      root.classList.add(NOTICE_CLASS);
      remember(NOTICE_KEY, "1");
      // The button is gone; continue where the notice was, at the page's heading.
      var heading = document.querySelector(".md-content h1");
      if (heading) {
        heading.setAttribute("tabindex", "-1");
        heading.focus();
      }
    });
  }
})();
