"""Valid HTML: the Nu Html Checker (vnu.jar, scripts/checks/vnu.py) finds no error on any built page,
in any language, Material's markup included. Warnings are not checked."""

from __future__ import annotations

import json
import tarfile
from pathlib import Path

import pytest

from scripts import npm_tarball, site_config
from scripts.checks import vnu


def require_vnu() -> None:
    # Fail, never skip: a machine without Java must not turn the HTML check green.
    try:
        vnu.java_path()
        vnu.ensure_jar()
    except vnu.VnuUnavailableError as error:
        pytest.fail(f"The HTML check cannot run: {error}")


def listing(errors: list[vnu.VnuError]) -> str:
    return "\n".join(f"{error.path}:{error.line}: {error.message}" for error in errors)


def test_every_built_page_is_valid_html(site_dir):
    require_vnu()
    pages = vnu.html_files(site_dir)
    names = {page.relative_to(site_dir).as_posix() for page in pages}
    assert "404.html" in names
    for language in site_config.languages():
        assert f"{language.url_prefix()}index.html" in names, f"no home page for {language.locale}"
    errors = vnu.check(pages, site_dir)
    assert not errors, f"{len(errors)} HTML error(s) found by the Nu Html Checker:\n{listing(errors)}"


INVALID_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Invalid</title></head>
<body>
<p id="twice">One</p>
<span><div>A block inside a phrase</div></span>
<p id="twice">Two</p>
</body>
</html>
"""


def test_the_check_catches_invalid_html(tmp_path):
    require_vnu()
    page = tmp_path / "en" / "bad" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(INVALID_PAGE, encoding="utf-8")
    errors = vnu.check([page], tmp_path)
    report = listing(errors)
    assert {error.path for error in errors} == {"en/bad/index.html"}
    assert "en/bad/index.html:6: Element “div” not allowed as child of element “span”" in report
    assert "en/bad/index.html:7: Duplicate ID “twice”." in report


def test_a_report_is_read_into_site_relative_errors(tmp_path):
    report = {
        "messages": [
            {
                "type": "error",
                "url": f"file:{tmp_path}/ru/a%20b/index.html",
                "lastLine": 3,
                "firstColumn": 5,
                "message": "Stray end tag “p”.",
            },
            {
                "type": "info",
                "subType": "warning",
                "url": f"file:{tmp_path}/index.html",
                "lastLine": 1,
                "message": "Consider adding a “lang” attribute.",
            },
            {"type": "non-document-error", "url": f"file:{tmp_path}/gone.html", "message": "File not found."},
        ]
    }
    errors = vnu.parse_report(json.dumps(report), tmp_path)
    assert [str(error) for error in errors] == [
        "ru/a b/index.html: 3:5: Stray end tag “p”.",
        "gone.html: 0:0: File not found.",
    ]


def test_only_the_known_outdated_error_is_let_through(tmp_path):
    message = "A “link” element with a “blocking” attribute must have a “rel” attribute whose value is “stylesheet”."
    report = {
        "messages": [
            {
                "type": "error",
                "url": f"file:{tmp_path}/index.html",
                "lastLine": 18,
                "message": message,
                "extract": '<link rel="expect" href="#header-end" blocking="render">',
            },
            {
                "type": "error",
                "url": f"file:{tmp_path}/index.html",
                "lastLine": 19,
                "message": message,
                "extract": '<link rel="preload" href="a.css" blocking="render">',
            },
            {
                "type": "error",
                "url": f"file:{tmp_path}/en/index.html",
                "lastLine": 1,
                "message": message,
                # As minify-html writes it (tests/build/test_build_output.py).
                "extract": "s.js></script><link blocking=render href=#header-end rel=expect><body",
            },
            {
                "type": "error",
                "url": f"file:{tmp_path}/ru/index.html",
                "lastLine": 1,
                "message": message,
                "extract": "<link blocking=render href=a.css rel=preload><link rel=expect href=#x>",
            },
        ]
    }
    assert [str(error) for error in vnu.parse_report(json.dumps(report), tmp_path)] == [
        f"index.html: 19:0: {message}",
        f"ru/index.html: 1:0: {message}",
    ]


def test_the_downloaded_package_is_checked_against_its_pinned_hash(tmp_path):
    # The sha512 of no bytes, in the notation of the registry's dist.integrity.
    assert vnu.integrity_of(b"") == (
        "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg=="
    )
    tarball = tmp_path / "package.tgz"
    jar = tmp_path / "vnu.jar"
    jar.write_bytes(b"jar bytes")
    with tarfile.open(tarball, "w:gz") as archive:
        archive.add(jar, arcname=vnu.JAR_IN_TARBALL)
    unpacked = tmp_path / "cache" / "vnu.jar"
    npm_tarball.members_of(tarball.read_bytes(), {vnu.JAR_IN_TARBALL: unpacked}, "vnu-jar.tgz")
    assert unpacked.read_bytes() == b"jar bytes"


def test_the_command_prints_page_line_column_and_message(tmp_path, monkeypatch, capsys):
    found = [vnu.VnuError(path="en/index.html", line=7, column=1, message="Duplicate ID “twice”.")]
    monkeypatch.setattr(vnu, "check_site", lambda site_dir: found)
    assert vnu.main([str(tmp_path)]) == 1
    assert capsys.readouterr().out.splitlines() == ["en/index.html: 7:1: Duplicate ID “twice”."]
    monkeypatch.setattr(vnu, "check_site", lambda site_dir: [])
    assert vnu.main([str(tmp_path)]) == 0


def test_make_test_sets_up_java_and_the_checker_first():
    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text(encoding="utf-8")
    assert "\ntest: $(STAMP) chromium vnu\n" in makefile
    assert "scripts.checks.vnu --setup" in makefile
