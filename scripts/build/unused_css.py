"""Drop the rules of Material's stylesheet that can match nothing on this site.

Material's main stylesheet (about 23 KB gzip) styles every feature it has: versions,
blog posts, tags, annotations, code blocks, tabs... The site uses a few. The stylesheet is
read with a CSS parser (tinycss2, CSS Syntax Level 3: strings, comments, escapes and nested
blocks as a browser reads them) and the pages with an HTML5 parser (selectolax's Lexbor, as
scripts/build/csp.py reads them). A rule is kept unless one of its selectors' classes can
never exist on any page:

- the known classes are the word-like tokens of every tag, attribute and attribute value,
  and of every inline script and style, of every built page (not its text, nor the content
  of other elements), and of every JavaScript file of the site (so classes scripts add at
  run time are known too), plus prefixes such as `md-tag--` that scripts complete at run
  time (`md-tag--${name}`);
- only classes outside parentheses must be known: `.a:not(.b)` matches without `.b` (the
  parser gives `:not(...)` as one nested function block: only the selector's top-level
  tokens are judged);
- likewise an exact attribute value must be a known word (`[dir=rtl]`,
  `[data-md-color-primary=red]`: no page or script ever says `red`);
- a class written with CSS escapes is judged by its real name (`.md-\\31 0` is `md-10`);
  a name that is not one word (`.sm\\:flex`) is known when every word in it is;
- in a selector list (`a, b`) only the selectors that can match are kept; a rule with none
  goes;
- at-rules that group rules (@media, @supports, @container, @layer, @scope, @document) are
  pruned the same way inside and go when left empty; every other at-rule (@font-face,
  @keyframes, @import, @charset...) is kept as written.

Then custom properties that nothing reads any more go too (Material declares an inline
SVG icon for every feature as a custom property): a declaration `--x: ...` in a style rule
is dropped when no stylesheet of the site reads it with `var(--x)` and no page or script
names `--x`; dropping one can leave the ones its value read unread, so this repeats until
nothing changes. A rule left with nothing in its block goes.

A stylesheet the parser finds errors in (an unclosed string, a stray `}`) stops the build
with the line and column: it would be published differently from how it was written. This
errs on the side of keeping: any word in any script keeps a rule alive. The stylesheet is
rewritten in place under its own name (scripts/build/build_output.py); tinycss2 writes the
kept rules back token by token: as written, but for strings (always in double quotes) and
escapes (`.md-\\31 0` is written `.md-10`), which mean the same.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import tinycss2
from selectolax.lexbor import LexborHTMLParser, LexborNode
from tinycss2.ast import AtRule, Declaration, FunctionBlock, LiteralToken, Node, ParseError, QualifiedRule

# At-rules whose block holds rules (pruned recursively); any other block is kept whole.
_GROUPING_AT_RULES = frozenset({"media", "supports", "container", "layer", "document", "scope"})
_TOKEN = re.compile(r"-?[A-Za-z_][\w-]*")
_PROPERTY_NAME = re.compile(r"--[A-Za-z_][\w-]*")
_RAW_TEXT_ELEMENTS = frozenset({"script", "style"})
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


# --- pages --------------------------------------------------------------------------


def _elements(root: LexborNode) -> Iterator[LexborNode]:
    """Every element under root, and those in <template> contents (scripts clone them)."""
    for node in root.traverse(include_text=False):
        if not node.is_element_node:
            continue
        yield node
        if node.tag == "template":
            for fragment in node.template_fragments():
                yield from _elements(fragment)


def page_vocabulary(page_html: str) -> str:
    """A page's tags (names, attributes and their values) and inline script and style text:
    everywhere a class name can be, without the page's text."""
    tree = LexborHTMLParser(page_html)
    words: list[str] = []
    for node in _elements(tree.root) if tree.root else ():
        words.append(node.tag or "")
        for name, value in node.attributes.items():
            words += [str(name), value or ""]
        if (node.tag or "").lower() in _RAW_TEXT_ELEMENTS:
            words.append(node.text(deep=True))
    return "\n".join(words)


def known_classes(texts: Iterable[str]) -> KnownClasses:
    """From page vocabularies (page_vocabulary) and the text of the site's scripts."""
    tokens: set[str] = set()
    properties: set[str] = set()
    for text in texts:
        tokens.update(_TOKEN.findall(text))
        properties.update(_PROPERTY_NAME.findall(text))
    prefixes = tuple(sorted(t for t in tokens if t.endswith(("-", "_")) and len(t) >= _MIN_PREFIX))
    return KnownClasses(frozenset(tokens), prefixes, frozenset(properties))


# --- reading the stylesheet --------------------------------------------------------


def _children(node: Node) -> list[Node]:
    """The component values inside a node: a rule's prelude and block, a function's arguments."""
    if isinstance(node, QualifiedRule | AtRule):
        return [*node.prelude, *(node.content or [])]
    if isinstance(node, Declaration):
        return node.value
    if isinstance(node, FunctionBlock):
        return node.arguments
    return getattr(node, "content", None) or []


def _walk(nodes: Iterable[Node]) -> Iterator[Node]:
    for node in nodes:
        yield node
        yield from _walk(_children(node))


def parse(css: str) -> list[Node]:
    """The stylesheet's rules as tinycss2 reads them (comments and whitespace kept, so that
    what is kept is written back as it was). ValueError for a parse error, with its place."""
    nodes = tinycss2.parse_stylesheet(css, skip_comments=False, skip_whitespace=False)
    for node in _walk(nodes):
        if isinstance(node, ParseError):
            raise ValueError(f"stylesheet line {node.source_line}, column {node.source_column}: {node.message}")
    return nodes


def _strip_whitespace(tokens: list[Node]) -> list[Node]:
    start, end = 0, len(tokens)
    while start < end and tokens[start].type == "whitespace":
        start += 1
    while end > start and tokens[end - 1].type == "whitespace":
        end -= 1
    return tokens[start:end]


def _split_tokens(tokens: list[Node], separator: str) -> list[list[Node]]:
    """Split at separators among the top-level tokens (never inside a string, a comment or
    a block: the tokenizer has made those single tokens)."""
    parts: list[list[Node]] = [[]]
    for token in tokens:
        if token.type == "literal" and token.value == separator:
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def split_selectors(prelude: str) -> list[str]:
    """The selectors of a selector list, as written."""
    tokens = tinycss2.parse_component_value_list(prelude)
    return [tinycss2.serialize(part) for part in _split_tokens(tokens, ",")]


# --- judging selectors --------------------------------------------------------------


def _class_is_known(name: str, known: KnownClasses) -> bool:
    if name in known:
        return True
    # An escaped name that is not one word (`sm:flex`): the pages' words were cut at the ":".
    return _TOKEN.fullmatch(name) is None and all(word in known for word in _TOKEN.findall(name))


def _top_level_classes(selector: list[Node]) -> Iterator[str]:
    for previous, token in itertools.pairwise(selector):
        if previous.type == "literal" and previous.value == "." and token.type == "ident":
            yield token.value


def _exact_attribute_value(block: Node) -> str | None:
    """The value of `[name=value]` (no operator other than `=`, no case flag), else None."""
    tokens = [token for token in block.content if token.type not in ("whitespace", "comment")]
    if len(tokens) != 3:
        return None
    name, operator, value = tokens
    if name.type != "ident" or operator.type != "literal" or operator.value != "=":
        return None
    return value.value if value.type in ("ident", "string") else None


def _selector_can_match(selector: list[Node], known: KnownClasses) -> bool:
    if not all(_class_is_known(name, known) for name in _top_level_classes(selector)):
        return False
    # `[dir=rtl]` needs an element whose attribute is exactly that word: the word must be known.
    exact_values = [
        value for token in selector if token.type == "[] block" and (value := _exact_attribute_value(token)) is not None
    ]
    return all(value in known.tokens for value in exact_values if _TOKEN.fullmatch(value))


def selector_can_match(selector: str, known: KnownClasses) -> bool:
    return _selector_can_match(tinycss2.parse_component_value_list(selector), known)


# --- pruning ------------------------------------------------------------------------


def _is_grouping(node: Node) -> bool:
    return isinstance(node, AtRule) and node.lower_at_keyword in _GROUPING_AT_RULES and node.content is not None


def _is_rule(node: Node) -> bool:
    return isinstance(node, QualifiedRule | AtRule)


def _group_with(node: AtRule, content: list[Node]) -> AtRule:
    return AtRule(node.source_line, node.source_column, node.at_keyword, node.lower_at_keyword, node.prelude, content)


def _rule_with(node: QualifiedRule, prelude: list[Node], content: list[Node]) -> QualifiedRule:
    return QualifiedRule(node.source_line, node.source_column, prelude, content)


_COMMA = LiteralToken(0, 0, ",")
_SEMICOLON = LiteralToken(0, 0, ";")


def _group_contents(node: AtRule) -> list[Node]:
    return tinycss2.parse_rule_list(node.content, skip_comments=False, skip_whitespace=False)


def _prune_rules(nodes: list[Node], known: KnownClasses) -> list[Node]:
    kept: list[Node] = []
    for node in nodes:
        if _is_grouping(node):
            children = _prune_rules(_group_contents(node), known)
            if any(_is_rule(child) for child in children):
                kept.append(_group_with(node, children))
        elif isinstance(node, QualifiedRule):
            selectors = _split_tokens(node.prelude, ",")
            matching = [selector for selector in selectors if _selector_can_match(selector, known)]
            if len(matching) == len(selectors):
                kept.append(node)  # as written
            elif matching:
                prelude = [token for part in matching for token in [*_strip_whitespace(part), _COMMA]][:-1]
                kept.append(_rule_with(node, prelude, node.content))
        else:
            kept.append(node)
    return kept


@dataclass(frozen=True)
class _Piece:
    """What a style rule's block holds between two top-level semicolons: one declaration."""

    tokens: list[Node]
    custom_property: str | None  # the custom property it declares, if it does


@dataclass(frozen=True)
class _StyleRule:
    rule: QualifiedRule
    pieces: list[_Piece]

    def to_node(self) -> QualifiedRule:
        content = [token for piece in self.pieces for token in [*piece.tokens, _SEMICOLON]][:-1]
        return _rule_with(self.rule, self.rule.prelude, content)


def _declared_property(tokens: list[Node]) -> str | None:
    declaration = tinycss2.parse_one_declaration(tokens)
    if isinstance(declaration, Declaration) and declaration.name.startswith("--"):
        return declaration.name
    return None


def _with_pieces(nodes: list[Node]) -> list[Node | _StyleRule]:
    """Style rules with their blocks cut into declarations. Cutting at top-level `;` and
    joining again gives the block back token for token; a piece that is not a declaration
    (a nested rule) declares nothing, so it is never dropped."""
    out: list[Node | _StyleRule] = []
    for node in nodes:
        if _is_grouping(node):
            out.append(_group_with(node, _with_pieces(node.content)))
        elif isinstance(node, QualifiedRule):
            pieces = [_Piece(part, _declared_property(part)) for part in _split_tokens(node.content, ";")]
            out.append(_StyleRule(node, pieces))
        else:
            out.append(node)
    return out


def _declared(nodes: list) -> set[str]:
    """Custom properties declared in style rules (those that can be dropped)."""
    names: set[str] = set()
    for node in nodes:
        if _is_grouping(node):
            names |= _declared(node.content)
        elif isinstance(node, _StyleRule):
            names |= {piece.custom_property for piece in node.pieces if piece.custom_property}
    return names


def _read_properties(nodes: Iterable[Node]) -> set[str]:
    """The custom properties `var(--x)` reads, anywhere in the nodes (fallbacks included)."""
    names: set[str] = set()
    for node in _walk(nodes):
        if isinstance(node, FunctionBlock) and node.lower_name == "var":
            first = next((token for token in node.arguments if token.type not in ("whitespace", "comment")), None)
            if first is not None and first.type == "ident" and first.value.startswith("--"):
                names.add(first.value)
    return names


def _tokens(nodes: list) -> Iterator[Node]:
    for node in nodes:
        if _is_grouping(node):
            yield from node.prelude
            yield from _tokens(node.content)
        elif isinstance(node, _StyleRule):
            yield from node.rule.prelude
            yield from (token for piece in node.pieces for token in piece.tokens)
        else:
            yield node


def _drop_declarations(nodes: list, unused: set[str]) -> list:
    kept: list = []
    for node in nodes:
        if _is_grouping(node):
            children = _drop_declarations(node.content, unused)
            if any(_is_rule(child) or isinstance(child, _StyleRule) for child in children):
                kept.append(_group_with(node, children))
        elif isinstance(node, _StyleRule) and any(piece.custom_property in unused for piece in node.pieces):
            pieces = [piece for piece in node.pieces if piece.custom_property not in unused]
            if any(token.type not in ("whitespace", "comment") for piece in pieces for token in piece.tokens):
                kept.append(_StyleRule(node.rule, pieces))
        else:
            kept.append(node)
    return kept


def _to_nodes(nodes: list) -> list[Node]:
    out: list[Node] = []
    for node in nodes:
        if _is_grouping(node):
            out.append(_group_with(node, _to_nodes(node.content)))
        elif isinstance(node, _StyleRule):
            out.append(node.to_node())
        else:
            out.append(node)
    return out


# The same stylesheets are read again for each stylesheet pruned and each round of pruning
# (scripts/build/build_output.py): tokenised once each.
@lru_cache(maxsize=64)
def _stylesheet_reads(css: str) -> frozenset[str]:
    return frozenset(_read_properties(tinycss2.parse_component_value_list(css, skip_comments=True)))


def prune(css: str, known: KnownClasses, other_css: Iterable[str] = ()) -> str:
    """The stylesheet without the rules and selectors that can match no element of the site,
    and without the custom properties that nothing reads (other_css: the site's other stylesheets)."""
    nodes = _with_pieces(_prune_rules(parse(css), known))
    readers = set(known.custom_properties).union(*(_stylesheet_reads(text) for text in other_css))
    # Dropping a property can leave the ones its value read unread: repeat until nothing changes.
    while unused := _declared(nodes) - readers - _read_properties(_tokens(nodes)):
        nodes = _drop_declarations(nodes, unused)
    return tinycss2.serialize(_to_nodes(nodes))
