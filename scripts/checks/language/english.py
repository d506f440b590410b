"""English left in Azerbaijani and Russian text: common English function words, which
neither language uses. Quoted titles and names may stay in their own language."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from scripts.checks.language.problems import Problem
from scripts.checks.language.texts import TextLine

ENGLISH_WORDS = re.compile(
    # Not after a hyphen or apostrophe: Azerbaijani suffixes such as "ATƏT-in" are not English.
    r"(?<![\w'’-])(the|and|of|to|is|are|you|your|with|for|this|that|what|not|from|have|has|will|can|if|or|by|on|in|it|be|"
    r"an|at|we|our|they|their|who|how|when|which|there|here|page|read|more|call|help|about)(?![\w'’-])",
    re.IGNORECASE,
)
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"|„[^“]*“")
CHECKED_LOCALES = {"az": "Azerbaijani", "ru": "Russian"}


def english_words(text: str) -> list[str]:
    """The English words of a text, quoted passages left out, in the order they appear."""
    return [match.group(0) for match in ENGLISH_WORDS.finditer(QUOTED.sub(" ", text))]


def english_problems(lines: Iterable[TextLine]) -> Iterator[Problem]:
    for line in lines:
        language = CHECKED_LOCALES.get(line.locale)
        if language is None:
            continue
        found = english_words(line.text)
        if found:
            yield Problem(
                line.path,
                line.line,
                " ".join(dict.fromkeys(found)),
                f"{language} words",
                "English left in the text; a title or a name in its own language goes in quotation marks",
            )
