"""The schools pages: the quiz's data files are checked with clear messages, the quiz reads
as a list without JavaScript and works with the keyboard alone in Chromium (the result
announced in a live region, nothing stored or sent), the handout's QR code encodes the
language's home page, and the teachers' kit links to the offline copy."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, SITE_URL

from scripts import site_config
from scripts.language.typography import add_non_breaking_spaces
from scripts.markers import MarkerError, parse_marker
from scripts.phones import Phones, load_phone_numbers
from scripts.qr import make_qr
from scripts.quiz import QuizError, load_quizzes
from scripts.schools import OFFLINE_ZIP_PATH, SchoolLinks, check_block_markers, school_marker_handlers
from scripts.ui_strings import UiStrings, load_ui_strings

LOCALES = site_config.locales()
LANGUAGES = site_config.languages()
QUIZZES = load_quizzes(LOCALES)
UI = load_ui_strings(LOCALES)
PHONES = {
    locale: Phones(load_phone_numbers(LOCALES), locale, UiStrings(UI, locale).raw("phone.call")) for locale in LOCALES
}


def soup_of(site_dir: Path, url_path: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")


# ---- The quiz's data files ----------------------------------------------------------------


def test_every_language_has_the_same_questions_options_and_answers():
    shapes = {
        locale: [(q.id, tuple(o.id for o in q.options), q.answer) for q in quiz.questions]
        for locale, quiz in QUIZZES.items()
    }
    assert 8 <= len(shapes["en"]) <= 15
    assert shapes["az"] == shapes["en"] == shapes["ru"]


# The lesson on online recruitment and false marriage offers (lesson-online.md) uses quiz questions 11-14.
SESSION_QUESTIONS = ["online-job", "religious-marriage", "friend-secret", "danger-now"]


def test_the_online_and_marriage_session_has_its_quiz_questions_11_to_14():
    for quiz in QUIZZES.values():
        assert [q.id for q in quiz.questions[10:14]] == SESSION_QUESTIONS


def test_the_danger_question_sends_pupils_to_the_police_and_the_emergency_line_not_the_hotline():
    for locale, quiz in QUIZZES.items():
        question = next(q for q in quiz.questions if q.id == "danger-now")
        answer = question.answer_text()
        assert "[[phone police]]" in answer, locale
        assert "[[phone emergency]]" in answer, locale
        assert "[[hotline" not in answer, locale


def write_quizzes(folder: Path, data: dict[str, object]) -> None:
    for locale, content in data.items():
        text = content if isinstance(content, str) else yaml.safe_dump(content, allow_unicode=True)
        (folder / f"{locale}.yml").write_text(text, encoding="utf-8")


def question(question_id: str = "passport", answer: str = "b", **changes: object) -> dict[str, object]:
    item: dict[str, object] = {
        "id": question_id,
        "question": "Q?",
        "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
        "answer": answer,
        "explanation": "Because.",
    }
    item.update(changes)
    return {key: value for key, value in item.items() if value is not None}


def quiz_file(*questions: dict[str, object]) -> dict[str, object]:
    return {"intro": "Intro.", "questions": list(questions)}


def load_error(tmp_path: Path, data: dict[str, object]) -> str:
    write_quizzes(tmp_path, data)
    with pytest.raises(QuizError) as error:
        load_quizzes(["az", "en", "ru"], folder=tmp_path)
    return str(error.value)


def test_valid_files_load_in_every_language(tmp_path):
    write_quizzes(tmp_path, {locale: quiz_file(question()) for locale in ("az", "en", "ru")})
    quizzes = load_quizzes(["az", "en", "ru"], folder=tmp_path)
    assert quizzes["ru"].questions[0].answer_text() == "B"


def test_problems_in_one_file_are_named_with_file_question_and_what_is_expected(tmp_path):
    good = quiz_file(question())
    bad = quiz_file(
        question(explanation=None),
        question("debt", answer="c"),
        question("debt", options=[{"id": "a", "text": "A"}]),
        question("Contract!", explantion="typo"),
    )
    assert load_error(tmp_path, {"az": good, "en": bad, "ru": good}) == "\n".join(
        [
            "Quiz data is not valid:",
            "data/quiz/en.yml: question 'passport': 'explanation' is missing or empty",
            "data/quiz/en.yml: question 'debt': answer is 'c'; expected one of the option ids: a, b",
            "data/quiz/en.yml: question 'debt': 'options' must be a list of at least 2 entries, each with 'id' and "
            "'text'",
            "data/quiz/en.yml: questions[2]: question id 'debt' is used twice; ids must differ",
            "data/quiz/en.yml: question 'Contract!': unknown key 'explantion'; expected only id, question, options, "
            "answer, explanation",
            "data/quiz/en.yml: question 'Contract!': question id 'Contract!' should use only a-z, 0-9 and '-', "
            "like 'job-offer'",
        ]
    )


def test_missing_and_broken_files_are_named(tmp_path):
    write_quizzes(tmp_path, {"az": quiz_file(question()), "en": "intro: [unclosed\n"})
    message = load_error(tmp_path, {})
    assert message.startswith("Quiz data is not valid:\ndata/quiz/en.yml: not valid YAML: ")
    assert message.endswith("\ndata/quiz/ru.yml: missing; every language needs its quiz file")


def test_languages_must_keep_the_same_questions_options_and_answers(tmp_path):
    reference = quiz_file(question(), question("debt"))
    moved = quiz_file(question("debt"), question())
    other_options = [{"id": "a", "text": "A"}, {"id": "c", "text": "C"}]
    changed = quiz_file(question(answer="a"), question("debt", options=other_options, answer="a"))
    assert load_error(tmp_path, {"az": reference, "en": moved, "ru": changed}) == "\n".join(
        [
            "Quiz data is not valid:",
            "data/quiz/en.yml: question 'debt' stands where data/quiz/az.yml has 'passport'; keep the same questions "
            "in the same order in every language",
            "data/quiz/en.yml: question 'passport' stands where data/quiz/az.yml has 'debt'; keep the same questions "
            "in the same order in every language",
            "data/quiz/ru.yml: question 'passport': answer is 'a'; expected 'b' as in data/quiz/az.yml",
            "data/quiz/ru.yml: question 'debt': option ids are a, c; expected a, b as in data/quiz/az.yml",
            "data/quiz/ru.yml: question 'debt': answer is 'a'; expected 'b' as in data/quiz/az.yml",
        ]
    )


def test_a_language_with_fewer_questions_is_named(tmp_path):
    reference = quiz_file(question(), question("debt"))
    assert load_error(tmp_path, {"az": reference, "en": quiz_file(question()), "ru": reference}) == (
        "Quiz data is not valid:\ndata/quiz/en.yml: has 1 questions; expected 2 as in data/quiz/az.yml"
    )


# ---- Markers --------------------------------------------------------------------------------


def test_block_markers_must_stand_alone_on_their_line():
    check_block_markers("Intro\n\n[[quiz]]\n\nMore [[stat a 2017]] text\n", "docs/en/quiz.md")
    with pytest.raises(MarkerError) as error:
        check_block_markers("Intro\n\nScan this: [[qr]]\n", "docs/en/handout.md", first_line=7)
    assert str(error.value) == (
        "docs/en/handout.md:9: [[qr]] must stand alone on its own line (a blank line before and after it), "
        "because it becomes a block of HTML"
    )


@pytest.mark.parametrize("name", ["quiz", "qr", "offline-zip"])
def test_school_markers_take_no_arguments(name):
    links = SchoolLinks("https://example.org/site/", "en/", "en/schools/", offline_zip=True, offline_build=False)
    handlers = school_marker_handlers(QUIZZES["en"], links, UiStrings(UI, "en"), PHONES["en"])
    with pytest.raises(MarkerError, match=rf"\[\[{name}\]\] takes no arguments"):
        handlers[name](parse_marker(f"[[{name} extra]]"))


# ---- The built pages -------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_without_javascript_the_quiz_is_a_list_with_answers_in_disclosures(site_dir, language):
    quiz = soup_of(site_dir, language.url_prefix() + "quiz/").select_one("[data-quiz]")
    items = quiz.select("ol.quiz__list > li.quiz__item")
    expected = QUIZZES[language.locale].questions
    assert [item["data-question"] for item in items] == [q.id for q in expected]
    for item, data in zip(items, expected, strict=True):
        # Phone markers in the quiz's texts are written out as the number (a tel: link).
        phones = PHONES[language.locale]
        options = [" ".join(phones.in_text(o.text, html=False).split()) for o in data.options]
        assert [" ".join(li.get_text().split()) for li in item.select(".quiz__options > li")] == options
        details = item.select_one("details.quiz__explanation")
        assert details.summary.get_text(strip=True) == UI["quiz.show_answer"][language.locale]
        # The build keeps short words and dashes with their neighbours (non-breaking spaces).
        typeset = functools.partial(add_non_breaking_spaces, locale=language.locale)
        assert typeset(phones.in_text(data.answer_text(), html=False)) in details.get_text()
        assert typeset(phones.in_text(data.explanation, html=False)) in details.get_text()
    assert not quiz.select("input"), "radio buttons come only with JavaScript"


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_handout_qr_code_encodes_the_home_page_of_its_language(site_dir, language):
    home = SITE_URL + language.url_prefix()
    figure = soup_of(site_dir, language.url_prefix() + "handout/").select_one("figure.qr")
    svg = figure.select_one("svg.qr__code")
    assert svg["role"] == "img"
    assert svg.title.get_text() == add_non_breaking_spaces(UI["qr.alt"][language.locale], language.locale)
    # The dark modules drawn are exactly those of the QR code for this address.
    assert svg.select_one("path")["d"] == make_qr(home).path
    assert figure.select_one("a.qr__link")["href"] == home


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_teachers_kit_names_the_offline_copy_without_a_link_where_the_build_has_none(site_dir, language):
    # The tests' build is a plain `mkdocs build`, without the zip (make build makes it: tests/test_build_site.py).
    soup = soup_of(site_dir, language.url_prefix() + "schools/")
    assert soup.select(f'a[href$="{OFFLINE_ZIP_PATH}"]') == []
    assert UI["offline.download"][language.locale] in soup.get_text()


@pytest.mark.parametrize(
    ("links", "expected"),
    [
        (SchoolLinks(None, "en/", "en/schools/", offline_zip=True, offline_build=False), "../../" + OFFLINE_ZIP_PATH),
        (SchoolLinks(None, "", "schools/", offline_zip=True, offline_build=False), "../" + OFFLINE_ZIP_PATH),
        (
            SchoolLinks("https://e.org/s/", "ru/", "ru/schools.html", offline_zip=True, offline_build=True),
            "https://e.org/s/" + OFFLINE_ZIP_PATH,
        ),
        (SchoolLinks(None, "ru/", "ru/schools.html", offline_zip=True, offline_build=True), None),
        (SchoolLinks("https://e.org/s/", "", "schools/", offline_zip=False, offline_build=False), None),
    ],
)
def test_the_offline_copy_is_linked_only_where_it_exists(links, expected):
    assert links.zip_href() == expected


def section(article, anchor: str) -> list:
    """The elements of one h2 or h3 section: from its heading up to the next heading of its level or higher."""
    heading = article.find(id=anchor)
    levels = {"h2": ("h1", "h2"), "h3": ("h1", "h2", "h3")}[heading.name]
    elements = []
    for sibling in heading.find_next_siblings():
        if sibling.name in levels:
            break
        elements.append(sibling)
    return elements


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_the_online_and_marriage_lesson_has_story_sources_pupil_advice_and_safeguarding(site_dir, language):
    # schools.md names the lesson and links to its page (the whole kit on one page would be too heavy).
    schools = soup_of(site_dir, language.url_prefix() + "schools/").select_one("article")
    stub = BeautifulSoup("".join(str(e) for e in section(schools, "online-and-marriage")), "html.parser")
    assert stub.select_one(f"a[href='../{site_config.page_url('lesson-online.md')}']")

    article = soup_of(site_dir, language.url_prefix() + site_config.page_url("lesson-online.md")).select_one("article")
    assert [h2["id"] for h2 in article.find_all("h2")] == [
        "plan",
        "nigar",
        "online-sources",
        "pupil-can-do",
        "safeguarding-online",
    ]
    # The plan is a 45-minute table that ends at 45 and uses the quiz's questions for the lesson.
    table = next(element for element in section(article, "plan") if element.name == "table")
    assert table.select("tbody tr")[-1].td.get_text().startswith("40–45")
    assert "11–14" in table.get_text()
    # The story is discussed part by part: four parts, each followed by questions.
    assert sum(1 for element in section(article, "nigar") if element.name == "ul") == 4
    # What the sources say names them: the portal, the journalists' stories, the OSCE, the Law,
    # and the 2023 online figure.
    sources = " ".join(str(element) for element in section(article, "online-sources"))
    for source in ("insanalveri-portal", "recruitment-methods", "osce-country-visit-2012", "legal-framework"):
        assert f"sources/#{source}" in sources, source
    assert 'data-metric="online_trafficking_facts"' in sources
    # What a pupil can do is the site's own advice, in its labelled box.
    advice = section(article, "pupil-can-do")
    assert [element["class"] for element in advice if element.name == "div"] == [["admonition", "tip"]]
    title = advice[0].select_one(".admonition-title").get_text(strip=True)
    assert title == {"az": "Bizim məsləhətimiz", "en": "Our advice", "ru": "Наш совет"}[language.locale]


def danger_numbers_in(elements: list) -> BeautifulSoup:
    return BeautifulSoup("".join(str(e) for e in elements), "html.parser").select_one(".danger-numbers")


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_teachers_are_told_the_hotline_is_for_advice_and_102_112_for_danger(site_dir, language):
    numbers = load_phone_numbers(LOCALES)
    tel = {key: f"a[href='tel:{numbers[key].tel}']" for key in ("hotline", "police", "emergency")}
    schools = soup_of(site_dir, language.url_prefix() + "schools/").select_one("article")
    lesson = soup_of(site_dir, language.url_prefix() + site_config.page_url("lesson-online.md")).select_one("article")
    for article, anchor in ((schools, "safeguarding"), (schools, "help"), (lesson, "safeguarding-online")):
        html = BeautifulSoup("".join(str(element) for element in section(article, anchor)), "html.parser")
        for key, selector in tel.items():
            assert html.select_one(selector), f"#{anchor} has no {key} link"
    # Both safeguarding sections have the danger-numbers box, which says the hotline is no emergency service.
    for article, anchor in ((schools, "safeguarding"), (lesson, "safeguarding-online")):
        box = danger_numbers_in(section(article, anchor))
        # split(): the build ties short words to the next with no-break spaces.
        assert box.select_one(".danger-numbers__hotline").get_text(" ", strip=True).split() == (
            PHONES[language.locale].in_text(UI["danger.hotline"][language.locale], html=False).split()
        ), anchor


def test_quiz_script_stores_and_sends_nothing():
    script = (ROOT / "overrides" / "assets" / "js" / "quiz.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/", "", script, flags=re.S)
    found = re.findall(r"localStorage|sessionStorage|cookie|fetch\(|XMLHttpRequest|sendBeacon|indexedDB", code)
    assert found == []


# ---- In Chromium ------------------------------------------------------------------------------


def tab_to_first_answer(page) -> None:
    """From the top of the page, Tab until the quiz's first radio button has the focus."""
    page.keyboard.press("Tab")
    for _ in range(300):
        if page.evaluate("document.activeElement.matches('.quiz input[type=radio]')"):
            return
        page.keyboard.press("Tab")
    pytest.fail("Tab never reached the quiz's first answer")


def answer_with_keyboard(page, choices: list[int]) -> None:
    """Choose option number `choice` (0-based) in each question, then Tab to the next group."""
    for choice in choices:
        page.keyboard.press("Space")  # the group's first option: Space checks it
        for _ in range(choice):
            page.keyboard.press("ArrowDown")  # moves and checks
        page.keyboard.press("Tab")


def result_text(locale: str, correct: int, total: int) -> str:
    return UI["quiz.result"][locale].replace("{correct}", str(correct)).replace("{total}", str(total))


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_quiz_works_with_the_keyboard_alone_and_announces_the_result(page, site_url, language):
    requests: list[str] = []
    page.goto(site_url + language.url_prefix() + "quiz/", wait_until="networkidle")
    quiz = QUIZZES[language.locale]
    answers = [next(i for i, o in enumerate(q.options) if o.id == q.answer) for q in quiz.questions]
    status = page.locator(".quiz__status")
    assert status.get_attribute("role") == "status"
    assert page.locator(".quiz fieldset legend").count() == len(quiz.questions)

    # Nothing the quiz does may reach the network; Tab passes the search button on its way,
    # which loads nothing until it is pressed.
    page.on("request", lambda request: requests.append(request.url))
    tab_to_first_answer(page)
    answer_with_keyboard(page, answers[:2])
    # Tab has left the second group: the next focus is the third question's first answer.
    assert page.evaluate("document.activeElement.name") == page.locator(".quiz fieldset").nth(2).locator(
        "input"
    ).first.get_attribute("name")
    answer_with_keyboard(page, [0 if a else 1 for a in answers[2:]])  # all but the first two wrong
    assert page.evaluate("document.activeElement.textContent") == UI["quiz.check"][language.locale]
    page.keyboard.press("Enter")
    assert status.inner_text() == result_text(language.locale, 2, len(answers))
    assert page.locator(".quiz__item--right").count() == 2
    assert page.locator(".quiz__feedback:visible").count() == len(answers)

    # "Start again", then the right answers all through.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert status.inner_text() == ""
    answer_with_keyboard(page, answers)
    page.keyboard.press("Enter")
    assert status.inner_text() == result_text(language.locale, len(answers), len(answers))
    assert requests == [], "the quiz sent something"
    stored = page.evaluate("Object.keys(localStorage).concat(Object.keys(sessionStorage))")
    assert [key for key in stored if "quiz" in key.lower()] == []


def test_checking_too_early_says_how_many_are_answered(page, site_url):
    page.goto(site_url + "en/quiz/")
    page.locator(".quiz input[type=radio]").first.focus()
    page.keyboard.press("Space")
    page.locator(".quiz__button").first.focus()
    page.keyboard.press("Enter")
    total = len(QUIZZES["en"].questions)
    assert page.locator(".quiz__status").inner_text() == f"1 of {total} questions answered. Please answer the rest too."
    assert page.locator(".quiz__feedback:visible").count() == 0


def test_without_javascript_the_answers_open_in_disclosures(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "en/quiz/")
    first = page.locator(".quiz__explanation").first
    assert page.locator(".quiz input").count() == 0
    assert not first.locator("p").is_visible()
    first.locator("summary").click()
    assert first.locator("p").is_visible()
    context.close()
