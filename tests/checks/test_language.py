"""The language checks of `make check-language` (scripts/checks/language/, scripts/checks/check_language.py):
each check with a bad and a good input and the exact message an editor gets, the glossary,
the typographic fixes, and the real pages and data passing every check."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from scripts.checks import check_language, editor_checks
from scripts.checks.language import spelling
from scripts.checks.language.counted_nouns import counted_noun_problems
from scripts.checks.language.glossary import GlossaryError, load_glossary, site_glossary
from scripts.checks.language.mixed_scripts import mixed_script_problems
from scripts.checks.language.terms import term_problems
from scripts.checks.language.texts import markdown_lines, text_lines, yaml_lines
from scripts.checks.language.turkish import turkish_problems
from scripts.checks.language.typography import add_non_breaking_spaces, typography_edits, typography_problems

GLOSSARY = site_glossary()


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def problems_in(root: Path, relative: str, text: str, spelling_check: bool = False) -> list[str]:
    path = write(root, relative, text)
    return [str(problem) for problem in check_language.language_problems([path], root, spelling=spelling_check)]


# --- The glossary -------------------------------------------------------------------------

ISSUE_TERMS = {
    # concept: what the issue names, in the language it names it
    "warning-sign": ("az", "xəbərdarlıq əlamətləri"),
    "hotline": ("az", "155 «Qaynar xətt»"),
    "domestic-servitude": ("az", "məcburi əsarət"),
    "settings": ("az", "ayarlar"),
    "victim": ("ru", "жертвы"),
    "recruiter": ("ru", "вербовщик"),
    "potential-victim": ("az", "potensial qurbanlar"),
    "deportation": ("az", "deportasiya"),
    "takes-effect": ("az", "dərhal qüvvəyə minir"),
    "identification-indicators": ("az", "indikatorlar"),
    "relevant-authorities": ("az", "aidiyyəti qurumlar"),
    "confront": ("az", "üz-üzə gəlməyin"),
    "close-page": ("az", "örtür"),
    "close-button": ("az", "xaça"),
    "blame": ("az", "mühakimə etməyin"),
    "abuse": ("az", "sui-istifadənin əlamətləri"),
    "repository": ("az", "deposunda"),
    "preview": ("az", "önizləmə"),
}


@pytest.mark.parametrize(("term_id", "example"), ISSUE_TERMS.items())
def test_the_glossary_catches_every_recurring_term_of_the_issue(term_id, example):
    locale, text = example
    term = next(term for term in GLOSSARY.terms if term.id == term_id)
    assert all(term.preferred[language] for language in ("az", "en", "ru"))
    assert term.reason
    assert any(avoided.pattern.search(text) for avoided in term.avoid[locale]), (term_id, text)


def test_the_glossary_also_catches_russian_forms_of_potential_victims():
    found = [
        term.id
        for term in GLOSSARY.terms
        for avoided in term.avoid.get("ru", ())
        if avoided.pattern.search("для потенциальных жертв")
    ]
    assert "potential-victim" in found


def test_every_case_of_zhertva_and_no_other_word(tmp_path):
    victim = next(term for term in GLOSSARY.terms if term.id == "victim")
    cases = "жертва жертвы жертве жертву жертвой жертвою жертв жертвам жертвами жертвах"
    assert [match.group(0) for match in victim.avoid["ru"][0].pattern.finditer(cases)] == cases.split()
    assert not victim.avoid["ru"][0].pattern.search("пожертвовать жертвенный")


def test_a_wrong_glossary_names_the_line_and_the_rule(tmp_path):
    text = (ROOT / "data" / "glossary.yml").read_text(encoding="utf-8")
    broken = text.replace("    reason: Plain words for being sent out of the country.", "    why: x", 1)
    path = write(tmp_path, "glossary.yml", broken)
    with pytest.raises(GlossaryError) as error:
        load_glossary(path)
    line = next(n for n, text in enumerate(broken.splitlines(), start=1) if text == "  - id: deportation")
    assert str(error.value).replace(f"{tmp_path}/", "").splitlines() == [
        f"glossary.yml:{line}: 'reason' is a required property (at terms/13; rules in data/glossary.schema.json)",
        f"glossary.yml:{line}: Additional properties are not allowed ('why' was unexpected) "
        "(at terms/13; rules in data/glossary.schema.json)",
    ]


def test_a_wrong_regular_expression_names_its_line(tmp_path):
    broken = (
        (ROOT / "data" / "glossary.yml")
        .read_text(encoding="utf-8")
        .replace('regex: "жертв(?:а|ы|е|у|ой|ою|ам|ами|ах)?"', 'regex: "жертв(а"', 1)
    )
    path = write(tmp_path, "glossary.yml", broken)
    with pytest.raises(GlossaryError) as error:
        load_glossary(path)
    line = next(n for n, text in enumerate(broken.splitlines(), start=1) if 'regex: "жертв(а"' in text)
    assert str(error.value).replace(f"{tmp_path}/", "") == (
        f"glossary.yml:{line}: 'жертв(а' is not a valid regular expression: "
        "missing ), unterminated subpattern at position 7"
    )


# --- The term check -----------------------------------------------------------------------


def test_a_non_preferred_term_is_named_with_file_line_and_the_term_to_use(tmp_path):
    text = "---\ntitle: Qaynar xətt\n---\n\n# Qaynar xətt\n\nXətt potensial qurbanlarına kömək edir.\n"
    assert problems_in(tmp_path, "docs/az/hotline.md", text) == [
        'docs/az/hotline.md:7: found "potensial qurbanlarına"; use "qurban ola biləcək insanlar" '
        "(glossary: potential-victim)"
    ]


def test_the_preferred_term_passes(tmp_path):
    text = "# Qaynar xətt\n\nXətt qurbanlara və qurban ola biləcək insanlara kömək edir.\n"
    assert problems_in(tmp_path, "docs/az/hotline.md", text) == []


def test_russian_victim_and_the_hotline_in_quotes(tmp_path):
    text = "# Линия\n\n«Горячая линия» 155 помогает жертвам.\n"
    assert problems_in(tmp_path, "docs/ru/hotline.md", text) == [
        'docs/ru/hotline.md:3: found "«Горячая линия»"; use "горячая линия (со строчной буквы, без кавычек)" '
        "(glossary: hotline)",
        'docs/ru/hotline.md:3: found "жертвам"; use "пострадавший, пострадавшая, пострадавшие '
        '(стать жертвой — пострадать)" (glossary: victim)',
    ]


def test_a_longer_avoided_phrase_is_told_once():
    lines = list(markdown_lines("docs/ru/x.md", "Для потенциальных жертв.\n", "ru"))
    assert [problem.found for problem in term_problems(lines, GLOSSARY)] == ["потенциальных жертв"]


def test_official_titles_from_the_glossary_are_exempt():
    text = "Его создал Центр помощи жертвам торговли людьми. Но жертвам тоже.\n"
    lines = list(markdown_lines("docs/ru/x.md", text, "ru"))
    assert [(problem.found, problem.line) for problem in term_problems(lines, GLOSSARY)] == [("жертвам", 1)]


def test_a_quotation_on_a_verbatim_line_is_exempt_and_only_the_quotation():
    quoted = "Приют — для «предполагаемых или потенциальных жертв». <!-- verbatim -->\n"
    not_marked = "Приют — для «предполагаемых или потенциальных жертв».\n"
    outside = "Жертвы: «предполагаемых или потенциальных жертв». <!-- verbatim -->\n"
    found = {
        name: [problem.found for problem in term_problems(markdown_lines("docs/ru/x.md", text, "ru"), GLOSSARY)]
        for name, text in {"quoted": quoted, "not_marked": not_marked, "outside": outside}.items()
    }
    assert found == {"quoted": [], "not_marked": ["потенциальных жертв"], "outside": ["Жертвы"]}


def test_a_yaml_value_marked_verbatim_keeps_its_quotation(tmp_path):
    text = (
        "questions:\n  - id: a\n    # verbatim\n    question: «potensial qurbanlar» deyilir.\n"
        "    explanation: Potensial qurbanlar.\n"
    )
    assert problems_in(tmp_path, "data/quiz/az.yml", text) == [
        'data/quiz/az.yml:5: found "Potensial qurbanlar"; use "qurban ola biləcək insanlar" '
        "(glossary: potential-victim)"
    ]


def test_code_markers_links_and_ids_are_not_text(tmp_path):
    text = (
        "# Başlıq {#potensial-qurbanlar}\n\n"
        "Bax: `potensial qurbanlar`, [[stat victims_identified 2017]] və [keçid](potensial-qurbanlar.md).\n\n"
        "```text\npotensial qurbanlar\n```\n"
    )
    assert problems_in(tmp_path, "docs/az/x.md", text) == []


# --- Typography ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("relative", "bad", "message"),
    [
        (
            "docs/az/x.md",
            'Deyirlər ki, "borcu qaytar" – sonra gedərsən.\n',
            'docs/az/x.md:1: found "ki, "borcu qaytar" – sonra"; use "ki, «borcu qaytar» — sonra" '
            "(az: «…» and „…“ inside, dash — with spaces)",
        ),
        (
            "docs/ru/x.md",
            "Закон “О борьбе” - главный.\n",
            'docs/ru/x.md:1: found "Закон “О борьбе” - главный."; use "Закон «О борьбе» — главный." '
            "(ru: «…» and „…“ inside, dash — with spaces)",
        ),
        (
            "docs/en/x.md",
            'The site\'s "Hotline"—call it.\n',
            'docs/en/x.md:1: found "The site\'s "Hotline"—call it."; use "The site’s “Hotline” – call it." '
            "(en: “…” and ‘…’ inside, apostrophe ’, dash – with spaces)",
        ),
    ],
)
def test_wrong_quotation_marks_and_dashes_are_named_with_their_fix(tmp_path, relative, bad, message):
    assert problems_in(tmp_path, relative, bad) == [message]


@pytest.mark.parametrize(
    ("relative", "good"),
    [
        ("docs/az/x.md", "Deyirlər ki, «borcu „indi“ qaytar» — 2009–2013-cü illərdə, 155-ə, ATƏT-in.\n"),
        ("docs/ru/x.md", "«Договор не нужен, — говорит он. — Отдай паспорт». Статья 144-1, 2009–2013 годы.\n"),
        ("docs/en/x.md", "The site’s “Hotline ‘155’” – call it, 2009–2013; don’t wait.\n"),
    ],
)
def test_each_language_s_convention_passes(tmp_path, relative, good):
    assert problems_in(tmp_path, relative, good) == []


def test_inner_quotation_marks_follow_nesting():
    text = '«Закон "О борьбе" принят»'
    assert [(edit.start, edit.replacement) for edit in typography_edits(text, "ru")] == [(7, "„"), (16, "“")]


def test_yaml_and_front_matter_delimiters_are_not_quotation_marks():
    yaml_text = "key:\n  az: \"Sadə mətn\"\n  ru: 'Простой текст'\n"
    front = '---\ntitle: "Sadə başlıq"\n---\n\n!!! danger "Qaynar xətt 155"\n    Mətn.\n'
    lines = [*yaml_lines("data/ui/x.yml", yaml_text, None), *markdown_lines("docs/az/x.md", front, "az")]
    texts = [line.text.strip() for line in lines]
    assert texts == ["Sadə mətn", "Простой текст", "Sadə başlıq", "Qaynar xətt 155", "Mətn."]
    assert list(typography_problems(lines)) == []


def test_fix_replaces_the_characters_in_place_and_nothing_else(tmp_path):
    source = (
        '---\ntitle: "İnsan alveri – kömək"\n---\n\n# İnsan alveri – kömək\n\n'
        'Deyir: "Valideynlərinə demə". Kod: `"x" - y`.\n'
    )
    path = write(tmp_path, "docs/az/index.md", source)
    assert check_language.fix_typography(path, tmp_path) == 4
    assert path.read_text(encoding="utf-8") == (
        '---\ntitle: "İnsan alveri — kömək"\n---\n\n# İnsan alveri — kömək\n\n'
        'Deyir: «Valideynlərinə demə». Kod: `"x" - y`.\n'
    )
    assert problems_in(tmp_path, "docs/az/index.md", path.read_text(encoding="utf-8")) == []


# --- Mixed alphabets, English, Türkiye Turkish ----------------------------------------------


def test_a_cyrillic_letter_in_an_azerbaijani_word_and_a_latin_one_in_a_russian_word():
    lines = [
        *markdown_lines("docs/az/x.md", "Bu \u04d9lam\u0259tdir.\n", "az"),
        *markdown_lines("docs/ru/x.md", "Это пoмощь.\n", "ru"),
    ]
    messages = [str(problem) for problem in mixed_script_problems(lines)]
    assert messages == [
        'docs/az/x.md:1: found "\u04d9lam\u0259tdir"; use "\u0259lam\u0259tdir" (Cyrillic letters \u04d9 in the word)',
        'docs/ru/x.md:1: found "пoмощь"; use "помощь" (Latin letters o in the word)',
    ]
    good = markdown_lines("docs/az/x.md", "Bu əlamətdir; это — помощь.\n", "az")
    assert list(mixed_script_problems(good)) == []


def test_english_left_in_an_azerbaijani_page_is_named(tmp_path):
    text = "# Kömək\n\nCall the hotline if you need help.\n\n«The Law» adı ilə.\n"
    assert problems_in(tmp_path, "docs/az/x.md", text) == [
        'docs/az/x.md:3: found "Call the if you help"; use Azerbaijani words '
        "(English left in the text; a title or a name in its own language goes in quotation marks)"
    ]


def test_english_page_may_be_english(tmp_path):
    assert problems_in(tmp_path, "docs/en/x.md", "# Help\n\nCall the hotline if you need help.\n") == []


def test_turkiye_turkish_forms_in_azerbaijani_are_named_with_the_azerbaijani_form():
    text = "Biz geliyoruz, çünkü bu önemli değil. Bilirsiniz mi? Yapmak lazım.\n"
    found = [(problem.found, problem.use) for problem in turkish_problems(markdown_lines("docs/az/x.md", text, "az"))]
    assert sorted(found) == sorted(
        [
            ("geliyoruz", "the Azerbaijani present in -ır/-ir/-ur/-ür (gəlir, bilirsiniz)"),
            ("önemli", '"vacib, mühüm"'),
            ("değil", '"deyil"'),
            ("mi", "written together with its word: bilirsinizmi?, təhlükəsizdirmi?"),
            ("Yapmak", "-maq/-mək (etmək, almaq)"),
        ]
    )
    azerbaijani = "Biz gəlirik, çünkü bu vacib deyil. Bilirsinizmi? Etmək lazımdır, işçilər gələcək.\n"
    assert list(turkish_problems(markdown_lines("docs/az/x.md", azerbaijani, "az"))) == []


def test_the_turkish_check_reads_only_azerbaijani():
    assert list(turkish_problems(markdown_lines("docs/en/x.md", "A future mak ve değil.\n", "en"))) == []


# --- Russian spelling ---------------------------------------------------------------------


def test_a_russian_misspelling_is_named_with_suggestions(tmp_path):
    text = "# Помощь\n\nПозвоните, если вы пострадавщий.\n"
    assert problems_in(tmp_path, "docs/ru/x.md", text, spelling_check=True) == [
        'docs/ru/x.md:3: found "пострадавщий"; use "пострадавший" or "постращавший" or "сострадавший" '
        "(not in the Russian dictionary; a name or a term goes in data/language/ru-words.txt)"
    ]


def test_correct_russian_names_in_the_word_list_and_abbreviations_pass(tmp_path):
    text = "# Помощь\n\nАйгюн и Самиру помогли ОБСЕ и НПО в Гяндже; интернет-кафе, QR-код, всё её.\n"
    assert problems_in(tmp_path, "docs/ru/x.md", text, spelling_check=True) == []


def test_the_word_list_takes_whole_words_and_stems(tmp_path):
    word_list = write(tmp_path, "words.txt", "# comment\nЭйвазов*\nТамас\n")

    class Nothing:
        def lookup(self, word):
            return False

        def suggest(self, word):
            return iter(["x"])

    lines = list(markdown_lines("docs/ru/x.md", "Эйвазова Тамас Тамасу\n", "ru"))
    found = [problem.found for problem in spelling.spelling_problems(lines, Nothing(), word_list)]
    assert found == ["Тамасу"]


def test_the_dictionary_is_the_pinned_package():
    stem = spelling.ensure_dictionary()
    assert stem.with_suffix(".dic").stat().st_size > 1_000_000
    assert spelling.INTEGRITY.startswith("sha512-")


# --- Counted nouns ------------------------------------------------------------------------


def test_a_hand_typed_noun_after_a_figure_is_named_with_the_marker_to_use(tmp_path):
    path = write(tmp_path, "docs/ru/x.md", "# Цифры\n\nВыявлено [[stat victims_identified 2017 sex=female]] женщин.\n")
    assert [str(problem) for problem in counted_noun_problems([path], GLOSSARY.nouns, tmp_path)] == [
        'docs/ru/x.md:3: found "[[stat victims_identified 2017 sex=female]] женщин"; use '
        '"[[stat victims_identified 2017 sex=female noun=woman]]" '
        "(the noun then agrees with any number; README, Markers in pages)"
    ]


def test_a_figure_with_noun_or_without_a_counted_noun_passes(tmp_path):
    text = (
        "# Цифры\n\nВыявлено [[stat victims_identified 2017 sex=female noun=woman]]. "
        "Пособие: [[stat one_time_allowance 2017]] в год. `[[stat victims_identified 2017]] женщин`\n"
    )
    path = write(tmp_path, "docs/ru/x.md", text)
    assert list(counted_noun_problems([path], GLOSSARY.nouns, tmp_path)) == []


# --- The real content and the command -------------------------------------------------------


def test_every_page_and_data_file_passes_every_language_check():
    problems = check_language.language_problems(check_language.checked_files(ROOT))
    assert [str(problem) for problem in problems] == []


def test_the_checked_files_are_the_pages_data_and_guides_in_every_language():
    names = {path.relative_to(ROOT).as_posix() for path in check_language.checked_files(ROOT)}
    assert {"docs/az/index.md", "docs/ru/rights.md", "data/ui/site.yml", "data/quiz/ru.yml"} <= names
    assert {"data/statistics.json", "mkdocs.yml", "CONTRIBUTING.az.md"} <= names
    assert "data/glossary.yml" not in names
    assert "data/language/turkish-forms.yml" not in names
    locales = {line.locale for line in text_lines(ROOT / "data" / "statistics.json")}
    assert locales == {"az", "en", "ru"}


def test_the_command_fails_naming_every_problem_at_once(tmp_path):
    # A copy of the repository's checked files with two mistakes, checked by the real command.
    for name in ("scripts", "data", "docs", "mkdocs.yml"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, tmp_path / name)
    (tmp_path / ".cache").symlink_to(ROOT / ".cache")
    page = tmp_path / "docs" / "az" / "signs.md"
    page.write_text(page.read_text(encoding="utf-8") + '\nOnlarla üz-üzə gəlməyin – "təhlükəlidir".\n', "utf-8")
    line = len(page.read_text(encoding="utf-8").splitlines())
    result = subprocess.run(
        [sys.executable, "-m", "scripts.checks.check_language"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.splitlines()[:2] == [
        f'docs/az/signs.md:{line}: found "gəlməyin – "təhlükəlidir"."; use "gəlməyin — «təhlükəlidir»." '
        "(az: «…» and „…“ inside, dash — with spaces)",
        f'docs/az/signs.md:{line}: found "üz-üzə gəlməyin"; use "mübahisə etmək, ittiham etmək" (glossary: confront)',
    ]
    assert "confront: " in result.stdout
    assert "2 language problem(s)" in result.stderr


def test_make_check_runs_the_language_check_and_names_file_line_and_fix(tmp_path):
    # `make check` and CI's fast job run every entry of editor_checks.CHECKS.
    check = next(check for check in editor_checks.CHECKS if check.name == "language")
    write(tmp_path, "docs/ru/x.md", "# Помощь\n\nКаждая жертва может позвонить.\n")
    result = check.run(tmp_path)
    assert result.failed
    [problem] = [problem for problem in result.problems if "жертва" in problem.found]
    assert (problem.file, problem.line) == ("docs/ru/x.md", 3)
    assert problem.fix.startswith("use ")
    assert "пострадавш" in problem.fix


# --- What readers get: counted nouns and the build's non-breaking spaces ----------------------


def test_non_breaking_spaces_before_a_dash_and_after_russian_one_letter_words():
    html = '<p title="в доме — да">Он в доме — и с нами. <code>в коде — нет</code> А у нас</p>'
    assert add_non_breaking_spaces(html, "ru") == (
        '<p title="в доме — да">Он в\u00a0доме\u00a0— и\u00a0с\u00a0нами. '
        "<code>в коде — нет</code> А\u00a0у\u00a0нас</p>"
    )
    assert add_non_breaking_spaces("<p>Kömək — 155 və ya ATƏT-ə</p>", "az") == "<p>Kömək\u00a0— 155 və ya ATƏT-ə</p>"
    assert add_non_breaking_spaces("<p>Help – call a friend</p>", "en") == "<p>Help\u00a0– call a friend</p>"


def article_text(site_dir: Path, url_path: str) -> str:
    html = (site_dir / url_path / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article.md-content__inner").get_text()


def test_the_built_russian_page_keeps_dashes_and_short_words_with_their_neighbours(site_dir):
    text = article_text(site_dir, "ru")
    assert "Торговля людьми\u00a0— это вербовка" in text
    assert "в\u00a0самом Азербайджане" in text
    assert " — " not in text  # every spaced dash is held to the word before it


def test_the_built_pages_show_counted_nouns_in_the_form_of_their_number(site_dir):
    assert "среди признанных пострадавшими было 5\u00a0мужчин." in article_text(site_dir, "ru/schools")
    assert "поступило около 9\u00a0000\u00a0обращений" in article_text(site_dir, "ru/schools")
    statistics = article_text(site_dir, "en/statistics")
    assert (
        "In 2017, 71\u00a0people were identified as victims of trafficking: 66\u00a0women and 5\u00a0men." in statistics
    )
