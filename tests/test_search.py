"""The site's search in Chromium (overrides/partials/search.html, assets/js/search.js):
it leaves no trace (no query in any address or history entry, nothing stored), finds
words in the reader's language only (Azerbaijani capitals and suffixes, Russian case
forms, English plurals), loads its index only when opened, has targets of 24 px or more,
works with the keyboard and never covers the quick exit."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import ROOT
from selectolax.lexbor import LexborHTMLParser
from site_search import FIELD, HOTLINE, PANEL, READY, TOGGLE, UI, open_search, result_links, run_search

from scripts import site_config

LANGUAGES = {language.locale: language.url_prefix() for language in site_config.languages()}
# (language, a word on its pages) for the checks that need some result.
WORDS = [("az", "qadın"), ("en", "trafficking"), ("ru", "торговли")]


def page_text(locale: str) -> str:
    """Every word of a language's pages, in lower case as that language writes it."""
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs" / locale).glob("*.md")))
    if locale == "az":
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()


def words_of(locale: str) -> set[str]:
    return set(re.findall(r"\w+", page_text(locale)))


# ---- No trace --------------------------------------------------------------------------------


@pytest.mark.parametrize(("locale", "query"), WORDS)
def test_no_query_in_result_links_address_or_history(page, site_url, locale, query):
    start = site_url + LANGUAGES[locale]
    page.goto(start)
    entries = page.evaluate("history.length")
    links = run_search(page, query)
    assert links, f"'{query}' found nothing"
    # A result's address is its page's own (a heading's #anchor may hold the word; no ?query).
    assert [link for link in links if urlparse(link).query] == []
    assert page.url == start  # typing changed no address
    assert page.evaluate("history.length") == entries  # and added no history entry
    other_page = next(link for link in links if urlparse(link).path != urlparse(start).path)
    page.locator(f'.site-search__results a[href="{other_page}"]').first.click()
    page.wait_for_url(other_page)
    assert urlparse(page.url).query == ""
    assert page.evaluate("JSON.stringify(history.state)") in ("null", None)
    # Back shows the page searched from as it was before: no query in the address, the field
    # empty and the panel closed (the back-forward cache keeps pages as they were left).
    page.go_back()
    page.wait_for_load_state()
    assert page.url == start
    assert page.locator(FIELD).input_value() == ""
    assert page.locator(PANEL).is_hidden()


@pytest.mark.parametrize(("locale", "query"), WORDS)
def test_searching_stores_nothing(page, site_url, locale, query):
    page.goto(site_url + LANGUAGES[locale])
    assert run_search(page, query)
    page.locator(".site-search__results a").first.click()
    page.wait_for_load_state()
    page.go_back()
    page.wait_for_load_state()
    stored = page.evaluate("[document.cookie, localStorage.length, sessionStorage.length]")
    assert stored == ["", 0, 0]
    assert page.context.cookies() == []


def test_the_field_is_never_submitted_and_has_no_name(site_dir):
    for language in site_config.languages():
        html = (site_dir / language.url_prefix() / "index.html").read_text(encoding="utf-8")
        field = LexborHTMLParser(html).css_first("input[data-site-search-input]")
        assert field, f"{language.locale}: no search field"
        assert "name" not in field.attributes  # an unnamed field adds nothing to any address
        assert field.attributes["autocomplete"] == "off"  # and nothing to the browser's form history


# ---- Finding words ---------------------------------------------------------------------------


@pytest.mark.parametrize(("capitals", "lower"), [("QADIN", "qadın"), ("İNSAN", "insan"), ("QADINLAR", "qadınlar")])
def test_azerbaijani_capitals_find_what_lower_case_finds(page, site_url, capitals, lower):
    page.goto(site_url)
    found = run_search(page, lower)
    assert found, f"'{lower}' found nothing"
    assert run_search(page, capitals) == found


def test_azerbaijani_without_its_letters_finds_the_same(page, site_url):
    """A reader without an Azerbaijani keyboard types "qadin" for "qadın"."""
    page.goto(site_url)
    found = run_search(page, "qadın hüquqları")
    assert found
    assert run_search(page, "qadin huquqlari") == found


# Forms that appear nowhere in the Azerbaijani pages, of words that do: found only by the
# suffix rules (plural, possessive and case endings, vowel harmony, buffer consonants).
SUFFIXED = [
    ("qadınlardan", "qadın"),  # plural + ablative
    ("müqavilələrə", "müqavilə"),  # plural + dative after ə
    ("polisdən", "polis"),  # ablative
    ("pasportlarımızı", "pasport"),  # plural + possessive + accusative
    ("təzminatın", "təzminat"),  # genitive
    ("sığınacaqlarda", "sığınacaq"),  # plural + locative
]


@pytest.mark.parametrize(("form", "bare"), SUFFIXED)
def test_azerbaijani_suffixed_forms_find_the_bare_words_pages(page, site_url, form, bare):
    words = words_of("az")
    assert form not in words, f"'{form}' is in docs/az/ now: pick another example"
    assert bare in words, f"'{bare}' is no longer in docs/az/: pick another example"
    page.goto(site_url)
    bare_results = run_search(page, bare)
    form_results = run_search(page, form)
    assert form_results, f"'{form}' found nothing where '{bare}' finds {len(bare_results)}"
    assert set(form_results) & set(bare_results)


@pytest.mark.parametrize(
    ("locale", "form", "base"),
    [
        ("ru", "жертвы", "жертва"),
        ("ru", "договоров", "договор"),
        ("en", "contracts", "contract"),
        ("en", "lawyers", "lawyer"),
    ],
)
def test_russian_and_english_forms_find_the_base_forms_pages(page, site_url, locale, form, base):
    assert not re.search(rf"\b{form}\b", page_text(locale)), f"'{form}' is in docs/{locale}/: pick another example"
    page.goto(site_url + LANGUAGES[locale])
    base_results = run_search(page, base)
    assert base_results, f"'{base}' found nothing"
    assert set(run_search(page, form)) >= set(base_results)


@pytest.mark.parametrize(("locale", "query"), [*WORDS, ("en", HOTLINE), ("ru", HOTLINE), ("az", HOTLINE)])
def test_results_are_in_the_pages_language_only(page, site_url, locale, query):
    page.goto(site_url + LANGUAGES[locale] + site_config.page_url("rights.md"))
    links = run_search(page, query)
    assert links
    others = [prefix for other, prefix in LANGUAGES.items() if other != locale and prefix]
    paths = [urlparse(link).path.lstrip("/") for link in links]
    assert [path for path in paths if not path.startswith(LANGUAGES[locale])] == []
    assert [path for path in paths if any(path.startswith(prefix) for prefix in others)] == []


def test_results_say_where_a_section_is_and_mark_the_words(page, site_url):
    page.goto(site_url + "en/")
    run_search(page, "shelter")
    first = page.locator(".site-search__result").first
    assert first.locator(".site-search__title").inner_text()
    marks = first.locator("mark").all_inner_texts()
    assert marks
    assert all(mark.lower().startswith("shelter") for mark in marks)


def test_nothing_found_is_said(page, site_url):
    page.goto(site_url + "ru/")
    assert run_search(page, "zzxxqq") == []
    assert page.locator("[data-site-search-status]").inner_text() == UI["search.none"]["ru"]


# ---- Loading only when opened ----------------------------------------------------------------


@pytest.mark.parametrize("locale", list(LANGUAGES))
def test_the_index_loads_only_when_search_is_opened(page, site_url, locale):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlparse(request.url).path.lstrip("/")))
    page.goto(site_url + LANGUAGES[locale], wait_until="networkidle")
    assert [path for path in requested if path.startswith(("search/", "assets/javascripts/lunr/"))] == []
    page.locator(TOGGLE).focus()  # reaching the button by keyboard loads nothing either
    page.wait_for_timeout(300)
    assert [path for path in requested if path.startswith("search/")] == []
    # The index comes last, after lunr and the language's scripts.
    with page.expect_request(lambda request: request.url.endswith(f"/search/{locale}.js")):
        open_search(page)
    assert f"search/{locale}.js" in requested
    assert [path for path in requested if path.startswith("search/") and path != f"search/{locale}.js"] == []
    assert "assets/javascripts/lunr/lunr.min.js" in requested
    # Neither Material's search worker nor its copy of the index.
    assert [path for path in requested if "workers/" in path or "search_index" in path] == []


# ---- Targets, keyboard, the dialog, the quick exit ---------------------------------------------


@pytest.mark.parametrize("locale", list(LANGUAGES))
def test_search_controls_are_at_least_24_px_at_390_px(page, site_url, locale):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(site_url + LANGUAGES[locale])
    controls = {"the search button": page.locator(TOGGLE)}
    run_search(page, dict(WORDS)[locale])
    controls |= {
        "the field": page.locator(FIELD),
        "the clear button": page.locator("[data-site-search-clear]"),
        "the close button": page.locator("[data-site-search-close]"),
        "the first result": page.locator(".site-search__results a").first,
    }
    small = {}
    for name, control in controls.items():
        box = control.bounding_box()
        if box is None or box["width"] < 24 or box["height"] < 24:
            small[name] = box
    assert small == {}


@pytest.mark.parametrize("locale", list(LANGUAGES))
def test_keyboard_opens_moves_through_results_and_escape_returns_focus(page, site_url, locale):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + LANGUAGES[locale])
    page.locator(READY).wait_for(state="attached")
    page.locator(TOGGLE).focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name=UI["search.dialog"][locale])
    assert dialog.is_visible()
    assert page.evaluate("document.activeElement.matches('[data-site-search-input]')")
    page.keyboard.type(dict(WORDS)[locale])
    page.locator(".site-search__results a").first.wait_for()
    links = result_links(page)
    assert len(links) >= 2
    focused = "document.activeElement.href || document.activeElement.tagName"
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == links[0]
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == links[1]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.matches('[data-site-search-input]')")
    # Tab goes through the panel's buttons to the results, in order.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('[data-site-search-clear]')")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('[data-site-search-close]')")
    page.keyboard.press("Tab")
    assert page.evaluate(focused) == links[0]
    page.keyboard.press("Escape")
    assert dialog.is_hidden()
    assert page.evaluate("document.activeElement.matches('[data-site-search-toggle]')")
    assert page.locator(TOGGLE).get_attribute("aria-expanded") == "false"
    # Enter in the field (the phone keyboard's search key) goes to the first result.
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert page.evaluate(focused) == links[0]


def test_tab_out_of_the_panel_closes_it(page, site_url):
    page.goto(site_url + "en/")
    run_search(page, "trafficking")
    last = page.locator(".site-search__results a").last
    last.focus()
    page.keyboard.press("Tab")
    assert page.locator(PANEL).is_hidden()


EXIT_ON_TOP = """() => {
  const exit = document.querySelector('.site-strip__exit');
  const box = exit.getBoundingClientRect();
  const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return !!top && (top === exit || exit.contains(top));
}"""


@pytest.mark.parametrize("viewport", [{"width": 390, "height": 700}, {"width": 1280, "height": 800}])
def test_the_quick_exit_stays_on_top_and_works_with_search_open(page, site_url, viewport):
    destination = urlparse(site_config.load_mkdocs_config()["extra"]["quick_exit_url"])
    asked: list[str] = []

    def stand_in(route) -> None:  # the destination served locally: no real network
        asked.append(route.request.url)
        route.fulfill(content_type="text/html", body="<!doctype html><title>Weather</title>")

    page.route(f"{destination.scheme}://{destination.netloc}/**", stand_in)
    page.set_viewport_size(viewport)
    page.goto(site_url + "en/")
    run_search(page, "trafficking")
    assert page.evaluate(EXIT_ON_TOP)
    page.locator(".site-strip__exit").click()  # one click leaves: the open search takes no click
    page.wait_for_url(f"{destination.scheme}://{destination.netloc}/**")
    assert asked


def test_the_search_button_names_the_panel_it_opens(site_dir):
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    tree = LexborHTMLParser(html)
    toggle = tree.css_first("button[data-site-search-toggle]").attributes
    assert toggle["aria-controls"] == "site-search-panel"
    assert toggle["aria-expanded"] == "false"
    panel = tree.css_first("#site-search-panel").attributes
    assert panel["role"] == "dialog"
    assert panel["aria-label"]
    assert "hidden" in panel


def test_material_search_is_not_on_the_page(site_dir):
    """Material's bundle, while on the page, would take over its own markup and fetch an index."""
    for path in [Path("index.html"), Path("en/index.html"), Path("ru/rights/index.html")]:
        html = (site_dir / path).read_text(encoding="utf-8")
        # Read as a browser reads it: the published pages are minified (unquoted attributes).
        tree = LexborHTMLParser(html)
        assert tree.css('[data-md-component^="search"], [name="search"], #search') == []
        assert tree.css("header, main"), path  # the page was read
        assert "search.highlight" not in html
