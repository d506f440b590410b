"""Links that stand alone get a target at least 24 px tall.

WCAG 2.5.8 (target size, minimum) lets a link inside a sentence be as small as its text,
but a link that is all there is in its list item or paragraph (the home page's "What is
happening to you?" list, "Read more" lines) is a target of its own, and a line of 16 px
text is a 17 px box: too small for a thumb on a cheap phone. Such links get the class
`link-alone`; the site's CSS makes them inline blocks as tall as their line (at least
24 px). Found on the parsed tree (a Python-Markdown tree processor), so a link's
neighbours are known exactly; links written by markers, which reach the tree as held
HTML, keep their own classes (the call link is a button already).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

CLASS = "link-alone"
# Blocks whose whole content can be one link.
BLOCKS = {"p", "li", "dd", "dt", "td", "th"}
# What may follow an alone link in its block and still leave it alone: closing punctuation.
TRAILING = {"", ".", ",", ";", ":", "!", "?"}


def _is_blank(text: str | None) -> bool:
    return not (text or "").strip()


def alone_link(block: ET.Element) -> ET.Element | None:
    """The link that is `block`'s whole content (but for closing punctuation), if there is one.
    A link whose block also holds a nested list (a list item with sub-items) is alone too:
    the nested list is a block of its own."""
    children = [child for child in block if child.tag not in {"ul", "ol"}]
    if len(children) != 1 or not _is_blank(block.text):
        return None
    link = children[0]
    if link.tag != "a" or not link.get("href") or (link.tail or "").strip() not in TRAILING:
        return None
    return link


def mark(link: ET.Element) -> None:
    classes = (link.get("class") or "").split()
    if CLASS not in classes:
        link.set("class", " ".join([*classes, CLASS]))


class StandaloneLinksProcessor(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for block in root.iter():
            if block.tag in BLOCKS:
                link = alone_link(block)
                if link is not None:
                    mark(link)


class StandaloneLinksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # After the inline processor (priority 20) has turned [text](url) into <a> elements.
        md.treeprocessors.register(StandaloneLinksProcessor(md), "standalone_links", 4)
