"""What HTML may do on this site, read with a real HTML5 parser (selectolax's Lexbor, which
follows the WHATWG parsing rules as browsers do): entities, mixed case, unquoted, duplicated
and run-together attributes, comments, CDATA, SVG and MathML all reach the rules exactly as a
browser would see them, so that markup nobody foresaw cannot slip past a pattern.

Two sets of rules:
- `content_findings`: page text, markers' output and data-file strings. No script, no
  embedded page, no event handler, no `javascript:` URL, nothing that redirects the reader
  (`<meta http-equiv="refresh">`, `<base>`) or loads a file from another host (`src`,
  `srcset`, `poster`, `data`, SVG `href`, `<link>`, CSS `url()` and `@import`).
- `page_findings`: the whole built page, theme included: the theme may have its own scripts
  and `<link>` elements, but nothing on the page may load from another host or redirect.

The rules are fail-closed: an attribute not known to be plain text or a link the reader
follows is treated as a URL the browser may fetch, and must stay on this site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

EMBEDDING = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "portal", "fencedframe"})
# `<noscript>` is read as text by a browser with JavaScript and as markup without it, and a
# `<template>`'s content is not part of the page until a script clones it: either can hide
# markup from one reading, so content may not use them.
HIDING = frozenset({"noscript", "template"})
# Attributes whose value is text for people or for the page's own structure; never fetched.
TEXT_ATTRIBUTES = frozenset(
    {
        "alt",
        "title",
        "label",
        "placeholder",
        "value",
        "content",
        "summary",
        "abbr",
        "class",
        "id",
        "name",
        "for",
        "headers",
        "lang",
        "dir",
        "role",
        "type",
        "rel",
        "media",
        "hreflang",
        "datetime",
        "cite",
        "itemprop",
        "itemtype",
        "itemid",
        "itemscope",
        "xmlns",
        "xmlns:xlink",
        "xml:lang",
        "translate",
        "autocomplete",
        "inputmode",
        "enterkeyhint",
        "spellcheck",
        "accesskey",
        "tabindex",
        "hidden",
        "open",
        "checked",
        "disabled",
        "required",
        "selected",
        "multiple",
        "readonly",
        "colspan",
        "rowspan",
        "scope",
        "width",
        "height",
        "span",
        "start",
        "reversed",
        "min",
        "max",
        "step",
        "maxlength",
        "minlength",
        "pattern",
        "size",
        "cols",
        "rows",
        "wrap",
        "align",
        "valign",
        "charset",
        "http-equiv",
        "viewbox",
        "d",
        "fill",
        "stroke",
        "stroke-width",
        "transform",
        "x",
        "y",
        "x1",
        "x2",
        "y1",
        "y2",
        "cx",
        "cy",
        "r",
        "rx",
        "ry",
        "points",
        "shape-rendering",
        "text-anchor",
        "dominant-baseline",
        "font-size",
        "font-weight",
        "opacity",
        "fill-opacity",
        "preserveaspectratio",
        "version",
        "focusable",
        "loading",
        "decoding",
        "referrerpolicy",
        "crossorigin",
        "integrity",
        "nonce",
        "async",
        "defer",
        "novalidate",
        "draggable",
        "contenteditable",
        "popover",
        "popovertarget",
        "inert",
        "slot",
        "part",
        "is",
        "form",
        "list",
        "low",
        "high",
        "optimum",
        "kind",
        "srclang",
        "default",
        "sizes",
        "shape",
        "coords",
        "method",
        "enctype",
        "accept",
        "accept-charset",
        "dirname",
    }
)
# Links the reader follows (a navigation, not a request made behind their back).
NAVIGATION = {("a", "href"), ("area", "href"), ("a", "xlink:href")}
NAVIGATION_SCHEMES = frozenset({"http", "https", "mailto", "tel", "sms"})

ADVICE = {
    "script": "the site runs only its own script files (overrides/assets/js/); write the text in Markdown, "
    "or put code you want to show in `backticks`",
    "embed": "it would load another site's content or plugins into the page; link to it instead: [text](https://...)",
    "handler": "event handlers are scripts; remove the attribute (interactive features live in overrides/assets/js/)",
    "javascript": "link to a page of this site or to an https:// address; to show such text, put it in `backticks`",
    "scheme": "link to a page of this site, or to an https://, mailto: or tel: address",
    "redirect": "a page may not send its reader elsewhere or change where its links lead; remove it and write "
    "an ordinary link instead: [text](https://...)",
    "hiding": "remove it: write the text in Markdown (the site works without JavaScript as it is)",
    "remote": "put the file in docs/assets/ (for example docs/assets/images/) and use its path from the page, "
    "e.g. ![what it shows](../assets/images/photo.png): a file from another host tells that host who reads "
    "this page, and the site's security policy blocks it anyway",
    "link": "remove the <link>: stylesheets and icons come from the theme (mkdocs.yml, overrides/); "
    "for a link the reader follows write [text](https://...)",
}


@dataclass(frozen=True)
class Finding:
    what: str  # what was found, for the editor
    advice: str  # the fix
    needle: str  # text to look for in the source, to name its line


_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
# What a browser ignores in a URL: leading and trailing controls and spaces, tabs and line breaks anywhere.
_URL_TRIM = re.compile(r"^[\x00-\x20]+|[\x00-\x20]+$")
_URL_DROPPED = re.compile(r"[\t\n\r]")
_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.DOTALL)
_CSS_HEX_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?")
_CSS_CHAR_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))""", re.IGNORECASE)
_CSS_STRING = re.compile(r""""([^"]*)"|'([^']*)'""")
_CSS_LOADERS = re.compile(r"@import|image-set\(|image\(|src\(", re.IGNORECASE)


def normalise_url(value: str) -> str:
    """The URL as a browser reads it before resolving it."""
    return _URL_DROPPED.sub("", _URL_TRIM.sub("", value))


def scheme_of(value: str) -> str | None:
    match = _SCHEME.match(normalise_url(value).lower())
    return match.group(1) if match else None


def leaves_the_site(value: str, own_url: str | None = None) -> bool:
    """True when fetching `value` may reach another host: any scheme but data:, a
    protocol-relative `//host`, or a backslash (browsers read `\\` as `/` in such URLs).
    The site's own published address (`own_url`) stays on the site."""
    url = normalise_url(value)
    lowered = url.lower()
    if not url or (own_url and lowered.startswith(own_url.lower())):
        return False
    scheme = scheme_of(url)
    if scheme is not None:
        return scheme != "data"
    return lowered.startswith("//") or "\\" in url


def _url_tokens(value: str) -> list[str]:
    """Each URL-like part of a value that may hold several (srcset, SVG animation values)."""
    # Tabs and line breaks are dropped from a URL first, as a browser does, then the value is split.
    value = _URL_DROPPED.sub("", value)
    parts = [part for part in re.split(r"[ \f\v,;]+", value) if part]
    return parts or [value]


def css_remote_urls(css: str, own_url: str | None = None) -> list[str]:
    """The URLs a stylesheet (or a style attribute) would fetch from another host."""
    text = _CSS_COMMENT.sub(" ", css)
    text = _CSS_HEX_ESCAPE.sub(lambda match: chr(int(match.group(1), 16) or 0xFFFD), text)
    text = _CSS_CHAR_ESCAPE.sub(lambda match: match.group(1), text)
    found = []
    for match in _CSS_URL.finditer(text):
        url = next(group for group in match.groups() if group is not None)
        if leaves_the_site(url, own_url):
            found.append(url)
    if _CSS_LOADERS.search(text):
        # @import "x", image-set("x" 1x): the strings are URLs too.
        found += [
            url
            for match in _CSS_STRING.finditer(text)
            if leaves_the_site(url := next(group for group in match.groups() if group is not None), own_url)
        ]
    return list(dict.fromkeys(found))


def _remote(what: str, url: str) -> Finding:
    return Finding(f"{what} from another host ({url})", ADVICE["remote"], url)


def _attribute_findings(tag: str, name: str, value: str, own_url: str | None) -> list[Finding]:
    if name.startswith("on"):
        return [Finding(f"the `{name}=` attribute", ADVICE["handler"], name)]
    if name == "srcdoc":
        return [Finding("the `srcdoc=` attribute (a page inside the page)", ADVICE["embed"], name)]
    if name == "style":
        return [_remote(f"a file in `style=` of <{tag}>", url) for url in css_remote_urls(value, own_url)]
    if name in TEXT_ATTRIBUTES or name.startswith(("aria-", "data-")):
        return []
    url = normalise_url(value)
    scheme = scheme_of(url)
    if scheme in {"javascript", "vbscript"}:
        return [Finding(f"a `{scheme}:` URL", ADVICE["javascript"], f"{scheme}:")]
    if (tag, name) in NAVIGATION:
        if scheme is not None and scheme not in NAVIGATION_SCHEMES:
            return [Finding(f"a `{scheme}:` link", ADVICE["scheme"], f"{scheme}:")]
        return []
    if "javascript:" in url.lower():
        return [Finding("a `javascript:` URL", ADVICE["javascript"], "javascript:")]
    remote = [part for part in _url_tokens(value) if leaves_the_site(part, own_url)]
    return [_remote(f"a file in `{name}=` of <{tag}>", part) for part in remote]


# Elements that are a finding, or hold one in their text, whatever their attributes.
_TAGS_WITH_RULES = frozenset({"script", "base", "meta", "link", "style"}) | EMBEDDING | HIDING


def _element_findings(node: LexborNode, content: bool, own_url: str | None) -> list[Finding]:
    tag = (node.tag or "").lower()
    raw_attributes = node.attributes
    if not raw_attributes and tag not in _TAGS_WITH_RULES:
        return []  # most of a page's elements: nothing to judge
    attributes = {str(key).lower(): value or "" for key, value in (raw_attributes or {}).items()}
    if tag == "script" and content:
        return [Finding("<script>", ADVICE["script"], "<script")]
    if tag in EMBEDDING:
        return [Finding(f"<{tag}>", ADVICE["embed"], f"<{tag}")]
    if tag in HIDING and content:
        return [Finding(f"<{tag}>", ADVICE["hiding"], f"<{tag}")]
    if tag == "base":
        return [Finding("<base> (it changes where every link of the page leads)", ADVICE["redirect"], "<base")]
    if tag == "meta" and attributes.get("http-equiv", "").strip().lower() == "refresh":
        return [
            Finding(
                '<meta http-equiv="refresh"> (it sends the reader to another address)', ADVICE["redirect"], "refresh"
            )
        ]
    if tag == "meta" and content:
        return [Finding("<meta> (it changes how the browser treats the page)", ADVICE["redirect"], "<meta")]
    if tag == "link" and content:
        return [Finding("<link>", ADVICE["link"], "<link")]
    findings: list[Finding] = []
    if tag == "style":
        findings += [_remote("a file in <style>", url) for url in css_remote_urls(node.text(deep=True), own_url)]
    for name, value in attributes.items():
        findings += _attribute_findings(tag, name, value, own_url)
    return findings


def _findings(html_text: str, content: bool, own_url: str | None) -> list[Finding]:
    tree = LexborHTMLParser(html_text)
    findings: list[Finding] = []
    for node in tree.root.traverse(include_text=False) if tree.root else []:
        findings += _element_findings(node, content, own_url)
    return list(dict.fromkeys(findings))


def content_findings(html_text: str, own_url: str | None = None) -> list[Finding]:
    """What page content (or a marker's output, or a data file's string) may not hold."""
    return _findings(html_text, content=True, own_url=own_url)


def page_findings(html_text: str, own_url: str | None = None) -> list[Finding]:
    """What no built page may hold, theme included: remote files, redirects, embedded pages."""
    return _findings(html_text, content=False, own_url=own_url)
