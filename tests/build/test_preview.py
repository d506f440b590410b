"""`make serve` in Chromium: the page reloads when its file is saved (the reload script runs
under the page's Content-Security-Policy), and a failed build shows its problems in the
browser, file, line and fix, instead of a page that never loads."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time

import pytest
from conftest import ROOT, copy_project, free_port

from scripts.build.preview import shows_error_page

# A rebuild of every language takes seconds, more on a busy machine.
WAIT_MS = 240_000


@pytest.fixture
def preview(tmp_path):
    project = copy_project(tmp_path)
    for name in ("Makefile", "requirements.txt"):
        (project / name).write_bytes((ROOT / name).read_bytes())
    # Older than the repository's .venv stamp, so that make does not set up the venv again.
    os.utime(project / "requirements.txt", (0, 0))
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key not in {"SITE_URL", "EDIT_URI"}}
    # The repository's own .venv: the copy has none, and `make serve` would set one up.
    server = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"PREVIEW_PORT={port}", f"VENV={ROOT / '.venv'}"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + WAIT_MS / 1000
        output: list[str] = []
        while time.monotonic() < deadline:
            line = server.stdout.readline()
            output.append(line)
            if "Serving on" in line:
                break
            if server.poll() is not None:
                pytest.fail("make serve stopped:\n" + "".join(output))
        else:
            pytest.fail("make serve did not start:\n" + "".join(output))
        yield project, f"http://127.0.0.1:{port}/"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("/en/rights/", True),
        ("/", True),
        ("/ru/hotline/index.html", True),
        ("/assets/css/site.css", False),
        # The reload script's poll waits for the next build; answered at once, it came back every
        # three seconds, each answer logged as a warning that failed the editor's next build.
        ("/livereload/1764612345/1764612399", False),
    ],
)
def test_a_failed_build_shows_its_error_page_for_pages_only(path, shown):
    assert shows_error_page(path, "/") is shown


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1) if old else text + new, encoding="utf-8")


def test_the_preview_reloads_on_save_and_shows_a_failed_build(page, preview):
    project, url = preview
    blocked: list[str] = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text)
            if "Content Security Policy" in message.text or "violates" in message.text
            else None
        ),
    )
    page.goto(url + "en/rights/")
    source = project / "docs" / "en" / "rights.md"
    # The page reloads by itself (MkDocs' reload script, allowed by the preview's policy).
    # (Not wait_for_function: it evaluates a string, which the page's policy forbids.)
    with page.expect_navigation(timeout=WAIT_MS):
        edit(source, "", "\nLive preview check: saved.\n")
    page.get_by_text("Live preview check: saved.").wait_for(timeout=WAIT_MS)
    assert blocked == []

    # A broken page: the browser shows the problem instead of waiting for ever.
    lines = source.read_text(encoding="utf-8").splitlines()
    edit(source, "", "\nA figure: [[stat victims_identified 2017\n")
    page.locator("[data-build-error]").wait_for(timeout=WAIT_MS)
    message = page.locator("[data-build-error]").inner_text()
    assert re.search(
        rf"docs/en/rights\.md:{len(lines) + 2}: the marker '\[\[stat victims_identified 2017' is not "
        "closed",
        message,
    ), message
    assert "end it with ]] right after its last word" in message

    # Fixed: the page comes back by itself.
    edit(source, "[[stat victims_identified 2017\n", "[[stat victims_identified 2017]]\n")
    page.get_by_text("Live preview check: saved.").wait_for(timeout=WAIT_MS)
    assert page.locator("[data-build-error]").count() == 0
    assert blocked == []
