"""Small, checked patches to Material's page template (Material is frozen, so they stay valid).

Material's page template gets one patch (PAGE_PATCHES, applied to each built page by
scripts/build/page_output.py), so that every page is valid HTML (tests/checks/test_html_valid.py). A patch
that no longer finds its text fails the build instead of silently doing nothing.
(Material's JavaScript bundle had a patch of its own too; no page loads the bundle any
more, and scripts/build/build_output.py does not publish it.)
"""

from __future__ import annotations

from dataclasses import dataclass


class ThemePatchError(Exception):
    """A patch did not find exactly one place to apply: Material's base.html changed."""


@dataclass(frozen=True)
class Patch:
    reason: str
    find: str
    replace: str


# Material's base.html gives its two toggle checkboxes (drawer, search) autocomplete="off", so
# that Firefox does not restore an open drawer or search on reload; but HTML allows
# autocomplete only on text-like inputs. Same effect, valid: the checkboxes belong (form="")
# to an empty form with autocomplete="off", whose controls browsers do not restore. The form
# comes first: the parser must know a control's form when it creates the control.
PAGE_PATCHES = (
    Patch(
        reason="valid HTML: the drawer toggle's autocomplete=off moves to a form of its own",
        find='<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
        replace='<form id="__md-toggles" autocomplete="off" hidden></form>'
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" form="__md-toggles">',
    ),
    Patch(
        reason="valid HTML: the search toggle's autocomplete=off moves to a form of its own",
        find='<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
        replace='<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" form="__md-toggles">',
    ),
)


def apply_patches(text: str, patches: tuple[Patch, ...], where: str) -> str:
    for patch in patches:
        # Applying the patches twice changes nothing: a page patched already stays as it is.
        if patch.find not in text and text.count(patch.replace) == 1:
            continue
        count = text.count(patch.find)
        if count != 1:
            raise ThemePatchError(
                f"{where}: expected exactly one {patch.find!r} to patch ({patch.reason}), found {count}; "
                "update scripts/build/theme_patches.py for this Material version"
            )
        text = text.replace(patch.find, patch.replace)
    return text


def patch_material_page(html: str, name: str) -> str:
    """A built page (or 404.html) with PAGE_PATCHES applied; `name` says which in an error."""
    return apply_patches(html, PAGE_PATCHES, where=f"{name} (Material's base.html)")
