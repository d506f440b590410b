"""Every internal link and #anchor of the built site, read from its HTML with an HTML5 parser:
the build stops on a link to a missing page or anchor, naming the Markdown file, the line and
the fix (scripts/hooks.py). LinkChecker stays for links to other sites (scripts/checks/check_links.py)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser

from scripts.checks.check_links import page_sources, source_line

PAGE_FIX = (
    "link to the page's Markdown file as it is in docs/ (e.g. [text](rights.md), or [text](rights.md#shelter) "
    "for a heading), or remove the link"
)
# GitHub Pages serves the site below the repository's path (/repository/en/...): a link from
# the server's root would leave the site there, even when a local preview at / follows it.
FROM_ROOT = "starts at the server's root ('/'), which is not the site's root once published"
OUTSIDE = "leads out of the site's folder"


@cache
def _ids(path: Path, mtime: float) -> frozenset[str]:
    tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
    return frozenset(node.attributes.get("id") or "" for node in tree.css("[id]"))


def _page_path(site_dir: Path, page: Path) -> str:
    relative = page.relative_to(site_dir).as_posix()
    return relative.removesuffix("index.html")


def _existing_file(target: Path, found: dict[Path, Path | None]) -> Path | None:
    """The file a link's path names (a folder's index.html), or None; looked up once per target,
    as the pages share most of their links (the nav)."""
    if target not in found:
        file = target / "index.html" if target.is_dir() else target
        found[target] = file if file.is_file() else None
    return found[target]


def broken_links(site_dir: Path, root: Path, skip: tuple[str, ...] = ()) -> list[str]:
    """One message per broken internal link: file, line, what was found and the fix."""
    sources = page_sources(root)
    messages: list[str] = []
    found: dict[Path, Path | None] = {}
    site_dir = Path(os.path.abspath(site_dir))  # so that a link's normalised path shows where it leads
    for page in sorted(site_dir.rglob("*.html")):
        if page.name == "404.html":
            continue  # its links lead from the server's root, wherever it is shown
        url_path = _page_path(site_dir, page)
        source = sources.get(url_path)
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        for link in tree.css("a[href]"):
            href = link.attributes.get("href") or ""
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//") or any(href.endswith(name) for name in skip):
                continue
            # normpath, not resolve(): the links are relative paths inside the site, and
            # resolving each of them (a system call per part) took a third of the check.
            path = Path(os.path.normpath(page.parent / unquote(parts.path))) if parts.path else page
            from_root = parts.path.startswith("/")
            inside = not from_root and path.is_relative_to(site_dir)
            target = _existing_file(path, found) if inside else None
            text = " ".join(link.text(deep=True).split())
            if from_root:
                problem, fix = f"{href} {FROM_ROOT}", PAGE_FIX
            elif not inside:
                problem, fix = f"{href} {OUTSIDE}", PAGE_FIX
            elif target is None:
                problem, fix = f"{href} leads to a page that does not exist", PAGE_FIX
            elif parts.fragment and unquote(parts.fragment) not in _ids(target, target.stat().st_mtime):
                problem = f"the page {href.split('#')[0] or 'itself'} has no anchor #{parts.fragment}"
                fix = (
                    "link to a heading the page has, or give the heading the link should reach that id by "
                    f"writing {{#{parts.fragment}}} at the end of its line in the target page's Markdown file"
                )
            else:
                continue
            line = source_line(root / source, href, text) if source else None
            where = f"{source} line {line}" if source and line else (source or f"built page {url_path}")
            messages.append(f"{where}: the link '{text}' -> {problem}\n  Fix: {fix}")
    return list(dict.fromkeys(messages))
