"""Build benchmarks: how long the real site takes to build, and how that grows with content.

    .venv/bin/python -m scripts.bench.bench_build            # or: make bench
    .venv/bin/python -m scripts.bench.bench_build --runs 1 --scales 10 --no-page-weight   # quicker

1. The real site: `mkdocs build --strict` RUNS times (3) with nothing reused from an earlier
   build (BUILD_CACHE=off), then RUNS times with .cache/build/ filled, each into a fresh folder;
   the median wall and CPU time, and the peak memory (ru_maxrss of the build process, from wait4).
2. Its page weight (scripts/bench/page_weight.py) and every page's layout shift on a phone and a
   desktop (scripts/bench/layout_shift.py) in Chromium, unless --no-page-weight; Lighthouse's
   mobile scores (scripts/bench/lighthouse.py) of each language's home, statistics and heaviest
   page, unless --no-lighthouse.
3. Growth: a temporary copy of the project with synthetic pages added, so that each
   language has 10x and 100x the pages of the real site; every page has front matter,
   figures (`[[stat ...]]`) and a chart (`[[chart ...]]`). Three builds up to 10x (median;
   --scale-runs), one above, with nothing reused. They are not in the nav; one more build (--nav-scale, 10x)
   lists them in the nav, to show what a long nav costs (every page carries the nav).

Then PERFORMANCE.md is rewritten with the figures and the machine they come from
(--output; --no-write to only print). Seconds are noisy - on a shared machine they
mostly measure the other jobs - so they are reported, never asserted; the page weight
is deterministic and tests/bench/test_page_weight.py asserts it.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from scripts import site_config
from scripts.bench import layout_shift, lighthouse, page_weight
from scripts.build import search_index

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "PERFORMANCE.md"
TEMPLATES = Environment(  # noqa: S701 - it writes Markdown, not HTML
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    undefined=StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
# Not copied into the temporary project: history, the environment, the built site (top
# level only) and caches (anywhere).
TOP_LEVEL_SKIP = {".git", ".venv", "site", "node_modules"}
CACHES = {"__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis"}
# A build that takes longer than this is stopped and reported as such, so the command ends.
BUILD_TIMEOUT_SECONDS = 45 * 60
SYNTHETIC_FOLDER = "bench"
# The search button and panel's script, on every page (its index and lunr load on first open).
SEARCH_SCRIPT = "assets/js/search.js"
SOURCE_ID = "mia-annual-report-2017"

# The synthetic pages' words, per language: neutral text around the markers, so that
# the dataset gives every figure (no number is typed here).
SYNTHETIC_TEXT = {
    "az": {
        "title": "Sınaq səhifəsi {number}",
        "description": "Yalnız saytın qurulma vaxtını ölçmək üçün yaradılan səhifə.",
        "lead": "Bu səhifə yalnız qurulma vaxtının məzmunla necə artdığını ölçmək üçündür və dərc edilmir.",
        "heading": "Rəqəmlər",
        "figures": "2017-ci ildə [[stat victims_identified 2017]] nəfər insan alverinin qurbanı kimi "
        "müəyyən edilib: [[stat victims_identified 2017 sex=female]] qadın və "
        "[[stat victims_identified 2017 sex=male]] kişi.",
        "sources": "Mənbələr",
    },
    "en": {
        "title": "Synthetic page {number}",
        "description": "A page made only to measure how long the site takes to build.",
        "lead": "This page exists only to measure how the build time grows with content; it is never published.",
        "heading": "Figures",
        "figures": "In 2017, [[stat victims_identified 2017]] people were identified as victims of trafficking: "
        "[[stat victims_identified 2017 sex=female]] women and [[stat victims_identified 2017 sex=male]] men.",
        "sources": "Sources",
    },
    "ru": {
        "title": "Тестовая страница {number}",
        "description": "Страница, созданная только для измерения времени сборки сайта.",
        "lead": "Эта страница нужна только для того, чтобы измерить, как время сборки растёт вместе с "
        "содержимым; она не публикуется.",
        "heading": "Цифры",
        "figures": "Число людей, признанных пострадавшими от торговли людьми в 2017 году: "
        "[[stat victims_identified 2017]]; из них женщин: [[stat victims_identified 2017 sex=female]], "
        "мужчин: [[stat victims_identified 2017 sex=male]].",
        "sources": "Источники",
    },
}


@dataclass(frozen=True)
class BuildRun:
    seconds: float  # wall clock
    cpu_seconds: float  # user + system time of the build process: what the build itself costs
    peak_rss_mb: float
    ok: bool
    detail: str = ""


@dataclass(frozen=True)
class ScaleResult:
    factor: int
    pages: int  # pages of all languages
    run: BuildRun
    site_mb: float
    search_index_kb: float  # every language's index together (search/<locale>.js)


def timed_build(
    project_dir: Path,
    site_dir: Path,
    timeout: float = BUILD_TIMEOUT_SECONDS,
    cache: bool = False,
    python: str = sys.executable,
) -> BuildRun:
    """One strict build in its own process: wall time and that process's peak memory. Without
    `cache`, the build reuses nothing from an earlier one (scripts/build/build_cache.py).
    `python`: the interpreter whose MkDocs builds (another revision's venv: compare_builds.py)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BUILD_CACHE": "on" if cache else "off"}
    for name in ("OFFLINE", "EDIT_URI"):
        env.pop(name, None)  # the published build, as a local `make build` does it
    command = [python, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=project_dir, env=env, stdout=log, stderr=subprocess.STDOUT)
        while True:
            # wait4, not wait: it returns the resource use of this one child (ru_maxrss in KiB).
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                process.kill()
                _, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.05)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
    ok = process.returncode == 0
    detail = "" if ok else (f"stopped after {timeout:.0f} s" if seconds > timeout else _last_lines(output))
    cpu = usage.ru_utime + usage.ru_stime
    return BuildRun(seconds=seconds, cpu_seconds=cpu, peak_rss_mb=usage.ru_maxrss / 1024, ok=ok, detail=detail)


def _describe(result: BuildRun) -> str:
    status = "" if result.ok else " FAILED"
    return f"  {result.seconds:.1f} s wall, {result.cpu_seconds:.1f} s CPU, {result.peak_rss_mb:.0f} MB{status}"


def _last_lines(output: str, count: int = 8) -> str:
    return "\n".join(output.strip().splitlines()[-count:])


def _skipped(directory: str, names: list[str]) -> set[str]:
    top = Path(directory).resolve() == ROOT
    return {name for name in names if name in CACHES or (top and name in TOP_LEVEL_SKIP)}


def copy_project(destination: Path) -> Path:
    shutil.copytree(ROOT, destination, ignore=_skipped, symlinks=True)
    return destination


def synthetic_page(locale: str, number: int) -> str:
    text = SYNTHETIC_TEXT[locale]
    # Zero-padded, as in the file name: a bare 102 or 152 would be a phone number typed by hand
    # to the build's check (scripts/content/phones.py), and the build would stop.
    title = text["title"].format(number=f"{number:04d}")
    return "\n".join(
        [
            "---",
            f"title: {title}",
            f"description: {text['description']}",
            "last_reviewed: 2026-11-23",
            f"sources: [{SOURCE_ID}]",
            "---",
            "",
            f"# {title}",
            "",
            text["lead"],
            "",
            f"## {text['heading']}",
            "",
            text["figures"],
            "",
            "[[chart victims_identified 2017 by=sex]]",
            "",
            f"[{text['sources']}](../sources.md#{SOURCE_ID})",
            "",
        ]
    )


def add_synthetic_pages(project_dir: Path, per_language: int, in_nav: bool) -> list[str]:
    """Write `per_language` pages into each language folder (and list them in the nav)."""
    pages = [f"{SYNTHETIC_FOLDER}/page-{number:04d}.md" for number in range(1, per_language + 1)]
    for locale in site_config.locales():
        folder = project_dir / "docs" / locale / SYNTHETIC_FOLDER
        folder.mkdir(parents=True)
        for number, page in enumerate(pages, start=1):
            (project_dir / "docs" / locale / page).write_text(synthetic_page(locale, number), encoding="utf-8")
    if in_nav:
        add_to_nav(project_dir / "mkdocs.yml", pages)
    return pages


def add_to_nav(mkdocs_yml: Path, pages: list[str]) -> None:
    """Append a nav section with the pages (as text: the file's `!ENV` tags must stay)."""
    lines = mkdocs_yml.read_text(encoding="utf-8").splitlines()
    start = lines.index("nav:")
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith((" ", "#"))):
        end += 1
    while not lines[end - 1].strip():
        end -= 1
    indent = re.match(r"\s*", lines[start + 1]).group(0)
    section = [f"{indent}- Synthetic:", *(f"{indent}    - {page}" for page in pages)]
    mkdocs_yml.write_text("\n".join([*lines[:end], *section, *lines[end:]]) + "\n", encoding="utf-8")


def folder_mb(folder: Path) -> float:
    return sum(file.stat().st_size for file in folder.rglob("*") if file.is_file()) / 1_000_000


def log(message: str) -> None:
    print(f"[{datetime.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


@contextmanager
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="bench-build-") as temp:
        yield Path(temp)


def median_run(runs: list[BuildRun]) -> BuildRun:
    """Median times; the highest peak memory."""
    return BuildRun(
        seconds=statistics.median(item.seconds for item in runs),
        cpu_seconds=statistics.median(item.cpu_seconds for item in runs),
        peak_rss_mb=max(item.peak_rss_mb for item in runs),
        ok=True,
    )


def bench_real_site(runs: int, temp: Path) -> tuple[list[BuildRun], list[BuildRun], Path]:
    """RUNS builds with nothing reused (cold), then RUNS with .cache/build/ filled by the build
    before (warm: `make serve`, `make build` again, the tests' builds)."""
    cold: list[BuildRun] = []
    warm: list[BuildRun] = []
    site_dir = temp / "site-0"
    log("real site: a build to fill .cache/build/ (not timed)")
    timed_build(ROOT, temp / "site-warm-up", cache=True)
    for runs_of, cache in ((cold, False), (warm, True)):
        for number in range(runs):
            site_dir = temp / f"site-{len(cold) + len(warm)}"
            log(f"real site, {'warm' if cache else 'cold'}: build {number + 1} of {runs}")
            result = timed_build(ROOT, site_dir, cache=cache)
            log(_describe(result))
            if not result.ok:
                raise SystemExit(f"the real site does not build:\n{result.detail}")
            runs_of.append(result)
    return cold, warm, site_dir


def bench_scale(factor: int, runs: int, temp: Path, in_nav: bool = False) -> ScaleResult:
    base_pages = len(site_config.pages())
    project = copy_project(temp / f"project-{factor}x")
    added = base_pages * (factor - 1)
    add_synthetic_pages(project, added, in_nav)
    pages = base_pages * factor * len(site_config.locales())
    results: list[BuildRun] = []
    site_dir = temp / f"site-{factor}x"
    for number in range(runs):
        shutil.rmtree(site_dir, ignore_errors=True)
        log(f"{factor}x: {pages} pages, build {number + 1} of {runs}")
        result = timed_build(project, site_dir)
        log(_describe(result))
        results.append(result)
        if not result.ok:
            break
    ok = [item for item in results if item.ok]
    chosen = median_run(ok) if ok else results[-1]
    result = ScaleResult(
        factor=factor,
        pages=pages,
        run=chosen,
        site_mb=folder_mb(site_dir) if site_dir.is_dir() else 0.0,
        search_index_kb=search_indexes_kb(site_dir),
    )
    shutil.rmtree(project, ignore_errors=True)
    shutil.rmtree(site_dir, ignore_errors=True)
    return result


def search_indexes_kb(site_dir: Path) -> float:
    """Every language's search index together, before gzip (0 when the build failed)."""
    indexes = [site_dir / search_index.index_path(item.locale) for item in site_config.languages()]
    return sum(index.stat().st_size for index in indexes if index.is_file()) / 1000


def search_rows(site_dir: Path) -> list[dict[str, str]]:
    """Per language: what opening search downloads (scripts/build/search_index.py search_costs)."""
    return [
        {
            "locale": cost.locale,
            "index_bytes": str(cost.index_bytes),
            "index_gzip": str(cost.index_gzip),
            "scripts_gzip": str(cost.scripts_gzip),
            "total_gzip_kb": page_weight.kb(cost.total_gzip),
        }
        for cost in search_index.search_costs(site_dir)
    ]


def machine() -> dict[str, str]:
    memory = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        match = re.search(r"MemTotal:\s+(\d+) kB", meminfo.read_text())
        if match:
            memory = f"{int(match.group(1)) / 1024 / 1024:.1f} GiB"
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    chromium_version = "not installed"
    if chromium:
        found = subprocess.run([chromium, "--version"], capture_output=True, text=True, check=False)
        chromium_version = found.stdout.strip().removeprefix("Chromium ") or "unknown"
    cpu_model = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        match = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu_model = match.group(1).strip() if match else cpu_model
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    return {
        "CPUs": f"{os.cpu_count()} ({cpu_model})",
        "Memory": memory,
        "Load average (1 min) at the start": f"{load:.1f}",
        "OS": platform.platform(),
        "Python": platform.python_version(),
        "MkDocs": importlib.metadata.version("mkdocs"),
        "Material for MkDocs": importlib.metadata.version("mkdocs-material"),
        "Chromium": chromium_version,
    }


def growth_rows(base: ScaleResult, scales: list[ScaleResult], nav: ScaleResult | None) -> list[dict[str, str]]:
    """One row per build; "vs linear" compares CPU time with the real site's times the multiple."""
    rows = []
    for item in [base, *scales, *([nav] if nav else [])]:
        ok = item.run.ok
        rows.append(
            {
                "scale": f"{item.factor}x" + (", in the nav" if item is nav else ""),
                "pages": str(item.pages),
                "seconds": f"{item.run.seconds:.1f}" if ok else f"failed: {item.run.detail.splitlines()[-1]}",
                "cpu_seconds": f"{item.run.cpu_seconds:.1f}" if ok else "-",
                "per_page_ms": f"{item.run.cpu_seconds / item.pages * 1000:.0f}" if ok else "-",
                "vs_linear": f"{item.run.cpu_seconds / (base.run.cpu_seconds * item.factor):.2f}" if ok else "-",
                "peak_rss_mb": f"{item.run.peak_rss_mb:.0f}",
                "site_mb": f"{item.site_mb:.1f}",
                "search_index_kb": f"{item.search_index_kb:.0f}",
            }
        )
    return rows


def lighthouse_pages(weights: list[page_weight.PageWeight] | None) -> list[str]:
    """Each language's home page, statistics page and heaviest first visit (once each)."""
    pages: list[str] = []
    for language in site_config.languages():
        prefix = language.url_prefix()
        chosen = [prefix + site_config.page_url("index.md"), prefix + site_config.page_url("statistics.md")]
        own = [item for item in weights or [] if item.locale == language.locale]
        if own:
            chosen.append(max(own, key=lambda item: item.first_visit.total).url_path)
        # The heaviest page is often the statistics page: each page is audited once.
        pages += [path for path in dict.fromkeys(chosen) if path not in pages]
    return pages


@dataclass(frozen=True)
class Analysis:
    short: str  # one sentence for "In short"
    paragraphs: list[str]


def analysis(base: ScaleResult, scales: list[ScaleResult], nav: ScaleResult | None) -> Analysis:
    """What the figures say about growth, in sentences for editors (Markdown)."""
    done = [item for item in scales if item.run.ok]
    if not done:
        return Analysis("no larger build finished", [])
    first, largest = done[0], done[-1]
    # A straight line through the real site and the smallest multiple: fixed start-up + cost per page.
    per_page = (first.run.cpu_seconds - base.run.cpu_seconds) / (first.pages - base.pages)
    fixed = base.run.cpu_seconds - per_page * base.pages
    paragraphs = [
        f"**Per page:** a build costs about {fixed:.1f} s of CPU whatever the content (starting Python, "
        f"MkDocs and the theme, copying the theme's files, the post-build steps) plus about "
        f"{per_page * 1000:.0f} ms per page (the line through the real site and {first.factor}x). On the real "
        f"site the fixed part is most of the build, which is why 10x the pages cost far less than 10x the time."
    ]
    short = f"a fixed {fixed:.1f} s of CPU plus about {per_page * 1000:.0f} ms per page"
    if largest is not first:
        predicted = fixed + per_page * largest.pages
        ratio = largest.run.cpu_seconds / predicted
        linear = 0.85 <= ratio <= 1.15
        verdict = "linear" if linear else f"{abs(ratio - 1) * 100:.0f}% {'above' if ratio > 1 else 'below'} linear"
        short += f"; at {largest.factor}x {verdict} ({largest.run.cpu_seconds:.0f} s against {predicted:.0f} s)"
        paragraphs.append(
            f"**Linear?** That line predicts {predicted:.0f} s of CPU for {largest.factor}x ({largest.pages} "
            f"pages); the build took {largest.run.cpu_seconds:.0f} s: {verdict}. The search index grows with the "
            f"text ({largest.search_index_kb / 1000:.1f} MB at {largest.factor}x for all languages together; a "
            f"reader downloads only their language's index, and only when they open search, but at that size "
            f"it would be too heavy for a phone on prepaid data). Peak memory went from "
            f"{base.run.peak_rss_mb:.0f} MB to {largest.run.peak_rss_mb:.0f} MB: MkDocs keeps every page and "
            f"the search index in memory while it builds."
        )
    same = next((item for item in done if nav and item.factor == nav.factor), None)
    if nav and nav.run.ok and same:
        per_language = len(site_config.pages())
        links = nav.pages // len(site_config.locales())
        extra_link_pages = nav.pages * (links - per_language)  # synthetic links, summed over all pages
        bytes_per_link = (nav.site_mb - same.site_mb) * 1_000_000 / extra_link_pages
        cpu_per_link = (nav.run.cpu_seconds - same.run.cpu_seconds) / extra_link_pages
        big_links = largest.pages * (largest.pages // len(site_config.locales()) - per_language)
        paragraphs.append(
            f"**Where it is not linear: the navigation.** Every page carries the whole nav (Material's drawer "
            f"works without JavaScript because its links are in the HTML). With the {nav.factor}x pages listed "
            f"in the nav, each page holds {links} nav links: the site grew from {same.site_mb:.1f} MB to "
            f"{nav.site_mb:.1f} MB and the build took {nav.run.cpu_seconds / same.run.cpu_seconds:.2f} times "
            f"the CPU - about {bytes_per_link:.0f} bytes and {cpu_per_link * 1e6:.0f} µs of CPU per nav link "
            f"per page. That cost grows with pages x nav links, so with the square of the number of pages when "
            f"every page is in the nav: at {largest.factor}x it would add about "
            f"{bytes_per_link * big_links / 1e9:.1f} GB of HTML and {cpu_per_link * big_links / 60:.0f} min of "
            f"CPU. Keep the nav to the main pages; link long series of pages from an index page."
        )
        short += "; listing every page in the nav makes it grow with the square of the pages"
    return Analysis(short, paragraphs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="builds of the real site (median reported)")
    parser.add_argument("--scales", type=int, nargs="*", default=[10, 100], help="content multiples to build")
    parser.add_argument(
        "--scale-runs", type=int, default=3, help="builds per multiple up to 10x (median); larger ones build once"
    )
    parser.add_argument(
        "--nav-scale", type=int, default=10, help="also build this multiple with every page in the nav (0: skip)"
    )
    parser.add_argument(
        "--no-page-weight", action="store_true", help="skip the page weight and layout shift (no Chromium)"
    )
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (it needs Node.js and npm)")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="the report to write (PERFORMANCE.md)")
    parser.add_argument("--no-write", action="store_true", help="print the report instead of writing it")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    facts = machine()
    log("machine: " + "; ".join(f"{key} {value}" for key, value in facts.items()))
    with scratch() as temp:
        runs, warm_runs, site_dir = bench_real_site(args.runs, temp)
        weights = None
        shifts = None
        reports = None
        if not args.no_page_weight:
            log("page weight: every page in Chromium")
            weights = page_weight.measure_with_chromium(site_dir, progress=True)
            log("layout shift: every page in Chromium, on a phone and a desktop")
            shifts = layout_shift.measure_with_chromium(site_dir, [item.url_path for item in weights])
        if not args.no_lighthouse:
            log("Lighthouse (mobile): home, statistics and heaviest page of each language")
            reports = lighthouse.audit_site(site_dir, lighthouse_pages(weights), progress=True)
        base = ScaleResult(
            factor=1,
            pages=len(site_config.pages()) * len(site_config.locales()),
            run=median_run(runs),
            site_mb=folder_mb(site_dir),
            search_index_kb=search_indexes_kb(site_dir),
        )
        search = search_rows(site_dir)
        search_js_gzip = page_weight.transfer_size(site_dir / SEARCH_SCRIPT)
        # Small multiples are quick and noisy: several builds. Large ones are slow: one.
        scales = [bench_scale(factor, args.scale_runs if factor <= 10 else 1, temp) for factor in args.scales]
        nav = bench_scale(args.nav_scale, 1, temp, in_nav=True) if args.nav_scale else None

    summary = page_weight.summary(weights) if weights else None
    report = TEMPLATES.get_template("performance.md.j2").render(
        date=datetime.date.today().isoformat(),
        machine=facts,
        runs=runs,
        warm_runs=warm_runs,
        warm=median_run(warm_runs),
        base=base,
        growth=growth_rows(base, scales, nav),
        analysis=analysis(base, scales, nav),
        weight_summary=summary,
        search=search,
        search_js_kb=page_weight.kb(search_js_gzip),
        weight_summary_text=page_weight.summary_text(summary) if summary else "",
        weight_table=page_weight.table(weights) if weights else "",
        shift_table=layout_shift.table(shifts) if shifts else "",
        shift_max={name: max(item.score(name) for item in shifts) for name in layout_shift.VIEWPORTS}
        if shifts
        else None,
        shift_pages_moving=[item.url_path for item in shifts if any(item.shifts.values())] if shifts else [],
        lighthouse_table=lighthouse.table(reports) if reports else "",
        lighthouse_reports=reports or [],
        lighthouse_version=lighthouse.VERSION,
        budgets={
            "median": page_weight.kb(page_weight.FIRST_VISIT_MEDIAN_BUDGET),
            "first": page_weight.kb(page_weight.FIRST_VISIT_BUDGET),
            "second": page_weight.kb(page_weight.SECOND_PAGE_BUDGET),
        },
        kb=page_weight.kb,
        total_minutes=(time.perf_counter() - started) / 60,
    )
    print(report, end="")
    if not args.no_write:
        args.output.write_text(report, encoding="utf-8")
        log(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
