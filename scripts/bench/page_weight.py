"""Page weight: the bytes a reader's phone downloads for each page of the built site.

`python -m scripts.bench.page_weight SITE_DIR [--json PATH]` serves SITE_DIR on 127.0.0.1,
loads every page of every language in Chromium twice - with an empty cache (first
visit) and as the second page of a visit (the previous page in the nav loaded first,
its shared assets cached) - and prints a table per page and a summary.

Bytes are counted where they leave the server, as a static host with gzip would send
them, so the figures are the same on every run and every machine: the gzip -9 size of
a text body (HTML, CSS, JS, JSON, SVG, XML), the raw size of anything else, and 0 for
a 304 body or a request the browser answered from its cache (it never reaches the
server), plus the response's status line and headers as this server sends them (Date,
Server, Content-Type, Content-Encoding, Content-Length, Last-Modified, Cache-Control: about
250 bytes; a 304 costs its headers). The server sends text gzip-compressed to a browser
that accepts it, `Cache-Control: max-age=600`, as GitHub Pages does, and answers
If-Modified-Since with 304.

tests/bench/test_page_weight.py asserts the budgets on these figures (PERFORMANCE.md).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import shutil
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from scripts import site_config
from scripts.chromium import CHROMIUM_ARGS

# Budgets in bytes (1 KB = 1000 bytes), headers included, asserted by tests/bench/test_page_weight.py:
# the median first visit over all pages, any page's first visit, and any page after another.
FIRST_VISIT_MEDIAN_BUDGET = 45_000
FIRST_VISIT_BUDGET = 64_000
SECOND_PAGE_BUDGET = 15_000

CATEGORIES = ("html", "css", "js", "search", "images", "fonts", "other")
TEXT_SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".map", ".webmanifest"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".svg"}
FONT_SUFFIXES = {".woff", ".woff2", ".ttf", ".otf", ".eot"}
# Search costs what these files cost, loaded when a reader opens it: the language's index,
# lunr and its language files (scripts/build/search_index.py). assets/js/search.js, the button
# and panel on every page, counts as js.
SEARCH_PREFIXES = ("search/", "assets/javascripts/lunr/")

# A page's load is over once, after its load event, the server has seen no request for this
# long: what scripts and workers fetch after load counts (Chromium's network-idle event, half
# a second without requests, waited as long and missed workers' requests).
QUIET_SECONDS = 0.5
# Pages measured at once (measure_site), each in its own browser context and from its own server.
SIDE_BY_SIDE = 2
HOST_CACHE_CONTROL = "max-age=600"


def category(path: str) -> str:
    """The kind of a site file, from its path below the site root."""
    if path.startswith(SEARCH_PREFIXES):
        return "search"
    suffix = Path(path).suffix.lower()
    if suffix == ".html":
        return "html"
    if suffix == ".css":
        return "css"
    if suffix in {".js", ".mjs"}:
        return "js"
    if suffix in IMAGE_SUFFIXES:
        return "images"
    if suffix in FONT_SUFFIXES:
        return "fonts"
    return "other"


def is_text(file: Path) -> bool:
    return file.suffix.lower() in TEXT_SUFFIXES


@functools.lru_cache(maxsize=4096)
def _gzipped(file: Path, mtime_ns: int) -> bytes:  # mtime_ns: a rebuilt file is compressed again
    return gzip.compress(file.read_bytes(), compresslevel=9, mtime=0)


def gzipped(file: Path) -> bytes:
    """A text file's body as a gzip-serving host sends it (gzip -9)."""
    return _gzipped(file, file.stat().st_mtime_ns)


def transfer_size(file: Path) -> int:
    """Bytes a gzip-serving host sends for this file's body (gzip -9 for text, raw otherwise)."""
    return len(gzipped(file)) if is_text(file) else file.stat().st_size


@dataclass(frozen=True)
class Transfer:
    path: str
    status: int
    bytes: int  # body and headers
    header_bytes: int = 0


@dataclass
class _Recorder:
    transfers: list[Transfer] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    last_request: float = 0.0

    def add(self, transfer: Transfer) -> None:
        with self.lock:
            self.transfers.append(transfer)
            self.last_request = time.monotonic()

    def take(self) -> list[Transfer]:
        with self.lock:
            taken, self.transfers = self.transfers, []
            return taken


class _RecordingHandler(http.server.SimpleHTTPRequestHandler):
    recorder: _Recorder
    site_root: Path
    _gzip_body: bytes | None = None

    def requested_file(self) -> Path:
        file = Path(self.translate_path(self.path))
        return file / "index.html" if file.is_dir() else file

    def send_head(self) -> Any:
        # Text goes out gzip-compressed when the browser accepts it, as GitHub Pages sends
        # it: the bytes counted are the bytes sent, and Lighthouse's simulated slow network
        # times the sizes it saw on the wire (uncompressed, a page looked three times heavier).
        file = self.requested_file()
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        self._gzip_body = gzipped(file) if accepts_gzip and file.is_file() and is_text(file) else None
        body = super().send_head()
        if body is not None and self._gzip_body is not None:
            body.close()
            return io.BytesIO(self._gzip_body)
        return body

    def send_header(self, keyword: str, value: str) -> None:
        if self._gzip_body is not None and keyword.lower() == "content-length":
            super().send_header("Content-Encoding", "gzip")
            super().send_header("Vary", "Accept-Encoding")
            value = str(len(self._gzip_body))
        super().send_header(keyword, value)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", HOST_CACHE_CONTROL)
        super().end_headers()

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        # Called as the response starts, before its headers: the transfer is recorded once
        # they are sent (flush_headers), with their size.
        # http.server passes an HTTPStatus (an int) or a digit string; "-" when there is none.
        status = int(code) if isinstance(code, int) or str(code).isdigit() else 0
        file = self.requested_file()
        try:
            path = file.resolve().relative_to(self.site_root).as_posix()
        except ValueError:
            path = unquote(urlsplit(self.path).path).lstrip("/")
        size_sent = transfer_size(file) if status == 200 and file.is_file() else 0
        self._pending = (path, status, size_sent)

    def flush_headers(self) -> None:
        pending = getattr(self, "_pending", None)
        if pending is not None:
            header_bytes = sum(len(line) for line in getattr(self, "_headers_buffer", []))
            path, status, size_sent = pending
            self.recorder.add(
                Transfer(path=path, status=status, bytes=size_sent + header_bytes, header_bytes=header_bytes)
            )
            self._pending = None
        super().flush_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


@contextmanager
def serve(site_dir: Path) -> Iterator[tuple[str, _Recorder]]:
    """Serve site_dir on a free 127.0.0.1 port; yield its base URL and the request record."""
    recorder = _Recorder()
    handler = type("Handler", (_RecordingHandler,), {"recorder": recorder, "site_root": site_dir.resolve()})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir.resolve()))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", recorder
    finally:
        server.shutdown()
        server.server_close()


@dataclass(frozen=True)
class Load:
    """One page load: every request the server answered, and their bytes by kind."""

    transfers: tuple[Transfer, ...]

    def by_category(self) -> dict[str, int]:
        totals = dict.fromkeys(CATEGORIES, 0)
        for transfer in self.transfers:
            totals[category(transfer.path)] += transfer.bytes
        return totals

    @property
    def total(self) -> int:
        return sum(transfer.bytes for transfer in self.transfers)

    def failures(self) -> list[Transfer]:
        return [transfer for transfer in self.transfers if transfer.status >= 400 or transfer.status == 0]


@dataclass(frozen=True)
class PageWeight:
    locale: str
    page: str
    url_path: str
    first_visit: Load
    second_page: Load
    # The page loaded just before, whose cached assets the second-page load reuses.
    second_page_after: str

    def first_visit_budget(self) -> int:
        return FIRST_VISIT_BUDGET


def _load_side_by_side(loads: list[tuple[Any, str, _Recorder]]) -> list[Load]:
    """Each (tab, url, its server's record) loaded, the tabs one after the other, then the
    quiet waited for at every server at once: each load is every request its server answered
    until QUIET_SECONDS after the tab's last one, as if it had been loaded alone."""
    for _, _, recorder in loads:
        recorder.take()
    # "load": every script, stylesheet and image of the page has arrived; then quiet at the
    # server, for what scripts fetch afterwards (a search index loaded on page load would count).
    for tab, url, _ in loads:
        tab.goto(url, wait_until="load")
    while any(time.monotonic() - recorder.last_request < QUIET_SECONDS for _, _, recorder in loads):
        time.sleep(QUIET_SECONDS / 3)
    return [Load(transfers=tuple(recorder.take())) for _, _, recorder in loads]


def site_pages() -> list[tuple[str, str, str]]:
    """(locale, page, url path) of every page in every language, in nav order."""
    return [
        (language.locale, page, language.url_prefix() + site_config.page_url(page))
        for language in site_config.languages()
        for page in site_config.pages()
    ]


def _following(item: tuple[str, str, str], pages: list[tuple[str, str, str]]) -> tuple[str, str, str]:
    """The next page of the item's language in nav order (the last wraps to the first)."""
    same_language = [other for other in pages if other[0] == item[0]]
    return same_language[(same_language.index(item) + 1) % len(same_language)]


def measure_site(
    browser: Any, site_dir: Path, pages: list[tuple[str, str, str]] | None = None, progress: bool = False
) -> list[PageWeight]:
    """Load each page with an empty cache, then, in the same browser context, the next page of
    its language's nav (the last page wraps to the first): that load is the next page's
    "second page" figure. Two loads per page, each page measured both ways."""
    pages = pages if pages is not None else site_pages()
    first: dict[tuple[str, str, str], Load] = {}
    second: dict[tuple[str, str, str], tuple[Load, str]] = {}
    # SIDE_BY_SIDE pages at a time, each from a server of its own (its own record of requests),
    # so that their waits for quiet overlap.
    with ExitStack() as servers_open:
        servers = [servers_open.enter_context(serve(site_dir)) for _ in range(SIDE_BY_SIDE)]
        for start in range(0, len(pages), SIDE_BY_SIDE):
            batch = list(zip(pages[start : start + SIDE_BY_SIDE], servers, strict=False))
            contexts = [browser.new_context() for _ in batch]
            try:
                tabs = [context.new_page() for context in contexts]
                following = [_following(item, pages) for item, _ in batch]
                firsts = _load_side_by_side(
                    [
                        (tab, base_url + item[2], recorder)
                        for tab, (item, (base_url, recorder)) in zip(tabs, batch, strict=True)
                    ]
                )
                nexts = _load_side_by_side(
                    [
                        (tab, base_url + after[2], recorder)
                        for tab, after, (_, (base_url, recorder)) in zip(tabs, following, batch, strict=True)
                    ]
                )
            finally:
                for context in contexts:
                    context.close()
            for (item, _), after, load, next_load in zip(batch, following, firsts, nexts, strict=True):
                first[item] = load
                second[after] = (next_load, item[2])
                if progress:
                    print(f"  measured /{item[2]}: first visit {kb(load.total)} KB", file=sys.stderr)
    return [PageWeight(*key, first[key], *second[key]) for key in pages]


def kb(size: int) -> str:
    return f"{size / 1000:.1f}"


def summary(weights: list[PageWeight]) -> dict[str, Any]:
    """Median and maximum over all pages, first visit and second page, in total and by kind."""

    def stats(values: list[int]) -> dict[str, float]:
        return {"median": statistics.median(values), "max": max(values)}

    return {
        "pages": len(weights),
        "first_visit": stats([item.first_visit.total for item in weights]),
        "second_page": stats([item.second_page.total for item in weights]),
        "first_visit_by_category": {
            name: stats([item.first_visit.by_category()[name] for item in weights]) for name in CATEGORIES
        },
        "budgets": {
            "first_visit_median": FIRST_VISIT_MEDIAN_BUDGET,
            "first_visit": FIRST_VISIT_BUDGET,
            "second_page": SECOND_PAGE_BUDGET,
        },
        "median_over_budget": statistics.median(item.first_visit.total for item in weights) > FIRST_VISIT_MEDIAN_BUDGET,
        "over_budget": [
            item.url_path or "/"
            for item in weights
            if item.first_visit.total > item.first_visit_budget() or item.second_page.total > SECOND_PAGE_BUDGET
        ],
    }


def table(weights: list[PageWeight]) -> str:
    """A Markdown table: one row per page, first-visit bytes by kind, total, and as a second page."""
    header = ["page", *CATEGORIES, "first visit", "budget", "second page"]
    rows = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for item in weights:
        parts = item.first_visit.by_category()
        cells = [
            "/" + item.url_path,
            *(kb(parts[name]) for name in CATEGORIES),
            f"**{kb(item.first_visit.total)}**",
            kb(item.first_visit_budget()),
            kb(item.second_page.total),
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def summary_text(result: dict[str, Any]) -> str:
    first, second = result["first_visit"], result["second_page"]
    lines = [
        f"Pages measured: {result['pages']} (all languages). Sizes in KB (1000 bytes), gzip -9 for text, "
        "headers included.",
        f"First visit (empty cache): median {kb(first['median'])} KB, max {kb(first['max'])} KB "
        f"(budgets: median {kb(FIRST_VISIT_MEDIAN_BUDGET)} KB, any page {kb(FIRST_VISIT_BUDGET)} KB).",
        f"Second page (shared assets cached): median {kb(second['median'])} KB, max {kb(second['max'])} KB "
        f"(budget {kb(SECOND_PAGE_BUDGET)} KB).",
        "First visit by kind (median / max KB): "
        + ", ".join(
            f"{name} {kb(values['median'])} / {kb(values['max'])}"
            for name, values in result["first_visit_by_category"].items()
        )
        + ".",
    ]
    if result["median_over_budget"]:
        lines.append(f"OVER BUDGET: the median first visit is over {kb(FIRST_VISIT_MEDIAN_BUDGET)} KB")
    if result["over_budget"]:
        lines.append("OVER BUDGET: " + ", ".join("/" + path.lstrip("/") for path in result["over_budget"]))
    return "\n".join(lines)


def to_json(weights: list[PageWeight]) -> dict[str, Any]:
    def load(item: Load) -> dict[str, Any]:
        return {
            "total": item.total,
            "by_category": item.by_category(),
            "requests": [asdict(transfer) for transfer in item.transfers],
        }

    return {
        "summary": summary(weights),
        "pages": [
            {
                "locale": item.locale,
                "page": item.page,
                "url": "/" + item.url_path,
                "first_visit_budget": item.first_visit_budget(),
                "first_visit": load(item.first_visit),
                "second_page_after": "/" + item.second_page_after,
                "second_page": load(item.second_page),
            }
            for item in weights
        ],
    }


def chromium_executable() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise SystemExit("Chromium is not installed: run `make chromium` (Debian's chromium package)")
    return path


def measure_with_chromium(site_dir: Path, progress: bool = False) -> list[PageWeight]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        try:
            return measure_site(browser, site_dir, progress=progress)
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path, help="a built site (mkdocs build --site-dir ...)")
    parser.add_argument("--json", type=Path, help="also write every page's figures and requests here")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        parser.error(f"{args.site_dir} has no index.html: build the site first")
    weights = measure_with_chromium(args.site_dir, progress=True)
    print(table(weights))
    print()
    print(summary_text(summary(weights)))
    if args.json:
        args.json.write_text(json.dumps(to_json(weights), indent=2) + "\n", encoding="utf-8")
    failures = [f"/{item.url_path}: {t.path} ({t.status})" for item in weights for t in item.first_visit.failures()]
    if failures:
        print("Failed requests:\n  " + "\n  ".join(failures), file=sys.stderr)
    result = summary(weights)
    return 1 if result["over_budget"] or result["median_over_budget"] or failures else 0


if __name__ == "__main__":
    sys.exit(main())
