"""The checked patches to Material's page template: applied once, and loud when they no longer fit;
and Material's bundle, which no page loads, is not published."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scripts.build.theme_patches import PAGE_PATCHES, ThemePatchError, apply_patches, patch_material_page


def test_a_missing_target_fails_with_what_to_do():
    with pytest.raises(ThemePatchError, match=r"found 0; update scripts/build/theme_patches\.py"):
        apply_patches("no such code", PAGE_PATCHES, "x.html")


def test_materials_bundle_is_not_published_nor_loaded(site_dir):
    # No page loads Material's JavaScript (overrides/main.html): its bundle is not published.
    assert sorted(site_dir.glob("assets/javascripts/bundle.*")) == []
    for page in (site_dir / "404.html", site_dir / "index.html", site_dir / "en" / "rights" / "index.html"):
        assert "javascripts/bundle." not in page.read_text(encoding="utf-8"), page


MATERIAL_TOGGLES = (
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
)


def test_the_toggles_keep_autocomplete_off_through_a_form_of_their_own():
    patched = patch_material_page(MATERIAL_TOGGLES, "index.md")
    # Only the form has it now: HTML allows autocomplete on a form, not on a checkbox.
    assert patched.count('autocomplete="off"') == 1
    assert '<form id="__md-toggles" autocomplete="off" hidden></form>' in patched
    # The form comes before the controls that name it (the parser resolves form="" as it goes).
    assert patched.index('<form id="__md-toggles"') < patched.index('id="__drawer" form="__md-toggles"')
    assert 'id="__search" form="__md-toggles"' in patched
    assert patch_material_page(patched, "index.md") == patched


def test_a_page_without_materials_toggles_fails_with_its_name():
    with pytest.raises(ThemePatchError, match=r"^overrides/x\.html \(Material's base\.html\): expected exactly one"):
        patch_material_page("<body></body>", "overrides/x.html")


def test_every_built_page_has_the_patched_toggles(site_dir):
    for page in (site_dir / "404.html", site_dir / "index.html", site_dir / "en" / "rights" / "index.html"):
        # Read as a browser reads it: the published pages are minified (unquoted attributes).
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        forms = tree.css("form#__md-toggles")
        assert [(form.attributes.get("autocomplete"), "hidden" in form.attributes) for form in forms] == [("off", True)]
        toggles = tree.css("#__drawer, #__search")
        assert sorted(toggle.attributes["id"] for toggle in toggles) == ["__drawer", "__search"], page
        assert [(toggle.attributes.get("form"), "autocomplete" in toggle.attributes) for toggle in toggles] == [
            ("__md-toggles", False),
            ("__md-toggles", False),
        ], page
