"""Words that mix Latin and Cyrillic letters: a letter typed on the wrong keyboard layout
("әlamət" with a Cyrillic ә, "пoмощь" with a Latin o). They look right and are wrong for
search, screen readers and spelling."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from scripts.checks.language.problems import Problem
from scripts.checks.language.texts import TextLine

WORD = re.compile(r"[^\W\d_]+")
# Look-alike letters: Cyrillic -> Latin (for az and en text); reversed for ru text.
CYRILLIC_TO_LATIN = str.maketrans("аеорсхуіјһәөүкмнтвАЕОРСХУІЈҺӘӨҮКМНТВ", "aeopcxyijhəöükmhtbAEOPCXYIJHƏÖÜKMHTB")
LATIN_TO_CYRILLIC = str.maketrans("aeopcxyAEOPCXYKMHTB", "аеорсхуАЕОРСХУКМНТВ")


def script_of(letter: str) -> str:
    name = unicodedata.name(letter, "")
    return "Cyrillic" if name.startswith("CYRILLIC") else "Latin" if name.startswith("LATIN") else "other"


def mixed_script_problems(lines: Iterable[TextLine]) -> Iterator[Problem]:
    for line in lines:
        for match in WORD.finditer(line.text):
            word = match.group(0)
            scripts = {script_of(letter) for letter in word} - {"other"}
            if len(scripts) < 2:
                continue
            if line.locale == "ru":
                fixed, wrong = word.translate(LATIN_TO_CYRILLIC), "Latin"
            else:
                fixed, wrong = word.translate(CYRILLIC_TO_LATIN), "Cyrillic"
            letters = ", ".join(dict.fromkeys(letter for letter in word if script_of(letter) == wrong))
            yield Problem(line.path, line.line, word, f'"{fixed}"', f"{wrong} letters {letters} in the word")
