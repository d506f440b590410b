"""'What is happening to you?': the situation pages as readers get them (issue 14).

Each situation has a page in every language, listed on the home page with a plain link
that works without JavaScript; each page dials the hotline, shows the box of numbers for
danger (police and emergency line, from data/phones.yml), leads to the page for people
abroad, names its sources and labels the site's own advice. The signs page covers sexual
exploitation, marriage offers and recruitment online in every language, found by anchors
that are the same in all languages (not by English words).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import HOTLINE_NUMBER

from scripts import site_config
from scripts.content.phones import load_phone_numbers

# The situations issue 14 asks for, in the order the home page lists them.
SITUATIONS = [
    "job-offer-abroad.md",
    "marriage-offer.md",
    "online-offer.md",
    "stuck-abroad.md",
    "worried-about-someone.md",
    "foreign-worker.md",
    "child-begging.md",
]
# The home page's list of situations: the heading's fixed anchor, then the list after it.
SITUATIONS_LIST = "#situations + ul"
# The sections of the signs page that issue 14 requires, by their fixed anchors.
SIGNS_SECTIONS = ["sexual-exploitation", "marriage-offer", "online", "job-offer", "control", "forced-labour"]
# The title of the box for the site's own advice (docs: "The site's own advice is labelled").
OUR_ADVICE = {"az": "Bizim məsləhətimiz", "en": "Our advice", "ru": "Наш совет"}
PHONES = load_phone_numbers(site_config.locales())
LANGUAGES = site_config.languages()


def url_path(language: site_config.Language, page: str) -> str:
    return language.url_prefix() + site_config.page_url(page)


def article(site_dir: Path, path: str) -> Tag:
    soup = BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    content = soup.select_one("article.md-content__inner")
    assert content is not None, f"/{path}: no page content"
    return content


def link_targets(content: Tag, path: str) -> list[str]:
    """Every link of the page content as a path from the site root, fragment included."""
    targets = []
    for anchor in content.select("a[href]"):
        href = anchor["href"]
        if href.startswith(("tel:", "mailto:", "http://", "https://")):
            continue
        resolved = urlparse(urljoin(f"http://site/{path}", href))
        targets.append(resolved.path.lstrip("/") + (f"#{resolved.fragment}" if resolved.fragment else ""))
    return targets


SITUATION_PAGES = [(language, page) for language in LANGUAGES for page in SITUATIONS]
IDS = [f"{language.locale}-{page}" for language, page in SITUATION_PAGES]


def test_every_situation_is_a_page_of_the_site():
    assert set(SITUATIONS) <= set(site_config.pages()), "add the situation pages to nav: in mkdocs.yml"


@pytest.mark.parametrize(("language", "page"), SITUATION_PAGES, ids=IDS)
def test_situation_page_exists_in_its_language(site_dir, language, page):
    html = site_dir / url_path(language, page) / "index.html"
    assert html.is_file(), f"docs/{language.locale}/{page} was not built"
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == language.locale
    assert len(soup.select("article h1")) == 1


@pytest.mark.parametrize("language", LANGUAGES, ids=[language.locale for language in LANGUAGES])
def test_home_page_lists_every_situation_in_order(site_dir, language):
    home = url_path(language, "index.md")
    situations = article(site_dir, home).select_one(SITUATIONS_LIST)
    assert situations is not None, f"/{home}: no list right after the heading {{#situations}}"
    listed = link_targets(situations, home)
    assert listed == [url_path(language, page) for page in SITUATIONS]


@pytest.mark.parametrize(("language", "page"), SITUATION_PAGES, ids=IDS)
def test_situation_page_dials_the_hotline(site_dir, language, page):
    content = article(site_dir, url_path(language, page))
    assert content.select(f'a[href="tel:{HOTLINE_NUMBER.tel}"]'), f"docs/{language.locale}/{page}: no [[hotline]]"


@pytest.mark.parametrize(
    ("language", "page"),
    [*SITUATION_PAGES, *[(language, page) for language in LANGUAGES for page in ("index.md", "signs.md")]],
)
def test_page_shows_the_danger_numbers_as_links(site_dir, language, page):
    box = article(site_dir, url_path(language, page)).select_one(".danger-numbers")
    assert box is not None, f"docs/{language.locale}/{page}: write [[danger-numbers]] on a line of its own"
    for key in ("police", "emergency"):
        assert box.select(f'a[href="tel:{PHONES[key].tel}"]'), f"{page}: the box does not dial {key}"
    # The box says what the hotline is (not an emergency service) and dials it too.
    assert box.select(f'a[href="tel:{HOTLINE_NUMBER.tel}"]')


@pytest.mark.parametrize(
    ("language", "page"),
    [*SITUATION_PAGES, *[(language, page) for language in LANGUAGES for page in ("index.md", "signs.md")]],
)
def test_page_leads_to_the_abroad_page(site_dir, language, page):
    path = url_path(language, page)
    assert url_path(language, "abroad.md") in link_targets(article(site_dir, path), path)


@pytest.mark.parametrize(("language", "page"), SITUATION_PAGES, ids=IDS)
def test_situation_page_names_its_sources_and_labels_its_own_advice(site_dir, language, page):
    content = article(site_dir, url_path(language, page))
    assert content.select(".source-line"), f"docs/{language.locale}/{page}: no [[source ...]] line"
    titles = [title.get_text(strip=True) for title in content.select(".admonition.tip > .admonition-title")]
    assert OUR_ADVICE[language.locale] in titles, (
        f'docs/{language.locale}/{page}: no !!! tip "{OUR_ADVICE[language.locale]}" box; found {titles}'
    )


@pytest.mark.parametrize(("language", "page"), SITUATION_PAGES, ids=IDS)
def test_links_to_rights_and_signs_reach_their_headings(site_dir, language, page):
    path = url_path(language, page)
    for target in link_targets(article(site_dir, path), path):
        target_path, _, fragment = target.partition("#")
        if not fragment or target_path not in {url_path(language, "rights.md"), url_path(language, "signs.md")}:
            continue
        assert article(site_dir, target_path).find(id=fragment), f"{page} links to /{target}, which has no such id"


@pytest.mark.parametrize("language", LANGUAGES, ids=[language.locale for language in LANGUAGES])
def test_signs_page_covers_sexual_exploitation_marriage_offers_and_online_recruitment(site_dir, language):
    content = article(site_dir, url_path(language, "signs.md"))
    for anchor in SIGNS_SECTIONS:
        heading = content.find("h2", id=anchor)
        assert heading is not None, f"docs/{language.locale}/signs.md: no heading {{#{anchor}}}"
        signs = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            signs += sibling.select("li")
        assert len(signs) >= 3, f"docs/{language.locale}/signs.md #{anchor}: {len(signs)} signs listed, expected 3+"


def test_home_page_explains_the_number_with_a_link_to_the_sources(site_dir):
    for language in LANGUAGES:
        home = url_path(language, "index.md")
        assert url_path(language, "sources.md") + "#hotline-number" in link_targets(article(site_dir, home), home)


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("language", LANGUAGES, ids=[language.locale for language in LANGUAGES])
def test_home_list_leads_to_each_situation_without_javascript(no_js_page, site_url, language):
    page = no_js_page
    home = site_url + url_path(language, "index.md")
    for index, situation in enumerate(SITUATIONS):
        page.goto(home)
        link = page.locator(f"{SITUATIONS_LIST} a").nth(index)
        assert link.is_visible(), f"/{url_path(language, 'index.md')}: situation link {index + 1} is not visible"
        name = link.inner_text()
        link.click()
        page.wait_for_url(site_url + url_path(language, situation))
        heading = page.locator("article h1").first
        assert heading.is_visible()
        assert heading.inner_text().strip() != "", f"{situation}: empty h1 after following '{name}'"
