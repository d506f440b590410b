"""Every page's front matter: what each field is for, and the check that stops the build.

`title` and `description` feed the page title, search engines and link previews;
`last_reviewed` tells readers and editors how fresh the page is; `sources` names the
documents (ids of the sources registry in data/statistics.json) the page's facts come from.

The fields and their rules live in data/front-matter.schema.json; this module turns each
schema finding into an instruction for the editor. The build calls `check_front_matter`;
editors run `python -m scripts.checks.front_matter` to check every page without building.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
from collections.abc import Mapping, Set
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker, ValidationError

from scripts import site_config, yaml_reader
from scripts.problems import Problem

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "data" / "front-matter.schema.json"
DATASET_PATH = ROOT / "data" / "statistics.json"
DATE_EXAMPLE = "2026-11-23"
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.DOTALL)


@lru_cache(maxsize=1)
def load_schema(path: Path = SCHEMA_PATH) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _required_fields(schema: Mapping[str, Any]) -> dict[str, str]:
    return {name: schema["properties"][name]["description"] for name in schema["required"]}


REQUIRED_FIELDS: dict[str, str] = _required_fields(load_schema())


class FrontMatterError(Exception):
    """A page's front matter is incomplete; the message names the file and what to add."""


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str | list) and not value)


def _as_json(meta: Mapping[str, Any]) -> dict[str, Any]:
    # YAML reads an unquoted 2026-11-23 as a date; JSON Schema sees dates as strings.
    return {key: value.isoformat() if isinstance(value, datetime.date) else value for key, value in meta.items()}


def _field_of(error: ValidationError) -> str:
    return str(error.path[0]) if error.path else ""


def _instruction(name: str, value: Any, errors: list[ValidationError], purpose: str) -> str:
    """One plain instruction for a field the schema rejected."""
    if name == "last_reviewed":
        return f"last_reviewed is {value!r}; write the date as YYYY-MM-DD, e.g. {DATE_EXAMPLE}"
    if name == "sources" and not isinstance(value, list):
        return f"sources is {value!r}; write a list, e.g. sources: [{value}]"
    if name == "sources":
        bad = [item for item in value if not isinstance(item, str) or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", item)]
        return f"sources has {', '.join(repr(item) for item in bad)}; a source id is lower-case words joined by '-'"
    return f"{name} is {value!r}: {errors[0].message}; write {purpose}"


def front_matter_findings(meta: Mapping[str, Any], known_sources: Set[str]) -> list[tuple[str, str]]:
    """(field, instruction) for everything wrong with one page's front matter."""
    schema = load_schema()
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    errors = list(validator.iter_errors(_as_json(meta)))
    findings: list[tuple[str, str]] = [
        (name, f"'{name}' is missing or empty; add `{name}: ...` ({purpose})")
        for name, purpose in REQUIRED_FIELDS.items()
        if _is_blank(meta.get(name))
    ]
    for name, spec in schema["properties"].items():
        field_errors = [error for error in errors if _field_of(error) == name]
        if field_errors and not _is_blank(meta.get(name)):
            findings.append((name, _instruction(name, meta[name], field_errors, spec["description"])))
    sources = meta.get("sources")
    if isinstance(sources, list):
        findings += [
            (
                "sources",
                f"sources names unknown source '{source}'; known sources: {', '.join(sorted(known_sources))} "
                "(add a new source to data/statistics.json first)",
            )
            for source in sources
            if isinstance(source, str) and source not in known_sources
        ]
    return findings


def front_matter_problems(meta: Mapping[str, Any], known_sources: Set[str]) -> list[str]:
    """What is wrong with one page's front matter, each as an instruction to the editor."""
    return [problem for _, problem in front_matter_findings(meta, known_sources)]


def check_front_matter(meta: Mapping[str, Any], known_sources: Set[str], source_label: str) -> None:
    problems = front_matter_problems(meta, known_sources)
    if problems:
        raise FrontMatterError("\n".join(f"{source_label}: front matter: {problem}" for problem in problems))


# --- The command: check every page of every language without a build. ---


@dataclass(frozen=True)
class PageProblem:
    path: str
    line: int
    problem: str

    def __str__(self) -> str:
        return f"{self.path} line {self.line}: front matter: {self.problem}"

    def as_problem(self) -> Problem:
        """The same finding in the shape every check shares: what was found, then the fix."""
        found, _, fix = self.problem.partition("; ")
        return Problem(self.path, self.line, f"front matter: {found}", fix or "see data/front-matter.schema.json")


def _field_line(block: str, name: str) -> int:
    """The file line of `name:` inside the front matter (line 1 is the opening ---)."""
    for number, text in enumerate(block.splitlines(), start=2):
        if re.match(rf"{re.escape(name)}\s*:", text):
            return number
    return 1


def check_page(path: Path, label: str, known_sources: Set[str]) -> list[PageProblem]:
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if not match:
        return [
            PageProblem(
                label,
                1,
                "there is no front matter; start the file with a block between two --- lines "
                "holding title, description, last_reviewed and sources (copy it from another language)",
            )
        ]
    block = match.group(1) or ""
    try:
        meta = yaml_reader.safe_load(block) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        return [
            PageProblem(
                label,
                line,
                f"not valid YAML ({getattr(error, 'problem', error)}); "
                "write each field as `name: value` on its own line",
            )
        ]
    if not isinstance(meta, dict):
        return [PageProblem(label, 2, "write each field as `name: value` on its own line")]
    return [
        PageProblem(label, _field_line(block, name), problem)
        for name, problem in front_matter_findings(meta, known_sources)
    ]


class SourcesUnreadableError(Exception):
    """data/statistics.json cannot give its source ids; the message says where and why."""


def known_source_ids(path: Path = DATASET_PATH) -> set[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return set(data["sources"])
    except FileNotFoundError:
        raise SourcesUnreadableError(f"{path.name} is missing: the pages' sources are checked against it") from None
    except json.JSONDecodeError as error:
        raise SourcesUnreadableError(
            f"{path.name} line {error.lineno}, column {error.colno}: not valid JSON ({error.msg}); "
            "fix it first (make check-data shows the details): the pages' sources are checked against it"
        ) from None
    except (KeyError, TypeError):
        raise SourcesUnreadableError(
            f'{path.name} has no "sources" object: the pages\' sources are checked against it'
        ) from None


def check_all(root: Path = ROOT) -> list[Problem]:
    """Every page's front-matter problems, all at once, each with its line."""
    try:
        known = known_source_ids(root / "data" / "statistics.json")
    except SourcesUnreadableError as error:
        message = str(error)
        return [Problem("data/statistics.json", 0, message.split("; ")[0], message.partition("; ")[2] or message)]
    return [problem.as_problem() for problem in check_pages(root, known)]


def check_pages(root: Path, known: set[str]) -> list[PageProblem]:
    config = site_config.load_mkdocs_config(root / "mkdocs.yml")
    problems: list[PageProblem] = []
    for locale in site_config.locales(config):
        for page in site_config.pages(config):
            path = root / "docs" / locale / page
            if path.is_file():  # a missing page is the translation check's finding
                problems += check_page(path, f"docs/{locale}/{page}", known)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the front matter of every page in every language.")
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository (default: this one)")
    root = parser.parse_args(argv).root.resolve()
    try:
        known = known_source_ids(root / "data" / "statistics.json")
    except SourcesUnreadableError as error:
        print(f"ERROR: data/statistics.json: {error}", file=sys.stderr)
        return 1
    problems = check_pages(root, known)
    for problem in problems:
        print(problem)
    if problems:
        print(
            f"\nFront matter: {len(problems)} problem(s). Fix each line above; the fields are described in "
            "data/front-matter.schema.json and CONTRIBUTING.md.",
            file=sys.stderr,
        )
        return 1
    print("Front matter: every page has a complete front matter.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
