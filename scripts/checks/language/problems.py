"""One problem found in a file, worded the same way by every check."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # as an editor finds it in the repository: docs/ru/rights.md
    line: int
    found: str
    use: str
    note: str = ""

    def __str__(self) -> str:
        note = f" ({self.note})" if self.note else ""
        return f'{self.path}:{self.line}: found "{self.found}"; use {self.use}{note}'
