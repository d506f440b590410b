"""The built site: every page in every language, correct language metadata, working
language switcher, nothing loaded from another host, strict build, missing translations."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from conftest import SITE_URL, all_page_urls, copy_project, run_mkdocs_build

from scripts import site_config

PAGES = all_page_urls()


def html_file(site_dir: Path, url_path: str) -> Path:
    return site_dir / url_path / "index.html"


def soup_of(site_dir: Path, url_path: str) -> BeautifulSoup:
    return BeautifulSoup(html_file(site_dir, url_path).read_text(encoding="utf-8"), "html.parser")


def test_strict_build_has_no_warnings(built_site):
    assert "WARNING" not in built_site.output


@pytest.mark.parametrize(("locale", "page", "url_path"), PAGES)
def test_page_exists_with_its_language(site_dir, locale, page, url_path):
    soup = soup_of(site_dir, url_path)
    assert soup.html["lang"] == locale
    assert len(soup.find_all("h1")) == 1, f"{locale}/{page} must have exactly one h1"


@pytest.mark.parametrize(("locale", "page", "url_path"), PAGES)
def test_hreflang_alternates_are_absolute_and_complete(site_dir, locale, page, url_path):
    soup = soup_of(site_dir, url_path)
    alternates = {link["hreflang"]: link["href"] for link in soup.select('head link[rel="alternate"][hreflang]')}
    expected = {
        language.locale: SITE_URL + language.url_prefix() + site_config.page_url(page)
        for language in site_config.languages()
    }
    assert {lang: href for lang, href in alternates.items() if lang != "x-default"} == expected
    assert alternates["x-default"] == expected[site_config.default_locale()]


@pytest.mark.parametrize(("locale", "page", "url_path"), PAGES)
def test_language_switcher_leads_to_same_page(site_dir, locale, page, url_path):
    soup = soup_of(site_dir, url_path)
    links = {link["hreflang"]: link["href"] for link in soup.select("a.md-select__link[hreflang]")}
    assert set(links) == set(site_config.locales())
    for language in site_config.languages():
        target = urljoin(SITE_URL + url_path, links[language.locale])
        expected = SITE_URL + language.url_prefix() + site_config.page_url(page)
        assert target.rstrip("/") == expected.rstrip("/"), f"{locale}/{page}: switcher to {language.locale}"
        assert html_file(site_dir, urlparse(expected).path.lstrip("/")).is_file()


def test_not_found_page_is_in_the_default_language_and_speaks_every_language(site_dir):
    # GitHub Pages serves this one file for a missing address anywhere on the site.
    soup = BeautifulSoup((site_dir / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == site_config.default_locale()
    assert [heading.get_text(strip=True) for heading in soup.select("article h1")] == ["Səhifə tapılmadı"]
    sections = {section["lang"]: section for section in soup.select("article section[lang]")}
    assert list(sections) == site_config.locales()
    assert sections["ru"].h2.get_text(strip=True) == "Страница не найдена"
    for language in site_config.languages():
        home = SITE_URL + language.url_prefix()
        assert sections[language.locale].find("a")["href"] == home
        # The switcher leads to each home page too, by absolute address (any path may show this page).
        assert soup.select_one(f'a.md-select__link[hreflang="{language.locale}"]')["href"] == home
    # No counterparts to announce, and none of Material's English "404 - Not found".
    assert soup.select('head link[rel="alternate"][hreflang]') == []
    assert "Not found" not in soup.get_text()


def external_references(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    refs = [tag["src"] for tag in soup.find_all(src=True)]
    refs += [
        link["href"]
        for link in soup.find_all("link", href=True)
        if not {"alternate", "canonical"} & set(link.get("rel", []))
    ]
    refs += re.findall(r"url\(\s*['\"]?([^'\")]+)", html)
    return [ref for ref in refs if urlparse(ref).scheme in {"http", "https"} and not ref.startswith(SITE_URL)]


def test_no_asset_from_another_host(site_dir):
    offenders = {}
    for path in list(site_dir.rglob("*.html")) + list(site_dir.rglob("*.css")):
        found = external_references(path.read_text(encoding="utf-8", errors="replace"))
        if found:
            offenders[str(path.relative_to(site_dir))] = found
    assert offenders == {}


def test_external_reference_detector_catches_a_font_link():
    html = '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto"><style>a{background:url(https://cdn.example/x.png)}</style>'
    assert external_references(html) == ["https://fonts.googleapis.com/css?family=Roboto", "https://cdn.example/x.png"]


def test_each_language_folder_has_its_own_sitemap(site_dir):
    for language in site_config.languages():
        sitemap = (site_dir / language.url_prefix() / "sitemap.xml").read_text(encoding="utf-8")
        locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
        assert locs, f"{language.locale}: empty sitemap"
        if not language.default:
            assert all(loc.startswith(f"{SITE_URL}{language.locale}/") for loc in locs)


def test_missing_translation_fails_the_build_naming_the_page(tmp_path):
    project = copy_project(tmp_path)
    page = site_config.pages()[-1]
    (project / "docs" / "ru" / page).unlink()
    result = run_mkdocs_build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{page} is missing in ru: create docs/ru/{page}" in output


def test_a_link_to_a_missing_page_or_anchor_stops_the_build_with_file_line_and_fix(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "en" / "rights.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines += [
        "",
        "See [the archive](archive.md) and [the shelter](laws.md#no-such-heading) and [the laws](/en/laws/).",
    ]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        f"docs/en/rights.md line {len(lines)}: the link 'the archive' -> archive.md leads to a page that does not "
        "exist" in output
    )
    assert "Fix: link to the page's Markdown file as it is in docs/" in output
    assert (
        f"docs/en/rights.md line {len(lines)}: the link 'the shelter' -> the page ../laws/ has no anchor "
        "#no-such-heading" in output
    )
    assert "{#no-such-heading}" in output
    # A preview at / would follow it; published below the repository's path it leaves the site.
    assert (
        f"docs/en/rights.md line {len(lines)}: the link 'the laws' -> /en/laws/ starts at the server's root ('/'), "
        "which is not the site's root once published" in output
    )
