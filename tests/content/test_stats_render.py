"""Marker rendering without a build: what charts and tables show (a row for every year, a
gap that says so, honest spans, split bars, each row's source and its kind), what a wrong
chart or table marker is told, and where the [[downloads]] links lead from pages at
different depths."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from scripts import site_config
from scripts.checks.language.glossary import site_glossary
from scripts.content.markers import MarkerError, parse_marker
from scripts.content.stats.charts import render_chart, render_table, year_span
from scripts.content.stats.dataset import load_dataset
from scripts.content.stats.render import PageContext, render_downloads, render_source_line, render_stat
from scripts.content.ui_strings import UiStrings, load_ui_strings

DATASET = load_dataset()
LABELS = {"stats.downloads.csv": "CSV", "stats.downloads.json": "JSON", "stats.source": "Source"}
UI = load_ui_strings(site_config.locales())


def page(locale: str = "en", page_url: str = "en/statistics/") -> PageContext:
    return PageContext(
        locale=locale, sources_url="../sources/", text=lambda key: LABELS.get(key, key), page_url=page_url
    )


def test_stat_carries_what_it_shows_for_the_tests():
    html = render_stat(parse_marker("[[stat victims_identified 2017 sex=female]]"), DATASET, page()).html
    data = BeautifulSoup(html, "html.parser").find("data")
    assert (data["value"], data["data-metric"], data["data-period"], data["data-breakdown"], data.text) == (
        "66",
        "victims_identified",
        "2017",
        "sex=female",
        "66",
    )
    assert BeautifulSoup(html, "html.parser").a["href"] == "../sources/#mia-annual-report-2017"


def ui_page(locale: str = "en") -> PageContext:
    """A page with the real interface strings."""
    return PageContext(locale=locale, sources_url="../sources/", text=UiStrings(UI, locale), page_url="en/statistics/")


def chart_soup(marker: str, locale: str = "en") -> BeautifulSoup:
    return BeautifulSoup(render_chart(parse_marker(marker), DATASET, ui_page(locale)), "html.parser")


def rows_of(soup: BeautifulSoup) -> dict[str, object]:
    """The chart's rows by label (without the colon read to screen readers)."""
    return {row.select_one(".chart__label").get_text().rstrip(":"): row for row in soup.select(".chart__rows > li")}


def years_with_a_total(metric: str) -> list[str]:
    return sorted(
        {obs.period for obs in DATASET.observations if obs.metric == metric and not obs.breakdown} - {"2009-2013"}
    )


def test_yearly_chart_has_a_bar_for_each_year_with_a_figure_and_a_gap_for_each_year_without():
    soup = chart_soup("[[chart victims_identified by=period]]")
    rows = rows_of(soup)
    figures = years_with_a_total("victims_identified")
    assert list(rows) == [str(year) for year in range(int(figures[0]), int(figures[-1]) + 1)]
    for year, row in rows.items():
        if year in figures:
            assert row.select_one(".chart__bar")["aria-hidden"] == "true"
            assert row.select_one(".chart__value data")["data-period"] == year
        else:
            assert row.select_one(".chart__bar") is None, f"{year}: a year without a figure has no bar"
            assert row.select("data") == []
            assert row.select_one(".chart__gap").get_text() == "no figure"
    assert {"2014", "2022"} <= set(rows) - set(figures)
    assert soup.find("data", attrs={"data-period": "2009-2013"}) is None, "a multi-year total is not a row"


def test_bars_are_as_long_as_their_share_of_the_largest():
    rows = rows_of(chart_soup("[[chart victims_identified 2017 by=sex]]"))
    assert rows["Women"].select_one(".chart__bar")["style"] == "width: 100.0%"
    assert rows["Men"].select_one(".chart__bar")["style"] == f"width: {round(100 * 5 / 66, 1)}%"


@pytest.mark.parametrize(
    ("marker", "locale", "title"),
    [
        (
            "[[chart victims_identified by=period]]",
            "en",
            "Victims of trafficking identified, 2013–2023 (no figure for 2014 and 2022)",
        ),
        (
            "[[chart victims_identified by=period]]",
            "az",
            "Müəyyən edilmiş insan alveri qurbanları, 2013–2023 (rəqəm verilməyən illər: 2014 və 2022)",
        ),
        (
            "[[chart victims_identified by=period]]",
            "ru",
            "Выявлено пострадавших от торговли людьми, 2013–2023 (нет данных за 2014 и 2022 годы)",
        ),
        # More years without a figure than with one: the title lists the years.
        (
            "[[chart one_time_allowance by=period]]",
            "en",
            "One-time allowance paid to a victim, 2012, 2016, 2017, and 2024",
        ),
        ("[[chart victims_identified 2017 by=sex]]", "en", "Victims of trafficking identified, 2017"),
        (
            "[[chart victims_identified by=period split=exploitation]]",
            "en",
            "Victims of trafficking identified, by form of exploitation, 2013–2023 (no figure for 2014 and 2022)",
        ),
        (
            "[[chart victims_identified by=period split=exploitation]]",
            "az",
            "Müəyyən edilmiş insan alveri qurbanları, istismar forması üzrə, 2013–2023 "
            "(rəqəm verilməyən illər: 2014 və 2022)",
        ),
    ],
)
def test_chart_title_names_the_years_honestly(marker, locale, title):
    assert chart_soup(marker, locale).figcaption.get_text() == title


@pytest.mark.parametrize(
    ("years", "span"),
    [
        (["2013", "2017"], "2013 and 2017"),
        (["2013", "2014", "2015"], "2013–2015"),
        (["2013", "2015"], "2013 and 2015"),
        (["2013", "2014", "2016"], "2013–2016 (no figure for 2015)"),
        (["2017"], "2017"),
    ],
)
def test_a_span_with_gaps_is_never_written_as_a_continuous_range(years, span):
    assert year_span(years, ui_page()) == span


def test_split_chart_shows_each_part_a_total_without_parts_and_gaps():
    soup = chart_soup("[[chart victims_identified by=period split=exploitation]]")
    rows = rows_of(soup)
    assert list(rows) == [str(year) for year in range(2013, 2024)]
    for year in ("2013", "2016", "2017", "2018", "2019", "2020", "2021", "2023"):
        parts = rows[year].select(".chart__parts data")
        assert [data["data-breakdown"] for data in parts] == ["exploitation=sexual", "exploitation=labour"], year
        assert [part.get_text(" ", strip=True).split(":")[0] for part in rows[year].select(".chart__part")] == [
            "Sexual exploitation",
            "Labour exploitation",
        ]
        # Two shapes, not two colours: solid and hollow.
        assert [bar["class"] for bar in rows[year].select(".chart__track .chart__bar")] == [
            ["chart__bar", "chart__bar--1"],
            ["chart__bar", "chart__bar--2"],
        ]
    total_only = rows["2015"]
    assert total_only.select_one(".chart__value data")["data-period"] == "2015"
    assert total_only.select_one(".chart__bar")["class"] == ["chart__bar", "chart__bar--total"]
    assert total_only.select(".chart__parts") == []
    assert total_only.select_one(".chart__note").get_text() == "total only: the source gives no breakdown"
    for gap in ("2014", "2022"):
        assert rows[gap].select_one(".chart__bar") is None
        assert rows[gap].select_one(".chart__gap").get_text() == "no figure"
    sexual = [int(data["value"]) for data in soup.select('.chart__rows data[data-breakdown="exploitation=sexual"]')]
    assert sexual == [40, 69, 66, 82, 85, 85, 94, 89]


def test_the_table_behind_the_disclosure_lists_each_rows_figure_source_and_kind():
    soup = chart_soup("[[chart victims_identified by=period]]")
    details = soup.select_one("figure > details.chart__details")
    assert details.summary.get_text() == "Show as a table"
    table = details.table
    assert (
        table.caption.get_text() == "Table: Victims of trafficking identified, 2013–2023 (no figure for 2014 and 2022)"
    )
    assert [th.get_text() for th in table.select("thead th")] == ["Year", "Figure", "Source"]
    rows = {tr.th.get_text(): tr for tr in table.select("tbody tr")}
    assert list(rows) == [str(year) for year in range(2013, 2024)]
    assert rows["2014"].get_text(" ", strip=True) == "2014 no figure"
    chart_figures = [(d["data-period"], d["value"]) for d in soup.select(".chart__rows data")]
    assert [(d["data-period"], d["value"]) for d in table.select("data")] == chart_figures
    us_count = rows["2018"].select_one(".chart__source")
    assert us_count.a["href"] == "../sources/#tip-2019-azerbaijan"
    assert us_count.select_one(".chart__kind").get_text() == "(the US government’s count)"
    news = rows["2023"].select_one(".chart__source")
    assert news.select_one(".chart__kind").get_text() == "(as reported in the news)"
    assert rows["2017"].select_one(".chart__source .chart__kind") is None, "the authorities' own figure"


def test_under_the_chart_each_source_names_its_years_and_kind():
    soup = chart_soup("[[chart victims_identified by=period]]")
    notes = [li.get_text(" ", strip=True) for li in soup.select(".chart__sources li")]
    assert notes[0].startswith("2013:")
    assert (
        "2018: US State Department, 2019 Trafficking in Persons Report: Azerbaijan (the US government’s count)" in notes
    )
    assert notes[-1].startswith("2023:")
    assert notes[-1].endswith("(as reported in the news)")
    single = chart_soup("[[chart victims_identified 2017 by=sex]]").select_one("p.chart__sources")
    assert single.a["href"] == "../sources/#mia-annual-report-2017"


def test_table_marker_has_a_row_per_country_and_a_column_per_year_with_the_breakdown():
    html = render_table(parse_marker("[[table victims_exploited_abroad by=destination]]"), DATASET, ui_page())
    soup = BeautifulSoup(html, "html.parser")
    table = soup.table
    assert table.caption.get_text() == "Citizens of Azerbaijan exploited abroad, by country of exploitation"
    assert [th.get_text() for th in table.select("thead th")] == [
        "Country of exploitation",
        "2013",
        "2015",
        "2017",
        "2020",
        "2023",
    ]
    cells = {tr.th.get_text(): [td.get_text() for td in tr.select("td")] for tr in table.select("tbody tr")}
    assert cells["Türkiye"] == ["19", "38", "43", "81", "28"]
    assert cells["Iran"] == ["1", "–no figure", "–no figure", "–no figure", "3"]
    assert list(cells)[:3] == ["Türkiye", "United Arab Emirates", "Russia"]
    assert {"Bahrain", "Qatar", "Iraq", "Malaysia", "Pakistan"} <= set(cells)
    scroll = soup.select_one(".stat-table__scroll")
    assert (scroll["role"], scroll["tabindex"], scroll["aria-labelledby"]) == ("region", "0", table.caption["id"])
    notes = [li.get_text(" ", strip=True) for li in soup.select(".chart__sources li")]
    assert [note.split(":")[0] for note in notes] == ["2013", "2015", "2017", "2020", "2023"]
    assert notes[1].endswith("(as reported in the news)")


WRONG = [
    (
        "[[chart victims_identifed by=period]]",
        "[[chart victims_identifed by=period]]: unknown metric 'victims_identifed'; the dataset has: ",
    ),
    (
        "[[chart victims_identified by=period split=gender]]",
        "[[chart victims_identified by=period split=gender]]: unknown dimension 'gender'; the dataset has: age, ",
    ),
    (
        "[[chart victims_identified by=period split=destination]]",
        "[[chart victims_identified by=period split=destination]]: the dataset has no 'destination' breakdown of "
        "victims_identified in any single year; for victims_identified it has: 2009-2013; 2013; ",
    ),
    (
        "[[chart victims_identified 2017 by=sex split=exploitation]]",
        "[[chart victims_identified 2017 by=sex split=exploitation]]: split= works only over the years: "
        "[[chart victims_identified by=period split=exploitation]]",
    ),
    (
        "[[chart victims_identified by=period colour=red]]",
        "[[chart victims_identified by=period colour=red]]: unknown option 'colour='; [[chart]] takes by= and split=",
    ),
    (
        "[[chart victims_identified 2017 by=period]]",
        "[[chart victims_identified 2017 by=period]]: a chart over the years takes no period: "
        "[[chart victims_identified by=period]]",
    ),
    (
        "[[chart persons_convicted 2019 by=sex]]",
        "[[chart persons_convicted 2019 by=sex]]: the dataset has no 'sex' breakdown of persons_convicted for 2019; "
        "for persons_convicted it has: 2009-2013; 2017; 2017 sex=female; 2017 sex=male",
    ),
    (
        "[[chart persons_convicted 2017 by=gender]]",
        "[[chart persons_convicted 2017 by=gender]]: unknown dimension 'gender'; the dataset has: age, age_group, "
        "citizenship",
    ),
    (
        "[[table victims_exploited_abroad]]",
        "[[table victims_exploited_abroad]]: write [[table METRIC by=DIMENSION]]: a row for each value, "
        "a column for each year",
    ),
    (
        "[[table victims_abroad by=destination]]",
        "[[table victims_abroad by=destination]]: unknown metric 'victims_abroad'; the dataset has: ",
    ),
    (
        "[[table victims_exploited_abroad by=country]]",
        "[[table victims_exploited_abroad by=country]]: unknown dimension 'country'; the dataset has: age, ",
    ),
    (
        "[[table victims_identified by=destination]]",
        "[[table victims_identified by=destination]]: the dataset has no 'destination' breakdown of "
        "victims_identified in any single year; for victims_identified it has: 2009-2013; 2013; ",
    ),
    (
        "[[table victims_exploited_abroad by=destination split=sex]]",
        "[[table victims_exploited_abroad by=destination split=sex]]: unknown option 'split='; [[table]] takes by=",
    ),
]


@pytest.mark.parametrize(("marker", "message"), WRONG, ids=[marker for marker, _ in WRONG])
def test_wrong_chart_or_table_marker_says_what_is_wrong_and_what_exists(marker, message):
    render = render_table if marker.startswith("[[table") else render_chart
    with pytest.raises(MarkerError) as error:
        render(parse_marker(marker), DATASET, ui_page())
    assert str(error.value).startswith(message), str(error.value)


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


def page_with_nouns(locale: str) -> PageContext:
    return PageContext(
        locale=locale,
        sources_url="../sources/",
        text=lambda key: LABELS.get(key, key),
        page_url=f"{locale}/statistics/",
        nouns=site_glossary().nouns,
    )


@pytest.mark.parametrize(
    ("marker", "locale", "figure", "shown"),
    [
        ("[[stat victims_identified 2017 sex=female noun=woman]]", "ru", "66", "66\u00a0женщин"),
        ("[[stat victims_identified 2017 sex=male noun=man]]", "ru", "5", "5\u00a0мужчин"),
        ("[[stat victims_identified 2017 citizenship=foreign noun=foreigner]]", "ru", "3", "3\u00a0иностранца"),
        ("[[stat victims_identified 2017 noun=victim]]", "ru", "71", "71\u00a0пострадавший"),
        ("[[stat victims_employed 2017 noun=victim]]", "ru", "21", "21\u00a0пострадавший"),
        ("[[stat hotline_appeals 2017 noun=appeal]]", "ru", "около 9\u00a0000", "около 9\u00a0000\u00a0обращений"),
        ("[[stat hotline_appeals 2017 noun=appeal]]", "az", "təxminən 9.000", "təxminən 9.000\u00a0müraciət"),
        ("[[stat victims_identified 2017 sex=female noun=woman]]", "az", "66", "66\u00a0qadın"),
        ("[[stat victims_identified 2017 sex=male noun=man]]", "en", "5", "5\u00a0men"),
    ],
)
def test_a_stat_with_noun_shows_the_form_its_number_takes(marker, locale, figure, shown):
    html = render_stat(parse_marker(marker), DATASET, page_with_nouns(locale)).html
    link = BeautifulSoup(html, "html.parser").a
    # The figure itself stays the dataset's value, as the page tests check; the noun follows it in the link.
    assert link.find("data").text == figure
    assert link.text == shown


def test_an_unknown_noun_lists_the_nouns_the_glossary_has():
    with pytest.raises(MarkerError) as error:
        render_stat(parse_marker("[[stat victims_identified 2017 noun=women]]"), DATASET, page_with_nouns("ru"))
    known = ", ".join(sorted(site_glossary().nouns))
    assert str(error.value) == (
        f"[[stat victims_identified 2017 noun=women]]: unknown noun 'women'; data/glossary.yml (nouns) has: {known}"
    )


def test_a_figure_with_its_own_unit_word_takes_no_noun():
    with pytest.raises(MarkerError) as error:
        render_stat(parse_marker("[[stat one_time_allowance 2017 noun=person]]"), DATASET, page_with_nouns("ru"))
    assert str(error.value) == (
        "[[stat one_time_allowance 2017 noun=person]]: noun= names what a figure counts, and one_time_allowance "
        "is in azn, which has its own word; remove noun=person"
    )


def test_latest_figure_follows_the_dataset_and_says_its_year():
    figure = render_stat(parse_marker("[[stat one_time_allowance latest]]"), DATASET, page())
    soup = BeautifulSoup(figure.html, "html.parser")
    assert soup.find("data")["data-period"] == "2024"
    assert soup.get_text(" ", strip=True) == "700\u00a0manat (2024)"
    assert figure.at_sentence_end == '<span class="stat__note">(stats.kind.news_of_official)</span>'


def test_a_foreign_governments_count_and_a_news_report_say_so_the_first_time_on_a_page():
    one_page = page()

    def note(marker: str) -> str | None:
        note = render_stat(parse_marker(marker), DATASET, one_page).at_sentence_end
        found = BeautifulSoup(note, "html.parser").select_one(".stat__note")
        return found.get_text() if found else None

    assert note("[[stat victims_identified 2021]]") == "(stats.kind.foreign_government)"
    assert note("[[stat victims_identified 2023]]") == "(stats.kind.news_of_official)"
    assert note("[[stat victims_identified 2023 sex=female]]") is None, "the same source again on the page"
    assert note("[[stat victims_identified 2017]]") is None, "the authorities' own report"
    other_page = render_stat(parse_marker("[[stat victims_identified 2023]]"), DATASET, page()).at_sentence_end
    noted = BeautifulSoup(other_page, "html.parser").select_one(".stat__note")
    assert noted.get_text() == "(stats.kind.news_of_official)"


def test_source_line_names_each_source_with_its_kind():
    html = render_source_line(parse_marker("[[source legal-framework tip-2022-azerbaijan]]"), DATASET, page())
    soup = BeautifulSoup(html, "html.parser")
    assert [a["href"] for a in soup.find_all("a")] == ["../sources/#legal-framework", "../sources/#tip-2022-azerbaijan"]
    assert "(stats.kind.foreign_government)" in soup.get_text()
    with pytest.raises(MarkerError, match=r"unknown source nobody; data/statistics.json has: "):
        render_source_line(parse_marker("[[source nobody]]"), DATASET, page())


@pytest.mark.parametrize(
    ("marker", "element_id"),
    [
        (
            "[[chart victims_identified by=period split=exploitation]]",
            "chart-victims-identified-by-period-split-exploitation",
        ),
        ("[[table victims_exploited_abroad by=destination]]", "table-victims-exploited-abroad-by-destination"),
    ],
)
def test_the_same_chart_or_table_twice_on_a_page_names_the_marker_and_the_fix(marker, element_id):
    render = render_chart if marker.startswith("[[chart") else render_table
    one_page = page()
    render(parse_marker(marker), DATASET, one_page)
    with pytest.raises(MarkerError) as error:
        render(parse_marker(marker), DATASET, one_page)
    assert str(error.value) == f"{marker}: this page already shows it (id '{element_id}'); keep one of the two markers"
    # Another page may show it too.
    render(parse_marker(marker), DATASET, page())
