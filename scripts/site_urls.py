"""URLs between the site's pages, independent of where the site is hosted."""

from __future__ import annotations

from urllib.parse import urljoin


def site_relative(link: str) -> str:
    """'/en/rights/' (a path from the site root) -> 'en/rights/', for MkDocs' `url` filter."""
    return link.lstrip("/") or "."


def absolute(site_url: str, link: str) -> str:
    """The absolute URL of a path from the site root, under the configured site_url."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, site_relative(link).removeprefix("."))
