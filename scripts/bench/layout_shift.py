"""Layout shift during a page's load, as Chromium reports it (PerformanceObserver, type
"layout-shift"): tests/bench/test_layout_shift.py asserts that there is none, and
scripts/bench/bench_build.py reports it per page (PERFORMANCE.md).

A shift is content moving under the reader's eyes or thumb while the page loads: a notice
inserted above the text, an image without its size, a script that rebuilds the header.
The observer is installed before any of the page's own scripts run and is buffered, so it
sees every shift from the first paint on; the load counts as over once the load event has
fired and SETTLE_MS have passed (what scripts do right after load counts too).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SETTLE_MS = 500

INIT_SCRIPT = """
window.__layoutShifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    window.__layoutShifts.push({
      value: entry.value,
      hadRecentInput: entry.hadRecentInput,
      sources: entry.sources.map(source => {
        const node = source.node;
        const name = !node ? '?' : node.nodeType === 1
          ? node.tagName.toLowerCase() + (node.className && node.className.baseVal === undefined && node.className
            ? '.' + String(node.className).trim().split(/\\s+/).join('.') : '')
          : '#text';
        const before = source.previousRect, after = source.currentRect;
        return `${name} (${before.x},${before.y}) -> (${after.x},${after.y}), ${after.width}x${after.height}`;
      }),
    });
  }
}).observe({type: 'layout-shift', buffered: true});
"""


@dataclass(frozen=True)
class Shift:
    value: float
    sources: tuple[str, ...]


def page_load_shifts(page: Any, url: str) -> list[Shift]:
    """Load `url` in a Playwright page whose context has INIT_SCRIPT; the shifts of that load."""
    page.goto(url, wait_until="load")
    page.wait_for_timeout(SETTLE_MS)
    entries = page.evaluate("window.__layoutShifts")
    return [Shift(float(item["value"]), tuple(item["sources"])) for item in entries if not item["hadRecentInput"]]


def cumulative(shifts: list[Shift]) -> float:
    """The sum of the shifts' scores: Lighthouse's cumulative layout shift for one load."""
    return sum(shift.value for shift in shifts)


VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


@dataclass(frozen=True)
class PageShifts:
    url_path: str
    shifts: dict[str, list[Shift]]  # by viewport name

    def score(self, viewport: str) -> float:
        return cumulative(self.shifts[viewport])


def measure_site(browser: Any, base_url: str, url_paths: list[str]) -> list[PageShifts]:
    """Every page loaded once per viewport, each in a fresh tab of one context per viewport."""
    results: dict[str, dict[str, list[Shift]]] = {path: {} for path in url_paths}
    for name, viewport in VIEWPORTS.items():
        context = browser.new_context(viewport=viewport)
        context.add_init_script(INIT_SCRIPT)
        try:
            for path in url_paths:
                page = context.new_page()
                results[path][name] = page_load_shifts(page, base_url + path)
                page.close()
        finally:
            context.close()
    return [PageShifts(path, shifts) for path, shifts in results.items()]


def table(results: list[PageShifts]) -> str:
    header = ["page", *(f"{name} ({size['width']} px)" for name, size in VIEWPORTS.items())]
    rows = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for item in results:
        rows.append("| " + " | ".join(["/" + item.url_path, *(f"{item.score(name):.3f}" for name in VIEWPORTS)]) + " |")
    return "\n".join(rows)


def measure_with_chromium(site_dir: Any, url_paths: list[str]) -> list[PageShifts]:
    """Serve a built site and measure every page's layout shift in Debian's Chromium."""
    from playwright.sync_api import sync_playwright

    from scripts.bench.page_weight import chromium_executable, serve
    from scripts.chromium import CHROMIUM_ARGS

    with sync_playwright() as playwright, serve(site_dir) as (base_url, _recorder):
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        try:
            return measure_site(browser, base_url, url_paths)
        finally:
            browser.close()
