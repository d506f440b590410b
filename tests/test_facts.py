"""The facts issue on the built site: the danger numbers and the page for readers abroad in
every language and linked from the pages readers act from; every figure and statement names
its source, US counts and news reports are marked as such; the latest figures are shown."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from scripts import site_config
from scripts.content.phones import load_phone_numbers
from scripts.content.stats.dataset import load_dataset
from scripts.content.stats.render import MARKED_KINDS

LANGUAGES = site_config.languages()
NUMBERS = load_phone_numbers(site_config.locales())
DATASET = load_dataset()
ORIGINAL_DOCUMENTS = {"mia-annual-report-2017", "mfa-combating-thb", "osce-country-visit-2012", "shahidov-speech-2016"}


def article(site_dir, language, page: str) -> BeautifulSoup:
    path = site_dir / (language.url_prefix() + site_config.page_url(page)) / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")


def dials(soup: BeautifulSoup, key: str) -> bool:
    return bool(soup.select(f"a[href='tel:{NUMBERS[key].tel}']"))


ABROAD_NUMBERS = ("tr_trafficking", "tr_trafficking_landline", "tr_emergency", "ae_police", "ae_dubai_trafficking")


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_the_abroad_page_gives_the_numbers_of_turkiye_the_uae_and_russia(site_dir, language):
    page = article(site_dir, language, "abroad.md")
    for key in ABROAD_NUMBERS:
        assert dials(page, key), f"{language.locale}: the abroad page does not dial {key}"
    assert dials(page, "ru_emergency")
    assert page.select_one("#turkiye") is not None
    assert page.select_one("#embassy") is not None


ACTED_FROM = ["index.md", "hotline.md", "work-contract.md", "signs.md", "handout.md", "rights.md"]


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
@pytest.mark.parametrize("page_name", ACTED_FROM)
def test_the_pages_readers_act_from_link_to_the_abroad_page(site_dir, language, page_name):
    links = [link["href"] for link in article(site_dir, language, page_name).select("a[href]")]
    assert "abroad" in link_targets(links), f"{language.locale}/{page_name}: {links}"


def link_targets(hrefs: list[str]) -> set[str]:
    """The last path segment of each relative link: "../abroad/" -> "abroad"."""
    return {href.split("#")[0].rstrip("/").split("/")[-1] for href in hrefs if "://" not in href}


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_the_abroad_page_sends_someone_held_abroad_to_the_stuck_abroad_page(site_dir, language):
    links = [link["href"] for link in article(site_dir, language, "abroad.md").select("a[href]")]
    assert "stuck-abroad" in link_targets(links), f"{language.locale}/abroad.md: {links}"


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
@pytest.mark.parametrize("page_name", ["index.md", "hotline.md"])
def test_danger_numbers_are_on_the_home_and_hotline_pages(site_dir, language, page_name):
    box = article(site_dir, language, page_name).select_one(".danger-numbers")
    assert box is not None, f"{language.locale}/{page_name}: no danger-numbers box"
    assert dials(box, "police")
    assert dials(box, "emergency")


def test_every_observation_names_a_source_with_its_kind_date_and_address():
    for observation in DATASET.observations:
        source = DATASET.sources[observation.source]
        assert source.kind, observation
        assert source.date, observation
        if observation.source not in ORIGINAL_DOCUMENTS:
            assert source.url or observation.url, f"{observation.metric} {observation.period}: no address"


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_the_sources_page_lists_every_source_with_publisher_date_and_address(site_dir, language):
    page = article(site_dir, language, "sources.md")
    for source in DATASET.sources.values():
        entry = page.select_one(f"section#{source.id}")
        assert entry is not None, f"{language.locale}: no entry #{source.id}"
        assert source.publisher_local[language.locale] in entry.get_text().replace(
            "\xa0", " "
        )  # the build ties short words with no-break spaces
        if source.url:
            assert entry.select_one(f"a[href='{source.url}']") is not None, source.id
    groups = [heading["id"] for heading in page.select(".source-list h3")]
    assert groups[:3] == ["sources-official", "sources-international", "sources-news"]


def _source_of(figure) -> str:
    return figure.find_parent("a")["href"].rsplit("#", 1)[1]


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
@pytest.mark.parametrize("page_name", ["statistics.md", "rights.md", "abroad.md", "hotline.md"])
def test_us_counts_and_news_reports_are_marked_on_the_page(site_dir, language, page_name):
    page = article(site_dir, language, page_name)
    named = {link["href"].rsplit("#", 1)[1] for link in page.select(".source-line a[href*='#']")}
    first_figure: dict[str, object] = {}
    for figure in page.select("a.stat data"):
        first_figure.setdefault(_source_of(figure), figure)
    for source_id, figure in first_figure.items():
        if DATASET.sources[source_id].kind not in MARKED_KINDS or source_id in named:
            continue
        block = figure.find_parent(["p", "li", "td"])
        assert block.select_one(".stat__note"), f"{language.locale}/{page_name}: {source_id} is not marked"


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_the_rights_page_shows_the_latest_allowance_and_its_year(site_dir, language):
    page = article(site_dir, language, "rights.md")
    latest = max(obs.period for obs in DATASET.observations if obs.metric == "one_time_allowance")
    figure = page.select_one(f"data[data-metric='one_time_allowance'][data-period='{latest}']")
    assert figure is not None
    assert f"({latest})" in figure.find_parent("a").next_sibling


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
@pytest.mark.parametrize("page_name", ["hotline.md", "rights.md", "laws.md", "abroad.md"])
def test_statements_of_law_and_services_name_their_sources(site_dir, language, page_name):
    lines = article(site_dir, language, page_name).select(".source-line")
    assert len(lines) >= 3, f"{language.locale}/{page_name}: {len(lines)} source lines"
    for line in lines:
        for link in line.select("a"):
            assert link["href"].rsplit("#", 1)[1] in DATASET.sources


def test_the_mfa_number_is_mentioned_only_on_the_sources_page():
    for language in LANGUAGES:
        for page in site_config.pages():
            text = (ROOT / "docs" / language.locale / page).read_text(encoding="utf-8")
            if page != "sources.md":
                assert "mfa_page_hotline" not in text, f"docs/{language.locale}/{page}"
