"""URLs between the site's pages, independent of where the site is hosted, and the one
published address.

The published address is configured once: the SITE_URL environment variable, which
mkdocs.yml reads as `site_url` and the Pages workflow sets from GitHub's Pages settings.
A build without it is a preview (`make build`, `make serve`): no canonical or hreflang link,
no sitemap and no QR code names an address, the handout says it is a preview, and every
link between pages is relative. `make serve` sets `site_url` to its own address
(http://127.0.0.1:8000/); that is a preview too.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin, urlsplit

ENV_NAME = "SITE_URL"


def site_relative(link: str) -> str:
    """'/en/rights/' (a path from the site root) -> 'en/rights/', for MkDocs' `url` filter."""
    return link.lstrip("/") or "."


def absolute(site_url: str, link: str) -> str:
    """The absolute URL of a path from the site root, under the configured site_url."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, site_relative(link).removeprefix("."))


def dev_server_url(dev_addr: Any) -> str:
    """The address `mkdocs serve` gives itself as site_url (mkdocs.livereload._serve_url)."""
    host, port = (dev_addr.host, dev_addr.port) if hasattr(dev_addr, "host") else dev_addr
    return f"http://{host}:{port}/"


def published_url(site_url: str | None, dev_addr: Any = None) -> str | None:
    """The site's published address, or None for a preview build."""
    if not site_url:
        return None
    url = site_url if site_url.endswith("/") else site_url + "/"
    if dev_addr is not None and url.startswith(dev_server_url(dev_addr)):
        return None
    return url


def root_link(published: str | None, link: str) -> str:
    """A link from any path of the site (the not-found page, hreflang alternates) to a path from
    its root: absolute on the published site, from the server's root in a preview. A link that
    already starts with the site's own path (mkdocs-static-i18n's alternates under a project
    page, /repository/en/) keeps it once."""
    if not published:
        return "/" + site_relative(link).removeprefix(".")
    base_path = urlsplit(published).path
    if base_path not in {"", "/"} and link.startswith(base_path):
        link = "/" + link[len(base_path) :]
    return absolute(published, link)
