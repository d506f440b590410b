"""The glossary (data/glossary.yml): loaded, checked against its schema, patterns compiled.

An avoided word is written as an editor reads it, with `*` for any ending ("potensial
qurban*"); a `regex:` entry is a Python regular expression for what a `*` cannot say.
Both match whole words only, in any letter case unless `case_sensitive` is set.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from scripts import yaml_reader

ROOT = Path(__file__).resolve().parents[3]
GLOSSARY = ROOT / "data" / "glossary.yml"
SCHEMA = ROOT / "data" / "glossary.schema.json"
LOCALES = ("az", "en", "ru")


class GlossaryError(Exception):
    """The glossary file is wrong; the message names the file, the line and what to change."""


@dataclass(frozen=True)
class Avoided:
    written: str  # as in the glossary: "potensial qurban*"
    pattern: re.Pattern[str]
    use: str  # what to write instead


@dataclass(frozen=True)
class Term:
    id: str
    preferred: dict[str, str]
    avoid: dict[str, tuple[Avoided, ...]]
    reason: str


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    titles: dict[str, tuple[re.Pattern[str], ...]]
    # noun id -> locale -> CLDR plural category (and genitive_one) -> form
    nouns: dict[str, dict[str, dict[str, str]]]


def whole_words(expression: str, case_sensitive: bool = False) -> re.Pattern[str]:
    """The expression matched as whole words: not inside a longer word."""
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<!\w)(?:{expression})(?!\w)", flags)


def wildcard_expression(written: str) -> str:
    """'potensial qurban*' -> a regex where `*` is any ending and a space any run of spaces."""
    parts = []
    for character in written:
        if character == "*":
            parts.append(r"\w*")
        elif character == " ":
            parts.append(r"\s+")
        else:
            parts.append(re.escape(character))
    return "".join(parts)


def _avoided(entry: str | dict[str, Any], preferred: str) -> Avoided:
    if isinstance(entry, str):
        return Avoided(entry, whole_words(wildcard_expression(entry)), f'"{preferred}"')
    pattern = whole_words(entry["regex"], bool(entry.get("case_sensitive")))
    use = entry.get("use")
    return Avoided(entry["regex"], pattern, f'"{use}"' if use else f'"{preferred}"')


def _line_of(node: yaml.Node, path: list[str | int]) -> int:
    """1-based line of the YAML node at a JSON-schema error path (the closest that exists)."""
    for step in path:
        if isinstance(node, yaml.MappingNode):
            matches = [value for key, value in node.value if key.value == step]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            matches = [node.value[step]]
        else:
            matches = []
        if not matches:
            break
        node = matches[0]
    return node.start_mark.line + 1


def _schema_problems(data: Any, root: yaml.Node, name: str) -> list[str]:
    validator = Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    return [
        f"{name}:{_line_of(root, list(error.absolute_path))}: {error.message} "
        f"(at {'/'.join(map(str, error.absolute_path)) or 'the top'}; rules in data/glossary.schema.json)"
        for error in sorted(validator.iter_errors(data), key=lambda error: list(map(str, error.absolute_path)))
    ]


def _compile(data: dict[str, Any], root: yaml.Node, name: str) -> Glossary:
    problems: list[str] = []
    terms: list[Term] = []
    seen: set[str] = set()
    for index, raw in enumerate(data["terms"]):
        if raw["id"] in seen:
            problems.append(f"{name}:{_line_of(root, ['terms', index, 'id'])}: term id '{raw['id']}' is used twice")
        seen.add(raw["id"])
        avoid: dict[str, tuple[Avoided, ...]] = {}
        for locale, entries in raw.get("avoid", {}).items():
            compiled = []
            for position, entry in enumerate(entries):
                try:
                    compiled.append(_avoided(entry, raw[locale]))
                except re.error as error:
                    line = _line_of(root, ["terms", index, "avoid", locale, position])
                    written = entry["regex"] if isinstance(entry, dict) else entry
                    problems.append(f"{name}:{line}: '{written}' is not a valid regular expression: {error}")
            avoid[locale] = tuple(compiled)
        terms.append(Term(raw["id"], {locale: raw[locale] for locale in LOCALES}, avoid, raw["reason"]))
    titles = {
        locale: tuple(whole_words(wildcard_expression(title)) for title in data["titles"].get(locale, []))
        for locale in LOCALES
    }
    if problems:
        raise GlossaryError("\n".join(problems))
    return Glossary(tuple(terms), titles, data["nouns"])


def load_glossary(path: Path = GLOSSARY) -> Glossary:
    name = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml_reader.compose(text)
        data = yaml_reader.safe_load(text)
    except yaml.YAMLError as error:
        raise GlossaryError(f"{name}: not valid YAML: {error}") from error
    if root is None:
        raise GlossaryError(f"{name}: the file is empty")
    problems = _schema_problems(data, root, name)
    if problems:
        raise GlossaryError("\n".join(problems))
    return _compile(data, root, name)


@lru_cache(maxsize=1)
def site_glossary() -> Glossary:
    """The real glossary, read once per process (the build and the check both use it)."""
    return load_glossary()
