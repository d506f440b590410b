"""Marker output that is already HTML, kept away from the Markdown parser.

A chart, a quiz or a figure is finished HTML when its marker is replaced. Written into
the Markdown, it would be read again by Python-Markdown's raw-HTML handling (an HTML
parser, the slowest part of rendering a page full of figures). Instead the marker is
replaced by a short token, and a small Markdown extension swaps each token for a
placeholder in Python-Markdown's own store of raw HTML, the way it keeps HTML written
in a page: the HTML reaches the page unchanged, a block (a chart) stands on its own
rather than inside a paragraph, and a heading's table-of-contents entry and id come
from its text.

The tokens use two characters from Unicode's private use area, which no page has; one
left in a page after rendering means a marker's output was lost, and the build stops.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from scripts.content.markers import RawHtml

TOKEN_START, TOKEN_END = "\ue000", "\ue001"
_TOKEN = re.compile(TOKEN_START + r"(\d+)" + TOKEN_END)


class HeldHtmlError(Exception):
    pass


class HeldHtml:
    """The HTML held for one page while it is rendered."""

    def __init__(self) -> None:
        self._held: list[str] = []

    def start_page(self) -> None:
        self._held.clear()

    def hold(self, raw: RawHtml) -> str:
        """A token that stands for `raw` in the Markdown."""
        self._held.append(raw.html)
        return f"{TOKEN_START}{len(self._held) - 1}{TOKEN_END}"

    def html(self, index: int) -> str:
        return self._held[index]


def check_no_token_left(page_html: str, label: str) -> None:
    if TOKEN_START in page_html or TOKEN_END in page_html:
        raise HeldHtmlError(
            f"{label}: a marker's HTML was lost while the page was rendered (a token is left in the page); "
            "put the marker on a line of text or on a line of its own, not inside an HTML attribute or a link"
        )


class _SwapTokens(Preprocessor):
    def __init__(self, md: Markdown, held: HeldHtml) -> None:
        super().__init__(md)
        self.held = held

    def run(self, lines: list[str]) -> list[str]:
        def placeholder(match: re.Match[str]) -> str:
            return self.md.htmlStash.store(self.held.html(int(match.group(1))))

        return [_TOKEN.sub(placeholder, line) if TOKEN_START in line else line for line in lines]


class HeldHtmlExtension(Extension):
    """Registers the token swap after whitespace normalisation (which strips Python-Markdown's
    own placeholder characters) and before the raw-HTML block step."""

    def __init__(self, held: HeldHtml, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.held = held

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.preprocessors.register(_SwapTokens(md, self.held), "held_html", 25)

    def __deepcopy__(self, memo: dict[int, Any]) -> HeldHtmlExtension:
        # A copied configuration (each language's build) must still read the same store.
        return self
