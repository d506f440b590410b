"""Marker rendering without a build: what a wrong chart marker is told, and where the
[[downloads]] links lead from pages at different depths."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from scripts.markers import MarkerError, parse_marker
from scripts.stats.dataset import load_dataset
from scripts.stats.render import PageContext, render_chart, render_downloads, render_source_line, render_stat

DATASET = load_dataset()
LABELS = {"stats.downloads.csv": "CSV", "stats.downloads.json": "JSON", "stats.source": "Source"}


def page(locale: str = "en", page_url: str = "en/statistics/") -> PageContext:
    return PageContext(
        locale=locale, sources_url="../sources/", text=lambda key: LABELS.get(key, key), page_url=page_url
    )


def test_stat_carries_what_it_shows_for_the_tests():
    html = render_stat(parse_marker("[[stat victims_identified 2017 sex=female]]"), DATASET, page())
    data = BeautifulSoup(html, "html.parser").find("data")
    assert (data["value"], data["data-metric"], data["data-period"], data["data-breakdown"], data.text) == (
        "66",
        "victims_identified",
        "2017",
        "sex=female",
        "66",
    )
    assert BeautifulSoup(html, "html.parser").a["href"] == "../sources/#mia-annual-report-2017"


def test_chart_of_a_missing_period_lists_what_the_metric_has():
    with pytest.raises(MarkerError) as error:
        render_chart(parse_marker("[[chart persons_convicted 2019 by=sex]]"), DATASET, page())
    assert str(error.value) == (
        "[[chart persons_convicted 2019 by=sex]]: the dataset has no 'sex' breakdown of persons_convicted for 2019; "
        "for persons_convicted it has: 2009-2013; 2017; 2017 sex=female; 2017 sex=male"
    )


def test_chart_of_an_unknown_dimension_lists_the_dimensions():
    with pytest.raises(MarkerError, match=r"unknown dimension 'gender'; the dataset has: age, age_group, citizenship"):
        render_chart(parse_marker("[[chart persons_convicted 2017 by=gender]]"), DATASET, page())


@pytest.mark.parametrize(
    ("locale", "page_url", "csv", "json"),
    [
        ("az", "statistics/", "../data/statistics-az.csv", "../data/statistics.json"),
        ("en", "en/statistics/", "../../data/statistics-en.csv", "../../data/statistics.json"),
        ("ru", "ru/", "../data/statistics-ru.csv", "../data/statistics.json"),
        ("az", "", "data/statistics-az.csv", "data/statistics.json"),
    ],
)
def test_download_links_are_relative_to_the_page(locale, page_url, csv, json):
    html = render_downloads(parse_marker("[[downloads]]"), page(locale, page_url))
    links = BeautifulSoup(html, "html.parser").select("ul.stat-downloads > li > a")
    assert [(link["href"], link["download"], link.text) for link in links] == [
        (csv, f"statistics-{locale}.csv", "CSV"),
        (json, "statistics.json", "JSON"),
    ]


def test_downloads_marker_takes_no_arguments():
    with pytest.raises(MarkerError, match=r"\[\[downloads csv\]\]: \[\[downloads\]\] takes no arguments"):
        render_downloads(parse_marker("[[downloads csv]]"), page())


def test_latest_figure_follows_the_dataset_and_says_its_year():
    html = render_stat(parse_marker("[[stat one_time_allowance latest]]"), DATASET, page())
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("data")["data-period"] == "2024"
    assert soup.get_text(" ", strip=True).startswith("700\u00a0manat (2024)")


def test_a_foreign_governments_count_and_a_news_report_say_so_next_to_the_figure():
    us = BeautifulSoup(render_stat(parse_marker("[[stat victims_identified 2021]]"), DATASET, page()), "html.parser")
    assert us.select_one(".stat__kind").get_text() == "(stats.kind.foreign_government)"
    news = BeautifulSoup(render_stat(parse_marker("[[stat victims_identified 2023]]"), DATASET, page()), "html.parser")
    assert news.select_one(".stat__kind").get_text() == "(stats.kind.news_of_official)"
    own = BeautifulSoup(render_stat(parse_marker("[[stat victims_identified 2017]]"), DATASET, page()), "html.parser")
    assert own.select_one(".stat__kind") is None


def test_source_line_names_each_source_with_its_kind():
    html = render_source_line(parse_marker("[[source legal-framework tip-2022-azerbaijan]]"), DATASET, page())
    soup = BeautifulSoup(html, "html.parser")
    assert [a["href"] for a in soup.find_all("a")] == ["../sources/#legal-framework", "../sources/#tip-2022-azerbaijan"]
    assert "(stats.kind.foreign_government)" in soup.get_text()
    with pytest.raises(MarkerError, match=r"unknown source nobody; data/statistics.json has: "):
        render_source_line(parse_marker("[[source nobody]]"), DATASET, page())
