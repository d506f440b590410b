"""The one shape of every problem an editor is shown: the file, the line, what was found and
the fix. Every check of `make check` (scripts/checks/editor_checks.py) and the build report their
findings as Problems, so that all messages read alike and can be listed together."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Problem:
    file: str  # relative to the repository: docs/en/rights.md, data/statistics.json
    line: int  # 1-based; 0 when the problem is about the whole file
    found: str  # what is wrong, in plain words
    fix: str  # what the editor does about it
    warning: bool = False  # shown, but does not fail the check

    def where(self) -> str:
        return f"{self.file} line {self.line}" if self.line else self.file

    def __str__(self) -> str:
        label = "WARNING: " if self.warning else ""
        return f"{label}{self.where()}: {self.found}\n  Fix: {self.fix}"


def format_problems(problems: Iterable[Problem]) -> str:
    return "\n".join(str(problem) for problem in problems)


def to_json(problems: Iterable[Problem]) -> str:
    return json.dumps([asdict(problem) for problem in problems], ensure_ascii=False, indent=1)


def from_json(text: str) -> list[Problem]:
    return [Problem(**item) for item in json.loads(text)]


def line_of(text: str, offset: int) -> int:
    """The 1-based line of a character offset."""
    return text.count("\n", 0, offset) + 1
