"""CONTRIBUTING.md's "Adding a page", followed step by step in a copy of the repository
with only the commands the guide gives (`make check`): a new page in three languages is
built and checked, and a page missing in one language is refused with the file to create."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from selectolax.lexbor import LexborHTMLParser

from scripts import site_config

# What an editor's clone holds that the checks read (the guide, the lint rules, the Makefile).
PROJECT_FILES = ("mkdocs.yml", "docs", "overrides", "scripts", "data", "Makefile", "requirements.txt", ".rumdl.toml")
NEW_PAGE = "safe-travel.md"
# A short page per language, written as the guide says: front matter, one `#` title, the hotline marker.
PAGE_TEXT = {
    "az": (
        "Təhlükəsiz səfər",
        "Xaricə işə gedəndə nələrə diqqət etməli.",
        "Şübhəniz varsa, [[hotline]] nömrəsinə zəng edin.",
    ),
    "en": (
        "Travelling safely",
        "What to check before you travel abroad for work.",
        "If in doubt, call [[hotline]].",
    ),
    "ru": (
        "Безопасная поездка",
        "Что проверить перед поездкой на работу за границу.",
        "Если сомневаетесь, звоните по номеру [[hotline]].",
    ),
}


def _copy_repository(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in [*PROJECT_FILES, *(path.name for path in ROOT.glob("CONTRIBUTING*.md"))]:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    # The tools the guide's `make build` installed once ("Setting up"), and the downloads
    # of the first checks (the Russian spelling dictionary).
    (target / ".venv").symlink_to(ROOT / ".venv")
    (ROOT / ".cache").mkdir(exist_ok=True)
    (target / ".cache").symlink_to(ROOT / ".cache")
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "clone"]):
        subprocess.run(
            ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *command],
            cwd=target,
            check=True,
            capture_output=True,
        )
    return target


def _write_page(project: Path, locale: str) -> None:
    title, description, line = PAGE_TEXT[locale]
    text = (
        f"---\ntitle: {title}\ndescription: {description}\nlast_reviewed: 2026-11-23\n"
        f"sources: [mia-annual-report-2017]\n---\n\n# {title}\n\n{line}\n"
    )
    (project / "docs" / locale / NEW_PAGE).write_text(text, encoding="utf-8")


def _add_to_nav(project: Path) -> None:
    # Step 3: one line in nav:, after rights.md.
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - rights.md\n", f"  - rights.md\n  - {NEW_PAGE}\n", 1), encoding="utf-8")


def _make_check(project: Path) -> str:
    """`make check`'s output as the editor's terminal shows it (both streams, in order)."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("MAKE", "GITHUB_"))}
    result = subprocess.run(
        ["make", "--no-print-directory", "check"],
        cwd=project,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    return f"{result.returncode}\n{result.stdout}"


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _copy_repository(tmp_path_factory.mktemp("editor") / "repository")


def test_guide_describes_the_steps_this_test_follows():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    steps = guide.split("## Adding a page", 1)[1].split("\n## ", 1)[0]
    assert "docs/az/safe-travel.md" in steps
    assert "`nav:` in `mkdocs.yml`" in steps
    assert "Run `make check`. It must end with `All checks passed.`" in steps


def test_a_page_missing_in_one_language_names_the_file_to_create(clone):
    for locale in ("az", "en"):
        _write_page(clone, locale)
    _add_to_nav(clone)
    status, output = _make_check(clone).split("\n", 1)
    assert status != "0"
    assert "docs/ru/safe-travel.md" in output
    assert "Some checks failed (translations" in output


def test_a_new_page_in_three_languages_is_built_and_passes_every_check(clone):
    for locale in site_config.locales():
        _write_page(clone, locale)
    status, output = _make_check(clone).split("\n", 1)
    assert status == "0", output[-3000:]
    assert output.rstrip().endswith("All checks passed.")
    # `make check` built the site (check-links): the page is there in every language, in the menu.
    for language in site_config.languages():
        html = (clone / "site" / language.url_prefix() / "safe-travel" / "index.html").read_text(encoding="utf-8")
        title = PAGE_TEXT[language.locale][0]
        tree = LexborHTMLParser(html)
        assert tree.css_first("html").attributes["lang"] == language.locale
        assert tree.css_first("h1").text(strip=True).startswith(title)
        home = (clone / "site" / language.url_prefix() / "index.html").read_text(encoding="utf-8")
        assert title in home, f"{language.locale}: the new page is not in the menu"
