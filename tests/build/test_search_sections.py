"""A page's search sections read with Lexbor are the sections Material's search plugin finds
with html.parser: same addresses, titles and words (scripts/build/search_sections.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from material.plugins.search.plugin import Parser, SearchIndex
from selectolax.lexbor import LexborHTMLParser

from scripts.build.search_index import plain_text
from scripts.build.search_sections import page_sections, read_pages_with_lexbor

TRICKY_PAGES = {
    "title and permalink": '<h1 id="rights">Your <em>rights</em><a class="headerlink" href="#rights">¶</a></h1>'
    "<p>Call <strong>152</strong>, day &amp; night.</p>",
    "text before the first heading": '<p>Lead text.</p><h2 id="a">A</h2><p>After A.</p>',
    "a first heading below h1": '<h3 id="deep">Deep</h3><p>x</p><h2 id="b">B</h2><p>y</p>',
    "headings without ids stay text": '<h1 id="t">T</h1><h2>No id</h2><p>z</p>',
    "kept tags part words, others join": '<h1 id="t">T</h1><ul><li>one</li><li>two</li></ul>'
    "<p>a<br>b<span>c</span><code>d</code>e<sub>2</sub>f</p><table><tr><td>g</td><td>h</td></tr></table>",
    "code and pre": '<h1 id="t">T</h1><pre><code>line 1\n  line 2</code></pre><p>x <code>y</code> z</p>',
    "left out": '<h1 id="t">T</h1><p>keep</p><script>var x = "<p>no</p>";</script><style>p{}</style>'
    "<div data-search-exclude><p>hidden</p></div><p>kept <object>obj</object> too</p>"
    '<table class="linenodiv"><tr><td>1 2 3</td></tr></table>',
    "an excluded section": '<h1 id="t">T</h1><p>a</p><h2 id="s" data-search-exclude>S</h2><p>b</p><h2 id="u">U</h2>',
    "a heading inside another element": '<h1 id="t">T</h1><p>before</p><div class="admonition">'
    '<h2 id="inner">Inner</h2><p>inside</p></div><p>after the box</p><h2 id="next">Next</h2><p>n</p>',
    "nested lists": '<h1 id="t">T</h1><ul><li>a<ul><li>b</li><li></li></ul></li><li> </li><li>c</li></ul>',
    "entities and non-breaking spaces": '<h1 id="t">A &lt;b&gt; &amp;amp;</h1><p>5&nbsp;000 &#8211; &quot;x&quot;</p>',
    "comments and void elements": '<h1 id="t">T</h1><p>a<!-- c --><img alt="i" src="x.png">b<br/>c</p><hr><p>d</p>',
    "svg and math": '<h1 id="t">T</h1><p><svg viewBox="0 0 1 1"><title>chart</title><text>9</text></svg>'
    "<math><mi>x</mi></math> end</p>",
    "empty page": "",
    "only text": "just words",
}


def _words(title: list[str], text: list[str]) -> tuple[str, str]:
    return plain_text("".join(title)), plain_text("".join(text))


def material_sections(content: str) -> list[tuple]:
    parser = Parser()
    parser.feed(content)
    parser.close()
    return [(s.id, *_words(s.title, s.text), s.is_excluded(), bool(s.title)) for s in parser.data]


def lexbor_sections(content: str) -> list[tuple]:
    return [(s.id, *_words(s.title, s.text), s.is_excluded(), bool(s.title)) for s in page_sections(content)]


@pytest.mark.parametrize("content", TRICKY_PAGES.values(), ids=TRICKY_PAGES.keys())
def test_sections_match_materials_on_tricky_pages(content: str) -> None:
    assert lexbor_sections(content) == material_sections(content)


def test_what_the_rules_give_on_a_page() -> None:
    content = TRICKY_PAGES["a heading inside another element"] + TRICKY_PAGES["left out"].replace('id="t"', 'id="l"')

    assert lexbor_sections(content) == [
        (None, "T", "before after the box", False, True),
        ("inner", "Inner", "inside", False, True),
        ("next", "Next", "n", False, True),
        ("l", "T", "keep kept too", False, True),
    ]


def test_misnested_markup_is_read_as_a_browser_reads_it() -> None:
    # The one kind of difference: html.parser takes tags as they come, an HTML5 parser builds
    # the browser's tree (a <p> ends before an <hr>). Markdown writes no such markup.
    content = '<h1 id="t">T</h1><p>a<hr>b</p>'

    assert lexbor_sections(content) == [(None, "T", "a b", False, True)]
    assert material_sections(content) == [(None, "T", "ab", False, True)]


def test_sections_match_materials_on_every_page_of_the_site(site_dir) -> None:
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 60
    compared = 0
    for path in pages:
        article = LexborHTMLParser(path.read_text(encoding="utf-8")).css_first("article")
        if article is None:
            continue
        content = article.inner_html or ""
        assert lexbor_sections(content) == material_sections(content), path.relative_to(site_dir)
        compared += 1
    assert compared > 60


def test_materials_index_makes_the_same_entries_from_the_sections() -> None:
    content = '<h1 id="t">Title</h1><p>Lead.</p><h2 id="a">A &amp; B</h2><p>x</p>'
    page = SimpleNamespace(
        meta={"title": "Page"},
        content=content,
        url="en/rights/",
        title="Page",
        toc=[SimpleNamespace(id="a", url="#a", children=[])],
    )
    material, lexbor = SearchIndex(), SearchIndex()
    material.add_entry_from_context(page)
    read_pages_with_lexbor(lexbor)
    read_pages_with_lexbor(lexbor)  # a second call changes nothing
    lexbor.add_entry_from_context(page)

    assert [{key: plain_text(value) for key, value in entry.items()} for entry in lexbor.entries] == [
        {key: plain_text(value) for key, value in entry.items()} for entry in material.entries
    ]
    assert [entry["location"] for entry in lexbor.entries] == ["en/rights/", "en/rights/#a"]
    assert material.add_entry_from_context.__func__ is SearchIndex.add_entry_from_context
    assert getattr(lexbor.add_entry_from_context, "reads_with_lexbor", False)
