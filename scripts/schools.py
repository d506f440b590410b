"""Markers of the schools pages: `[[quiz]]` (the pupils' self-check quiz), `[[qr]]` (a QR
code of the site's home in the page's language) and `[[offline-zip]]` (a link to the offline
copy of the site, made by scripts/offline.py). The first two are blocks of HTML, so each must
stand alone on its own line; the other markers ([[stat]], [[chart]], ...) live in
scripts/page_markers.py.
"""

from __future__ import annotations

from collections.abc import Callable

from scripts import site_urls
from scripts.markers import Handler, Marker, MarkerError, RawHtml, find_markers
from scripts.phones import Phones
from scripts.qr import render_qr
from scripts.quiz import Quiz, render_quiz

BLOCK_MARKERS = ("quiz", "qr")
# Where the offline copy is published, below the site root (scripts/offline.py writes it there).
OFFLINE_ZIP_PATH = "downloads/site-offline.zip"


def _no_arguments(marker: Marker) -> None:
    if marker.args or marker.options:
        raise MarkerError(f"{marker.text}: [[{marker.name}]] takes no arguments")


def _quiz(marker: Marker, quiz: Quiz, text: Callable[[str], str], phones: Phones) -> RawHtml:
    _no_arguments(marker)
    return RawHtml(render_quiz(quiz, text, phones).strip(), block=True)


def _qr(marker: Marker, home_url: str, text: Callable[[str], str]) -> RawHtml:
    _no_arguments(marker)
    return RawHtml(render_qr(home_url, alt=text("qr.alt"), caption=text("qr.caption")).strip(), block=True)


def _offline_zip(marker: Marker, site_url: str, text: Callable[[str], str]) -> str:
    _no_arguments(marker)
    # Absolute: the same link works on the published site and inside the offline copy itself
    # (where the zip is not included), and MkDocs does not look for it among the pages.
    return f"[{text('offline.download')}]({site_urls.absolute(site_url, '/' + OFFLINE_ZIP_PATH)})"


def home_url(site_url: str, url_prefix: str) -> str:
    """The absolute address of a language's home page ('' or 'en/' below the site root)."""
    return site_urls.absolute(site_url, "/" + url_prefix)


def school_marker_handlers(
    quiz: Quiz, site_url: str, url_prefix: str, text: Callable[[str], str], phones: Phones
) -> dict[str, Handler]:
    """Handlers for one page's language; `url_prefix` is that language's folder ('' or 'en/')."""
    return {
        "quiz": lambda marker: _quiz(marker, quiz, text, phones),
        "qr": lambda marker: _qr(marker, home_url(site_url, url_prefix), text),
        "offline-zip": lambda marker: _offline_zip(marker, site_url, text),
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
