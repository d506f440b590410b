"""The phone numbers the site gives (data/phones.yml): loading, rendering, and the check
that no page or data file types one itself.

A wrong number on this site can hurt someone, so each number lives in one place. Pages
write a marker (`[[hotline]]`, `[[phone police]]`, `[[hotline call]]`), data files the same
markers inside their texts, templates the `phone()` global; all of them render from here.
A number typed by hand (a `tel:` link, or the digits of any number in the file) stops the
build with the file, the line and the marker to write instead.
"""

from __future__ import annotations

import functools
import json
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup, escape

from scripts import yaml_reader
from scripts.content import html_templates
from scripts.content.markers import (
    INLINE_CODE_PATTERN,
    MARKER_PATTERN,
    Marker,
    MarkerError,
    outside_fences,
    parse_marker,
)

ROOT = Path(__file__).resolve().parents[2]
PHONES_PATH = ROOT / "data" / "phones.yml"
PHONES_NAME = "data/phones.yml"
NUMBER_PATTERN = re.compile(r"^\+?\d+( \d+)*$")
FIELDS = {"number", "dial", "forms", "source", "where"}
# The markers that name a phone number; [[hotline]] is [[phone hotline]].
PHONE_MARKERS = ("phone", "hotline")
TEMPLATES = html_templates.environment(Path(__file__).parent / "templates")


class PhoneError(Exception):
    """data/phones.yml is not valid, or a marker asks for what it does not have."""


@dataclass(frozen=True)
class PhoneNumber:
    id: str
    number: str  # as written: "152", "+90 312 157 11 12"
    source: str
    where: str
    dial: bool = True
    forms: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # locale -> form -> text

    @property
    def tel(self) -> str:
        """What a tel: link dials: the digits, with the + of a country code."""
        return self.number.replace(" ", "")

    def text(self, locale: str, form: str | None = None) -> str:
        """The number as written in `locale`, with a case ending when `form` names one."""
        if not form:
            return self.number
        forms = self.forms.get(locale, {})
        if form not in forms:
            have = ", ".join(sorted(forms)) or "none"
            raise PhoneError(
                f"{PHONES_NAME}: '{self.id}' has no {locale} form '{form}' (it has: {have}); "
                f"add `{form}: ...` under {self.id}: forms: {locale}:"
            )
        return forms[form]

    def digit_pattern(self) -> re.Pattern[str]:
        """The number's digits as typed in running text: its groups with or without spaces,
        dashes or dots between them, not inside a longer number."""
        return _digit_pattern(self.number)


@functools.cache
def _digit_pattern(number: str) -> re.Pattern[str]:
    # Compiled once per number: the check reads every line of every page and data file.
    groups = re.findall(r"\d+", number)
    body = r"[\s\u00a0\-.]?".join(groups)
    return re.compile(r"(?<![\d.,])(?:\+|00)?" + body + r"(?![\d]|[.,]\d)")


def _forms_valid(locale: Any, texts: Any, locales: Iterable[str]) -> bool:
    return locale in locales and isinstance(texts, dict) and all(isinstance(t, str) and t for t in texts.values())


def _entry_problems(key: str, entry: Any, locales: Iterable[str]) -> list[str]:
    where = f"{PHONES_NAME}: {key}"
    if not isinstance(entry, dict):
        return [f"{where}: expected a mapping with number, source and where"]
    expected = ", ".join(sorted(FIELDS))
    problems = [f"{where}: unknown field '{name}'; expected only {expected}" for name in entry if name not in FIELDS]
    number = entry.get("number")
    if not isinstance(number, str) or not NUMBER_PATTERN.match(number):
        problems.append(
            f"{where}: number is {number!r}; expected digits in quotes, groups separated by single spaces, "
            'an optional + for a country code (e.g. "152" or "+90 312 157 11 12")'
        )
    for name in ("source", "where"):
        if not isinstance(entry.get(name), str) or not entry[name].strip():
            problems.append(f"{where}: '{name}' is missing")
    if "dial" in entry and not isinstance(entry["dial"], bool):
        problems.append(f"{where}: dial is {entry['dial']!r}; expected true or false")
    forms = entry.get("forms", {})
    if not isinstance(forms, dict) or not all(_forms_valid(locale, texts, locales) for locale, texts in forms.items()):
        problems.append(f"{where}: forms must map a language ({', '.join(locales)}) to form names and their texts")
    return problems


def load_phone_numbers(locales: list[str], path: Path = PHONES_PATH) -> dict[str, PhoneNumber]:
    """Read and check data/phones.yml; every problem is listed at once."""
    try:
        data = yaml_reader.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PhoneError(f"{PHONES_NAME}: missing; the site takes every phone number from it") from None
    except yaml.YAMLError as error:
        raise PhoneError(f"{PHONES_NAME}: not valid YAML: {error}") from None
    if not isinstance(data, dict) or "hotline" not in data:
        raise PhoneError(f"{PHONES_NAME}: expected a mapping of numbers by id, with at least 'hotline'")
    problems = [problem for key, entry in data.items() for problem in _entry_problems(key, entry, locales)]
    if problems:
        raise PhoneError("\n".join(problems))
    return {
        key: PhoneNumber(
            id=key,
            number=entry["number"],
            source=entry["source"],
            where=entry["where"],
            dial=entry.get("dial", True),
            forms={locale: dict(texts) for locale, texts in entry.get("forms", {}).items()},
        )
        for key, entry in data.items()
    }


def check_sources(numbers: Mapping[str, PhoneNumber], source_ids: Iterable[str]) -> None:
    known = set(source_ids)
    problems = [
        f"{PHONES_NAME}: {number.id}: source '{number.source}' is not in data/statistics.json \"sources\"; "
        "add the source there or correct the id"
        for number in numbers.values()
        if number.source not in known
    ]
    if problems:
        raise PhoneError("\n".join(problems))


# --- Rendering ---------------------------------------------------------------------------


class _NumberText:
    """`{number}` or `{number:dative}` in an interface string: the number in that form."""

    def __init__(self, number: PhoneNumber, locale: str) -> None:
        self.number, self.locale = number, locale

    def __format__(self, spec: str) -> str:
        return self.number.text(self.locale, spec or None)


def call_text(template: str, number: PhoneNumber, locale: str) -> str:
    """An interface string such as "{number:dative} zəng edin" with the number filled in."""
    fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    if fields - {"number"}:
        raise PhoneError(f"data/ui: '{template}' may only use {{number}} or {{number:FORM}}")
    return template.format(number=_NumberText(number, locale))


def render_link(
    number: PhoneNumber, locale: str, text: str | None = None, form: str | None = None, call: bool = False
) -> Markup:
    """The number as a tel: link (or as plain text for a number never dialled)."""
    # Safe: the template is autoescaped (TEMPLATES), so its output is finished HTML.
    return Markup(  # noqa: S704
        TEMPLATES.get_template("phone.html.j2")
        .render(number=number, text=text if text is not None else number.text(locale, form), call=call)
        .strip()
    )


@dataclass(frozen=True)
class Phones:
    """The numbers for one language's pages and templates."""

    numbers: Mapping[str, PhoneNumber]
    locale: str
    call_template: str  # the interface string for [[hotline call]]: "Call {number}"

    def get(self, key: str) -> PhoneNumber:
        if key not in self.numbers:
            known = ", ".join(sorted(self.numbers))
            raise PhoneError(f"no phone number '{key}' in {PHONES_NAME}; it has: {known}")
        return self.numbers[key]

    def marker_html(self, marker: Marker) -> Markup:
        """`[[hotline]]`, `[[hotline call]]`, `[[phone police]]`, `[[phone hotline form=dative]]`."""
        args = list(marker.args)
        key = "hotline" if marker.name == "hotline" else (args.pop(0) if args else "")
        if not key:
            raise MarkerError(f"{marker.text}: write [[phone ID]] with an id from {PHONES_NAME}")
        call = args == ["call"]
        if (args and not call) or set(marker.options) - {"form"}:
            raise MarkerError(
                f"{marker.text}: write [[{marker.name}{'' if marker.name == 'hotline' else ' ID'}]], "
                "optionally followed by 'call' or form=FORM"
            )
        try:
            number = self.get(key)
            if call:
                if not number.dial:
                    raise PhoneError(f"'{key}' is not a number to call (dial: false in {PHONES_NAME})")
                text = call_text(self.call_template, number, self.locale)
                return render_link(number, self.locale, text=text, call=True)
            return render_link(number, self.locale, form=marker.options.get("form"))
        except PhoneError as error:
            raise MarkerError(f"{marker.text}: {error}") from None

    def in_text(self, text: str, html: bool) -> str:
        """A data or interface text with its phone markers filled in: tel: links when `html`,
        otherwise the plain number (for attributes and scripts). Other text is escaped when `html`."""
        parts: list[str] = []
        position = 0
        for match in MARKER_PATTERN.finditer(text):
            body = match.group("body").split()
            if not body or body[0] not in PHONE_MARKERS:
                continue
            parts.append(str(escape(text[position : match.start()])) if html else text[position : match.start()])
            rendered = self.marker_html(parse_marker(match.group(0)))
            parts.append(str(rendered) if html else _plain(rendered))
            position = match.end()
        rest = text[position:]
        parts.append(str(escape(rest)) if html else rest)
        # Safe: every part is escaped text or a link from the autoescaped template.
        return Markup("".join(parts)) if html else "".join(parts)  # noqa: S704


def _plain(html: Markup) -> str:
    return html.striptags()


# --- The check: no number typed by hand ------------------------------------------------------


def _masked(line: str) -> str:
    """The line with markers and inline code blanked out (their text is not prose)."""
    for pattern in (INLINE_CODE_PATTERN, MARKER_PATTERN):
        line = pattern.sub(lambda match: " " * len(match.group(0)), line)
    return line


TEL_PATTERN = re.compile(r"tel:[+\d\s\-]*\d", re.IGNORECASE)
DIGIT = re.compile(r"\d")


def _line_problems(line: str, label: str, number_line: int, numbers: Mapping[str, PhoneNumber]) -> list[str]:
    if not DIGIT.search(line):
        return []  # most lines: a tel: link or a phone number needs a digit
    text = _masked(line)
    problems = [
        f"{label}:{number_line}: found a tel: link typed by hand ('{match.group(0)}'); "
        f"write [[phone ID]] or [[hotline]] instead (the ids are in {PHONES_NAME})"
        for match in TEL_PATTERN.finditer(text)
    ]
    text = TEL_PATTERN.sub(lambda match: " " * len(match.group(0)), text)
    if not DIGIT.search(text):
        return problems  # digits only in markers, code or tel: links
    found: dict[str, list[str]] = {}
    for number in numbers.values():
        for match in number.digit_pattern().finditer(text):
            found.setdefault(match.group(0), []).append(number.id)
    for typed, ids in found.items():
        markers = " or ".join(f"[[phone {key}]]" if key != "hotline" else "[[hotline]]" for key in ids)
        problems.append(
            f"{label}:{number_line}: found the phone number '{typed}' typed in the text; write {markers} instead, "
            f"so that the number comes from {PHONES_NAME}"
        )
    return problems


def typed_number_problems(text: str, label: str, numbers: Mapping[str, PhoneNumber], first_line: int = 1) -> list[str]:
    """Every tel: link and phone number typed in a Markdown or YAML text, outside markers and code."""
    problems: list[str] = []
    for offset, line in outside_fences(text.splitlines()):
        problems += _line_problems(line, label, first_line + offset, numbers)
    return problems


def _json_texts(data: Any) -> Iterable[str]:
    """The texts of the dataset that reach readers: labels and local titles."""
    for metric in data.get("metrics", {}).values():
        yield from metric.get("label", {}).values()
    for dimension in data.get("dimensions", {}).values():
        yield from dimension.get("label", {}).values()
        for labels in dimension.get("values", {}).values():
            yield from labels.values()
    for source in data.get("sources", {}).values():
        yield from source.get("title_local", {}).values()


def dataset_problems(path: Path, label: str, numbers: Mapping[str, PhoneNumber]) -> list[str]:
    raw = path.read_text(encoding="utf-8")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        return []  # the dataset's own check names that error
    lines = raw.splitlines()
    problems: list[str] = []
    for text in _json_texts(data):
        encoded = json.dumps(text, ensure_ascii=False)[1:-1]
        line = next((index for index, content in enumerate(lines, start=1) if encoded in content), 1)
        problems += _line_problems(text, label, line, numbers)
    return problems


def project_problems(root: Path, numbers: Mapping[str, PhoneNumber]) -> list[str]:
    """The check over every page and data file of the project at `root`."""
    problems: list[str] = []
    for path in sorted((root / "docs").rglob("*.md")):
        problems += typed_number_problems(path.read_text(encoding="utf-8"), path.relative_to(root).as_posix(), numbers)
    for path in sorted((root / "data").rglob("*.yml")):
        if path.resolve() == (root / PHONES_NAME).resolve():
            continue
        problems += typed_number_problems(path.read_text(encoding="utf-8"), path.relative_to(root).as_posix(), numbers)
    # The site descriptions of each language live in mkdocs.yml.
    config = root / "mkdocs.yml"
    if config.is_file():
        problems += typed_number_problems(config.read_text(encoding="utf-8"), "mkdocs.yml", numbers)
    dataset = root / "data" / "statistics.json"
    if dataset.is_file():
        problems += dataset_problems(dataset, "data/statistics.json", numbers)
    return problems


def render_danger_numbers(marker: Marker, phones: Phones, text: Any, source_href: str, source_title: str) -> Markup:
    """`[[danger-numbers]]`: the police and the emergency line, and what the hotline is for.
    `text` gives the interface strings of the page's language (data/ui/phones.yml): `text(key)`
    as plain text, `text.raw(key)` with its phone markers still in it."""
    if marker.args or marker.options:
        raise MarkerError(f"{marker.text}: [[danger-numbers]] takes no arguments")
    # The strings with their markers still in them: a page's UiStrings would already have written
    # the numbers out as plain text, and the numbers here must be tel: links.
    raw = getattr(text, "raw", text)
    try:
        texts = {key: phones.in_text(raw(f"danger.{key}"), html=True) for key in ("police", "emergency", "hotline")}
    except PhoneError as error:
        raise MarkerError(f"{marker.text}: {error}") from None
    # Safe: the template is autoescaped (TEMPLATES); the texts passed in are Markup already.
    return Markup(  # noqa: S704
        TEMPLATES.get_template("danger-numbers.html.j2")
        .render(
            title=text("danger.title"),
            source_label=text("danger.source"),
            source_href=source_href,
            source_title=source_title,
            **texts,
        )
        .strip()
    )
