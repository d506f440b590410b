"""No layout shift: while any page loads, on a phone and on a desktop, nothing on it moves.

The first-visit notice is in the HTML from the start (the CSS shows or hides it before the
first paint), images and icons have their size, and no script rebuilds what is already on
screen. Chromium's own layout-shift entries (scripts/bench/layout_shift.py) must be none at all.
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
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


@pytest.mark.parametrize(("locale", "page_name", "url_path"), PAGES)
def test_the_first_paint_waits_for_the_whole_header(site_dir, locale, page_name, url_path):
    # A header painted before its last controls arrive moves as they do (a slow phone, a busy
    # machine: a shift of 0.001-0.002 seen in runs of this test beside a full test run).
    soup = BeautifulSoup((site_dir / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")
    expects = soup.head.select('link[rel="expect"][blocking="render"]')
    assert [link["href"] for link in expects] == ["#header-end"]
    end = soup.find(id="header-end")
    assert end is not None
    assert end.find_parent("header") is not None
    assert end.find_next_sibling() is None  # the last element of the header's bar
    assert end.find_previous(class_="site-search__toggle") is not None


# Where the page's bytes stop for a while, as on a slow connection: inside the header, before
# its last control (the search), after the others.
STALL_SECONDS = 1.0


def stall_point(page: bytes) -> int:
    """Where the search's element starts: the last <div> before its toggle button (the page
    is minified, its attributes in minify-html's order, so no fixed text marks the element)."""
    toggle = page.index(b"data-site-search-toggle")
    start = page.rindex(b"<div", 0, toggle)
    assert b"site-search" in page[start:toggle]
    assert b"</div" not in page[start:toggle]
    return start


class _StallingHandler(http.server.SimpleHTTPRequestHandler):
    """Sends a page in two parts, STALL_SECONDS apart; other files at once."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass

    def do_GET(self) -> None:
        if not self.path.endswith("/"):
            super().do_GET()
            return
        body = (Path(self.directory) / self.path.lstrip("/") / "index.html").read_bytes()
        split = stall_point(body)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body[:split])
        self.wfile.flush()
        time.sleep(STALL_SECONDS)
        self.wfile.write(body[split:])
        self.close_connection = True


@pytest.fixture(scope="module")
def stalling_site_url(site_dir) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_StallingHandler, directory=str(site_dir))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_page_that_stops_arriving_inside_the_header_does_not_move(browser, stalling_site_url, viewport):
    # Painted as it came, the header's settings and language controls moved left when the search
    # button arrived (0.001 on a phone and a desktop).
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    context.add_init_script(layout_shift.INIT_SCRIPT)
    try:
        shifts = layout_shift.page_load_shifts(context.new_page(), stalling_site_url + "en/")
        assert shifts == [], "\n".join(f"{shift.value:.4f}: {'; '.join(shift.sources)}" for shift in shifts)
    finally:
        context.close()
