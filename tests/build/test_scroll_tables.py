"""Markdown tables can be scrolled from the keyboard: each is in the tab order and named by
the heading above it (scripts/build/scroll_tables.py)."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup
from conftest import all_page_urls

from scripts.build.scroll_tables import ScrollTablesExtension


def test_a_markdown_table_takes_focus_and_is_named_by_its_heading():
    html = markdown.markdown(
        "## The law {#the-law}\n\n| Article | What |\n| --- | --- |\n| 17 | Help |\n",
        extensions=["tables", "attr_list", "toc", ScrollTablesExtension()],
    )
    table = BeautifulSoup(html, "html.parser").table
    assert (table["tabindex"], table["aria-labelledby"]) == ("0", "the-law")


def test_every_markdown_table_on_the_site_takes_focus_and_names_an_existing_heading(site_dir):
    tables = 0
    for _, _, url_path in all_page_urls():
        soup = BeautifulSoup((site_dir / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")
        for table in soup.select("article table:not([class])"):
            tables += 1
            assert table.get("tabindex") == "0", url_path
            heading = soup.find(id=table["aria-labelledby"])
            assert heading is not None, (url_path, table["aria-labelledby"])
            assert heading.name in {"h2", "h3", "h4"}, (url_path, table["aria-labelledby"])
    assert tables >= 6  # the laws page alone has six in each language
