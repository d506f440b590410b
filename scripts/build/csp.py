"""The Content-Security-Policy of a built page: a `<meta http-equiv>` placed first in
`<head>`, allowing the site's own files and, by SHA-256 hash, exactly the inline scripts
the page contains at build time (so no `'unsafe-inline'` for scripts).

GitHub Pages cannot send headers, hence the meta element; it must come before any
script, or those scripts run unchecked.
"""

from __future__ import annotations

import base64
import hashlib
import html

from selectolax.lexbor import LexborHTMLParser

# Styles need 'unsafe-inline': Material and the charts use style attributes. Images
# need data: for Material's inline SVG icons in its CSS. No `frame-ancestors`,
# `report-uri` or `sandbox`: browsers ignore them in a meta element.
BASE_DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

# `type` values a browser runs as script (empty: no type attribute); JSON data blocks
# such as Material's `__config` are not run, so they need no hash.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}


class CspError(Exception):
    pass


def inline_scripts(page_html: str) -> list[str]:
    """The text of every inline, executable `<script>` element, found by an HTML5 parser
    (selectolax's Lexbor, as scripts/checks/html_policy.py reads pages): comments, mixed case,
    duplicated or unquoted attributes and `<!--` inside a script's text reach this exactly as
    a browser reads them; scripts in a `<template>` are not run, so not hashed."""
    scripts: list[str] = []
    for node in LexborHTMLParser(page_html).css("script"):
        attributes = {str(name).lower(): value or "" for name, value in node.attributes.items()}
        if "src" not in attributes and attributes.get("type", "").strip().lower() in _SCRIPT_TYPES:
            scripts.append(node.text(deep=True))
    return scripts


def script_hash(source: str) -> str:
    # Browsers hash the script text as parsed: line breaks normalised to LF, UTF-8.
    text = source.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(page_html: str) -> str:
    hashes = list(dict.fromkeys(script_hash(source) for source in inline_scripts(page_html)))
    directives = [
        (name, " ".join([value, *hashes]) if name == "script-src" else value) for name, value in BASE_DIRECTIVES
    ]
    return "; ".join(f"{name} {value}" for name, value in directives)


def add_policy(page_html: str) -> str:
    """The page with its policy as the first element of `<head>`."""
    head = _find_head(page_html)
    if _has_policy(page_html):
        raise CspError("the page already has a Content-Security-Policy meta element; keep one (scripts/build/csp.py)")
    # Quotes stay unescaped: the policy must fit, with <meta charset>, in the first 1024 bytes.
    content = html.escape(policy(page_html), quote=False).replace('"', "&quot;")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    return page_html[:head] + meta + page_html[head:]


def _has_policy(page_html: str) -> bool:
    # Read by the HTML5 parser: the pages are minified (unquoted attributes), and http-equiv's
    # value is matched without regard to case, as browsers do.
    return any(
        (node.attributes.get("http-equiv") or "").strip().lower() == "content-security-policy"
        for node in LexborHTMLParser(page_html).css("meta[http-equiv]")
    )


def _find_head(page_html: str) -> int:
    """The offset just after the `<head>` start tag."""
    lowered = page_html.lower()
    start = lowered.find("<head")
    while start != -1 and lowered[start + 5 : start + 6] not in {">", " ", "\t", "\n", "\r", "/"}:
        start = lowered.find("<head", start + 1)  # <header> is not <head>
    if start == -1:
        raise CspError("no <head> element: the Content-Security-Policy cannot be placed first in it")
    return lowered.index(">", start) + 1
