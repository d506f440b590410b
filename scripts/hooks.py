"""MkDocs hooks: thin glue between MkDocs events and the project's plain modules.

Each function only gathers what MkDocs hands over and calls a module in scripts/,
so the logic can move to another generator without MkDocs.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.utils import get_relative_url

from scripts import site_config, site_urls
from scripts.front_matter import FrontMatterError, check_front_matter
from scripts.job_check import JobCheckError, load_job_checks
from scripts.markers import MarkerError, replace_markers
from scripts.page_markers import marker_handlers, page_label
from scripts.sitemaps import split_sitemap
from scripts.stats.dataset import DatasetError, load_dataset
from scripts.stats.render import PageContext
from scripts.translations import find_missing_translations, format_missing_translations
from scripts.ui_strings import UiStrings, UiStringsError, load_ui_strings


def _locale(config: Any) -> str:
    # mkdocs-static-i18n sets the theme language to the locale being built.
    return str(config["theme"]["language"])


def _language(config: Any) -> site_config.Language:
    locale = _locale(config)
    return next(item for item in site_config.languages() if item.locale == locale)


def on_config(config: Any) -> Any:
    docs_dir = Path(config["docs_dir"])
    # i18n rewrites docs_dir per language (docs/en); the check wants the top folder.
    locales = site_config.locales()
    if docs_dir.name in locales:
        docs_dir = docs_dir.parent
    missing = find_missing_translations(docs_dir, locales, site_config.pages())
    if missing:
        raise PluginError(format_missing_translations(missing, docs_dir.name))
    return config


def _sources_url(page: Any, files: Any) -> str:
    """Relative URL from this page to the sources page of the same language."""
    folder = page.file.src_uri.split("/")[0]
    for file in files.documentation_pages():
        if file.src_uri in (f"{folder}/sources.md", "sources.md"):
            return get_relative_url(file.url, page.url)
    raise PluginError("sources.md is missing: statistics link to it")


# Data read once per build (each language's build re-reads it, so `mkdocs serve` sees edits).
_build_data: dict[str, Any] = {}


def on_pre_build(config: Any) -> None:
    try:
        _build_data["dataset"] = load_dataset()
        _build_data["job_checks"] = load_job_checks(site_config.locales())
        _build_data["ui"] = load_ui_strings(site_config.locales())
    except (DatasetError, JobCheckError, UiStringsError) as error:
        raise PluginError(str(error)) from error


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    locale = _locale(config)
    label = page_label(Path(config["docs_dir"]), page.file.src_path)
    try:
        check_front_matter(page.meta, set(_build_data["dataset"].sources), label)
    except FrontMatterError as error:
        raise PluginError(str(error)) from error
    context = PageContext(
        locale=locale, sources_url=_sources_url(page, files), text=UiStrings(_build_data["ui"], locale)
    )
    handlers = marker_handlers(_build_data["dataset"], _build_data["job_checks"][locale], context)
    try:
        return replace_markers(markdown, handlers, label)
    except MarkerError as error:
        raise PluginError(str(error)) from error


def on_env(env: Any, config: Any, files: Any) -> Any:
    locale = _locale(config)
    env.globals["ui"] = UiStrings(_build_data["ui"], locale)
    language = _language(config)
    env.globals["ui_page_url"] = lambda page: language.url_prefix() + site_config.page_url(page)
    env.filters["site_relative_url"] = site_urls.site_relative
    env.filters["absolute_site_url"] = lambda link: site_urls.absolute(str(config["site_url"]), link)
    return env


@event_priority(-110)
def on_post_build(config: Any) -> None:
    # mkdocs-static-i18n builds the other languages inside the default language's
    # post-build step (priority -100); running after it, the whole site exists.
    # mkdocs-static-i18n nests the builds and fires post-build for each of them;
    # act only once every language folder is there.
    site_dir = Path(config["site_dir"])
    others = {item.locale: site_dir / item.locale for item in site_config.languages() if not item.default}
    if not (site_dir / "sitemap.xml").is_file() or not all(folder.is_dir() for folder in others.values()):
        return
    split_sitemap(site_dir / "sitemap.xml", str(config["site_url"]), others)
