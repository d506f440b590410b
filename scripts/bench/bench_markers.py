"""What 1,000 statistics markers across the site add to the build's time (target: < 0.5 s).

    .venv/bin/python -m scripts.bench.bench_markers            # in-process, median of 7 runs
    .venv/bin/python -m scripts.bench.bench_markers --build    # also real builds of a copied project

In-process: one synthetic page per page and language of the site (27), holding 1,000
markers in total (nine in ten `[[stat]]`, one in ten `[[chart]]`, every one a figure the
dataset has), against the same pages with each marker replaced by a plain word. Both go
through what the build does with a page's Markdown: marker replacement (with the
handlers made per page, as the hook makes them) and Python-Markdown with the site's
extensions. The extra cost is the difference of the medians.

Times are CPU seconds (this process's, or the build process's): on a shared 2-core
machine, wall-clock time mostly measures the other jobs. Wall time is printed too.

--build: `mkdocs build --strict` of a copy of the project, with the 1,000 markers
appended to its pages, against the unchanged copy. A build takes seconds, so this
difference is noisier; it includes everything (HTML size, search index, CSP hashing).

A benchmark, not a test: it prints figures and fails nothing.
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
from mkdocs.config import load_config

from scripts import site_config
from scripts.build.held_html import HeldHtml, HeldHtmlExtension
from scripts.content.job_check import load_job_checks
from scripts.content.markers import replace_markers
from scripts.content.page_markers import marker_handlers
from scripts.content.stats.dataset import Dataset, load_dataset
from scripts.content.stats.render import PageContext, breakdown_attribute
from scripts.content.ui_strings import UiStrings, load_ui_strings

ROOT = Path(__file__).resolve().parents[2]
MARKERS = 1000
TARGET_SECONDS = 0.5
# The site's pages have about one chart for every six figures; one in ten is close and round.
CHART_EVERY = 10
RUNS_PER_MEASURE = {False: 7, True: 3}  # in process, real builds; set from the command line
FILLER = "Figures come from official sources and count only the cases that the authorities recorded."


def marker_texts(dataset: Dataset, chart_every: int = CHART_EVERY) -> list[str]:
    """1,000 valid markers: the dataset's figures as [[stat]], every `chart_every`-th one a
    chart the dataset can draw (0: no charts)."""
    stats = [
        f"[[stat {obs.metric} {obs.period} {breakdown_attribute(obs)}]]".replace(" ]]", "]]")
        for obs in dataset.observations
    ]
    breakdown_charts = sorted(
        {
            f"[[chart {obs.metric} {obs.period} by={next(iter(obs.breakdown))}]]"
            for obs in dataset.observations
            if obs.breakdown
        }
    )
    period_charts = sorted(
        {
            f"[[chart {obs.metric} by=period]]"
            for obs in dataset.observations
            if not obs.breakdown and "-" not in obs.period
        }
    )
    charts = breakdown_charts + period_charts
    stat_cycle, chart_cycle = itertools.cycle(stats), itertools.cycle(charts)
    return [
        next(chart_cycle) if chart_every and index % chart_every == chart_every - 1 else next(stat_cycle)
        for index in range(MARKERS)
    ]


def synthetic_pages(markers: Sequence[str], pages: int) -> list[list[str]]:
    """The markers spread evenly over `pages` pages (as lists of markers)."""
    return [list(markers[index::pages]) for index in range(pages)]


def page_markdown(markers: Sequence[str], with_markers: bool) -> str:
    """A page: each marker (or a word instead) in a paragraph of ordinary text; charts on lines of their own."""
    blocks = ["# A page of figures", ""]
    for marker in markers:
        if marker.startswith("[[chart"):
            blocks += [marker if with_markers else "Chart.", ""]
        else:
            blocks += [f"{FILLER} In 2017, {marker if with_markers else 'seventy'} people were identified.", ""]
    return "\n".join(blocks)


def markdown_converter(held: HeldHtml) -> markdown.Markdown:
    # MkDocs' own reading of mkdocs.yml: the same extensions and settings as the build
    # (including Python objects such as the heading-id slugify function), and, as the
    # hooks add it, the extension that puts markers' HTML in without parsing it.
    config = load_config(str(ROOT / "mkdocs.yml"))
    extensions = [*config["markdown_extensions"], HeldHtmlExtension(held)]
    return markdown.Markdown(extensions=extensions, extension_configs=config["mdx_configs"])


@dataclass(frozen=True)
class Site:
    """What the hooks load once per build."""

    dataset: Dataset
    ui: dict[str, dict[str, str]]
    job_checks: Any


def render_site(pages: Sequence[tuple[str, str]], site: Site, convert: bool) -> int:
    """Every (locale, markdown) page through marker replacement (and Markdown if `convert`); the output size."""
    held = HeldHtml()
    converter = markdown_converter(held)
    size = 0
    for number, (locale, text) in enumerate(pages):
        page_url = f"{locale}/page-{number}/"
        context = PageContext(
            locale=locale, sources_url="../sources/", text=UiStrings(site.ui, locale), page_url=page_url
        )
        handlers = marker_handlers(site.dataset, site.job_checks[locale], context)
        held.start_page()
        output = replace_markers(text, handlers, f"docs/{locale}/page-{number}.md", hold_html=held.hold)
        size += len(converter.reset().convert(output) if convert else output)
    return size


@dataclass(frozen=True)
class Timing:
    cpu: float  # median CPU seconds
    wall: float  # median wall-clock seconds


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(runs: Sequence[Callable[[], object]], subprocesses: bool = False) -> list[Timing]:
    """Median times of each callable, run in turns (a, b, a, b ...) so that drifting load hits both alike."""
    cpu: list[list[float]] = [[] for _ in runs]
    wall: list[list[float]] = [[] for _ in runs]
    clock = _children_cpu if subprocesses else time.process_time
    for _ in range(RUNS_PER_MEASURE[subprocesses]):
        for index, run in enumerate(runs):
            cpu_start, wall_start = clock(), time.perf_counter()
            run()
            cpu[index].append(clock() - cpu_start)
            wall[index].append(time.perf_counter() - wall_start)
    return [Timing(statistics.median(c), statistics.median(w)) for c, w in zip(cpu, wall, strict=True)]


def report(title: str, plain: Timing, marked: Timing) -> float:
    print(title)
    print(f"  without markers: {plain.cpu:.3f} s CPU ({plain.wall:.3f} s wall)")
    print(f"  with markers:    {marked.cpu:.3f} s CPU ({marked.wall:.3f} s wall)")
    extra = marked.cpu - plain.cpu
    verdict = "within" if extra < TARGET_SECONDS else "OVER"
    print(
        f"  extra for {MARKERS} markers: {extra:.3f} s CPU ({marked.wall - plain.wall:.3f} s wall); {verdict} the "
        f"{TARGET_SECONDS} s target"
    )
    return extra


def in_process_scenario(site: Site, chart_every: int, convert: bool) -> float:
    locales = site_config.locales()
    page_count = len(locales) * len(site_config.pages())
    spread = synthetic_pages(marker_texts(site.dataset, chart_every), page_count)
    with_markers = [(locales[i % len(locales)], page_markdown(m, True)) for i, m in enumerate(spread)]
    without = [(locales[i % len(locales)], page_markdown(m, False)) for i, m in enumerate(spread)]
    render_site(with_markers, site, convert)  # warm-up: imports, template compilation
    plain, marked = measure(
        [lambda: render_site(without, site, convert), lambda: render_site(with_markers, site, convert)]
    )
    kinds = f"1 in {chart_every} a chart" if chart_every else "[[stat]] only"
    work = "marker replacement and Markdown" if convert else "marker replacement alone"
    title = f"In process, {work}: {page_count} pages, {MARKERS} markers ({kinds}), median of {RUNS_PER_MEASURE[False]}"
    return report(title, plain, marked)


def in_process() -> None:
    locales = site_config.locales()
    site = Site(load_dataset(), load_ui_strings(locales), load_job_checks(locales))
    for chart_every, convert in ((0, False), (CHART_EVERY, False), (0, True), (CHART_EVERY, True)):
        in_process_scenario(site, chart_every, convert)
        print()


def copy_project(target: Path) -> Path:
    for name in ("mkdocs.yml", "docs", "overrides", "scripts", "data"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def add_markers(project: Path, markers: Sequence[str]) -> None:
    files = sorted((project / "docs").glob("*/*.md"))
    for path, chunk in zip(files, synthetic_pages(markers, len(files)), strict=True):
        body = page_markdown(chunk, True).split("\n", 2)[2]  # without the synthetic page's heading
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + body + "\n", encoding="utf-8")


def build(project: Path) -> Callable[[], object]:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(project / "out")]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return lambda: subprocess.run(command, cwd=project, env=environment, check=True)


def real_builds() -> float:
    with tempfile.TemporaryDirectory(prefix="bench-markers-") as folder:
        plain_project = copy_project(Path(folder) / "plain")
        marked_project = copy_project(Path(folder) / "marked")
        add_markers(marked_project, marker_texts(load_dataset()))
        plain, marked = measure([build(plain_project), build(marked_project)], subprocesses=True)
    runs = RUNS_PER_MEASURE[True]
    return report(f"Real builds (mkdocs build --strict of a copied project), median of {runs} runs", plain, marked)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the build's extra cost for 1,000 statistics markers.")
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement in process (default 7)")
    parser.add_argument("--build", action="store_true", help="also time real builds of a copied project")
    parser.add_argument("--build-runs", type=int, default=3, help="runs per real build measurement (default 3)")
    arguments = parser.parse_args(argv)
    RUNS_PER_MEASURE.update({False: arguments.runs, True: arguments.build_runs})
    in_process()
    if arguments.build:
        real_builds()
    return 0


if __name__ == "__main__":
    sys.exit(main())
