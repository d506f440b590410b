"""Minifying of the built pages and of the site's own stylesheets and scripts.

The sources in overrides/ and docs/ stay readable, with their comments; what readers
download loses the comments and the whitespace that cannot change what they see.

- HTML and CSS: minify-html (a maintained minifier with an HTML5 parser; its CSS is
  lightningcss'). Pages are minified as MkDocs writes each one (page_output.py), before the
  Content-Security-Policy hashes their inline scripts (minify-html trims the whitespace
  around a script's text, which changes its hash); inline scripts are otherwise left as
  they are. Closing tags and the opening `<html>` and `<head>` are kept: without them the
  pages are 0.7 % smaller (gzip), but a page's source is harder to read, and readers that
  are not HTML5 parsers (Python's html.parser) build another tree from it.
  Measured against this module's earlier regular-expression minifier (PERFORMANCE.md): 1.1 %
  smaller pages and 1.5 % smaller stylesheets after gzip; the same text in Chromium on every
  page, and the same pixels but for a dotted underline that differs between any two renderings.
- JavaScript: the project's own conservative minifier below (minify-html's made each of the
  site's scripts from 1 % larger to 2.75 times the size of this one's, after gzip). It drops
  whole-line `//` comments, block comments that start a line, blank lines and indentation,
  and keeps every other line as written, so automatic semicolon insertion sees the same
  line breaks. A file with a template literal or a line continuation (where a line's start
  may be inside a string), or with a comment opened or closed in the middle of a line, is
  left as it is.
"""

from __future__ import annotations

import re

import minify_html

# Options of minify_html.minify; the defaults leave inline JavaScript unminified.
_PAGE_OPTIONS = {"keep_closing_tags": True, "keep_html_and_head_opening_tags": True, "minify_css": True}


def minify_page(page: str) -> str:
    """A page's HTML, minified (inline styles too; inline scripts only trimmed)."""
    return minify_html.minify(page, **_PAGE_OPTIONS)


def minify_css(css: str) -> str:
    """A stylesheet, minified by minify-html's CSS minifier (through a `<style>` element)."""
    if "</style" in css.lower():
        # Would end the element early; no stylesheet of the site holds it.
        return css
    wrapped = minify_html.minify(f"<style>{css}</style>", minify_css=True)
    return wrapped.removeprefix("<style>").removesuffix("</style>")


def minify_js(source: str) -> str:
    if "`" in source or re.search(r"\\\r?\n", source):
        return source
    kept: list[str] = []
    in_comment = False
    for line in source.splitlines():
        text = line.strip()
        if in_comment:
            if "*/" not in text:
                continue
            in_comment = False
            text = text.split("*/", 1)[1].strip()
        while text.startswith("/*"):
            if "*/" not in text:
                in_comment = True
                text = ""
                break
            text = text.split("*/", 1)[1].strip()
        if text and not text.startswith("//"):
            kept.append(text)
    # A comment opened or closed inside a kept line (or a string or regex holding those
    # characters) could shift what is comment and what is code: keep the file as it is.
    if in_comment or any("/*" in line or "*/" in line for line in kept):
        return source
    return "\n".join(kept) + "\n"


def already_minified(text: str) -> bool:
    """A file whose lines are very long on average was minified by its maker."""
    lines = text.splitlines() or [""]
    return sum(len(line) for line in lines) / len(lines) > 200
