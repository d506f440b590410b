"""Turn `[[stat ...]]`, `[[source ...]]` and `[[downloads]]` markers into figures and links from the dataset.

`[[stat METRIC PERIOD key=value]]` -> the value in the page's language, linked to its
source on the sources page; with `noun=ID`, followed by the noun it counts in the form its
number takes ("66 женщин", "21 пострадавший"; forms in data/glossary.yml, nouns).
Charts and tables (`[[chart ...]]`, `[[table ...]]`) are in scripts/content/stats/charts.py.
`[[downloads]]` -> links to the dataset as JSON and as a CSV in the page's language.

Every figure is a `<data>` element carrying its metric, period and breakdown, so the
tests can check each number a reader sees against the dataset.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import escape
from mkdocs.utils import get_relative_url

from scripts.content import html_templates
from scripts.content.markers import Marker, MarkerError, RawHtml
from scripts.content.stats.dataset import Dataset, Observation, available, find_observation
from scripts.content.stats.downloads import csv_download, json_download
from scripts.content.stats.format import COUNTED_UNITS, counted_noun, format_value, format_year_period

TEMPLATES = html_templates.environment(Path(__file__).parent / "templates", keep_trailing_newline=False)


@dataclass(frozen=True)
class PageContext:
    """What rendering needs to know about the page being built."""

    locale: str
    sources_url: str  # relative URL of the sources page from this page
    text: Callable[[str], str]  # interface strings in the page's language
    page_url: str  # this page's URL from the site root ("en/statistics/"), for relative links
    # Forms of counted nouns (data/glossary.yml, nouns): noun id -> locale -> plural category -> form.
    nouns: Mapping[str, Mapping[str, Mapping[str, str]]] = field(default_factory=dict)
    # Sources whose kind the page has already named next to a figure: a US count or a news
    # report says so the first time its source appears on a page, not after every number.
    noted_sources: set[str] = field(default_factory=set)
    # Ids of the charts and tables already on the page: the same one twice would give two
    # elements one id (links to it, and its caption's label, would find the first only).
    element_ids: set[str] = field(default_factory=set)


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


def _noun_text(marker: Marker, observation: Observation, unit: str, page: PageContext) -> str:
    """`noun=ID`: the counted noun after the figure, in the form its number takes; '' without it."""
    noun_id = marker.options.get("noun")
    if noun_id is None:
        return ""
    if noun_id not in page.nouns:
        known = ", ".join(sorted(page.nouns)) or "none"
        raise MarkerError(f"{marker.text}: unknown noun '{noun_id}'; data/glossary.yml (nouns) has: {known}")
    if unit not in COUNTED_UNITS:
        raise MarkerError(
            f"{marker.text}: noun= names what a figure counts, and {observation.metric} is in {unit}, "
            f"which has its own word; remove noun={noun_id}"
        )
    return counted_noun(page.nouns[noun_id][page.locale], page.locale, observation.value, observation.qualifier)


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
    """'US government count' for a source of that kind; '' for the authorities' own figures."""
    kind = dataset.sources[source_id].kind
    return text(f"stats.kind.{kind}") if kind in MARKED_KINDS else ""


def first_kind_note(dataset: Dataset, source_id: str, page: PageContext) -> str:
    """The kind note, the first time a source appears on the page; '' after that."""
    if source_id in page.noted_sources:
        return ""
    page.noted_sources.add(source_id)
    return kind_note(dataset, source_id, page.text)


def render_stat(marker: Marker, dataset: Dataset, page: PageContext) -> RawHtml:
    """The figure as a link to its source; a US count or a news report says so at the end of
    the sentence (the first time its source appears on the page)."""
    if len(marker.args) != 2:
        raise MarkerError(
            f"{marker.text}: write [[stat METRIC PERIOD]] with an optional key=value breakdown and noun=NOUN"
        )
    metric_id, period = marker.args
    if metric_id not in dataset.metrics:
        _lookup(dataset, marker, metric_id, period, {})  # names the metrics the dataset has
    breakdown = {key: value for key, value in marker.options.items() if key != "noun"}
    latest = period == LATEST
    if latest:
        period = latest_period(dataset, marker, metric_id, breakdown)
    observation = _lookup(dataset, marker, metric_id, period, breakdown)
    unit = dataset.metrics[metric_id].unit
    noun = _noun_text(marker, observation, unit, page)
    # Raw HTML, not a Markdown link: MkDocs would log every `../sources/#id` URL as an
    # unrecognised relative link, burying real warnings in the build output.
    html = (
        TEMPLATES.get_template("stat.html.j2")
        .render(
            observation=observation,
            breakdown=breakdown_attribute(observation),
            text=format_value(observation.value, unit, page.locale, observation.qualifier),
            # A no-break space keeps the noun with its number, as format_value does for units.
            noun=f"\u00a0{noun}" if noun else "",
            href=source_href(observation, page),
            tooltip=f"{page.text('stats.source')}: {source_title(dataset, observation.source, page.locale)}",
            year=format_year_period(period, page.locale) if latest else "",
        )
        .strip()
    )
    kind = first_kind_note(dataset, observation.source, page)
    note = f'<span class="stat__note">({escape(kind)})</span>' if kind else ""
    return RawHtml(html, at_sentence_end=note)


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
    page.noted_sources.update(marker.args)
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
