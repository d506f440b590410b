"""Small, checked patches to Material's built JavaScript (Material is frozen, so they stay valid).

Material's bundle reads every `<link rel="alternate">` in the head and fetches `sitemap.xml`
relative to each, to remap language-switcher clicks (a feature of `navigation.instant`, which
this site does not use: its switcher links already lead to the same page). The site's
alternates are per page (absolute hreflang links, as search engines want), so each page load
would fetch `<page>/sitemap.xml` four times and get 404s: bytes for nothing on a prepaid phone.
The patch narrows Material's selector to alternates marked `data-md-sitemap`, which none is.
A patch that no longer finds its text fails the build instead of silently doing nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

BUNDLE_GLOB = "assets/javascripts/bundle.*.min.js"


class ThemePatchError(Exception):
    """A patch did not find exactly one place to apply: Material's bundle changed."""


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


def apply_patches(text: str, patches: tuple[Patch, ...] = PATCHES) -> str:
    for patch in patches:
        # mkdocs-static-i18n may fire the final post-build step more than once: a patched
        # bundle stays as it is.
        if patch.find not in text and text.count(patch.replace) == 1:
            continue
        count = text.count(patch.find)
        if count != 1:
            raise ThemePatchError(
                f"Material's bundle: expected exactly one {patch.find!r} to patch ({patch.reason}), found {count}; "
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
