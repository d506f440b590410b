"""WCAG 2.2 AA on every page, in every language: axe-core finds no violation in the
default look and in each colour scheme at the largest text size; pages reflow at 320 CSS
px with 200 % text (the panel's and the browser's own); targets that stand alone are 24 px
at least; no text is clipped with the 1.4.12 text spacing; a skip link comes
first; focus is always visible and never hidden under the sticky header; every page has
its language, one h1 and a logical heading order."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_matrix import AXE_FILE_PATH, CONFIG_GROUPS, CONFIGS, SCHEMES, START_AXE, axe_options, set_settings
from bs4 import BeautifulSoup
from conftest import all_page_urls
from site_search import run_search

from scripts import site_config
from scripts.content.ui_strings import load_ui_strings

PAGES = all_page_urls()
URL_PATHS = [url_path for _, _, url_path in PAGES]
UI = load_ui_strings(site_config.locales())


@pytest.mark.parametrize("scheme", SCHEMES[1:])
def test_axe_finds_nothing_in_the_open_panel(browser, site_url, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(path=str(AXE_FILE_PATH))
    page = context.new_page()
    set_settings(page, site_url, {"scheme": scheme, "size": "200"})
    for language in site_config.languages():
        page.goto(site_url + language.url_prefix())
        page.click("[data-lv-toggle]")
        page.evaluate(START_AXE, axe_options({"scheme": scheme}))
        violations = page.evaluate("window.__axe")
        assert violations == [], (language.locale, json.dumps(violations, ensure_ascii=False, indent=1))
    context.close()


@pytest.mark.parametrize("config", ["default-look", "wb-200"])
@pytest.mark.parametrize(("language", "query"), [("az", "qadın"), ("en", "trafficking"), ("ru", "торговли")])
@pytest.mark.parametrize("width", [390, 1280])
def test_axe_finds_nothing_in_the_open_search_with_results(browser, site_url, config, language, query, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_init_script(path=str(AXE_FILE_PATH))
    try:
        page = context.new_page()
        set_settings(page, site_url, CONFIGS[config])
        page.goto(site_url + next(item.url_prefix() for item in site_config.languages() if item.locale == language))
        assert run_search(page, query)
        page.evaluate(START_AXE, axe_options(CONFIGS[config]))
        violations = page.evaluate("window.__axe")
        assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
    finally:
        context.close()


# ---- One shared page for the layout checks --------------------------------------------------


@pytest.fixture(scope="module")
def layout_page(browser) -> Iterator[object]:
    # Reduced motion: Material's slide-ins finish at once, so positions are final.
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    yield page
    context.close()


OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter(el => {
    const box = el.getBoundingClientRect();
    return box.width && box.right > width + 1 && getComputedStyle(el).visibility !== 'hidden';
  }).map(el => el.tagName.toLowerCase() + '.' + el.className);
  return {scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5)};
}"""


@pytest.mark.parametrize("url_path", URL_PATHS)
def test_reflows_at_320_px_with_200_percent_text(layout_page, site_url, url_path):
    page = layout_page
    page.set_viewport_size({"width": 320, "height": 640})
    set_settings(page, site_url, {"size": "200"})
    page.goto(site_url + url_path)
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "40px"
    layout = page.evaluate(OVERFLOW)
    assert layout["scrollWidth"] <= 320, layout


def set_browser_text_size(page, percent: int) -> None:
    """The browser's own text-size setting (Chrome's "Font size", Android's text scaling):
    the default font size the page's rem and em, and media queries' em, start from."""
    session = page.context.new_cdp_session(page)
    session.send("Page.enable")
    session.send("Page.setFontSizes", {"fontSizes": {"standard": 16 * percent // 100, "fixed": 13 * percent // 100}})


@pytest.fixture(scope="module")
def large_text_page(browser) -> Iterator[object]:
    """A 320 x 640 phone with the browser's text at 200 %."""
    context = browser.new_context(viewport={"width": 320, "height": 640}, reduced_motion="reduce")
    page = context.new_page()
    set_browser_text_size(page, 200)
    yield page
    context.close()


@pytest.mark.parametrize("url_path", URL_PATHS)
def test_reflows_at_320_px_with_the_browsers_text_at_200_percent(large_text_page, site_url, url_path):
    page = large_text_page
    page.goto(site_url + url_path)
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "40px"
    layout = page.evaluate(OVERFLOW)
    assert layout["scrollWidth"] <= 320, layout


# Targets that stand alone (not a link inside a sentence, WCAG 2.5.8's inline exception)
# smaller than 24 x 24 CSS px, among what a reader can see.
SMALL_TARGETS = r"""() => {
  const small = [];
  const targets = 'a[href], button, input:not([type=hidden]), select, textarea, label[for], summary';
  for (const el of document.querySelectorAll(targets)) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (!box.width || !box.height || style.visibility === 'hidden' || style.opacity === '0') continue;
    if (box.width >= 24 && box.height >= 24) continue;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
    const own = el.textContent.replace(/\s+/g, ' ').trim();
    const around = block ? block.textContent.replace(/\s+/g, ' ').trim() : '';
    if (around.length > own.length + 1) continue;  // in a sentence
    small.push(`${el.tagName.toLowerCase()}.${el.className} "${own.slice(0, 30)}": ${box.width}x${box.height}`);
  }
  return small;
}"""


@pytest.mark.parametrize("url_path", URL_PATHS)
def test_targets_that_stand_alone_are_at_least_24_px_on_a_phone(layout_page, site_url, url_path):
    page = layout_page
    page.set_viewport_size({"width": 390, "height": 844})
    set_settings(page, site_url, {})
    page.goto(site_url + url_path)
    assert page.evaluate(SMALL_TARGETS) == []


# WCAG 1.4.12: line height 1.5, paragraph spacing 2, letter spacing .12, word spacing .16 (em).
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; }
p { margin-bottom: 2em !important; }
"""

# Text that a box cuts off: a line of text reaching past an ancestor that hides its
# overflow (an ellipsis included), with no scrolling box in between. Not counted: boxes
# of 2 px or less (screen-reader-only text) and text wholly outside its box (a menu level
# or drawer kept out of view on purpose).
CLIPPED = """() => {
  const hides = value => value === 'hidden' || value === 'clip';
  const clipped = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!node.textContent.trim() || parent.closest('svg, [hidden]')) continue;
    if (getComputedStyle(parent).visibility === 'hidden') continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const lines = [...range.getClientRects()].filter(r => r.width && r.height);
    if (!lines.length) continue;
    for (let box = parent; box && box !== document.body; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const [x, y] = [hides(style.overflowX), hides(style.overflowY)];
      if (!x && !y) break;  // a scrolling box: the reader can reach the rest
      const b = box.getBoundingClientRect();
      if (b.width <= 2 || b.height <= 2) break;
      const out = r => (x && (r.right <= b.left || r.left >= b.right))
        || (y && (r.bottom <= b.top || r.top >= b.bottom));
      if (lines.every(out)) break;
      const cut = r => (x && (r.left < b.left - 1 || r.right > b.right + 1))
        || (y && (r.top < b.top - 1 || r.bottom > b.bottom + 1));
      if (lines.some(cut)) {
        clipped.push(box.tagName.toLowerCase() + '.' + box.className + ': ' + node.textContent.trim().slice(0, 40));
        break;
      }
    }
  }
  return [...new Set(clipped)];
}"""


@pytest.mark.parametrize("url_path", URL_PATHS)
@pytest.mark.parametrize("width", [320, 1280])
def test_no_text_is_clipped_with_wcag_text_spacing(layout_page, site_url, url_path, width):
    page = layout_page
    page.set_viewport_size({"width": width, "height": 800})
    set_settings(page, site_url, {})
    page.goto(site_url + url_path)
    page.add_style_tag(content=TEXT_SPACING)
    clipped = page.evaluate(CLIPPED)
    assert clipped == [], "\n".join(clipped)


@pytest.mark.parametrize(("locale", "page_name", "url_path"), PAGES)
def test_a_skip_link_comes_first(layout_page, site_url, locale, page_name, url_path):
    page = layout_page
    page.set_viewport_size({"width": 1280, "height": 800})
    set_settings(page, site_url, {})
    page.goto(site_url + url_path)
    page.keyboard.press("Tab")
    target = page.evaluate(
        "() => { const a = document.activeElement;"
        " const t = a.hash && document.getElementById(decodeURIComponent(a.hash.slice(1)));"
        " return {skip: a.matches('.md-skip'), visible: a.getBoundingClientRect().height > 0,"
        " inMain: !!(t && t.closest('main'))}; }"
    )
    assert target == {"skip": True, "visible": True, "inMain": True}


# Walks the page with Tab and reports each focused element that is off screen, covered
# (by the sticky header or anything else: checked with elementFromPoint) or has no ring.
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const box = [...el.getClientRects()].find(r => r.width && r.height) || el.getBoundingClientRect();
  const points = [[.5, .5], [.15, .2], [.85, .2], [.15, .8], [.85, .8]].map(([x, y]) =>
    [box.left + box.width * x, box.top + box.height * y]);
  const seen = points.some(([x, y]) => {
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
    const top = document.elementFromPoint(x, y);
    return top && (top === el || el.contains(top) || top.contains(el));
  });
  return {name: el.tagName.toLowerCase() + '.' + el.className + ' ' + (el.textContent || '').trim().slice(0, 30),
          seen, ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2};
}"""

FOCUS_PAGES = [
    language.url_prefix() + site_config.page_url(page)
    for language in site_config.languages()
    for page in ["index.md", "hotline.md", "statistics.md"]
]


@pytest.mark.parametrize("url_path", FOCUS_PAGES)
@pytest.mark.parametrize(("width", "size"), [(320, "200"), (1280, "100"), (1280, "200")])
def test_focus_is_always_visible_and_never_covered(layout_page, site_url, url_path, width, size):
    page = layout_page
    page.set_viewport_size({"width": width, "height": 700})
    set_settings(page, site_url, {} if size == "100" else {"size": size})
    page.goto(site_url + url_path)
    problems, seen = [], set()
    for _ in range(200):
        page.keyboard.press("Tab")
        # Two frames: whatever the focus starts is drawn.
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        state = page.evaluate(FOCUS_STATE)
        if state is None or state["name"] in seen:
            break
        seen.add(state["name"])
        if not (state["seen"] and state["ring"]):
            problems.append(state)
    assert len(seen) > 10
    assert problems == [], "\n".join(map(str, problems))


CURRENT_LANGUAGE_LOOK = """() => [...document.querySelectorAll('.md-select__link')].map(link => {
  const style = getComputedStyle(link);
  return {lang: link.lang, current: link.getAttribute('aria-current'), weight: style.fontWeight,
          underline: style.textDecorationLine.includes('underline')};
})"""


@pytest.mark.parametrize("language", site_config.languages(), ids=lambda language: language.locale)
def test_the_language_menu_shows_which_language_the_page_is_in(layout_page, site_url, language):
    # Not by colour alone (1.4.1): bold and underlined, and the other languages neither.
    page = layout_page
    page.set_viewport_size({"width": 1280, "height": 800})
    set_settings(page, site_url, {})
    page.goto(site_url + language.url_prefix() + site_config.page_url("rights.md"))
    page.locator(".md-select > button").focus()
    looks = page.evaluate(CURRENT_LANGUAGE_LOOK)
    assert [item["lang"] for item in looks if item["current"]] == [language.locale]
    for item in looks:
        marked = item["current"] is not None
        assert (int(item["weight"]) >= 700 and item["underline"]) is marked, item


# ---- The built HTML -------------------------------------------------------------------------


def soup_of(site_dir: Path, url_path: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize(("locale", "page_name", "url_path"), PAGES)
def test_language_one_h1_and_heading_order(site_dir, locale, page_name, url_path):
    soup = soup_of(site_dir, url_path)
    assert soup.html["lang"] == locale
    headings = [int(tag.name[1]) for tag in soup.body.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert headings.count(1) == 1
    assert headings[0] == 1, "the h1 is the first heading"
    jumps = [(before, after) for before, after in itertools.pairwise(headings) if after > before + 1]
    assert jumps == [], "no heading level is skipped"


@pytest.mark.parametrize(("locale", "page_name", "url_path"), PAGES)
def test_search_dialog_has_a_name(site_dir, locale, page_name, url_path):
    dialog = soup_of(site_dir, url_path).select_one("#site-search-panel[role=dialog]")
    assert dialog["aria-label"] == UI["search.dialog"][locale]
    # The button that opens it says so, and its field is labelled (partials/search.html).
    soup = soup_of(site_dir, url_path)
    assert soup.select_one("[data-site-search-toggle]")["aria-controls"] == "site-search-panel"
    assert soup.select_one("label[for=site-search-input]").get_text(strip=True) == UI["search.dialog"][locale]


def luminance(rgb: tuple[float, float, float]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


# The footer's small print over its two layered backgrounds, as the browser computes them.
FOOTER_COLOURS = """() => {
  const parse = c => c.match(/[\\d.]+/g).map(Number);
  const layers = [getComputedStyle(document.body).backgroundColor,
    getComputedStyle(document.querySelector('.md-footer')).backgroundColor,
    getComputedStyle(document.querySelector('.md-footer-meta')).backgroundColor];
  return {layers: layers.map(parse), text: parse(getComputedStyle(document.querySelector('.md-copyright')).color)};
}"""


def blend(top: list[float], bottom: tuple[float, float, float]) -> tuple[float, float, float]:
    alpha = top[3] if len(top) == 4 else 1.0
    return tuple(top[i] * alpha + bottom[i] * (1 - alpha) for i in range(3))  # type: ignore[return-value]


def test_footer_small_print_has_aa_contrast(layout_page, site_url):
    page = layout_page
    set_settings(page, site_url, {})
    page.goto(site_url + URL_PATHS[0])
    colours = page.evaluate(FOOTER_COLOURS)
    background: tuple[float, float, float] = (255.0, 255.0, 255.0)
    for layer in colours["layers"]:
        background = blend(layer, background)
    text = blend(colours["text"], background)
    lighter, darker = sorted([luminance(text), luminance(background)], reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 4.5


def test_every_axe_configuration_runs_in_exactly_one_test_file():
    grouped = [config for configs in CONFIG_GROUPS.values() for config in configs]
    assert sorted(grouped) == sorted(CONFIGS), "CONFIG_GROUPS in tests/axe_matrix.py must list every configuration once"
