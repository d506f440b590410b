"""Search in Chromium finds Azerbaijani, English and Russian words, with no request to another
host and none failing. That no page asks another host for anything or fails to load a file is
checked with its policy, in one load per page: tests/build/test_csp.py."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from conftest import SITE_URL
from site_search import RESULT_LINKS, run_search

SITE_HOST = urlparse(SITE_URL).netloc


def record_requests(page) -> tuple[list[str], list[str]]:
    foreign: list[str] = []
    failed: list[str] = []

    def on_request(request) -> None:
        url = urlparse(request.url)
        if url.scheme in {"http", "https", "ws", "wss"} and url.netloc != SITE_HOST:
            foreign.append(request.url)

    page.on("request", on_request)
    page.on("requestfailed", lambda request: failed.append(f"{request.url} ({request.failure})"))
    page.on(
        "response",
        lambda response: failed.append(f"{response.url} ({response.status})") if response.status >= 400 else None,
    )
    return foreign, failed


SEARCHES = [
    # (page to search from, what a reader types, text the first results must contain)
    ("", "insan", "İnsan"),
    ("en/", "trafficking", "trafficking"),
    ("ru/", "торговли", "торговл"),
]


@pytest.mark.parametrize(("url_path", "query", "expected"), SEARCHES)
def test_search_finds_words_in_each_language(page, site_url, url_path, query, expected):
    foreign, failed = record_requests(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + url_path, wait_until="networkidle")
    assert run_search(page, query)
    first = page.locator(RESULT_LINKS).first.locator("xpath=..")
    assert expected.lower() in first.inner_text().lower()
    assert foreign == []
    assert failed == []
