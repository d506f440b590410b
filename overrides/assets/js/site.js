/*
 * What readers used of Material's JavaScript bundle, which pages no longer load (it loads
 * only with search: assets/js/material-search-loader.js). Everything else works with CSS
 * alone - the menu drawer is a checkbox, the language menu opens on focus or hover, the
 * table of contents and the skip link are plain links - and this script adds what a
 * reader expects on top:
 * - the menu drawer closes when one of its links is followed (on a phone the page's table
 *   of contents is in it: its links stay on this page), when the address's #anchor changes
 *   (Back or Forward within the page), and with Escape, which then continues at the page's
 *   heading when the focus was in the drawer;
 * - on a phone, a link focused with the keyboard in the drawer (which slides in as it gets
 *   the focus) is scrolled into the drawer's view: the browser scrolls it before the
 *   drawer is there, and Material's list snaps back.
 * Material's other behaviours are left out on purpose: the header title that changes while
 * scrolling, the table of contents that follows the scrolling, and single-letter keyboard
 * shortcuts (which WCAG 2.1.4 asks to be switchable off).
 */
(function () {
  "use strict";

  var drawer = document.getElementById("__drawer");
  var sidebar = document.querySelector(".md-sidebar--primary");
  if (!drawer || !sidebar) {
    return;
  }

  function closeDrawer() {
    drawer.checked = false;
  }

  window.addEventListener("hashchange", closeDrawer);

  sidebar.addEventListener("click", function (event) {
    if (drawer.checked && event.target.closest("a[href]")) {
      closeDrawer();
    }
  });

  var phone = window.matchMedia("(max-width: 76.2344em)");

  sidebar.addEventListener("focusin", function (event) {
    if (!phone.matches) {
      return;
    }
    var target = event.target;
    var list = target.closest("ul");
    if (!list) {
      return;
    }
    // Measuring lays the drawer out as it is with the focus in it (slid in).
    var box = target.getBoundingClientRect();
    var view = list.getBoundingClientRect();
    // "start", not "nearest": Material's list snaps to the start of its items.
    if (box.top < view.top || box.bottom > view.bottom) {
      target.scrollIntoView({ block: "start" });
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var inDrawer = phone.matches && sidebar.contains(document.activeElement);
    if (!drawer.checked && !inDrawer) {
      return;
    }
    closeDrawer();
    if (inDrawer) {
      var heading = document.querySelector(".md-content h1");
      if (heading) {
        heading.setAttribute("tabindex", "-1");
        heading.focus();
      }
    }
  });
})();
