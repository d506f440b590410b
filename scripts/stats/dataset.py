"""The statistics dataset (data/statistics.json): loading, validation and look-up.

Validation happens in two layers, and every problem names the JSON path, the value
found and the rule it breaks, so an editor knows what to fix:
1. the JSON Schema (data/statistics.schema.json, draft 2020-12): shapes and formats;
2. the checks a schema cannot express: ids that must exist elsewhere in the file,
   every language of the site, duplicate observations, and breakdowns that must add
   up to the total the source also gives.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from scripts import site_config
from scripts.problems import Problem
from scripts.stats.json_lines import line_of_path, value_offsets

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data"
DATASET_PATH = DATA_DIR / "statistics.json"
SCHEMA_PATH = DATA_DIR / "statistics.schema.json"


class DatasetError(Exception):
    """The dataset is not valid; the message lists every problem found, and `problems` holds
    each with its file, line and JSON path (scripts/problems.py)."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems if problems is not None else [Problem("data/statistics.json", 0, message, "")]


# How the pages name each kind of source next to its figures (data/ui/statistics.yml "stats.kind.*").
SOURCE_KINDS = ("official", "international", "foreign_government", "news_of_official", "news", "other")


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    date: str
    title_local: Mapping[str, str] = field(default_factory=dict)
    kind: str = "official"
    publisher_local: Mapping[str, str] = field(default_factory=dict)
    url: str | None = None
    other_urls: tuple[str, ...] = ()
    date_note: str = ""


@dataclass(frozen=True)
class Metric:
    id: str
    label: Mapping[str, str]
    unit: str


@dataclass(frozen=True)
class Dimension:
    id: str
    label: Mapping[str, str]
    values: Mapping[str, Mapping[str, str]]  # value id -> label per locale, in display order


@dataclass(frozen=True)
class Observation:
    metric: str
    period: str
    value: float
    source: str
    locator: str
    breakdown: Mapping[str, str] = field(default_factory=dict)
    qualifier: str | None = None
    estimate: bool = False
    shown: bool = False
    note: str = ""
    url: str | None = None  # this figure's own address, where its source brings several together

    def key(self) -> tuple[str, str, tuple[tuple[str, str], ...]]:
        """What identifies a figure: the metric, the period and the breakdown."""
        return (self.metric, self.period, tuple(sorted(self.breakdown.items())))


@dataclass(frozen=True)
class Dataset:
    sources: Mapping[str, Source]
    metrics: Mapping[str, Metric]
    dimensions: Mapping[str, Dimension]
    observations: tuple[Observation, ...]

    @cached_property
    def by_key(self) -> Mapping[tuple[str, str, tuple[tuple[str, str], ...]], list[Observation]]:
        """Observations by metric, period and breakdown: a marker's look-up without a scan."""
        index: dict[tuple[str, str, tuple[tuple[str, str], ...]], list[Observation]] = defaultdict(list)
        for observation in self.observations:
            index[observation.key()].append(observation)
        return dict(index)


def json_path(parts: Iterable[Any]) -> str:
    """`$.observations[3].value` for the path ["observations", 3, "value"]."""
    text = "$"
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def _schema_problem(error: ValidationError) -> str:
    found = json.dumps(error.instance, ensure_ascii=False)
    if len(found) > 80:
        found = found[:77] + "..."
    rule = f"schema rule '{error.validator}'"
    return f"{json_path(error.absolute_path)}: found {found}; expected: {error.message} ({rule})"


def schema_problems(data: Any, schema: Mapping[str, Any]) -> list[str]:
    validator = Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda error: list(map(str, error.absolute_path)))
    return [_schema_problem(error) for error in errors]


def _missing_locales(path: list[Any], texts: Mapping[str, str], locales: list[str]) -> list[str]:
    return [
        f"{json_path(path)}: found no '{locale}' text; expected a text in every language of mkdocs.yml "
        f"({', '.join(locales)})"
        for locale in locales
        if locale not in texts
    ]


def _locale_problems(data: Mapping[str, Any], locales: list[str]) -> list[str]:
    problems: list[str] = []
    for source_id, source in data["sources"].items():
        for key in ("title_local", "publisher_local"):
            if key in source:
                problems += _missing_locales(["sources", source_id, key], source[key], locales)
    for dimension_id, dimension in data["dimensions"].items():
        problems += _missing_locales(["dimensions", dimension_id, "label"], dimension["label"], locales)
        for value_id, labels in dimension["values"].items():
            problems += _missing_locales(["dimensions", dimension_id, "values", value_id], labels, locales)
    for metric_id, metric in data["metrics"].items():
        problems += _missing_locales(["metrics", metric_id, "label"], metric["label"], locales)
    return problems


def _reference_problems(data: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    for index, item in enumerate(data["observations"]):
        path = ["observations", index]
        if item["metric"] not in data["metrics"]:
            problems.append(
                f"{json_path([*path, 'metric'])}: found unknown metric '{item['metric']}'; expected one of "
                f"$.metrics: {', '.join(sorted(data['metrics']))}"
            )
        if item["source"] not in data["sources"]:
            problems.append(
                f"{json_path([*path, 'source'])}: found unknown source '{item['source']}'; expected one of "
                f"$.sources: {', '.join(sorted(data['sources']))}"
            )
        for dimension_id, value_id in item.get("breakdown", {}).items():
            dimension = data["dimensions"].get(dimension_id)
            if dimension is None:
                problems.append(
                    f"{json_path([*path, 'breakdown'])}: found unknown dimension '{dimension_id}'; expected one of "
                    f"$.dimensions: {', '.join(sorted(data['dimensions']))}"
                )
            elif value_id not in dimension["values"]:
                problems.append(
                    f"{json_path([*path, 'breakdown', dimension_id])}: found unknown value '{value_id}'; expected "
                    f"one of $.dimensions.{dimension_id}.values: {', '.join(dimension['values'])}"
                )
    return problems


def _duplicate_problems(observations: list[Observation]) -> list[str]:
    """The same figure twice is an error, unless sources disagree and one is marked `shown`."""
    by_key: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for index, observation in enumerate(observations):
        by_key[observation.key()].append(index)
    problems: list[str] = []
    for indexes in by_key.values():
        if len(indexes) < 2:
            continue
        first = observations[indexes[0]]
        where = ", ".join(json_path(["observations", index]) for index in indexes)
        same_source = len({observations[index].source for index in indexes}) < len(indexes)
        shown = [index for index in indexes if observations[index].shown]
        if same_source:
            problems.append(
                f"{where}: found the same figure ({_describe(first)}) twice from one source; "
                "expected each figure once per source: remove the duplicate"
            )
        elif len(shown) != 1:
            problems.append(
                f"{where}: found {len(indexes)} sources for the same figure ({_describe(first)}) and "
                f'{len(shown)} marked "shown": true; expected exactly one marked, the one the pages show'
            )
    return problems


def _describe(observation: Observation) -> str:
    breakdown = " ".join(f"{key}={value}" for key, value in observation.breakdown.items())
    return " ".join(part for part in (observation.metric, observation.period, breakdown) if part)


def _total_problems(observations: list[Observation], dimensions: Mapping[str, Dimension]) -> list[str]:
    """Where the dataset has a total and every value of a breakdown, the parts must add up;
    where it has only some values (the source gives only some), they must not exceed it."""
    index_of = {id(observation): index for index, observation in enumerate(observations)}
    totals = {obs.key(): obs for obs in observations if not obs.breakdown and _is_displayed(obs, observations)}
    parts: dict[tuple[str, str, str], list[Observation]] = defaultdict(list)
    for obs in observations:
        if obs.breakdown and _is_displayed(obs, observations):
            (dimension_id,) = obs.breakdown
            parts[(obs.metric, obs.period, dimension_id)].append(obs)
    problems: list[str] = []
    for (metric, period, dimension_id), found in sorted(parts.items()):
        total = totals.get((metric, period, ()))
        if total is None:
            continue
        complete = {obs.breakdown[dimension_id] for obs in found} == set(dimensions[dimension_id].values)
        added = sum(obs.value for obs in found)
        listed = " + ".join(f"{obs.value:g} ({obs.breakdown[dimension_id]})" for obs in found)
        where = f"{json_path(['observations', index_of[id(total)]])}: found total {total.value:g} for {metric} {period}"
        if complete and abs(added - total.value) > 1e-9:
            problems.append(
                f"{where}, but its '{dimension_id}' breakdown adds up to {listed} = {added:g}; expected the parts "
                "to add up to the total: check both against the source"
            )
        elif not complete and added > total.value + 1e-9:
            problems.append(
                f"{where}, but part of its '{dimension_id}' breakdown already adds up to {listed} = {added:g}; "
                "expected the parts given to be at most the total: check both against the source"
            )
    return problems


def _is_displayed(observation: Observation, observations: list[Observation]) -> bool:
    rivals = [obs for obs in observations if obs.key() == observation.key()]
    return len(rivals) == 1 or observation.shown


def _to_dataset(data: Mapping[str, Any]) -> Dataset:
    return Dataset(
        sources={
            source_id: Source(
                id=source_id,
                title=item["title"],
                publisher=item["publisher"],
                date=item["date"],
                title_local=item.get("title_local", {}),
                kind=item["kind"],
                publisher_local=item["publisher_local"],
                url=item["url"],
                other_urls=tuple(item.get("other_urls", ())),
                date_note=item.get("date_note", ""),
            )
            for source_id, item in data["sources"].items()
        },
        metrics={
            metric_id: Metric(id=metric_id, label=item["label"], unit=item["unit"])
            for metric_id, item in data["metrics"].items()
        },
        dimensions={
            dimension_id: Dimension(id=dimension_id, label=item["label"], values=item["values"])
            for dimension_id, item in data["dimensions"].items()
        },
        observations=tuple(
            Observation(
                metric=item["metric"],
                period=item["period"],
                value=item["value"],
                source=item["source"],
                locator=item["locator"],
                breakdown=item.get("breakdown", {}),
                qualifier=item.get("qualifier"),
                estimate=item.get("estimate", False),
                shown=item.get("shown", False),
                note=item.get("note", ""),
                url=item.get("url"),
            )
            for item in data["observations"]
        ),
    )


def validate(data: Any, schema: Mapping[str, Any], locales: list[str]) -> Dataset:
    """The dataset, or DatasetError listing every problem (schema first: later checks need its shapes)."""
    problems = schema_problems(data, schema)
    if not problems:
        problems = _locale_problems(data, locales) + _reference_problems(data)
    if not problems:
        dataset = _to_dataset(data)
        observations = list(dataset.observations)
        problems = _duplicate_problems(observations) + _total_problems(observations, dataset.dimensions)
    if problems:
        raise DatasetError("\n".join(problems))
    return dataset


def _display_name(path: Path) -> str:
    try:
        return path.resolve().relative_to(DATA_DIR.parent).as_posix()
    except ValueError:
        return str(path)


def _as_problem(name: str, text: str, offsets: dict[Any, int], line: str) -> Problem:
    """'$.observations[3].value: found 7; expected ...' as a Problem on the value's line."""
    where, _, rest = line.partition(": found ")
    found, _, expected = rest.partition("; expected")
    first_path = where.split(",")[0].strip()
    fix = expected.lstrip(": ").strip() or "see data/statistics.schema.json"
    return Problem(name, line_of_path(text, offsets, first_path), f"{where}: found {found}", f"expected {fix}")


def load_dataset(path: Path = DATASET_PATH, schema_path: Path = SCHEMA_PATH) -> Dataset:
    name = _display_name(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
    except FileNotFoundError:
        message = f"{name}: the statistics dataset is missing"
        problem = Problem(name, 0, "the statistics dataset is missing", "restore it from git")
        raise DatasetError(message, [problem]) from None
    except json.JSONDecodeError as error:
        problem = Problem(
            name,
            error.lineno,
            f"not valid JSON: {error.msg} (column {error.colno})",
            "look at this line and the one before it: a missing comma or quote, or a comma after the last item",
        )
        raise DatasetError(f"{name}:{error.lineno}:{error.colno}: not valid JSON: {error.msg}", [problem]) from None
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    try:
        return validate(data, schema, site_config.locales())
    except DatasetError as error:
        lines = str(error).splitlines()
        offsets = value_offsets(text)
        problems = [_as_problem(name, text, offsets, line) for line in lines]
        raise DatasetError(
            f"{name} is not valid ({len(lines)} problem{'s' if len(lines) != 1 else ''}):\n"
            + "\n".join(f"  {name} line {problem.line}: {line}" for problem, line in zip(problems, lines, strict=True)),
            problems,
        ) from None


def available(dataset: Dataset, metric: str) -> str:
    """What the dataset has for a metric, for error messages: '2013; 2013 sex=female; 2017'."""
    found = sorted(
        {_describe(obs).removeprefix(metric).strip() for obs in dataset.observations if obs.metric == metric}
    )
    return "; ".join(found)


def find_observation(dataset: Dataset, metric: str, period: str, breakdown: Mapping[str, str]) -> Observation:
    """The figure shown for metric, period and breakdown; LookupError says what the dataset has instead."""
    if metric not in dataset.metrics:
        raise LookupError(f"unknown metric '{metric}'; the dataset has: {', '.join(sorted(dataset.metrics))}")
    wanted = (metric, period, tuple(sorted(breakdown.items())))
    matches = dataset.by_key.get(wanted, [])
    if not matches:
        asked = " ".join([period, *(f"{key}={value}" for key, value in breakdown.items())])
        raise LookupError(
            f"the dataset has no figure for {metric} {asked}; for {metric} it has: {available(dataset, metric)}"
        )
    return next((obs for obs in matches if obs.shown), matches[0])
