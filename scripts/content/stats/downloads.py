"""The statistics page's downloads: the dataset as JSON, and one CSV per language.

Written once into the built site (after every language is built):
- `data/statistics.json`: the dataset file itself, byte for byte, with its schema beside
  it (the file's `$schema` points to `./statistics.schema.json`);
- `data/statistics-<locale>.csv`: one row per observation, headers and labels in that
  language where the dataset or data/ui/statistics.yml has a translation (locators stay
  as the dataset gives them). UTF-8 with a byte order mark, so that spreadsheet
  programs read Azerbaijani and Russian letters correctly instead of guessing a legacy
  encoding. Values stay plain numbers (`4.2`, `9000`), so spreadsheets can compute
  with them; how exact a figure is goes in a column of its own.
"""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

from scripts.content.stats.dataset import DATASET_PATH, SCHEMA_PATH, Dataset, Observation

DOWNLOAD_FOLDER = "data"
CSV_COLUMNS = ("metric", "period", "breakdown", "value", "unit", "source", "locator", "accuracy")

Text = Callable[[str], str]  # interface strings of one language (scripts.content.ui_strings.UiStrings)


def json_download() -> str:
    """The JSON download's path from the site root."""
    return f"{DOWNLOAD_FOLDER}/{DATASET_PATH.name}"


def csv_download(locale: str) -> str:
    """The CSV download's path from the site root, for one language."""
    return f"{DOWNLOAD_FOLDER}/statistics-{locale}.csv"


def plain_number(value: float) -> str:
    """`71`, `32000000000`, `4.2`: what a spreadsheet reads as a number in any locale."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _label(texts: Mapping[str, str], locale: str) -> str:
    return texts.get(locale) or next(iter(texts.values()))


def _breakdown_label(dataset: Dataset, observation: Observation, locale: str) -> str:
    return "; ".join(
        f"{_label(dataset.dimensions[key].label, locale)}: {_label(dataset.dimensions[key].values[value], locale)}"
        for key, value in sorted(observation.breakdown.items())
    )


def _source_title(dataset: Dataset, source_id: str, locale: str) -> str:
    source = dataset.sources[source_id]
    return source.title_local.get(locale, source.title)


def _accuracy(observation: Observation, text: Text) -> str:
    parts = [text(f"stats.qualifier.{observation.qualifier}")] if observation.qualifier else []
    if observation.estimate:
        parts.append(text("stats.estimate"))
    return "; ".join(parts)


def csv_row(dataset: Dataset, observation: Observation, locale: str, text: Text) -> list[str]:
    return [
        _label(dataset.metrics[observation.metric].label, locale),
        observation.period,
        _breakdown_label(dataset, observation, locale),
        plain_number(observation.value),
        text(f"stats.unit.{dataset.metrics[observation.metric].unit}"),
        _source_title(dataset, observation.source, locale),
        observation.locator,
        _accuracy(observation, text),
    ]


def csv_text(dataset: Dataset, locale: str, text: Text) -> str:
    """The CSV of one language: a header row, then every observation in dataset order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # RFC 4180: CRLF line ends, quotes only where needed
    writer.writerow([text(f"stats.csv.{column}") for column in CSV_COLUMNS])
    writer.writerows(csv_row(dataset, observation, locale, text) for observation in dataset.observations)
    return buffer.getvalue()


def write_downloads(
    site_dir: Path,
    dataset: Dataset,
    texts: Mapping[str, Text],
    dataset_path: Path = DATASET_PATH,
    schema_path: Path = SCHEMA_PATH,
) -> list[Path]:
    """Write the JSON (and its schema) and one CSV per language of `texts`; returns the files written."""
    folder = site_dir / DOWNLOAD_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = [site_dir / json_download(), folder / schema_path.name]
    shutil.copyfile(dataset_path, written[0])
    shutil.copyfile(schema_path, written[1])
    for locale, text in texts.items():
        path = site_dir / csv_download(locale)
        # newline="": csv already wrote the CRLF line ends; "utf-8-sig" adds the byte order mark.
        path.write_text(csv_text(dataset, locale, text), encoding="utf-8-sig", newline="")
        written.append(path)
    return written
