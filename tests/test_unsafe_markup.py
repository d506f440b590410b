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
