"""The offline copy of the whole site: a zip that works from `file://` (a USB stick, a
classroom computer with no network).

    python -m scripts.build.offline [--output site/downloads/site-offline.zip]

Directory URLs (`rights/`) break under file://, so the copy is a second build with
Material's offline plugin switched on (OFFLINE=true in mkdocs.yml): `use_directory_urls`
off. Search works from a file as it does online: its index is a script per language
(search/<locale>.js, scripts/build/search_index.py), which a page opened from a file may load
where it could not fetch JSON, and it runs in the page, with no Web Worker (which a
file:// page cannot start). The plugin's iframe-worker shim, which Material's search
worker would need there, is left out (local_polyfills). The zip is deterministic: sorted
names, fixed dates and modes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

from scripts import site_config
from scripts.build.search_index import index_path
from scripts.content.schools import OFFLINE_ZIP_PATH

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUTPUT = ROOT / "site" / OFFLINE_ZIP_PATH
# The folder the zip unpacks into.
ZIP_FOLDER = "site-offline"
# 1980-01-01, the earliest date a zip entry can hold: the same bytes for the same site.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


class OfflineError(Exception):
    pass


def local_polyfills(polyfills: Iterable[str]) -> list[str]:
    """The theme's polyfills without the iframe-worker shim the offline plugin adds from a
    CDN: it runs Material's search worker from file://, and the site's search uses none."""
    return [url for url in polyfills if "iframe-worker" not in url]


def build_offline_site(site_dir: Path, environ: dict[str, str] | None = None) -> None:
    """A strict build of the site with the offline plugin on, into `site_dir`."""
    env = {**(os.environ if environ is None else environ), "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    # No "Edit this page" links: they lead to the repository, out of reach offline.
    env.pop("EDIT_URI", None)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise OfflineError("the offline build failed:\n" + result.stdout + result.stderr)
    indexes = [site_dir / index_path(language.locale) for language in site_config.languages()]
    missing = [str(path) for path in indexes if not path.is_file()]
    if missing:
        raise OfflineError(f"the offline build has no search index {', '.join(missing)}")


def prepare_pages(site_dir: Path) -> None:
    # The not-found page is for a web server, which a copy opened from files has not; its links
    # lead from the server's root, which from file:// is the disk's.
    # (Its alternate-language links, for search engines, are left out by overrides/main.html.)
    (site_dir / "404.html").unlink(missing_ok=True)


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
    with tempfile.TemporaryDirectory(prefix="site-offline-") as temp:
        site_dir = Path(temp) / "site"
        build_offline_site(site_dir, environ)
        prepare_pages(site_dir)
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
