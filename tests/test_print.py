"""Printing (overrides/assets/css/print.css): Chromium prints pages to A4 PDF, and the PDF's
text holds the hotline and none of the navigation; the handout fits on one page; link
addresses follow link text; no heading is left alone at the foot of a page; charts print
in black and grey."""

from __future__ import annotations

import io
import re

import pytest
from conftest import HOTLINE_NUMBER
from pypdf import PdfReader

from scripts import site_config
from scripts.content.phones import load_phone_numbers
from scripts.content.ui_strings import load_ui_strings

UI = load_ui_strings(site_config.locales())
PHONES = load_phone_numbers(site_config.locales())
LANGUAGES = site_config.languages()
A4_POINTS = (595, 842)  # 210 mm x 297 mm


def print_pdf(page, url: str) -> PdfReader:
    page.goto(url, wait_until="networkidle")
    return PdfReader(io.BytesIO(page.pdf(format="A4")))


def page_texts(pdf: PdfReader) -> list[str]:
    return [sheet.extract_text() or "" for sheet in pdf.pages]


def squash(text: str) -> str:
    """Text without any white space: PDF text extraction puts spaces around some letters
    (Azerbaijani ə comes from a fallback font), so words are compared without them."""
    return re.sub(r"\s+", "", text)


def navigation_labels(page) -> set[str]:
    """What the screen shows around the content: menus, header controls, footer links."""
    labels = page.evaluate(
        """() => Array.from(document.querySelectorAll(
              '.md-nav__link, .md-footer a, .md-select__link, .lv-control__text, .site-strip__exit,'
              + ' .quick-exit-skip, .site-search__toggle-text'))
            .map(el => (el.innerText || el.placeholder || el.textContent || '').trim())
            .filter(Boolean)"""
    )
    content = page.locator("article.md-content__inner").inner_text()
    # The hotline strip prints on purpose ("Hotline: 152"); the hotline page's menu label is
    # the same word. A label that the page's own text or the strip also uses proves nothing.
    printed = squash(content) + squash(page.locator(".site-strip__hotline").inner_text())
    return {label for label in labels if squash(label) not in printed}


def assert_a4(pdf: PdfReader) -> None:
    # Chromium rounds A4 to 8.27 x 11.7 inches (595.92 x 842.88 points).
    for sheet in pdf.pages:
        width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
        assert abs(width - A4_POINTS[0]) < 2, width
        assert abs(height - A4_POINTS[1]) < 2, height


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_handout_prints_on_one_a4_page_with_the_hotline_and_no_navigation(page, site_url, language):
    pdf = print_pdf(page, site_url + language.url_prefix() + "handout/")
    assert_a4(pdf)
    assert len(pdf.pages) == 1, "the handout must fit on one page"
    text = squash(page_texts(pdf)[0])
    # The hotline, the danger numbers and the way to the page for readers abroad, all on the sheet.
    for key in ("hotline", "police", "emergency"):
        assert PHONES[key].number in text, key
    assert squash(f"(../{site_config.page_url('abroad.md')})") in text
    assert squash(UI["hotline.label"][language.locale]) in text
    labels = navigation_labels(page)
    assert labels, "the page should have navigation to leave out"
    assert sorted(label for label in labels if squash(label) in text) == []


@pytest.mark.parametrize("url_path", ["en/rights/", "ru/signs/", "statistics/"])
def test_content_page_prints_with_the_hotline_and_no_navigation(page, site_url, url_path):
    pdf = print_pdf(page, site_url + url_path)
    assert_a4(pdf)
    texts = [squash(text) for text in page_texts(pdf)]
    locale = url_path.split("/")[0] if url_path.split("/")[0] in ("en", "ru") else "az"
    assert texts[0].startswith(squash(UI["hotline.label"][locale]) + HOTLINE_NUMBER.number), texts[0][:80]
    whole = "".join(texts)
    assert sorted(label for label in navigation_labels(page) if squash(label) in whole) == []


def test_link_addresses_print_after_the_text_except_phone_and_in_page_links(page, site_url):
    text = squash(" ".join(page_texts(print_pdf(page, site_url + "en/schools/"))))
    handout = page.locator("article a[href='../handout/']").first.inner_text()
    assert f"{squash(handout)}(../handout/)" in text
    for href in (f"tel:{HOTLINE_NUMBER.tel}", "#materials", "#safeguarding"):
        assert page.locator(f"article a[href='{href}']").count(), href
        assert f"({href})" not in text, href
    # Each figure links to its source: the addresses would bury the numbers.
    for figure in page.locator("article a.stat").all_inner_texts():
        assert squash(figure) in text
        assert f"{squash(figure)}(../sources/" not in text, figure


def test_no_heading_is_left_alone_at_the_foot_of_a_page(page, site_url):
    pdf = print_pdf(page, site_url + "en/schools/")
    assert len(pdf.pages) > 2, "the test needs a page that spans several sheets"
    headings = {squash(text) for text in page.locator("article :is(h2, h3)").all_inner_texts()}
    for number, text in enumerate(page_texts(pdf)[:-1], start=1):
        lines = [squash(line) for line in text.splitlines() if line.strip()]
        assert lines[-1] not in headings, f"sheet {number} ends with the heading {lines[-1]!r}"


def luminance(rgb: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(part) for part in re.findall(r"\d+", rgb)[:3])
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_with_white(rgb: str) -> float:
    return 1.05 / (luminance(rgb) + 0.05)


CHART_PRINT_STYLES = """() => {
  const style = sel => getComputedStyle(document.querySelector(sel));
  return {bar: style('.chart__bar--1').backgroundColor, label: style('.chart__label').color,
          value: style('.chart__value').color, axis: style('.chart__track').borderInlineStartColor,
          hollow: style('.chart__bar--2').backgroundColor, outline: style('.chart__bar--2').borderTopColor,
          outlineStyle: style('.chart__bar--2').borderTopStyle, table: style('.chart__details').display};
}"""


@pytest.mark.parametrize("scheme", [None, "wb"], ids=["site-colours", "after-a-dark-scheme-on-screen"])
def test_charts_print_in_black_and_grey(page, site_url, scheme):
    if scheme:
        page.goto(site_url)
        page.evaluate("value => sessionStorage.setItem('lowvision', value)", f'{{"scheme": "{scheme}"}}')
    page.goto(site_url + "en/statistics/")
    page.emulate_media(media="print")
    styles = page.evaluate(CHART_PRINT_STYLES)
    for part in ("label", "value", "axis", "outline"):
        assert styles[part] == "rgb(0, 0, 0)", part
    red, green, blue = (int(x) for x in re.findall(r"\d+", styles["bar"])[:3])
    assert red == green == blue, f"bars must be grey, not a colour: {styles['bar']}"
    assert contrast_with_white(styles["bar"]) >= 3, "bars must stand out from the white paper"
    assert contrast_with_white(styles["bar"]) < 15, "bars must differ from the black text"
    # The second part of a split bar: white with a black outline, told apart by shape.
    assert styles["hollow"] == "rgb(255, 255, 255)"
    assert styles["outlineStyle"] == "solid"
    assert styles["table"] == "none", "the chart is printed, not its table a second time"
