"""The statistics page's charts and tables as readers see them in Chromium: text at least
14 CSS px on a phone, charts as wide as the column, bars as long as their figures, a gap
that says "no figure" for a year without one, split bars whose parts add up, tables that
scroll within themselves; no sideways scrolling at 320 px with 200 % text; axe finds
nothing with every table open, in the default look and in every colour scheme."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.base import AXE_FILE_PATH
from test_accessibility import CONFIGS, START_AXE, axe_options, set_settings

from scripts import site_config
from scripts.content.stats.dataset import find_observation, load_dataset
from scripts.content.ui_strings import load_ui_strings

UI = load_ui_strings(site_config.locales())
DATASET = load_dataset()
STATISTICS = [
    (language.locale, language.url_prefix() + site_config.page_url("statistics.md"))
    for language in site_config.languages()
]
LOCALES = [locale for locale, _ in STATISTICS]
URLS = dict(STATISTICS)
MIN_TEXT_PX = 14

OPEN_TABLES = "() => document.querySelectorAll('details.chart__details').forEach(details => { details.open = true; })"

# Every piece of text in the charts and tables a reader can see: its font size and the
# height of its line boxes. Screen-reader-only text (a 1 px box) is not seen.
TEXT_SIZES = """() => {
  const found = [];
  for (const block of document.querySelectorAll('.md-content :is(figure.chart, .stat-table)')) {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (!text || node.parentElement.closest('.chart__sr')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const boxes = [...range.getClientRects()].filter(box => box.width > 0);
      if (!boxes.length) continue;
      found.push({text: text.slice(0, 30), size: parseFloat(getComputedStyle(node.parentElement).fontSize),
                  height: Math.min(...boxes.map(box => box.height))});
    }
  }
  return found;
}"""


def goto(page, site_url: str, locale: str, width: int, settings: dict[str, str] | None = None) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    if settings:
        set_settings(page, site_url, settings)
    page.goto(site_url + URLS[locale])
    page.evaluate(OPEN_TABLES)


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("locale", LOCALES)
def test_chart_and_table_text_is_at_least_14_px(page, site_url, locale, width):
    goto(page, site_url, locale, width)
    texts = page.evaluate(TEXT_SIZES)
    small = [text for text in texts if text["size"] < MIN_TEXT_PX or text["height"] < MIN_TEXT_PX]
    assert small == []
    assert len(texts) > 50, "the page's charts and tables, with their tables open"


CHART_GEOMETRY = """selector => {
  const chart = document.querySelector(selector);
  const column = chart.closest('.md-content__inner').getBoundingClientRect();
  const rows = [...chart.querySelectorAll('.chart__rows > li')].map(row => ({
    label: row.querySelector('.chart__label').textContent.replace(':', ''),
    gap: row.querySelector('.chart__gap') ? row.querySelector('.chart__gap').textContent : null,
    bars: [...row.querySelectorAll('.chart__track .chart__bar')].map(bar => {
      const style = getComputedStyle(bar);
      return {width: bar.getBoundingClientRect().width, fill: style.backgroundColor, border: style.borderTopStyle};
    }),
    value: row.querySelector('.chart__value') ? row.querySelector('.chart__value').textContent : null,
    visible: row.getBoundingClientRect().height > 0,
  }));
  return {width: chart.getBoundingClientRect().width, column: column.width, rows};
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_the_yearly_chart_uses_the_column_with_a_bar_for_each_figure_and_a_gap_for_each_missing_year(
    page, site_url, width
):
    goto(page, site_url, "en", width)
    chart = page.evaluate(CHART_GEOMETRY, "#chart-victims-identified-by-period")
    # The column's width, less the page's own padding: no chart drawn at a fixed small size.
    assert chart["width"] >= chart["column"] - 2 * 20
    rows = {row["label"]: row for row in chart["rows"]}
    assert list(rows) == [str(year) for year in range(2013, 2024)]
    largest = max(bar["width"] for row in chart["rows"] for bar in row["bars"])
    assert largest >= 0.5 * chart["width"], "the longest bar takes most of the chart's width"
    biggest = max(
        find_observation(DATASET, "victims_identified", year, {}).value for year in rows if rows[year]["bars"]
    )
    for year, row in rows.items():
        assert row["visible"], year
        if year in {"2014", "2022"}:
            assert row["bars"] == [], f"{year} has no figure in any source: a gap, never a zero bar"
            assert row["value"] is None
            assert row["gap"] == UI["stats.chart.no_figure"]["en"]
        else:
            value = find_observation(DATASET, "victims_identified", year, {}).value
            (bar,) = row["bars"]
            assert bar["width"] == pytest.approx(largest * value / biggest, abs=1.5), year
            assert row["value"] == f"{value:g}"


def test_a_split_bar_is_as_long_as_its_total_and_its_parts_differ_in_shape(page, site_url):
    goto(page, site_url, "en", 390)
    chart = page.evaluate(CHART_GEOMETRY, "#chart-victims-identified-by-period-split-exploitation")
    rows = {row["label"]: row for row in chart["rows"]}
    simple = {row["label"]: row for row in page.evaluate(CHART_GEOMETRY, "#chart-victims-identified-by-period")["rows"]}
    for year in ("2013", "2016", "2017", "2018", "2019", "2020", "2021", "2023"):
        solid, hollow = rows[year]["bars"]
        assert solid["fill"] != "rgba(0, 0, 0, 0)"
        assert (hollow["fill"], hollow["border"]) == ("rgba(0, 0, 0, 0)", "solid"), "the second part is outlined"
        # Both charts share the same scale on this page: the parts add up to the yearly bar.
        (whole,) = simple[year]["bars"]
        assert solid["width"] + hollow["width"] == pytest.approx(whole["width"], abs=2.5), year
    (total_only,) = rows["2015"]["bars"]
    assert total_only["border"] == "dashed", "a total without a breakdown looks different from either part"
    assert rows["2014"]["bars"] == rows["2022"]["bars"] == []


@pytest.mark.parametrize("locale", LOCALES)
def test_the_table_of_countries_scrolls_within_itself_and_can_take_the_focus(page, site_url, locale):
    goto(page, site_url, locale, 320, {"size": "200"})
    region = page.locator(".stat-table__scroll").first
    box = region.bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 320
    region.focus()
    assert page.evaluate("document.activeElement.matches('.stat-table__scroll')")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"


@pytest.mark.parametrize("locale", LOCALES)
def test_no_sideways_scrolling_at_320_px_with_200_percent_text_and_every_table_open(page, site_url, locale):
    goto(page, site_url, locale, 320, {"size": "200"})
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "40px"
    layout = page.evaluate(
        """() => ({scrollWidth: document.documentElement.scrollWidth,
                  wide: [...document.querySelectorAll('body *')]
                    .filter(el => !el.closest('.chart__scroll, .stat-table__scroll, [hidden]'))
                    .filter(el => getComputedStyle(el).visibility !== 'hidden')
                    .filter(el => el.getBoundingClientRect().right > 321)
                    .map(el => el.tagName.toLowerCase() + '.' + el.className).slice(0, 5)})"""
    )
    assert layout == {"scrollWidth": 320, "wide": []}


@pytest.mark.parametrize("config", list(CONFIGS))
def test_axe_finds_nothing_on_the_statistics_page_with_every_table_open(browser, site_url, config):
    settings = CONFIGS[config]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(path=str(AXE_FILE_PATH))
    page = context.new_page()
    try:
        set_settings(page, site_url, settings)
        for locale in LOCALES:
            page.goto(site_url + URLS[locale])
            page.evaluate(OPEN_TABLES)
            page.evaluate(START_AXE, axe_options(settings))
            violations = page.evaluate("window.__axe")
            assert violations == [], (locale, json.dumps(violations, ensure_ascii=False, indent=1))
    finally:
        context.close()
