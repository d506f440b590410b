"""Markdown style of the pages and the editors' guides, with a fix for every finding.

    python -m scripts.checks.lint_markdown [PATH ...]      (default: docs/ and CONTRIBUTING*.md)

The rules are the small set enabled in .rumdl.toml; the linter is rumdl (PyPI's `rumdl`, a
Rust program shipped in its wheel). It replaced pymarkdownlnt, whose parser formats its whole
token list into a debug message on every line (even with logging off) and scans the document
backwards per line, so that its time grew with the square of a page's length: 106 s for a
2 MB page, against under 1 s for rumdl. Each rule below has the plain-words fix shown to
editors; a rule enabled in .rumdl.toml without one here is an error (see the tests).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

from scripts.problems import Problem

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / ".rumdl.toml"
RUMDL = Path(sys.executable).parent / "rumdl"

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


class LinterError(Exception):
    """rumdl could not run (not installed, or a broken configuration)."""


def enabled_rules(config: Path = CONFIG) -> list[str]:
    settings = tomllib.loads(config.read_text(encoding="utf-8"))
    return sorted(rule.lower() for rule in settings["global"]["enable"])


def _relative(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        return path


def _problem(item: dict[str, object], root: Path) -> Problem:
    rule = str(item["rule"])
    fix = FIXES.get(rule.lower(), "see the rule's description in rumdl's documentation")
    return Problem(
        file=_relative(str(item["file"]), root),
        line=int(str(item["line"])),
        found=f"{str(item['message']).rstrip('.')} [{rule}, column {item['column']}]",
        fix=fix,
    )


def lint(paths: list[Path], root: Path = ROOT, config: Path = CONFIG) -> list[Problem]:
    """Every style problem of the Markdown files (and folders) given, in file and line order."""
    if not paths:
        return []
    command = [str(RUMDL), "check", "--no-cache", "--deny-config-warnings", "--config", str(config)]
    command += ["--output-format", "json-lines", "--color", "never", *map(str, paths)]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    except FileNotFoundError:
        raise LinterError(f"{RUMDL} is missing: run `make build` once to install the tools") from None
    items = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode not in (0, 1) or (result.returncode == 1 and not items):
        raise LinterError(f"rumdl failed (exit {result.returncode}): {result.stderr.strip() or result.stdout.strip()}")
    items.sort(key=lambda item: (str(item["file"]), int(item["line"]), int(item["column"]), str(item["rule"])))
    return [_problem(item, root) for item in items]


def default_paths(root: Path = ROOT) -> list[Path]:
    return [root / "docs", *sorted(root.glob("CONTRIBUTING*.md"))]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    paths = [Path(arg) for arg in args] or default_paths()
    try:
        problems = lint(paths)
    except LinterError as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem)
    if problems:
        print(f"\nMarkdown style: {len(problems)} problem(s). The rules are in .rumdl.toml.")
        return 1
    print(f"Markdown style: OK ({', '.join(path.name for path in paths)}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
