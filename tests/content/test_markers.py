"""Marker parsing and replacement, including odd input (property-based)."""

from __future__ import annotations

import pytest
from conftest import copy_project, run_mkdocs_build
from hypothesis import given
from hypothesis import strategies as st

from scripts.content.markers import MarkerError, RawHtml, body_line_offset, find_markers, parse_marker, replace_markers

names = st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True)
words = st.from_regex(r"[A-Za-z0-9_.-]{1,12}", fullmatch=True)
keys = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True)


@given(name=names, args=st.lists(words, max_size=3), options=st.dictionaries(keys, words, max_size=3))
def test_a_written_marker_parses_back(name, args, options):
    text = "[[" + " ".join([name, *args, *(f"{k}={v}" for k, v in options.items())]) + "]]"
    marker = parse_marker(text, line=3)
    assert (marker.name, marker.args, dict(marker.options), marker.line) == (name, tuple(args), options, 3)


@given(st.text(alphabet=st.characters(blacklist_characters="[]"), max_size=200))
def test_text_without_markers_is_left_unchanged(text):
    assert replace_markers(text, {}, "docs/en/x.md") == text


@given(st.text(max_size=80))
def test_any_text_either_parses_or_raises_a_marker_error(body):
    try:
        find_markers(f"before [[{body}]] after")
    except MarkerError as error:
        message = str(error)
    else:
        message = "parsed"
    assert message


def test_markers_in_code_are_not_replaced():
    markdown = "Value [[stat a 2017]]\n\n```\n[[stat a 2017]]\n```\n\nInline `[[stat a 2017]]` here\n"
    result = replace_markers(markdown, {"stat": lambda marker: "71"}, "docs/en/x.md")
    assert result == "Value 71\n\n```\n[[stat a 2017]]\n```\n\nInline `[[stat a 2017]]` here\n"


def test_unknown_marker_names_file_line_and_known_markers():
    with pytest.raises(MarkerError) as error:
        replace_markers("one\ntwo [[stats a 2017]]\n", {"stat": str, "chart": str}, "docs/en/x.md")
    assert str(error.value) == (
        "docs/en/x.md:2: [[stats a 2017]]: unknown marker 'stats'; known markers: [[chart ...]], [[stat ...]]"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[Stat a]]", "a marker starts with its name in lower case"),
        ("[[stat a=1 a=2]]", "'a' is given twice"),
        ("[[stat Sex=female]]", "should be key=value with a lower-case key"),
        ("[[]]", "a marker starts with its name"),
    ],
)
def test_malformed_markers_say_what_is_wrong(text, message):
    with pytest.raises(MarkerError, match=message):
        parse_marker(text)


def test_errors_count_lines_from_where_the_body_starts_in_the_file():
    with pytest.raises(MarkerError, match=r"^docs/en/x\.md:12: \[\[stats a\]\]"):
        replace_markers("one\ntwo [[stats a]]\n", {"stat": str}, "docs/en/x.md", first_line=11)


@pytest.mark.parametrize(
    ("source", "body", "offset"),
    [
        ("# Title\n\ntext\n", "# Title\n\ntext\n", 0),
        # MkDocs drops the front matter and the blank lines after it.
        ("---\ntitle: T\nsources: [a]\n---\n\n# Title\n\ntext\n", "# Title\n\ntext\n", 5),
        # Plugins may rejoin the lines without the final newline.
        ("---\ntitle: T\n---\n# Title\ntext\n\n", "# Title\ntext", 3),
        ("---\ntitle: T\n---\n", "", 0),
    ],
)
def test_body_line_offset_finds_the_body_in_the_file(source, body, offset):
    assert body_line_offset(source, body) == offset


def test_a_note_goes_to_the_end_of_the_sentence_not_between_number_and_noun():
    handlers = {"stat": lambda marker: RawHtml("89", at_sentence_end="(news)")}
    text = "In 2023, [[stat x 2023]] citizens were exploited abroad. Most in Türkiye.\n- [[stat y 2023]] women\n"
    assert replace_markers(text, handlers, "docs/en/x.md") == (
        "In 2023, 89 citizens were exploited abroad (news). Most in Türkiye.\n- 89 women (news)\n"
    )


def test_an_unclosed_marker_names_the_line_and_the_fix():
    handlers = {"stat": lambda marker: "71"}
    with pytest.raises(MarkerError) as error:
        replace_markers("Intro.\n\nIn 2017: [[stat victims_identified 2017 victims.\n", handlers, "docs/en/x.md")
    assert str(error.value) == (
        "docs/en/x.md:3: the marker '[[stat victims_identified 2017 victims.' is not closed (the page would show it "
        "as it is); end it with ]] right after its last word, on the same line, e.g. [[stat victims_identified 2017]]"
    )
    # In code, and next to a closed marker, brackets are fine.
    assert replace_markers("`[[stat x` and [[stat y]]\n", handlers, "docs/en/x.md") == "`[[stat x` and 71\n"


def test_an_unclosed_marker_fails_the_real_build(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "az" / "statistics.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.append("")
    lines.append("Sayı: [[stat victims_identified 2017")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert f"docs/az/statistics.md:{len(lines)}: the marker '[[stat victims_identified 2017' is not closed" in (
        result.stdout + result.stderr
    )
