"""Russian spelling, against Hunspell's Russian dictionary and the project's word list.

The dictionary is LibreOffice's Russian Hunspell dictionary as the npm package
dictionary-ru packs it, downloaded from the npm registry (no npm needed), checked against
its pinned sha512 and kept in .cache/ (git-ignored); spylls, a pure-Python Hunspell, reads
it. Names and terms the dictionary lacks are in data/language/ru-words.txt, one a line
(`*` at the end stands for any ending: "Айгюн*"). Abbreviations in capitals (ОБСЕ, НПО)
are not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from scripts.checks.language.glossary import ROOT
from scripts.checks.language.problems import Problem
from scripts.checks.language.texts import TextLine
from scripts.npm_tarball import NpmTarballError, ensure_files

PACKAGE = "dictionary-ru"
VERSION = "3.0.0"
# dist.integrity of https://registry.npmjs.org/dictionary-ru/3.0.0
INTEGRITY = "sha512-tigem0CDnNpxEciW6ktwVH3wWB4FYpuvpwA6IR6UlF7bVu2kez6vOejVNyZgBX1TJIjuYTCTuLxzg/YOls2mRQ=="
CACHE_DIR = ROOT / ".cache" / f"{PACKAGE}-{VERSION}"
FILES = {"package/index.aff": CACHE_DIR / "ru.aff", "package/index.dic": CACHE_DIR / "ru.dic"}
WORD_LIST = ROOT / "data" / "language" / "ru-words.txt"
RUSSIAN_WORD = re.compile(r"(?<![\w-])[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*(?![\w-])")
ABBREVIATION = re.compile(r"^[А-ЯЁ]{2,6}$")
SUGGESTIONS = 3
# Suggestions are slow (about a second a word): only for the first words not found.
SUGGESTED_WORDS = 10


class SpellingUnavailableError(RuntimeError):
    """The dictionary cannot be had; the message says why and what to do."""


class Speller(Protocol):
    def lookup(self, word: str) -> bool: ...
    def suggest(self, word: str) -> Iterable[str]: ...


def ensure_dictionary() -> Path:
    """The pinned dictionary's files, downloaded and checked on first use; their stem."""
    try:
        ensure_files(PACKAGE, VERSION, INTEGRITY, FILES)
    except NpmTarballError as error:
        raise SpellingUnavailableError(
            f"the Russian spelling dictionary is missing: {error}. It is downloaded once from the npm "
            f"registry into .cache/; run `make check-language` again with the network on"
        ) from error
    return CACHE_DIR / "ru"


@lru_cache(maxsize=1)
def russian_dictionary() -> Speller:
    from spylls.hunspell import Dictionary  # imported here: only the spelling check needs it

    speller: Speller = Dictionary.from_files(str(ensure_dictionary()))
    return speller


def load_word_list(path: Path = WORD_LIST) -> tuple[frozenset[str], tuple[str, ...]]:
    """The project's words (lower case) and stems (words written with a final `*`)."""
    entries = [
        line.strip().lower()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return frozenset(e for e in entries if not e.endswith("*")), tuple(e[:-1] for e in entries if e.endswith("*"))


def _known_by_list(word: str, words: frozenset[str], stems: tuple[str, ...]) -> bool:
    lower = word.lower()
    return lower in words or lower.startswith(stems)


def misspelled_words(text: str, speller: Speller, words: frozenset[str], stems: tuple[str, ...]) -> Iterator[str]:
    for match in RUSSIAN_WORD.finditer(text):
        word = match.group(0)
        if ABBREVIATION.match(word) or _known_by_list(word, words, stems) or speller.lookup(word):
            continue
        # A compound (интернет-кафе) passes when the dictionary knows each of its parts.
        parts = word.split("-")
        if len(parts) > 1 and all(_known_by_list(p, words, stems) or speller.lookup(p) for p in parts):
            continue
        yield word


def spelling_problems(
    lines: Iterable[TextLine], speller: Speller | None = None, word_list: Path = WORD_LIST
) -> Iterator[Problem]:
    speller = russian_dictionary() if speller is None else speller
    words, stems = load_word_list(word_list)
    suggested: dict[str, str] = {}
    for line in lines:
        if line.locale != "ru":
            continue
        for word in misspelled_words(line.text, speller, words, stems):
            if word not in suggested and len(suggested) < SUGGESTED_WORDS:
                options = [option for _, option in zip(range(SUGGESTIONS), speller.suggest(word), strict=False)]
                suggested[word] = " or ".join(f'"{option}"' for option in options) or "the right spelling"
            use = suggested.get(word, "the right spelling")
            yield Problem(
                line.path,
                line.line,
                word,
                use,
                "not in the Russian dictionary; a name or a term goes in data/language/ru-words.txt",
            )
