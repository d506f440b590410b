"""The Nu Html Checker (vnu.jar): fetch it, and check the built site's HTML with it.

    python -m scripts.checks.vnu --setup     Java (Debian's, when root) and the pinned vnu.jar
    python -m scripts.checks.vnu [SITE_DIR]  check every *.html page; prints `page: line:col: message`

The jar comes from the npm package vnu-jar, downloaded straight from the npm registry
(no npm needed) and checked against the registry's published sha512, then kept in
.cache/vnu-jar-VERSION/ (git-ignored) for the next run. Java is Debian's
default-jre-headless: `--setup` installs it when run as root with apt-get (`make test`
does this first, as for Chromium); otherwise it says how to install it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser

from scripts.npm_tarball import NpmTarballError, ensure_files, integrity_of  # noqa: F401 - part of this module's interface (tests)

ROOT = Path(__file__).resolve().parents[2]
VERSION = "26.9.27"
# dist.integrity of https://registry.npmjs.org/vnu-jar/26.9.27: pinned here, so that a
# changed tarball on the registry (or on the way) is refused, as pip's --require-hashes does.
INTEGRITY = "sha512-TkQd5DFfOaWC9ebtvozTsrH2Vaod3jYg+vrOeREzIXxBexLz9+rS2DNtjn7+RPUiZhgli0SghgBX6RJRNea0KA=="
JAR_IN_TARBALL = "package/build/dist/vnu.jar"
CACHE_DIR = ROOT / ".cache" / f"vnu-jar-{VERSION}"
JAR = CACHE_DIR / "vnu.jar"
JAVA_PACKAGE = "default-jre-headless"


class VnuUnavailableError(RuntimeError):
    """Java or vnu.jar cannot be had; the message says how to get it."""


@dataclass(frozen=True)
class VnuError:
    path: str  # relative to the checked folder, e.g. en/rights/index.html
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.line}:{self.column}: {self.message}"


def ensure_jar() -> Path:
    """The pinned vnu.jar, downloaded and checked on first use, then reused from .cache/."""
    try:
        ensure_files("vnu-jar", VERSION, INTEGRITY, {JAR_IN_TARBALL: JAR})
    except NpmTarballError as error:
        raise VnuUnavailableError(f"{error} (pinned in scripts/checks/vnu.py)") from error
    return JAR


def java_path() -> str:
    java = shutil.which("java")
    if not java:
        raise VnuUnavailableError(
            f"Java is missing: run `make test` as root (it installs it) or `sudo apt-get install {JAVA_PACKAGE}`"
        )
    return java


def can_install_with_apt() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get") is not None


def install_java() -> None:
    """Debian's headless Java, quietly, as scripts/ensure_chromium.sh installs Chromium."""
    print(f"Installing Debian's {JAVA_PACKAGE} for the HTML check...", file=sys.stderr)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    # Slim Debian images delete /usr/share/man, and the JRE's post-install step then fails
    # to link its manual pages there.
    Path("/usr/share/man/man1").mkdir(parents=True, exist_ok=True)
    try:
        # A fresh machine (CI's container) has no package lists yet.
        subprocess.run(["apt-get", "update", "-qq"], env=env, check=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", JAVA_PACKAGE], env=env, check=True, stdout=subprocess.DEVNULL
        )
    except subprocess.CalledProcessError as error:
        raise VnuUnavailableError(f"installing {JAVA_PACKAGE} failed: {error}") from error


def setup() -> Path:
    """Java and vnu.jar, installing or downloading what is missing; the jar's path."""
    if shutil.which("java") is None and can_install_with_apt():
        install_java()
    java_path()
    return ensure_jar()


def html_files(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def relative_path(url: str, site_dir: Path) -> str:
    """vnu names a file by its file: URL; the path inside the site is easier to act on."""
    path = Path(unquote(urlsplit(url).path)).resolve()
    try:
        return path.relative_to(site_dir.resolve()).as_posix()
    except ValueError:
        return str(path)


# Errors vnu reports for markup the HTML Standard allows, which this vnu does not know yet:
# (message, CSS selector the element vnu quotes must match, read with an HTML5 parser: the
# pages are minified, with unquoted attributes in minify-html's order). Each is precise, so
# that the same message about other markup still fails.
STANDARD_BUT_UNKNOWN_TO_VNU = [
    # <link rel="expect" blocking="render"> (partials/head-extra.html): the Standard's `blocking`
    # attribute applies to rel=stylesheet and rel=expect
    # (https://html.spec.whatwg.org/multipage/links.html#link-type-expect); vnu 26.9 knows only
    # stylesheet.
    (
        "A “link” element with a “blocking” attribute must have a “rel” attribute whose value is “stylesheet”.",
        'link[rel~="expect"][blocking~="render"]',
    ),
]


def _known_outdated(message: dict[str, object]) -> bool:
    text, extract = str(message.get("message", "")), str(message.get("extract", ""))
    return any(
        text == known and LexborHTMLParser(extract).css_first(selector) is not None
        for known, selector in STANDARD_BUT_UNKNOWN_TO_VNU
    )


def parse_report(report: str, site_dir: Path) -> list[VnuError]:
    """vnu's `--format json` report; errors and non-document errors (a file it could not read),
    but for the errors vnu makes about markup the HTML Standard allows."""
    messages = [message for message in json.loads(report)["messages"] if not _known_outdated(message)]
    return [
        VnuError(
            path=relative_path(message.get("url", ""), site_dir),
            line=int(message.get("lastLine", 0)),
            column=int(message.get("firstColumn", message.get("lastColumn", 0))),
            message=str(message.get("message", "")),
        )
        for message in messages
        if message.get("type") in {"error", "non-document-error"}
    ]


def check(files: Sequence[Path], site_dir: Path) -> list[VnuError]:
    """Every error of vnu over the files, in one Java run (starting Java is the slow part)."""
    if not files:
        return []
    result = subprocess.run(
        [java_path(), "-jar", str(ensure_jar()), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        encoding="utf-8",  # vnu's JSON is UTF-8 whatever the locale
        check=False,
    )
    # vnu writes its report to stderr, and exits 1 when it found errors.
    if result.returncode not in {0, 1} or not result.stderr.lstrip().startswith("{"):
        raise VnuUnavailableError(f"vnu.jar failed (exit {result.returncode}):\n{result.stdout}{result.stderr}")
    return parse_report(result.stderr, site_dir)


def check_site(site_dir: Path) -> list[VnuError]:
    return check(html_files(site_dir), site_dir)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the built site's HTML with the Nu Html Checker.")
    parser.add_argument("site_dir", nargs="?", type=Path, default=ROOT / "site", help="built site (default: site/)")
    parser.add_argument("--setup", action="store_true", help="only install Java and fetch vnu.jar")
    args = parser.parse_args(argv)
    try:
        if args.setup:
            print(setup())
            return 0
        errors = check_site(args.site_dir)
    except VnuUnavailableError as error:
        print(error, file=sys.stderr)
        return 2
    for error in errors:
        print(error)
    print(f"{len(errors)} HTML error(s) in {len(html_files(args.site_dir))} page(s).", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
