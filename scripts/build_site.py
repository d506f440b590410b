"""Build the site into site/ atomically, with its offline copy.

    python -m scripts.build_site              a preview (`make build`): no published address
    python -m scripts.build_site --publish    for GitHub Pages (`make publish`): needs SITE_URL

Both builds (the site, and the offline copy of scripts/offline.py, zipped into
downloads/site-offline.zip) run side by side in temporary folders next to site/. Only when
both have finished does the new site replace site/; a failed build, in any language, leaves
site/ exactly as it was. (MkDocs empties its site_dir first, and mkdocs-static-i18n builds the
languages one inside the other, so building straight into site/ left half a site behind.)
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from scripts import site_urls
from scripts.offline import OfflineError, make_offline_zip
from scripts.schools import OFFLINE_ZIP_PATH

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SITE = ROOT / "site"


class BuildError(Exception):
    """The build failed; the message is MkDocs' output, which names each problem."""


def publish_url_problem(environ: dict[str, str]) -> str | None:
    """Why a build for publishing cannot run, or None."""
    value = environ.get(site_urls.ENV_NAME, "").strip()
    if not value:
        return (
            f"{site_urls.ENV_NAME} is not set: a build for publishing needs the site's published address, "
            f"e.g. {site_urls.ENV_NAME}=https://owner.github.io/repository/ make publish "
            "(the Pages workflow sets it; for a preview, run make build)"
        )
    if not value.startswith(("https://", "http://")):
        return f"{site_urls.ENV_NAME} is {value!r}: write the full address, starting with https://"
    return None


def _mkdocs_build(site_dir: Path, env: dict[str, str]) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BuildError(result.stdout + result.stderr)


def build_into(site_dir: Path, env: dict[str, str], offline: bool = True) -> None:
    """The site, and (with `offline`) its zipped offline copy, into the empty folder `site_dir`."""
    env = {**env, "NO_MKDOCS_2_WARNING": "1", "OFFLINE_ZIP": "true" if offline else "false"}
    with tempfile.TemporaryDirectory(prefix=".offline-", dir=site_dir.parent) as temp:
        zip_path = Path(temp) / "site-offline.zip"
        with ThreadPoolExecutor(max_workers=2) as pool:
            site = pool.submit(_mkdocs_build, site_dir, env)
            copy = pool.submit(make_offline_zip, zip_path, env) if offline else None
            site.result()
            if copy is not None:
                copy.result()
        if offline:
            target = site_dir / OFFLINE_ZIP_PATH
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(zip_path, target)


def swap_in(new: Path, site_dir: Path) -> None:
    """Put the finished build `new` in place of site_dir: two renames on one file system."""
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=".site-old-", dir=site_dir.parent))
        old.rmdir()
        site_dir.rename(old)
    new.rename(site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def build_site(site_dir: Path = DEFAULT_SITE, env: dict[str, str] | None = None, offline: bool = True) -> None:
    env = dict(os.environ if env is None else env)
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=".site-new-", dir=site_dir.parent))
    try:
        build_into(new, env, offline)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    swap_in(new, site_dir)


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--publish", action="store_true", help="a build for publishing: SITE_URL must be set")
    parser.add_argument("--site-dir", type=Path, default=Path("site"), help="default: site/")
    parser.add_argument("--no-offline", action="store_true", help="without the offline copy (faster)")
    args = parser.parse_args(argv)
    env = dict(os.environ)
    if args.publish:
        problem = publish_url_problem(env)
        if problem:
            print(f"ERROR: {problem}", file=sys.stderr)
            return 2
    else:
        # A preview never names an address, even when SITE_URL is set in the shell.
        env.pop(site_urls.ENV_NAME, None)
    start = time.monotonic()
    try:
        build_site(args.site_dir, env, offline=not args.no_offline)
    except (BuildError, OfflineError) as error:
        print(problem_lines(str(error)), file=sys.stderr)
        print(
            f"\nThe build failed: {_shown(args.site_dir)} is unchanged. Fix the problems above and build again.",
            file=sys.stderr,
        )
        return 1
    kind = f"for {env[site_urls.ENV_NAME]}" if args.publish else "preview (no published address)"
    offline = "" if args.no_offline else f", with the offline copy ({OFFLINE_ZIP_PATH})"
    print(f"Built {_shown(args.site_dir)}: {kind}{offline}, in {time.monotonic() - start:.1f} s.")
    return 0


def problem_lines(output: str) -> str:
    """The lines of MkDocs' output that name problems: its ERROR and WARNING messages with what
    follows them, without the INFO lines and the banner."""
    kept: list[str] = []
    keeping = False
    for line in output.splitlines():
        if line.startswith(("ERROR", "WARNING")):
            keeping = True
        elif line.startswith(("INFO", "DEBUG")) or "\x1b[" in line or not line.strip():
            keeping = False
            continue
        if keeping:
            kept.append(line)
    return "\n".join(kept) or output.strip()


if __name__ == "__main__":
    sys.exit(main())
