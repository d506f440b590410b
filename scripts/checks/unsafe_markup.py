"""Keep script out of page content: editors change pages by pull request, and a page
must not be able to run code in a reader's browser.

Nor load anything from another host, or send the reader elsewhere: a request to another
host tells it who reads the page, and a redirect can lead a person at risk anywhere.

Three layers. `check_markdown` reads a page's source file and names the file and line of
raw `<script>`, embedding elements (`<iframe>` ...), `on*=` event-handler attributes (in
HTML tags and in attr_list `{...}`) and `javascript:` URLs; code blocks and inline code may
show such text. `check_html` reads the page's rendered HTML with an HTML5 parser
(scripts/checks/html_policy.py: redirects, remote files, CSS `url()` too) and names the source
line of each finding where the source holds it, so that whatever the Markdown check cannot
see (a marker, an unusual syntax) still fails the build. `page_findings` reads the whole
built page, theme and data-file strings included.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts import yaml_reader
from scripts.checks import html_policy
from scripts.problems import Problem

EMBEDDING_TAGS = ("script", "iframe", "frame", "frameset", "object", "embed")

_ADVICE = html_policy.ADVICE

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


def _from_policy(finding: html_policy.Finding, line: int = 0) -> Finding:
    return Finding(line, finding.what, finding.advice)


def find_unsafe_html(content: str, own_url: str | None = None) -> list[Finding]:
    """Unsafe markup in a page's rendered content, read by an HTML5 parser (scripts/checks/html_policy.py);
    no line numbers there (`locate_in_source` finds them)."""
    return [_from_policy(finding) for finding in html_policy.content_findings(content, own_url)]


def locate_in_source(source: str, needle: str) -> int:
    """The line of the page's source (code blanked out) that holds `needle`, as written or with
    its entities decoded; 0 when no line does (the markup came from a marker or a data file)."""
    wanted = _URL_IGNORED.sub("", needle).lower()
    if not wanted:
        return 0
    for number, line in enumerate(mask_code(source).split("\n"), start=1):
        for text in (line, html.unescape(line)):
            if wanted in _URL_IGNORED.sub("", text).lower():
                return number
    return 0


def page_content_findings(content: str, source: str, own_url: str | None = None) -> list[Finding]:
    """The rendered content's findings, each on the line of the source that holds it."""
    return [
        _from_policy(finding, locate_in_source(source, finding.needle))
        for finding in html_policy.content_findings(content, own_url)
    ]


def page_findings(page_html: str, own_url: str | None = None) -> list[Finding]:
    """What the whole built page (theme, front matter, data files) may not hold."""
    return [_from_policy(finding) for finding in html_policy.page_findings(page_html, own_url)]


# What a browser drops from a URL before reading its scheme: control characters and spaces.
_URL_IGNORED = re.compile(r"[\x00-\x20]")


def _raise(findings: list[Finding], label: str, note: str = "") -> None:
    if findings:
        raise UnsafeMarkupError("\n".join(finding.message(label) + note for finding in findings))


def check_markdown(text: str, label: str) -> None:
    _raise(find_unsafe_markdown(text), label)


def check_html(content: str, label: str, source: str = "", own_url: str | None = None) -> None:
    """The rendered content: each finding on its source line, or said to come from a marker or data file."""
    findings = page_content_findings(content, source, own_url)
    located = [finding for finding in findings if finding.line]
    elsewhere = [finding for finding in findings if not finding.line]
    messages = [finding.message(label) for finding in located]
    messages += [
        finding.message(label) + " (found in the built page: it may come from a marker or a data file)"
        for finding in elsewhere
    ]
    if messages:
        raise UnsafeMarkupError("\n".join(messages))


# --- Strings of data files and front matter: they reach pages through templates and markers. ---


def _yaml_strings(node: yaml.Node) -> list[tuple[int, str]]:
    """(1-based line, text) of every string scalar below a YAML node."""
    if isinstance(node, yaml.ScalarNode):
        return [(node.start_mark.line + 1, str(node.value))] if node.tag.endswith(":str") else []
    if isinstance(node, yaml.SequenceNode):
        return [item for child in node.value for item in _yaml_strings(child)]
    if isinstance(node, yaml.MappingNode):
        return [item for key, value in node.value for item in _yaml_strings(key) + _yaml_strings(value)]
    return []


def string_problems(strings: list[tuple[int, str]], label: str) -> list[Problem]:
    """Each string read as HTML, as a template writes it into a page."""
    problems = []
    for line, text in strings:
        if "<" not in text and "url(" not in text.lower() and "&" not in text:
            continue  # plain text: nothing for a parser to find (and the check stays fast)
        for finding in html_policy.content_findings(text):
            found = f"{finding.what} is not allowed in a text of the site"
            problems.append(Problem(label, line, found, finding.advice))
    return problems


def data_file_problems(root: Path) -> list[Problem]:
    """Unsafe markup in the strings of data/**/*.yml (interface texts, quiz, job check)."""
    problems: list[Problem] = []
    for path in sorted((root / "data").rglob("*.yml")):
        label = path.relative_to(root).as_posix()
        try:
            node = yaml_reader.compose(path.read_text(encoding="utf-8"))
        except yaml.YAMLError:
            continue  # the file's own loader names the YAML error
        if node is not None:
            problems += string_problems(_yaml_strings(node), label)
    return problems


def front_matter_problems(source: str, label: str) -> list[Problem]:
    """Unsafe markup in a page's front matter (its title is written into the page's header)."""
    if not source.startswith("---"):
        return []
    end = source.find("\n---", 3)
    block = source[: end if end != -1 else len(source)]
    try:
        node = yaml_reader.compose(block.removeprefix("---"))
    except yaml.YAMLError:
        return []  # the front-matter check names the YAML error
    if node is None:
        return []
    # The block keeps the first line's end, so its lines are the file's.
    return string_problems(_yaml_strings(node), label)
