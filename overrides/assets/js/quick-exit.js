/*
 * Quick exit, for readers whose device may be watched. The exit links
 * (overrides/partials/site-strip.html) work without JavaScript as plain links; this
 * script makes leaving faster and leaves fewer traces:
 * - a click on an exit link, or Shift pressed three times within a few seconds (on its
 *   own, not while typing in a field), covers the page at once, blanks the title and
 *   goes to the destination with location.replace, so Back does not return to this page;
 * - a status message counts the presses down for screen-reader users;
 * - if the browser restores this page from its back/forward cache, it shows again;
 * - a first-visit notice (overrides/partials/safety-notice.html) points to the quick exit
 *   and the safer-browsing page; only its dismissal is remembered, in sessionStorage;
 * - the page scrolls focused elements clear of the sticky header, whatever its height.
 * Nothing else is stored, and nothing is sent anywhere.
 */
(function () {
  "use strict";

  var PRESSES = 3;
  var WINDOW_MS = 3000;
  var COVER_CLASS = "quick-exit-active";
  var NOTICE_KEY = "safety-notice-dismissed";

  var exitLink = document.getElementById("quick-exit");
  if (!exitLink) {
    return;
  }
  var destination = exitLink.href;
  var status = document.querySelector("[data-quick-exit-status]");
  var pageTitle = document.title;
  var presses = [];
  var shiftAlone = false;
  var statusTimer = null;

  function announce(text) {
    if (!status) {
      return;
    }
    status.textContent = text;
    window.clearTimeout(statusTimer);
    statusTimer = window.setTimeout(function () {
      status.textContent = "";
    }, WINDOW_MS);
  }

  function leave() {
    document.documentElement.classList.add(COVER_CLASS);
    document.title = "";
    presses = [];
    // replace(): this page's history entry becomes the destination's.
    window.location.replace(destination);
  }

  function isTyping(target) {
    var element = target && target.nodeType === 1 ? target : document.activeElement;
    if (!element) {
      return false;
    }
    return element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName);
  }

  // A press counts when Shift goes down and up with no other key in between:
  // Shift held for a capital letter does not count, and any other key starts over.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) {
        shiftAlone = true;
      }
      return;
    }
    shiftAlone = false;
    presses = [];
  }, true);

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !shiftAlone) {
      return;
    }
    shiftAlone = false;
    if (isTyping(event.target)) {
      presses = [];
      return;
    }
    var now = Date.now();
    presses = presses.filter(function (time) {
      return now - time < WINDOW_MS;
    });
    presses.push(now);
    var remaining = PRESSES - presses.length;
    if (remaining <= 0) {
      announce(status ? status.getAttribute("data-leaving") : "");
      leave();
    } else {
      announce(status ? status.getAttribute(remaining === 1 ? "data-one" : "data-two") : "");
    }
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

  // Coming back with Back or Forward from the back/forward cache: show the page again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted || document.documentElement.classList.contains(COVER_CLASS)) {
      document.documentElement.classList.remove(COVER_CLASS);
      document.title = pageTitle;
      presses = [];
      if (status) {
        status.textContent = "";
      }
    }
  });

  // The sticky header must never hide the focused element (WCAG 2.4.11): the CSS scroll
  // padding follows its real height, which changes with wrapping and text size.
  var header = document.querySelector(".md-header");
  if (header && "ResizeObserver" in window) {
    new ResizeObserver(function () {
      document.documentElement.style.setProperty("--safety-header-height", header.offsetHeight + "px");
    }).observe(header);
  }

  function noticeDismissed() {
    try {
      return window.sessionStorage.getItem(NOTICE_KEY) === "1";
    } catch (error) {
      return false;  // storage blocked: show the notice, it is harmless
    }
  }

  var notice = document.querySelector("[data-safety-notice]");
  var dismiss = notice && notice.querySelector("[data-safety-notice-dismiss]");
  if (notice && dismiss && !noticeDismissed()) {
    notice.hidden = false;
    dismiss.addEventListener("click", function () {
      notice.hidden = true;
      try {
        window.sessionStorage.setItem(NOTICE_KEY, "1");
      } catch (error) {
        // Not remembered: the notice shows again on the next page.
      }
      // The button is gone; continue where the notice was, at the page's heading.
      var heading = document.querySelector(".md-content h1");
      if (heading) {
        heading.setAttribute("tabindex", "-1");
        heading.focus();
      }
    });
  }
})();
