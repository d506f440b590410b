"""The post-build trimming (scripts/build/build_output.py): nothing is published that no browser
uses, and nothing a reader sees changes. The trimmed pages look exactly like pages with
Material's full stylesheets and the project's unminified CSS and JavaScript."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from conftest import ROOT
from selectolax.lexbor import LexborHTMLParser
from site_search import run_search

from scripts import site_config
from scripts.build.build_output import MATERIAL_WORKERS, TrimReport, prune_material_stylesheets
from scripts.build.csp import inline_scripts
from scripts.build.minify import minify_css, minify_js, minify_page
from scripts.build.search_index import LUNR_FOLDER, lunr_files_used, scripts_for

MATERIAL_ASSETS = Path(material.__file__).parent / "templates" / "assets"
OVERRIDES = ROOT / "overrides"
CSP_META_MARKUP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')


# --- minifiers ---------------------------------------------------------------------


def test_css_minifier_keeps_strings_and_selector_spaces():
    css = '/* note */\n.a :hover ,\n.b > .c {\n  content: "  two  spaces ";\n  margin: 0 auto;\n}\n'
    assert minify_css(css) == '.a :hover,.b>.c{content:"  two  spaces ";margin:0 auto}'


def test_css_minifier_leaves_a_stylesheet_that_would_end_its_style_element():
    css = 'a::after { content: "</style>"; }\n'
    assert minify_css(css) == css


def test_js_minifier_drops_comment_lines_and_indentation_only():
    source = "/*\n * Doc.\n */\n(function () {\n  // why\n  var a = 'x // not a comment';\n\n  a()\n})();\n"
    assert minify_js(source) == "(function () {\nvar a = 'x // not a comment';\na()\n})();\n"


@pytest.mark.parametrize(
    "source",
    ["var a = `\n  // in a template\n`;\n", "var a = 1; /* starts\n * here */ b();\n", "var s = 'a\\\n  // b';\n"],
)
def test_js_minifier_leaves_files_it_cannot_be_sure_of(source):
    assert minify_js(source) == source


def test_page_minifier_keeps_preformatted_text_closing_tags_and_script_text():
    page = (
        '<!doctype html><html lang="en"><head><title>T</title></head>\n<body>\n    <p class="a">One\n      two</p>\n'
        "<pre>  keep\n    this</pre><code>a\n  b</code><ul>\n<li>x</li>\n</ul>"
        "<script>\n  if (a) {\n    b()\n  }\n</script>\n</body></html>"
    )
    assert minify_page(page) == (
        "<!doctype html><html lang=en><head><title>T</title></head><body><p class=a>One two</p>"
        "<pre>  keep\n    this</pre><code>a\n  b</code><ul><li>x</li></ul>"
        "<script>if (a) {\n    b()\n  }</script></body></html>"
    )
    # The script's text loses only its outer whitespace: pages are minified before their
    # policy hashes it (scripts/build/page_output.py).
    assert inline_scripts(minify_page(page)) == [source.strip() for source in inline_scripts(page)]


def test_every_published_page_is_minified(site_dir):
    # (That its policy allows exactly its inline scripts: tests/build/test_csp.py.)
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        policy = CSP_META_MARKUP.search(html)
        assert policy, f"{page.relative_to(site_dir)} has no policy"
        # Without the policy (added after minifying), the page is as minify-html leaves it.
        without_policy = html[: policy.start()] + html[policy.end() :]
        assert minify_page(without_policy) == without_policy, f"{page.relative_to(site_dir)} is not minified"


# --- the built site ---------------------------------------------------------------


def test_no_source_maps_are_published(site_dir):
    assert sorted(site_dir.rglob("*.map")) == []
    for file in [*site_dir.rglob("*.js"), *site_dir.rglob("*.css")]:
        assert "sourceMappingURL" not in file.read_text(encoding="utf-8"), file


def test_only_the_lunr_files_search_loads_are_published(site_dir):
    lunr = site_dir / LUNR_FOLDER
    published = {file.relative_to(lunr).as_posix() for file in lunr.rglob("*.js")}
    assert published == lunr_files_used()
    expected = {"lunr.min.js", "lunr.az.js", "min/lunr.ru.min.js", "min/lunr.stemmer.support.min.js", "site-search.js"}
    assert expected <= published
    assert "min/lunr.tr.min.js" not in published
    assert "min/lunr.multi.min.js" not in published
    # Material's search worker: nothing loads it (the site's search runs in the page).
    assert not (site_dir / MATERIAL_WORKERS).exists()


@pytest.mark.parametrize("language", site_config.languages(), ids=lambda language: language.locale)
def test_each_language_loads_what_is_published_and_only_its_own_index(site_dir, language):
    html = (site_dir / language.url_prefix() / "index.html").read_text(encoding="utf-8")
    search = LexborHTMLParser(html).css_first("[data-scripts][data-index]").attributes
    depth = "../" if language.url_prefix() else ""
    assert search["data-scripts"].split() == [f"{depth}{LUNR_FOLDER}/{name}" for name in scripts_for(language.locale)]
    assert search["data-index"] == f"{depth}search/{language.locale}.js"
    assert (site_dir / "search" / f"{language.locale}.js").is_file()
    # Material's combined index (every language in one file) is not published.
    assert not (site_dir / "search" / "search_index.json").exists()


# Pages with the most kinds of content; a phone and a desktop; search open and the drawer open.
LOOKS = [
    ("", {"width": 360, "height": 740}, None),
    ("en/statistics/", {"width": 1280, "height": 800}, None),
    ("ru/work-contract/", {"width": 360, "height": 740}, None),
    ("en/", {"width": 1280, "height": 800}, "search"),
    ("ru/", {"width": 360, "height": 740}, "drawer"),
]


def _untrimmed(route) -> None:
    """Serve Material's stylesheet as Material ships it, the project's CSS/JS as written."""
    path = route.request.url.split("?")[0].split("/assets/", 1)[1]
    source = MATERIAL_ASSETS / path if path.startswith("stylesheets/") else OVERRIDES / "assets" / path
    if not source.is_file():
        route.continue_()
        return
    content_type = "text/css" if source.suffix == ".css" else "text/javascript"
    route.fulfill(status=200, body=source.read_bytes(), headers={"Content-Type": content_type})


def _screenshot(browser, url: str, viewport: dict[str, int], state: str | None, untrimmed: bool) -> bytes:
    context = browser.new_context(viewport=viewport)
    try:
        if untrimmed:
            context.route("**/assets/stylesheets/*.css", _untrimmed)
            context.route("**/assets/css/*.css", _untrimmed)
            context.route("**/assets/js/*.js", _untrimmed)
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        if state == "search":
            assert run_search(page, "trafficking")
        elif state == "drawer":
            page.locator("label.md-header__button[for='__drawer']").click()
        page.wait_for_timeout(500)
        # The search field's text caret blinks, trimmed or not: the field is masked (it holds no
        # styling of its own).
        return page.screenshot(full_page=True, animations="disabled", mask=[page.locator(".site-search__input")])
    finally:
        context.close()


@pytest.mark.parametrize(("url_path", "viewport", "state"), LOOKS)
def test_trimmed_site_looks_exactly_like_the_untrimmed_one(browser, site_url, url_path, viewport, state):
    trimmed = _screenshot(browser, site_url + url_path, viewport, state, untrimmed=False)
    untrimmed = _screenshot(browser, site_url + url_path, viewport, state, untrimmed=True)
    assert trimmed == untrimmed, f"/{url_path} ({viewport['width']}px, {state or 'page'}) looks different when trimmed"


def test_material_stylesheets_are_pruned_until_neither_reads_what_the_other_dropped(tmp_path):
    # main's unused rule is the only reader of palette's --p, whose rule is the only reader of main's --m.
    styles = tmp_path / "assets" / "stylesheets"
    styles.mkdir(parents=True)
    (styles / "main.1.min.css").write_text(":root{--m:1px}.zz{color:var(--p)}.a{margin:0}", encoding="utf-8")
    (styles / "palette.2.min.css").write_text(":root{--p:red;--q:var(--m)}.b{width:var(--q)}", encoding="utf-8")
    (tmp_path / "index.html").write_text('<p class="a">x</p>', encoding="utf-8")
    report = TrimReport()
    prune_material_stylesheets(tmp_path, report)
    assert (styles / "main.1.min.css").read_text(encoding="utf-8") == ".a{margin:0}"
    assert (styles / "palette.2.min.css").read_text(encoding="utf-8") == ""
    assert sorted(path.name for path in report.edited) == ["main.1.min.css", "palette.2.min.css"]
