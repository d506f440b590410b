"""Readable and navigable without JavaScript, and the first render waits for no script.

Cheap phones, data savers and some safety tools turn JavaScript off: every page must
show its title and its navigation must work with CSS alone (Material's drawer is a
checkbox). Scripts must not hold back the first render: only the tiny low-vision and
quick-exit scripts may run synchronously in <head>; every other script comes after the content.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from conftest import all_page_urls

PAGES = all_page_urls()
PHONE = {"width": 360, "height": 740}
# The scripts allowed to block rendering, so that the low-vision settings, and the quick
# exit's cover and the safety notice's state, apply before the first paint (no flash of
# the default look, of the page left with the quick exit, or of a moving notice); they
# must stay tiny.
EARLY_SCRIPTS = {"assets/js/lowvision-early.js", "assets/js/quick-exit-early.js"}
EARLY_SCRIPT_BUDGET = 1000  # bytes, gzip -9
RUNNABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}


def next_page(url_path: str) -> str:
    """The page after this one in the same language's nav (the last wraps to the first)."""
    locale = next(locale for locale, _, path in PAGES if path == url_path)
    same_language = [path for other, _, path in PAGES if other == locale]
    return same_language[(same_language.index(url_path) + 1) % len(same_language)]


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(("locale", "page_name", "url_path"), PAGES)
def test_page_reads_and_navigates_without_javascript(no_js_page, site_url, locale, page_name, url_path):
    page = no_js_page
    page.goto(site_url + url_path)
    assert page.locator("h1").first.is_visible(), f"/{url_path}: no visible h1 without JavaScript"
    # On a phone the nav is in Material's drawer, opened by its label (a CSS-only checkbox).
    page.locator("label.md-header__button[for='__drawer']").click()
    target = next_page(url_path)
    _click_nav_link(page, site_url + target)
    page.wait_for_url(site_url + target)
    assert page.locator("h1").first.is_visible(), f"/{target} reached from /{url_path} shows no h1"


NAV_LINKS = "nav.md-nav--primary a.md-nav__link[href]"
# The first link to the address that Playwright would call visible (a box, not
# visibility: hidden), found in one call rather than two per link.
VISIBLE_LINK_INDEX = """([selector, address]) => [...document.querySelectorAll(selector)].findIndex(a => {
  const box = a.getBoundingClientRect();
  return a.href === address && box.width > 0 && box.height > 0 && a.checkVisibility({visibilityProperty: true});
})"""


def _click_nav_link(page, address: str) -> None:
    index = page.evaluate(VISIBLE_LINK_INDEX, [NAV_LINKS, address])
    assert index >= 0, f"no visible link to {address} in the opened navigation drawer"
    # A real click, with Playwright's checks that the link can receive it.
    page.locator(NAV_LINKS).nth(index).click()


def _soup(site_dir: Path, url_path: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")


def _blocks_rendering(script) -> bool:
    runs = script.get("type", "").strip().lower() in RUNNABLE_TYPES
    deferred = script.has_attr("defer") or script.has_attr("async") or script.get("type") == "module"
    return runs and not deferred


def _site_path(url_path: str, src: str) -> str:
    """A script's path from the site root, whatever the page's depth."""
    return urlparse(urljoin(f"http://site/{url_path}", src)).path.lstrip("/")


@pytest.mark.parametrize(("locale", "page_name", "url_path"), PAGES)
def test_no_script_delays_the_first_render(site_dir, locale, page_name, url_path):
    soup = _soup(site_dir, url_path)
    head_scripts = [script for script in soup.head.find_all("script", src=True) if _blocks_rendering(script)]
    assert {_site_path(url_path, script["src"]) for script in head_scripts} <= EARLY_SCRIPTS, (
        f"/{url_path}: a script in <head> blocks the first render; load it at the end of <body> or with defer"
    )
    after_content = [id(script) for script in soup.find("main").find_all_next("script")]
    for script in soup.body.find_all("script", src=True):
        if _blocks_rendering(script):
            # By identity: bs4 finds equal-looking tags equal, and a script may appear twice.
            assert id(script) in after_content, (
                f"/{url_path}: {script['src']} runs before the content; move it after <main> or add defer"
            )


def test_early_scripts_stay_tiny(site_dir):
    for path in EARLY_SCRIPTS:
        file = site_dir / path
        if file.is_file():
            size = len(gzip.compress(file.read_bytes(), compresslevel=9))
            assert size <= EARLY_SCRIPT_BUDGET, f"{path} blocks rendering and is {size} bytes gzip (budget 1000)"


def test_inline_head_scripts_stay_tiny(site_dir):
    for _locale, _page, url_path in PAGES:
        for script in _soup(site_dir, url_path).head.find_all("script", src=False):
            if _blocks_rendering(script):
                size = len(gzip.compress(script.get_text().encode("utf-8"), compresslevel=9))
                assert size <= EARLY_SCRIPT_BUDGET, f"/{url_path}: an inline <head> script is {size} bytes gzip"


@pytest.mark.parametrize("url_path", [path for _locale, page, path in PAGES if page == "index.md"])
def test_without_javascript_no_search_control_shows(no_js_page, site_url, url_path):
    """Search needs JavaScript: without it no button, field or panel may promise one."""
    page = no_js_page
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(site_url + url_path)
        shown = page.locator(
            ".site-search, .site-search *, [data-md-component^=search], label[for='__search'], input[type=search]"
        ).evaluate_all("elements => elements.filter(e => e.getClientRects().length).map(e => e.outerHTML.slice(0, 80))")
        assert shown == [], f"/{url_path} at {width}px without JavaScript shows search controls that cannot work"
