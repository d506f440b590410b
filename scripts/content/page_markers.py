"""Which marker names exist and what replaces them, for one page of one language.

The single registry of markers: a name not listed here fails the build.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from markupsafe import Markup

from scripts.content.job_check import JobCheck, render_job_check
from scripts.content.markers import Handler, Marker, MarkerError, RawHtml
from scripts.content.phones import Phones, render_danger_numbers
from scripts.content.stats.charts import render_chart, render_table
from scripts.content.stats.dataset import Dataset
from scripts.content.stats.render import (
    PageContext,
    render_downloads,
    render_source_line,
    render_stat,
    source_title,
)
from scripts.content.stats.source_list import render_source_list


def _job_check(marker: Marker, check: JobCheck, dataset: Dataset, page: PageContext, phones: Phones) -> RawHtml:
    if marker.args or marker.options:
        raise MarkerError(f"{marker.text}: [[job-check]] takes no arguments")
    labels = {key: page.text(f"jobcheck.{key}") for key in ("yes", "no", "warnings", "own_advice")}

    def source_line(sources: tuple[str, ...]) -> Markup:
        # The same "Source: ..." line as [[source ID ...]] in a page, linked to the sources page.
        line = render_source_line(Marker("source", sources, text=marker.text), dataset, page)
        return Markup(line)  # noqa: S704 - rendered by an autoescaped template

    return RawHtml(render_job_check(check, labels, phones, source_line).strip(), block=True)


def _danger_numbers(marker: Marker, dataset: Dataset, page: PageContext, phones: Phones) -> RawHtml:
    source = phones.get("emergency").source
    html = render_danger_numbers(
        marker, phones, page.text, f"{page.sources_url}#{source}", source_title(dataset, source, page.locale)
    )
    return RawHtml(str(html), block=True)


def marker_handlers(dataset: Dataset, job_check: JobCheck, page: PageContext, phones: Phones) -> dict[str, Handler]:
    return {
        "stat": lambda marker: render_stat(marker, dataset, page),
        # "Source: ..." for a statement of law or of a service, with the kind of source.
        "source": lambda marker: RawHtml(render_source_line(marker, dataset, page)),
        # Charts and tables of figures: scripts/content/stats/charts.py.
        "chart": lambda marker: RawHtml(render_chart(marker, dataset, page), block=True),
        "table": lambda marker: RawHtml(render_table(marker, dataset, page), block=True),
        # The sources page's list of every source, grouped by kind (a block of its own).
        "source-list": lambda marker: RawHtml(render_source_list(marker, dataset, page), block=True),
        "job-check": partial(_job_check, check=job_check, dataset=dataset, page=page, phones=phones),
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
