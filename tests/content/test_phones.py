"""Phone numbers come from one place (data/phones.yml): the hotline is 152 everywhere, a number
typed by hand stops the build with file, line and the marker to write, and changing the
setting changes every place the number appears."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import BUILD_ENV, HOTLINE_NUMBER, ROOT, all_page_urls

from scripts import site_config
from scripts.content.markers import MarkerError, parse_marker
from scripts.content.phones import (
    PhoneError,
    Phones,
    load_phone_numbers,
    project_problems,
    typed_number_problems,
)

NUMBERS = load_phone_numbers(site_config.locales())
PAGES = all_page_urls()


def test_the_hotline_is_152_as_its_own_portal_gives_it():
    # The Interior Ministry's anti-trafficking portal and IOM give 152 (the Foreign Ministry's
    # page says 155, which in Türkiye is the police): ../shared/sources/web/README.md.
    assert HOTLINE_NUMBER.number == "152"
    assert HOTLINE_NUMBER.tel == "152"
    assert HOTLINE_NUMBER.source == "insanalveri-hotline-regulation"
    assert NUMBERS["police"].number == "102"
    assert NUMBERS["emergency"].number == "112"
    assert NUMBERS["tr_trafficking"].number == "157"
    assert NUMBERS["mfa_page_hotline"].dial is False


@pytest.mark.parametrize(("locale", "page", "url_path"), PAGES)
def test_every_page_dials_the_hotline_and_none_dials_155(site_dir, locale, page, url_path):
    html = (site_dir / url_path / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("header .site-strip a[href='tel:152']"), f"{url_path}: no tel:152 in the header"
    dialled = {link["href"] for link in soup.select("a[href^='tel:']")}
    assert "tel:155" not in dialled, f"{url_path} dials 155"


def test_the_not_found_page_dials_the_hotline(site_dir):
    soup = BeautifulSoup((site_dir / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("header .site-strip a[href='tel:152']")


# --- The check ------------------------------------------------------------------------------


def test_a_tel_link_typed_in_a_page_names_file_line_and_the_marker():
    text = "---\ntitle: T\n---\n\n# T\n\nCall [152](tel:152) now.\n"
    assert typed_number_problems(text, "docs/en/x.md", NUMBERS) == [
        "docs/en/x.md:7: found a tel: link typed by hand ('tel:152'); write [[phone ID]] or [[hotline]] "
        "instead (the ids are in data/phones.yml)",
        "docs/en/x.md:7: found the phone number '152' typed in the text; write [[hotline]] instead, so that the "
        "number comes from data/phones.yml",
    ]


def test_any_number_of_the_file_typed_in_the_text_is_found_with_its_markers():
    text = "Dial 155 in Türkiye.\nQaynar xəttə 152-yə zəng edin.\nIn Dubai: 800 5005.\n"
    problems = typed_number_problems(text, "data/quiz/az.yml", NUMBERS)
    assert problems == [
        "data/quiz/az.yml:1: found the phone number '155' typed in the text; write [[phone mfa_page_hotline]] or "
        "[[phone tr_police]] instead, so that the number comes from data/phones.yml",
        "data/quiz/az.yml:2: found the phone number '152' typed in the text; write [[hotline]] instead, so that "
        "the number comes from data/phones.yml",
        "data/quiz/az.yml:3: found the phone number '800 5005' typed in the text; write "
        "[[phone ae_dubai_trafficking]] instead, so that the number comes from data/phones.yml",
    ]


def test_markers_code_years_and_longer_numbers_are_not_phone_numbers():
    text = (
        "Call [[hotline]] or [[phone police form=dative]].\n"
        "In 2015, 1520 people; article 144-1; 15.2 per cent; 152,000 manat.\n"
        "Write `[152](tel:152)` never.\n"
        "```\ntel:155\n```\n"
    )
    assert typed_number_problems(text, "docs/en/x.md", NUMBERS) == []


def test_the_real_pages_and_data_type_no_number():
    assert project_problems(ROOT, NUMBERS) == []


def test_the_build_stops_on_a_typed_number_naming_file_line_and_fix(tmp_path):
    project = _copy_project(tmp_path)
    page = project / "docs" / "en" / "hotline.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.append("")
    lines.append("If you cannot reach us, [call 152](tel:152).")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    quiz = project / "data" / "quiz" / "en.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("[[hotline]]", "152", 1), encoding="utf-8")
    result = _build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    line = len(lines)
    assert f"docs/en/hotline.md:{line}: found a tel: link typed by hand ('tel:152'); write [[phone ID]]" in output
    assert "data/quiz/en.yml:" in output
    assert "found the phone number '152' typed in the text; write [[hotline]]" in output
    assert not (tmp_path / "site" / "index.html").exists()


# --- Markers and forms ----------------------------------------------------------------------


def _phones(locale: str) -> Phones:
    calls = {"az": "{number:dative} zəng edin", "en": "Call {number}", "ru": "Позвонить на {number}"}
    return Phones(NUMBERS, locale, calls[locale])


def test_markers_render_links_with_the_forms_of_each_language():
    az, en = _phones("az"), _phones("en")
    assert str(az.marker_html(parse_marker("[[hotline call]]"))) == (
        '<a class="phone phone--call" href="tel:152">152-yə zəng edin</a>'
    )
    assert str(en.marker_html(parse_marker("[[hotline call]]"))) == (
        '<a class="phone phone--call" href="tel:152">Call 152</a>'
    )
    assert str(az.marker_html(parse_marker("[[hotline form=dative]]"))) == '<a class="phone" href="tel:152">152-yə</a>'
    assert str(en.marker_html(parse_marker("[[phone tr_trafficking_landline]]"))) == (
        '<a class="phone" href="tel:+903121571112">+90 312 157 11 12</a>'
    )
    assert str(en.marker_html(parse_marker("[[phone mfa_page_hotline]]"))) == '<span class="phone">155</span>'


def test_marker_mistakes_say_what_to_write():
    en = _phones("en")
    with pytest.raises(MarkerError, match=r"no phone number 'polise' in data/phones.yml; it has: ae_dubai"):
        en.marker_html(parse_marker("[[phone polise]]"))
    with pytest.raises(MarkerError, match=r"'hotline' has no en form 'dative' \(it has: none\)"):
        en.marker_html(parse_marker("[[hotline form=dative]]"))
    with pytest.raises(MarkerError, match=r"'mfa_page_hotline' is not a number to call"):
        en.marker_html(parse_marker("[[phone mfa_page_hotline call]]"))
    with pytest.raises(MarkerError, match=r"optionally followed by 'call' or form=FORM"):
        en.marker_html(parse_marker("[[hotline now]]"))


def test_texts_of_data_files_get_links_or_plain_numbers():
    en = _phones("en")
    linked = 'Call <a class="phone" href="tel:152">152</a> &amp; ask.'
    assert en.in_text("Call [[hotline]] & ask.", html=True) == linked
    assert en.in_text("Call [[hotline]] & ask.", html=False) == "Call 152 & ask."


def test_a_broken_setting_is_named_with_every_problem(tmp_path):
    path = tmp_path / "phones.yml"
    path.write_text(
        yaml.safe_dump(
            {"hotline": {"number": 152, "source": "x", "where": "az"}, "police": {"number": "1 02", "colour": "red"}}
        ),
        encoding="utf-8",
    )
    with pytest.raises(PhoneError) as error:
        load_phone_numbers(["az", "en", "ru"], path)
    message = str(error.value)
    assert "data/phones.yml: hotline: number is 152; expected digits in quotes" in message
    assert "data/phones.yml: police: unknown field 'colour'" in message
    assert "data/phones.yml: police: 'source' is missing" in message


# --- One setting, every place ---------------------------------------------------------------

COPIED = ("mkdocs.yml", "docs", "overrides", "scripts", "data")


def _copy_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, project / name)
    return project


def _build(project: Path, site: Path, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env={**BUILD_ENV, "SITE_URL": "https://example.org/site/", **(extra_env or {})},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def rebuilt_with_another_number(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with the hotline set to 153 (and its Azerbaijani endings) in data/phones.yml."""
    tmp_path = tmp_path_factory.mktemp("another-number")
    project = _copy_project(tmp_path)
    setting = project / "data" / "phones.yml"
    text = setting.read_text(encoding="utf-8")
    text = text.replace('number: "152"', 'number: "153"').replace('"152-yə"', '"153-ə"')
    text = text.replace('"152-nin"', '"153-ün"').replace('"152-də"', '"153-də"')
    setting.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = _build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _visible_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for element in soup(["script", "style"]):
        element.decompose()
    return soup.get_text(" ")


def test_another_number_in_the_setting_changes_every_page_header_and_text(rebuilt_with_another_number):
    site = rebuilt_with_another_number
    for _, _, url_path in PAGES:
        html = (site / url_path / "index.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        assert soup.select_one("header .site-strip a[href='tel:153']"), url_path
        assert "tel:152" not in html, url_path
        assert "152" not in _visible_text(html).replace("1520", ""), url_path
        description = soup.select_one("meta[name=description]")["content"]
        assert "152" not in description, url_path


def test_another_number_reaches_the_quiz_the_job_check_the_handout_and_404(rebuilt_with_another_number):
    site = rebuilt_with_another_number
    for language in site_config.languages():
        prefix = language.url_prefix()
        quiz = BeautifulSoup((site / prefix / "quiz" / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert quiz.select(".quiz a[href='tel:153']"), f"{prefix}quiz/"
        offer_check = (site / prefix / "offer-check" / "index.html").read_text(encoding="utf-8")
        check = BeautifulSoup(offer_check, "html.parser").select_one("[data-job-check]")
        assert check.select("a[href='tel:153']"), f"{prefix}offer-check/"
        assert "153" in check["data-result-risky"], f"{prefix}offer-check/"
        handout = BeautifulSoup((site / prefix / "handout" / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert handout.select(".handout-hotline a[href='tel:153']"), f"{prefix}handout/"
    not_found = (site / "404.html").read_text(encoding="utf-8")
    assert "tel:153" in not_found
    assert "tel:152" not in not_found


def test_another_number_reaches_the_offline_copy(tmp_path):
    project = _copy_project(tmp_path)
    setting = project / "data" / "phones.yml"
    setting.write_text(
        setting.read_text(encoding="utf-8").replace('number: "152"', 'number: "153"').replace('"152-yə"', '"153-ə"'),
        encoding="utf-8",
    )
    site = tmp_path / "offline"
    result = _build(project, site, {"OFFLINE": "true"})
    assert result.returncode == 0, result.stdout + result.stderr
    # No directory URLs offline: every page is a file of its own (rights.html).
    pages = sorted(page for page in site.rglob("*.html") if "assets" not in page.parts)
    assert len(pages) >= len(PAGES)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "tel:153" in html, page
        assert "tel:152" not in html, page
