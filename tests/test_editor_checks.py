"""The editors' checks: each fails on a crafted bad input with a message that names the
file, the line and the fix, and passes on the real content. Also the "edit this page"
link, which must be the only reference to the code host and must not make any request."""

from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, all_page_urls, free_port

from scripts import front_matter, lint_markdown, site_config

PYTHON = sys.executable


def run_command(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m ...` from the repository, as an editor (or CI) would."""
    return subprocess.run(
        [PYTHON, "-m", *args], cwd=ROOT, env={**os.environ, **(env or {})}, capture_output=True, text=True, check=False
    )


# --- Translation status, in temporary git repositories ---------------------------------

MKDOCS_YML = """\
site_name: Test
plugins:
  - i18n:
      docs_structure: folder
      languages:
        - {locale: az, name: Azərbaycanca, default: true}
        - {locale: en, name: English}
        - {locale: ru, name: Русский}
nav:
  - index.md
  - rights.md
"""


def git(repo: Path, *args: str, when: str = "2026-01-01T10:00:00+00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A tiny site: two pages in three languages, all committed at the same time."""
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    for locale in ("az", "en", "ru"):
        for page in ("index.md", "rights.md"):
            path = tmp_path / "docs" / locale / page
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"# {locale} {page}\n", encoding="utf-8")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "editor@example.org")
    git(tmp_path, "config", "user.name", "Editor")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "pages")
    return tmp_path


def translation_status(repo: Path, summary: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {"GITHUB_STEP_SUMMARY": str(summary)} if summary else {}
    return run_command("scripts.translation_status", "--root", str(repo), env=env)


def test_translation_status_passes_when_every_page_is_in_every_language(repo):
    result = translation_status(repo)
    assert result.returncode == 0, result.stdout
    assert "OK: 0 missing, 0 not in nav, 0 outdated (2 pages x 3 languages)." in result.stdout
    assert "WARNING" not in result.stdout


def test_missing_translation_fails_and_says_which_file_to_create(repo):
    (repo / "docs" / "ru" / "rights.md").unlink()
    git(repo, "commit", "-q", "-am", "remove ru")
    result = translation_status(repo)
    assert result.returncode == 1
    assert re.search(r"^rights\.md\s+present\s+present\s+missing$", result.stdout, re.M), result.stdout
    assert (
        "ERROR: docs/ru/rights.md is missing: create it (start from a copy of docs/az/rights.md and translate it)."
        in result.stdout
    )
    assert "FAILED: 1 missing" in result.stdout


def test_page_changed_later_in_one_language_makes_the_others_outdated(repo, tmp_path_factory):
    (repo / "docs" / "en" / "rights.md").write_text("# en rights.md\n\nNew paragraph.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "en: new paragraph", when="2026-02-01T10:00:00+00:00")
    summary = tmp_path_factory.mktemp("summary") / "summary.md"
    result = translation_status(repo, summary)
    assert result.returncode == 0  # outdated is a warning
    assert re.search(r"^rights\.md\s+outdated\s+present\s+outdated$", result.stdout, re.M), result.stdout
    for locale in ("az", "ru"):
        assert (
            f"WARNING: docs/{locale}/rights.md may be outdated: it last changed 2026-01-01 10:00 UTC, "
            "but docs/en/rights.md (2026-02-01 10:00 UTC) changed later. "
            f"Make docs/{locale}/rights.md say the same (and update its last_reviewed)"
        ) in result.stdout
    text = summary.read_text(encoding="utf-8")
    assert "| page | az | en | ru |" in text
    assert "| `rights.md` | ⚠️ outdated | ✅ present | ⚠️ outdated |" in text
    assert "### Files to update" in text
    assert "- docs/az/rights.md may be outdated" in text
    assert "- docs/ru/rights.md may be outdated" in text


def test_uncommitted_change_counts_as_changed_now(repo):
    (repo / "docs" / "ru" / "index.md").write_text("# ru index.md\n\nИзменено.\n", encoding="utf-8")
    result = translation_status(repo)
    assert re.search(r"^index\.md\s+outdated\s+outdated\s+present$", result.stdout, re.M), result.stdout
    assert "but docs/ru/index.md (not committed yet) changed later" in result.stdout


def test_page_missing_from_nav_fails_with_the_line_to_add(repo):
    for locale in ("az", "en"):
        (repo / "docs" / locale / "extra.md").write_text("# extra\n", encoding="utf-8")
    result = translation_status(repo)
    assert result.returncode == 1
    assert (
        "ERROR: extra.md (docs/az/extra.md, docs/en/extra.md) is not listed in nav: of mkdocs.yml. "
        "Add `  - extra.md` under nav: (once, for all languages), or delete the files; "
        "it must also exist as docs/ru/extra.md."
    ) in result.stdout
    assert "FAILED: 0 missing, 1 not in nav" in result.stdout


def test_translation_status_of_the_real_content_has_no_missing_page():
    result = run_command("scripts.translation_status")
    assert result.returncode == 0, result.stdout + result.stderr
    for page in site_config.pages():
        assert re.search(rf"^{re.escape(page)}\s", result.stdout, re.M), f"{page} is not in the table"


# --- Link check, on a tiny built site --------------------------------------------------

TINY_MKDOCS_YML = """\
site_name: Tiny
plugins:
  - i18n:
      docs_structure: folder
      languages:
        - {locale: en, name: English, default: true}
nav:
  - index.md
  - about.md
"""
TINY_INDEX_MD = """\
# Home

Read [about us](about.md).

Meet [the team](about.md#nowhere).

See [the archive](archive.md).
"""
TINY_PAGES = {
    "index.html": """<!doctype html><html lang="en"><head><title>Home</title></head><body>
<h1 id="home">Home</h1>
<p>Read <a href="about/">about us</a>.</p>
<p>Meet <a href="about/#nowhere">the team</a>.</p>
<p>See <a href="archive/">the archive</a>.</p>
<p><a href="#home">Top</a> <a href="tel:155">155</a> <a href="https://www.example.org/">elsewhere</a></p>
</body></html>""",
    "about/index.html": """<!doctype html><html lang="en"><head><title>About</title></head><body>
<h1 id="about">About</h1><h2 id="team">Team</h2><a href="../">Home</a>
</body></html>""",
}


def make_tiny_site(root: Path, broken: bool) -> Path:
    (root / "mkdocs.yml").write_text(TINY_MKDOCS_YML, encoding="utf-8")
    (root / "docs" / "en").mkdir(parents=True)
    (root / "docs" / "en" / "index.md").write_text(TINY_INDEX_MD, encoding="utf-8")
    site = root / "site"
    for name, html in TINY_PAGES.items():
        if not broken:
            html = html.replace("about/#nowhere", "about/#team").replace("archive/", "about/")
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(html, encoding="utf-8")
    return site


def test_link_check_names_the_page_the_line_and_the_fix(tmp_path):
    site = make_tiny_site(tmp_path, broken=True)
    result = run_command("scripts.check_links", str(site), "--root", str(tmp_path))
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    assert "BROKEN: on page (home page) [docs/en/index.md line 5]" in out
    assert "link 'the team' -> about/#nowhere: the page about/ has no anchor #nowhere" in out
    assert "Fix: link to an anchor the page has (its headings: #about «About», #team «Team»), or give" in out
    assert "BROKEN: on page (home page) [docs/en/index.md line 7]" in out
    assert "link 'the archive' -> archive/: archive/ does not exist (404" in out
    assert "Fix: link to the page's Markdown file as it is in docs/ (e.g. [text](rights.md)" in out
    assert "FAILED: 2 broken." in out
    # Only the two broken links: tel:, the page's own #home and the external link are fine.
    assert out.count("BROKEN:") == 2


def test_link_check_passes_on_a_site_without_broken_links(tmp_path):
    site = make_tiny_site(tmp_path, broken=False)
    result = run_command("scripts.check_links", str(site), "--root", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK: none broken." in result.stdout


def test_link_check_of_the_real_site_finds_nothing_broken(site_dir):
    result = run_command("scripts.check_links", str(site_dir))
    assert result.returncode == 0, result.stdout + result.stderr


# --- Markdown style ----------------------------------------------------------------------

MATERIAL_SYNTAX_MD = """\
---
title: Fine
description: Material's syntax passes.
---

# Fine

!!! warning "Call 155"
    An admonition's body is indented:

    - first
    - second

## A heading with its own id {#own-id}

The figure [[stat victims_identified 2017 sex=female]] comes from the dataset.

[[chart victims_identified 2017 by=sex]]

1. one
2. two
    - nested by four spaces
"""


def test_markdown_style_names_file_line_and_fix(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("# Title\nText right after.\n* an item\n\nSee https://example.org  \n", encoding="utf-8")
    result = run_command("scripts.lint_markdown", str(bad))
    assert result.returncode == 1
    out = result.stdout
    assert f"{bad} line 1: Expected 1 blank line below heading [MD022, column 1]" in out
    assert "Fix: leave an empty line before and after the heading" in out
    assert f"{bad} line 3: List should be preceded by blank line [MD032, column 1]" in out
    assert "Fix: leave an empty line before the list's first item and after its last" in out
    assert f"{bad} line 3: List marker '*' does not match expected style '-' [MD004, column 1]" in out
    assert f"{bad} line 5: URL without angle brackets or link formatting: 'https://example.org' [MD034, column 5]" in (
        out
    )
    assert "Fix: remove the spaces at the end of the line" in out
    assert "Markdown style: 5 problem(s)." in out


def test_markdown_style_time_grows_with_the_page_not_its_square(tmp_path):
    # pymarkdownlnt took 106 s on a 2 MB page (its parser re-formats the whole token list on every
    # line). The check must finish a 2 MB page within the time pytest gives any test; the exact
    # time is measured by `make bench`, not here.
    page = (ROOT / "docs" / "en" / "rights.md").read_text(encoding="utf-8")
    body = page.split("---", 2)[2]
    big = tmp_path / "big.md"
    big.write_text(page + body * (2_000_000 // len(body)), encoding="utf-8")
    result = subprocess.run(
        [PYTHON, "-m", "scripts.lint_markdown", str(big)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    # The repeated body repeats its headings: only those findings, none lost to a crash.
    assert result.returncode == 1, result.stderr
    findings = [line for line in result.stdout.splitlines() if line.startswith(str(big))]
    assert findings
    assert {re.search(r"\[(MD\d+)", line).group(1) for line in findings} <= {"MD012", "MD024"}


def test_markdown_style_accepts_materials_syntax_and_markers(tmp_path):
    page = tmp_path / "fine.md"
    page.write_text(MATERIAL_SYNTAX_MD, encoding="utf-8")
    result = run_command("scripts.lint_markdown", str(page))
    assert result.returncode == 0, result.stdout


def test_markdown_style_of_the_real_content_passes():
    result = run_command("scripts.lint_markdown")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_enabled_rule_has_a_fix_for_editors():
    rules = lint_markdown.enabled_rules()
    assert len(rules) >= 10
    assert [rule for rule in rules if rule not in lint_markdown.FIXES] == []
    # Line length is free: one paragraph per line is the rule for pages.
    assert "md013" not in rules


def test_markdown_style_configuration_has_no_unknown_setting():
    result = subprocess.run(
        [
            str(lint_markdown.RUMDL),
            "check",
            "--no-cache",
            "--deny-config-warnings",
            "--config",
            str(lint_markdown.CONFIG),
            str(ROOT / "README.md"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "warning" not in (result.stdout + result.stderr).lower().replace("warnings", ""), result.stderr


# --- Front matter ------------------------------------------------------------------------


def test_front_matter_command_names_file_line_and_fix(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: Rights\nsources: [nobody]\nlast_reviewed: soon\n---\n\n# Rights\n", encoding="utf-8")
    problems = [str(problem) for problem in front_matter.check_page(page, "docs/en/page.md", {"mfa-combating-thb"})]
    assert problems == [
        "docs/en/page.md line 1: front matter: 'description' is missing or empty; add `description: ...` "
        "(one or two sentences for search engines and link previews)",
        "docs/en/page.md line 4: front matter: last_reviewed is 'soon'; write the date as YYYY-MM-DD, e.g. 2026-11-23",
        "docs/en/page.md line 3: front matter: sources names unknown source 'nobody'; known sources: "
        "mfa-combating-thb (add a new source to data/statistics.json first)",
    ]


def test_front_matter_command_fails_on_a_bad_page(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(TINY_MKDOCS_YML, encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "statistics.json").write_text('{"sources": {"mfa-combating-thb": {}}}', encoding="utf-8")
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "en" / "index.md").write_text(
        "---\ntitle: Home\ndescription: The home page.\nlast_reviewed: 2026-11-23\nsources: mfa-combating-thb\n---\n",
        encoding="utf-8",
    )
    result = run_command("scripts.front_matter", "--root", str(tmp_path))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "docs/en/index.md line 5: front matter: sources is 'mfa-combating-thb'; write a list, "
        "e.g. sources: [mfa-combating-thb]"
    ]


def test_front_matter_command_reports_broken_yaml_and_a_missing_block(tmp_path):
    broken = tmp_path / "broken.md"
    broken.write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    none = tmp_path / "none.md"
    none.write_text("# No front matter\n", encoding="utf-8")
    [yaml_problem] = front_matter.check_page(broken, "docs/en/broken.md", set())
    assert yaml_problem.problem.startswith("not valid YAML")
    assert "write each field as `name: value`" in yaml_problem.problem
    [missing] = front_matter.check_page(none, "docs/en/none.md", set())
    assert str(missing).startswith("docs/en/none.md line 1: front matter: there is no front matter")


def test_front_matter_schema_is_the_source_of_the_rules():
    from jsonschema import Draft202012Validator

    schema = front_matter.load_schema()
    Draft202012Validator.check_schema(schema)
    assert (
        list(front_matter.REQUIRED_FIELDS)
        == schema["required"]
        == [
            "title",
            "description",
            "last_reviewed",
            "sources",
        ]
    )
    # A date that does not exist is caught by the schema's format check.
    assert front_matter.front_matter_problems(
        {"title": "T", "description": "D", "last_reviewed": "2026-13-45", "sources": ["a"]}, {"a"}
    ) == ["last_reviewed is '2026-13-45'; write the date as YYYY-MM-DD, e.g. 2026-11-23"]


def test_front_matter_of_the_real_content_passes():
    result = run_command("scripts.front_matter")
    assert result.returncode == 0, result.stdout + result.stderr


# --- Dataset -----------------------------------------------------------------------------


def test_dataset_command_passes_on_the_real_dataset():
    result = run_command("scripts.stats")
    assert result.returncode == 0, result.stdout + result.stderr


# --- "Edit this page" ---------------------------------------------------------------------

EDIT_URI = "https://github.com/example-org/example-site/edit/main/docs/"
# Built for the address it is served from, as on GitHub Pages (see conftest.SITE_URL).
EDIT_SITE_PORT = free_port()
EDIT_SITE_URL = f"http://127.0.0.1:{EDIT_SITE_PORT}/"


@pytest.fixture(scope="module")
def edit_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site built as the workflows build it: with EDIT_URI set."""
    site = tmp_path_factory.mktemp("edit-site")
    result = subprocess.run(
        [PYTHON, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "EDIT_URI": EDIT_URI, "SITE_URL": EDIT_SITE_URL},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_no_edit_link_without_edit_uri():
    # MkDocs gives a page an edit_url only from edit_uri or repo_url: both stay unset by default.
    env = {key: value for key, value in os.environ.items() if key not in {"EDIT_URI", "REPO_URL"}}
    script = "from mkdocs.config import load_config; c = load_config('mkdocs.yml'); print(c.edit_uri, c.repo_url)"
    result = subprocess.run([PYTHON, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["None", "None"]


@pytest.mark.parametrize(("locale", "page", "url_path"), all_page_urls())
def test_every_page_links_to_its_own_file_for_editing(edit_site, locale, page, url_path):
    soup = BeautifulSoup((edit_site / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [link["href"] for link in soup.select("a[rel=edit]")] == [f"{EDIT_URI}{locale}/{page}"]
    # Material's repository widget (its JavaScript calls api.github.com) is nowhere.
    assert soup.select(".md-source, [data-md-component=source]") == []
    mentions = [tag for tag in soup.find_all(True) if any("github" in str(value) for value in tag.attrs.values())]
    assert mentions == soup.select("a[rel=edit]")
    assert "api.github.com" not in str(soup)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


@pytest.fixture(scope="module")
def edit_site_url(edit_site: Path):
    handler = functools.partial(QuietHandler, directory=str(edit_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", EDIT_SITE_PORT), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield EDIT_SITE_URL
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("url_path", ["", "en/", "ru/"])
def test_pages_with_the_edit_link_request_nothing_from_another_host(page, edit_site_url, url_path):
    host = urlparse(edit_site_url).netloc
    foreign: list[str] = []
    page.on("request", lambda request: foreign.append(request.url) if urlparse(request.url).netloc != host else None)
    page.goto(edit_site_url + url_path, wait_until="networkidle")
    assert page.locator("a[rel=edit]").count() == 1
    assert foreign == []


# --- Pre-commit, pull-request template, code owners, the editors' guide -----------------


def test_pre_commit_config_is_valid_and_runs_only_local_project_commands():
    bin_dir = Path(PYTHON).parent
    result = subprocess.run(
        [bin_dir / "pre-commit", "validate-config", ".pre-commit-config.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    targets = makefile_targets()
    for hook in config["repos"][0]["hooks"]:
        assert hook["language"] == "system"
        words = hook["entry"].split()
        if words[0] == "make":
            assert words[-1] in targets, hook["id"]
        else:
            assert (ROOT / words[-1].replace(".", "/")).with_suffix(".py").is_file(), hook["id"]


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][\w-]*):", text, re.M))


def test_codeowners_has_a_line_per_language_folder():
    lines = [
        line.split()
        for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    folders = {words[0]: words[1:] for words in lines}
    for locale in site_config.locales():
        assert folders.get(f"/docs/{locale}/"), f"CODEOWNERS has no owner for /docs/{locale}/"


def test_pull_request_template_has_the_checklist():
    text = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    for words in ("last_reviewed", "sources", "make check", *site_config.locales()):
        assert words in text
    assert text.count("- [ ]") >= 4


GUIDES = {"en": "CONTRIBUTING.md", "az": "CONTRIBUTING.az.md", "ru": "CONTRIBUTING.ru.md"}
# Common English function words: none may be left in the Azerbaijani or Russian guide's prose.
ENGLISH_WORDS = re.compile(
    r"\b(the|and|of|to|is|are|you|your|with|for|this|that|what|not|from|have|will|can|if|or|by|on|in|it|be|"
    r"page|file|link|check|run|build|edit)\b",
    re.IGNORECASE,
)


def prose(markdown: str) -> str:
    """The guide without code (fenced blocks, `inline code`), link targets and file names."""
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return text


@pytest.mark.parametrize("locale", GUIDES)
def test_editors_guide_gives_only_commands_that_exist(locale):
    text = (ROOT / GUIDES[locale]).read_text(encoding="utf-8")
    targets = makefile_targets()
    # `make X` in inline code, or a command line in a code block.
    for target in re.findall(r"(?:^|`)[ \t]*make ([a-z][\w-]*)", text, re.M):
        assert target in targets, f"{GUIDES[locale]}: `make {target}` is not a Makefile target"
    for module in re.findall(r"python -m (scripts(?:\.\w+)+)", text):
        path = ROOT / module.replace(".", "/")
        assert path.with_suffix(".py").is_file() or (path / "__main__.py").is_file(), module
    for name in ("make serve", "make check", "check-translations", "check-links", "last_reviewed", "mkdocs.yml"):
        assert name in text, f"{GUIDES[locale]} does not mention {name}"
    for other, guide in GUIDES.items():
        if other != locale:
            assert guide in text, f"{GUIDES[locale]} does not link to the {other} guide"


@pytest.mark.parametrize("locale", ["az", "ru"])
def test_translated_guides_have_no_english_left(locale):
    text = prose((ROOT / GUIDES[locale]).read_text(encoding="utf-8"))
    assert ENGLISH_WORDS.findall(text) == []
    if locale == "az":
        assert set("əıİğşçöü") <= set(text)
    else:
        assert len(re.findall(r"[а-яё]", text, re.I)) > 2000


def test_readme_points_editors_to_the_guide():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "CONTRIBUTING.md" in readme
    assert "make build   # builds the site into site/" in readme


def test_a_translation_made_later_does_not_make_its_original_outdated(repo):
    # A fresh clone warned that pages written first in English were behind their own translations.
    (repo / "mkdocs.yml").write_text(MKDOCS_YML + "  - new.md\n", encoding="utf-8")
    (repo / "docs" / "en" / "new.md").write_text("# new\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "en: new page", when="2026-02-01T10:00:00+00:00")
    for locale in ("az", "ru"):
        (repo / "docs" / locale / "new.md").write_text(f"# {locale} new\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "az, ru: translations", when="2026-03-01T10:00:00+00:00")
    # The English page changes again later: now the translations are behind.
    assert "WARNING" not in translation_status(repo).stdout
    (repo / "docs" / "en" / "new.md").write_text("# new\n\nMore.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "en: more", when="2026-04-01T10:00:00+00:00")
    out = translation_status(repo).stdout
    assert "WARNING: docs/az/new.md may be outdated" in out
    assert "WARNING: docs/ru/new.md may be outdated" in out
    assert "WARNING: docs/en/new.md" not in out


def test_a_change_that_needs_no_translation_says_so_in_its_commit(repo):
    (repo / "docs" / "az" / "rights.md").write_text("# az rights.md, düzəliş\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "az: typo\n\nTranslation: not needed", when="2026-02-01T10:00:00+00:00")
    assert "WARNING" not in translation_status(repo).stdout
    (repo / "docs" / "az" / "rights.md").write_text("# az rights.md, yeni\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "az: new text", when="2026-03-01T10:00:00+00:00")
    sha = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True).stdout.strip()
    assert "WARNING: docs/en/rights.md may be outdated" in translation_status(repo).stdout
    (repo / ".translation-ignore-revs").write_text(f"# wording only\n{sha}\n", encoding="utf-8")
    assert "WARNING" not in translation_status(repo).stdout


def test_a_fresh_clone_has_no_outdated_translation_warning(tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True, capture_output=True)
    result = run_command("scripts.translation_status", "--root", str(clone))
    assert result.returncode == 0, result.stdout
    assert "WARNING" not in result.stdout, result.stdout
