"""Keep script out of page content: editors change pages by pull request, and a page
must not be able to run code in a reader's browser.

Two checks. `check_markdown` reads a page's source file and names the file and line of
raw `<script>`, embedding elements (`<iframe>` ...), `on*=` event-handler attributes
(in HTML tags and in attr_list `{...}`) and `javascript:` URLs; code blocks and inline
code may show such text. `check_html` looks at the same things in the page's rendered
HTML, where code is already escaped, so whatever the Markdown check cannot see (a marker,
a data file, an unusual syntax) still fails the build.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from scripts import html_attributes

EMBEDDING_TAGS = ("script", "iframe", "frame", "frameset", "object", "embed")

_ADVICE = {
    "script": "the site runs only its own script files (overrides/assets/js/); write the text in Markdown, "
    "or put code you want to show in `backticks`",
    "embed": "it would load another site's content or plugins into the page; link to it instead: [text](https://...)",
    "handler": "event handlers are scripts; remove the attribute (interactive features live in overrides/assets/js/)",
    "javascript": "link to a page of this site or to an https:// address; to show such text, put it in `backticks`",
}

_TAG = re.compile(r"<\s*(" + "|".join(EMBEDDING_TAGS) + r")\b", re.IGNORECASE)
# An HTML start tag, also unfinished or spread over lines, and an attr_list `{...}`.
_TAG_OR_ATTR_LIST = re.compile(r"<[A-Za-z][^<>]*|\{[^{}\n]*\}")
_HANDLER = re.compile(r"(?:^|[\s\"'/{:;])(on[a-z]+)\s*=", re.IGNORECASE)
_JAVASCRIPT_URL = re.compile(r"javascript:", re.IGNORECASE)
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
# CommonMark code span: a run of backticks closed by a run of the same length, within a paragraph.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.DOTALL)


class UnsafeMarkupError(Exception):
    pass


@dataclass(frozen=True)
class Finding:
    line: int
    what: str
    advice: str

    def message(self, label: str) -> str:
        where = f"{label}:{self.line}" if self.line else label
        return f"{where}: {self.what} is not allowed in page content; {self.advice}"


def _blank(text: str) -> str:
    """Same length and line breaks, no content: keeps offsets and line numbers right."""
    return re.sub(r"[^\n]", " ", text)


def _mask_fenced_blocks(text: str) -> str:
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening:
            fence = opening.group(1)
            closing = re.compile(r"^[ \t]*" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$")
            end = next((i for i in range(index + 1, len(lines)) if closing.match(lines[i])), None)
            # An unclosed fence is not code for Python-Markdown: its text is checked.
            if end is not None:
                for i in range(index, end + 1):
                    lines[i] = _blank(lines[i])
                index = end
        index += 1
    return "\n".join(lines)


def mask_code(text: str) -> str:
    """The text with fenced code blocks and inline code blanked out."""
    masked = _mask_fenced_blocks(text)
    return _CODE_SPAN.sub(lambda match: _blank(match.group(0)), masked)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def find_unsafe_markdown(text: str) -> list[Finding]:
    """Unsafe markup in a Markdown page's source (front matter included), by line."""
    masked = mask_code(text)
    findings: list[Finding] = []
    for match in _TAG.finditer(masked):
        tag = match.group(1).lower()
        findings.append(Finding(_line_of(masked, match.start()), f"<{tag}>", _ADVICE[_kind(tag)]))
    for block in _TAG_OR_ATTR_LIST.finditer(masked):
        for handler in _HANDLER.finditer(block.group(0)):
            line = _line_of(masked, block.start() + handler.start(1))
            findings.append(Finding(line, f"the `{handler.group(1).lower()}=` attribute", _ADVICE["handler"]))
    for number, line_text in enumerate(masked.split("\n"), start=1):
        # Browsers decode entities in attributes and drop tabs and line breaks in URLs.
        if _JAVASCRIPT_URL.search(html.unescape(line_text).replace("\t", "")):
            findings.append(Finding(number, "a `javascript:` URL", _ADVICE["javascript"]))
    return sorted(set(findings), key=lambda finding: (finding.line, finding.what))


def _kind(tag: str) -> str:
    return "script" if tag == "script" else "embed"


# Rendered HTML, read the way a browser tokenises it: comments skipped, then each start
# tag with its attributes (quoted values may hold `>`). Regular expressions rather than
# html.parser: this runs on every page of every build, and the parser was its slowest part.
_COMMENT_OR_START_TAG = re.compile(r"""<!--.*?-->|<([A-Za-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.DOTALL)
# What a browser drops from a URL before reading its scheme: control characters and spaces.
_URL_IGNORED = re.compile(r"[\x00-\x20]")


def _tag_findings(tag: str, attributes: str) -> list[Finding]:
    findings: list[Finding] = []
    if tag in EMBEDDING_TAGS:
        findings.append(Finding(0, f"<{tag}>", _ADVICE[_kind(tag)]))
    for name, value in html_attributes.attributes(attributes):
        if name.startswith("on"):
            findings.append(Finding(0, f"the `{name}=` attribute", _ADVICE["handler"]))
        # A browser decodes entities in attribute values before it reads a URL.
        url = _URL_IGNORED.sub("", value).lower()
        if url.startswith("javascript:"):
            findings.append(Finding(0, "a `javascript:` URL", _ADVICE["javascript"]))
    return findings


def find_unsafe_html(content: str) -> list[Finding]:
    """Unsafe markup in a page's rendered content (no line numbers there)."""
    findings: list[Finding] = []
    for match in _COMMENT_OR_START_TAG.finditer(content):
        if match.group(1):
            findings.extend(_tag_findings(match.group(1).lower(), match.group(2)))
    return list(dict.fromkeys(findings))


def _raise(findings: list[Finding], label: str, note: str = "") -> None:
    if findings:
        raise UnsafeMarkupError("\n".join(finding.message(label) + note for finding in findings))


def check_markdown(text: str, label: str) -> None:
    _raise(find_unsafe_markdown(text), label)


def check_html(content: str, label: str) -> None:
    _raise(find_unsafe_html(content), label, " (found in the built page: it may come from a marker or a data file)")
