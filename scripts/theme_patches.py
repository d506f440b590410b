"""Small, checked patches to Material's built JavaScript (Material is frozen, so they stay valid).

Material's bundle reads every `<link rel="alternate">` in the head and fetches `sitemap.xml`
relative to each, to remap language-switcher clicks (a feature of `navigation.instant`, which
this site does not use: its switcher links already lead to the same page). The site's
alternates are per page (absolute hreflang links, as search engines want), so each page load
would fetch `<page>/sitemap.xml` four times and get 404s: bytes for nothing on a prepaid phone.
The patch narrows Material's selector to alternates marked `data-md-sitemap`, which none is.
A patch that no longer finds its text fails the build instead of silently doing nothing.

Material's page template gets one patch too (PAGE_PATCHES, applied to each built page by
scripts/hooks.py), so that every page is valid HTML (tests/test_html_valid.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

BUNDLE_GLOB = "assets/javascripts/bundle.*.min.js"


class ThemePatchError(Exception):
    """A patch did not find exactly one place to apply: Material's bundle or base.html changed."""


@dataclass(frozen=True)
class Patch:
    reason: str
    find: str
    replace: str


PATCHES = (
    Patch(
        reason="no sitemap.xml fetches for per-page hreflang alternates",
        find='M("link[rel=alternate]")',
        replace='M("link[rel=alternate][data-md-sitemap]")',
    ),
)

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


def apply_patches(text: str, patches: tuple[Patch, ...] = PATCHES, where: str = "Material's bundle") -> str:
    for patch in patches:
        # mkdocs-static-i18n may fire the final post-build step more than once: a patched
        # bundle stays as it is.
        if patch.find not in text and text.count(patch.replace) == 1:
            continue
        count = text.count(patch.find)
        if count != 1:
            raise ThemePatchError(
                f"{where}: expected exactly one {patch.find!r} to patch ({patch.reason}), found {count}; "
                "update scripts/theme_patches.py for this Material version"
            )
        text = text.replace(patch.find, patch.replace)
    return text


def patch_material_bundle(site_dir: Path) -> Path:
    bundles = sorted(site_dir.glob(BUNDLE_GLOB))
    if len(bundles) != 1:
        raise ThemePatchError(f"{site_dir}: expected one {BUNDLE_GLOB}, found {len(bundles)}")
    bundle = bundles[0]
    bundle.write_text(apply_patches(bundle.read_text(encoding="utf-8")), encoding="utf-8")
    return bundle


def patch_material_page(html: str, name: str) -> str:
    """A built page (or 404.html) with PAGE_PATCHES applied; `name` says which in an error."""
    return apply_patches(html, PAGE_PATCHES, where=f"{name} (Material's base.html)")
