"""The offline copy (scripts/build/offline.py): a deterministic zip of the whole site that, unpacked
to a folder and opened from file:// in Chromium, works without a network: links, language
switching, search in every language, the low-vision panel, the quiz and the charts."""

from __future__ import annotations

import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import ROOT
from site_search import RESULT_LINKS, run_search

from scripts import site_config
from scripts.build.offline import ZIP_FOLDER, local_polyfills, make_offline_zip, write_zip
from scripts.content.ui_strings import load_ui_strings

UI = load_ui_strings(site_config.locales())


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_offline_zip(tmp_path_factory.mktemp("offline") / "site-offline.zip")


@pytest.fixture(scope="session")
def offline_dir(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(folder)
    return folder / ZIP_FOLDER


def file_url(offline_dir: Path, path: str) -> str:
    return (offline_dir / path).as_uri()


def test_the_zip_is_small_and_holds_every_page_of_every_language(offline_zip, offline_dir):
    size = offline_zip.stat().st_size
    print(f"offline zip: {size / 1_000_000:.2f} MB")
    assert size < 5_000_000
    for language in site_config.languages():
        for page in site_config.pages():
            html = page.removesuffix(".md") + ".html"
            assert (offline_dir / language.url_prefix() / html).is_file(), language.url_prefix() + html
    for language in site_config.languages():
        assert (offline_dir / "search" / f"{language.locale}.js").is_file(), language.locale
    assert not (offline_dir / "search" / "search_index.js").exists()  # Material's, for its worker


def test_pages_load_nothing_from_a_cdn(offline_dir):
    # Material's offline plugin adds the iframe-worker shim from unpkg.com, for a search worker
    # the site's search does not have: it is left out (and so is any other copy of it).
    offenders = [
        str(path.relative_to(offline_dir))
        for path in offline_dir.rglob("*.html")
        if "unpkg.com" in path.read_text(encoding="utf-8") or "iframe-worker" in path.read_text("utf-8")
    ]
    assert offenders == []
    assert local_polyfills(["https://unpkg.com/iframe-worker/shim", "a.js"]) == ["a.js"]


def test_the_zip_is_deterministic(tmp_path):
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("home", encoding="utf-8")
    (site / "en" / "index.html").write_text("en", encoding="utf-8")
    write_zip(site, tmp_path / "one.zip")
    (site / "index.html").touch()  # a newer date must not change the zip
    write_zip(site, tmp_path / "two.zip")
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "one.zip") as archive:
        assert archive.namelist() == [f"{ZIP_FOLDER}/en/index.html", f"{ZIP_FOLDER}/index.html"]


# ---- From file:// in Chromium -------------------------------------------------------------------


@pytest.fixture
def offline_page(page):
    """A page that records every request leaving file:// and every script error."""
    problems: list[str] = []
    page.on("request", lambda r: problems.append(r.url) if urlparse(r.url).scheme not in {"file", "data"} else None)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.problems = problems
    return page


def test_a_link_leads_to_another_page(offline_page, offline_dir):
    offline_page.goto(file_url(offline_dir, "en/index.html"))
    offline_page.set_viewport_size({"width": 1280, "height": 800})
    offline_page.locator(".md-nav--primary a.md-nav__link[href$='hotline.html']").first.click()
    assert offline_page.url == file_url(offline_dir, "en/hotline.html")
    assert offline_page.locator("h1").inner_text()
    assert offline_page.problems == []


def test_the_language_switcher_leads_to_the_same_page(offline_page, offline_dir):
    offline_page.goto(file_url(offline_dir, "en/rights.html"))
    link = offline_page.locator(".md-select__link[hreflang=ru]")
    offline_page.goto(link.evaluate("a => a.href"))
    assert offline_page.url == file_url(offline_dir, "ru/rights.html")
    assert offline_page.locator("html").get_attribute("lang") == "ru"
    offline_page.goto(offline_page.locator(".md-select__link[hreflang=az]").evaluate("a => a.href"))
    assert offline_page.url == file_url(offline_dir, "rights.html")
    assert offline_page.problems == []


SEARCHES = [
    ("index.html", "insan", "İnsan"),
    ("en/rights.html", "trafficking", "trafficking"),
    ("ru/index.html", "торговли", "торговл"),
]


@pytest.mark.parametrize(("path", "query", "expected"), SEARCHES)
def test_search_works_in_each_language(offline_page, offline_dir, path, query, expected):
    offline_page.set_viewport_size({"width": 1280, "height": 800})
    offline_page.goto(file_url(offline_dir, path))
    links = run_search(offline_page, query)
    assert links
    first = offline_page.locator(RESULT_LINKS).first.locator("xpath=..")
    assert expected.lower() in first.inner_text().lower()
    # Results lead to the copy's own pages, in the page's language only.
    root = offline_dir.as_uri() + "/"
    prefixes = [item.url_prefix() for item in site_config.languages() if item.url_prefix()]
    own = next((prefix for prefix in prefixes if path.startswith(prefix)), "")
    others = [root + prefix for prefix in prefixes if prefix != own]
    assert all(link.startswith(root + own) for link in links), links[:3]
    assert [link for link in links if any(link.startswith(other) for other in others)] == []
    offline_page.locator(RESULT_LINKS).first.click()
    offline_page.wait_for_load_state()
    assert offline_page.url.startswith(root + own)
    assert offline_page.locator("h1").count() == 1
    assert offline_page.problems == []


def test_the_low_vision_panel_changes_the_page(offline_page, offline_dir):
    offline_page.goto(file_url(offline_dir, "en/index.html"))
    toggle = offline_page.locator("button[data-lv-toggle]")
    assert toggle.count() == 1, "the low-vision control is missing"
    toggle.click()
    panel = offline_page.locator("#lv-panel")
    assert panel.is_visible()
    before = offline_page.evaluate("Object.keys(document.documentElement.dataset).sort().join(',')")
    panel.locator("input[type=radio]").nth(2).check()
    after = offline_page.evaluate("Object.keys(document.documentElement.dataset).sort().join(',')")
    assert after != before, "choosing a setting changed nothing on <html>"
    assert offline_page.problems == []


def test_the_quiz_works(offline_page, offline_dir):
    offline_page.goto(file_url(offline_dir, "ru/quiz.html"))
    groups = offline_page.locator(".quiz fieldset")
    total = groups.count()
    assert total >= 8
    for index in range(total):
        groups.nth(index).locator("input[type=radio]").first.check()
    offline_page.locator(".quiz__button").first.click()
    status = offline_page.locator(".quiz__status").inner_text()
    template = UI["quiz.result"]["ru"]
    assert status.startswith(template.split("{correct}")[0])
    assert f"из {total}" in status
    assert offline_page.problems == []


def test_the_charts_show(offline_page, offline_dir):
    offline_page.goto(file_url(offline_dir, "en/statistics.html"))
    chart = offline_page.locator("figure.chart").first
    assert chart.is_visible()
    assert chart.bounding_box()["height"] > 50
    bar = chart.locator(".chart__bar").first
    assert bar.bounding_box()["width"] > 10, "the bars take their widths from their inline styles"
    assert offline_page.problems == []


def test_make_build_and_the_pages_workflow_make_the_zip():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\noffline:" in makefile
    assert "scripts.build.build_site --publish" in makefile
    workflow = (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert "run: make publish" in workflow
    assert workflow.index("make publish") < workflow.index("site-offline.zip") < workflow.index("upload-pages-artifact")


def internal_links(offline_dir: Path) -> dict[str, set[str]]:
    """Every link of every page that stays in the copy: target file URL -> the pages linking to it."""
    from bs4 import BeautifulSoup

    targets: dict[str, set[str]] = {}
    for page in sorted(offline_dir.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for link in soup.select("a[href]"):
            href = link["href"]
            if urlparse(href).scheme or href.startswith(("#", "//")):
                continue
            target = (page.parent / href.split("#", 1)[0]).resolve() if href.split("#", 1)[0] else page
            targets.setdefault(target.as_uri(), set()).add(page.relative_to(offline_dir).as_posix())
    return targets


def test_every_internal_link_of_the_copy_opens_from_file_urls(page, offline_dir):
    targets = internal_links(offline_dir)
    assert len(targets) > 40
    broken = {}
    for url, pages in sorted(targets.items()):
        if not url.endswith(".html"):
            # A download (the statistics as CSV or JSON): the file must be there.
            if not Path(urlparse(url).path).is_file():
                broken[url.removeprefix(offline_dir.as_uri())] = ("missing", sorted(pages)[:3])
            continue
        try:
            page.goto(url)
            opened = page.evaluate("document.querySelector('h1') ? 'page' : document.title")
        except Exception as error:
            opened = str(error).splitlines()[0]
        if opened != "page":
            broken[url.removeprefix(offline_dir.as_uri())] = (opened, sorted(pages)[:3])
    # A directory URL (safer-browsing/) opens a folder listing from file://, not the page.
    assert broken == {}
