"""A page's search sections (its text before the first heading, then one per heading with
an id), read with an HTML5 parser (Lexbor).

Material's search plugin divides each page the same way, with Python's html.parser and a
callback per tag and per piece of text: about a tenth of the build. These rules are its
rules (material/plugins/search/plugin.py, `Parser`), so the site's search indexes stay as
they were (tests/build/test_search_sections.py compares the two on tricky pages and on
every page of the site):

- a heading h1-h6 with an id starts a section; text before the first one is a section of
  its own; a section whose heading sits inside another element ends where that element
  ends, and the text after it belongs to the section before;
- script, style and object, an element with `data-search-exclude` and line numbers
  (class `linenodiv`) are left out with everything in them; so is a heading's permalink
  (`a.headerlink`);
- paragraphs, lists, list items, code, sub- and superscripts are kept apart from the
  words around them; other elements (links, emphasis, <br>) run into their neighbours.

The site's indexes keep only the words (scripts/build/search_index.py, `plain_text`): a
section's title and text here are escaped text, with a space where Material would keep a tag.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Left out with their content, whatever they hold.
SKIPPED_TAGS = frozenset({"object", "script", "style"})
# Kept apart from the words around them (Material keeps these tags in its index).
KEPT_TAGS = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
# Elements without content, which Material's parser ignores (no section, no context).
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
TEXT = "-text"


@dataclass
class Section:
    """One search entry's worth of a page: the heading's tag ('' before the first heading)."""

    heading: str
    depth: float
    id: str | None = None
    excluded: bool = False
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def is_excluded(self) -> bool:
        return self.excluded


class _SectionReader:
    """Material's parser's state, fed from a parsed tree instead of a stream of tags."""

    def __init__(self) -> None:
        self.sections: list[Section] = []
        self.section: Section | None = None
        self.context: list[str] = []  # open elements' tags
        self.skipping = 0  # open elements whose content is left out
        self.in_permalink = 0

    def _current(self, depth: float = 0) -> Section:
        if self.section is None:
            self.section = Section("", depth)
            self.sections.append(self.section)
        return self.section

    def _pieces(self, section: Section) -> list[str]:
        return section.title if section.heading in self.context else section.text

    def element(self, node: LexborNode) -> None:
        tag = node.tag or ""
        if tag == TEXT:
            self.data(node.text_content or "")
            return
        if tag.startswith("-") or tag in VOID_TAGS:  # comments and CDATA are not text
            return
        attributes = node.attributes
        self.context.append(tag)
        if tag in HEADINGS and "id" in attributes:
            depth = len(self.context)
            if tag != "h1" and not self.sections:
                self._current(depth)
            self.section = Section(tag, depth, excluded="data-search-exclude" in attributes)
            if self.sections:
                self.section.id = attributes["id"]
            self.sections.append(self.section)
        section = self._current()
        skipped = tag in SKIPPED_TAGS or "data-search-exclude" in attributes or attributes.get("class") == "linenodiv"
        permalink = tag == "a" and attributes.get("class") == "headerlink"
        self.skipping += skipped
        self.in_permalink += permalink
        if tag in KEPT_TAGS and not self.skipping:
            self._pieces(section).append(" ")
        for child in node.iter(include_text=True):
            self.element(child)
        self.end(tag, skipped, permalink)

    def end(self, tag: str, skipped: bool, permalink: bool) -> None:
        section = self._current()
        # Closing the element a heading sat in: what follows belongs to the section before.
        if section.depth > len(self.context):
            for earlier in reversed(self.sections):
                if earlier.depth <= len(self.context):
                    section.depth = float("inf")
                    self.section = section = earlier
                    break
        self.context.pop()
        self.in_permalink -= permalink
        if skipped:
            self.skipping -= 1
            return
        if tag in KEPT_TAGS and not self.skipping:
            self._pieces(section).append(" ")

    def data(self, text: str) -> None:
        if self.skipping:
            return
        section = self._current()
        if section.heading in self.context:
            if not self.in_permalink:
                section.title.append(text)
        else:
            section.text.append(text)


def page_sections(content: str) -> list[Section]:
    """The sections of a page's rendered Markdown (page.content), titles and text escaped."""
    reader = _SectionReader()
    body = LexborHTMLParser(content).body
    if body is not None:
        for node in body.iter(include_text=True):
            reader.element(node)
    # An empty list stays empty: Material gives a section without a title its page's title.
    for section in reader.sections:
        section.title = [html.escape("".join(section.title), quote=False)] if section.title else []
        section.text = [html.escape("".join(section.text), quote=False)] if section.text else []
    return reader.sections


def read_pages_with_lexbor(search_index: Any) -> None:
    """Make Material's search index (its plugin's `search_index`) divide pages with
    page_sections; its own code still turns each section into an entry."""
    if getattr(search_index.add_entry_from_context, "reads_with_lexbor", False):
        return

    def add_entry_from_context(page: Any) -> None:
        if (page.meta.get("search") or {}).get("exclude"):
            return
        for section in page_sections(page.content):
            if not section.is_excluded():
                search_index.create_entry_for_section(section, page.toc, page.url, page)

    add_entry_from_context.reads_with_lexbor = True  # type: ignore[attr-defined]
    search_index.add_entry_from_context = add_entry_from_context
