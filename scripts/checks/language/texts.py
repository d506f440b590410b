"""Where the readers' text is in each file, line by line, with its language.

Markdown pages and guides: the prose of each line, with code, markers, link addresses,
HTML, attribute lists and Markdown syntax blanked out (replaced by spaces, so that columns
stay where they are in the file). YAML data: the text values, by language (a file per
language, or `az:`/`en:`/`ru:` keys). data/statistics.json: the labels in each language.
mkdocs.yml: the site's name and description in each language.

A line marked `<!-- verbatim -->` (Markdown) or `# verbatim` (YAML, on the key's line or the
line above it) holds a quotation or an official title in quotation marks: the term check
leaves what is inside the quotation marks alone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts import yaml_reader
from scripts.checks.language.glossary import LOCALES, ROOT
from scripts.content.markers import outside_fences

# Data that is not readers' text: ids, answers, machine values.
NON_TEXT_KEYS = frozenset({"id", "answer", "risky_answer"})
FRONT_MATTER_TEXT_KEYS = ("title", "description")
# Files the checks read besides docs/ (the word lists of the checks themselves are not text).
EXCLUDED_DATA = ("data/glossary.yml", "data/language/")

VERBATIM_MARKDOWN = re.compile(r"<!--\s*verbatim\s*-->")
VERBATIM_YAML_COMMENT = re.compile(r"(?:^|\s)#\s*verbatim\b")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
REFERENCE_DEFINITION = re.compile(r"^\s*\[[^\]]+\]:\s*\S+")
# Spans of a Markdown line that are not prose, blanked in this order.
MARKDOWN_MASKS = (
    re.compile(r"<!--.*?-->"),
    re.compile(r"\[\[[^\[\]\n]*\]\]"),  # [[markers]]
    re.compile(r"(?<=\])\([^)\s]*(?:\s+\"[^\"]*\")?\)"),  # link destinations (and titles)
    re.compile(r"\{\s*[#.:][^}]*\}"),  # attribute lists {#id} {.class}
    re.compile(r"</?[A-Za-z][^>]*>"),  # HTML tags, autolinks
    re.compile(r"https?://\S+"),
    re.compile(r"\{[a-z_]+\}"),  # placeholders {total}
    re.compile(r"^\s{0,3}#{1,6}(?=\s)"),  # heading markers
    re.compile(r"^(?:\s*>)+"),  # block quotes
    re.compile(r"^\s*(?:[-*+]|\d+[.)])(?=\s)"),  # list markers
)
# `!!! warning "Title"`: only the title is text.
ADMONITION = re.compile(r'^(\s*(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*\s*)(?:(")(.*)("))?\s*$')
YAML_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
JSON_TEXT = re.compile(r'"(az|en|ru)":\s*"((?:[^"\\]|\\.)*)"')
MKDOCS_TEXT = re.compile(r"^(\s*)(?:site_name|site_description):\s*(.*?)\s*$")
MKDOCS_LOCALE = re.compile(r"^\s*-\s*locale:\s*(\w+)")


@dataclass(frozen=True)
class TextLine:
    path: str  # relative to the repository: docs/az/index.md
    line: int  # 1-based
    locale: str
    text: str  # the readers' text of that line; non-text blanked with spaces
    offset: int | None  # where `text` starts in the file's line, if it is the same characters there
    verbatim: bool = False


def blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


BACKTICKS = re.compile(r"`+")


def mask_code_spans(line: str, open_run: int = 0) -> tuple[str, int]:
    """Blank inline code, which may run on from an earlier line of the paragraph (`open_run`:
    the length of the backtick run that opened it); returns the line and the run still open."""
    start = search_from = 0
    while True:
        if not open_run:
            opening = BACKTICKS.search(line, search_from)
            if opening is None:
                return line, 0
            open_run, start, search_from = len(opening.group(0)), opening.start(), opening.end()
        closing = next((m for m in BACKTICKS.finditer(line, search_from) if len(m.group(0)) == open_run), None)
        if closing is None:
            return blank(line, start, len(line)), open_run
        line = blank(line, start, closing.end())
        open_run, search_from = 0, closing.end()


def mask_markdown(line: str) -> str:
    """The prose of one Markdown line, inline code already blanked; everything else replaced by spaces."""
    admonition = ADMONITION.match(line)
    if admonition:
        text = " " * len(line)
        if admonition.group(3) is not None:
            start = admonition.start(3)
            text = text[:start] + admonition.group(3) + text[admonition.end(3) :]
        return text
    for pattern in MARKDOWN_MASKS:
        for match in reversed(list(pattern.finditer(line))):
            line = blank(line, match.start(), match.end())
    return line


def _front_matter_value(raw: str) -> tuple[str, int, bool] | None:
    """`title: "..."` -> (text, its column, verbatim); None for other keys."""
    key, separator, rest = raw.partition(":")
    if not separator or key.strip() not in FRONT_MATTER_TEXT_KEYS:
        return None
    column = len(key) + 1 + (len(rest) - len(rest.lstrip()))
    value = rest.strip()
    verbatim = False
    if value[:1] in {'"', "'"}:
        quote = value[0]
        end = value.rfind(quote)
        verbatim = bool(VERBATIM_YAML_COMMENT.search(value[end + 1 :]))
        return value[1:end], column + 1, verbatim
    comment = VERBATIM_YAML_COMMENT.search(value)
    if comment:
        value, verbatim = value[: comment.start()].rstrip(), True
    return value, column, verbatim


def markdown_lines(path: str, text: str, locale: str) -> Iterator[TextLine]:
    lines = text.splitlines()
    body_start = 0
    if lines and lines[0].strip() == "---":
        end = next((index for index in range(1, len(lines)) if lines[index].strip() == "---"), 0)
        for index in range(1, end):
            found = _front_matter_value(lines[index])
            if found and found[0]:
                value, column, verbatim = found
                yield TextLine(path, index + 1, locale, value, column, verbatim)
        body_start = end + 1
    code_run = 0  # an inline code span still open from the line before
    previous = body_start - 1
    for index, raw in outside_fences(lines, body_start):
        # A blank line or a code block between ends the paragraph, and any code span in it.
        if not raw.strip() or index != previous + 1:
            code_run = 0
        previous = index
        if TABLE_RULE.match(raw) or REFERENCE_DEFINITION.match(raw):
            continue
        without_code, code_run = mask_code_spans(raw, code_run)
        prose = mask_markdown(without_code)
        if prose.strip():
            yield TextLine(path, index + 1, locale, prose, 0, bool(VERBATIM_MARKDOWN.search(raw)))


def _scalar_lines(node: yaml.ScalarNode, lines: list[str]) -> Iterator[tuple[int, str, int | None]]:
    """(0-based line, text, column) for each line of a scalar's text."""
    start, end = node.start_mark, node.end_mark
    quoted = node.style in {'"', "'"}
    if node.style in {"|", ">"}:
        last = end.line if end.column > 0 else end.line - 1
        for index in range(start.line + 1, min(last, len(lines) - 1) + 1):
            raw = lines[index]
            if raw.strip():
                indent = len(raw) - len(raw.lstrip())
                yield index, raw[indent:].rstrip(), indent
        return
    if start.line == end.line:
        segment = lines[start.line][start.column : end.column]
        inner, column = (segment[1:-1], start.column + 1) if quoted else (segment, start.column)
        yield (start.line, inner, column) if inner == node.value else (start.line, node.value, None)
        return
    for index in range(start.line, end.line + 1):
        raw = lines[index]
        first = start.column + (1 if quoted else 0) if index == start.line else len(raw) - len(raw.lstrip())
        last = end.column - (1 if quoted else 0) if index == end.line else len(raw)
        if raw[first:last].strip():
            yield index, raw[first:last], first


def _is_verbatim(key: yaml.Node, lines: list[str]) -> bool:
    line = key.start_mark.line
    above = lines[line - 1] if line > 0 else ""
    mark_above = above.lstrip().startswith("#") and bool(VERBATIM_YAML_COMMENT.search(above))
    return bool(VERBATIM_YAML_COMMENT.search(lines[line])) or mark_above


def _yaml_walk(
    node: yaml.Node, locale: str | None, lines: list[str], path: str, verbatim: bool = False
) -> Iterator[TextLine]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value in NON_TEXT_KEYS:
                continue
            child_locale = key.value if key.value in LOCALES else locale
            yield from _yaml_walk(value, child_locale, lines, path, verbatim or _is_verbatim(key, lines))
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _yaml_walk(item, locale, lines, path, verbatim)
    elif isinstance(node, yaml.ScalarNode) and locale and isinstance(node.value, str) and node.tag.endswith(":str"):
        for index, text, column in _scalar_lines(node, lines):
            masked = YAML_PLACEHOLDER.sub(lambda match: " " * len(match.group(0)), text)
            yield TextLine(path, index + 1, locale, masked, column, verbatim)


def yaml_lines(path: str, text: str, locale: str | None) -> Iterator[TextLine]:
    root = yaml_reader.compose(text)
    if root is not None:
        yield from _yaml_walk(root, locale, text.splitlines(), path)


def json_lines(path: str, text: str) -> Iterator[TextLine]:
    for index, raw in enumerate(text.splitlines()):
        for match in JSON_TEXT.finditer(raw):
            value = json.loads(f'"{match.group(2)}"')
            offset = match.start(2) if "\\" not in match.group(2) else None
            yield TextLine(path, index + 1, match.group(1), value, offset)


def mkdocs_lines(path: str, text: str, default_locale: str = "az") -> Iterator[TextLine]:
    locale = default_locale
    for index, raw in enumerate(text.splitlines()):
        language = MKDOCS_LOCALE.match(raw)
        if language:
            locale = language.group(1)
        found = MKDOCS_TEXT.match(raw)
        if found and found.group(2):
            value = found.group(2)
            yield TextLine(path, index + 1, locale, value, found.start(2))


def file_locale(relative: str) -> str | None:
    """The language of a file written in one language, from its folder or name."""
    parts = relative.split("/")
    if parts[0] == "docs" and len(parts) > 2 and parts[1] in LOCALES:
        return parts[1]
    name = parts[-1]
    if name.startswith("CONTRIBUTING"):
        middle = name.removeprefix("CONTRIBUTING").removesuffix(".md").strip(".")
        return middle or "en"
    stem = name.rsplit(".", 1)[0]
    return stem if stem in LOCALES else None


def text_lines(path: Path, root: Path = ROOT) -> list[TextLine]:
    """The readers' text of one file, whatever its kind."""
    relative = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
    text = path.read_text(encoding="utf-8")
    if path.name == "mkdocs.yml":
        return list(mkdocs_lines(relative, text))
    if path.suffix == ".json":
        return list(json_lines(relative, text))
    locale = file_locale(relative)
    if path.suffix == ".md":
        return list(markdown_lines(relative, text, locale or "en"))
    return list(yaml_lines(relative, text, locale))


def checked_files(root: Path = ROOT) -> list[Path]:
    """Every file with readers' or editors' text that the language checks read."""
    files: list[Path] = []
    for locale in LOCALES:
        files += sorted((root / "docs" / locale).rglob("*.md"))
    files += sorted(root.glob("CONTRIBUTING*.md"))
    files += [
        path
        for path in sorted((root / "data").rglob("*.yml"))
        if not path.relative_to(root).as_posix().startswith(EXCLUDED_DATA)
    ]
    files += [root / "data" / "statistics.json", root / "mkdocs.yml"]
    return [path for path in files if path.is_file()]


def all_text_lines(paths: Iterable[Path], root: Path = ROOT) -> list[TextLine]:
    return [line for path in paths for line in text_lines(path, root)]
