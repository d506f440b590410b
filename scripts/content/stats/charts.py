"""Charts and tables of the dataset's figures, drawn in HTML and CSS.

- `[[chart METRIC PERIOD by=DIMENSION]]`: a bar for each value of a breakdown in one period.
- `[[chart METRIC by=period]]`: a bar for every year from the first to the last year with a
  figure; a year without one is a gap that says "no figure", never a zero bar; totals over
  several years (2009-2013) are not rows among single years.
- `[[chart METRIC by=period split=DIMENSION]]`: the same, each bar split into the parts of a
  breakdown; a year with a total but no breakdown shows the total and says so.
- `[[table METRIC by=DIMENSION]]`: a row for each value of a breakdown, a column for each
  year that has it, "–" where a year has no figure.

HTML rather than SVG: the text is the page's own text, so it follows the reader's text size,
wraps on a narrow screen and takes the low-vision colours; a bar is a span whose width is its
share of the largest bar (an inline style, which the Content Security Policy allows). Bars
are decorative (aria-hidden): a screen reader reads each row as its label and its figure, in
order. Bars are told apart by shape (solid, hollow, dashed), never by colour alone, so they
survive black-and-white print and one-colour schemes.

Every figure is a `<data>` element naming its metric, period and breakdown (the tests check
each against the dataset). Under each chart, its sources with their kind (a US count, a news
report of an official report) and, behind "Show as a table", the same figures as a table with
each row's source.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from babel.lists import format_list

from scripts.content.markers import Marker, MarkerError
from scripts.content.stats.dataset import Dataset, Observation, available, find_observation
from scripts.content.stats.format import format_value, format_year_period
from scripts.content.stats.render import TEMPLATES, PageContext, breakdown_attribute, kind_note, source_title

CHART_OPTIONS = ("by", "split")
TABLE_OPTIONS = ("by",)
# Shapes that tell a split bar's parts apart without colour (site.css .chart__bar--N).
PART_STYLES = 3
# Room for a label beside its bar (em): a longer label wraps onto lines of its own.
LABEL_ROOM_MAX = 13.0
EM_PER_CHARACTER = 0.65


@dataclass(frozen=True)
class SourceRef:
    """A link to a source on the sources page, with its kind where readers should know it."""

    id: str
    href: str
    title: str
    kind: str


@dataclass(frozen=True)
class Figure:
    """One number a reader sees: its observation, as text in the page's language, and its source."""

    observation: Observation
    text: str
    source: SourceRef

    @property
    def breakdown(self) -> str:
        return breakdown_attribute(self.observation)


@dataclass(frozen=True)
class Part:
    """A part of a split bar: one value of the breakdown."""

    label: str
    figure: Figure | None  # None: the source gives the total but not this part
    width: float  # per cent of the bar area
    style: int


@dataclass(frozen=True)
class Row:
    label: str
    total: Figure | None
    width: float = 0.0  # per cent of the bar area (for a bar without parts)
    parts: tuple[Part, ...] = ()
    rest: float = 0.0  # per cent: the part of the total that the source does not break down
    note: str = ""

    @property
    def gap(self) -> bool:
        """No figure at all for this row: drawn as a gap saying so."""
        return self.total is None and not any(part.figure for part in self.parts)

    @property
    def figures(self) -> list[Figure]:
        found = [part.figure for part in self.parts if part.figure]
        return ([self.total] if self.total else []) + found

    @property
    def sources(self) -> list[SourceRef]:
        return _unique(figure.source for figure in self.figures)


@dataclass(frozen=True)
class SourceNote:
    """A source under a chart, and the rows (years) that come from it."""

    source: SourceRef
    rows: str


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    rows: tuple[Row, ...]
    row_header: str  # the table's first column: "Year", or the breakdown's name
    part_labels: tuple[str, ...]  # the table's columns for the parts of a split bar
    label_room: float  # em
    value_room: float  # em
    notes: tuple[SourceNote, ...]
    by_period: bool
    estimate: bool


def _unique(items: Iterable[SourceRef]) -> list[SourceRef]:
    seen: dict[str, SourceRef] = {}
    for item in items:
        seen.setdefault(item.id, item)
    return list(seen.values())


def _source_ref(dataset: Dataset, source_id: str, page: PageContext) -> SourceRef:
    return SourceRef(
        id=source_id,
        href=f"{page.sources_url}#{source_id}",
        title=source_title(dataset, source_id, page.locale),
        kind=kind_note(dataset, source_id, page.text),
    )


def _figure(dataset: Dataset, observation: Observation, page: PageContext) -> Figure:
    unit = dataset.metrics[observation.metric].unit
    return Figure(
        observation=observation,
        text=format_value(observation.value, unit, page.locale, observation.qualifier),
        source=_source_ref(dataset, observation.source, page),
    )


def _shown(dataset: Dataset, metric: str, period: str, breakdown: dict[str, str]) -> Observation | None:
    """The figure the pages show for this key, or None when the dataset has none."""
    if (metric, period, tuple(sorted(breakdown.items()))) not in dataset.by_key:
        return None
    return find_observation(dataset, metric, period, breakdown)


# --- what a marker may ask for --------------------------------------------------------------------


def _check_options(marker: Marker, allowed: Sequence[str], usage: str) -> None:
    unknown = [key for key in marker.options if key not in allowed]
    if unknown:
        takes = " and ".join(f"{key}=" for key in allowed)
        raise MarkerError(f"{marker.text}: unknown option '{unknown[0]}='; {usage} takes {takes}")


def _check_metric(marker: Marker, dataset: Dataset, metric_id: str) -> None:
    if metric_id not in dataset.metrics:
        known = ", ".join(sorted(dataset.metrics))
        raise MarkerError(f"{marker.text}: unknown metric '{metric_id}'; the dataset has: {known}")


def _check_dimension(marker: Marker, dataset: Dataset, dimension: str) -> None:
    if dimension not in dataset.dimensions:
        known = ", ".join(sorted(dataset.dimensions))
        raise MarkerError(f"{marker.text}: unknown dimension '{dimension}'; the dataset has: {known}")


def single_years(dataset: Dataset, metric_id: str, dimension: str | None = None) -> list[str]:
    """Single years (not multi-year totals) with a total, or with a `dimension` breakdown, of a metric."""
    return sorted(
        {
            obs.period
            for obs in dataset.observations
            if obs.metric == metric_id
            and "-" not in obs.period
            and (set(obs.breakdown) == {dimension} if dimension else not obs.breakdown)
        }
    )


# --- how a span of years is named --------------------------------------------------------------------


def year_span(years: Sequence[str], page: PageContext) -> str:
    """The years a series covers, named honestly: '2013–2023' only when every year between has a
    figure; with a few gaps '2013–2023 (no figure for 2014 and 2022)'; with more gaps than
    figures, or two years, the years themselves: '2012, 2016, 2017 and 2024', '2013 and 2015'."""
    numbers = sorted(int(year) for year in years)
    if len(numbers) == 1:
        return str(numbers[0])
    first, last = numbers[0], numbers[-1]
    missing = [str(year) for year in range(first, last + 1) if year not in numbers]
    if not missing:
        return f"{first}\u2013{last}"
    if len(missing) >= len(numbers) or len(numbers) == 2:
        return format_list([str(year) for year in numbers], locale=page.locale)
    key = "stats.chart.missing_one" if len(missing) == 1 else "stats.chart.missing_many"
    return f"{first}\u2013{last} ({page.text(key).format(years=format_list(missing, locale=page.locale))})"


def lower_first(text: str, locale: str) -> str:
    """'Form of exploitation' -> 'form of exploitation' inside a sentence; Azerbaijani İ is i, I is ı."""
    if not text:
        return text
    head = {"İ": "i", "I": "ı"}.get(text[0], text[0].lower()) if locale == "az" else text[0].lower()
    return head + text[1:]


def by_dimension_title(dataset: Dataset, metric_id: str, dimension: str, page: PageContext) -> str:
    return page.text("stats.chart.by_dimension").format(
        metric=dataset.metrics[metric_id].label[page.locale],
        dimension=lower_first(dataset.dimensions[dimension].label[page.locale], page.locale),
    )


# --- rows ------------------------------------------------------------------------------------------


def _breakdown_rows(
    dataset: Dataset, marker: Marker, metric_id: str, period: str, dimension: str, page: PageContext
) -> list[tuple[str, Observation | None]]:
    _check_dimension(marker, dataset, dimension)
    rows = [
        (labels[page.locale], _shown(dataset, metric_id, period, {dimension: value_id}))
        for value_id, labels in dataset.dimensions[dimension].values.items()
    ]
    rows = [(label, obs) for label, obs in rows if obs is not None]
    if not rows:
        raise MarkerError(
            f"{marker.text}: the dataset has no '{dimension}' breakdown of {metric_id} for {period}; "
            f"for {metric_id} it has: {available(dataset, metric_id)}"
        )
    return rows


def _every_year(years: Sequence[str]) -> list[str]:
    """Every year from the first to the last: the rows of a series over time."""
    numbers = [int(year) for year in years]
    return [str(year) for year in range(min(numbers), max(numbers) + 1)]


def _period_rows(dataset: Dataset, marker: Marker, metric_id: str) -> list[tuple[str, Observation | None]]:
    years = single_years(dataset, metric_id)
    if not years:
        raise MarkerError(
            f"{marker.text}: the dataset has no yearly totals for {metric_id}; "
            f"for {metric_id} it has: {available(dataset, metric_id)}"
        )
    return [(year, _shown(dataset, metric_id, year, {})) for year in _every_year(years)]


def _simple_rows(dataset: Dataset, found: list[tuple[str, Observation | None]], page: PageContext) -> list[Row]:
    largest = max((obs.value for _, obs in found if obs), default=0) or 1
    return [
        Row(
            label=label,
            total=_figure(dataset, obs, page) if obs else None,
            width=round(100 * obs.value / largest, 1) if obs else 0.0,
        )
        for label, obs in found
    ]


def _split_rows(
    dataset: Dataset, marker: Marker, metric_id: str, dimension: str, page: PageContext
) -> tuple[list[Row], list[str]]:
    _check_dimension(marker, dataset, dimension)
    split_years = single_years(dataset, metric_id, dimension)
    if not split_years:
        raise MarkerError(
            f"{marker.text}: the dataset has no '{dimension}' breakdown of {metric_id} in any single year; "
            f"for {metric_id} it has: {available(dataset, metric_id)}"
        )
    values = [
        value_id
        for value_id in dataset.dimensions[dimension].values
        if any(_shown(dataset, metric_id, year, {dimension: value_id}) for year in split_years)
    ]
    years = _every_year(sorted(set(split_years) | set(single_years(dataset, metric_id))))
    found = {
        year: (
            _shown(dataset, metric_id, year, {}),
            [_shown(dataset, metric_id, year, {dimension: value_id}) for value_id in values],
        )
        for year in years
    }
    # A bar is as long as the total, or as its parts where the source gives no total.
    lengths = [
        max(total.value if total else 0, sum(part.value for part in parts if part)) for total, parts in found.values()
    ]
    largest = max(lengths) or 1

    def width(value: float) -> float:
        return round(100 * value / largest, 1)

    labels = [dataset.dimensions[dimension].values[value_id][page.locale] for value_id in values]
    rows: list[Row] = []
    for year, (total, parts) in found.items():
        given = [part for part in parts if part]
        broken_down = sum(part.value for part in given)
        note = ""
        if total and not given:
            note = page.text("stats.chart.no_breakdown")
        elif total and given and broken_down < total.value:
            note = page.text("stats.chart.part_breakdown")
        rows.append(
            Row(
                label=year,
                total=_figure(dataset, total, page) if total else None,
                width=width(total.value) if total and not given else 0.0,
                parts=tuple(
                    Part(
                        label=label,
                        figure=_figure(dataset, part, page) if part else None,
                        width=width(part.value) if part else 0.0,
                        style=index % PART_STYLES + 1,
                    )
                    for index, (label, part) in enumerate(zip(labels, parts, strict=True))
                )
                if given
                else (),
                rest=width(total.value - broken_down) if total and given and broken_down < total.value else 0.0,
                note=note,
            )
        )
    return rows, labels


# --- the chart --------------------------------------------------------------------------------------


def _source_notes(rows: Sequence[Row], by_period: bool, page: PageContext) -> tuple[SourceNote, ...]:
    """Each source once, with the years that come from it (for a series over time)."""
    years: dict[str, list[str]] = {}
    refs: dict[str, SourceRef] = {}
    for row in rows:
        for source in row.sources:
            refs.setdefault(source.id, source)
            years.setdefault(source.id, []).append(row.label)
    return tuple(
        SourceNote(source=refs[source_id], rows=format_list(labels, locale=page.locale) if by_period else "")
        for source_id, labels in years.items()
    )


def _room(texts: Iterable[str]) -> float:
    """The width (em) the longest of some texts needs: letters of Latin and Cyrillic text
    average under 0.65 em, digits 0.56 em. A label longer than this still fits (a flex item
    is never narrower than its longest word); a figure's room is reserved after its bar."""
    return round(max((len(text) for text in texts), default=1) * EM_PER_CHARACTER + 0.3, 1)


def chart_id(marker: Marker) -> str:
    parts = [*marker.args, *(f"{key}-{value}" for key, value in sorted(marker.options.items()))]
    return "chart-" + "-".join(part.replace("_", "-") for part in parts)


def build_chart(marker: Marker, dataset: Dataset, page: PageContext) -> Chart:
    usage = "[[chart METRIC PERIOD by=DIMENSION]] or [[chart METRIC by=period]] (with split=DIMENSION)"
    by = marker.options.get("by")
    if not marker.args or by is None:
        raise MarkerError(f"{marker.text}: write {usage}")
    _check_options(marker, CHART_OPTIONS, "[[chart]]")
    metric_id = marker.args[0]
    _check_metric(marker, dataset, metric_id)
    metric_label = dataset.metrics[metric_id].label[page.locale]
    split = marker.options.get("split")
    part_labels: list[str] = []
    if by == "period":
        if len(marker.args) != 1:
            raise MarkerError(f"{marker.text}: a chart over the years takes no period: [[chart {metric_id} by=period]]")
        if split:
            rows, part_labels = _split_rows(dataset, marker, metric_id, split, page)
            base = by_dimension_title(dataset, metric_id, split, page)
        else:
            rows = _simple_rows(dataset, _period_rows(dataset, marker, metric_id), page)
            base = metric_label
        title = f"{base}, {year_span([row.label for row in rows if not row.gap], page)}"
        row_header = page.text("stats.chart.year")
    elif len(marker.args) == 2:
        if split:
            raise MarkerError(
                f"{marker.text}: split= works only over the years: [[chart {metric_id} by=period split={split}]]"
            )
        period = marker.args[1]
        rows = _simple_rows(dataset, _breakdown_rows(dataset, marker, metric_id, period, by, page), page)
        title = f"{metric_label}, {format_year_period(period, page.locale)}"
        row_header = dataset.dimensions[by].label[page.locale]
    else:
        raise MarkerError(f"{marker.text}: a breakdown chart needs a period: [[chart {metric_id} PERIOD by={by}]]")
    figures = [figure for row in rows for figure in row.figures]
    return Chart(
        id=chart_id(marker),
        title=title,
        rows=tuple(rows),
        row_header=row_header,
        part_labels=tuple(part_labels),
        label_room=min(_room(row.label for row in rows), LABEL_ROOM_MAX),
        value_room=_room(row.total.text for row in rows if row.total),
        notes=_source_notes(rows, by == "period", page),
        by_period=by == "period",
        estimate=any(figure.observation.estimate for figure in figures),
    )


def render_chart(marker: Marker, dataset: Dataset, page: PageContext) -> str:
    chart = build_chart(marker, dataset, page)
    _claim_id(marker, chart.id, page)
    return _render("bar-chart.html.j2", page, chart=chart)


def _claim_id(marker: Marker, element_id: str, page: PageContext) -> None:
    if element_id in page.element_ids:
        raise MarkerError(f"{marker.text}: this page already shows it (id '{element_id}'); keep one of the two markers")
    page.element_ids.add(element_id)


def _render(template: str, page: PageContext, **context: object) -> str:
    text: Callable[[str], str] = page.text
    html = TEMPLATES.get_template(template).render(text=text, **context)
    return "\n".join(line for line in html.splitlines() if line.strip())


# --- the table of a breakdown over the years ------------------------------------------------------------


@dataclass(frozen=True)
class TableRow:
    label: str
    cells: tuple[Figure | None, ...]  # one per year column; None: no figure


@dataclass(frozen=True)
class BreakdownTable:
    id: str
    caption: str
    row_header: str
    years: tuple[str, ...]
    rows: tuple[TableRow, ...]
    notes: tuple[SourceNote, ...]


def build_table(marker: Marker, dataset: Dataset, page: PageContext) -> BreakdownTable:
    by = marker.options.get("by")
    if len(marker.args) != 1 or by is None:
        raise MarkerError(
            f"{marker.text}: write [[table METRIC by=DIMENSION]]: a row for each value, a column for each year"
        )
    _check_options(marker, TABLE_OPTIONS, "[[table]]")
    metric_id = marker.args[0]
    _check_metric(marker, dataset, metric_id)
    _check_dimension(marker, dataset, by)
    years = single_years(dataset, metric_id, by)
    if not years:
        raise MarkerError(
            f"{marker.text}: the dataset has no '{by}' breakdown of {metric_id} in any single year; "
            f"for {metric_id} it has: {available(dataset, metric_id)}"
        )
    rows: list[TableRow] = []
    for value_id, labels in dataset.dimensions[by].values.items():
        found = [_shown(dataset, metric_id, year, {by: value_id}) for year in years]
        if any(found):
            cells = tuple(_figure(dataset, obs, page) if obs else None for obs in found)
            rows.append(TableRow(label=labels[page.locale], cells=cells))
    by_year: dict[str, list[SourceRef]] = {
        year: _unique(row.cells[index].source for row in rows if row.cells[index])  # type: ignore[union-attr]
        for index, year in enumerate(years)
    }
    sources: dict[str, SourceRef] = {}
    source_years: dict[str, list[str]] = {}
    for year, refs in by_year.items():
        for ref in refs:
            sources.setdefault(ref.id, ref)
            source_years.setdefault(ref.id, []).append(year)
    return BreakdownTable(
        id="table-" + "-".join(part.replace("_", "-") for part in (metric_id, "by", by)),
        caption=by_dimension_title(dataset, metric_id, by, page),
        row_header=dataset.dimensions[by].label[page.locale],
        years=tuple(years),
        rows=tuple(rows),
        notes=tuple(
            SourceNote(source=sources[source_id], rows=format_list(found, locale=page.locale))
            for source_id, found in source_years.items()
        ),
    )


def render_table(marker: Marker, dataset: Dataset, page: PageContext) -> str:
    table = build_table(marker, dataset, page)
    _claim_id(marker, table.id, page)
    return _render("breakdown-table.html.j2", page, table=table)
