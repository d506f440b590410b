"""The checks the build runs on each page: its Markdown source before rendering, and the
rendered page after. Each returns the problems as messages naming the page's source file and
line; the build collects every page's, and stops once all are known (problems_report)."""

from __future__ import annotations

from collections.abc import Mapping, Set
from typing import Any

from scripts.build.held_html import HeldHtmlError, check_no_token_left
from scripts.checks.front_matter import FrontMatterError, check_front_matter
from scripts.checks.unsafe_markup import (
    UnsafeMarkupError,
    check_html,
    check_markdown,
    front_matter_problems,
    page_findings,
)


def source_problems(source: str, meta: Mapping[str, Any], known_sources: Set[str], label: str) -> list[str]:
    """The page's whole source file (front matter too, so that line numbers match the
    editor's): unsafe markup, and its front matter against data/front-matter.schema.json."""
    problems: list[str] = []
    try:
        check_markdown(source, label)
    except UnsafeMarkupError as error:
        problems.append(str(error))
    problems += [str(problem) for problem in front_matter_problems(source, label)]
    try:
        check_front_matter(meta, known_sources, label)
    except FrontMatterError as error:
        problems.append(str(error))
    return problems


def built_page_problems(page_html: str, content: str, source: str, label: str, own_url: str | None) -> list[str]:
    """The rendered page: no held-HTML token left, no unsafe markup or file from another host
    in its content (located in the source) and then in the whole page, theme included."""
    problems: list[str] = []
    try:
        check_no_token_left(page_html, label)
    except HeldHtmlError as error:
        problems.append(str(error))
    try:
        check_html(content, label, source, own_url)
    except UnsafeMarkupError as error:
        problems.append(str(error))
    else:
        # Only what the content check did not name.
        problems += [
            finding.message(label) + " (found in the built page outside its text: the front matter, a data file "
            "in data/ or the theme in overrides/)"
            for finding in page_findings(page_html, own_url)
        ]
    return problems


def problems_report(problems: list[str]) -> str:
    """One message for every problem of every page, counted by their first lines."""
    count = sum(1 for problem in problems for line in problem.splitlines() if not line.startswith("  "))
    return f"{count} problem(s) in the pages; fix each and build again:\n" + "\n".join(problems)
