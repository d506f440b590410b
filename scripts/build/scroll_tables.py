"""Tables written in Markdown get keyboard access to their own scrolling.

Material shows a Markdown table as a box that scrolls sideways when the table is wider than
the column (large text on a phone: the laws page's tables at 200 %). A reader without a
mouse or touch screen can scroll such a box only when it can take focus (WCAG 2.1.1; axe's
rule scrollable-region-focusable), so every Markdown table is in the tab order, named by
the heading above it for screen readers. Done on the parsed tree (a Python-Markdown tree
processor), not on HTML text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class ScrollTablesProcessor(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        heading: ET.Element | None = None
        for element in root.iter():
            if element.tag in HEADINGS:
                heading = element
            elif element.tag == "table" and "class" not in element.attrib:
                element.set("tabindex", "0")
                if heading is not None and heading.get("id"):
                    element.set("aria-labelledby", heading.get("id", ""))


class ScrollTablesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # After the toc extension (priority 5 would be before it) gives headings their ids.
        md.treeprocessors.register(ScrollTablesProcessor(md), "scroll_tables", 4)
