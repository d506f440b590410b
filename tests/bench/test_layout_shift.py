"""No layout shift: while any page loads, on a phone and on a desktop, nothing on it moves.

The first-visit notice is in the HTML from the start (the CSS shows or hides it before the
first paint), images and icons have their size, and no script rebuilds what is already on
screen. Chromium's own layout-shift entries (scripts/bench/layout_shift.py) must be none at all.
"""

from __future__ import annotations

import pytest
from conftest import all_page_urls

from scripts import site_config
from scripts.bench import layout_shift

PAGES = all_page_urls()
VIEWPORTS = layout_shift.VIEWPORTS


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def measuring_page(request, browser):
    context = browser.new_context(viewport=VIEWPORTS[request.param])
    context.add_init_script(layout_shift.INIT_SCRIPT)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(("locale", "page_name", "url_path"), PAGES)
def test_nothing_moves_while_the_page_loads(measuring_page, site_url, locale, page_name, url_path):
    # As on a first visit: the notice shows (nothing is dismissed in this tab).
    shifts = layout_shift.page_load_shifts(measuring_page, site_url + url_path)
    assert shifts == [], "\n".join(f"{shift.value:.4f}: {'; '.join(shift.sources)}" for shift in shifts)


def test_after_the_notice_is_dismissed_the_next_page_does_not_move_either(browser, site_url):
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    context.add_init_script(layout_shift.INIT_SCRIPT)
    try:
        page = context.new_page()
        page.goto(site_url + "en/")
        page.locator("[data-safety-notice-dismiss]").click()
        shifts = layout_shift.page_load_shifts(page, site_url + "en/" + site_config.page_url("rights.md"))
        assert page.locator("[data-safety-notice]").is_hidden()
        assert shifts == []
    finally:
        context.close()
