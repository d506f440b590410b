"""Turn `[[stat ...]]` and `[[chart ...]]` markers into figures from the dataset.

`[[stat METRIC PERIOD key=value]]` -> the value in the page's language, linked to its
source on the sources page. `[[chart METRIC PERIOD by=DIMENSION]]` -> a bar chart of
that breakdown; `[[chart METRIC by=period]]` -> the metric's totals over the years the
dataset has. Charts are SVG from a Jinja template, with the same data as a table.
`[[downloads]]` -> links to the dataset as JSON and as a CSV in the page's language.

Every figure is a `<data>` element carrying its metric, period and breakdown, so the
tests can check each number a reader sees against the dataset.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from mkdocs.utils import get_relative_url

from scripts.markers import Marker, MarkerError
from scripts.stats.dataset import Dataset, Observation, available, find_observation
from scripts.stats.downloads import csv_download, json_download
from scripts.stats.format import format_value, format_year_period

TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    keep_trailing_newline=False,
)

CHART_WIDTH = 640
LABEL_WIDTH = 220
BAR_AREA = 300
BAR_HEIGHT = 28
ROW_GAP = 12


@dataclass(frozen=True)
class PageContext:
    """What rendering needs to know about the page being built."""

    locale: str
    sources_url: str  # relative URL of the sources page from this page
    text: Callable[[str], str]  # interface strings in the page's language
    page_url: str  # this page's URL from the site root ("en/statistics/"), for relative links


@dataclass(frozen=True)
class Bar:
    label: str
    observation: Observation
    text: str
    y: float
    width: float

    @property
    def value(self) -> float:
        return self.observation.value


def source_href(observation: Observation, page: PageContext) -> str:
    return f"{page.sources_url}#{observation.source}"


def source_title(dataset: Dataset, source_id: str, locale: str) -> str:
    source = dataset.sources[source_id]
    return source.title_local.get(locale, source.title) if source.title_local else source.title


def _lookup(dataset: Dataset, marker: Marker, metric: str, period: str, breakdown: dict[str, str]) -> Observation:
    try:
        return find_observation(dataset, metric, period, breakdown)
    except LookupError as error:
        raise MarkerError(f"{marker.text}: {error.args[0] if error.args else error}") from None


LATEST = "latest"
# Kinds of source whose figures carry a note saying so (data/ui/statistics.yml "stats.kind.*").
MARKED_KINDS = ("foreign_government", "news_of_official", "news")


def latest_period(dataset: Dataset, marker: Marker, metric: str, breakdown: dict[str, str]) -> str:
    """The latest single year the dataset has a figure for: `[[stat METRIC latest]]` follows new data."""
    wanted = tuple(sorted(breakdown.items()))
    years = sorted(
        period
        for (metric_id, period, parts) in dataset.by_key
        if metric_id == metric and parts == wanted and "-" not in period
    )
    if not years:
        has = available(dataset, metric)
        raise MarkerError(f"{marker.text}: the dataset has no yearly figure for {metric}; it has: {has}")
    return years[-1]


def kind_note(dataset: Dataset, source_id: str, text: Callable[[str], str]) -> str:
    """'the US government's count' for a source of that kind; '' for the authorities' own figures."""
    kind = dataset.sources[source_id].kind
    return text(f"stats.kind.{kind}") if kind in MARKED_KINDS else ""


def render_stat(marker: Marker, dataset: Dataset, page: PageContext) -> str:
    if len(marker.args) != 2:
        raise MarkerError(f"{marker.text}: write [[stat METRIC PERIOD]] with an optional key=value breakdown")
    metric_id, period = marker.args
    if metric_id not in dataset.metrics:
        _lookup(dataset, marker, metric_id, period, {})  # names the metrics the dataset has
    latest = period == LATEST
    if latest:
        period = latest_period(dataset, marker, metric_id, dict(marker.options))
    observation = _lookup(dataset, marker, metric_id, period, dict(marker.options))
    unit = dataset.metrics[metric_id].unit
    # Raw HTML, not a Markdown link: MkDocs would log every `../sources/#id` URL as an
    # unrecognised relative link, burying real warnings in the build output.
    return (
        TEMPLATES.get_template("stat.html.j2")
        .render(
            observation=observation,
            breakdown=breakdown_attribute(observation),
            text=format_value(observation.value, unit, page.locale, observation.qualifier),
            href=source_href(observation, page),
            tooltip=f"{page.text('stats.source')}: {source_title(dataset, observation.source, page.locale)}",
            year=format_year_period(period, page.locale) if latest else "",
            kind=kind_note(dataset, observation.source, page.text),
        )
        .strip()
    )


def render_source_line(marker: Marker, dataset: Dataset, page: PageContext) -> str:
    """`[[source ID ID ...]]`: "Source: <title> (its kind)." for a statement of law or of a service."""
    if not marker.args or marker.options:
        raise MarkerError(f"{marker.text}: write [[source ID]] with one or more source ids from data/statistics.json")
    unknown = [source for source in marker.args if source not in dataset.sources]
    if unknown:
        known = ", ".join(sorted(dataset.sources))
        raise MarkerError(f"{marker.text}: unknown source {', '.join(unknown)}; data/statistics.json has: {known}")
    items = [
        {
            "href": f"{page.sources_url}#{source}",
            "title": source_title(dataset, source, page.locale),
            "kind": kind_note(dataset, source, page.text),
        }
        for source in marker.args
    ]
    label = page.text("stats.source") if len(items) == 1 else page.text("stats.sources")
    return TEMPLATES.get_template("source-line.html.j2").render(label=label, items=items).strip()


def breakdown_attribute(observation: Observation) -> str:
    """`sex=female` (as written in a marker), or '' for a total."""
    return " ".join(f"{key}={value}" for key, value in sorted(observation.breakdown.items()))


def render_downloads(marker: Marker, page: PageContext) -> str:
    if marker.args or marker.options:
        raise MarkerError(f"{marker.text}: [[downloads]] takes no arguments")
    csv_path = csv_download(page.locale)
    return (
        TEMPLATES.get_template("downloads.html.j2")
        .render(
            csv_href=get_relative_url(csv_path, page.page_url),
            csv_name=Path(csv_path).name,
            csv_label=page.text("stats.downloads.csv"),
            json_href=get_relative_url(json_download(), page.page_url),
            json_name=Path(json_download()).name,
            json_label=page.text("stats.downloads.json"),
        )
        .strip()
    )


def _breakdown_bars(
    dataset: Dataset, marker: Marker, metric_id: str, period: str, dimension: str, page: PageContext
) -> list[tuple[str, Observation]]:
    if dimension not in dataset.dimensions:
        known = ", ".join(sorted(dataset.dimensions))
        raise MarkerError(f"{marker.text}: unknown dimension '{dimension}'; the dataset has: {known}")
    values = dataset.dimensions[dimension].values
    rows = [
        (labels[page.locale], _lookup(dataset, marker, metric_id, period, {dimension: value_id}))
        for value_id, labels in values.items()
        if (metric_id, period, ((dimension, value_id),)) in dataset.by_key
    ]
    if not rows:
        raise MarkerError(
            f"{marker.text}: the dataset has no '{dimension}' breakdown of {metric_id} for {period}; "
            f"for {metric_id} it has: {available(dataset, metric_id)}"
        )
    return rows


def _period_bars(dataset: Dataset, marker: Marker, metric_id: str, page: PageContext) -> list[tuple[str, Observation]]:
    # Single years only: a multi-year total beside yearly bars would mislead.
    periods = sorted(
        {obs.period for obs in dataset.observations if obs.metric == metric_id and not obs.breakdown}
        - {obs.period for obs in dataset.observations if "-" in obs.period}
    )
    if not periods:
        raise MarkerError(
            f"{marker.text}: the dataset has no yearly totals for {metric_id}; "
            f"for {metric_id} it has: {available(dataset, metric_id)}"
        )
    return [
        (format_year_period(period, page.locale), _lookup(dataset, marker, metric_id, period, {})) for period in periods
    ]


def render_chart(marker: Marker, dataset: Dataset, page: PageContext) -> str:
    by = marker.options.get("by")
    if not marker.args or by is None:
        raise MarkerError(f"{marker.text}: write [[chart METRIC PERIOD by=DIMENSION]] or [[chart METRIC by=period]]")
    metric_id = marker.args[0]
    if metric_id not in dataset.metrics:
        known = ", ".join(sorted(dataset.metrics))
        raise MarkerError(f"{marker.text}: unknown metric '{metric_id}'; the dataset has: {known}")
    metric = dataset.metrics[metric_id]
    if by == "period":
        rows = _period_bars(dataset, marker, metric_id, page)
        period_text = f"{rows[0][0]}\u2013{rows[-1][0]}" if len(rows) > 1 else rows[0][0]
        dimension_label = page.text("stats.period")
    elif len(marker.args) == 2:
        rows = _breakdown_bars(dataset, marker, metric_id, marker.args[1], by, page)
        period_text = format_year_period(marker.args[1], page.locale)
        dimension_label = dataset.dimensions[by].label[page.locale]
    else:
        raise MarkerError(f"{marker.text}: a breakdown chart needs a period: [[chart {metric_id} PERIOD by={by}]]")
    return _render_bar_chart(dataset, metric, rows, period_text, dimension_label, page, chart_id=_chart_id(marker))


def _chart_id(marker: Marker) -> str:
    parts = [*marker.args, *(f"{key}-{value}" for key, value in sorted(marker.options.items()))]
    return "chart-" + "-".join(part.replace("_", "-") for part in parts)


def _render_bar_chart(
    dataset: Dataset,
    metric: object,
    rows: list[tuple[str, Observation]],
    period_text: str,
    dimension_label: str,
    page: PageContext,
    chart_id: str,
) -> str:
    largest = max(obs.value for _, obs in rows) or 1
    bars = [
        Bar(
            label=label,
            observation=obs,
            text=format_value(obs.value, metric.unit, page.locale, obs.qualifier),  # type: ignore[attr-defined]
            y=ROW_GAP + index * (BAR_HEIGHT + ROW_GAP),
            width=round(BAR_AREA * obs.value / largest, 1),
        )
        for index, (label, obs) in enumerate(rows)
    ]
    title = f"{metric.label[page.locale]}, {period_text}"  # type: ignore[attr-defined]
    description = "; ".join(f"{bar.label}: {bar.text}" for bar in bars)
    sources = {obs.source for _, obs in rows}
    first = rows[0][1]
    return (
        TEMPLATES.get_template("bar-chart.html.j2")
        .render(
            chart_id=chart_id,
            width=CHART_WIDTH,
            height=ROW_GAP + len(bars) * (BAR_HEIGHT + ROW_GAP),
            label_width=LABEL_WIDTH,
            bar_height=BAR_HEIGHT,
            bars=bars,
            title=title,
            description=description,
            source_label=page.text("stats.source") if len(sources) == 1 else page.text("stats.sources"),
            source_href=source_href(first, page),
            source_title="; ".join(source_title(dataset, source, page.locale) for source in sorted(sources)),
            estimate=any(obs.estimate for _, obs in rows),
            estimate_label=page.text("stats.estimate"),
            table_caption=page.text("stats.table_caption").format(title=title),
            dimension_label=dimension_label,
            value_label=page.text("stats.value"),
            breakdown_attribute=breakdown_attribute,
        )
        .replace("\n\n", "\n")
    )
