"""The statistics dataset: the real one is valid; each broken variant of it (built in
tmp_path from the real one) fails with the exact message an editor needs: the JSON path,
the value found and the rule broken. Also the `python -m scripts.content.stats` command."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from scripts import site_config
from scripts.content.markers import Marker
from scripts.content.stats import __main__ as stats_command
from scripts.content.stats.charts import render_chart
from scripts.content.stats.dataset import DATASET_PATH, DatasetError, find_observation, load_dataset
from scripts.content.stats.render import PageContext
from scripts.content.ui_strings import UiStrings, load_ui_strings

ROOT = Path(__file__).resolve().parents[2]
REAL = json.loads(DATASET_PATH.read_text(encoding="utf-8"))
# The first observations of the real file, which the broken variants below change.
assert REAL["observations"][0] == {
    "metric": "victims_identified",
    "period": "2017",
    "value": 71,
    "source": "mia-annual-report-2017",
    "locator": "paragraph beginning 'Of the 71 identified victims'",
}
assert REAL["observations"][1]["breakdown"] == {"sex": "female"}
assert REAL["observations"][1]["value"] == 66


def write_variant(tmp_path: Path, change: Callable[[dict[str, Any]], object]) -> Path:
    data = copy.deepcopy(REAL)
    change(data)
    path = tmp_path / "statistics.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def problem_of(path: Path) -> str:
    """The single problem load_dataset reports, without the file-name prefix."""
    with pytest.raises(DatasetError) as error:
        load_dataset(path)
    header, *problems = str(error.value).splitlines()
    assert header == f"{path} is not valid ({len(problems)} problem{'s' if len(problems) > 1 else ''}):"
    assert len(problems) == 1, problems
    # Each problem names the line of the file as well as its JSON path.
    match = re.match(rf"  {re.escape(str(path))} line (\d+): ", problems[0])
    assert match, problems[0]
    assert 0 < int(match.group(1)) <= len(path.read_text(encoding="utf-8").splitlines())
    return problems[0][match.end() :]


def observation_0(**changes: object) -> Callable[[dict[str, Any]], object]:
    return lambda data: data["observations"][0].update(changes)


def test_the_real_dataset_is_valid():
    dataset = load_dataset()
    assert len(dataset.observations) == len(REAL["observations"])
    assert find_observation(dataset, "victims_identified", "2017", {"sex": "female"}).value == 66


# --- the JSON Schema --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            observation_0(value=-71),
            "$.observations[0].value: found -71; expected: -71 is less than the minimum of 0 (schema rule 'minimum')",
        ),
        (
            observation_0(value="71"),
            "$.observations[0].value: found \"71\"; expected: '71' is not of type 'number' (schema rule 'type')",
        ),
        (
            observation_0(period="2017/18"),
            "$.observations[0].period: found \"2017/18\"; expected: '2017/18' does not match "
            "'^\\\\d{4}(-\\\\d{4})?$' (schema rule 'pattern')",
        ),
        (
            lambda data: data["observations"][0].pop("locator"),
            '$.observations[0]: found {"metric": "victims_identified", "period": "2017", "value": 71, '
            "\"source\": \"mi...; expected: 'locator' is a required property (schema rule 'required')",
        ),
        (
            observation_0(qualifier="roughly"),
            "$.observations[0].qualifier: found \"roughly\"; expected: 'roughly' is not one of "
            "['approximately', 'more_than', 'up_to'] (schema rule 'enum')",
        ),
        (
            lambda data: data["metrics"]["victims_identified"].update(unit="persons"),
            "$.metrics.victims_identified.unit: found \"persons\"; expected: 'persons' is not one of "
            "['people', 'cases', 'count', 'azn', 'usd', 'days', 'years', 'percent', 'per_1000'] (schema rule 'enum')",
        ),
        (
            lambda data: data["sources"]["mia-annual-report-2017"].update(date="2018-5"),
            "$.sources.mia-annual-report-2017.date: found \"2018-5\"; expected: '2018-5' does not match "
            "'^(\\\\d{4}(-\\\\d{2}(-\\\\d{2})?)?|undated)$' (schema rule 'pattern')",
        ),
    ],
    ids=["negative", "string-value", "period", "missing-locator", "qualifier", "unit", "source-date"],
)
def test_schema_violations_name_path_value_and_rule(tmp_path, change, message):
    assert problem_of(write_variant(tmp_path, change)) == message


# --- the checks beyond the schema -------------------------------------------------------------------------------


def test_unknown_metric(tmp_path):
    message = problem_of(write_variant(tmp_path, observation_0(metric="victims_identifed")))
    assert message == (
        "$.observations[0].metric: found unknown metric 'victims_identifed'; expected one of $.metrics: "
        + ", ".join(sorted(REAL["metrics"]))
    )


def test_unknown_source(tmp_path):
    assert problem_of(write_variant(tmp_path, observation_0(source="mia-report"))) == (
        "$.observations[0].source: found unknown source 'mia-report'; expected one of $.sources: "
        + ", ".join(sorted(REAL["sources"]))
    )


def test_unknown_dimension_and_dimension_value(tmp_path):
    path = write_variant(tmp_path, lambda data: data["observations"][1].update(breakdown={"gender": "female"}))
    assert problem_of(path) == (
        "$.observations[1].breakdown: found unknown dimension 'gender'; expected one of $.dimensions: "
        + ", ".join(sorted(REAL["dimensions"]))
    )
    path = write_variant(tmp_path, lambda data: data["observations"][1].update(breakdown={"sex": "woman"}))
    assert problem_of(path) == (
        "$.observations[1].breakdown.sex: found unknown value 'woman'; expected one of "
        "$.dimensions.sex.values: female, male"
    )


def test_missing_translation_of_a_label(tmp_path):
    path = write_variant(tmp_path, lambda data: data["metrics"]["victims_identified"]["label"].pop("ru"))
    assert problem_of(path) == (
        "$.metrics.victims_identified.label: found no 'ru' text; expected a text in every language of mkdocs.yml "
        "(az, en, ru)"
    )


def test_duplicate_observation_from_one_source(tmp_path):
    path = write_variant(tmp_path, lambda data: data["observations"].append(copy.deepcopy(data["observations"][0])))
    last = len(REAL["observations"])
    assert problem_of(path) == (
        f"$.observations[0], $.observations[{last}]: found the same figure (victims_identified 2017) twice from one "
        "source; expected each figure once per source: remove the duplicate"
    )


def rival(data: dict[str, Any], **changes: object) -> None:
    """The first figure again, from another source (sources may disagree)."""
    data["observations"].append({**data["observations"][0], "source": "osce-country-visit-2012", **changes})


def test_two_sources_for_one_figure_need_one_marked_shown(tmp_path):
    last = len(REAL["observations"])
    assert problem_of(write_variant(tmp_path, rival)) == (
        f"$.observations[0], $.observations[{last}]: found 2 sources for the same figure (victims_identified 2017) "
        'and 0 marked "shown": true; expected exactly one marked, the one the pages show'
    )


def test_the_figure_marked_shown_is_the_one_pages_show(tmp_path):
    dataset = load_dataset(write_variant(tmp_path, lambda data: rival(data, value=71, shown=True)))
    assert find_observation(dataset, "victims_identified", "2017", {}).source == "osce-country-visit-2012"


def test_breakdown_that_does_not_add_up_to_the_total(tmp_path):
    path = write_variant(tmp_path, lambda data: data["observations"][1].update(value=65))
    assert problem_of(path) == (
        "$.observations[0]: found total 71 for victims_identified 2017, but its 'sex' breakdown adds up to "
        "65 (female) + 5 (male) = 70; expected the parts to add up to the total: check both against the source"
    )


def test_partial_breakdown_may_be_less_but_not_more_than_the_total(tmp_path):
    # 2013: 5 victims exploited in Azerbaijan, 3 of them foreigners; the source gives no count of citizens.
    index = next(
        index
        for index, item in enumerate(REAL["observations"])
        if item["metric"] == "victims_exploited_in_azerbaijan" and item["period"] == "2013" and "breakdown" in item
    )
    total = next(
        index
        for index, item in enumerate(REAL["observations"])
        if item["metric"] == "victims_exploited_in_azerbaijan" and item["period"] == "2013" and "breakdown" not in item
    )
    path = write_variant(tmp_path, lambda data: data["observations"][index].update(value=6))
    assert problem_of(path) == (
        f"$.observations[{total}]: found total 5 for victims_exploited_in_azerbaijan 2013, but part of its "
        "'citizenship' breakdown already adds up to 6 (foreign) = 6; expected the parts given to be at most the "
        "total: check both against the source"
    )


def test_every_problem_is_listed_at_once(tmp_path):
    def two_problems(data: dict[str, Any]) -> None:
        data["observations"][0]["metric"] = "victims"
        data["observations"][1]["source"] = "nowhere"

    with pytest.raises(DatasetError) as error:
        load_dataset(write_variant(tmp_path, two_problems))
    assert str(error.value).splitlines()[0].endswith("is not valid (2 problems):")


def test_invalid_json_names_line_and_column(tmp_path):
    path = tmp_path / "statistics.json"
    path.write_text('{\n  "sources": {,\n}', encoding="utf-8")
    with pytest.raises(DatasetError) as error:
        load_dataset(path)
    assert str(error.value) == f"{path}:2:15: not valid JSON: Expecting property name enclosed in double quotes"


def test_missing_dataset(tmp_path):
    with pytest.raises(DatasetError, match="the statistics dataset is missing"):
        load_dataset(tmp_path / "statistics.json")


# --- sparse years: a new year needs data, not code --------------------------------------------------------------


def add_2025(data: dict[str, Any]) -> None:
    """A made-up next year (test data only: the real file holds only sourced figures)."""
    base = {"metric": "victims_identified", "period": "2025", "source": "mia-annual-report-2017", "locator": "test"}
    data["observations"] += [
        {**base, "value": 10},
        {**base, "breakdown": {"sex": "female"}, "value": 7},
        {**base, "breakdown": {"sex": "male"}, "value": 3},
    ]


def test_a_new_year_is_found_and_charted_without_code_change(tmp_path):
    dataset = load_dataset(write_variant(tmp_path, add_2025))
    assert find_observation(dataset, "victims_identified", "2025", {"sex": "male"}).value == 3
    text = UiStrings(load_ui_strings(site_config.locales()), "en")
    page = PageContext(locale="en", sources_url="../sources/", text=text, page_url="en/statistics/")
    chart = render_chart(Marker("chart", ("victims_identified",), {"by": "period"}, "[[chart]]"), dataset, page)
    soup = BeautifulSoup(chart, "html.parser")
    assert soup.figcaption.get_text() == (
        "Victims of trafficking identified, 2013–2025 (no figure for 2014, 2022, and 2024)"
    )
    rows = {row.select_one(".chart__label").get_text(): row for row in soup.select(".chart__rows > li")}
    assert list(rows) == [f"{year}:" for year in range(2013, 2026)]
    assert rows["2025:"].select_one(".chart__value data")["data-period"] == "2025"
    assert rows["2024:"].select_one(".chart__bar") is None, "a year without a figure is a gap, not a bar"
    assert rows["2024:"].select_one(".chart__gap").get_text() == "no figure"
    assert 'data-period="2009-2013"' not in chart  # a multi-year total is not a bar among years


def test_a_new_year_must_still_add_up(tmp_path):
    def wrong_2025(data: dict[str, Any]) -> None:
        add_2025(data)
        data["observations"][-1]["value"] = 4

    message = problem_of(write_variant(tmp_path, wrong_2025))
    assert "found total 10 for victims_identified 2025, but its 'sex' breakdown adds up to" in message


# --- look-up errors (what a marker gets told) -------------------------------------------------------------------


def test_lookup_of_unknown_period_lists_what_the_metric_has(tmp_path):
    dataset = load_dataset(write_variant(tmp_path, lambda data: data.update(observations=data["observations"][:5])))
    with pytest.raises(LookupError) as error:
        find_observation(dataset, "victims_identified", "2019", {})
    assert str(error.value) == (
        "the dataset has no figure for victims_identified 2019; for victims_identified it has: 2017; "
        "2017 citizenship=azerbaijan; 2017 citizenship=foreign; 2017 sex=female; 2017 sex=male"
    )
    with pytest.raises(LookupError) as error:
        find_observation(dataset, "victims_identified", "2017", {"sex": "other"})
    assert str(error.value).startswith("the dataset has no figure for victims_identified 2017 sex=other; for ")


# --- python -m scripts.content.stats ----------------------------------------------------------------------------


def test_command_prints_a_table_of_the_dataset(capsys):
    assert stats_command.main([]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["metric", "period", "breakdown", "value", "source", "locator"]
    rows = lines[2 : 2 + len(REAL["observations"])]
    assert rows[1].split()[:5] == ["victims_identified", "2017", "sex=female", "66", "mia-annual-report-2017"]
    assert rows[1].endswith("paragraph beginning 'Of the 71 identified victims'")
    counts = f"{len(REAL['observations'])} observations, {len(REAL['metrics'])} metrics, {len(REAL['sources'])} sources"
    assert lines[-1] == f"{counts}: the dataset is valid."


def test_command_fails_with_the_messages_on_an_invalid_dataset(tmp_path):
    path = write_variant(tmp_path, observation_0(value=-71))
    result = subprocess.run(
        [sys.executable, "-m", "scripts.content.stats", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    line = next(n for n, text in enumerate(path.read_text("utf-8").splitlines(), start=1) if '"value": -71' in text)
    assert result.stderr == (
        f"{path} is not valid (1 problem):\n  {path} line {line}: $.observations[0].value: found -71; "
        "expected: -71 is less than the minimum of 0 (schema rule 'minimum')\n"
    )


def test_command_runs_as_a_module_on_the_real_dataset():
    result = subprocess.run(
        [sys.executable, "-m", "scripts.content.stats"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().endswith("the dataset is valid.")
