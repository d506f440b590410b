"""The Content-Security-Policy: generated at build, first in <head> on every page (404
too), inline scripts allowed only by hash; in Chromium no page reports a violation, asks
another host for anything, fails to load a file or stores anything, and search, the
language switch, the job-offer check and the charts still work."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from conftest import SITE_URL, all_page_urls
from site_search import run_search

from scripts import site_config
from scripts.build.csp import CspError, add_policy, inline_scripts, policy, script_hash

PAGES = all_page_urls()
SITE_HOST = urlparse(SITE_URL).netloc
CSP_META = 'meta[http-equiv="Content-Security-Policy"]'


def directives(content: str) -> dict[str, list[str]]:
    parts = [part.split() for part in content.split(";") if part.strip()]
    return {part[0]: part[1:] for part in parts}


# --- the module -------------------------------------------------------------------


def test_policy_hashes_each_inline_script_and_nothing_else():
    html = (
        "<head><script>var a=1</script><script src='x.js'></script>"
        '<script id="c" type="application/json">{"a": 1}</script></head>'
        "<body><script type=module>b()</script></body>"
    )
    assert inline_scripts(html) == ["var a=1", "b()"]
    script_src = directives(policy(html))["script-src"]
    assert script_src == ["'self'", script_hash("var a=1"), script_hash("b()")]


def test_scripts_are_found_as_a_browser_tokenises_them():
    html = (
        "<!-- <script>commented()</script> -->"
        '<SCRIPT data-note="a > b">var s = "<!--";</script >'
        "<script\ntype='text/javascript'>c()</script>"
        '<script type="text/plain">not run</script>'
    )
    # A commented-out script is not hashed; `<!--` inside a script does not open a comment;
    # upper case, a `>` in a quoted attribute and a line break in the tag are still scripts.
    assert inline_scripts(html) == ['var s = "<!--";', "c()"]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # Mixed case names and values, an entity in the value, an unquoted value: still run.
        ('<script TYPE="Text/JavaScript">a()</script>', ["a()"]),
        ("<script type=&#x6D;odule>a()</script>", ["a()"]),
        # A duplicated attribute: the first counts.
        ('<script type="text/plain" type="text/javascript">a()</script>', []),
        ('<script type="module" type="text/plain">a()</script>', ["a()"]),
        # `src` run together with the attribute before it: a file, not an inline script.
        ('<script type="module"src="a.js"></script>', []),
        ("<script id=x SRC=a.js></script>", []),
        # A script in SVG runs; one in a <template> does not; outside SVG, CDATA is a comment.
        ("<svg><script>s()</script></svg>", ["s()"]),
        ("<template><script>t()</script></template>", []),
        ("<![CDATA[<script>c()</script>]]>", []),
        # Script text is raw: entities stay as written, and `</script` ends it whatever follows.
        ("<script>a('&amp;')</script\t>", ["a('&amp;')"]),
    ],
)
def test_script_attributes_and_text_are_read_as_a_browser_reads_them(html, expected):
    assert inline_scripts(html) == expected


def test_script_hash_is_the_browsers_sha256_of_the_utf8_text():
    # echo -n 'alert("ə")' | openssl dgst -sha256 -binary | base64
    assert script_hash('alert("ə")') == "'sha256-6xGL/yk3Sx+6zBrAqgNyOQgptBXVclLAiIeFLx+Yd4o='"
    assert script_hash("a()\r\nb()") == script_hash("a()\nb()")


def test_policy_is_the_first_element_of_head_not_of_header():
    html = "<!doctype html><html><head>\n<meta charset=utf-8><script>x()</script></head><body><header>h</header>"
    result = add_policy(html)
    head = BeautifulSoup(result, "html.parser").head
    assert head.find(True).name == "meta"
    assert head.find(True)["http-equiv"] == "Content-Security-Policy"
    assert result.count("Content-Security-Policy") == 1


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("<body><header>x</header></body>", "no <head>"),
        ('<head><meta http-equiv="Content-Security-Policy" content="x"></head>', "already has"),
        ("<head><meta content=x http-equiv=content-security-policy></head>", "already has"),
    ],
)
def test_pages_without_head_or_with_a_policy_are_refused(html, message):
    with pytest.raises(CspError, match=message):
        add_policy(html)


# --- the built site ---------------------------------------------------------------


def built_html_files(site_dir: Path) -> list[Path]:
    return sorted(path for path in site_dir.rglob("*.html"))


def test_every_built_html_file_has_the_policy_first_in_head(site_dir):
    files = built_html_files(site_dir)
    assert site_dir / "404.html" in files
    for path in files:
        raw = path.read_bytes()
        soup = BeautifulSoup(raw.decode("utf-8"), "html.parser")
        first = soup.head.find(True)
        assert first is not None, path
        assert (first.name, first.get("http-equiv")) == ("meta", "Content-Security-Policy"), path
        assert len(soup.select(CSP_META)) == 1, path
        rules = directives(first["content"])
        assert rules["default-src"] == ["'self'"]
        assert rules["object-src"] == ["'none'"]
        assert rules["base-uri"] == ["'self'"]
        assert rules["form-action"] == ["'self'"]
        assert rules["worker-src"] == ["'self'"]
        assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "https:"} & set(rules["script-src"])
        scripts = inline_scripts(raw.decode("utf-8"))
        assert sorted(rules["script-src"][1:]) == sorted({script_hash(source) for source in scripts}), path
        # The charset declaration must stay within the first 1024 bytes.
        assert raw.find(b"<meta charset") != -1
        assert raw.find(b">", raw.find(b"<meta charset")) < 1024, f"{path}: <meta charset> pushed past 1024 bytes"


# --- Chromium ---------------------------------------------------------------------

WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push([event.violatedDirective, event.blockedURI, event.sourceFile, event.lineNumber].join(" "));
});
"""


@dataclass
class Watch:
    """CSP violations (events and console reports), requests to any other host, and requests
    that failed or were answered with an error."""

    page: object
    console: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def violations(self) -> list[str]:
        return self.page.evaluate("window.__violations")

    def problems(self) -> list[str]:
        return (
            self.violations()
            + self.console
            + [f"request to another host: {url}" for url in self.foreign]
            + [f"failed request: {failure}" for failure in self.failed]
        )


def watch(page) -> Watch:
    seen = Watch(page)
    page.add_init_script(WATCH_VIOLATIONS)
    page.on(
        "console",
        lambda message: seen.console.append(message.text) if "Content Security Policy" in message.text else None,
    )

    def on_request(request) -> None:
        url = urlparse(request.url)
        if url.scheme in {"http", "https", "ws", "wss"} and url.netloc != SITE_HOST:
            seen.foreign.append(request.url)

    page.on("request", on_request)
    page.on("requestfailed", lambda request: seen.failed.append(f"{request.url} ({request.failure})"))
    page.on(
        "response",
        lambda response: seen.failed.append(f"{response.url} ({response.status})") if response.status >= 400 else None,
    )
    return seen


def test_browser_runs_hashed_scripts_and_blocks_anything_added_later(page):
    original = "<!doctype html><html><head><title>t</title><script>document.title = 'ran'</script></head><body></body>"
    injected = add_policy(original).replace("</body>", "<script>document.title = 'injected'</script></body>")
    page.route("http://csp.test/", lambda route: route.fulfill(content_type="text/html", body=injected))
    seen = watch(page)
    page.goto("http://csp.test/")
    assert page.title() == "ran"
    # The watchers the other tests rely on do see a blocked script.
    assert len(seen.violations()) == 1
    assert len(seen.console) == 1


# One load per page for all of these (it waits until the network is idle, for what scripts
# do after load): the page and all it loads come from its own host, nothing fails, no policy
# violation, nothing stored.
@pytest.mark.parametrize(("locale", "page_name", "url_path"), [*PAGES, ("az", "404", "404.html")])
def test_no_csp_violation_foreign_request_cookie_or_storage_on_any_page(page, site_url, locale, page_name, url_path):
    seen = watch(page)
    page.goto(site_url + url_path, wait_until="networkidle")
    assert page.locator("h1").count() == 1
    assert seen.problems() == []
    assert page.context.cookies() == []
    assert page.evaluate("[document.cookie, localStorage.length, sessionStorage.length]") == ["", 0, 0]


@pytest.mark.parametrize(("url_path", "query"), [("", "insan"), ("en/", "trafficking"), ("ru/", "торговли")])
def test_search_works_under_the_policy(page, site_url, url_path, query):
    seen = watch(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + url_path, wait_until="networkidle")
    assert run_search(page, query)
    assert seen.problems() == []
    assert page.evaluate("[localStorage.length, sessionStorage.length]") == [0, 0]


def test_language_switch_works_under_the_policy(page, site_url):
    seen = watch(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + "en/" + site_config.page_url("hotline.md"), wait_until="networkidle")
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang=ru]").click()
    page.wait_for_url(re.compile(r"/ru/hotline/$"))
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert seen.problems() == []


def test_job_offer_check_works_under_the_policy(page, site_url):
    seen = watch(page)
    page.goto(site_url + "en/" + site_config.page_url("offer-check.md"), wait_until="networkidle")
    check = page.locator(".job-check").first
    check.locator("input[type=radio]").first.check()
    assert check.locator("[role=status]").first.inner_text().strip() != ""
    assert seen.problems() == []


def test_charts_render_under_the_policy(page, site_url):
    seen = watch(page)
    page.goto(site_url + "en/" + site_config.page_url("statistics.md"), wait_until="networkidle")
    bars = page.locator(".chart__bar")
    assert bars.count() > 0
    # A bar's length is an inline style: the policy must allow style attributes.
    widths = [bars.nth(index).bounding_box()["width"] for index in range(bars.count())]
    assert max(widths) > 100
    assert len(set(widths)) > 2, "bars of different figures have different lengths"
    assert seen.problems() == []
