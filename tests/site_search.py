"""Driving the site's search (overrides/partials/search.html, assets/js/search.js) in
Chromium as a reader does: the header button, the field, the results. Shared by the tests
that search (test_search.py, test_csp.py, test_offline.py, test_safety.py, ...)."""

from __future__ import annotations

from scripts import site_config
from scripts.content.phones import load_phone_numbers
from scripts.content.ui_strings import load_ui_strings

UI = load_ui_strings(site_config.locales())
# The hotline as the pages write it (data/phones.yml): a search every language's pages answer.
HOTLINE = load_phone_numbers(site_config.locales())["hotline"].number
TOGGLE = "[data-site-search-toggle]"
READY = "[data-site-search-ready]"
PANEL = "[data-site-search-panel]"
FIELD = "[data-site-search-input]"
STATUS = "[data-site-search-status]"
RESULT_LINKS = ".site-search__results a"

# True once the status shows a count or "nothing found" (not "loading", not empty).
_SETTLED = """([selector, loading]) => {
  const text = document.querySelector(selector).textContent.trim();
  return text !== '' && text !== loading;
}"""


def open_search(page) -> None:
    """Open the panel with the header button; focus is then in the field."""
    # The button shows from the first paint; it works once search.js has run at the end of
    # the page, which on a busy machine can be after Playwright's "networkidle".
    page.locator(READY).wait_for(state="attached")
    page.locator(TOGGLE).click()
    page.locator(FIELD).wait_for(state="visible")


def run_search(page, query: str, timeout: float = 15_000) -> list[str]:
    """Open search (if closed), type the query, wait for the outcome; the results' addresses."""
    if not page.locator(FIELD).is_visible():
        open_search(page)
    page.locator(FIELD).fill(query)
    locale = page.locator("html").get_attribute("lang")
    page.wait_for_function(_SETTLED, arg=[STATUS, UI["search.loading"][locale]], timeout=timeout)
    return result_links(page)


def result_links(page) -> list[str]:
    return page.locator(RESULT_LINKS).evaluate_all("links => links.map(link => link.href)")
