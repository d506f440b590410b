"""Safety for readers whose device may be watched, in Chromium: the quick exit (a click,
Shift three times from anywhere, without JavaScript), above every menu, search and panel;
the neutral cover when the reader comes back after leaving; the exit staying in view
without hiding focus; the first-visit notice; and nothing stored unless chosen."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from conftest import all_page_urls
from site_search import FIELD, open_search, run_search
from site_search import HOTLINE as HOTLINE_NUMBER

from scripts import site_config
from scripts.content.ui_strings import load_ui_strings

CONFIG = site_config.load_mkdocs_config()
DESTINATION = CONFIG["extra"]["quick_exit_url"]
DESTINATION_ORIGIN = "{0.scheme}://{0.netloc}".format(urlparse(DESTINATION))
PAGES = all_page_urls()
HOTLINE = site_config.page_url("hotline.md")
RIGHTS = site_config.page_url("rights.md")
UI = load_ui_strings(site_config.locales())
LANGUAGES = site_config.languages()
PREFIXES = [language.url_prefix() for language in LANGUAGES]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
NEUTRAL_PAGE = "<!doctype html><title>Weather</title><h1>Weather</h1>"


def stand_in_for_destination(target) -> list[str]:
    """Serve the destination locally (no real network); return the URLs it was asked for."""
    asked: list[str] = []

    def fulfil(route) -> None:
        asked.append(route.request.url)
        route.fulfill(content_type="text/html", body=NEUTRAL_PAGE)

    target.route(DESTINATION_ORIGIN + "/**", fulfil)
    return asked


def open_second_page(page, site_url: str, first: str = HOTLINE, second: str = RIGHTS) -> None:
    """Visit two pages of the site in one tab, so that Back has somewhere to go."""
    page.goto(site_url + "en/" + first)
    page.goto(site_url + "en/" + second)


def assert_shown_normally(page, site_url: str, url_path: str) -> None:
    assert page.url == site_url + url_path
    assert page.title() != ""
    assert page.locator("h1").first.is_visible()
    assert page.evaluate("getComputedStyle(document.body).visibility") == "visible"
    assert page.locator("[data-quick-exit-cover]").is_hidden()


def assert_covered(page, locale: str) -> None:
    """The page behind the neutral cover: untitled, nothing of it shown, one plain button."""
    cover = page.locator("[data-quick-exit-cover]")
    assert cover.is_visible()
    assert cover.inner_text().strip() == UI["safety.cover.show"][locale]
    assert page.title() == ""
    assert page.locator("h1").first.is_hidden()
    assert page.locator("#quick-exit").is_hidden()
    assert page.evaluate("document.activeElement.textContent.trim()") == UI["safety.cover.show"][locale]


def show_covered_page(page, locale: str, title: str) -> None:
    page.locator("[data-quick-exit-cover] button").click()
    assert page.locator("[data-quick-exit-cover]").is_hidden()
    assert page.locator("h1").first.is_visible()
    assert page.title() == title
    assert page.evaluate("document.activeElement.tagName") == "H1"
    assert "quick-exit-used" not in storage(page)["session"]


def press_shift(page, times: int = 1) -> None:
    for _ in range(times):
        page.keyboard.press("Shift")


def leaves(page, asked: list[str], timeout: float = 3000) -> bool:
    """Whether the page went to the exit's destination (within `timeout` ms)."""
    try:
        page.wait_for_url(DESTINATION, timeout=timeout)
    except Exception:  # Playwright's TimeoutError: it did not leave
        return False
    return asked == [DESTINATION]


# --- the markup, for every page ---------------------------------------------------


@pytest.mark.parametrize(("locale", "page_name", "url_path"), PAGES)
def test_every_page_has_both_exit_links_in_its_language(site_dir, locale, page_name, url_path):
    soup = BeautifulSoup((site_dir / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = soup.select("a[data-quick-exit]")
    assert [link.get("class") for link in links] == [["md-skip", "quick-exit-skip"], ["site-strip__exit"]]
    for link in links:
        assert link["href"] == DESTINATION
        assert set(link["rel"]) == {"nofollow", "noreferrer"}
    assert links[1].get_text(strip=True) == UI["exit.label"][locale]
    assert links[0].get_text(strip=True) == UI["safety.exit.skip"][locale]
    # Right after Material's skip link: nothing focusable in between.
    skip = soup.select_one("a.md-skip:not(.quick-exit-skip)")
    if skip is not None:
        between = skip.find_all_next(["a", "button", "input", "select", "textarea", "label"])
        assert between[0] is links[0]


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_the_safer_browsing_page_says_what_back_does_and_names_the_covers_button(site_dir, language):
    page = site_dir / language.url_prefix() / site_config.page_url("safer-browsing.md") / "index.html"
    text = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article").get_text(" ")
    # The page quotes the cover's button as the reader will see it, and says what is stored.
    assert text.count(UI["safety.cover.show"][language.locale]) >= 2
    assert text.count("sessionStorage") >= 3


# --- leaving --------------------------------------------------------------------


def test_clicking_the_exit_replaces_the_page_and_back_shows_the_previous_one_covered(page, site_url):
    asked = stand_in_for_destination(page)
    page.goto(site_url + "en/" + HOTLINE)
    title = page.title()
    page.goto(site_url + "en/" + RIGHTS)
    history_length = page.evaluate("history.length")
    page.locator("#quick-exit").click()
    page.wait_for_url(DESTINATION)
    assert asked == [DESTINATION]
    # location.replace: the site's page is gone from the tab's history, not added to it.
    assert page.evaluate("history.length") == history_length
    # Back leads to the page before, which stays behind the cover until the reader asks.
    page.go_back()
    assert page.url == site_url + "en/" + HOTLINE
    assert_covered(page, "en")
    show_covered_page(page, "en", title)
    assert_shown_normally(page, site_url, "en/" + HOTLINE)


def test_shift_three_times_leaves_with_a_countdown_for_screen_readers(page, site_url):
    asked = stand_in_for_destination(page)
    open_second_page(page, site_url)
    status = page.locator("[data-quick-exit-status]")
    assert status.get_attribute("role") == "status"
    page.keyboard.press("Shift")
    assert status.inner_text() == UI["safety.exit.status.two"]["en"]
    page.keyboard.press("Shift")
    assert status.inner_text() == UI["safety.exit.status.one"]["en"]
    page.keyboard.press("Shift")
    page.wait_for_url(DESTINATION)
    assert asked == [DESTINATION]
    page.go_back()
    assert_covered(page, "en")


def test_the_presses_light_up_on_the_exit_button_and_go_out_after_five_seconds(page, site_url):
    page.clock.install()
    page.goto(site_url + "en/" + RIGHTS)
    indicator = page.locator("#quick-exit [data-quick-exit-indicator]")
    assert indicator.get_attribute("aria-hidden") == "true"
    assert indicator.is_hidden()
    exit_box = page.locator("#quick-exit").bounding_box()
    lit = "document.querySelectorAll('#quick-exit .quick-exit-indicator__light--on').length"
    for count in (1, 2):
        press_shift(page)
        assert indicator.is_visible()
        assert page.evaluate(lit) == count
    # Out of the flow: the button does not move or grow when the lights appear.
    assert page.locator("#quick-exit").bounding_box() == exit_box
    page.clock.fast_forward(5_100)
    assert indicator.is_hidden()
    assert page.evaluate(lit) == 0
    assert page.locator("[data-quick-exit-status]").inner_text() == ""


def test_the_page_is_covered_and_untitled_before_it_is_left(page, site_url):
    # The destination answers "204 No Content": the browser then stays on the page it was
    # leaving, exactly as the exit left it, and the test can look at it.
    asked: list[str] = []

    def no_content(route) -> None:
        asked.append(route.request.url)
        route.fulfill(status=204)

    page.set_default_timeout(10_000)
    page.route(DESTINATION_ORIGIN + "/**", no_content)
    page.goto(site_url + "en/" + RIGHTS)
    page.locator("#quick-exit").click()
    page.wait_for_function("document.documentElement.classList.contains('quick-exit-active')")
    for _ in range(100):
        if asked:
            break
        page.wait_for_timeout(50)
    assert asked == [DESTINATION]
    assert page.title() == ""
    assert page.evaluate("getComputedStyle(document.body).visibility") == "hidden"


def test_a_page_the_back_forward_cache_restores_after_the_exit_stays_covered(page, site_url):
    page.goto(site_url + "en/" + RIGHTS)
    title = page.title()
    # The state the exit leaves behind, then what the browser fires when Back restores the page.
    page.evaluate(
        "sessionStorage.setItem('quick-exit-used', '1');"
        "document.documentElement.classList.add('quick-exit-active'); document.title = ''"
    )
    page.evaluate("dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert_covered(page, "en")
    show_covered_page(page, "en", title)
    # Once the reader has shown it, a page restored again shows as it is.
    page.evaluate("document.documentElement.classList.add('quick-exit-active'); document.title = ''")
    page.evaluate("dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert page.title() == title
    assert page.evaluate("getComputedStyle(document.body).visibility") == "visible"


IN_PAGE_LINKS = {
    # The skip link, first in the Tab order; the table of contents beside the text (desktop).
    "skip-link": lambda page: (page.keyboard.press("Tab"), page.keyboard.press("Enter")),
    "table-of-contents": lambda page: page.locator(".md-sidebar--secondary a.md-nav__link").nth(1).click(),
}


@pytest.mark.parametrize("link", list(IN_PAGE_LINKS))
@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_back_after_an_in_page_link_and_the_exit_shows_the_neutral_cover(page, site_url, language, link):
    asked = stand_in_for_destination(page)
    page.set_viewport_size(DESKTOP)
    url = site_url + language.url_prefix() + RIGHTS
    page.goto(url)
    title = page.title()
    IN_PAGE_LINKS[link](page)
    page.wait_for_url(url + "#*")
    page.locator("#quick-exit").click()
    page.wait_for_url(DESTINATION)
    assert asked == [DESTINATION]
    page.go_back()
    assert page.url.startswith(url)
    assert_covered(page, language.locale)
    # A reload, and another page of the site in the same tab, stay covered too.
    page.reload()
    assert_covered(page, language.locale)
    page.goto(site_url + language.url_prefix() + HOTLINE)
    assert_covered(page, language.locale)
    page.go_back()
    assert_covered(page, language.locale)
    show_covered_page(page, language.locale, title)
    page.goto(site_url + language.url_prefix() + HOTLINE)
    assert_shown_normally(page, site_url, language.url_prefix() + HOTLINE)


def test_without_storage_back_shows_the_page_as_a_plain_link_would(browser, site_url):
    # Storage blocked (a privacy setting): the exit still leaves; nothing can remember it.
    context = browser.new_context()
    context.add_init_script(
        "Object.defineProperty(window, 'sessionStorage', {get() { throw new DOMException('blocked'); }})"
    )
    try:
        page = context.new_page()
        asked = stand_in_for_destination(page)
        open_second_page(page, site_url)
        page.locator("#quick-exit").click()
        page.wait_for_url(DESTINATION)
        assert asked == [DESTINATION]
        page.go_back()
        assert_shown_normally(page, site_url, "en/" + HOTLINE)
    finally:
        context.close()


# --- the exit above everything ------------------------------------------------------


def open_drawer(page) -> None:
    page.locator("label.md-header__button[for=__drawer]").click()
    page.wait_for_timeout(400)  # the drawer slides in


def open_language_menu(page) -> None:
    page.locator(".md-select > button").focus()
    assert page.locator(".md-select__list").is_visible()


def open_panel(page) -> None:
    page.locator("[data-lv-toggle]").click()
    assert page.locator("[data-lv-panel]").is_visible()


OVERLAYS = [
    ("phone", "search", open_search),
    ("phone", "menu-drawer", open_drawer),
    ("phone", "low-vision-panel", open_panel),
    ("desktop", "search", open_search),
    ("desktop", "language-menu", open_language_menu),
    ("desktop", "low-vision-panel", open_panel),
]


@pytest.mark.parametrize(("device", "overlay", "open_it"), OVERLAYS, ids=[f"{d}-{o}" for d, o, _ in OVERLAYS])
@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_one_tap_on_the_exit_leaves_whatever_is_open(page, site_url, language, device, overlay, open_it):
    asked = stand_in_for_destination(page)
    page.set_viewport_size(PHONE if device == "phone" else DESKTOP)
    page.goto(site_url + language.url_prefix() + RIGHTS)
    open_it(page)
    assert exit_is_on_top_and_in_view(page), f"the exit is covered with the {overlay} open"
    # One real click (or tap) where the reader sees the button, not a click sent to the element.
    box = page.locator("#quick-exit").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert leaves(page, asked), f"one click on the exit with the {overlay} open did not leave"


# --- Shift, three times ---------------------------------------------------------------


def focus_search_box(page) -> None:
    open_search(page)  # the site's search (tests/site_search.py): the focus is then in its field
    assert page.evaluate("document.activeElement.matches('[data-site-search-input]')")


def focus_quiz_answer(page) -> None:
    page.locator(".quiz--enhanced input[type=radio]").first.click()


def focus_job_check_answer(page) -> None:
    page.locator(".job-check--enhanced input[type=radio]").first.click()


def focus_panel_setting(page) -> None:
    open_panel(page)
    page.locator("[data-lv-panel] input[data-lv-setting=size]").nth(1).click()


FIELDS = [
    ("search-box", "rights.md", focus_search_box),
    ("quiz-answer", "quiz.md", focus_quiz_answer),
    ("job-check-answer", "offer-check.md", focus_job_check_answer),
    ("low-vision-setting", "rights.md", focus_panel_setting),
]


@pytest.mark.parametrize(("field", "page_name", "focus_it"), FIELDS, ids=[field for field, _, _ in FIELDS])
@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_shift_three_times_leaves_from_a_form_field(page, site_url, language, field, page_name, focus_it):
    asked = stand_in_for_destination(page)
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + language.url_prefix() + site_config.page_url(page_name))
    focus_it(page)
    assert page.evaluate("document.activeElement.tagName") == "INPUT"
    press_shift(page, 3)
    assert leaves(page, asked), f"Shift three times in the {field} did not leave"


@pytest.mark.parametrize(("gap_ms", "leaves_the_page"), [(2_000, True), (4_000, True), (6_000, False)])
@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_up_to_five_seconds_between_presses(page, site_url, language, gap_ms, leaves_the_page):
    asked = stand_in_for_destination(page)
    page.clock.install()
    page.goto(site_url + language.url_prefix() + RIGHTS)
    press_shift(page)
    page.clock.fast_forward(gap_ms)
    press_shift(page)
    page.clock.fast_forward(gap_ms)
    press_shift(page)
    assert leaves(page, asked, timeout=3000 if leaves_the_page else 500) is leaves_the_page


@pytest.mark.parametrize(
    "keys",
    [
        ["Shift", "Shift", "a", "Shift"],  # another key starts over
        ["Shift+A", "Shift+B", "Shift+C"],  # capitals do not count
        ["Control+Shift", "Control+Shift", "Control+Shift"],  # nor Shift with another modifier
    ],
)
def test_shift_presses_with_other_keys_do_not_leave(page, site_url, keys):
    asked = stand_in_for_destination(page)
    page.goto(site_url + "en/" + RIGHTS)
    for key in keys:
        page.keyboard.press(key)
    page.wait_for_timeout(300)
    assert asked == []
    assert page.url == site_url + "en/" + RIGHTS


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_typing_capitals_in_the_search_box_does_not_leave_but_three_lone_shifts_do(page, site_url, language):
    asked = stand_in_for_destination(page)
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + language.url_prefix() + RIGHTS)
    focus_search_box(page)
    search = page.locator(FIELD)
    for letter in "HELP":
        page.keyboard.press(f"Shift+{letter}")  # as a reader types capitals
    page.keyboard.down("Shift")
    page.keyboard.type("NOW")
    page.keyboard.up("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift+A")  # a capital between lone presses starts the count over
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert asked == []
    assert search.input_value() == "HELPNOWA"
    press_shift(page, 3)
    assert leaves(page, asked)


def test_presses_spread_over_a_long_time_do_not_leave(page, site_url):
    asked = stand_in_for_destination(page)
    page.clock.install()
    page.goto(site_url + "en/" + RIGHTS)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.fast_forward(10_000)
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert asked == []


def test_without_javascript_the_exit_is_a_plain_working_link(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        asked = stand_in_for_destination(page)
        open_second_page(page, site_url)
        assert page.locator("[data-safety-notice]").is_hidden()
        page.locator("#quick-exit").click()
        page.wait_for_url(DESTINATION)
        assert asked == [DESTINATION]
        page.go_back()
        assert_shown_normally(page, site_url, "en/" + RIGHTS)
    finally:
        context.close()


def test_the_skip_style_exit_link_comes_right_after_the_skip_link(page, site_url):
    asked = stand_in_for_destination(page)
    page.goto(site_url + "en/" + HOTLINE)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    assert not page.evaluate("document.activeElement.classList.contains('quick-exit-skip')")
    page.keyboard.press("Tab")
    focused = page.locator(".quick-exit-skip")
    assert focused.evaluate("element => element === document.activeElement")
    assert focused.is_visible()
    assert "Shift" in focused.inner_text()
    page.keyboard.press("Enter")
    page.wait_for_url(DESTINATION)
    assert asked == [DESTINATION]


# --- in view, never in the way ------------------------------------------------------

VIEWPORTS = [{"width": 320, "height": 640}, {"width": 360, "height": 640}, {"width": 1280, "height": 800}]


def exit_is_on_top_and_in_view(page) -> bool:
    return page.locator("#quick-exit").evaluate(
        """(link) => {
          const box = link.getBoundingClientRect();
          const x = box.left + box.width / 2, y = box.top + box.height / 2;
          const onTop = link.contains(document.elementFromPoint(x, y));
          return box.top >= 0 && box.bottom <= innerHeight && box.width > 0 && onTop;
        }"""
    )


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda size: f"{size['width']}px")
@pytest.mark.parametrize("locale_prefix", ["", "en/", "ru/"])
def test_exit_stays_in_view_when_scrolling(page, site_url, viewport, locale_prefix):
    page.set_viewport_size(viewport)
    page.goto(site_url + locale_prefix + site_config.page_url("safer-browsing.md"))
    assert exit_is_on_top_and_in_view(page)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(200)
    assert page.evaluate("scrollY") > 0
    assert exit_is_on_top_and_in_view(page)


# How far down the screen what stays at the top reaches, scrolled into the page: the first
# point in the middle of the screen, going down, that shows the page and not the header.
COVERED_AT_THE_TOP = """() => {
  const header = document.querySelector('.md-header');
  for (let y = 0; y < innerHeight; y += 2) {
    const element = document.elementFromPoint(innerWidth / 2, y);
    if (element && !header.contains(element)) return y;
  }
  return innerHeight;
}"""


def large_text(page, site_url: str, how: str) -> None:
    """200 % text: the low-vision panel's largest size, or the browser's own setting."""
    if how == "panel":
        page.goto(site_url)
        page.evaluate("sessionStorage.setItem('lowvision', JSON.stringify({size: '200'}))")
    else:
        session = page.context.new_cdp_session(page)
        session.send("Page.enable")
        session.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})


@pytest.mark.parametrize("how", ["panel", "browser"])
@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_with_200_percent_text_on_a_small_phone_the_header_keeps_to_a_fifth_of_the_screen(
    page, site_url, language, how
):
    page.set_viewport_size({"width": 320, "height": 640})
    large_text(page, site_url, how)
    page.goto(site_url + language.url_prefix() + site_config.page_url("safer-browsing.md"))
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "40px"
    page.evaluate("window.scrollTo(0, 3000)")
    page.wait_for_timeout(200)
    covered = page.evaluate(COVERED_AT_THE_TOP)
    assert covered <= 640 / 5, f"what stays at the top covers {covered} px of 640"
    assert exit_is_on_top_and_in_view(page)
    # Within reach: one tap still leaves, with the menu drawer open too.
    asked = stand_in_for_destination(page)
    page.evaluate("window.scrollTo(0, 0)")
    open_drawer(page)
    assert exit_is_on_top_and_in_view(page)
    box = page.locator("#quick-exit").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert leaves(page, asked)


FOCUS_FROM_BELOW = """(index) => {
  // Focus a link without scrolling, and put the link before it just under the sticky header.
  const links = [...document.querySelectorAll(".md-content a[href]")];
  links[index].focus({preventScroll: true});
  window.scrollBy(0, links[index - 1].getBoundingClientRect().top - 4);
}"""
FOCUSED_UNDER_HEADER = """() => {
  const element = document.activeElement;
  const header = document.querySelector(".md-header").getBoundingClientRect();
  const box = element.getBoundingClientRect();
  const where = `${element.textContent.trim()} at ${box.top}px, the header ends at ${header.bottom}px`;
  // An element that fits below the header must be wholly clear of it; one taller than that
  // space (a table's scroll box) must show below it (WCAG 2.4.11: not entirely hidden).
  const fits = box.height <= window.innerHeight - header.bottom;
  const covered = fits ? box.top < header.bottom - 1 : box.bottom <= header.bottom + 24;
  return covered ? where : "";
}"""


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda size: f"{size['width']}px")
@pytest.mark.parametrize("locale_prefix", ["", "en/", "ru/"])
def test_the_sticky_header_never_hides_the_focused_element(page, site_url, viewport, locale_prefix):
    # WCAG 2.4.11: going backwards (Shift+Tab) focuses a link that sits under the header;
    # the page must scroll it clear. The statistics page has the most links in its content.
    page.set_viewport_size(viewport)
    page.goto(site_url + locale_prefix + site_config.page_url("statistics.md"))
    count = page.locator(".md-content a[href]").count()
    assert count >= 5
    hidden = []
    for index in range(count - 1, 0, -max(1, count // 8)):
        page.evaluate(FOCUS_FROM_BELOW, index)
        page.keyboard.press("Shift+Tab")
        covered = page.evaluate(FOCUSED_UNDER_HEADER)
        if covered:
            hidden.append(covered)
    assert hidden == []


def test_exit_links_and_notice_are_hidden_in_print(page, site_url):
    page.goto(site_url + "en/" + RIGHTS)
    assert page.locator("[data-safety-notice]").is_visible()
    page.emulate_media(media="print")
    assert page.locator("#quick-exit").is_hidden()
    assert page.locator(".quick-exit-skip").evaluate("element => getComputedStyle(element).display") == "none"
    assert page.locator("[data-safety-notice]").is_hidden()


# --- the first-visit notice and storage ------------------------------------------------


def storage(page) -> dict:
    return page.evaluate("({local: {...localStorage}, session: {...sessionStorage}, cookie: document.cookie})")


def test_notice_points_to_the_exit_and_the_safer_browsing_page_until_dismissed(page, site_url):
    page.goto(site_url + "ru/" + RIGHTS)
    notice = page.locator("[data-safety-notice]")
    assert notice.is_visible()
    assert UI["exit.label"]["ru"] in notice.inner_text()
    assert storage(page) == {"local": {}, "session": {}, "cookie": ""}
    link = notice.locator("a")
    link.click()
    page.wait_for_url(re.compile(r"/ru/safer-browsing/$"))
    assert page.locator("[data-safety-notice]").is_visible()  # not dismissed: still shown
    page.locator("[data-safety-notice-dismiss]").click()
    assert page.locator("[data-safety-notice]").is_hidden()
    assert page.evaluate("document.activeElement.tagName") == "H1"
    assert storage(page) == {"local": {}, "session": {"safety-notice-dismissed": "1"}, "cookie": ""}
    page.goto(site_url + "ru/" + HOTLINE)
    assert page.locator("[data-safety-notice]").is_hidden()
    assert page.context.cookies() == []


def test_a_visit_where_nothing_was_chosen_leaves_nothing_behind(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    for locale_prefix in ["", "en/", "ru/"]:
        page.goto(site_url + locale_prefix + HOTLINE)
        assert run_search(page, HOTLINE_NUMBER)
        page.keyboard.press("Escape")
        page.keyboard.press("Shift")  # one press: nothing happens, nothing is stored
    assert storage(page) == {"local": {}, "session": {}, "cookie": ""}
    assert page.context.cookies() == []
