"""The offline copy of the whole site: a zip that works from `file://` (a USB stick, a
classroom computer with no network).

    python -m scripts.offline [--output site/downloads/site-offline.zip]

Directory URLs (`rights/`) break under file://, so the copy is a second build with
Material's offline plugin switched on (OFFLINE=true in mkdocs.yml): `use_directory_urls`
off, and the search index also written as a script, since a page opened from a file
cannot fetch JSON. Such a page cannot start a Web Worker either; the plugin runs the
search worker in a hidden iframe with the iframe-worker shim, which scripts/hooks.py
takes from overrides/assets/javascripts/iframe-worker/ instead of a CDN.

The shim writes one inline script into that iframe, and the iframe inherits the page's
Content-Security-Policy (scripts/csp.py), so each page of the copy also allows that
script by its SHA-256 hash. The zip is deterministic: sorted names, fixed dates and modes.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

from scripts.csp import script_hash
from scripts.schools import OFFLINE_ZIP_PATH

ROOT = Path(__file__).resolve().parent.parent
# Where the shim is served from in the site, and where it lives in the repository.
SHIM_PATH = "assets/javascripts/iframe-worker/shim.js"
SHIM_FILE = ROOT / "overrides" / SHIM_PATH
DEFAULT_OUTPUT = ROOT / "site" / OFFLINE_ZIP_PATH
# The folder the zip unpacks into.
ZIP_FOLDER = "site-offline"
# 1980-01-01, the earliest date a zip entry can hold: the same bytes for the same site.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

_CONFIG = re.compile(r'<script id="__config" type="application/json">(?P<json>.*?)</script>', re.S)
_CSP_META = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")(?P<policy>[^"]*)(")')
_IFRAME_SCRIPT = re.compile(r"<html><body><script>(?P<template>.*?)<\\/script>")
_PLACEHOLDER = re.compile(r"\$\{(?P<name>\w+)\}")
# Alternate-language links to the published site: for search engines only. Material also
# fetches each one's sitemap.xml, which from file:// the page's policy blocks: drop them.
_ALTERNATE_LINK = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\s*')


class OfflineError(Exception):
    pass


def local_polyfills(polyfills: Iterable[str]) -> list[str]:
    """The theme's polyfills with the iframe-worker shim from this site, never from a CDN."""
    return [SHIM_PATH if "iframe-worker" in url else url for url in polyfills]


def _function_source(shim: str, name: str) -> str:
    """The text of `function name(...){...}` in the shim, as Function.prototype.toString gives it."""
    start = shim.find(f"function {name}(")
    if start == -1:
        raise OfflineError(f"{SHIM_PATH}: no function {name}(); was the shim upgraded? Check scripts/offline.py")
    depth = 0
    for index in range(shim.index("{", start), len(shim)):
        depth += {"{": 1, "}": -1}.get(shim[index], 0)
        if depth == 0:
            return shim[start : index + 1]
    raise OfflineError(f"{SHIM_PATH}: function {name}() is not closed")


def iframe_script(shim: str, worker_url: str) -> str:
    """The inline script the shim writes into its iframe for a worker at `worker_url`.

    The shim builds it from a template literal: `${c}` and `${d}` are two of its own
    functions (their source text), `${e}` the worker's URL as the page passed it."""
    match = _IFRAME_SCRIPT.search(shim)
    if not match or "\\" in match.group("template"):
        raise OfflineError(f"{SHIM_PATH}: the iframe's inline script was not found; was the shim upgraded?")

    def value(placeholder: re.Match[str]) -> str:
        name = placeholder.group("name")
        # The shim's functions by their source; the one other placeholder is the URL.
        return _function_source(shim, name) if f"function {name}(" in shim else worker_url

    return _PLACEHOLDER.sub(value, match.group("template"))


def _worker_url(page_html: str) -> str | None:
    config = _CONFIG.search(page_html)
    return json.loads(config.group("json")).get("search") if config else None


def allow_iframe_worker(page_html: str, shim: str) -> str:
    """The page with the shim's inline script allowed by hash in its policy (if it has both)."""
    worker_url = _worker_url(page_html)
    meta = _CSP_META.search(page_html)
    if not worker_url or not meta:
        return page_html
    digest = script_hash(iframe_script(shim, worker_url))
    directives = [part.strip() for part in html.unescape(meta.group("policy")).split(";")]
    directives = [f"{part} {digest}" if part.split(" ")[0] == "script-src" else part for part in directives]
    policy = html.escape("; ".join(directives), quote=False).replace('"', "&quot;")
    return page_html[: meta.start("policy")] + policy + page_html[meta.end("policy") :]


def build_offline_site(site_dir: Path, environ: dict[str, str] | None = None) -> None:
    """A strict build of the site with the offline plugin on, into `site_dir`."""
    env = {**(os.environ if environ is None else environ), "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    # No "Edit this page" links: they lead to the repository, out of reach offline.
    env.pop("EDIT_URI", None)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise OfflineError("the offline build failed:\n" + result.stdout + result.stderr)
    if not (site_dir / "search" / "search_index.js").is_file():
        raise OfflineError("the offline build has no search/search_index.js: is the offline plugin enabled?")


def prepare_pages(site_dir: Path, shim: str) -> None:
    # The not-found page is for a web server, which a copy opened from files has not; its links
    # lead from the server's root, which from file:// is the disk's.
    (site_dir / "404.html").unlink(missing_ok=True)
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        allowed = allow_iframe_worker(_ALTERNATE_LINK.sub("", text), shim)
        if allowed != text:
            page.write_text(allowed, encoding="utf-8")


def write_zip(site_dir: Path, output: Path) -> None:
    """Every file of `site_dir` under ZIP_FOLDER/, in name order, with fixed dates and modes."""
    output.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(path for path in site_dir.rglob("*") if path.is_file())
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{ZIP_FOLDER}/{path.relative_to(site_dir).as_posix()}", date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, so that the mode above is read as such
            archive.writestr(info, path.read_bytes(), compresslevel=9)


def make_offline_zip(output: Path = DEFAULT_OUTPUT, environ: dict[str, str] | None = None) -> Path:
    shim = SHIM_FILE.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="site-offline-") as temp:
        site_dir = Path(temp) / "site"
        build_offline_site(site_dir, environ)
        prepare_pages(site_dir, shim)
        write_zip(site_dir, output)
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help=f"default: site/{OFFLINE_ZIP_PATH}")
    args = parser.parse_args(argv)
    try:
        output = make_offline_zip(args.output)
    except OfflineError as error:
        print(f"offline copy: {error}", file=sys.stderr)
        return 1
    print(f"offline copy: {output} ({output.stat().st_size / 1_000_000:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
