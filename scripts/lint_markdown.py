"""Markdown style of the pages and the editors' guide, with a fix for every finding.

    python -m scripts.lint_markdown [PATH ...]      (default: docs/ and CONTRIBUTING*.md)

The rules are the small set enabled in .pymarkdown (the linter is PyPI's pymarkdownlnt).
They are chosen to fit Python-Markdown and Material: admonitions (`!!! note`) and their
indented bodies, attribute lists (`{#id}`), and markers (`[[stat ...]]`) pass; line length
is free (one paragraph per line is fine). List indentation (MD007) is left out: Python-Markdown
needs 4 spaces for a nested list everywhere, which the rule rejects under numbered lists.
Each rule below has the plain-words fix shown to editors; a rule enabled in .pymarkdown
without one here is an error (see the tests).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from pymarkdown.api import PyMarkdownApi, PyMarkdownApiException

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / ".pymarkdown"

FIXES: dict[str, str] = {
    "md001": "headings go down one level at a time: after ## comes ###, not ####",
    "md003": "write headings with # signs at the start of the line (## Heading), not with underlines",
    "md004": "start every list item with '- ' (a dash and a space)",
    "md009": "remove the spaces at the end of the line (for a line break, start a new paragraph)",
    "md010": "replace the tab with spaces (4 for an indented block)",
    "md011": "write links as [text](target): square brackets first, then round ones",
    "md012": "leave only one empty line here",
    "md018": "put a space after the # signs of the heading: ## Heading",
    "md019": "put exactly one space after the # signs of the heading",
    "md022": "leave an empty line before and after the heading",
    "md023": "start the heading at the beginning of the line, without spaces before #",
    "md024": "give this heading a different text from its sibling heading (the same text makes the same link anchor)",
    "md031": "leave an empty line before and after the ``` code block",
    "md032": "leave an empty line before the list's first item and after its last (otherwise it is not a list)",
    "md034": "write the address as a link: [what it is](https://...), so that it is clickable",
    "md037": "remove the spaces just inside the * or _ marks: *word*, not * word *",
    "md038": "remove the spaces just inside the ` marks",
    "md039": "remove the spaces just inside the link's square brackets: [text](target)",
    "md042": "give the link a target: [text](page.md) (an empty () or (#) leads nowhere)",
    "md045": "describe the image for people who cannot see it: ![what the image shows](file.png)",
    "md047": "end the file with exactly one line break",
}


@dataclass(frozen=True)
class StyleProblem:
    path: str
    line: int
    column: int
    rule: str
    what: str

    def __str__(self) -> str:
        fix = FIXES.get(self.rule.lower(), "see the rule's description in the pymarkdown documentation")
        return f"{self.path} line {self.line}, column {self.column}: {self.what} [{self.rule}]\n  Fix: {fix}."


def enabled_rules(config: Path = CONFIG) -> list[str]:
    plugins = json.loads(config.read_text(encoding="utf-8"))["plugins"]
    return sorted(name for name, value in plugins.items() if isinstance(value, dict) and value.get("enabled"))


def _relative(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        return path


def _describe(description: str, extra: str | None) -> str:
    detail = (extra or "").strip().strip("[]").strip()
    return f"{description.rstrip('.')} ({detail})" if detail else description.rstrip(".")


def lint(paths: list[Path], root: Path = ROOT, config: Path = CONFIG) -> list[StyleProblem]:
    api = PyMarkdownApi().configuration_file_path(str(config)).enable_strict_configuration()
    problems: list[StyleProblem] = []
    for path in paths:
        try:
            result = api.scan_path(str(path), recurse_if_directory=True)
        except PyMarkdownApiException as error:
            raise RuntimeError(f"the Markdown linter could not scan {path}: {error}") from error
        problems += [
            StyleProblem(
                path=_relative(failure.scan_file, root),
                line=failure.line_number,
                column=failure.column_number,
                rule=failure.rule_id,
                what=_describe(failure.rule_description, failure.extra_error_information),
            )
            for failure in result.scan_failures
        ]
    return sorted(problems, key=lambda problem: (problem.path, problem.line, problem.column, problem.rule))


def default_paths(root: Path = ROOT) -> list[Path]:
    return [root / "docs", *sorted(root.glob("CONTRIBUTING*.md"))]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    paths = [Path(arg) for arg in args] or default_paths()
    try:
        problems = lint(paths)
    except RuntimeError as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem)
    if problems:
        print(f"\nMarkdown style: {len(problems)} problem(s). The rules are in .pymarkdown.")
        return 1
    print(f"Markdown style: OK ({', '.join(path.name for path in paths)}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
