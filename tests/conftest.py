"""Shared fixtures: one strict build of the real site per test session, a local
static server for it, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts import site_config  # noqa: E402
from scripts.chromium import CHROMIUM_ARGS  # noqa: E402
from scripts.content.phones import load_phone_numbers  # noqa: E402

# The hotline as data/phones.yml gives it: the tests check the pages against the setting.
HOTLINE_NUMBER = load_phone_numbers(site_config.locales())["hotline"]

BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class BuildResult:
    site_dir: Path
    output: str


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# The test server's address is fixed before the build, so that the site is built
# for the address it is served from, as on GitHub Pages (absolute hreflang links).
SITE_PORT = free_port()
SITE_URL = f"http://127.0.0.1:{SITE_PORT}/"


def run_mkdocs_build(project_dir: Path, site_dir: Path, site_url: str = SITE_URL) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project_dir,
        env={**BUILD_ENV, "SITE_URL": site_url},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    site_dir = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(ROOT, site_dir)
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{output}"
    return BuildResult(site_dir=site_dir, output=output)


@pytest.fixture(scope="session")
def site_dir(built_site: BuildResult) -> Path:
    return built_site.site_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", SITE_PORT), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield SITE_URL
    server.shutdown()


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        # Fail, never skip: a missing browser must not turn the browser tests green.
        pytest.fail("Chromium is not installed: run `make test` (it installs it) or `apt-get install chromium`")
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    yield page
    context.close()


def all_page_urls() -> list[tuple[str, str, str]]:
    """(locale, page, url path from the site root) for every page in every language."""
    return [
        (language.locale, page, language.url_prefix() + site_config.page_url(page))
        for language in site_config.languages()
        for page in site_config.pages()
    ]


def copy_project(tmp_path: Path) -> Path:
    """A copy of what the build reads, to change and build in a test without touching the project."""
    project = tmp_path / "project"
    for name in ("mkdocs.yml", "docs", "overrides", "scripts", "data"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            project.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, project / name)
    return project
