"""Markers in page Markdown: `[[name arg arg key=value]]`, replaced at build time.

A marker reads as what it is in a raw Markdown preview (for example
`[[stat victims_identified 2017 sex=female]]`), so an editor sees where a figure
goes. Markers inside fenced code blocks or inline code are left alone, so pages
can show them. An unknown marker name stops the build: a typo must not publish
a hole in a page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

MARKER_PATTERN = re.compile(r"\[\[(?P<body>[^\[\]\n]*)\]\]")
# `[[` and what follows it up to the next bracket or the end of the line (a marker left open).
UNCLOSED_PATTERN = re.compile(r"\[\[[^\[\]\n]{0,80}")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9-]*$")
OPTION_PATTERN = re.compile(r"^(?P<key>[a-z][a-z0-9_]*)=(?P<value>[^\s=]+)$")
FENCE_PATTERN = re.compile(r"^\s*(`{3,}|~{3,})")


def outside_fences(lines: Sequence[str], start: int = 0) -> Iterator[tuple[int, str]]:
    """(index, line) of every line from `start` that is not in a fenced code block (``` or
    ~~~, closed by the same character), the fence lines left out: code is shown as written,
    so markers, typed numbers and words in it are not the page's prose."""
    fence: str | None = None
    for index in range(start, len(lines)):
        line = lines[index]
        opening = FENCE_PATTERN.match(line)
        if fence is None and opening:
            fence = opening.group(1)[0]
            continue
        if fence is not None:
            if opening and opening.group(1)[0] == fence:
                fence = None
            continue
        yield index, line


INLINE_CODE_PATTERN = re.compile(r"(`+)(?:(?!\1).)+\1")


class MarkerError(Exception):
    """A marker that cannot be replaced; the message names file, line and marker."""


@dataclass(frozen=True)
class Marker:
    name: str
    args: tuple[str, ...]
    options: Mapping[str, str] = field(default_factory=dict)
    text: str = ""
    line: int = 0


def parse_marker(text: str, line: int = 0) -> Marker:
    """Parse the text of one marker, brackets included."""
    match = MARKER_PATTERN.fullmatch(text)
    if not match:
        raise MarkerError(f"{text!r} is not a marker; markers look like [[name arguments]]")
    words = match.group("body").split()
    if not words or not NAME_PATTERN.match(words[0]):
        raise MarkerError(f"{text}: a marker starts with its name in lower case, like [[stat ...]]")
    args: list[str] = []
    options: dict[str, str] = {}
    for word in words[1:]:
        option = OPTION_PATTERN.match(word)
        if option:
            if option.group("key") in options:
                raise MarkerError(f"{text}: '{option.group('key')}' is given twice")
            options[option.group("key")] = option.group("value")
        elif "=" in word:
            raise MarkerError(f"{text}: '{word}' should be key=value with a lower-case key and a value without spaces")
        else:
            args.append(word)
    return Marker(name=words[0], args=tuple(args), options=options, text=text, line=line)


def _code_spans(line: str) -> list[tuple[int, int]]:
    return [match.span() for match in INLINE_CODE_PATTERN.finditer(line)]


def find_markers(markdown: str) -> list[Marker]:
    """Every marker outside code, with its 1-based line number."""
    markers: list[Marker] = []
    for index, line in outside_fences(markdown.splitlines()):
        number = index + 1
        spans = _code_spans(line)
        for match in MARKER_PATTERN.finditer(line):
            if any(start <= match.start() < end for start, end in spans):
                continue
            markers.append(parse_marker(match.group(0), number))
    return markers


@dataclass(frozen=True)
class RawHtml:
    """A handler's output that is finished HTML, not Markdown. `block`: it stands alone
    (a chart, a list), so it goes on lines of its own. `at_sentence_end`: HTML that belongs
    at the end of the sentence holding the marker (a figure's "(as reported in the news)"),
    so that it does not fall between a number and its noun."""

    html: str
    block: bool = False
    at_sentence_end: str = ""


# A handler returns Markdown (a str) or finished HTML.
Handler = Callable[[Marker], "str | RawHtml"]
HoldHtml = Callable[[RawHtml], str]


def _insert(output: str | RawHtml, hold_html: HoldHtml | None) -> str:
    if isinstance(output, str):
        return output
    text = hold_html(output) if hold_html else output.html
    if not output.block:
        return text
    # Held: a blank line either side makes the token a paragraph of its own, which the
    # Markdown side replaces whole. Written in: on lines of their own, as before.
    return f"\n\n{text}\n\n" if hold_html else f"\n{text}\n"


def body_line_offset(source: str, body: str) -> int:
    """How many lines of the page file come before `body` (its front matter and the blank
    lines after it), so that errors name the line an editor sees in the file.

    MkDocs hands hooks the Markdown without its front matter, and plugins may rejoin its
    lines (dropping the final newline), so the body is found by its first lines."""
    source_lines, body_lines = source.splitlines(), body.splitlines()
    head = body_lines[:3]
    if not head:
        return 0
    for offset in range(len(source_lines) - len(head) + 1):
        if source_lines[offset : offset + len(head)] == head:
            return offset
    return 0


def replace_markers(
    markdown: str,
    handlers: Mapping[str, Handler],
    source_label: str,
    first_line: int = 1,
    hold_html: HoldHtml | None = None,
) -> str:
    """Replace each marker by its handler's output; errors name `source_label:line`, counting
    lines from `first_line` (the file line where `markdown` starts). HTML output is written
    in, or, with `hold_html`, replaced by what that returns (scripts/build/held_html.py)."""
    lines = markdown.splitlines(keepends=True)
    for index, line in outside_fences(lines):
        if "[[" in line:
            lines[index] = _replace_in_line(line, index + first_line, handlers, source_label, hold_html)
    return "".join(lines)


# Where a sentence ends in a line of Markdown: a full stop, question or exclamation mark or
# semicolon before a space or the end of the line (a list item or a paragraph ends there too).
SENTENCE_END = re.compile(r"[.!?;](?=\s|$)|\s*$")


def _replace_in_line(
    line: str, number: int, handlers: Mapping[str, Handler], source_label: str, hold_html: HoldHtml | None
) -> str:
    spans = _code_spans(line)
    _refuse_unclosed(line, spans, number, source_label)
    parts: list[str] = []
    pending: list[str] = []  # notes waiting for the end of the current sentence
    position = 0

    def flush_until(end: int) -> None:
        """Copy the line up to `end`, putting pending notes at the first sentence end in it."""
        nonlocal position
        segment = line[position:end]
        if pending:
            stop = SENTENCE_END.search(segment)
            if stop and (stop.start() < len(segment.rstrip()) or end == len(line)):
                cut = stop.start()
                segment = segment[:cut] + " " + " ".join(pending) + segment[cut:]
                pending.clear()
        parts.append(segment)
        position = end

    for match in MARKER_PATTERN.finditer(line):
        if any(start <= match.start() < end for start, end in spans):
            continue
        flush_until(match.start())
        try:
            marker = parse_marker(match.group(0), number)
            handler = handlers.get(marker.name)
            if handler is None:
                known = ", ".join(f"[[{name} ...]]" for name in sorted(handlers))
                raise MarkerError(f"{marker.text}: unknown marker '{marker.name}'; known markers: {known}")
            output = handler(marker)
        except MarkerError as error:
            raise MarkerError(f"{source_label}:{number}: {error}") from None
        parts.append(_insert(output, hold_html))
        if isinstance(output, RawHtml) and output.at_sentence_end:
            pending.append(_insert(RawHtml(output.at_sentence_end), hold_html))
        position = match.end()
    flush_until(len(line))
    return "".join(parts)


def _refuse_unclosed(line: str, spans: list[tuple[int, int]], number: int, source_label: str) -> None:
    """A `[[` with no `]]` after it on its line would be shown as it is, brackets and all."""
    closed = [match.span() for match in MARKER_PATTERN.finditer(line)]
    for match in UNCLOSED_PATTERN.finditer(line):
        start = match.start()
        if any(a <= start < b for a, b in spans) or any(a <= start < b for a, b in closed):
            continue
        text = match.group(0).rstrip()
        example = " ".join(text.split()[:3])
        raise MarkerError(
            f"{source_label}:{number}: the marker '{text}' is not closed (the page would show it as it is); "
            f"end it with ]] right after its last word, on the same line, e.g. {example}]]"
        )
