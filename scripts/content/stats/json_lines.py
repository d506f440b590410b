"""The line of a JSON path in a JSON file, so that a dataset problem names the line an editor
opens as well as its path ($.observations[3].value). The standard json module keeps no
positions: this reads the text once more, noting where each value starts."""

from __future__ import annotations

import json
import re
from json.decoder import scanstring

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_PATH_PART = re.compile(r"\.([^.\[\],: ]+)|\[(\d+)\]")

Path = tuple[str | int, ...]


def value_offsets(text: str) -> dict[Path, int]:
    """The character offset where the value at each path starts (valid JSON only)."""
    offsets: dict[Path, int] = {}
    decoder = json.JSONDecoder()

    def skip(index: int) -> int:
        return _WHITESPACE.match(text, index).end()  # type: ignore[union-attr]

    def parse(index: int, path: Path) -> int:
        index = skip(index)
        offsets[path] = index
        char = text[index]
        if char == "{":
            index = skip(index + 1)
            if text[index] == "}":
                return index + 1
            while True:
                key, index = scanstring(text, index + 1)
                index = skip(index) + 1  # the colon
                index = skip(parse(index, (*path, key)))
                if text[index] == "}":
                    return index + 1
                index = skip(index + 1)  # the comma
        if char == "[":
            index = skip(index + 1)
            if text[index] == "]":
                return index + 1
            position = 0
            while True:
                index = skip(parse(index, (*path, position)))
                position += 1
                if text[index] == "]":
                    return index + 1
                index += 1
        _, end = decoder.raw_decode(text, index)
        return end

    parse(0, ())
    return offsets


def parse_path(json_path: str) -> Path:
    """('observations', 3, 'value') for `$.observations[3].value`."""
    return tuple(int(index) if index else key for key, index in _PATH_PART.findall(json_path.removeprefix("$")))


def line_of_path(text: str, offsets: dict[Path, int], json_path: str) -> int:
    """The 1-based line of the value at `json_path`, or of its nearest parent that exists."""
    path = parse_path(json_path)
    while path not in offsets and path:
        path = path[:-1]
    offset = offsets.get(path)
    return text.count("\n", 0, offset) + 1 if offset is not None else 0
