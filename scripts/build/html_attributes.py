"""The attributes of an HTML start tag, read as a browser reads them, for the build steps
that scan pages with regular expressions (scripts/build/csp.py, scripts/checks/unsafe_markup.py)."""

from __future__ import annotations

import html
import re

# A name, then optionally `=` and a value: double-quoted, single-quoted (either may hold `>`)
# or bare.
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")


def attributes(tag_text: str) -> list[tuple[str, str]]:
    """(lower-case name, value with entities decoded) of each attribute in the text after a
    tag's name; an attribute without a value has ''."""
    return [(name.lower(), html.unescape(_unquote(value))) for name, value in _ATTRIBUTE.findall(tag_text)]


def _unquote(value: str) -> str:
    return value[1:-1] if value[:1] in {'"', "'"} else value
