"""A page's HTML as it is published: Material's markup made valid (theme_patches.py),
minified (minify.py), then its Content-Security-Policy (csp.py), last, so that the policy's
hashes are those of the inline scripts as published."""

from __future__ import annotations

from scripts.build.csp import CspError, add_policy
from scripts.build.minify import minify_page
from scripts.build.theme_patches import ThemePatchError, patch_material_page


class PageOutputError(Exception):
    """The page cannot be finished; the message names it."""


def finish_page(page_html: str, name: str) -> str:
    """`name`: the page's source file or template, for the error message."""
    try:
        patched = patch_material_page(page_html, name)  # its errors name the page already
    except ThemePatchError as error:
        raise PageOutputError(str(error)) from error
    try:
        return add_policy(minify_page(patched))
    except CspError as error:
        raise PageOutputError(f"{name}: {error}") from error
