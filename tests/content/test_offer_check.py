""" "Is this offer safe?" (docs/*/offer-check.md, [[job-check]]): the check covers job offers,
marriage offers and offers made online; every language has the same questions, risky answers
and sources; each risky answer has advice, named sources or the label of the site's own advice;
without JavaScript every question shows with its advice; with JavaScript the risky answers
show their advice and the risky result, and nothing is sent or stored."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT

from scripts import site_config
from scripts.bench.page_weight import SEARCH_PREFIXES
from scripts.content.job_check import JobCheckError, load_job_checks, unknown_source_problems
from scripts.content.phones import Phones, load_phone_numbers
from scripts.content.stats.dataset import load_dataset
from scripts.content.ui_strings import UiStrings, load_ui_strings

LOCALES = site_config.locales()
LANGUAGES = site_config.languages()
CHECKS = load_job_checks(LOCALES)
UI = load_ui_strings(LOCALES)
SOURCES = load_dataset().sources
PHONES = {
    locale: Phones(load_phone_numbers(LOCALES), locale, UiStrings(UI, locale).raw("phone.call")) for locale in LOCALES
}
PAGE = "offer-check.md"
# The questions issue 14 asks for: who made contact and how, secrecy, the ticket, the passport,
# speaking to the employer or family yourself, the border, the unregistered "marriage" and trip.
MARRIAGE_AND_ONLINE = [
    "met-online",
    "go-between",
    "keep-secret",
    "no-direct-contact",
    "passport-kept",
    "travel-debt",
    "tourist-visa",
    "religious-marriage",
]


def soup_of(site_dir: Path, url_path: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")


def check_url(language: site_config.Language) -> str:
    return language.url_prefix() + site_config.page_url(PAGE)


def squashed(text: str) -> str:
    return " ".join(text.split())


# ---- The data files -----------------------------------------------------------------------


def test_every_language_has_the_same_questions_risky_answers_and_sources():
    shapes = {locale: [(q.id, q.risky_answer, q.sources) for q in check.questions] for locale, check in CHECKS.items()}
    assert shapes["az"] == shapes["en"] == shapes["ru"]
    ids = [question_id for question_id, _, _ in shapes["en"]]
    assert set(MARRIAGE_AND_ONLINE) <= set(ids)


def test_every_risky_answer_is_yes_so_that_an_offer_a_question_does_not_fit_answers_no():
    # The intro tells readers: a question that does not fit your offer is answered "no".
    for check in CHECKS.values():
        assert {q.risky_answer for q in check.questions} == {"yes"}


def test_every_question_has_advice_and_known_sources():
    for locale, check in CHECKS.items():
        for question in check.questions:
            assert len(question.advice.split()) >= 12, f"{locale}: {question.id} has too little advice"
            assert set(question.sources) <= set(SOURCES), f"{locale}: {question.id}"
    assert unknown_source_problems(CHECKS, SOURCES) == []
    # Most advice rests on a source; some is the site's own (labelled on the page).
    sourced = [q for q in CHECKS["en"].questions if q.sources]
    assert len(sourced) >= len(CHECKS["en"].questions) // 2


def write_checks(folder: Path, data: dict[str, dict[str, object]]) -> None:
    for locale, content in data.items():
        (folder / f"{locale}.yml").write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")


def check_file(**question_changes: object) -> dict[str, object]:
    question: dict[str, object] = {
        "id": "met-online",
        "question": "Q?",
        "risky_answer": "yes",
        "advice": "Because.",
        "sources": ["osce-country-visit-2012"],
    }
    question.update(question_changes)
    return {"title": "T", "intro": "I", "result_safe": "S", "result_risky": "R", "questions": [question]}


def test_a_language_citing_other_sources_is_named(tmp_path):
    write_checks(tmp_path, {"az": check_file(), "en": check_file(sources=["recruitment-methods"])})
    with pytest.raises(JobCheckError) as error:
        load_job_checks(["az", "en"], folder=tmp_path)
    assert str(error.value) == (
        "data/job-check/en.yml: questions (id, risky_answer, sources) "
        "[('met-online', 'yes', ('recruitment-methods',))] differ from data/job-check/az.yml "
        "[('met-online', 'yes', ('osce-country-visit-2012',))]; keep the same ids, answers, sources and order"
    )


def test_sources_must_be_a_list_of_ids(tmp_path):
    write_checks(tmp_path, {"az": check_file(sources="osce-country-visit-2012")})
    with pytest.raises(JobCheckError) as error:
        load_job_checks(["az"], folder=tmp_path)
    assert str(error.value) == (
        "data/job-check/az.yml: questions[0]: sources is 'osce-country-visit-2012'; expected a list of source ids, "
        "e.g. [osce-country-visit-2012]"
    )


def test_an_unknown_source_is_named_with_file_and_question(tmp_path):
    write_checks(tmp_path, {"az": check_file(sources=["osce-2012"])})
    checks = load_job_checks(["az"], folder=tmp_path)
    assert unknown_source_problems(checks, ["osce-country-visit-2012", "recruitment-methods"]) == [
        "data/job-check/az.yml: question 'met-online': unknown source 'osce-2012'; add it to data/statistics.json "
        '"sources" or use one of: osce-country-visit-2012, recruitment-methods'
    ]


# ---- The built pages ----------------------------------------------------------------------


def test_the_check_has_its_own_page_in_the_nav():
    pages = site_config.pages()
    assert PAGE in pages
    assert pages.index(PAGE) == pages.index("work-contract.md") + 1


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_without_javascript_the_page_lists_every_question_with_its_advice_and_basis(site_dir, language):
    soup = soup_of(site_dir, check_url(language))
    check = soup.select_one("article [data-job-check]")
    data = CHECKS[language.locale]
    phones = PHONES[language.locale]
    items = check.select("ol.job-check__list > li.job-check__item")
    assert [(item["data-question"], item["data-risky"]) for item in items] == [
        (q.id, q.risky_answer) for q in data.questions
    ]
    for item, question in zip(items, data.questions, strict=True):
        assert squashed(item.select_one(".job-check__question").get_text()) == squashed(
            phones.in_text(question.question, html=False)
        )
        advice = item.select_one(".job-check__advice")
        assert squashed(phones.in_text(question.advice, html=False)) in squashed(advice.get_text())
        basis = advice.select_one(".job-check__basis")
        if question.sources:
            anchors = [link["href"].rsplit("#", 1)[1] for link in basis.select("a[href*='sources/#']")]
            assert anchors == list(question.sources), question.id
        else:
            assert basis.get_text(strip=True) == UI["jobcheck.own_advice"][language.locale], question.id
    # Radio buttons come only with JavaScript; without it the risky result and its advice show.
    assert not check.select("input")
    assert not check.select_one(".job-check__result[data-outcome=risky]").has_attr("hidden")
    assert check.select_one(".job-check__result[data-outcome=safe]").has_attr("hidden")


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_the_page_shows_the_danger_numbers_and_links_to_the_hotline_and_abroad(site_dir, language):
    article = soup_of(site_dir, check_url(language)).select_one("article")
    numbers = load_phone_numbers(LOCALES)
    box = article.select_one(".danger-numbers")
    for key in ("police", "emergency", "hotline"):
        assert box.select_one(f"a[href='tel:{numbers[key].tel}']"), key
    assert article.select_one(f"a[href='../{site_config.page_url('abroad.md')}']")
    # The risky result sends readers to 102/112 in danger, not to the hotline.
    risky = article.select_one(".job-check__result[data-outcome=risky]")
    assert {link["href"] for link in risky.select("a[href^='tel:']")} == {
        f"tel:{numbers[key].tel}" for key in ("hotline", "police", "emergency")
    }


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_work_contract_and_schools_link_to_the_check_and_no_longer_hold_it(site_dir, language):
    target = f"../{site_config.page_url(PAGE)}"
    for page in ("work-contract.md", "schools.md"):
        article = soup_of(site_dir, language.url_prefix() + site_config.page_url(page)).select_one("article")
        assert article.select_one(f"a[href='{target}']"), page
        assert article.select_one("[data-job-check]") is None, page


def test_job_check_script_stores_and_sends_nothing():
    script = (ROOT / "overrides" / "assets" / "js" / "job-check.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/", "", script, flags=re.S)
    found = re.findall(r"localStorage|sessionStorage|cookie|fetch\(|XMLHttpRequest|sendBeacon|indexedDB", code)
    assert found == []


# ---- In Chromium --------------------------------------------------------------------------


def test_without_javascript_every_question_and_advice_is_visible(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "en/" + site_config.page_url(PAGE))
    check = page.locator(".job-check")
    assert check.locator("input").count() == 0
    total = len(CHECKS["en"].questions)
    assert check.locator(".job-check__question:visible").count() == total
    assert check.locator(".job-check__advice:visible").count() == total
    context.close()


def storage(page) -> dict[str, object]:
    return page.evaluate(
        "({local: Object.keys(localStorage), session: Object.keys(sessionStorage), cookie: document.cookie})"
    )


def answer(page, question_id: str, value: str) -> None:
    page.locator(f".job-check__item[data-question='{question_id}'] input[value='{value}']").check()


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_risky_marriage_and_online_answers_show_their_advice_and_the_risky_result(page, site_url, language):
    page.goto(site_url + check_url(language), wait_until="networkidle")
    before = storage(page)
    requests: list[tuple[str, str]] = []
    page.on("request", lambda request: requests.append((request.method, request.url)))
    data = CHECKS[language.locale]
    phones = PHONES[language.locale]
    risky = [q for q in data.questions if q.id in MARRIAGE_AND_ONLINE]
    for question in data.questions:
        answer(page, question.id, "yes" if question.id in MARRIAGE_AND_ONLINE else "no")
    for question in data.questions:
        advice = page.locator(f".job-check__item[data-question='{question.id}'] .job-check__advice")
        if question in risky:
            assert advice.is_visible(), question.id
            assert squashed(phones.in_text(question.advice, html=False)) in squashed(advice.inner_text())
        else:
            assert advice.is_hidden(), question.id
    assert page.locator(".job-check__result[data-outcome=risky]").is_visible()
    assert page.locator(".job-check__result[data-outcome=safe]").is_hidden()
    status = page.locator(".job-check__status")
    assert status.get_attribute("role") == "status"
    assert squashed(status.inner_text()) == squashed(phones.in_text(data.result_risky, html=False))

    # One answer changed back to "no" hides its advice; all "no" is the safe result.
    answer(page, risky[0].id, "no")
    assert page.locator(f".job-check__item[data-question='{risky[0].id}'] .job-check__advice").is_hidden()
    for question in risky[1:]:
        answer(page, question.id, "no")
    assert page.locator(".job-check__result[data-outcome=safe]").is_visible()
    assert squashed(status.inner_text()) == squashed(phones.in_text(data.result_safe, html=False))

    # Nothing the check does reaches the network or the browser's storage. The page may still be
    # fetching its own static files (scripts, icons) or search's while the answers are chosen:
    # those are plain GETs of the site's files, with nothing of the answers in them.
    site = urlparse(site_url)
    sent = [
        (method, url)
        for method, url in requests
        if method != "GET"
        or urlparse(url).netloc != site.netloc
        or urlparse(url).query
        or not urlparse(url).path.lstrip("/").startswith(("assets/", *SEARCH_PREFIXES))
    ]
    assert sent == []
    assert storage(page) == before


def test_a_partly_answered_check_counts_the_warning_signs_so_far(page, site_url):
    page.goto(site_url + "en/" + site_config.page_url(PAGE))
    answer(page, "religious-marriage", "yes")
    answer(page, "met-online", "no")
    total = len(CHECKS["en"].questions)
    assert page.locator(".job-check__status").inner_text() == (
        f"2 of {total} questions answered; warning signs so far: 1."
    )
    assert page.locator(".job-check__result:visible").count() == 0
