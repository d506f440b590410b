"""Markers' HTML goes into the page unchanged, without Python-Markdown parsing it
(scripts/build/held_html.py), and the page still reads as if the HTML had been written in."""

from __future__ import annotations

import copy

import markdown
import pytest

from scripts.build.held_html import HeldHtml, HeldHtmlError, HeldHtmlExtension, check_no_token_left
from scripts.content.markers import RawHtml, replace_markers

CHART = (
    '<figure class="chart"><figcaption class="chart__title">T</figcaption>\n'
    '<ul class="chart__rows" role="list"><li><span class="chart__bar" style="width: 50%"></span></li></ul></figure>'
)
STAT = '<a class="stat" href="../sources/#s"><data value="71">71</data></a>'
HANDLERS = {
    "stat": lambda marker: RawHtml(STAT),
    "chart": lambda marker: RawHtml(CHART, block=True),
    "link": lambda marker: "[a link](https://example.org/)",
}


def render(text: str) -> tuple[str, markdown.Markdown]:
    held = HeldHtml()
    converter = markdown.Markdown(extensions=["toc", "attr_list", "md_in_html", HeldHtmlExtension(held)])
    held.start_page()
    return converter.convert(replace_markers(text, HANDLERS, "docs/en/x.md", hold_html=held.hold)), converter


def test_inline_html_stays_in_its_sentence():
    html, _ = render("In 2017, [[stat victims 2017]] people were identified.")
    assert html == f"<p>In 2017, {STAT} people were identified.</p>"


def test_block_html_stands_alone_even_when_written_inside_a_paragraph():
    html, _ = render("Before.\n[[chart victims by=period]]\nAfter.")
    assert html == f"<p>Before.</p>\n{CHART}\n<p>After.</p>"


def test_markdown_output_is_still_converted():
    html, _ = render("See [[link]].")
    assert html == '<p>See <a href="https://example.org/">a link</a>.</p>'


def test_a_heading_keeps_its_text_for_the_table_of_contents():
    html, converter = render("## [[stat victims 2017]] victims\n")
    assert html == f'<h2 id="71-victims">{STAT} victims</h2>'
    assert converter.toc_tokens[0]["name"] == "71 victims"


def test_html_is_not_parsed_again():
    # Python-Markdown would read a block of raw HTML; held, even a stray `<` passes as it is.
    odd = RawHtml("<div>a < b & *not emphasis*</div>", block=True)
    held = HeldHtml()
    converter = markdown.Markdown(extensions=[HeldHtmlExtension(held)])
    held.start_page()
    text = replace_markers("[[odd]]", {"odd": lambda marker: odd}, "x.md", hold_html=held.hold)
    assert converter.convert(text) == odd.html


def test_without_holding_the_html_is_written_in():
    assert replace_markers("A [[stat x 2017]]", HANDLERS, "x.md") == f"A {STAT}"
    assert replace_markers("[[chart x]]", HANDLERS, "x.md") == f"\n{CHART}\n"


def test_a_lost_token_stops_the_build_naming_the_page():
    held = HeldHtml()
    token = held.hold(RawHtml(STAT))
    with pytest.raises(HeldHtmlError, match=r"^docs/en/x\.md: a marker's HTML was lost"):
        check_no_token_left(f'<a title="{token}">x</a>', "docs/en/x.md")
    check_no_token_left("<p>nothing held here</p>", "docs/en/x.md")


def test_each_page_starts_with_an_empty_store():
    held = HeldHtml()
    first = held.hold(RawHtml("<b>1</b>"))
    held.start_page()
    assert held.hold(RawHtml("<b>2</b>")) == first
    assert held.html(0) == "<b>2</b>"


def test_a_copied_configuration_shares_the_store():
    extension = HeldHtmlExtension(HeldHtml())
    assert copy.deepcopy([extension])[0].held is extension.held
