"""`make check`: every check an editor's change can fail, all run, every problem listed.

    python -m scripts.editor_checks            every check (make check)
    python -m scripts.editor_checks NAME ...   only these (make check-NAME)

CHECKS is the one list of checks: `make check`, the `make check-NAME` targets, pre-commit
and CI's fast job all run from it. A new check is one entry: a name, a title and a function
that takes the repository's folder and returns its Problems (scripts/problems.py: file, line,
what was found, the fix), for example

    Check("language", "No English left in Azerbaijani and Russian pages", language_problems),

Checks that need no build come first (they take well under a second each); the build comes
last: it stops on markers, unsafe markup, files from other hosts and broken links or anchors,
naming each (scripts/hooks.py), and leaves site/ as it was when it fails.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from scripts import build_site, check_language, front_matter, lint_markdown, translation_status
from scripts.language.glossary import GlossaryError
from scripts.language.spelling import SpellingUnavailableError
from scripts.language.texts import checked_files
from scripts.problems import Problem
from scripts.stats.dataset import DatasetError, load_dataset

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Result:
    problems: list[Problem] = field(default_factory=list)
    text: str = ""  # output already in its own words (the build's), shown as it is
    summary: str = ""  # Markdown for the CI job summary
    failed_text: bool = False  # `text` holds problems (the build failed)

    @property
    def failed(self) -> bool:
        return self.failed_text or any(not problem.warning for problem in self.problems)


@dataclass(frozen=True)
class Check:
    name: str  # `make check-NAME`
    title: str
    run: Callable[[Path], Result]


def _translations(root: Path) -> Result:
    report = translation_status.translation_report(root)
    return Result(translation_status.problems(report), summary=translation_status.markdown_report(report))


def _front_matter(root: Path) -> Result:
    return Result(front_matter.check_all(root))


def _data(root: Path) -> Result:
    try:
        load_dataset(root / "data" / "statistics.json", root / "data" / "statistics.schema.json")
    except DatasetError as error:
        return Result(error.problems)
    return Result()


def _markdown(root: Path) -> Result:
    return Result(lint_markdown.lint(lint_markdown.default_paths(root), root))


def _language(root: Path) -> Result:
    # The words and typography of pages and data (scripts/check_language.py); the glossary's
    # reason for a term goes with its fix, so that the editor learns why.
    try:
        found = check_language.language_problems(sorted(checked_files(root)), root)
    except (GlossaryError, SpellingUnavailableError) as error:
        return Result(text=str(error), failed_text=True)
    reasons = check_language.glossary_reasons()
    return Result(
        [
            Problem(
                problem.path,
                problem.line,
                f'"{problem.found}"' + (f" ({problem.note})" if problem.note else ""),
                f"use {problem.use}" + "".join(f"; {reason}" for reason in check_language.why([problem], reasons)),
            )
            for problem in found
        ]
    )


def _build(root: Path) -> Result:
    # A preview build with its offline copy, as `make build`, so that site/ is the checked site.
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    try:
        build_site.build_site(root / "site", env)
    except (build_site.BuildError, build_site.OfflineError) as error:
        return Result(text=build_site.problem_lines(str(error)), failed_text=True)
    return Result()


CHECKS: list[Check] = [
    Check("translations", "Every page in every language", _translations),
    Check("front-matter", "Front matter of every page", _front_matter),
    Check("data", "The statistics dataset (data/statistics.json)", _data),
    Check("markdown", "Markdown style of the pages and guides", _markdown),
    Check("language", "Words and typography: glossary terms, quotation marks, spelling", _language),
    Check(
        "build",
        "The build: markers, unsafe markup, files from other hosts, links and anchors",
        _build,
    ),
]


def run(names: list[str], root: Path = ROOT) -> int:
    chosen = [check for check in CHECKS if not names or check.name in names]
    failed: list[str] = []
    for check in chosen:
        start = time.monotonic()
        result = check.run(root)
        errors = [problem for problem in result.problems if not problem.warning]
        warnings = [problem for problem in result.problems if problem.warning]
        verdict = "FAILED" if result.failed else "OK"
        counts = f"{len(errors)} problem(s)" + (f", {len(warnings)} warning(s)" if warnings else "")
        print(f"== {check.title} [{check.name}]: {verdict}, {counts} ({time.monotonic() - start:.1f} s)")
        for problem in result.problems:
            print(problem)
        if result.text:
            print(result.text)
        _write_summary(result.summary)
        if result.failed:
            failed.append(check.name)
    if failed:
        print(
            f"\nSome checks failed ({', '.join(failed)}): fix each problem above; "
            "CONTRIBUTING.md explains every message."
        )
        return 1
    print("\nAll checks passed.")
    return 0


def _write_summary(markdown: str) -> None:
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if markdown and path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(markdown)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    known = [check.name for check in CHECKS]
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"only these checks: {', '.join(known)}")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in known]
    if unknown:
        parser.error(f"unknown check {', '.join(unknown)}; the checks are: {', '.join(known)}")
    return run(args.names)


if __name__ == "__main__":
    sys.exit(main())
