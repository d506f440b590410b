/*
 * The low-vision settings panel (partials/lowvision-panel.html). The header button opens
 * and closes it; each radio choice is applied at once as a data-lv-* attribute on <html>
 * (the default removes it) and saved, so that lowvision-early.js applies it on the next
 * page before the first paint. Saved only after the reader changes something: in
 * sessionStorage (this browser session), or in localStorage when "remember on this
 * device" is ticked. No cookies, no other storage.
 */
(function () {
  "use strict";

  var KEY = "lowvision";
  var root = document.documentElement;
  var panel = document.querySelector("[data-lv-panel]");
  var toggle = document.querySelector("[data-lv-toggle]");
  if (!panel || !toggle) return;
  var radios = Array.prototype.slice.call(panel.querySelectorAll("input[data-lv-setting]"));
  var remember = panel.querySelector("[data-lv-remember]");
  var status = panel.querySelector("[data-lv-status]");

  // The template checks each group's first option: that is the default.
  var defaults = {};
  radios.forEach(function (radio) {
    if (radio.defaultChecked) defaults[radio.dataset.lvSetting] = radio.value;
  });

  function isOption(name, value) {
    return radios.some(function (radio) {
      return radio.dataset.lvSetting === name && radio.value === value;
    });
  }

  function apply(name, value) {
    if (value === defaults[name] || !isOption(name, value)) root.removeAttribute("data-lv-" + name);
    else root.setAttribute("data-lv-" + name, value);
  }

  // The settings now in force, without defaults (an empty object means "all default").
  function current() {
    var settings = {};
    Object.keys(defaults).forEach(function (name) {
      var value = root.getAttribute("data-lv-" + name);
      if (value !== null && isOption(name, value)) settings[name] = value;
    });
    return settings;
  }

  function isRemembered() {
    try {
      return localStorage.getItem(KEY) !== null;
    } catch (error) {
      return false;
    }
  }

  function save(persistent) {
    try {
      (persistent ? sessionStorage : localStorage).removeItem(KEY);
      (persistent ? localStorage : sessionStorage).setItem(KEY, JSON.stringify(current()));
    } catch (error) {
      // Storage blocked: the settings still hold on this page.
    }
  }

  function forget() {
    try {
      localStorage.removeItem(KEY);
      sessionStorage.removeItem(KEY);
    } catch (error) {
      // Nothing was stored.
    }
  }

  // Radios and checkbox show what is in force (after a load, or a return from the back/forward cache).
  function syncControls() {
    var settings = current();
    radios.forEach(function (radio) {
      var name = radio.dataset.lvSetting;
      radio.checked = radio.value === (settings[name] || defaults[name]);
    });
    if (remember) remember.checked = isRemembered();
  }

  function announce(message) {
    if (!status) return;
    // Emptied first, so that the same message twice is announced twice.
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  function describe(radio) {
    var group = radio.closest("fieldset");
    var legend = group ? group.querySelector("legend") : null;
    // The option's words only: a colour scheme's label also holds its sample ("AaAğ").
    var label = radio.closest("label");
    var words = label ? label.querySelector(".lv-option__text") || label : null;
    return (panel.dataset.lvAnnounce || "{setting}: {value}")
      .replace("{setting}", legend ? legend.textContent.trim() : "")
      .replace("{value}", words ? words.textContent.replace(/\s+/g, " ").trim() : radio.value);
  }

  function setOpen(open, returnFocus) {
    panel.hidden = !open;
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) panel.focus();
    else if (returnFocus) toggle.focus();
  }

  toggle.addEventListener("click", function () {
    setOpen(panel.hidden, false);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || panel.hidden) return;
    if (panel.contains(document.activeElement) || document.activeElement === toggle) {
      event.preventDefault();
      setOpen(false, true);
    }
  });

  panel.addEventListener("change", function (event) {
    var target = event.target;
    if (target === remember) {
      save(remember.checked);
      announce(remember.checked ? panel.dataset.lvAnnounceRemember : panel.dataset.lvAnnounceForget);
    } else if (target.dataset && target.dataset.lvSetting) {
      apply(target.dataset.lvSetting, target.value);
      save(remember ? remember.checked : false);
      announce(describe(target));
    }
  });

  panel.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    if (button.hasAttribute("data-lv-close")) {
      setOpen(false, true);
    } else if (button.hasAttribute("data-lv-reset")) {
      Object.keys(defaults).forEach(function (name) {
        root.removeAttribute("data-lv-" + name);
      });
      forget();
      syncControls();
      announce(panel.dataset.lvAnnounceReset);
    }
  });

  // "Hide images" shows each content image's text alternative in its place (the CSS
  // shows these only in that mode). Built once, with text nodes only.
  document.querySelectorAll(".md-content img[alt]").forEach(function (image) {
    var text = image.getAttribute("alt").trim();
    if (!text) return;
    var alternative = document.createElement("span");
    alternative.className = "lv-alt";
    alternative.textContent = text;
    image.insertAdjacentElement("afterend", alternative);
  });

  // The sticky header grows with the text size: quick-exit.js measures it
  // (--safety-header-height), so that focus and link targets are scrolled clear of it.

  // A page restored from the back/forward cache may predate changes made on another page.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    var saved = null;
    try {
      saved = JSON.parse(localStorage.getItem(KEY) || sessionStorage.getItem(KEY) || "null");
    } catch (error) {
      saved = null;
    }
    Object.keys(defaults).forEach(function (name) {
      apply(name, saved && typeof saved[name] === "string" ? saved[name] : defaults[name]);
    });
    syncControls();
  });

  syncControls();
})();
