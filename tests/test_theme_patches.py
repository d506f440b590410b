"""The checked patch to Material's bundle: applied once, and loud when it no longer fits."""

from __future__ import annotations

import pytest

from scripts.theme_patches import ThemePatchError, apply_patches


def test_the_alternate_selector_is_narrowed():
    assert apply_patches('x;M("link[rel=alternate]").y') == 'x;M("link[rel=alternate][data-md-sitemap]").y'


def test_patching_twice_changes_nothing_more():
    once = apply_patches('M("link[rel=alternate]")')
    assert apply_patches(once) == once


def test_a_missing_target_fails_with_what_to_do():
    with pytest.raises(ThemePatchError, match=r"found 0; update scripts/theme_patches\.py"):
        apply_patches("no such code")


def test_the_built_bundle_is_patched(site_dir):
    (bundle,) = site_dir.glob("assets/javascripts/bundle.*.min.js")
    text = bundle.read_text(encoding="utf-8")
    assert 'M("link[rel=alternate][data-md-sitemap]")' in text
    assert 'M("link[rel=alternate]")' not in text
