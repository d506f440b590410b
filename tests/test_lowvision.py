"""The low-vision settings panel: in the built HTML of every page, and in Chromium: each
setting changes what it should, at once and before the first paint of the next page, on
every page and language, stored only after a change, kept after the browser closes only
when asked; operable by keyboard and touch; the reader's system settings honoured."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from conftest import HOTLINE_NUMBER, ROOT, all_page_urls

from scripts import site_config
from scripts.content.ui_strings import load_ui_strings

PAGES = all_page_urls()
UI = load_ui_strings(site_config.locales())
PREFIX = {language.locale: language.url_prefix() for language in site_config.languages()}
# The page most tests use, and a second one to move to.
HOTLINE = "en/" + site_config.page_url("hotline.md")
RIGHTS = "en/" + site_config.page_url("rights.md")
RU_HOTLINE = "ru/" + site_config.page_url("hotline.md")
GROUPS = ["size", "scheme", "images", "letter", "line", "font"]
SCHEMES = {
    "bw": ("#000000", "#ffffff"),
    "wb": ("#ffffff", "#000000"),
    "blue": ("#063462", "#9dd1ff"),
    "brown": ("#4d4b43", "#f7f3d6"),
    "green": ("#a9e44d", "#3b2716"),
}
# Each group's default option (the first in the panel).
UI_DEFAULTS = {
    "size": "100",
    "scheme": "default",
    "images": "show",
    "letter": "normal",
    "line": "normal",
    "font": "sans",
}
ASSETS = ["assets/css/lowvision.css", "assets/js/lowvision.js", "assets/js/lowvision-early.js"]


def rgb(hex_colour: str) -> str:
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


def soup_of(site_dir: Path, url_path: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")


def style(page, selector: str, prop: str) -> str:
    return page.eval_on_selector(selector, "(el, prop) => getComputedStyle(el).getPropertyValue(prop)", prop)


def px(value: str) -> float:
    return float(value.removesuffix("px"))


def open_panel(page) -> None:
    page.click("[data-lv-toggle]")
    page.wait_for_selector("#lv-panel", state="visible")


def choose(page, group: str, value: str) -> None:
    """Pick an option the way a reader does: a click on its label."""
    page.click(f'#lv-panel label:has(input[name="lv-{group}"][value="{value}"])')


def stored(page) -> dict[str, str | None]:
    return page.evaluate(
        "() => ({session: sessionStorage.getItem('lowvision'), local: localStorage.getItem('lowvision')})"
    )


def lv_attributes(page) -> dict[str, str]:
    return page.evaluate(
        "() => Object.fromEntries([...document.documentElement.attributes]"
        ".filter(a => a.name.startsWith('data-lv-')).map(a => [a.name.slice(8), a.value]))"
    )


def with_settings(page, site_url: str, url_path: str, settings: dict[str, str]) -> None:
    """Load a page with settings already saved, as the panel saves them (sessionStorage)."""
    page.goto(site_url)
    page.evaluate("value => sessionStorage.setItem('lowvision', value)", json.dumps(settings))
    page.goto(site_url + url_path)


# ---- Built HTML ---------------------------------------------------------------------------


@pytest.mark.parametrize(("locale", "page_name", "url_path"), PAGES)
def test_every_page_has_the_control_and_the_panel_in_its_language(site_dir, locale, page_name, url_path):
    soup = soup_of(site_dir, url_path)
    link = soup.select_one("header a[data-lv-link]")
    help_page = PREFIX[locale] + site_config.page_url("accessibility.md")
    assert urljoin("/" + url_path, link["href"]) == "/" + help_page, "the no-JS link leads to the help page"
    assert link.get_text(" ", strip=True) == UI["lowvision.label"][locale]
    button = soup.select_one("header button[data-lv-toggle]")
    assert button["type"] == "button"
    assert button["aria-expanded"] == "false"
    assert button["aria-controls"] == "lv-panel"
    assert button.get_text(" ", strip=True) == UI["lowvision.label"][locale]
    panel = soup.select_one("#lv-panel")
    assert panel.has_attr("hidden"), "without JavaScript the panel never shows"
    legends = [fieldset.legend.get_text(strip=True) for fieldset in panel.select("fieldset")]
    assert legends == [UI[f"lowvision.{group}"][locale] for group in GROUPS]
    for fieldset, group in zip(panel.select("fieldset"), GROUPS, strict=True):
        radios = fieldset.select("input[type=radio]")
        assert {radio["name"] for radio in radios} == {f"lv-{group}"}
        checked = [radio.has_attr("checked") for radio in radios]
        assert checked == [True] + [False] * (len(radios) - 1), "the first option is the default"
    assert panel.select_one("[role=status]") is not None
    assert panel.select_one("input[type=checkbox][data-lv-remember]") is not None
    assert UI["lowvision.privacy"][locale] in panel.get_text(" ", strip=True)


@pytest.mark.parametrize(("locale", "page_name", "url_path"), PAGES)
def test_settings_script_is_a_synchronous_file_in_head(site_dir, locale, page_name, url_path):
    soup = soup_of(site_dir, url_path)
    early = [script for script in soup.head.find_all("script") if "lowvision-early.js" in script.get("src", "")]
    assert len(early) == 1
    assert not {"async", "defer", "type"} & set(early[0].attrs), "a plain, blocking script"
    inline = [script for script in soup.find_all("script") if not script.has_attr("src")]
    assert not any("lowvision" in script.get_text() for script in inline), "no inline script (CSP)"


def test_help_pages_share_one_outline_and_are_in_nav(site_dir):
    assert "accessibility.md" in site_config.pages()
    outlines = {}
    for locale, prefix in PREFIX.items():
        article = soup_of(site_dir, prefix + site_config.page_url("accessibility.md")).select_one("article")
        outlines[locale] = len(article.find_all("h2"))
        assert article.select(f'a[href="tel:{HOTLINE_NUMBER.tel}"]'), f"{locale}: the help page links to the hotline"
        meta = (ROOT / "docs" / locale / "accessibility.md").read_text(encoding="utf-8").split("---")[1]
        assert "last_reviewed: 2026-11-23" in meta
        assert "sources: [mfa-combating-thb]" in meta
    assert len(set(outlines.values())) == 1, outlines
    assert outlines["en"] >= 4
    az_text = soup_of(site_dir, PREFIX["az"] + site_config.page_url("accessibility.md")).article.get_text()
    assert re.search("[əığşçöüİ]", az_text)


def test_panel_costs_few_bytes(site_dir):
    sizes = {asset: len(gzip.compress((site_dir / asset).read_bytes(), 9)) for asset in ASSETS}
    print(f"low-vision panel, gzip bytes: {sizes}, total {sum(sizes.values())}")
    # Blocking the first paint: the early script must stay tiny.
    assert sizes["assets/js/lowvision-early.js"] < 600
    assert sum(sizes.values()) < 8_000


# ---- Without and with JavaScript ------------------------------------------------------------


def test_without_javascript_the_control_leads_to_the_help_page(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + HOTLINE)
    assert page.is_visible("[data-lv-link]")
    assert not page.is_visible("[data-lv-toggle]")
    assert not page.is_visible("#lv-panel")
    page.click("[data-lv-link]")
    page.wait_for_url(site_url + "en/" + site_config.page_url("accessibility.md"))
    assert page.locator("h1").count() == 1
    context.close()


def test_button_opens_the_panel_and_closes_it(page, site_url):
    page.goto(site_url + HOTLINE)
    assert not page.is_visible("[data-lv-link]")
    toggle = page.locator("[data-lv-toggle]")
    assert toggle.is_visible()
    open_panel(page)
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.id") == "lv-panel"
    toggle.click()
    assert not page.is_visible("#lv-panel")
    assert toggle.get_attribute("aria-expanded") == "false"
    page.click("[data-lv-toggle]")
    page.click("#lv-panel [data-lv-close]")
    assert not page.is_visible("#lv-panel")
    assert page.evaluate("document.activeElement.matches('[data-lv-toggle]')")


# ---- Each setting -----------------------------------------------------------------------------


def test_text_size_steps_scale_text_up_to_double(page, site_url):
    page.goto(site_url + HOTLINE)
    base_root = px(style(page, "html", "font-size"))
    base_text = px(style(page, "article p", "font-size"))
    open_panel(page)
    for step in ["125", "150", "175", "200"]:
        choose(page, "size", step)
        factor = int(step) / 100
        assert px(style(page, "html", "font-size")) == pytest.approx(base_root * factor)
        assert px(style(page, "article p", "font-size")) == pytest.approx(base_text * factor)
        assert px(style(page, "h1", "font-size")) > px(style(page, "article p", "font-size"))
    choose(page, "size", "100")
    assert px(style(page, "article p", "font-size")) == pytest.approx(base_text)
    assert "size" not in lv_attributes(page)


@pytest.mark.parametrize(("value", "em"), [("wide", 0.12), ("wider", 0.2)])
def test_letter_spacing_in_em(page, site_url, value, em):
    page.goto(site_url + HOTLINE)
    assert style(page, "article p", "letter-spacing") == "normal"
    open_panel(page)
    choose(page, "letter", value)
    for selector in ["article p", "h1", ".md-nav__link", ".lv-group__legend"]:
        size = px(style(page, selector, "font-size"))
        assert px(style(page, selector, "letter-spacing")) == pytest.approx(em * size, abs=0.05), selector


@pytest.mark.parametrize("value", ["wide", "wider"])
def test_letter_spacing_is_for_the_screen_only(page, site_url, value):
    # On paper the wide letters cut the lists' numbers off: a printout keeps the site's type.
    with_settings(page, site_url, "en/" + site_config.page_url("signs.md"), {"letter": value})
    assert style(page, "article p", "letter-spacing") != "normal"
    page.emulate_media(media="print")
    for selector in ["article p", "article ol li"]:
        assert style(page, selector, "letter-spacing") == "normal", selector


@pytest.mark.parametrize(("value", "em"), [("1.5", 1.5), ("2", 2.0)])
def test_line_spacing_in_em(page, site_url, value, em):
    page.goto(site_url + HOTLINE)
    open_panel(page)
    choose(page, "line", value)
    for selector in ["article p", "h1", "article li", ".md-nav__link", ".lv-option__text"]:
        size = px(style(page, selector, "font-size"))
        assert px(style(page, selector, "line-height")) == pytest.approx(em * size, abs=0.05), selector


def test_font_is_a_system_serif_or_sans_serif(page, site_url):
    page.goto(site_url + HOTLINE)
    assert "serif" not in style(page, "article p", "font-family").replace("sans-serif", "")
    open_panel(page)
    choose(page, "font", "serif")
    for selector in ["article p", "h1", ".md-nav__link", "#lv-panel button"]:
        family = style(page, selector, "font-family")
        assert re.fullmatch(r'"Times New Roman",.*serif', family), (selector, family)
    choose(page, "font", "sans")
    assert "serif" not in style(page, "article p", "font-family").replace("sans-serif", "")


def serve_with_content_image(page, site_url: str) -> None:
    """Serve the hotline page with an image in its content, as an editor could add one."""

    def handle(route) -> None:
        response = route.fetch()
        image = f'<p><img src="{site_url}assets/images/favicon.svg" alt="A shield with a tick"></p>'
        route.fulfill(response=response, body=response.text().replace("</h1>", "</h1>" + image, 1))

    page.route(site_url + HOTLINE, handle)


# A chart as scripts/content/stats/charts.py writes it: a solid bar, a hollow part, a gap, a table.
CHART = (
    '<figure class="chart" style="--chart-label: 3em; --chart-value: 2em">'
    '<figcaption class="chart__title">Chart</figcaption>'
    '<ul class="chart__rows" role="list"><li class="chart__row"><span class="chart__label">2013</span>'
    '<span class="chart__body"><span class="chart__track"><span class="chart__bar chart__bar--1" style="width: 60%"'
    ' aria-hidden="true"></span><span class="chart__bar chart__bar--2" style="width: 20%" aria-hidden="true"></span>'
    '<span class="chart__value">5</span></span><span class="chart__parts"><span class="chart__part">'
    '<span class="chart__key chart__bar--1" aria-hidden="true"></span>Part: 4</span></span></span></li>'
    '<li class="chart__row chart__row--gap"><span class="chart__label">2014</span><span class="chart__body">'
    '<span class="chart__track"><span class="chart__gap">no figure</span></span></span></li></ul>'
    '<details class="chart__details" open><summary>Show as a table</summary><div class="chart__scroll">'
    '<table class="chart__table"><caption>Table</caption><tr><th scope="row">2013</th><td>5</td></tr></table>'
    "</div></details></figure>"
)


def add_chart(page) -> None:
    page.eval_on_selector("article", "(article, html) => article.insertAdjacentHTML('beforeend', html)", CHART)


def test_images_greyscale_or_hidden_with_their_text_alternative(page, site_url):
    serve_with_content_image(page, site_url)
    page.goto(site_url + HOTLINE)
    add_chart(page)
    image = page.locator("article img")
    alternative = page.locator("article .lv-alt")
    assert image.is_visible()
    assert not alternative.is_visible()
    assert style(page, "article img", "filter") == "none"
    open_panel(page)
    choose(page, "images", "gray")
    assert style(page, "article img", "filter") == "grayscale(1)"
    assert style(page, ".chart__bar", "filter") == "grayscale(1)"
    assert style(page, ".chart__key", "filter") == "grayscale(1)"
    choose(page, "images", "hide")
    assert not image.is_visible()
    assert not page.is_visible(".chart__bar")
    assert not page.is_visible(".chart__key")
    assert alternative.inner_text() == "A shield with a tick"
    assert alternative.is_visible()
    for text in (".chart__label", ".chart__value", ".chart__part", ".chart__gap", ".chart__table"):
        assert page.is_visible(text), f"{text}: without its bars a chart still reads as labels and figures"
    assert page.is_visible(".md-header .md-logo") or page.viewport_size["width"] < 1220
    choose(page, "images", "show")
    assert image.is_visible()
    assert not alternative.is_visible()


SPECIMEN = (
    '<div class="admonition danger"><p class="admonition-title">Title</p><p>Text</p></div>'
    '<details class="note" open><summary>Summary</summary><p>Hidden text</p></details>'
    "<table><thead><tr><th>Head</th></tr></thead><tbody><tr><td>Cell <code>code</code></td></tr></tbody></table>"
    "<blockquote><p>Quote</p></blockquote><p><mark>Mark</mark> <kbd>Key</kbd> <a href='#x'>Link</a></p>" + CHART
)

# Every visible element in the scheme's two colours: text, background, borders; the quick
# exit and search matches inverted; chart bars drawn in the text colour (solid parts filled,
# the others outlined). Swatches are samples.
SCHEME_CHECK = """([fg, bg]) => {
  const transparent = 'rgba(0, 0, 0, 0)';
  const problems = [];
  const name = el => el.tagName.toLowerCase()
    + (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('svg') || el.closest('.lv-swatch')) continue;
    if (el.matches('.chart__bar--1')) {
      const fill = getComputedStyle(el).backgroundColor;
      if (fill !== fg) problems.push(name(el) + ' fill ' + fill);
      continue;
    }
    const s = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (s.display === 'none' || s.visibility === 'hidden' || !box.width || !box.height) continue;
    const inverted = el.closest('.site-strip__exit, mark');
    const [text, back] = inverted ? [bg, fg] : [fg, bg];
    if (s.color !== text) problems.push(name(el) + ' color ' + s.color);
    if (![back, transparent].includes(s.backgroundColor)) problems.push(name(el) + ' background ' + s.backgroundColor);
    for (const side of ['Top', 'Right', 'Bottom', 'Left']) {
      const colour = s['border' + side + 'Color'];
      if (parseFloat(s['border' + side + 'Width']) > 0 && s['border' + side + 'Style'] !== 'none'
          && ![text, back, transparent].includes(colour)) problems.push(name(el) + ' border ' + colour);
    }
  }
  for (const el of document.querySelectorAll('.chart__bar--2')) {
    const outline = getComputedStyle(el).borderTopColor;
    if (outline !== fg) problems.push(name(el) + ' outline ' + outline);
  }
  for (const el of document.querySelectorAll('.chart__track')) {
    const axis = getComputedStyle(el).borderInlineStartColor;
    if (axis !== fg) problems.push('axis ' + axis);
  }
  return [...new Set(problems)];
}"""


# Resolves once no CSS transition or animation runs (a cancelled one counts as ended).
SETTLED = """async () => {
  for (let round = 0; round < 20; round++) {
    const running = document.getAnimations();
    if (running.length === 0) return;
    await Promise.allSettled(running.map(animation => animation.finished));
  }
}"""


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_colour_scheme_applies_to_every_part_of_the_page(page, site_url, scheme):
    fg, bg = (rgb(colour) for colour in SCHEMES[scheme])
    page.goto(site_url + HOTLINE)
    page.eval_on_selector("article", "(article, html) => article.insertAdjacentHTML('beforeend', html)", SPECIMEN)
    open_panel(page)
    choose(page, "scheme", scheme)
    # Material fades some colours in over .25s: wait until every transition has ended
    # (a fixed pause is too short on a busy machine).
    page.evaluate(SETTLED)
    assert page.evaluate(SCHEME_CHECK, [fg, bg]) == []
    assert style(page, ".md-header", "background-color") == bg
    assert style(page, ".site-strip__exit", "background-color") == fg
    assert style(page, ".md-logo img", "filter") == ("invert(1)" if scheme in {"wb", "green"} else "none")
    # The focus ring is the text colour too, on every kind of control.
    for selector in ["article a", "[data-lv-toggle]", "#lv-panel input:checked", ".site-strip__exit"]:
        page.focus(selector)
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        assert style(page, selector, "outline-color") == fg, selector
        assert px(style(page, selector, "outline-width")) >= 2, selector


def test_site_default_scheme_keeps_materials_colours(page, site_url):
    page.goto(site_url + HOTLINE)
    header = style(page, ".md-header", "background-color")
    open_panel(page)
    choose(page, "scheme", "wb")
    assert style(page, ".md-header", "background-color") == rgb("#000000")
    choose(page, "scheme", "default")
    assert style(page, ".md-header", "background-color") == header
    assert "scheme" not in lv_attributes(page)


# ---- Live region, reset, storage, persistence --------------------------------------------


def test_each_change_is_announced(page, site_url):
    page.goto(site_url + HOTLINE)
    open_panel(page)
    status = page.locator("#lv-panel [role=status]")
    choose(page, "size", "150")
    expected = UI["lowvision.announce"]["en"].format(setting=UI["lowvision.size"]["en"], value="150%")
    page.wait_for_function(
        "text => document.querySelector('#lv-panel [role=status]').textContent === text", arg=expected
    )
    choose(page, "scheme", "blue")
    page.wait_for_function(
        "text => document.querySelector('#lv-panel [role=status]').textContent.endsWith(text)",
        arg=UI["lowvision.scheme.blue"]["en"],
    )
    page.click("#lv-panel [data-lv-remember]")
    page.wait_for_function(
        "text => document.querySelector('#lv-panel [role=status]').textContent === text",
        arg=UI["lowvision.announce.remember"]["en"],
    )
    assert status.get_attribute("role") == "status"


@pytest.mark.parametrize("language", site_config.languages(), ids=lambda language: language.locale)
def test_a_colour_scheme_is_announced_by_its_name_without_its_sample(page, site_url, language):
    page.goto(site_url + language.url_prefix() + site_config.page_url("hotline.md"))
    open_panel(page)
    locale = language.locale
    for scheme in ["bw", "green", "default"]:
        choose(page, "scheme", scheme)
        expected = UI["lowvision.announce"][locale].format(
            setting=UI["lowvision.scheme"][locale], value=UI[f"lowvision.scheme.{scheme}"][locale]
        )
        page.wait_for_function(
            "text => document.querySelector('#lv-panel [role=status]').textContent === text", arg=expected
        )
        assert UI["lowvision.scheme.sample"][locale] not in page.locator("#lv-panel [role=status]").inner_text()


def test_nothing_is_stored_until_a_setting_changes(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    for url_path in [HOTLINE, RIGHTS, RU_HOTLINE]:
        page.goto(site_url + url_path)
    open_panel(page)
    page.click("#lv-panel [data-lv-close]")
    assert stored(page) == {"session": None, "local": None}
    open_panel(page)
    choose(page, "size", "150")
    assert json.loads(stored(page)["session"]) == {"size": "150"}
    assert stored(page)["local"] is None
    assert context.cookies() == []
    keys = page.evaluate("() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
    assert not [key for key in keys if "palette" in key], "Material's palette storage is not used"
    context.close()


def test_settings_hold_across_pages_and_languages(page, site_url):
    page.goto(site_url + HOTLINE)
    open_panel(page)
    choose(page, "size", "175")
    choose(page, "scheme", "brown")
    choose(page, "font", "serif")
    root = px(style(page, "html", "font-size"))
    for url_path in [RIGHTS, RU_HOTLINE, PREFIX["az"] + site_config.page_url("hotline.md")]:
        page.goto(site_url + url_path)
        assert lv_attributes(page) == {"size": "175", "scheme": "brown", "font": "serif"}, url_path
        assert px(style(page, "html", "font-size")) == pytest.approx(root)
        assert style(page, "body", "background-color") == rgb("#f7f3d6")
        open_panel(page)
        assert page.is_checked('#lv-panel input[name="lv-size"][value="175"]')
        assert page.is_checked('#lv-panel input[name="lv-scheme"][value="brown"]')


def test_reset_restores_defaults_and_forgets(page, site_url):
    page.goto(site_url + HOTLINE)
    open_panel(page)
    for group, value in [("size", "200"), ("scheme", "wb"), ("images", "hide"), ("letter", "wider"), ("line", "2")]:
        choose(page, group, value)
    page.click("#lv-panel [data-lv-remember]")
    assert stored(page)["local"] is not None
    page.click("#lv-panel [data-lv-reset]")
    assert lv_attributes(page) == {}
    assert stored(page) == {"session": None, "local": None}
    assert not page.is_checked("#lv-panel [data-lv-remember]")
    for group in GROUPS:
        assert page.locator(f'#lv-panel input[name="lv-{group}"]').first.is_checked(), group
    page.reload()
    assert lv_attributes(page) == {}


@pytest.mark.parametrize("remember", [False, True])
def test_a_new_browser_session_keeps_settings_only_when_remembered(browser, site_url, remember):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + HOTLINE)
    open_panel(page)
    choose(page, "scheme", "wb")
    choose(page, "size", "150")
    if remember:
        page.click("#lv-panel [data-lv-remember]")
        assert stored(page)["session"] is None
    # What survives closing the browser: localStorage (and cookies), not sessionStorage.
    state = context.storage_state()
    context.close()
    later = browser.new_context(storage_state=state)
    page = later.new_page()
    page.goto(site_url + RIGHTS)
    if remember:
        assert lv_attributes(page) == {"scheme": "wb", "size": "150"}
        assert style(page, "body", "background-color") == rgb("#000000")
        open_panel(page)
        assert page.is_checked("#lv-panel [data-lv-remember]")
        page.click("#lv-panel [data-lv-remember]")  # and forgetting again
        assert stored(page)["local"] is None
        assert stored(page)["session"] is not None
    else:
        assert lv_attributes(page) == {}
        assert style(page, "body", "background-color") == rgb("#ffffff")
    later.close()


# Records the look at the very first moments of a page: when <body> is inserted, at the
# first animation frame (before the first paint), and at DOMContentLoaded.
FIRST_PAINT_PROBE = """
(() => {
  const look = () => ({
    root: getComputedStyle(document.documentElement).fontSize,
    background: getComputedStyle(document.body || document.documentElement).backgroundColor,
    scheme: document.documentElement.getAttribute('data-lv-scheme'),
  });
  window.__lvLooks = {};
  const observer = new MutationObserver(() => {
    if (document.body && !window.__lvLooks.body) { window.__lvLooks.body = look(); observer.disconnect(); }
  });
  observer.observe(document, {childList: true, subtree: true});
  requestAnimationFrame(() => { window.__lvLooks.frame = look(); });
  document.addEventListener('DOMContentLoaded', () => { window.__lvLooks.ready = look(); });
})();
"""


def test_settings_apply_before_the_first_paint(page, site_url):
    page.goto(site_url + HOTLINE)
    open_panel(page)
    choose(page, "scheme", "green")
    choose(page, "size", "200")
    final_root = style(page, "html", "font-size")
    page.add_init_script(FIRST_PAINT_PROBE)
    page.goto(site_url + RU_HOTLINE)
    looks = page.evaluate("window.__lvLooks")
    assert set(looks) == {"body", "frame", "ready"}
    for moment, look in looks.items():
        assert look == {"root": final_root, "background": rgb("#3b2716"), "scheme": "green"}, moment


# ---- Keyboard, touch ------------------------------------------------------------------------


def active(page) -> str:
    return page.evaluate(
        "() => { const el = document.activeElement; return el.id || el.name + '=' + el.value || el.tagName; }"
    )


def test_keyboard_alone_operates_the_panel(page, site_url):
    page.goto(site_url + HOTLINE)
    page.focus("[data-lv-toggle]")
    page.keyboard.press("Enter")
    assert page.is_visible("#lv-panel")
    assert active(page) == "lv-panel"
    page.keyboard.press("Tab")
    assert active(page) == "lv-size=100"
    page.keyboard.press("ArrowDown")
    assert active(page) == "lv-size=125"
    assert lv_attributes(page) == {"size": "125"}
    visited = []
    for _ in GROUPS[1:]:
        page.keyboard.press("Tab")
        visited.append(active(page))
        ring = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
        assert ring == "solid", "focus is visible"
    assert visited == [f"lv-{group}={UI_DEFAULTS[group]}" for group in GROUPS[1:]]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('[data-lv-remember]')")
    page.keyboard.press("Space")
    assert stored(page)["local"] is not None
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('[data-lv-reset]')")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('[data-lv-close]')")
    page.keyboard.press("Escape")
    assert not page.is_visible("#lv-panel")
    assert page.evaluate("document.activeElement.matches('[data-lv-toggle]')")
    assert page.get_attribute("[data-lv-toggle]", "aria-expanded") == "false"
    assert lv_attributes(page) == {"size": "125"}


@pytest.mark.parametrize("width", [320, 1280])
def test_touch_targets_are_at_least_24_px(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + HOTLINE)
    open_panel(page)
    boxes = page.eval_on_selector_all(
        "[data-lv-toggle], #lv-panel input, #lv-panel button, #lv-panel label",
        "els => els.map(el => [el.outerHTML.slice(0, 60), el.offsetWidth, el.offsetHeight])",
    )
    small = [box for box in boxes if box[1] < 24 or box[2] < 24]
    assert small == []


# ---- The reader's system settings -------------------------------------------------------------


def test_more_contrast_darkens_text_and_underlines_links(page, site_url):
    page.emulate_media(contrast="more")
    page.goto(site_url + HOTLINE)
    assert style(page, "article p", "color") == rgb("#000000")
    assert style(page, ".md-nav__link", "text-decoration-line") == "underline"


def test_forced_colours_use_system_colours_and_native_controls(page, site_url):
    page.emulate_media(forced_colors="active")
    page.goto(site_url + HOTLINE)
    add_chart(page)
    text = style(page, "article p", "color")
    assert style(page, ".chart__bar--1", "background-color") == text, "a solid bar keeps its fill"
    assert style(page, ".chart__bar--2", "border-top-color") == text, "a hollow part keeps its outline"
    assert style(page, ".chart__bar--2", "background-color") == style(page, "body", "background-color")
    open_panel(page)
    assert style(page, "#lv-panel input[type=radio]", "appearance") == "auto"
    assert style(page, ".lv-swatch--blue", "background-color") == rgb("#9dd1ff"), "samples keep their colours"


def test_reduced_motion_stops_transitions(page, site_url):
    page.emulate_media(reduced_motion="reduce")
    page.goto(site_url + HOTLINE)
    assert px(style(page, ".md-select__inner", "transition-duration").split(",")[0].replace("s", "px")) < 0.01
