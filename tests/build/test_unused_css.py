"""The unused-CSS pruning (scripts/build/unused_css.py): a rule goes only when no page or
script of the site can give an element what its selector needs; what is kept is written
back as it was, as CSS the minifier and a browser read the same way."""

from __future__ import annotations

import pytest
import tinycss2

from scripts.build.minify import minify_css
from scripts.build.unused_css import known_classes, page_vocabulary, parse, prune, split_selectors


def known(*texts: str):
    return known_classes(texts)


def page(body: str):
    return known(page_vocabulary(f"<!doctype html><html><head></head><body>{body}</body></html>"))


# --- rules and selectors ------------------------------------------------------------


def test_a_rule_for_a_class_no_page_or_script_has_goes():
    css = ".md-used{a:1}.md-unused{b:2}.md-used .md-unused{c:3}"
    assert prune(css, known("md-used")) == ".md-used{a:1}"


def test_classes_in_parentheses_need_not_exist():
    css = ".a:not(.b){x:1}.b:not(.a){y:2}.a:is(.q,.r){z:3}"
    assert prune(css, known("a")) == ".a:not(.b){x:1}.a:is(.q,.r){z:3}"


def test_run_time_prefixes_keep_the_classes_scripts_complete():
    css = ".md-tag--news{y:2}.md-tog--news{z:3}"
    assert prune(css, known("el.className = `md-tag--${name}`")) == ".md-tag--news{y:2}"


def test_an_exact_attribute_value_must_be_a_word_of_a_page_or_script():
    css = '[dir=rtl] .a{x:1}[dir="rtl"]{x:2}[href^=http]{z:3}[data-x="two words"]{w:4}'
    # "rtl" only in the page's text: no element can have dir=rtl; prefix matches and values
    # that are not one word are not judged.
    assert prune(css, page('<p class="a">text rtl</p>')) == '[href^=http]{z:3}[data-x="two words"]{w:4}'
    assert prune(css, page('<p class="a" dir="rtl">text</p>')) == css


def test_a_selector_list_keeps_only_its_selectors_that_can_match():
    css = ".a, .zz > p, .a > .zz ,.a>p{x:1}"
    assert prune(css, known("a")) == ".a,.a>p{x:1}"


def test_grouping_at_rules_are_pruned_inside_and_go_when_empty():
    css = "@media screen{@supports (display:grid){.zz{a:1}}.yy{b:2}}@media print{.zz{c:3}.a{d:4}}.a{e:5}"
    assert prune(css, known("a")) == "@media print{.a{d:4}}.a{e:5}"


def test_other_at_rules_are_kept_whole():
    css = (
        '@charset "utf-8";@import url(x.css) screen;'
        "@font-face{font-family:x;src:url(a.woff2)}@keyframes zz{0%{a:1}to{a:2}}@page :first{margin:0}"
    )
    assert prune(css, known()) == css


def test_braces_and_commas_in_strings_and_comments_are_not_structure():
    css = '.a::after{content:"}"}/* { */.zz{x:1}.a[title="x,.zz"]{y:2}.a::before{content:"a,.zz{"}'
    assert prune(css, known("a")) == '.a::after{content:"}"}/* { */.a[title="x,.zz"]{y:2}.a::before{content:"a,.zz{"}'


def test_a_class_written_with_escapes_is_judged_by_its_real_name():
    css = r".md-\31 0{x:1}.sm\:flex{y:2}"
    # tinycss2 writes a name back with only the escapes it needs.
    assert prune(css, page('<p class="md-10 sm:flex">x</p>')) == r".md-10{x:1}.sm\:flex{y:2}"
    assert prune(css, page('<p class="md-1 sm">x</p>')) == ""


def test_the_stylesheet_is_read_as_a_browser_reads_it():
    nodes = parse('@media (x){a{color:red}} /* } */ b{content:"}"} @import "x;y"; c{d:e}')
    assert [node.type for node in nodes if node.type != "whitespace"] == [
        "at-rule",
        "comment",
        "qualified-rule",
        "at-rule",
        "qualified-rule",
    ]
    assert tinycss2.serialize(nodes[4].content) == 'content:"}"'
    assert split_selectors('a[title="x,y"], b /* c, d */, e:is(f, g)') == [
        'a[title="x,y"]',
        " b /* c, d */",
        " e:is(f, g)",
    ]


def test_a_stylesheet_with_a_parse_error_stops_with_its_place():
    with pytest.raises(ValueError, match=r"stylesheet line 2, column 19: EOF in string"):
        prune('.a{x:1}\n.a::after{content:"x', known("a"))
    with pytest.raises(ValueError, match=r"stylesheet line 1, column 8: "):
        prune(".a{x:1}}.b{y:2}", known("a"))


def test_what_is_kept_minifies_to_the_same_rules():
    css = ".a , .zz{ margin: 0 auto ; content: ' two  spaces ' }\n@media screen { .zz { x: 1 } .a { y: 2 } }\n"
    minified = minify_css(prune(css, known("a")))
    # Strings come back in double quotes, their spaces kept (lightningcss puts content first).
    assert minified == '.a{content:" two  spaces ";margin:0 auto}@media screen{.a{y:2}}'
    assert tinycss2.serialize(parse(minified)) == minified


# --- custom properties ---------------------------------------------------------------


def test_a_custom_property_nothing_reads_goes_and_a_rule_left_empty_with_it():
    css = ":root{--icon:url('data:image/svg+xml;a,b');--kept:1px}.a{--local:2}.a{width:var(--kept)}"
    assert prune(css, known("a")) == ":root{--kept:1px}.a{width:var(--kept)}"


def test_a_custom_property_read_only_by_an_unread_one_goes_next_round():
    css = ":root{--a:1px;--b:var(--a);--c:2px}.a{width:var(--c)}"
    assert prune(css, known("a")) == ":root{--c:2px}.a{width:var(--c)}"


def test_a_custom_property_another_stylesheet_or_a_page_reads_stays():
    css = ":root{--a:1px;--b:2px;--c:3px;--d:4px}"
    others = [".x{width:var( --a )}/* var(--c) */", '.y{content:"var(--d)"}']
    vocabulary = page_vocabulary('<p style="--b: 5px">x</p>')
    assert prune(css, known(vocabulary), other_css=others) == ":root{--a:1px;--b:2px}"


def test_custom_properties_in_at_rules_kept_whole_stay():
    css = '@font-face{--x:1;font-family:x}@property --y{syntax:"*";inherits:false}'
    assert prune(css, known()) == css


# --- reading pages -------------------------------------------------------------------


def test_page_vocabulary_reads_tags_as_a_browser_does():
    html = (
        "<!doctype html><HTML><Head><STYLE>.from-style{}</STYLE></Head><BODY>"
        "<DIV Class=Unquoted data-x='a > b md-in-quotes'>md-visible-text</DIV>"
        '<p title="x>y" class="md-after-gt">more text</p>'
        "<script>el.classList.add('md-from-script')</script>"
        "<template><span class=md-in-template>t</span></template>"
        "</BODY></HTML>"
    )
    words = known(page_vocabulary(html))
    for word in ("Unquoted", "md-in-quotes", "md-after-gt", "md-from-script", "from-style", "md-in-template"):
        assert word in words, word
    for word in ("md-visible-text", "more", "text"):
        assert word not in words, word
    css = ".Unquoted{a:1}.md-after-gt{b:2}.md-visible-text{c:3}.md-from-script{d:4}"
    assert prune(css, words) == ".Unquoted{a:1}.md-after-gt{b:2}.md-from-script{d:4}"


def test_pruning_is_its_own_fixed_point():
    # scripts/build/build_output.py prunes a stylesheet again only when another one changed.
    css = ":root{--a:1px;--b:var(--a);--c:2px;--d:var(--c)}.a{width:var(--d)}.zz{width:var(--b)}"
    others = [".y{height:var(--c)}"]
    once = prune(css, known("a"), other_css=others)
    assert once == ":root{--c:2px;--d:var(--c)}.a{width:var(--d)}"
    assert prune(once, known("a"), other_css=others) == once
