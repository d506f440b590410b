"""axe-core in Chromium over every page of the built site: the configurations (the default
look, and every colour scheme at 200 % text), axe's options for each, and AxeMatrix, which runs
axe on every page under one configuration, two pages at a time. The configurations are split
between test files (CONFIG_GROUPS), so that parallel test workers share the work."""

from __future__ import annotations

import json

from axe_playwright_python.base import AXE_FILE_PATH
from conftest import all_page_urls

URL_PATHS = [url_path for _, _, url_path in all_page_urls()]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCHEMES = ["default", "bw", "wb", "blue", "brown", "green"]
# The default look, and every colour scheme (the site's own included) at 200 % text.
CONFIGS: dict[str, dict[str, str]] = {
    "default-look": {},
    **{f"{scheme}-200": {"size": "200", **({} if scheme == "default" else {"scheme": scheme})} for scheme in SCHEMES},
}
# Which test file runs which configurations: tests/test_axe_default.py and test_axe_schemes.py.
CONFIG_GROUPS: dict[str, list[str]] = {
    "default": ["default-look", "default-200", "bw-200"],
    "schemes": ["wb-200", "blue-200", "brown-200", "green-200"],
}
# Browser contexts that run axe side by side: one renderer process per core.
WORKERS = 2


def axe_options(settings: dict[str, str]) -> dict:
    options: dict = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    if "scheme" in settings:
        # The schemes promise 7:1: the AAA contrast rule replaces (and implies) the AA one.
        options["rules"] = {"color-contrast": {"enabled": False}, "color-contrast-enhanced": {"enabled": True}}
    return options


# axe.run starts in the page and is collected later, so that two pages work at once.
START_AXE = """options => {
  window.__axe = axe.run(document, options).then(results => results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').split('\\n')[1]),
  })));
}"""


def set_settings(page, site_url: str, settings: dict[str, str]) -> None:
    """Settings as the panel stores them; the next load applies them before its first paint.
    Stored from the site's page already open (its sessionStorage is the site's), else from the
    home page: a page load less for each test that reuses one tab."""
    if not page.url.startswith(site_url):
        page.goto(site_url)
    page.evaluate("value => sessionStorage.setItem('lowvision', value)", json.dumps(settings))


class AxeMatrix:
    """axe results for every page under one configuration, computed once per configuration."""

    def __init__(self, browser, site_url: str) -> None:
        self.browser = browser
        self.site_url = site_url
        self.results: dict[str, dict[str, list[dict]]] = {}

    def violations(self, config: str, url_path: str) -> list[dict]:
        if config not in self.results:
            self.results[config] = self._run(CONFIGS[config])
        return self.results[config][url_path]

    def _run(self, settings: dict[str, str]) -> dict[str, list[dict]]:
        contexts = [self.browser.new_context(viewport={"width": 1280, "height": 900}) for _ in range(WORKERS)]
        pages = []
        for context in contexts:
            context.add_init_script(path=str(AXE_FILE_PATH))
            page = context.new_page()
            set_settings(page, self.site_url, settings)
            pages.append(page)
        results: dict[str, list[dict]] = {}
        try:
            for start in range(0, len(URL_PATHS), WORKERS):
                batch = list(zip(pages, URL_PATHS[start : start + WORKERS], strict=False))
                for page, url_path in batch:
                    page.goto(self.site_url + url_path)
                    page.evaluate(START_AXE, axe_options(settings))
                for page, url_path in batch:
                    results[url_path] = page.evaluate("window.__axe")
        finally:
            for context in contexts:
                context.close()
        return results
