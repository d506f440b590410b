"""Check the links of the built site with LinkChecker, and say in plain words what to fix.

    python -m scripts.checks.check_links SITE_DIR              internal links and #anchors (pull requests)
    python -m scripts.checks.check_links SITE_DIR --external   also links to other sites (weekly workflow)

The site is served from 127.0.0.1 for the check, as a reader's browser gets it: directory
URLs (rights/) work as on GitHub Pages. LinkChecker's AnchorCheck plugin makes a link to a
missing #anchor a finding. Each finding names the page, its Markdown file and line when the
link is in the page text, the target, and what to do.
"""

from __future__ import annotations

import argparse
import csv
import functools
import http.server
import io
import os
import re
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from scripts import site_config

ROOT = Path(__file__).resolve().parents[2]
ANCHOR_WARNING = re.compile(r"Anchor `(?P<anchor>[^']*)' .*? not found\. Available anchors: (?P<available>.*)\.$", re.S)
# Material's own ids (search, drawer, ...) are not places an editor would link to.
THEME_ANCHOR = re.compile(r"^__|^md-")


@dataclass(frozen=True)
class Finding:
    page: str  # URL path of the page holding the link, e.g. en/rights/
    href: str  # the link as written in the HTML
    text: str  # the link text
    html_line: int | None
    problem: str
    fix: str
    source: str | None = None  # docs/en/rights.md
    source_line: int | None = None

    def __str__(self) -> str:
        page = self.page or "(home page)"
        if self.source and self.source_line:
            where = f"{self.source} line {self.source_line}"
        elif self.source:
            where = f"{self.source} (not in the page text: the link comes from the theme in overrides/ or a [[marker]])"
        else:
            where = f"built file {self.page}index.html" + (f" line {self.html_line}" if self.html_line else "")
        return (
            f"BROKEN: on page {page} [{where}]\n  link {self.text!r} -> {self.href}: {self.problem}\n  Fix: {self.fix}"
        )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass

    def end_headers(self) -> None:
        # LinkChecker waits 0.1-0.6 s between requests to a host unless the host sends this
        # header; this local server may be checked at full speed (maxrequestspersecond).
        self.send_header("LinkChecker", "local check")
        super().end_headers()


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve the built site on a free loopback port for the duration of the check."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def built_site_url(site_dir: Path) -> str | None:
    """The site_url the site was built for (its absolute canonical and hreflang links use it)."""
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        return None
    match = re.search(r"<loc>\s*(https?://[^/<]+/)", sitemap.read_text(encoding="utf-8"))
    return match.group(1) if match else None


def linkchecker_config(site_dir: Path, external: bool) -> str:
    """LinkChecker's settings: pull requests check the site itself and its anchors."""
    lines = ["[checking]", "threads=4", "timeout=30", "maxrequestspersecond=100"]
    lines += ["[filtering]", f"checkextern={int(external)}"]
    own = built_site_url(site_dir)
    if own:
        # Absolute links to the site's own published address (canonical, hreflang) point at
        # pages that the relative links already reach; that address may not be up yet.
        lines.append(f"ignore=^{re.escape(own)}")
    if not external:
        # Anchors on other sites are often made by JavaScript: check only our own.
        lines.append("[AnchorCheck]")
    return "\n".join(lines) + "\n"


# LinkChecker, run as root (CI containers), switches to the user 'nobody' before it loads its
# plugins; in a checkout 'nobody' cannot read (a fresh clone in a private folder), the
# AnchorCheck plugin then silently does not load and no missing #anchor is ever reported
# (seen in CI: the test site's broken anchor passed). It runs here without that switch: it
# reads only the site being checked.
RUN_LINKCHECKER = (
    "import sys; import linkcheck.command.linkchecker as command; "
    "command.drop_privileges = lambda: None; sys.argv[0] = 'linkchecker'; sys.exit(command.linkchecker())"
)


LINKCHECKER_OPTIONS = ["--no-status", "--verbose", "--output", "csv"]


def run_linkchecker(site_dir: Path, start_url: str, external: bool) -> list[dict[str, str]]:
    """Every URL LinkChecker saw, as rows of its CSV output."""
    with tempfile.NamedTemporaryFile("w", suffix=".ini", delete=False) as config:
        config.write(linkchecker_config(site_dir, external))
    os.chmod(config.name, 0o644)  # readable by any user LinkChecker might run as (see RUN_LINKCHECKER)
    try:
        result = subprocess.run(
            [sys.executable, "-c", RUN_LINKCHECKER, "--config", config.name, *LINKCHECKER_OPTIONS, start_url],
            capture_output=True,
            text=True,
            check=False,
            timeout=1800,
        )
    finally:
        os.unlink(config.name)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"LinkChecker failed (exit {result.returncode}):\n{result.stderr}")
    data = "\n".join(line for line in result.stdout.splitlines() if not line.startswith("#"))
    return list(csv.DictReader(io.StringIO(data), delimiter=";"))


def page_sources(root: Path = ROOT) -> dict[str, str]:
    """URL path of each page ('en/rights/') -> its Markdown file ('docs/en/rights.md')."""
    config = site_config.load_mkdocs_config(root / "mkdocs.yml")
    return {
        language.url_prefix() + site_config.page_url(page): f"docs/{language.locale}/{page}"
        for language in site_config.languages(config)
        for page in site_config.pages(config)
    }


def source_line(path: Path, href: str, text: str) -> int | None:
    """The line of the Markdown file where the link is written, when it can be found."""
    if not path.is_file():
        return None
    parts = urlsplit(href)
    stem = parts.path.rstrip("/").rsplit("/", 1)[-1]
    # First the link as written, when the build left it so (a link from '/', to a missing file).
    needles = [f"]({href}", f"#{parts.fragment}" if parts.fragment else "", f"{stem}.md" if stem else ""]
    needles += [href, f"[{text}]"]
    lines = path.read_text(encoding="utf-8").splitlines()
    for needle in filter(None, needles):
        for number, line in enumerate(lines, start=1):
            if needle in line and "](" in line:
                return number
    return None


def _path_of(url: str, base: str) -> str:
    return unquote(url.removeprefix(base).split("#", 1)[0].split("?", 1)[0])


class _Headings(HTMLParser):
    """The id and text of every heading of a built page."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[tuple[str, str]] = []
        self._current: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ident = dict(attrs).get("id")
        if re.fullmatch(r"h[1-6]", tag) and ident:
            self._current, self._text = ident, []

    def handle_data(self, data: str) -> None:
        if self._current:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._current and re.fullmatch(r"h[1-6]", tag):
            self.headings.append((self._current, " ".join("".join(self._text).split())))
            self._current = None


def page_headings(site_dir: Path, url_path: str) -> list[tuple[str, str]]:
    page = site_dir / url_path / "index.html" if not url_path.endswith(".html") else site_dir / url_path
    if not page.is_file():
        return []
    parser = _Headings()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.headings


def _anchor_fix(anchor: str, available: str, headings: list[tuple[str, str]]) -> str:
    if headings:
        # The headings are what an editor links to; show each id with its text.
        choice = f" (its headings: {', '.join(f'#{ident} «{text}»' for ident, text in headings[:15])})"
    else:
        anchors = [name.strip("`'") for name in available.split(", ")] if available != "-" else []
        useful = [f"#{name}" for name in anchors if not THEME_ANCHOR.search(name)][:15]
        choice = f" (it has: {', '.join(useful)})" if useful else ""
    return (
        f"link to an anchor the page has{choice}, or give the heading the link should reach that id "
        f"by writing {{#{anchor}}} at the end of the heading line in the target page's Markdown file"
    )


def findings_from(
    rows: list[dict[str, str]], base: str, sources: dict[str, str], root: Path, site_dir: Path
) -> list[Finding]:
    findings: list[Finding] = []
    for row in rows:
        parent = _path_of(row.get("parentname") or "", base)
        source = sources.get(parent)
        href, text = row.get("urlname") or "", (row.get("name") or "").strip()
        target = _path_of(row.get("url") or href, base)
        anchor = ANCHOR_WARNING.search(row.get("warningstring") or "")
        external = not (row.get("url") or "").startswith(base)
        if row.get("valid") == "False" and external:
            problem = f"the other site did not give the page ({row.get('result') or 'error'})"
            fix = (
                "open the address in a browser: if the page moved, write its new address in the link; "
                "if it is gone, remove the link or point to where the document is now"
            )
        elif row.get("valid") == "False":
            problem = f"{target or href} does not exist ({row.get('result') or 'error'})"
            fix = (
                "link to the page's Markdown file as it is in docs/ (e.g. [text](rights.md), "
                "or [text](rights.md#shelter) for a heading), or remove the link"
            )
        elif anchor:
            problem = f"the page {target or '(home page)'} has no anchor #{anchor['anchor']}"
            fix = _anchor_fix(anchor["anchor"], anchor["available"], page_headings(site_dir, target))
        else:
            continue
        line = row.get("line") or ""
        findings.append(
            Finding(
                page=parent,
                href=href,
                text=text,
                html_line=int(line) if line.isdigit() else None,
                problem=problem,
                fix=fix,
                source=source,
                source_line=source_line(root / source, href, text) if source else None,
            )
        )
    return findings


def markdown_summary(findings: list[Finding], checked: int) -> str:
    lines = ["## Links", ""]
    if not findings:
        return "\n".join([*lines, f"All {checked} links work."]) + "\n"
    lines += ["| page | file | link | problem | fix |", "| --- | --- | --- | --- | --- |"]
    for item in findings:
        where = f"{item.source} line {item.source_line}" if item.source_line else (item.source or "-")
        cells = [item.page or "/", where, f"`{item.href}`", item.problem, item.fix]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines) + "\n"


def check_links(site_dir: Path, external: bool = False, root: Path = ROOT) -> tuple[list[Finding], int]:
    if not (site_dir / "index.html").is_file():
        raise FileNotFoundError(f"{site_dir}/index.html does not exist: build the site first (make build)")
    with serve(site_dir) as base:
        rows = run_linkchecker(site_dir, base, external)
    return findings_from(rows, base, page_sources(root), root, site_dir), len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the links of the built site.")
    parser.add_argument("site_dir", type=Path, help="the built site, e.g. site")
    parser.add_argument("--external", action="store_true", help="also check links to other sites (slow)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project whose docs/ the site was built from")
    args = parser.parse_args(argv)
    try:
        findings, checked = check_links(args.site_dir.resolve(), args.external, args.root.resolve())
    except (FileNotFoundError, RuntimeError) as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 2
    for finding in findings:
        print(finding, end="\n\n")
    scope = "internal and external links" if args.external else "internal links and #anchors"
    verdict = f"FAILED: {len(findings)} broken" if findings else "OK: none broken"
    print(f"Links ({scope}) in {args.site_dir}: {checked} checked; {verdict}.")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(markdown_summary(findings, checked))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
