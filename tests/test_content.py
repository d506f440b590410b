"""The content pages as readers get them: complete front matter, the hotline on every
page, the same outline in every language, and no English left in az or ru."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import HOTLINE_NUMBER, ROOT, all_page_urls

from scripts import site_config
from scripts.checks.front_matter import front_matter_problems
from scripts.checks.language.english import english_problems, english_words
from scripts.checks.language.texts import all_text_lines, checked_files
from scripts.content.stats.dataset import load_dataset

PAGES = all_page_urls()
KNOWN_SOURCES = set(load_dataset().sources)


def front_matter(locale: str, page: str) -> dict:
    text = (ROOT / "docs" / locale / page).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1])


def content_of(site_dir: Path, url_path: str) -> BeautifulSoup:
    soup = BeautifulSoup((site_dir / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")
    return soup.select_one("article.md-content__inner")


@pytest.mark.parametrize(("locale", "page", "url_path"), PAGES)
def test_front_matter_is_complete(locale, page, url_path):
    meta = front_matter(locale, page)
    assert front_matter_problems(meta, KNOWN_SOURCES) == []
    assert isinstance(meta["last_reviewed"], date)


def test_front_matter_check_names_what_is_missing_and_unknown():
    problems = front_matter_problems({"title": "T", "last_reviewed": "soon", "sources": ["nobody"]}, {"mfa"})
    assert problems == [
        "'description' is missing or empty; add `description: ...` (one or two sentences for search engines and "
        "link previews)",
        "last_reviewed is 'soon'; write the date as YYYY-MM-DD, e.g. 2026-11-23",
        "sources names unknown source 'nobody'; known sources: mfa (add a new source to data/statistics.json first)",
    ]


@pytest.mark.parametrize(("locale", "page", "url_path"), PAGES)
def test_page_content_links_to_the_hotline(site_dir, locale, page, url_path):
    link = f'a[href="tel:{HOTLINE_NUMBER.tel}"]'
    assert content_of(site_dir, url_path).select(link), f"docs/{locale}/{page} has no {link} link"


@pytest.mark.parametrize(("locale", "page", "url_path"), PAGES)
def test_hotline_is_in_the_same_place_on_every_page(site_dir, locale, page, url_path):
    soup = BeautifulSoup((site_dir / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")
    strip_link = soup.select_one(f"header .site-strip a[href='tel:{HOTLINE_NUMBER.tel}']")
    assert strip_link is not None
    assert HOTLINE_NUMBER.number in strip_link.get_text()


@pytest.mark.parametrize("page", site_config.pages())
def test_every_language_has_the_same_outline(site_dir, page):
    outlines = {}
    for language in site_config.languages():
        article = content_of(site_dir, language.url_prefix() + site_config.page_url(page))
        outlines[language.locale] = (len(article.find_all("h1")), len(article.find_all("h2")))
    assert len(set(outlines.values())) == 1, f"{page}: (h1, h2) counts differ between languages: {outlines}"


def test_no_english_left_in_azerbaijani_and_russian_pages_and_data():
    # The check of `make check-language` (scripts/checks/language/english.py), on every page and data file.
    lines = all_text_lines(checked_files())
    assert {line.locale for line in lines} == {"az", "en", "ru"}
    assert [str(problem) for problem in english_problems(lines)] == []


def test_english_detector_finds_a_left_over_sentence():
    text = "Qaynar xətt 152. Call the hotline if you need help. «The Law» is quoted; ATƏT-in."
    assert set(english_words(text)) == {"Call", "the", "if", "you", "help", "is"}
