"""Which marker names exist and what replaces them, for one page of one language.

The single registry of markers: a name not listed here fails the build.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from scripts.job_check import JobCheck, render_job_check
from scripts.markers import Handler, Marker, MarkerError, RawHtml
from scripts.phones import Phones, render_danger_numbers
from scripts.stats.dataset import Dataset
from scripts.stats.render import (
    PageContext,
    render_chart,
    render_downloads,
    render_source_line,
    render_stat,
    source_title,
)


def _job_check(marker: Marker, check: JobCheck, text: Callable[[str], str], phones: Phones) -> RawHtml:
    if marker.args or marker.options:
        raise MarkerError(f"{marker.text}: [[job-check]] takes no arguments")
    labels = {"yes": text("jobcheck.yes"), "no": text("jobcheck.no"), "warnings": text("jobcheck.warnings")}
    return RawHtml(render_job_check(check, labels, phones).strip(), block=True)


def _danger_numbers(marker: Marker, dataset: Dataset, page: PageContext, phones: Phones) -> RawHtml:
    source = phones.get("emergency").source
    html = render_danger_numbers(
        marker, phones, page.text, f"{page.sources_url}#{source}", source_title(dataset, source, page.locale)
    )
    return RawHtml(str(html), block=True)


def marker_handlers(dataset: Dataset, job_check: JobCheck, page: PageContext, phones: Phones) -> dict[str, Handler]:
    return {
        "stat": lambda marker: RawHtml(render_stat(marker, dataset, page)),
        # "Source: ..." for a statement of law or of a service, with the kind of source.
        "source": lambda marker: RawHtml(render_source_line(marker, dataset, page)),
        "chart": lambda marker: RawHtml(render_chart(marker, dataset, page).strip(), block=True),
        "job-check": partial(_job_check, check=job_check, text=page.text, phones=phones),
        # A block of its own (a list of links): blank lines keep it out of the paragraph around it.
        "downloads": lambda marker: RawHtml(render_downloads(marker, page), block=True),
        # Phone numbers come from data/phones.yml: [[hotline]], [[hotline call]], [[phone ID]].
        "hotline": lambda marker: RawHtml(str(phones.marker_html(marker))),
        "phone": lambda marker: RawHtml(str(phones.marker_html(marker))),
        "danger-numbers": partial(_danger_numbers, dataset=dataset, page=page, phones=phones),
    }


def page_label(docs_dir: Path, src_path: str) -> str:
    """The page file as an editor finds it in the repository: docs/en/rights.md."""
    return (Path(docs_dir.name) / src_path).as_posix()
