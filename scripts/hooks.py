"""MkDocs hooks: thin glue between MkDocs events and the project's plain modules.

Each function only gathers what MkDocs hands over and calls a module in scripts/,
so the logic can move to another generator without MkDocs.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.utils import get_relative_url

from scripts import site_config, site_urls
from scripts.build import build_cache, preview
from scripts.build.build_output import trim_site
from scripts.build.held_html import HeldHtml, HeldHtmlExtension
from scripts.build.offline import local_polyfills
from scripts.build.page_output import PageOutputError, finish_page
from scripts.build.scroll_tables import ScrollTablesExtension
from scripts.build.search_index import LUNR_FOLDER, SearchIndexError, index_path, scripts_for
from scripts.build.search_sections import read_pages_with_lexbor
from scripts.build.site_output import complete_site
from scripts.build.standalone_links import StandaloneLinksExtension
from scripts.build.theme_listing import list_visible_theme_files
from scripts.checks.build_data import BuildData, BuildDataError, load_build_data
from scripts.checks.internal_links import broken_links
from scripts.checks.language.typography import add_non_breaking_spaces
from scripts.checks.page_checks import built_page_problems, problems_report, source_problems
from scripts.checks.translations import find_missing_translations, format_missing_translations
from scripts.content import html_templates
from scripts.content.markers import MarkerError, body_line_offset, replace_markers
from scripts.content.page_markers import marker_handlers, page_label
from scripts.content.phones import Phones
from scripts.content.schools import OFFLINE_ZIP_PATH, SchoolLinks, check_block_markers, school_marker_handlers
from scripts.content.stats.render import PageContext
from scripts.content.ui_strings import UiStrings

# A page's problems are collected and the build goes on to the next page and language, so that
# one build names every broken page; once every language is built, on_post_build stops the
# build with all of them (nothing is published: scripts/build/build_site.py swaps in only a finished build).
ROOT = Path(__file__).resolve().parent.parent


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
    # Markers' HTML skips Python-Markdown's HTML parsing (scripts/build/held_html.py); once per
    # configuration, which mkdocs-static-i18n hands to this hook again for each language.
    if not any(isinstance(extension, HeldHtmlExtension) for extension in config["markdown_extensions"]):
        config["markdown_extensions"].append(HeldHtmlExtension(_held_html))
    if not any(isinstance(extension, ScrollTablesExtension) for extension in config["markdown_extensions"]):
        config["markdown_extensions"].append(ScrollTablesExtension())
    if not any(isinstance(extension, StandaloneLinksExtension) for extension in config["markdown_extensions"]):
        config["markdown_extensions"].append(StandaloneLinksExtension())
    # Material's offline plugin (the offline copy, scripts/build/offline.py) adds the iframe-worker
    # shim from a CDN for Material's search worker; hooks run after plugins, so drop it: the
    # site's search needs no worker.
    if "polyfills" in config["extra"]:
        config["extra"]["polyfills"] = local_polyfills(config["extra"]["polyfills"])
    # MkDocs lists the theme's files for each language; not Material's 14,000 hidden icons.
    list_visible_theme_files(config["theme"])
    # The content modules' templates (figures, quizzes, job checks) are kept compiled too.
    for environment in html_templates.ENVIRONMENTS:
        environment.bytecode_cache = build_cache.TEMPLATE_CODE
    # Material's search plugin divides each page into sections with html.parser; Lexbor is faster.
    search = config["plugins"].get("material/search")
    if search is not None:
        read_pages_with_lexbor(search.search_index)
    return config


def _published(config: Any) -> str | None:
    """The published address, or None in a preview (scripts/site_urls.py)."""
    return site_urls.published_url(config["site_url"], config["dev_addr"])


def _language_folder(src_uri: str) -> str:
    """'en' for en/rights.md; '' for a page at the top of the docs folder."""
    return src_uri.split("/")[0] if "/" in src_uri else ""


def _sources_pages(files: Any) -> dict[str, Any]:
    """Each language folder's sources page, looked up once per file collection: asking
    MkDocs for the page list on every page made the build grow with the square of the
    pages. (mkdocs-static-i18n hands each language's build a collection of its own.)"""
    cached = _build_data.get("sources_pages")
    if cached is None or cached[0] is not files:
        pages = {
            _language_folder(file.src_uri): file
            for file in files.documentation_pages()
            if file.src_uri.rsplit("/", 1)[-1] == "sources.md" and file.src_uri.count("/") <= 1
        }
        cached = _build_data["sources_pages"] = (files, pages)
    return cached[1]


def _sources_url(page: Any, files: Any) -> str:
    """Relative URL from this page to the sources page of the same language."""
    pages = _sources_pages(files)
    file = pages.get(_language_folder(page.file.src_uri), pages.get(""))
    if file is None:
        raise PluginError("sources.md is missing: statistics link to it")
    return get_relative_url(file.url, page.url)


# Data read once per build (each language's build re-reads it, so `mkdocs serve` sees edits).
_build_data: dict[str, Any] = {}
# The HTML of the page being rendered's markers (pages are rendered one at a time).
_held_html = HeldHtml()


def on_pre_build(config: Any) -> None:
    # The default language's build is the outer one: mkdocs-static-i18n builds the others inside
    # it. The data (every language's) is loaded and checked once, there.
    if _locale(config) != site_config.default_locale():
        return
    _build_data["page_problems"] = []
    try:
        _build_data["data"] = load_build_data(Path(config["config_file_path"]).parent, site_config.locales())
    except BuildDataError as error:
        raise PluginError(str(error)) from error


def _data() -> BuildData:
    return _build_data["data"]


def _phones(locale: str) -> Phones:
    return _data().phones_for(locale)


def _ui(locale: str) -> UiStrings:
    return _data().ui_for(locale)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    label = page_label(Path(config["docs_dir"]), page.file.src_path)
    source = page.file.content_string
    data = _data()
    errors = source_problems(source, page.meta, set(data.dataset.sources), label)
    locale = _locale(config)
    context = PageContext(
        locale=locale,
        sources_url=_sources_url(page, files),
        text=_ui(locale),
        page_url=page.url,
        nouns=data.glossary.nouns,
    )
    phones = _phones(locale)
    handlers = marker_handlers(data.dataset, data.job_checks[locale], context, phones)
    # The schools pages' markers ([[quiz]], [[qr]], [[offline-zip]]: scripts/content/schools.py).
    links = SchoolLinks(
        published_url=_published(config),
        url_prefix=_language(config).url_prefix(),
        page_url=page.url,
        offline_zip=str(config["extra"].get("offline_zip", "")).lower() in {"1", "true", "yes"},
        # Material's offline plugin (the offline copy, scripts/build/offline.py) turns directory URLs off.
        offline_build=not config["use_directory_urls"],
    )
    handlers |= school_marker_handlers(data.quizzes[locale], links, context.text, phones)
    try:
        first_line = 1 + body_line_offset(source, markdown)
        check_block_markers(markdown, label, first_line=first_line)
        _held_html.start_page()
        markdown = replace_markers(markdown, handlers, label, first_line=first_line, hold_html=_held_html.hold)
    except MarkerError as error:
        errors.append(str(error))
    _page_failed(errors)
    return markdown


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    # The language's non-breaking spaces (before a spaced dash; in Russian after one-letter
    # words): editors type ordinary spaces (scripts/checks/language/typography.py).
    return add_non_breaking_spaces(html, _locale(config))


def _page_failed(errors: list[str]) -> None:
    _build_data.setdefault("page_problems", []).extend(errors)


@event_priority(-200)
def on_post_page(output: str, page: Any, config: Any) -> str:
    # Last of all plugins, so that the policy hashes the page's final inline scripts.
    label = page_label(Path(config["docs_dir"]), page.file.src_path)
    _page_failed(built_page_problems(output, page.content or "", page.file.content_string, label, _published(config)))
    return _finish_html(output, page.file.src_path)


def _finish_html(output: str, name: str) -> str:
    try:
        return finish_page(output, name)
    except PageOutputError as error:
        raise PluginError(str(error)) from error


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    # 404.html is a theme template, not a page: on_post_page never sees it.
    if not template_name.endswith(".html"):
        return output_content
    output = _finish_html(output_content, template_name)
    if template_name == "404.html":
        # Every language's build writes the one site-root 404.html, the last one winning;
        # on_post_build puts the default language's back.
        _build_data.setdefault("not_found", {})[_locale(config)] = output
    return output


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    # `make serve`: the reload script as a file the policy allows, and a failed build shown in the
    # browser (scripts/build/preview.py).
    preview.install(server)
    return server


def on_env(env: Any, config: Any, files: Any) -> Any:
    # Each language's environment reuses the templates the first one compiled, or the last build.
    env.bytecode_cache = build_cache.TEMPLATE_CODE
    locale = _locale(config)
    env.globals["ui"] = _ui(locale)
    # The not-found page speaks every language (overrides/404.html).
    env.globals["ui_for"] = _ui
    # Templates take phone numbers from data/phones.yml: phone("hotline").tel, .number.
    env.globals["phone"] = _phones(locale).get
    # Descriptions may name a number with a marker ([[hotline]]): written out as text.
    env.filters["phone_text"] = lambda text: _phones(locale).in_text(str(text), html=False)
    env.globals["site_languages"] = site_config.languages()
    language = _language(config)
    # A page of the site by its Markdown name, at the URL this build gives it ('rights/', or
    # 'rights.html' in the offline copy, which has no directory URLs), for the `url` filter.
    pages = {file.src_uri: file for file in files.documentation_pages()}
    env.globals["ui_page_url"] = lambda page: _page_url(pages, language, page)
    published = _published(config)
    # Canonical and hreflang links, only where the site has a published address.
    env.globals["published_url"] = published
    # The site's search (partials/search.html): what it loads on first open, in this language.
    try:
        env.globals["search_scripts"] = [f"{LUNR_FOLDER}/{name}" for name in scripts_for(locale)]
    except SearchIndexError as error:
        raise PluginError(str(error)) from error
    env.globals["search_index"] = index_path(locale).as_posix()
    # mkdocs-static-i18n's alternates start with the site's own path under a project page
    # (/repository/en/): the switcher's relative link must not repeat it.
    base_path = urlsplit(str(config["site_url"] or "/")).path
    env.filters["site_relative_url"] = lambda link: site_urls.site_relative(
        "/" + link[len(base_path) :] if base_path not in {"", "/"} and link.startswith(base_path) else link
    )
    env.filters["absolute_site_url"] = lambda link: site_urls.root_link(published, link)
    return env


def _page_url(pages: dict[str, Any], language: site_config.Language, page: str) -> str:
    file = pages.get(f"{language.locale}/{page}") or pages.get(page)
    if file is None:
        raise PluginError(f"a template links to {page}, which is not a page: create docs/{language.locale}/{page}")
    return str(file.url)


@event_priority(-110)
def on_post_build(config: Any) -> None:
    # mkdocs-static-i18n builds the other languages inside the default language's
    # post-build step (priority -100); running after it, the whole site exists.
    # mkdocs-static-i18n nests the builds and fires post-build for each of them;
    # act only once every language folder is there.
    site_dir = Path(config["site_dir"])
    others = {item.locale: site_dir / item.locale for item in site_config.languages() if not item.default}
    # (Not by sitemap.xml: MkDocs writes none without a site_url, in a preview. The outer build is
    # the one mkdocs-static-i18n is not in the middle of.)
    nested = getattr(config["plugins"].get("i18n"), "building", False)
    if nested or not all(folder.is_dir() for folder in others.values()):
        return
    texts = {locale: _ui(locale) for locale in site_config.locales()}
    not_found = _build_data.get("not_found", {}).get(site_config.default_locale())
    try:
        complete_site(site_dir, _published(config), others, not_found, _data().dataset, texts)
    except SearchIndexError as error:
        raise PluginError(str(error)) from error
    # Every internal link and #anchor, from the built pages (the offline zip is added afterwards).
    problems = [*_build_data.get("page_problems", []), *broken_links(site_dir, ROOT, skip=(OFFLINE_ZIP_PATH,))]
    if problems:
        raise PluginError(problems_report(problems))
    # Last: remove what no reader's browser requests (source maps, unused lunr languages,
    # Material's JavaScript bundle, which no page loads).
    trim_site(site_dir)
