"""Statistics as readers get them in the built site: every number shown equals the
dataset's value in the page's language, charts have a title, rows a screen reader reads
in order, their sources with their kind and the same figures as a table, the downloads
exist in every language, and a wrong marker or dataset stops a real build with a
message that says where and what the dataset has."""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, all_page_urls, copy_project, run_mkdocs_build

from scripts import site_config
from scripts.content.markers import find_markers
from scripts.content.stats.dataset import DATASET_PATH, SCHEMA_PATH, load_dataset
from scripts.content.stats.downloads import CSV_COLUMNS, csv_download, json_download
from scripts.content.stats.format import format_value
from scripts.content.stats.render import MARKED_KINDS
from scripts.content.ui_strings import UiStrings, load_ui_strings

PAGES = all_page_urls()
DATASET = load_dataset()
UI = load_ui_strings(site_config.locales())
STATISTICS_PAGES = [(locale, url_path) for locale, page, url_path in PAGES if page == "statistics.md"]


def soup_of(site_dir: Path, url_path: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")


@functools.cache
def ids_on(site_dir: Path, url_path: str) -> frozenset[str]:
    """Every id on a built page (the sources page, read once rather than once per link)."""
    return frozenset(element["id"] for element in soup_of(site_dir, url_path).find_all(id=True))


def markers_in(locale: str, page: str, name: str) -> int:
    source = (ROOT / "docs" / locale / page).read_text(encoding="utf-8")
    return sum(marker.name == name for marker in find_markers(source))


def resolve(site_dir: Path, url_path: str, href: str) -> tuple[Path, str]:
    """The built file a relative link from a page leads to, and its #fragment."""
    target = urlparse(urljoin(f"http://site/{url_path}", href))
    path = site_dir / target.path.lstrip("/")
    return (path / "index.html" if target.path.endswith("/") else path), target.fragment


def shown_observation(element):
    """The observation a `<data>` element names in its data attributes (the one pages show)."""
    wanted = (
        element["data-metric"],
        element["data-period"],
        dict(pair.split("=", 1) for pair in element["data-breakdown"].split()),
    )
    matches = [obs for obs in DATASET.observations if (obs.metric, obs.period, dict(obs.breakdown)) == wanted]
    assert matches, f"no observation for {element}"
    return next((obs for obs in matches if obs.shown), matches[0])


# --- numbers ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("locale", "page", "url_path"), PAGES)
def test_every_number_shown_is_the_dataset_value_in_the_page_language(site_dir, locale, page, url_path):
    soup = soup_of(site_dir, url_path)
    for element in soup.select(".md-content data"):
        observation = shown_observation(element)
        unit = DATASET.metrics[observation.metric].unit
        assert float(element["value"]) == observation.value, element
        assert element.get_text() == format_value(observation.value, unit, locale, observation.qualifier), element


@pytest.mark.parametrize(("locale", "page", "url_path"), PAGES)
def test_every_marker_became_a_figure_linked_to_its_source(site_dir, locale, page, url_path):
    soup = soup_of(site_dir, url_path)
    stats = soup.select(".md-content a.stat")
    assert len(stats) == markers_in(locale, page, "stat")
    assert len(soup.select(".md-content figure.chart")) == markers_in(locale, page, "chart")
    assert len(soup.select(".md-content .stat-table")) == markers_in(locale, page, "table")
    for link in stats:
        observation = shown_observation(link.find("data"))
        path, fragment = resolve(site_dir, url_path, link["href"])
        assert fragment == observation.source
        assert fragment in ids_on(site_dir, str(path.parent.relative_to(site_dir))), link["href"]
    # No marker is left as text outside code.
    for code in soup.find_all(["code", "pre"]):
        code.decompose()
    assert "[[" not in soup.select_one(".md-content").get_text()


def test_the_statistics_pages_show_figures(site_dir):
    for locale, url_path in STATISTICS_PAGES:
        figures = soup_of(site_dir, url_path).select(".md-content data")
        assert len(figures) >= 20, f"{locale}: {len(figures)} figures"


# --- charts -----------------------------------------------------------------------------------------------------


def chart_cases() -> list[tuple[str, str]]:
    return [(locale, url_path) for locale, page, url_path in PAGES if markers_in(locale, page, "chart")]


def data_keys(element) -> list[tuple[str, str, str]]:
    return [(data["data-metric"], data["data-period"], data["data-breakdown"]) for data in element.select("data")]


def source_ids(site_dir: Path, url_path: str, links) -> list[str]:
    """The source each link leads to: the sources page of the page's language, at a dataset source's id."""
    ids = []
    for link in links:
        path, fragment = resolve(site_dir, url_path, link["href"])
        assert path.parent.name == "sources", link["href"]
        assert fragment in DATASET.sources, link["href"]
        ids.append(fragment)
    return ids


def assert_kind_said(cell, observation, text: UiStrings) -> None:
    """A US count or a news report of an official report says so next to its source."""
    kind = DATASET.sources[observation.source].kind
    if kind in MARKED_KINDS:
        assert f"({text(f'stats.kind.{kind}')})" in cell.get_text(" "), (observation, cell)


@pytest.mark.parametrize(("locale", "url_path"), chart_cases())
def test_charts_have_a_title_rows_in_order_their_sources_and_a_table(site_dir, locale, url_path):
    text = UiStrings(UI, locale)
    charts = soup_of(site_dir, url_path).select(".md-content figure.chart")
    assert charts
    for chart in charts:
        title = chart.find("figcaption")
        assert title is chart.find(True), "the title comes first"
        assert title.get_text(strip=True)
        rows = chart.select(".chart__rows > li")
        assert rows
        for row in rows:
            bars = row.select(".chart__bar")
            if "chart__row--gap" in row["class"]:
                assert bars == []
                assert row.select("data") == []
                assert row.select_one(".chart__gap").get_text() == text("stats.chart.no_figure")
            else:
                assert bars, row
                assert all(bar["aria-hidden"] == "true" for bar in bars), "bars are decoration: the text says it all"
                assert row.select(".chart__value data, .chart__parts data")
        sources = source_ids(site_dir, url_path, chart.select(".chart__sources a"))
        assert {shown_observation(data).source for data in chart.select(".chart__rows data")} == set(sources)
        details = chart.select_one("details.chart__details")
        assert not details.has_attr("open"), "the table is one step away, not a bare repeat"
        # The build ties short words to the next with no-break spaces.
        assert details.summary.get_text(strip=True).replace("\xa0", " ") == text("stats.chart.show_table")
        table = details.table
        assert table.caption.get_text(strip=True) == text("stats.table_caption").format(title=title.get_text())
        assert sorted(data_keys(table)) == sorted(data_keys(chart.select_one(".chart__rows"))), "the same figures"
        for tr in table.select("tbody tr"):
            # The source is in the row, or (a split table) on a line of its own under it.
            cell = tr.select_one(".chart__source") or tr.find_next_sibling("tr").select_one(".chart__source")
            for data in tr.select("data"):
                observation = shown_observation(data)
                assert observation.source in source_ids(site_dir, url_path, cell.select("a"))
                assert_kind_said(cell, observation, text)


@pytest.mark.parametrize(("locale", "url_path"), sorted(set(chart_cases())))
def test_every_source_a_chart_or_table_links_to_is_on_the_sources_page(site_dir, locale, url_path):
    soup = soup_of(site_dir, url_path)
    links = soup.select(".md-content :is(.chart__sources, .chart__source) a")
    assert links
    missing = set()
    for link in links:
        path, fragment = resolve(site_dir, url_path, link["href"])
        if fragment not in ids_on(site_dir, str(path.parent.relative_to(site_dir))):
            missing.add(link["href"])
    assert sorted(missing) == [], "add these sources to the sources page"


def table_cases() -> list[tuple[str, str]]:
    return [(locale, url_path) for locale, page, url_path in PAGES if markers_in(locale, page, "table")]


@pytest.mark.parametrize(("locale", "url_path"), table_cases())
def test_breakdown_tables_have_a_column_per_year_and_a_dash_for_no_figure(site_dir, locale, url_path):
    text = UiStrings(UI, locale)
    for block in soup_of(site_dir, url_path).select(".md-content .stat-table"):
        table = block.table
        assert table.caption.get_text(strip=True)
        years = [th.get_text() for th in table.select("thead th")[1:]]
        assert years == sorted(years)
        for tr in table.select("tbody tr"):
            cells = tr.select("td")
            assert len(cells) == len(years)
            for year, cell in zip(years, cells, strict=True):
                data = cell.find("data")
                if data:
                    assert data["data-period"] == year
                else:
                    assert cell.get_text() == "–" + text("stats.chart.no_figure")
        sources = source_ids(site_dir, url_path, block.select(".chart__sources a"))
        assert {shown_observation(data).source for data in table.select("data")} == set(sources)
        for item in block.select(".chart__sources li"):
            assert_kind_said(
                item, next(o for o in DATASET.observations if o.source == item.a["href"].split("#")[1]), text
            )


# --- downloads --------------------------------------------------------------------------------------------------


def read_csv(site_dir: Path, locale: str) -> list[list[str]]:
    raw = (site_dir / csv_download(locale)).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "the CSV needs a byte order mark for spreadsheet programs"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_json_download_is_the_dataset_with_its_schema(site_dir):
    assert (site_dir / json_download()).read_bytes() == DATASET_PATH.read_bytes()
    schema_ref = json.loads(DATASET_PATH.read_text(encoding="utf-8"))["$schema"]
    assert (site_dir / json_download()).parent.joinpath(schema_ref).read_bytes() == SCHEMA_PATH.read_bytes()


@pytest.mark.parametrize(
    ("locale", "first_headers"),
    [
        ("az", ["Göstərici", "Dövr", "Bölgü", "Rəqəm", "Ölçü vahidi", "Mənbə"]),
        ("en", ["Indicator", "Period", "Breakdown", "Value", "Unit", "Source"]),
        ("ru", ["Показатель", "Период", "Разбивка", "Значение", "Единица измерения", "Источник"]),
    ],
)
def test_csv_download_per_language_has_translated_headers_and_every_observation(site_dir, locale, first_headers):
    header, *rows = read_csv(site_dir, locale)
    text = UiStrings(UI, locale)
    assert header == [text(f"stats.csv.{column}") for column in CSV_COLUMNS]
    assert header[:6] == first_headers
    assert len(rows) == len(DATASET.observations)
    for row, observation in zip(rows, DATASET.observations, strict=True):
        assert row[0] == DATASET.metrics[observation.metric].label[locale]
        assert row[1] == observation.period
        assert float(row[3]) == observation.value
        assert row[6] == observation.locator
    female = next(
        row for row, obs in zip(rows, DATASET.observations, strict=True) if obs.breakdown == {"sex": "female"}
    )
    assert (
        female[2] == f"{DATASET.dimensions['sex'].label[locale]}: {DATASET.dimensions['sex'].values['female'][locale]}"
    )


def test_csv_says_how_exact_a_figure_is(site_dir):
    rows = read_csv(site_dir, "en")[1:]
    about = next(row for row, obs in zip(rows, DATASET.observations, strict=True) if obs.metric == "hotline_appeals")
    assert (about[3], about[7]) == ("9000", "approximately")


def test_every_unit_and_qualifier_has_a_label_in_every_language():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    units = schema["properties"]["metrics"]["additionalProperties"]["properties"]["unit"]["enum"]
    qualifiers = schema["properties"]["observations"]["items"]["properties"]["qualifier"]["enum"]
    keys = [f"stats.unit.{unit}" for unit in units] + [f"stats.qualifier.{name}" for name in qualifiers]
    assert [key for key in keys if key not in UI] == []


@pytest.mark.parametrize(("locale", "url_path"), STATISTICS_PAGES)
def test_download_links_on_the_statistics_page_resolve_to_files(site_dir, locale, url_path):
    links = soup_of(site_dir, url_path).select(".md-content ul.stat-downloads a[href]")
    hrefs = [link["href"] for link in links]
    assert [href.rsplit("/", 1)[-1] for href in hrefs] == [f"statistics-{locale}.csv", "statistics.json"]
    for link in links:
        path, _ = resolve(site_dir, url_path, link["href"])
        assert path.is_file(), link["href"]
        assert link.get_text(strip=True)
    assert "../data/statistics.json" not in (ROOT / "docs" / locale / "statistics.md").read_text(encoding="utf-8")


# --- wrong markers and datasets stop a real build ---------------------------------------------------------------


def add_line(project: Path, text: str, page_name: str = "statistics.md") -> int:
    """Append a paragraph to docs/en/PAGE_NAME; the file line it is on."""
    page = project / "docs" / "en" / page_name
    lines = [*page.read_text(encoding="utf-8").rstrip("\n").split("\n"), "", text]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def has_of(metric: str) -> list[str]:
    """What the dataset has for a metric, as the error lists it."""
    return [
        " ".join([obs.period, *(f"{k}={v}" for k, v in obs.breakdown.items())])
        for obs in DATASET.observations
        if obs.metric == metric
    ]


WRONG_MARKERS = [
    (
        "[[statistic victims_identified 2017]]",
        "unknown marker 'statistic'; known markers: ",
        ["[[chart ...]]", "[[downloads ...]]", "[[job-check ...]]", "[[stat ...]]", "[[table ...]]"],
    ),
    (
        "[[stat victims_identifed 2017]]",
        "unknown metric 'victims_identifed'; the dataset has: ",
        list(DATASET.metrics),
    ),
    (
        "[[stat victims_identified 2022]]",
        "the dataset has no figure for victims_identified 2022; for victims_identified it has: ",
        has_of("victims_identified"),
    ),
    (
        "[[stat victims_identified 2017 sex=other]]",
        "the dataset has no figure for victims_identified 2017 sex=other; for victims_identified it has: ",
        has_of("victims_identified"),
    ),
    (
        "[[table victims_identified by=destination]]",
        "the dataset has no 'destination' breakdown of victims_identified in any single year; "
        "for victims_identified it has: ",
        has_of("victims_identified"),
    ),
]
WRONG_MARKER_IDS = ["unknown-marker", "unknown-metric", "unknown-period", "unknown-breakdown", "table-without-data"]
# Each wrong marker on a page of its own: the build names every page's problem at once, so
# one build shows all the messages.
WRONG_MARKER_PAGES = ["statistics.md", "rights.md", "hotline.md", "laws.md", "signs.md"]


@pytest.fixture(scope="module")
def wrong_markers_build(tmp_path_factory) -> tuple[int, str, dict[str, tuple[str, int]]]:
    tmp_path = tmp_path_factory.mktemp("wrong-markers")
    project = copy_project(tmp_path)
    where = {}
    for (marker, _expected, _listed), page_name in zip(WRONG_MARKERS, WRONG_MARKER_PAGES, strict=True):
        where[marker] = (page_name, add_line(project, f"In 2022, {marker} people were identified.", page_name))
    result = run_mkdocs_build(project, tmp_path / "out")
    return result.returncode, result.stdout + result.stderr, where


@pytest.mark.parametrize(("marker", "expected", "listed"), WRONG_MARKERS, ids=WRONG_MARKER_IDS)
def test_wrong_marker_fails_the_build_naming_file_line_marker_and_what_exists(
    wrong_markers_build, marker, expected, listed
):
    returncode, output, where = wrong_markers_build
    assert returncode != 0
    page_name, line = where[marker]
    message = f"docs/en/{page_name}:{line}: {marker}: {expected}"
    assert message in output, output[-3000:]
    has = output[output.index(message) + len(message) :].splitlines()[0]
    for item in listed:
        assert item in has.split("; ") or item in has.split(", "), f"{item!r} not listed in {has!r}"


def test_invalid_dataset_fails_the_build_naming_path_value_and_rule(tmp_path):
    project = copy_project(tmp_path)
    dataset = project / "data" / "statistics.json"
    text = dataset.read_text(encoding="utf-8")
    # The first observation's value, changed where an editor would change it.
    value = re.compile(r'"value": (\d+)').search(text, text.index('"observations"'))
    assert json.loads(text)["observations"][0]["value"] == int(value.group(1))
    dataset.write_text(text[: value.start(1)] + "-71" + text[value.end(1) :], encoding="utf-8")
    line = text.count("\n", 0, value.start(1)) + 1
    result = run_mkdocs_build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        f"data/statistics.json is not valid (1 problem):\n  data/statistics.json line {line}: $.observations[0].value: "
        "found -71; expected: -71 is less than the minimum of 0 (schema rule 'minimum')"
    ) in output, output[-3000:]
