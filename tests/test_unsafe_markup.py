"""Content from a pull request cannot inject script: raw <script>, embedded pages, on*=
event handlers and javascript: URLs fail the build naming the file and line; code may
show them."""

from __future__ import annotations

import pytest
from conftest import run_mkdocs_build
from hypothesis import given
from hypothesis import strategies as st
from test_site_build import copy_project

from scripts.html_attributes import attributes
from scripts.unsafe_markup import (
    UnsafeMarkupError,
    check_html,
    check_markdown,
    find_unsafe_html,
    find_unsafe_markdown,
    page_findings,
)


def lines_and_whats(text: str) -> list[tuple[int, str]]:
    return [(finding.line, finding.what) for finding in find_unsafe_markdown(text)]


def test_script_fails_naming_file_line_and_fix():
    text = "---\ntitle: T\n---\n\n# T\n\nText.\n<script>alert(1)</script>\n"
    with pytest.raises(UnsafeMarkupError) as error:
        check_markdown(text, "docs/en/rights.md")
    message = str(error.value)
    assert message.startswith("docs/en/rights.md:8: <script> is not allowed in page content; ")
    assert "overrides/assets/js/" in message
    assert "`backticks`" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\n<SCRIPT src=x.js></SCRIPT>", [(2, "<script>")]),
        ("<svg><script>alert(1)</script></svg>", [(1, "<script>")]),
        ('<iframe src="https://example.org/"></iframe>', [(1, "<iframe>")]),
        ("<embed src=x>\n<object data=x></object>", [(1, "<embed>"), (2, "<object>")]),
        ('<a href="#" onclick="steal()">x</a>', [(1, "the `onclick=` attribute")]),
        ("<img src=x\n     ONERROR = 'steal()'>", [(2, "the `onerror=` attribute")]),
        ('<img src=x onerror="a()"', [(1, "the `onerror=` attribute")]),  # unfinished tag
        ('<a href="#"onmouseover="a()">x</a>', [(1, "the `onmouseover=` attribute")]),
        ('[Help](#){ onclick="a()" }', [(1, "the `onclick=` attribute")]),
        ("## Title {: #id onfocus=a() }", [(1, "the `onfocus=` attribute")]),
        ("[x](javascript:alert(1))", [(1, "a `javascript:` URL")]),
        ("[x](JavaScript:alert(1))", [(1, "a `javascript:` URL")]),
        ('<a href="jav&#x61;script:alert(1)">x</a>', [(1, "a `javascript:` URL")]),
        ('<a href="java\tscript:a()">x</a>', [(1, "a `javascript:` URL")]),
        ("[x]: javascript:alert(1)\n", [(1, "a `javascript:` URL")]),
    ],
)
def test_unsafe_markup_is_found_on_its_line(text, expected):
    assert lines_and_whats(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Inline `<script>alert(1)</script>` and ``a `onclick=` b`` are shown, not run.",
        '```html\n<script>alert(1)</script>\n<a onclick="x">\n```\n',
        "~~~~\n[x](javascript:alert(1))\n~~~~\n",
        '!!! note\n\n    ```html\n    <iframe src="x"></iframe>\n    ```\n',
        "Words about one=1, on-line help, a canon=law, {curly on braces} and emails: a@b.c.",
        "[[job-check]] and [[stat hotline_appeals 2017]]",
        '<details markdown="1" open><summary>More</summary>Text</details>',
    ],
)
def test_safe_text_and_code_pass(text):
    assert find_unsafe_markdown(text) == []


def test_an_unclosed_fence_is_not_code_so_it_is_checked():
    # Python-Markdown renders an unclosed fence as text, so the script would be live.
    assert lines_and_whats("```\n<script>x()</script>\n") == [(2, "<script>")]


def test_all_findings_are_reported_together():
    with pytest.raises(UnsafeMarkupError) as error:
        check_markdown("<script>a()</script>\n\n<b onclick=x>b</b>\n", "docs/ru/signs.md")
    assert str(error.value).splitlines()[0].startswith("docs/ru/signs.md:1: <script> is not allowed")
    assert str(error.value).splitlines()[1].startswith("docs/ru/signs.md:3: the `onclick=` attribute is not allowed")


@given(st.text(alphabet=st.characters(blacklist_characters="`~", blacklist_categories=("Cs",)), max_size=200))
def test_anything_inside_a_fenced_block_passes(body):
    assert find_unsafe_markdown(f"Text\n\n```\n{body}\n```\n\nMore text\n") == []


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>x</p><script>a()</script>", ["<script>"]),
        ('<p><img src="x" onerror="a()"></p>', ["the `onerror=` attribute"]),
        ('<a href=" &#106;avascript:a()">x</a>', ["a `javascript:` URL"]),
        ('<svg><a xlink:href="javascript:a()">x</a></svg>', ["a `javascript:` URL"]),
        ('<iframe src="https://example.org/"></iframe>', ["<iframe>"]),
        ('<a title="a > b" ONCLICK=a()>x</a>', ["the `onclick=` attribute"]),
        ('<a\nhref="java&#x09;script:a()">x</a><EMBED src=x>', ["a `javascript:` URL", "<embed>"]),
        ("<img alt=x src=x onload=a() />", ["the `onload=` attribute"]),
        # A comment is not markup; text that only mentions a tag is escaped by Markdown.
        ("<!-- <script>a()</script> --><p>&lt;iframe&gt; and onclick=x</p>", []),
        ('<p data-on="x" class="online">javascript: is a scheme</p>', []),
    ],
)
def test_rendered_content_is_checked_too(html, expected):
    assert [finding.what for finding in find_unsafe_html(html)] == expected


def test_rendered_code_is_escaped_so_it_passes():
    check_html("<pre><code>&lt;script&gt;alert(1)&lt;/script&gt; onclick=&quot;x&quot;</code></pre>", "docs/en/x.md")


def test_a_page_with_script_or_onclick_fails_the_real_build(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "en" / "rights.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines[-1:] = [lines[-1], "", '<script>alert("hi")</script>', "", '<a href="#" onclick="steal()">Help</a>']
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/en/rights.md:{len(lines) - 2}: <script> is not allowed in page content" in output
    assert f"docs/en/rights.md:{len(lines)}: the `onclick=` attribute is not allowed in page content" in output


def test_attributes_are_read_as_a_browser_reads_them():
    text = """ title='say "a > b"' HIDDEN data-x="&amp;&#106;" href=/x/"""
    assert attributes(text) == [("title", 'say "a > b"'), ("hidden", ""), ("data-x", "&j"), ("href", "/x/")]


# --- Read by an HTML5 parser (scripts/html_policy.py): tricky inputs from the tokenizer's rules ---

REMOTE = "put the file in docs/assets/"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # Mixed case, unquoted values, a protocol-relative //host.
        ("<IMG SRC=//evil.example/x.png>", ["a file in `src=` of <img> from another host (//evil.example/x.png)"]),
        # Entities in attribute values are decoded before the URL is read.
        ('<a href="&#x6A;avascript:alert(1)">x</a>', ["a `javascript:` URL"]),
        ('<a href="javascript&colon;alert(1)">x</a>', ["a `javascript:` URL"]),
        (
            '<img src="&#x2F;&#x2F;evil.example/x.png">',
            ["a file in `src=` of <img> from another host (//evil.example/x.png)"],
        ),
        # A duplicated attribute: the browser keeps the first, and so does the check.
        (
            "<img src=//evil.example/a.png src=ok.png>",
            ["a file in `src=` of <img> from another host (//evil.example/a.png)"],
        ),
        ("<img src=ok.png src=//evil.example/a.png>", []),
        # Attributes without spaces between them.
        ('<img src="ok.png"alt="x"onerror="a()">', ["the `onerror=` attribute"]),
        # Backslashes are slashes to a browser; tabs and line breaks inside a URL are dropped.
        (r'<img src="/\evil.example/x.png">', [r"a file in `src=` of <img> from another host (/\evil.example/x.png)"]),
        (
            '<img src="/&#9;/evil.example/x.png">',
            ["a file in `src=` of <img> from another host (//evil.example/x.png)"],
        ),
        (
            '<img src="https:evil.example/x.png">',
            ["a file in `src=` of <img> from another host (https:evil.example/x.png)"],
        ),
        # srcset, poster, data, SVG and MathML references.
        (
            '<img src=a.png srcset="a.png 1x, //evil.example/b.png 2x">',
            ["a file in `srcset=` of <img> from another host (//evil.example/b.png)"],
        ),
        (
            '<video poster="https://evil.example/p.jpg"></video>',
            ["a file in `poster=` of <video> from another host (https://evil.example/p.jpg)"],
        ),
        (
            '<svg><image href="//evil.example/i.svg"/></svg>',
            ["a file in `href=` of <image> from another host (//evil.example/i.svg)"],
        ),
        (
            '<svg><use xlink:href="https://evil.example/s.svg#i"/></svg>',
            ["a file in `xlink:href=` of <use> from another host (https://evil.example/s.svg#i)"],
        ),
        ('<math><mi xlink:href="javascript:a()">x</mi></math>', ["a `javascript:` URL"]),
        ('<svg><a><animate attributeName="href" values="javascript:a()"/></a></svg>', ["a `javascript:` URL"]),
        (
            '<table background="//evil.example/t.png"><tr><td>x</td></tr></table>',
            ["a file in `background=` of <table> from another host (//evil.example/t.png)"],
        ),
        (
            '<a href="/x/" ping="https://evil.example/ping">x</a>',
            ["a file in `ping=` of <a> from another host (https://evil.example/ping)"],
        ),
        # Embedded pages, srcdoc, and markup a browser reads differently with and without JavaScript.
        ('<iframe srcdoc="<img src=//evil.example/s.png>"></iframe>', ["<iframe>"]),
        ('<p srcdoc="<img src=//evil.example/s.png>">x</p>', ["the `srcdoc=` attribute (a page inside the page)"]),
        ("<noscript><p title='</noscript><img src=//evil.example/n.png>'></p></noscript>", ["<noscript>"]),
        ("<template><img src=//evil.example/t.png></template>", ["<template>"]),
        # Comments and CDATA (outside SVG a CDATA section is a comment) hide nothing and show nothing.
        ("<!-- <img src=//evil.example/c.png> --><![CDATA[<img src=//evil.example/d.png>]]><p>x</p>", []),
        # Inside SVG, CDATA is text: what follows its end is markup again.
        (
            "<svg><![CDATA[x]]></svg><img src=//evil.example/e.png>",
            ["a file in `src=` of <img> from another host (//evil.example/e.png)"],
        ),
        # Redirecting markup.
        (
            '<meta http-equiv="Refresh" content="0;url=https://evil.example/">',
            ['<meta http-equiv="refresh"> (it sends the reader to another address)'],
        ),
        ('<meta name="referrer" content="unsafe-url">', ["<meta> (it changes how the browser treats the page)"]),
        ("<BASE HREF=//evil.example/>", ["<base> (it changes where every link of the page leads)"]),
        ('<link rel="stylesheet" href="https://fonts.example/css">', ["<link>"]),
        # CSS: style attributes and <style>, with escapes and comments.
        (
            '<p style="background:URL( //evil.example/b.png )">x</p>',
            ["a file in `style=` of <p> from another host (//evil.example/b.png)"],
        ),
        (
            r"<style>p{background:u\72l(//evil.example/c.png)}</style>",
            ["a file in <style> from another host (//evil.example/c.png)"],
        ),
        (
            '<style>@import "https://evil.example/x.css";</style>',
            ["a file in <style> from another host (https://evil.example/x.css)"],
        ),
        ("<style>/* url(//evil.example/x.png) */ p{color:red}</style>", []),
        # What stays on the site passes: relative paths, data: images, links the reader follows.
        ('<img src="../assets/images/x.png" srcset="x.png 1x, x2.png 2x" alt="A photo of //evil.example/">', []),
        ('<img src="data:image/png;base64,iVBORw0KGgo=" alt="">', []),
        ('<a href="https://www.example.org/law">law</a> <a href="tel:155">155</a> <a href="mailto:a@b.c">m</a>', []),
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><path d="M0 0h1"/></svg>', []),
        ('<p style="color: red; background: url(../assets/images/x.png)">x</p>', []),
    ],
)
def test_rendered_markup_is_read_as_a_browser_reads_it(html, expected):
    assert [finding.what for finding in find_unsafe_html(html)] == expected


def test_remote_files_come_with_the_fix():
    [finding] = find_unsafe_html('<img src="https://cdn.example/x.png">')
    assert REMOTE in finding.advice
    assert finding.message("docs/en/rights.md").startswith(
        "docs/en/rights.md: a file in `src=` of <img> from another host (https://cdn.example/x.png) is not allowed"
    )


def test_the_whole_page_check_allows_the_themes_own_files_and_the_sites_own_address():
    page = (
        '<html><head><meta charset="utf-8"><link rel="stylesheet" href="assets/site.css">'
        '<link rel="alternate" href="https://owner.example/site/en/" hreflang="en"><script src="assets/x.js"></script>'
        '</head><body><a href="https://www.bbc.com/weather">exit</a></body></html>'
    )
    assert page_findings(page, "https://owner.example/site/") == []
    assert [f.what for f in page_findings(page.replace("assets/x.js", "https://cdn.example/x.js"), None)] == [
        "a file in `href=` of <link> from another host (https://owner.example/site/en/)",
        "a file in `src=` of <script> from another host (https://cdn.example/x.js)",
    ]


def markdown_page(project, extra: str, locale: str = "en") -> tuple[int, int]:
    """Add lines to a page of the copied project; (first new line, last line)."""
    page = project / "docs" / locale / "rights.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    added = extra.splitlines()
    page.write_text("\n".join([*lines, *added]) + "\n", encoding="utf-8")
    return len(lines) + 1, len(lines) + len(added)


def test_redirects_and_remote_files_fail_the_real_build_with_file_line_and_fix(tmp_path):
    project = copy_project(tmp_path)
    first, _ = markdown_page(
        project,
        '\n<meta http-equiv="refresh" content="0;url=https://evil.example/">\n\n'
        "![A photo](https://cdn.example/photo.png)\n\n"
        '<p style="background: url(//evil.example/b.png)">x</p>\n',
    )
    ru_first, _ = markdown_page(project, '\n<IMG SRC=x.png SRCSET="a.png 1x, //evil.example/b.png 2x">\n', "ru")
    result = run_mkdocs_build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    meta = '<meta http-equiv="refresh"> (it sends the reader to another address)'
    assert f"docs/en/rights.md:{first + 1}: {meta}" in output
    assert (
        f"docs/en/rights.md:{first + 3}: a file in `src=` of <img> from another host (https://cdn.example/photo.png) "
        f"is not allowed in page content; {REMOTE}"
    ) in output
    style = "a file in `style=` of <p> from another host (//evil.example/b.png)"
    assert f"docs/en/rights.md:{first + 5}: {style}" in output
    # Every language's problems at once, not only the first page's.
    assert f"docs/ru/rights.md:{ru_first + 1}: a file in `srcset=` of <img> from another host" in output
    assert "4 problem(s) in the pages" in output


def test_a_data_file_string_with_a_remote_image_fails_the_build_naming_its_line(tmp_path):
    project = copy_project(tmp_path)
    strings = project / "data" / "ui" / "safety.yml"
    lines = strings.read_text(encoding="utf-8").splitlines()
    number = next(index for index, line in enumerate(lines, start=1) if line.strip().startswith("en:"))
    indent = lines[number - 1][: len(lines[number - 1]) - len(lines[number - 1].lstrip())]
    lines[number - 1] = f"{indent}en: \"Leave <img src='https://evil.example/t.gif'>\""
    strings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        f"data/ui/safety.yml line {number}: a file in `src=` of <img> from another host "
        "(https://evil.example/t.gif) is not allowed in a text of the site"
    ) in output
    assert f"Fix: {REMOTE}" in output


def test_a_title_with_markup_fails_the_build_naming_the_front_matter_line(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "en" / "rights.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace("title: ", 'title: <meta http-equiv="refresh" content="0;url=//evil.example/"> ', 1),
        encoding="utf-8",
    )
    result = run_mkdocs_build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert 'docs/en/rights.md line 2: <meta http-equiv="refresh"> (it sends the reader to another address)' in output
