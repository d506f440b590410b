"""A page as published (scripts/build/page_output.py): minified, then its policy, whose hash
is that of the inline script as the page now holds it; a page that cannot be finished is named."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scripts.build.csp import inline_scripts, script_hash
from scripts.build.page_output import PageOutputError, finish_page
from scripts.build.theme_patches import PAGE_PATCHES

# Material's body as the theme patches expect it.
TOGGLES = "".join(patch.find for patch in PAGE_PATCHES)


def test_the_page_is_patched_minified_and_its_policy_allows_the_minified_script():
    page = (
        '<!doctype html>\n<html lang="en">\n<head>\n<title>T</title>\n</head>\n'
        f"<body>\n  {TOGGLES}\n  <script>\n    go()\n  </script>\n</body>\n</html>\n"
    )
    finished = finish_page(page, "en/rights.md")
    assert inline_scripts(finished) == ["go()"]
    assert "id=__md-toggles" in finished  # patched, then minified
    assert "\n" not in finished
    policy = LexborHTMLParser(finished).css_first("head > meta:first-child").attributes
    assert policy["http-equiv"] == "Content-Security-Policy"
    assert script_hash("go()") in policy["content"]
    assert script_hash("\n    go()\n  ") not in policy["content"]


def test_a_page_without_head_is_named():
    with pytest.raises(PageOutputError, match=r"^en/rights\.md: .*no <head>"):
        finish_page(f"<body>{TOGGLES}<header>x</header></body>", "en/rights.md")


def test_a_page_material_changed_is_named_with_the_patch_to_update():
    with pytest.raises(PageOutputError, match=r"^en/rights\.md \(Material's base\.html\): expected exactly one"):
        finish_page("<html><head></head><body></body></html>", "en/rights.md")
