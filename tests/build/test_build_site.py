"""`make build` and `make publish` (scripts/build/build_site.py): atomic, with the offline copy; a
preview names no address; a build for publishing needs SITE_URL and names no other."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import copy_project

from scripts.build.search_index import MATERIAL_INDEX, index_path
from scripts.content.stats.downloads import csv_download, json_download

PYTHON = sys.executable
PUBLISHED = "https://example-owner.github.io/example-site/"


def build(project: Path, *args: str, site_url: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in {"SITE_URL", "EDIT_URI"}}
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [PYTHON, "-m", "scripts.build.build_site", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project after `make build`."""
    project = copy_project(tmp_path_factory.mktemp("preview"))
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def test_a_failed_build_leaves_the_previous_site_exactly_as_it_was(preview):
    site = preview / "site"
    before = fingerprint(site)
    assert (site / "downloads" / "site-offline.zip").is_file()
    # A problem in the last language built (Russian): the first two languages were already done.
    page = preview / "docs" / "ru" / "rights.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\nЧисло: [[stat victims_identified 2017\n", encoding="utf-8")
    try:
        result = build(preview)
    finally:
        page.write_text(original, encoding="utf-8")
    assert result.returncode == 1
    assert "docs/ru/rights.md" in result.stderr
    assert "is not closed" in result.stderr
    assert "The build failed: site is unchanged." in result.stderr, result.stderr[-600:]
    assert fingerprint(site) == before
    # No half-built folder is left beside it.
    assert sorted(path.name for path in preview.iterdir() if path.name.startswith(".site")) == []


def test_a_preview_names_no_address_and_marks_the_handout(preview):
    site = preview / "site"
    offenders = [
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.suffix in {".html", ".xml", ".json", ".js", ".css", ".txt"} and "127.0.0.1" in path.read_text("utf-8")
    ]
    assert offenders == []
    assert list(site.rglob("sitemap.xml")) == []
    home = BeautifulSoup((site / "en" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select('link[rel="canonical"], link[rel="alternate"][hreflang]') == []
    for prefix in ("", "en/", "ru/"):
        handout = BeautifulSoup((site / prefix / "handout" / "index.html").read_text("utf-8"), "html.parser")
        assert handout.select("figure.qr svg") == []
        assert handout.select_one("p.qr--preview[data-preview]").get_text(strip=True)
    # The schools page links to the offline copy that this build made, by a relative link.
    schools = BeautifulSoup((site / "en" / "schools" / "index.html").read_text("utf-8"), "html.parser")
    assert [a["href"] for a in schools.select('a[href$="site-offline.zip"]')] == ["../../downloads/site-offline.zip"]


def test_a_preview_gets_the_same_finishing_steps_as_a_published_build(preview):
    """The last post-build step (scripts/hooks.py) runs in a preview too, which has no sitemap."""
    site = preview / "site"
    # The 404 page in the default language, the statistics downloads in every language,
    # one search index per language in place of Material's combined one.
    not_found = BeautifulSoup((site / "404.html").read_text("utf-8"), "html.parser")
    assert not_found.html["lang"] == "az"
    assert (site / json_download()).is_file()
    for locale in ("az", "en", "ru"):
        assert (site / csv_download(locale)).is_file(), locale
        assert (site / index_path(locale)).is_file(), locale
    assert not (site / MATERIAL_INDEX).exists()


def test_a_broken_anchor_stops_a_preview_build(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "en" / "rights.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nSee [the hotline](hotline.md#no-such-heading).\n", encoding="utf-8")
    line = len(text.splitlines()) + 2
    result = build(project, "--no-offline")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"docs/en/rights.md line {line}: the link 'the hotline'" in result.stderr, result.stderr[-1500:]
    assert "#no-such-heading" in result.stderr


def test_a_build_for_publishing_refuses_to_run_without_the_address(tmp_path):
    result = build(Path(__file__).resolve().parents[2], "--publish", "--site-dir", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "ERROR: SITE_URL is not set: a build for publishing needs the site's published address" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_published_build_names_its_address_and_never_127_0_0_1(tmp_path):
    project = copy_project(tmp_path)
    result = build(project, "--publish", site_url=PUBLISHED)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    texts = {
        path.relative_to(site).as_posix(): path.read_text("utf-8")
        for path in site.rglob("*")
        if path.suffix in {".html", ".xml", ".json", ".js", ".css", ".txt"}
    }
    assert [name for name, text in texts.items() if "127.0.0.1" in text or "localhost" in text] == []
    home = BeautifulSoup(texts["en/index.html"], "html.parser")
    assert home.select_one('link[rel="canonical"]')["href"] == PUBLISHED + "en/"
    assert home.select_one('link[rel="alternate"][hreflang="ru"]')["href"] == PUBLISHED + "ru/"
    assert f"<loc>{PUBLISHED}ru/" in texts["ru/sitemap.xml"]
    handout = BeautifulSoup(texts["ru/handout/index.html"], "html.parser")
    assert handout.select_one("a.qr__link")["href"] == PUBLISHED + "ru/"
    # The offline copy, read from files, has no links for search engines to the published pages.
    with zipfile.ZipFile(site / "downloads" / "site-offline.zip") as archive:
        offline_home = BeautifulSoup(archive.read("site-offline/en/index.html").decode("utf-8"), "html.parser")
    assert offline_home.select('link[rel="alternate"]') == []
    assert offline_home.select_one("h1").get_text(strip=True)
