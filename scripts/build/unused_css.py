"""Drop the rules of Material's stylesheet that can match nothing on this site.

Material's main stylesheet (about 23 KB gzip) styles every feature it has: versions,
blog posts, tags, annotations, code blocks, tabs... The site uses a few. A rule is kept
unless one of its selectors' classes can never exist on any page:

- the known classes are the word-like tokens of every attribute value and inline script
  or style of every built page (not its text), and of every JavaScript file of the site
  (so classes scripts add at run time are known too), plus prefixes such as `md-tag--`
  that scripts complete at run time (`md-tag--${name}`);
- only classes outside parentheses must be known: `.a:not(.b)` matches without `.b`;
- likewise an exact attribute value must be a known word (`[dir=rtl]`,
  `[data-md-color-primary=red]`: no page or script ever says `red`);
- a selector with a CSS escape, and everything that is not a plain style rule
  (@font-face, @keyframes, @import...), is kept as written.

Then custom properties that nothing reads any more go too (Material declares an inline
SVG icon for every feature as a custom property): a declaration `--x: ...` is dropped
when no stylesheet of the site says `var(--x` and no page or script names `--x`.

This errs on the side of keeping: any word in any script keeps a rule alive. The
stylesheet is rewritten in place under its own name (scripts/build/build_output.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

# At-rules whose block holds rules (pruned recursively); any other block is kept whole.
_GROUPING_AT_RULES = ("@media", "@supports", "@container", "@layer", "@document", "@scope")
_TOKEN = re.compile(r"-?[A-Za-z_][\w-]*")
_CLASS = re.compile(r"\.(-?[A-Za-z_][\w-]*)")
_VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")
_CUSTOM_PROPERTY = re.compile(r"\s*(--[\w-]+)\s*:")
_PROPERTY_NAME = re.compile(r"--[A-Za-z_][\w-]*")
_DECLARED_PROPERTY = re.compile(r"[{;]\s*(--[\w-]+)\s*:")
_EXACT_ATTRIBUTE = re.compile(r"\[\s*([\w-]+)\s*=\s*([\"']?)(-?[A-Za-z_][\w-]*)\2\s*\]")
# A start tag, with quoted attribute values that may hold ">"; a script's or a style's text.
_TAG = re.compile(r"""<[A-Za-z](?:[^>"']|"[^"]*"|'[^']*')*>""")
_RAW_TEXT = re.compile(r"<(script|style)\b[^>]*>(.*?)</\1\s*>", re.S | re.I)
# A run-time prefix must be specific enough not to keep everything (`md-` would).
_MIN_PREFIX = 6


@dataclass(frozen=True)
class KnownClasses:
    """What the site's pages and scripts may use: class-like words, run-time prefixes, custom properties."""

    tokens: frozenset[str]
    prefixes: tuple[str, ...]
    custom_properties: frozenset[str]

    def __contains__(self, name: str) -> bool:
        return name in self.tokens or name.startswith(self.prefixes)


def page_vocabulary(page_html: str) -> str:
    """A page's tags (names, attributes and their values) and inline script and style text:
    everywhere a class name can be, without the page's text."""
    tags = _TAG.findall(page_html)
    raw_text = [match.group(2) for match in _RAW_TEXT.finditer(page_html)]
    return "\n".join(tags + raw_text)


def known_classes(texts: Iterable[str]) -> KnownClasses:
    """From page vocabularies (page_vocabulary) and the text of the site's scripts."""
    tokens: set[str] = set()
    properties: set[str] = set()
    for text in texts:
        tokens.update(_TOKEN.findall(text))
        properties.update(_PROPERTY_NAME.findall(text))
    prefixes = tuple(sorted(t for t in tokens if t.endswith(("-", "_")) and len(t) >= _MIN_PREFIX))
    return KnownClasses(frozenset(tokens), prefixes, frozenset(properties))


@dataclass
class _Node:
    prelude: str  # selectors, an at-rule's head, or raw text for statements
    body: str | None = None  # declarations, or a kept-whole block's content
    children: list[_Node] | None = None  # for grouping at-rules


def _skip_string(css: str, i: int) -> int:
    quote = css[i]
    i += 1
    while i < len(css) and css[i] != quote:
        i += 2 if css[i] == "\\" else 1
    return i + 1


def _skip_comment(css: str, i: int) -> int:
    end = css.find("*/", i + 2)
    return len(css) if end == -1 else end + 2


def _code(css: str, i: int) -> Iterator[tuple[int, str]]:
    """(index, character) of the stylesheet from i on, skipping strings and comments."""
    while i < len(css):
        if css[i] in "\"'":
            i = _skip_string(css, i)
        elif css.startswith("/*", i):
            i = _skip_comment(css, i)
        else:
            yield i, css[i]
            i += 1


def _scan_to(css: str, i: int, stops: str) -> int:
    """Index of the first of `stops` at bracket depth 0, outside strings and comments."""
    depth = 0
    for index, char in _code(css, i):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif depth == 0 and char in stops:
            return index
    return len(css)


def _matching_brace(css: str, i: int) -> int:
    """Index of the `}` closing the `{` at i."""
    depth = 0
    for index, char in _code(css, i):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return index
    raise ValueError("unbalanced braces in stylesheet")


def parse(css: str, i: int = 0, end: int | None = None) -> list[_Node]:
    end = len(css) if end is None else end
    nodes: list[_Node] = []
    while i < end:
        stop = _scan_to(css, i, "{;}")
        if stop >= end or css[stop] == "}":
            if css[i:end].strip():
                nodes.append(_Node(prelude=css[i:end]))
            break
        prelude = css[i:stop]
        if css[stop] == ";":
            nodes.append(_Node(prelude=prelude + ";"))
            i = stop + 1
            continue
        close = _matching_brace(css, stop)
        head = prelude.strip().lower()
        if head.startswith(_GROUPING_AT_RULES):
            nodes.append(_Node(prelude=prelude, children=parse(css, stop + 1, close)))
        else:
            nodes.append(_Node(prelude=prelude, body=css[stop + 1 : close]))
        i = close + 1
    return nodes


def _split_top_level(text: str, separator: str) -> list[str]:
    """Split at separators outside strings, comments and brackets."""
    parts: list[str] = []
    start = 0
    while True:
        stop = _scan_to(text, start, separator)
        parts.append(text[start:stop])
        if stop >= len(text):
            return parts
        start = stop + 1


def split_selectors(prelude: str) -> list[str]:
    return _split_top_level(prelude, ",")


def _compound_parts(selector: str) -> tuple[str, list[str]]:
    """The selector's text outside parentheses and attribute brackets, and its attribute
    selectors outside parentheses (`.a:not(.b)[x=y]` gives `.a:not` and `[x=y]`)."""
    out: list[str] = []
    attributes: list[str] = []
    depth = 0
    i = 0
    while i < len(selector):
        char = selector[i]
        if char == "[" and depth == 0:
            end = i + 1
            while end < len(selector) and selector[end] != "]":
                end = _skip_string(selector, end) if selector[end] in "\"'" else end + 1
            attributes.append(selector[i : end + 1])
            i = end + 1
            continue
        if char in "\"'":
            i = _skip_string(selector, i)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0:
            out.append(char)
        i += 1
    return "".join(out), attributes


def selector_can_match(selector: str, known: KnownClasses) -> bool:
    if "\\" in selector:
        return True
    text, attributes = _compound_parts(selector)
    if not all(name in known for name in _CLASS.findall(text)):
        return False
    # `[dir=rtl]` needs an element whose attribute is exactly that word: the word must be known.
    exact_values = [match.group(3) for attribute in attributes if (match := _EXACT_ATTRIBUTE.fullmatch(attribute))]
    return all(value in known.tokens for value in exact_values)


def _map_rules(nodes: list[_Node], change: Callable[[_Node], _Node | None]) -> list[_Node]:
    """The tree with `change` applied to every style rule (None drops it), at any depth of
    grouping at-rules; a group left empty goes, other at-rules and statements stay as they are."""
    kept_nodes: list[_Node] = []
    for node in nodes:
        if node.children is not None:
            children = _map_rules(node.children, change)
            if children:
                kept_nodes.append(_Node(node.prelude, children=children))
        elif node.body is None or node.prelude.lstrip().startswith("@"):
            kept_nodes.append(node)
        elif (changed := change(node)) is not None:
            kept_nodes.append(changed)
    return kept_nodes


def _prune_rules(nodes: list[_Node], known: KnownClasses) -> list[_Node]:
    def matching_selectors(rule: _Node) -> _Node | None:
        kept = [selector for selector in split_selectors(rule.prelude) if selector_can_match(selector, known)]
        return _Node(",".join(kept), body=rule.body) if kept else None

    return _map_rules(nodes, matching_selectors)


def _declarations(body: str) -> list[str]:
    return [part for part in _split_top_level(body, ";") if part.strip()]


def _drop_custom_properties(nodes: list[_Node], unused: set[str]) -> list[_Node]:
    def used_declarations(rule: _Node) -> _Node | None:
        declarations = [
            item
            for item in _declarations(rule.body or "")
            if not ((match := _CUSTOM_PROPERTY.match(item)) and match.group(1) in unused)
        ]
        return _Node(rule.prelude, body=";".join(declarations)) if declarations else None

    return _map_rules(nodes, used_declarations)


def _serialise(nodes: list[_Node]) -> str:
    out: list[str] = []
    for node in nodes:
        if node.children is not None:
            out.append(f"{node.prelude}{{{_serialise(node.children)}}}")
        elif node.body is None:
            out.append(node.prelude)
        else:
            out.append(f"{node.prelude}{{{node.body}}}")
    return "".join(out)


def prune(css: str, known: KnownClasses, other_css: Iterable[str] = ()) -> str:
    """The stylesheet without the rules and selectors that can match no element of the site,
    and without the custom properties that nothing reads (other_css: the site's other stylesheets)."""
    nodes = _prune_rules(parse(css), known)
    readers = {name for text in other_css for name in _VAR_USE.findall(text)} | known.custom_properties
    text = _serialise(nodes)
    # Dropping a property can leave the ones its value read unread: repeat until nothing changes.
    while True:
        declared = {match.group(1) for match in _DECLARED_PROPERTY.finditer(text)}
        nodes = _drop_custom_properties(nodes, declared - readers - set(_VAR_USE.findall(text)))
        pruned = _serialise(nodes)
        if pruned == text:
            return text
        text = pruned
