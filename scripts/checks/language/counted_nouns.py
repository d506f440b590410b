"""Figures followed by a noun typed by hand: in Russian and English the noun's form depends
on the number ("5 мужчин", "1 мужчина"), which can change with the dataset. The marker's
`noun=` option writes the right form for any number (scripts/content/stats/format.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from scripts.checks.language.glossary import ROOT
from scripts.checks.language.problems import Problem
from scripts.checks.language.texts import file_locale, mask_code_spans
from scripts.content.markers import outside_fences

STAT_THEN_WORD = re.compile(r"(\[\[stat\s[^\[\]\n]*?)\]\](\s+)([^\W\d_]+)")
CHECKED_LOCALES = ("ru", "en")


def noun_of_word(nouns: Mapping[str, Mapping[str, Mapping[str, str]]], locale: str) -> dict[str, str]:
    """The first word of every form of every counted noun -> the noun's id."""
    return {
        form.split()[0].lower(): noun_id
        for noun_id, languages in nouns.items()
        for form in languages.get(locale, {}).values()
    }


def counted_noun_problems(
    paths: Iterable[Path], nouns: Mapping[str, Mapping[str, Mapping[str, str]]], root: Path = ROOT
) -> Iterator[Problem]:
    for path in paths:
        if path.suffix != ".md":
            continue
        relative = path.relative_to(root).as_posix()
        locale = file_locale(relative)
        if locale not in CHECKED_LOCALES:
            continue
        known = noun_of_word(nouns, locale)
        code_run = 0
        for index, raw in outside_fences(path.read_text(encoding="utf-8").splitlines()):
            number = index + 1
            without_code, code_run = mask_code_spans(raw, code_run)
            for match in STAT_THEN_WORD.finditer(without_code):
                noun_id = known.get(match.group(3).lower())
                if noun_id is None or "noun=" in match.group(1):
                    continue
                yield Problem(
                    relative,
                    number,
                    match.group(0),
                    f'"{match.group(1)} noun={noun_id}]]"',
                    "the noun then agrees with any number; README, Markers in pages",
                )
