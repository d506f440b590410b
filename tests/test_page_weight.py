"""The page-weight budget (PERFORMANCE.md): the bytes a reader's phone downloads, as a
gzip-serving static host sends them, measured in Chromium by scripts/page_weight.py.

Bytes are deterministic, so the budgets are asserted: a first visit of any page at
most 80 KB (the statistics page 120 KB), a second page at most 15 KB.
"""

from __future__ import annotations

import gzip

import pytest
from conftest import all_page_urls
from site_search import run_search

from scripts import page_weight

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
    first = results[0].first_visit.by_category()
    assert first["css"] == len(gzip.compress(style.encode(), compresslevel=9, mtime=0))
    assert first["images"] == (tmp_path / "dot.png").stat().st_size
    assert first["html"] == len(gzip.compress((tmp_path / "a" / "index.html").read_bytes(), 9, mtime=0))
    # b after a: only b's own HTML travels.
    second = results[1].second_page
    assert second.by_category()["css"] == 0
    assert second.by_category()["images"] == 0
    assert second.total == page_weight.transfer_size(tmp_path / "b" / "index.html")
