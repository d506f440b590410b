"""The term check: every word the glossary says to avoid, with the term to use instead.

Official titles listed in the glossary are exempt wherever they appear; on a line marked
verbatim, so is whatever stands inside quotation marks (a quotation, a title).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from scripts.checks.language.glossary import Glossary
from scripts.checks.language.problems import Problem
from scripts.checks.language.texts import TextLine

GLOSSARY_NOTE = "glossary: "
QUOTED_SPANS = re.compile(r"«[^»]*»|„[^“]*“|“[^”]*”|\"[^\"]*\"")


def exempt_spans(line: TextLine, glossary: Glossary) -> list[tuple[int, int]]:
    spans = [match.span() for title in glossary.titles.get(line.locale, ()) for match in title.finditer(line.text)]
    if line.verbatim:
        spans += [match.span() for match in QUOTED_SPANS.finditer(line.text)]
    return spans


def _matches(line: TextLine, glossary: Glossary) -> list[tuple[int, int, str, str]]:
    """(start, end, use, term id) of every avoided word on the line, outside exempt spans."""
    found = []
    exempt: list[tuple[int, int]] | None = None
    for term in glossary.terms:
        for avoided in term.avoid.get(line.locale, ()):
            for match in avoided.pattern.finditer(line.text):
                exempt = exempt_spans(line, glossary) if exempt is None else exempt
                if not any(start <= match.start() and match.end() <= end for start, end in exempt):
                    found.append((match.start(), match.end(), avoided.use, term.id))
    return found


def term_problems(lines: Iterable[TextLine], glossary: Glossary) -> Iterator[Problem]:
    for line in lines:
        matches = _matches(line, glossary)
        for start, end, use, term_id in matches:
            # A word inside a longer avoided phrase ("жертвам" in "потенциальным жертвам") is told once.
            inside = any(s <= start and end <= e and (s, e) != (start, end) for s, e, _, _ in matches)
            if not inside:
                yield Problem(line.path, line.line, line.text[start:end], use, f"{GLOSSARY_NOTE}{term_id}")
