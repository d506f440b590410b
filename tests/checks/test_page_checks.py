"""The checks the build runs on each page (scripts/checks/page_checks.py): every problem of
a page is returned, each naming the page's file and line, and one report counts them all."""

from __future__ import annotations

from scripts.build.held_html import TOKEN_END, TOKEN_START
from scripts.checks.page_checks import built_page_problems, problems_report, source_problems

LABEL = "docs/en/rights.md"


def test_a_source_gets_each_of_its_problems_unsafe_markup_and_front_matter():
    title = '<meta http-equiv="refresh" content="0;url=//evil.example/"> T'
    source = f"---\ntitle: {title}\n---\n\n# T\n\n<script>alert(1)</script>\n"
    problems = source_problems(source, {"title": title}, {"mfa-combating-thb"}, LABEL)
    assert len(problems) == 3, problems
    assert problems[0].startswith(f"{LABEL}:7: <script> is not allowed in page content; ")
    assert problems[1].startswith(
        f'{LABEL} line 2: <meta http-equiv="refresh"> (it sends the reader to another address)'
    )
    assert problems[2].startswith(f"{LABEL}: front matter: 'description' is missing or empty")


def test_a_clean_source_has_no_problem():
    meta = {
        "title": "Your rights",
        "description": "What the law gives you.",
        "sources": ["mfa-combating-thb"],
        "last_reviewed": "2026-12-01",
    }
    source = "---\ntitle: Your rights\n---\n\n# Your rights\n\nText.\n"
    assert source_problems(source, meta, {"mfa-combating-thb"}, LABEL) == []


def test_a_built_page_names_a_lost_token_and_a_foreign_file_outside_the_text():
    page = (
        '<html><head><link rel="stylesheet" href="https://cdn.example/x.css"></head>'
        f"<body><main><p>Text {TOKEN_START}0{TOKEN_END}</p></main></body></html>"
    )
    problems = built_page_problems(page, "<p>Text</p>", "# T\n\nText\n", LABEL, None)
    assert len(problems) == 2, problems
    assert problems[0].startswith(f"{LABEL}: a marker's HTML was lost")
    assert "cdn.example" in problems[1]
    assert problems[1].endswith(
        "(found in the built page outside its text: the front matter, a data file in data/ or the theme in overrides/)"
    )


def test_unsafe_markup_in_the_text_is_named_once_with_its_line():
    content = '<p>Text</p>\n<iframe src="https://example.org/"></iframe>'
    page = f"<html><head></head><body><main>{content}</main></body></html>"
    problems = built_page_problems(
        page, content, '# T\n\nText\n\n<iframe src="https://example.org/"></iframe>\n', LABEL, None
    )
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{LABEL}:5: ")


def test_the_report_counts_problems_by_their_first_lines():
    report = problems_report(["a.md:1: one", "b.md:2: two\n  a detail line", "c.md: three"])
    assert report.splitlines()[0] == "3 problem(s) in the pages; fix each and build again:"
    assert report.splitlines()[1:] == ["a.md:1: one", "b.md:2: two", "  a detail line", "c.md: three"]
