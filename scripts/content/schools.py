"""Markers of the schools pages: `[[quiz]]` (the pupils' self-check quiz), `[[qr]]` (a QR
code of the site's home in the page's language) and `[[offline-zip]]` (a link to the offline
copy of the site, made by scripts/build/offline.py). The first two are blocks of HTML, so each must
stand alone on its own line; the other markers ([[stat]], [[chart]], ...) live in
scripts/content/page_markers.py.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from mkdocs.utils import get_relative_url

from scripts import site_urls
from scripts.content.markers import Handler, Marker, MarkerError, RawHtml, find_markers
from scripts.content.phones import Phones
from scripts.content.qr import render_qr, render_qr_preview
from scripts.content.quiz import Quiz, render_quiz

BLOCK_MARKERS = ("quiz", "qr")
# Where the offline copy is published, below the site root (scripts/build/offline.py writes it there).
OFFLINE_ZIP_PATH = "downloads/site-offline.zip"


def _no_arguments(marker: Marker) -> None:
    if marker.args or marker.options:
        raise MarkerError(f"{marker.text}: [[{marker.name}]] takes no arguments")


def _quiz(marker: Marker, quiz: Quiz, text: Callable[[str], str], phones: Phones) -> RawHtml:
    _no_arguments(marker)
    return RawHtml(render_quiz(quiz, text, phones).strip(), block=True)


def _qr(marker: Marker, home: str | None, text: Callable[[str], str]) -> RawHtml:
    _no_arguments(marker)
    if home is None:
        # A preview has no address to print: say so on the handout instead of a code to 127.0.0.1.
        return RawHtml(render_qr_preview(text("qr.preview")).strip(), block=True)
    return RawHtml(render_qr(home, alt=text("qr.alt"), caption=text("qr.caption")).strip(), block=True)


@dataclass(frozen=True)
class SchoolLinks:
    """Where the schools markers point, for one page of one build."""

    published_url: str | None  # the site's published address; None in a preview
    url_prefix: str  # the page's language folder below the site root: '' or 'en/'
    page_url: str  # the page's own URL below the site root: 'en/schools/' or 'en/schools.html'
    offline_zip: bool  # this build has the offline copy at OFFLINE_ZIP_PATH (scripts/build/build_site.py)
    offline_build: bool  # this build is the offline copy itself (which does not hold the zip)

    def home(self) -> str | None:
        return site_urls.absolute(self.published_url, "/" + self.url_prefix) if self.published_url else None

    def zip_href(self) -> str | None:
        if self.offline_build:
            # The copy does not hold itself: from it, the zip is on the published site, if any.
            return site_urls.absolute(self.published_url, "/" + OFFLINE_ZIP_PATH) if self.published_url else None
        return get_relative_url(OFFLINE_ZIP_PATH, self.page_url) if self.offline_zip else None


def _offline_zip(marker: Marker, links: SchoolLinks, text: Callable[[str], str]) -> RawHtml:
    _no_arguments(marker)
    href = links.zip_href()
    label = html.escape(text("offline.download"))
    # HTML, not a Markdown link: the zip is not one of MkDocs' pages. No link where the zip is not
    # (a `mkdocs serve` preview, or the offline copy of a preview).
    return RawHtml(f'<a href="{html.escape(href)}">{label}</a>' if href else f"<span>{label}</span>")


def home_url(site_url: str, url_prefix: str) -> str:
    """The absolute address of a language's home page ('' or 'en/' below the site root)."""
    return site_urls.absolute(site_url, "/" + url_prefix)


def school_marker_handlers(
    quiz: Quiz, links: SchoolLinks, text: Callable[[str], str], phones: Phones
) -> dict[str, Handler]:
    """Handlers for one page of one language."""
    return {
        "quiz": lambda marker: _quiz(marker, quiz, text, phones),
        "qr": lambda marker: _qr(marker, links.home(), text),
        "offline-zip": lambda marker: _offline_zip(marker, links, text),
    }


def check_block_markers(markdown: str, source_label: str, first_line: int = 1) -> None:
    """A block marker sharing its line with text would be cut into the paragraph: refuse it.
    Line numbers count from `first_line`, the file line where `markdown` starts."""
    lines = markdown.splitlines()
    for marker in find_markers(markdown):
        if marker.name in BLOCK_MARKERS and lines[marker.line - 1].strip() != marker.text:
            raise MarkerError(
                f"{source_label}:{marker.line + first_line - 1}: {marker.text} must stand alone on its own line "
                "(a blank line before and after it), because it becomes a block of HTML"
            )
