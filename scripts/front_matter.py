"""Every page's front matter: what each field is for, and the check that stops the build.

`title` and `description` feed the page title, search engines and link previews;
`last_reviewed` tells readers and editors how fresh the page is; `sources` names the
documents (ids of the sources registry in data/statistics.json) the page's facts come from.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Set
from typing import Any

REQUIRED_FIELDS: dict[str, str] = {
    "title": "the page title, as in its h1",
    "description": "one or two sentences for search engines and link previews",
    "last_reviewed": "the date the page was last checked against its sources, as YYYY-MM-DD",
    "sources": "a list of source ids from data/statistics.json, e.g. [mfa-combating-thb]",
}


class FrontMatterError(Exception):
    """A page's front matter is incomplete; the message names the file and what to add."""


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str | list) and not value)


def front_matter_problems(meta: Mapping[str, Any], known_sources: Set[str]) -> list[str]:
    """What is wrong with one page's front matter, each as an instruction to the editor."""
    problems = [
        f"'{name}' is missing or empty; add `{name}: ...` ({purpose})"
        for name, purpose in REQUIRED_FIELDS.items()
        if _is_blank(meta.get(name))
    ]
    reviewed = meta.get("last_reviewed")
    if not _is_blank(reviewed) and not isinstance(reviewed, datetime.date):
        problems.append(f"last_reviewed is {reviewed!r}; write the date as YYYY-MM-DD, e.g. 2026-11-23")
    sources = meta.get("sources")
    if not _is_blank(sources):
        if not isinstance(sources, list):
            problems.append(f"sources is {sources!r}; write a list, e.g. sources: [{sources}]")
        else:
            problems += [
                f"sources names unknown source '{source}'; known sources: {', '.join(sorted(known_sources))} "
                "(add a new source to data/statistics.json first)"
                for source in sources
                if source not in known_sources
            ]
    return problems


def check_front_matter(meta: Mapping[str, Any], known_sources: Set[str], source_label: str) -> None:
    problems = front_matter_problems(meta, known_sources)
    if problems:
        raise FrontMatterError("\n".join(f"{source_label}: front matter: {problem}" for problem in problems))
