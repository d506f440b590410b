"""Every page must exist in every language: find the ones that do not.

mkdocs-static-i18n silently drops a page missing from a language folder (or, with
fallback, serves it in the default language). This check makes that a build error.
"""

from __future__ import annotations

from pathlib import Path


def pages_by_locale(docs_dir: Path, locales: list[str]) -> dict[str, set[str]]:
    """The Markdown files under each language folder, as paths relative to it."""
    return {
        locale: {path.relative_to(docs_dir / locale).as_posix() for path in (docs_dir / locale).rglob("*.md")}
        for locale in locales
    }


def find_missing_translations(docs_dir: Path, locales: list[str], nav_pages: list[str]) -> dict[str, list[str]]:
    """Map each page to the locales it is missing from (pages in nav or in any folder)."""
    present = pages_by_locale(docs_dir, locales)
    every_page = set(nav_pages).union(*present.values())
    missing = {page: [locale for locale in locales if page not in present[locale]] for page in sorted(every_page)}
    return {page: gaps for page, gaps in missing.items() if gaps}


def format_missing_translations(missing: dict[str, list[str]], docs_dir_name: str = "docs") -> str:
    lines = ["Missing translations: every page must exist in every language."]
    for page, gaps in missing.items():
        files = ", ".join(f"{docs_dir_name}/{locale}/{page}" for locale in gaps)
        lines.append(f"  {page} is missing in {', '.join(gaps)}: create {files}")
    return "\n".join(lines)
