"""Türkiye Turkish forms in Azerbaijani text: words of a curated list (data/language/
turkish-forms.yml), each with the Azerbaijani word to use, and Türkiye Turkish endings
(verbs in -yor, futures in -acak/-ecek, infinitives in -mak/-mek, plurals in -ler)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from scripts import yaml_reader
from scripts.checks.language.glossary import ROOT, whole_words, wildcard_expression
from scripts.checks.language.problems import Problem
from scripts.checks.language.terms import QUOTED_SPANS
from scripts.checks.language.texts import TextLine

TURKISH_FORMS = ROOT / "data" / "language" / "turkish-forms.yml"


@dataclass(frozen=True)
class TurkishForm:
    pattern: re.Pattern[str]
    use: str
    what: str


@lru_cache(maxsize=4)
def load_turkish_forms(path: Path = TURKISH_FORMS) -> tuple[TurkishForm, ...]:
    data = yaml_reader.safe_load(path.read_text(encoding="utf-8"))
    forms = [
        TurkishForm(whole_words(wildcard_expression(word)), f'"{azerbaijani}"', "a Türkiye Turkish word")
        for word, azerbaijani in data["words"].items()
    ]
    forms += [
        TurkishForm(whole_words(ending["regex"], case_sensitive=False), ending["use"], ending["what"])
        for ending in data["endings"]
    ]
    return tuple(forms)


def turkish_problems(lines: Iterable[TextLine], forms: tuple[TurkishForm, ...] | None = None) -> Iterator[Problem]:
    forms = load_turkish_forms() if forms is None else forms
    for line in lines:
        if line.locale != "az":
            continue
        quoted = [match.span() for match in QUOTED_SPANS.finditer(line.text)] if line.verbatim else []
        for form in forms:
            for match in form.pattern.finditer(line.text):
                if any(start <= match.start() < end for start, end in quoted):
                    continue
                yield Problem(line.path, line.line, match.group(0), form.use, form.what)
