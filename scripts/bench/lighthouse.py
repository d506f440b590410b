"""Lighthouse scores of the built site, as a phone sees it: performance, accessibility, best
practices and SEO, with the figures behind the performance score.

    python -m scripts.bench.lighthouse SITE_DIR [URL_PATH ...] [--json FILE]

Without URL paths: each language's home page and statistics page. Lighthouse is Google's
page audit (npm package `lighthouse`, pinned in scripts/bench/lighthouse/package.json with its
whole dependency tree and their sha512 hashes in package-lock.json); `npm ci` installs
exactly that tree into .cache/lighthouse-VERSION/ (git-ignored) on first use, with no
install scripts run. It drives Debian's Chromium (CHROME_PATH) against the site served on
127.0.0.1, text gzip-compressed as GitHub Pages sends it (scripts/bench/page_weight.py's
server): no other host is asked for anything. Lighthouse's default mobile test: a
mid-range phone's screen, a simulated slow 4G network and a 4x slower CPU; the simulated
times depend a little on how busy the machine is, so scripts/bench/bench_build.py reports them
and nothing asserts them.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scripts import site_config
from scripts.bench.page_weight import chromium_executable, serve
from scripts.chromium import CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
PACKAGE_DIR = Path(__file__).resolve().parent / "lighthouse"
VERSION = json.loads((PACKAGE_DIR / "package.json").read_text(encoding="utf-8"))["dependencies"]["lighthouse"]
INSTALL_DIR = ROOT / ".cache" / f"lighthouse-{VERSION}"
CLI = INSTALL_DIR / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The figures the performance score is made of (Lighthouse 12's weights: TBT 30 %, LCP and
# CLS 25 % each, FCP and Speed Index 10 % each), and what the page weighed for Lighthouse.
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}
RUN_TIMEOUT_SECONDS = 240


class LighthouseUnavailableError(RuntimeError):
    """Node, npm or Lighthouse cannot be had; the message says what to do."""


@dataclass(frozen=True)
class Report:
    url_path: str
    scores: dict[str, int]  # 0-100 per category
    metrics: dict[str, str]  # "1.2 s", "30 ms", "0.000"
    failing: list[str] = field(default_factory=list)  # audits that cost points, by category

    def row(self) -> list[str]:
        return [
            "/" + self.url_path,
            *(str(self.scores.get(name, "-")) for name in CATEGORIES),
            *(self.metrics.get(key, "-") for key in METRICS),
        ]


def ensure_lighthouse() -> Path:
    """The pinned Lighthouse, installed with `npm ci` on first use, then reused from .cache/."""
    if CLI.is_file():
        return CLI
    npm = shutil.which("npm")
    if not npm or not shutil.which("node"):
        raise LighthouseUnavailableError("Node.js and npm are needed for Lighthouse: `apt-get install nodejs npm`")
    INSTALL_DIR.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(PACKAGE_DIR / name, INSTALL_DIR / name)
    command = [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]
    result = subprocess.run(command, cwd=INSTALL_DIR, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not CLI.is_file():
        raise LighthouseUnavailableError(f"`npm ci` of Lighthouse {VERSION} failed:\n{result.stderr[-2000:]}")
    return CLI


def format_metric(key: str, value: float | None) -> str:
    """Seconds for the paint times, milliseconds for blocking time, the score for layout shift."""
    if value is None:
        return "-"
    if key == "cumulative-layout-shift":
        return f"{value:.3f}"
    if key == "total-blocking-time":
        return f"{value:.0f} ms"
    return f"{value / 1000:.1f} s"


def shown(audit: dict[str, Any]) -> str:
    """An audit's figure as Lighthouse shows it (its score when it shows none), plain spaces."""
    return str(audit.get("displayValue") or audit["score"]).replace("\xa0", " ")


def parse_report(url_path: str, data: dict[str, Any]) -> Report:
    """Scores, metrics and the audits that cost points, from Lighthouse's JSON report."""
    categories = data["categories"]
    scores = {name: round(categories[name]["score"] * 100) for name in CATEGORIES if categories.get(name)}
    audits = data["audits"]
    metrics = {key: format_metric(key, audits[key].get("numericValue")) for key in METRICS if key in audits}
    failing = [
        f"{name}: {ref['id']} ({shown(audits[ref['id']])})"
        for name in CATEGORIES
        if categories.get(name)
        for ref in categories[name]["auditRefs"]
        if ref["weight"] > 0 and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1
    ]
    return Report(url_path=url_path, scores=scores, metrics=metrics, failing=failing)


def audit(cli: Path, url: str, url_path: str) -> Report:
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as temp:
        output = Path(temp) / "report.json"
        command = [
            str(cli),
            url,
            "--quiet",
            f"--chrome-flags={flags}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={output}",
        ]
        env = {"CHROME_PATH": chromium_executable(), "PATH": "/usr/bin:/bin", "HOME": temp}
        result = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_SECONDS, check=False
        )
        if result.returncode != 0 or not output.is_file():
            raise LighthouseUnavailableError(f"Lighthouse failed on /{url_path}:\n{result.stderr[-2000:]}")
        return parse_report(url_path, json.loads(output.read_text(encoding="utf-8")))


def default_pages() -> list[str]:
    """Each language's home page and statistics page."""
    return [
        language.url_prefix() + site_config.page_url(page)
        for language in site_config.languages()
        for page in ("index.md", "statistics.md")
    ]


def audit_site(site_dir: Path, url_paths: list[str], progress: bool = False) -> list[Report]:
    cli = ensure_lighthouse()
    reports = []
    with serve(site_dir) as (base_url, _recorder):
        for url_path in url_paths:
            report = audit(cli, base_url + url_path, url_path)
            if progress:
                print(f"  lighthouse /{url_path}: {report.scores}", file=sys.stderr)
            reports.append(report)
    return reports


def table(reports: list[Report]) -> str:
    header = ["page", *CATEGORIES, *METRICS.values()]
    rows = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    rows += ["| " + " | ".join(report.row()) + " |" for report in reports]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path, help="a built site (mkdocs build --site-dir ...)")
    parser.add_argument("url_paths", nargs="*", help="pages, as paths from the site root (en/statistics/)")
    parser.add_argument("--json", type=Path, help="also write the scores and metrics here")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        parser.error(f"{args.site_dir} has no index.html: build the site first")
    try:
        reports = audit_site(args.site_dir, args.url_paths or default_pages(), progress=True)
    except LighthouseUnavailableError as error:
        print(error, file=sys.stderr)
        return 2
    print(table(reports))
    for report in reports:
        for item in report.failing:
            print(f"/{report.url_path}: {item}")
    if args.json:
        args.json.write_text(json.dumps([report.__dict__ for report in reports], indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
