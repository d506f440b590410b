"""One sitemap per language folder.

mkdocs-static-i18n writes a single sitemap.xml at the root. Material's language
switcher fetches `sitemap.xml` beside each alternate language's root (/en/sitemap.xml),
which would answer 404; and a sitemap may only list URLs below its own folder.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def split_sitemap(root_sitemap: Path, site_url: str, locale_dirs: dict[str, Path]) -> list[Path]:
    """Write <dir>/sitemap.xml for each locale with only the URLs below that folder."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    tree = ET.parse(root_sitemap)  # noqa: S314 - our own build output, not untrusted input
    base = site_url if site_url.endswith("/") else site_url + "/"
    written: list[Path] = []
    for locale, folder in locale_dirs.items():
        prefix = f"{base}{locale}/"
        urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
        for url in tree.getroot().findall(f"{{{SITEMAP_NS}}}url"):
            loc = url.findtext(f"{{{SITEMAP_NS}}}loc", default="")
            if loc.startswith(prefix):
                urlset.append(url)
        target = folder / "sitemap.xml"
        ET.ElementTree(urlset).write(target, encoding="UTF-8", xml_declaration=True)
        written.append(target)
    return written
