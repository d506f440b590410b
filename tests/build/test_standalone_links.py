"""Links that are all their block holds are marked as targets of their own
(scripts/build/standalone_links.py); links inside sentences are left as they are."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from scripts.build.standalone_links import CLASS, StandaloneLinksExtension


def marked_links(source: str) -> list[str]:
    html = markdown.markdown(source, extensions=["attr_list", StandaloneLinksExtension()])
    return [link.get_text() for link in BeautifulSoup(html, "html.parser").select(f"a.{CLASS}")]


@pytest.mark.parametrize(
    ("source", "marked"),
    [
        ("- [A job abroad](job.md)\n- [A marriage offer](marriage.md)\n", ["A job abroad", "A marriage offer"]),
        ("- [Your data is protected](rights.md#data).\n", ["Your data is protected"]),
        ("[Read more](more.md)\n", ["Read more"]),
        ("- [Rights](rights.md)\n    - [Help](rights.md#help)\n", ["Rights", "Help"]),
        ("Call the hotline or read [what happens](hotline.md) first.\n", []),
        ("- See [the law](laws.md)\n", []),
        ("- [One](a.md) and [two](b.md)\n", []),
        ("- **[Bold](a.md)**\n", []),
    ],
)
def test_only_links_that_are_their_blocks_whole_content_are_marked(source, marked):
    assert marked_links(source) == marked


def test_a_link_keeps_its_own_classes():
    html = markdown.markdown("[Exit](x.md){ .button }\n", extensions=["attr_list", StandaloneLinksExtension()])
    assert BeautifulSoup(html, "html.parser").a["class"] == ["button", CLASS]
