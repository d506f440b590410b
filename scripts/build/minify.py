"""Conservative minifying of the site's own stylesheets and scripts in the build output.

The sources in overrides/ stay readable, with their comments; what readers download
loses the comments and the indentation. Both minifiers only remove what cannot change
meaning, and leave a file untouched when they cannot be sure:

- CSS: comments go, whitespace runs become one space, and the space next to `{ } ; ,`
  goes; strings are copied as they are. Spaces around `:` or `>` stay (`a :hover` and
  `a:hover` differ; media queries need theirs).
- HTML: in text between tags, a run of whitespace with a line break becomes one line
  break (the browser shows any whitespace run as one space). Elements whose whitespace
  shows (pre, code, kbd, samp, textarea) and scripts and styles are copied as they are,
  so the inline scripts keep the hashes the Content-Security-Policy allows them by.
- JavaScript: whole-line `//` comments, block comments that start a line, blank lines and
  indentation go; every other line is kept as written, so automatic semicolon insertion
  sees the same line breaks. A file with a template literal or a line continuation (where
  a line's start may be inside a string), or with a comment opened or closed in the middle
  of a line, is left as it is.
"""

from __future__ import annotations

import re

_CSS_TIGHT = re.compile(r"\s*([{};,])\s*")
_HTML_VERBATIM = re.compile(r"(<(pre|code|kbd|samp|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
_HTML_TAG = re.compile(r"(<[^>]*>)")
_HTML_LINE_BREAK_RUN = re.compile(r"[ \t\r\f]*\n\s*")


def _css_chunks(css: str) -> list[tuple[bool, str]]:
    """(is_string, text) pieces of a stylesheet, comments removed."""
    chunks: list[tuple[bool, str]] = []
    buffer: list[str] = []
    i = 0
    while i < len(css):
        char = css[i]
        if css.startswith("/*", i):
            end = css.find("*/", i + 2)
            i = len(css) if end == -1 else end + 2
            buffer.append(" ")
            continue
        if char in "\"'":
            j = i + 1
            while j < len(css) and css[j] != char and css[j] != "\n":
                j += 2 if css[j] == "\\" else 1
            chunks.append((False, "".join(buffer)))
            buffer = []
            chunks.append((True, css[i : j + 1]))
            i = j + 1
            continue
        buffer.append(char)
        i += 1
    chunks.append((False, "".join(buffer)))
    return chunks


def minify_css(css: str) -> str:
    out: list[str] = []
    for is_string, text in _css_chunks(css):
        if is_string:
            out.append(text)
        else:
            out.append(_CSS_TIGHT.sub(r"\1", re.sub(r"\s+", " ", text)))
    return "".join(out).strip()


def minify_html(page: str) -> str:
    out: list[str] = []
    for index, part in enumerate(_HTML_VERBATIM.split(page)):
        # split() yields text, then the verbatim element and its tag name, and so on.
        if index % 3 == 1:
            out.append(part)
        elif index % 3 == 0:
            pieces = _HTML_TAG.split(part)
            out.append(
                "".join(piece if n % 2 else _HTML_LINE_BREAK_RUN.sub("\n", piece) for n, piece in enumerate(pieces))
            )
    return "".join(out)


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
