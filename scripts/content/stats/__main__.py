"""`python -m scripts.content.stats [DATASET]`: validate the statistics dataset and print it as a table.

For editors (what figures exist, and where each comes from) and for CI: on an invalid
dataset it prints every problem, each naming the JSON path, the value found and the
rule broken, and exits with status 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from scripts.content.stats.dataset import DATASET_PATH, Dataset, DatasetError, Observation, load_dataset
from scripts.content.stats.downloads import plain_number
from scripts.content.stats.render import breakdown_attribute

COLUMNS = ("metric", "period", "breakdown", "value", "source", "locator")


def table_rows(dataset: Dataset) -> list[tuple[str, ...]]:
    return [_row(observation) for observation in dataset.observations]


def _row(observation: Observation) -> tuple[str, ...]:
    return (
        observation.metric,
        observation.period,
        breakdown_attribute(observation),
        plain_number(observation.value),
        observation.source,
        observation.locator,
    )


def format_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Plain-text columns padded to the widest cell; the last column is not padded."""
    widths = [max(len(row[index]) for row in [header, *rows]) for index in range(len(header) - 1)]

    def line(cells: Sequence[str]) -> str:
        padded = [cell.ljust(width) for cell, width in zip(cells, widths, strict=False)]
        return "  ".join([*padded, cells[-1]]).rstrip()

    rule = ["-" * width for width in widths] + ["-" * len(header[-1])]
    return "\n".join([line(header), line(rule), *(line(row) for row in rows)])


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m scripts.content.stats", description=__doc__.splitlines()[0])
    parser.add_argument("dataset", nargs="?", type=Path, default=DATASET_PATH, help="default: data/statistics.json")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    try:
        dataset = load_dataset(arguments.dataset)
    except DatasetError as error:
        print(error, file=sys.stderr)
        return 1
    print(format_table(COLUMNS, table_rows(dataset)))
    counts = f"{len(dataset.observations)} observations, {len(dataset.metrics)} metrics, {len(dataset.sources)} sources"
    print(f"\n{counts}: the dataset is valid.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
