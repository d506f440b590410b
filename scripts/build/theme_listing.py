"""The theme's files, listed without walking its hidden folders.

Each build, MkDocs lists every file of the theme's folders to copy the static ones
(`Files.add_files_from_theme`), then drops every path with a part that starts with a dot.
Material keeps its 14,000 icons in such a folder (`.icons`), so listing and filtering
them took about 0.2 s per language, three times a build, for files that are never
copied. The theme's loader here does not descend into hidden folders: MkDocs' filter
would have dropped all their files anyway, so the same files are copied
(tests/build/test_theme_listing.py compares the two). Templates are still read from
anywhere, hidden folders included (Material includes its icons by name).
"""

from __future__ import annotations

import os
from typing import Any

import jinja2


class ThemeLoader(jinja2.FileSystemLoader):
    """Jinja's file loader whose listing leaves out hidden folders and files."""

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for searchpath in self.searchpath:
            for folder, subfolders, filenames in os.walk(searchpath, followlinks=self.followlinks):
                # Pruned in place, so that os.walk does not enter them.
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                relative = os.path.relpath(folder, searchpath)
                for filename in filenames:
                    if filename.startswith("."):
                        continue
                    path = filename if relative == "." else os.path.join(relative, filename)
                    found.add(path.replace(os.path.sep, "/"))
        return sorted(found)


def list_visible_theme_files(theme: Any) -> None:
    """Make this MkDocs theme's environments use ThemeLoader (from on_config: MkDocs creates
    each language's environment with `theme.get_env()` before any later hook runs)."""
    make_env = theme.get_env
    if getattr(make_env, "lists_visible_files", False):
        return

    def get_env() -> jinja2.Environment:
        env = make_env()
        env.loader = ThemeLoader(theme.dirs)
        return env

    get_env.lists_visible_files = True  # type: ignore[attr-defined]
    theme.get_env = get_env
