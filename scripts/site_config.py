"""Read the site's single sources of truth (languages and pages) from mkdocs.yml.

Used by the build hooks, the checks and the tests, so that no other file keeps
its own list of languages or pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
MKDOCS_YML = ROOT / "mkdocs.yml"


class _MkDocsLoader(yaml.SafeLoader):
    """A safe loader that understands MkDocs' `!ENV` tag (and nothing unsafe)."""


def _construct_env(loader: _MkDocsLoader, node: yaml.Node) -> Any:
    # `!ENV [NAME, default]`: the tests and checks want the default, as a local build does.
    import os

    values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *names, default = values if len(values) > 1 else (values[0], None)
    for name in names:
        if os.environ.get(str(name)):
            return os.environ[str(name)]
    return default


def _ignore_python_object(loader: _MkDocsLoader, suffix: str, node: yaml.Node) -> None:
    # `!!python/object/apply:...` (e.g. the toc slugify function) matters to MkDocs only;
    # the checks read languages and pages, so such values are skipped, never executed.
    return None


_MkDocsLoader.add_constructor("!ENV", _construct_env)
_MkDocsLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_python_object)


@dataclass(frozen=True)
class Language:
    locale: str
    name: str
    default: bool
    site_name: str

    def url_prefix(self) -> str:
        """The path of this language's pages below the site root ('' or 'en/')."""
        return "" if self.default else f"{self.locale}/"


@lru_cache(maxsize=4)
def load_mkdocs_config(path: Path = MKDOCS_YML) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_MkDocsLoader)  # noqa: S506 - a SafeLoader subclass


def _i18n_plugin(config: dict[str, Any]) -> dict[str, Any]:
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]
    raise KeyError("mkdocs.yml: plugins: the i18n plugin is not configured")


def languages(config: dict[str, Any] | None = None) -> list[Language]:
    config = config or load_mkdocs_config()
    return [
        Language(
            locale=entry["locale"],
            name=entry["name"],
            default=bool(entry.get("default", False)),
            site_name=entry.get("site_name", config["site_name"]),
        )
        for entry in _i18n_plugin(config)["languages"]
    ]


def locales(config: dict[str, Any] | None = None) -> list[str]:
    return [language.locale for language in languages(config)]


def default_locale(config: dict[str, Any] | None = None) -> str:
    return next(language.locale for language in languages(config) if language.default)


def _flatten_nav(items: list[Any]) -> list[str]:
    pages: list[str] = []
    for item in items:
        if isinstance(item, str):
            pages.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                pages.extend(_flatten_nav(value) if isinstance(value, list) else [value])
    return pages


def pages(config: dict[str, Any] | None = None) -> list[str]:
    """Markdown paths of every page, relative to a language folder, in nav order."""
    config = config or load_mkdocs_config()
    return [page for page in _flatten_nav(config["nav"]) if page.endswith(".md")]


def page_url(page: str) -> str:
    """The directory URL of a page relative to its language root: 'rights/' or ''."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"
