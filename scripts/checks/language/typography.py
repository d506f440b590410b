"""One typographic convention per language: quotation marks, dashes, apostrophes, and the
non-breaking spaces the build adds.

- az and ru: «outer „inner“ quotes»; a dash is an em dash with spaces ( — ); an en dash
  without spaces joins a range (2009–2013, 12–14); a hyphen joins words and suffixes
  (144-1, 155-ə, интернет-кафе).
- en (British, as the site spells): “outer ‘inner’ quotes”, the apostrophe ’; a dash is an
  en dash with spaces ( – ); an unspaced en dash joins a range.

Every wrong character has one right replacement, so `--fix` applies them. Non-breaking
spaces are not typed: the build adds them (add_non_breaking_spaces), before a spaced dash
in every language, so that no line starts with a dash, and in Russian after one-letter
words (в, к, с, у, о, и, а, я), which Russian typesetting keeps with the next word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from scripts.checks.language.problems import Problem
from scripts.checks.language.texts import TextLine

NBSP = "\u00a0"
DASH = {"az": "—", "ru": "—", "en": "–"}
QUOTES = {  # outer open, outer close, inner open, inner close
    "az": ("«", "»", "„", "“"),
    "ru": ("«", "»", "„", "“"),
    "en": ("“", "”", "‘", "’"),
}
CONVENTION = {
    "az": "az: «…» and „…“ inside, dash — with spaces",
    "ru": "ru: «…» and „…“ inside, dash — with spaces",
    "en": "en: “…” and ‘…’ inside, apostrophe ’, dash – with spaces",
}
# A quotation mark opens after these (or at the start of the text); otherwise it closes.
OPENS_AFTER = set(" \t([{/—–-\u00a0")
ALL_QUOTES = '"«»“”„‘’'
CONTEXT_WORDS = 2  # words shown either side of a wrong character
GROUP_DISTANCE = 40  # characters between two wrong ones reported together


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    replacement: str


def _is_opening(text: str, index: int) -> bool:
    return index == 0 or text[index - 1] in OPENS_AFTER or text[index - 1] in ALL_QUOTES


def _quote_edits(text: str, locale: str) -> Iterator[Edit]:
    """Straight and foreign quotation marks, replaced by the language's own; nesting kept."""
    outer_open, outer_close, inner_open, inner_close = QUOTES[locale]
    depth = 0
    for index, character in enumerate(text):
        if character not in ALL_QUOTES or (locale == "en" and character in "‘’"):
            continue
        opening = {outer_open: True, outer_close: False, inner_open: True}.get(character)
        if opening is None:  # straight or foreign: its role from where it stands
            opening = _is_opening(text, index)
        if opening:
            depth += 1
            right = outer_open if depth == 1 else inner_open
        else:
            right = outer_close if depth <= 1 else inner_close
            depth = max(depth - 1, 0)
        if character != right:
            yield Edit(index, index + 1, right)


APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)|(?<=\w)'(?=\s|[.,;:!?)]|$)|(?<=s)'(?=\s)")
OPENING_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(]))'(?=\w)")
HYPHEN_AS_DASH = re.compile(r"(?<= )-{1,2}(?= )|(?<=\w)--(?=\w)")
SPACED_EN_DASH = re.compile(r"(?<= )–(?= )")
EM_DASH = re.compile(r"—")
EM_DASH_IN_RANGE = re.compile(r"(?<=\d)—(?=\d)")


def _spaced(text: str, start: int, end: int, dash: str) -> str:
    """The dash with a space on each side, adding only the spaces that are missing."""
    before = "" if start == 0 or text[start - 1].isspace() else " "
    after = "" if end == len(text) or text[end].isspace() else " "
    return f"{before}{dash}{after}"


def _dash_edits(text: str, locale: str) -> Iterator[Edit]:
    dash = DASH[locale]
    for match in HYPHEN_AS_DASH.finditer(text):
        yield Edit(match.start(), match.end(), _spaced(text, match.start(), match.end(), dash))
    ranges = {match.start() for match in EM_DASH_IN_RANGE.finditer(text)}
    for start in sorted(ranges):
        yield Edit(start, start + 1, "–")
    if locale in {"az", "ru"}:
        for match in SPACED_EN_DASH.finditer(text):
            yield Edit(match.start(), match.end(), "—")
    for match in EM_DASH.finditer(text):
        if match.start() in ranges:
            continue
        replacement = _spaced(text, match.start(), match.end(), dash)
        if replacement != "—":
            yield Edit(match.start(), match.end(), replacement)


def _apostrophe_edits(text: str, locale: str) -> Iterator[Edit]:
    if locale != "en":
        return
    for match in OPENING_SINGLE.finditer(text):
        yield Edit(match.start(), match.end(), "‘")
    for match in APOSTROPHE.finditer(text):
        yield Edit(match.start(), match.end(), "’")


def typography_edits(text: str, locale: str) -> list[Edit]:
    """Every character of the text that breaks its language's convention, with its fix."""
    edits = {edit.start: edit for edit in _quote_edits(text, locale)}
    for edit in [*_dash_edits(text, locale), *_apostrophe_edits(text, locale)]:
        edits.setdefault(edit.start, edit)
    return sorted(edits.values(), key=lambda edit: edit.start)


def apply_edits(text: str, edits: Iterable[Edit], offset: int = 0) -> str:
    for edit in sorted(edits, key=lambda edit: edit.start, reverse=True):
        text = text[: edit.start + offset] + edit.replacement + text[edit.end + offset :]
    return text


def _groups(edits: list[Edit]) -> Iterator[list[Edit]]:
    """Edits close to each other (a pair of quotation marks), reported as one problem."""
    group: list[Edit] = []
    for edit in edits:
        if group and edit.start - group[-1].end > GROUP_DISTANCE:
            yield group
            group = []
        group.append(edit)
    if group:
        yield group


def _context(text: str, group: list[Edit]) -> tuple[str, str]:
    """The wrong characters with a word or two either side, before and after the fix."""
    first, last = group[0].start, group[-1].end
    before = " ".join(text[:first].split(" ")[-CONTEXT_WORDS:]).lstrip()
    after = " ".join(text[last:].split(" ")[:CONTEXT_WORDS]).rstrip()
    fixed = apply_edits(text[first:last], [Edit(e.start - first, e.end - first, e.replacement) for e in group])
    return before + text[first:last] + after, before + fixed + after


def typography_problems(lines: Iterable[TextLine]) -> Iterator[Problem]:
    for line in lines:
        for group in _groups(typography_edits(line.text, line.locale)):
            found, fixed = _context(line.text, group)
            yield Problem(line.path, line.line, found, f'"{fixed}"', CONVENTION[line.locale])


# --- The build's non-breaking spaces, on a page's finished HTML -------------------------

HTML_TOKEN = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
RAW_TEXT_ELEMENTS = ("code", "pre", "script", "style", "textarea", "kbd", "samp")
TAG_NAME = re.compile(r"<(/?)([A-Za-z][\w-]*)")
SPACE_BEFORE_DASH = re.compile(r" (?=[—–] )")
RU_ONE_LETTER_WORD = re.compile(r"(?<![\w-])([авиксуояАВИКСУОЯ]) (?=\w)")


def _non_breaking(text: str, locale: str) -> str:
    text = SPACE_BEFORE_DASH.sub(NBSP, text)
    if locale == "ru":
        text = RU_ONE_LETTER_WORD.sub(rf"\1{NBSP}", text)
    return text


def add_non_breaking_spaces(html: str, locale: str) -> str:
    """The page's text with the non-breaking spaces of its language; tags, attributes,
    comments and code untouched."""
    parts: list[str] = []
    raw_depth = 0
    position = 0
    for token in HTML_TOKEN.finditer(html):
        text = html[position : token.start()]
        parts.append(text if raw_depth else _non_breaking(text, locale))
        tag = TAG_NAME.match(token.group(0))
        if tag and tag.group(2).lower() in RAW_TEXT_ELEMENTS and not token.group(0).endswith("/>"):
            raw_depth = max(raw_depth + (-1 if tag.group(1) else 1), 0)
        parts.append(token.group(0))
        position = token.end()
    tail = html[position:]
    parts.append(tail if raw_depth else _non_breaking(tail, locale))
    return "".join(parts)
