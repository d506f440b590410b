"""The page-weight budget (PERFORMANCE.md): the bytes a reader's phone downloads, as a
gzip-serving static host sends them, headers included, measured in Chromium by
scripts/bench/page_weight.py.

Bytes are deterministic, so the budgets are asserted: a first visit (empty cache) costs
at most 45 KB at the median over all pages and 64 KB on any page, a second page at most
15 KB.
"""

from __future__ import annotations

import gzip
import statistics
import urllib.request

import pytest
from conftest import all_page_urls
from site_search import run_search

from scripts.bench import page_weight

PAGES = all_page_urls()


@pytest.fixture(scope="module")
def weights(browser, site_dir) -> dict[str, page_weight.PageWeight]:
    return {item.url_path: item for item in page_weight.measure_site(browser, site_dir, PAGES)}


def describe(load: page_weight.Load) -> str:
    parts = ", ".join(f"{name} {size} B" for name, size in load.by_category().items() if size)
    files = "\n  ".join(f"{t.path} {t.status} {t.bytes} B" for t in load.transfers)
    return f"{load.total} bytes ({parts}):\n  {files}"


@pytest.mark.parametrize(("locale", "page_name", "url_path"), PAGES)
def test_first_visit_within_budget(weights, locale, page_name, url_path):
    item = weights[url_path]
    assert item.first_visit.failures() == []
    assert item.first_visit.total <= item.first_visit_budget(), (
        f"/{url_path} first visit over its {item.first_visit_budget()}-byte budget: {describe(item.first_visit)}"
    )


def test_median_first_visit_within_budget(weights):
    totals = {path: item.first_visit.total for path, item in weights.items()}
    median = statistics.median(totals.values())
    heaviest = sorted(totals.items(), key=lambda pair: -pair[1])[:3]
    assert median <= page_weight.FIRST_VISIT_MEDIAN_BUDGET, (
        f"median first visit {median} bytes, over {page_weight.FIRST_VISIT_MEDIAN_BUDGET}; heaviest: {heaviest}"
    )


def test_no_page_loads_materials_javascript_bundle_until_search_opens(weights):
    def loads_bundle(item: page_weight.PageWeight) -> bool:
        return any(t.path.startswith("assets/javascripts/bundle.") for t in item.first_visit.transfers)

    assert [path for path, item in weights.items() if loads_bundle(item)] == []


@pytest.mark.parametrize(("locale", "page_name", "url_path"), PAGES)
def test_second_page_within_budget(weights, locale, page_name, url_path):
    item = weights[url_path]
    assert item.second_page.failures() == []
    assert item.second_page.total <= page_weight.SECOND_PAGE_BUDGET, (
        f"/{url_path} after /{item.second_page_after} over the {page_weight.SECOND_PAGE_BUDGET}-byte budget: "
        f"{describe(item.second_page)}"
    )


def test_search_downloads_only_when_opened(browser, site_dir):
    """The search index and worker cost nothing until the reader opens search; then they load and count."""
    with page_weight.serve(site_dir) as (base_url, recorder):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        try:
            page = context.new_page()
            page.goto(base_url + "en/", wait_until="networkidle")
            before = {t.path for t in recorder.take()}
            assert [path for path in before if page_weight.category(path) == "search"] == []
            assert run_search(page, "trafficking")
            after = {t.path: t for t in recorder.take()}
        finally:
            context.close()
    assert after["search/en.js"].bytes > 0
    assert after["assets/javascripts/lunr/lunr.min.js"].bytes > 0
    # What opening search costs is counted as search, and it is the English index alone.
    assert {page_weight.category(path) for path in after} == {"search"}
    assert [path for path in after if path.startswith("search/")] == ["search/en.js"]


def test_meter_counts_gzip_size_and_cache_hits_as_zero(browser, tmp_path):
    """On a two-page site, text is counted at its gzip -9 size, images raw, cached files as 0."""
    style = "body { color: #123; }\n" * 200
    (tmp_path / "style.css").write_text(style, encoding="utf-8")
    (tmp_path / "dot.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    page_html = '<!doctype html><title>{0}</title><link rel="stylesheet" href="/style.css">'
    page_html += '<h1>{0}</h1><img src="/dot.png">'
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(page_html.format(name) * 20, encoding="utf-8")
    results = page_weight.measure_site(browser, tmp_path, [("xx", "a.md", "a/"), ("xx", "b.md", "b/")])
    bodies = {t.path: t.bytes - t.header_bytes for t in results[0].first_visit.transfers}
    assert bodies["style.css"] == len(gzip.compress(style.encode(), compresslevel=9, mtime=0))
    assert bodies["dot.png"] == (tmp_path / "dot.png").stat().st_size
    assert bodies["a/index.html"] == len(gzip.compress((tmp_path / "a" / "index.html").read_bytes(), 9, mtime=0))
    # Each response's status line and headers count too, as they travel.
    for transfer in results[0].first_visit.transfers:
        assert 150 <= transfer.header_bytes <= 400, transfer
    # b after a: only b's own HTML travels (and the headers of any revalidation, never a body).
    second = results[1].second_page
    assert all(t.bytes == t.header_bytes for t in second.transfers if t.path != "b/index.html")
    (html,) = [t for t in second.transfers if t.path == "b/index.html"]
    assert html.bytes - html.header_bytes == page_weight.transfer_size(tmp_path / "b" / "index.html")


def test_server_sends_text_gzipped_as_counted(tmp_path):
    """What the meter counts is what travels: text goes out gzip-compressed to a browser that
    accepts it (as GitHub Pages sends it; Lighthouse times these bytes), images as they are,
    and the file as it is to a client that does not accept gzip."""
    text = "<!doctype html><title>t</title>" + "<p>the same words again</p>" * 300
    (tmp_path / "index.html").write_text(text, encoding="utf-8")
    (tmp_path / "dot.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))

    def fetch(url: str, accept_encoding: str) -> tuple[dict[str, str], bytes]:
        request = urllib.request.Request(url, headers={"Accept-Encoding": accept_encoding})
        with urllib.request.urlopen(request) as response:
            return dict(response.headers), response.read()

    with page_weight.serve(tmp_path) as (base_url, _recorder):
        headers, body = fetch(base_url, "gzip, deflate, br")
        assert headers["Content-Encoding"] == "gzip"
        assert int(headers["Content-Length"]) == len(body) == page_weight.transfer_size(tmp_path / "index.html")
        assert gzip.decompress(body).decode("utf-8") == text
        headers, body = fetch(base_url + "dot.png", "gzip")
        assert "Content-Encoding" not in headers
        assert body == (tmp_path / "dot.png").read_bytes()
        headers, body = fetch(base_url, "identity")
        assert "Content-Encoding" not in headers
        assert body.decode("utf-8") == text
