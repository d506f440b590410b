"""The site's search indexes: one small file per language, loaded when a reader opens search.

Material's search plugin still collects the text (a page and each of its sections, with
their titles and addresses, divided by scripts/build/search_sections.py) into one
`search/search_index.json` for all languages. After
the build, `write_language_indexes` splits that file by language into `search/<locale>.js`
(plain text, no HTML) and removes the combined file: a reader who opens search on an
English page downloads the English pages only, and results are always in the page's
language. The files are scripts, not JSON, so that pages opened from `file://` (the
offline copy, scripts/build/offline.py) can load them too: a browser will not fetch a file from
a file:// page, but it runs a script from one. assets/js/search.js loads, on first open,
the scripts of `scripts_for(locale)` and then the index; site-search.js builds the lunr
index in the page with that language's pipeline (case folding and stemming).
"""

from __future__ import annotations

import gzip
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

from scripts import site_config

MATERIAL_INDEX = Path("search/search_index.json")
# Written by Material's offline plugin from the combined index: no page loads it.
MATERIAL_OFFLINE_INDEX = Path("search/search_index.js")
INDEX_FOLDER = Path("search")
LUNR_FOLDER = "assets/javascripts/lunr"
# The global each index script assigns; assets/js/search.js reads it.
INDEX_GLOBAL = "siteSearchIndex"

# What each language's search runs, in order, below LUNR_FOLDER: lunr itself (vendored,
# overrides/assets/javascripts/lunr/README.md), the language's pipeline, then the site's
# search (SEARCH_ENGINE). English uses
# lunr's own stemmer; Russian lunr-languages' (from Material's copy); Azerbaijani the
# site's own case folding and suffix rules (lunr.az.js).
LUNR_CORE = "lunr.min.js"
# The site's search itself (the index built in the page, the results): after the pipeline.
SEARCH_ENGINE = "site-search.js"
LANGUAGE_SCRIPTS: dict[str, tuple[str, ...]] = {
    "az": ("lunr.az.js",),
    "en": (),
    "ru": ("min/lunr.stemmer.support.min.js", "min/lunr.ru.min.js"),
}

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


class SearchIndexError(Exception):
    pass


def scripts_for(locale: str) -> tuple[str, ...]:
    """Paths below LUNR_FOLDER that search on a page in this language loads, in order."""
    if locale not in LANGUAGE_SCRIPTS:
        raise SearchIndexError(
            f"scripts/build/search_index.py: no search pipeline for language '{locale}' "
            f"(mkdocs.yml lists it); add it to LANGUAGE_SCRIPTS"
        )
    return (LUNR_CORE, *LANGUAGE_SCRIPTS[locale], SEARCH_ENGINE)


def lunr_files_used() -> set[str]:
    """Every file below LUNR_FOLDER that search loads in some language of the site."""
    return {path for language in site_config.languages() for path in scripts_for(language.locale)}


def index_path(locale: str) -> Path:
    return INDEX_FOLDER / f"{locale}.js"


def plain_text(fragment: str) -> str:
    """Material's section text (HTML) as the words a reader sees."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()


def locale_of(location: str, languages: list[site_config.Language]) -> str:
    """The language of an index entry, from its address below the site root ('en/rights/#x')."""
    for language in languages:
        if not language.default and location.startswith(language.url_prefix()):
            return language.locale
    return next(language.locale for language in languages if language.default)


def split_by_language(docs: list[dict], languages: list[site_config.Language]) -> dict[str, list[dict]]:
    """Entries per language, each {l: address, t: title, p: its page's title, x: text}.

    A section's entry carries its page's title, so that a result can say where it is."""
    page_titles = {doc["location"]: doc.get("title", "") for doc in docs if "#" not in doc["location"]}
    result: dict[str, list[dict]] = {language.locale: [] for language in languages}
    for doc in docs:
        location = doc["location"]
        page = location.split("#", 1)[0]
        entry = {"l": location, "t": plain_text(doc.get("title", "")), "x": plain_text(doc.get("text", ""))}
        if "#" in location and page in page_titles:
            entry["p"] = plain_text(page_titles[page])
        result[locale_of(location, languages)].append(entry)
    return result


def index_script(locale: str, entries: list[dict]) -> str:
    """The text of search/<locale>.js: the entries as a JavaScript literal (JSON is one)."""
    data = json.dumps({"lang": locale, "docs": entries}, ensure_ascii=False, separators=(",", ":"))
    return f"{INDEX_GLOBAL}={data};\n"


def write_language_indexes(site_dir: Path) -> list[Path]:
    """Replace Material's combined index by one script per language; the paths written."""
    combined = site_dir / MATERIAL_INDEX
    languages = site_config.languages()
    if not combined.is_file() and all((site_dir / index_path(item.locale)).is_file() for item in languages):
        return []  # done already: mkdocs-static-i18n may run the last post-build step twice
    if not combined.is_file():
        raise SearchIndexError(
            f"{combined}: Material's search plugin wrote no index; keep `- search` in mkdocs.yml's plugins"
        )
    try:
        docs = json.loads(combined.read_text(encoding="utf-8"))["docs"]
    except (ValueError, KeyError) as error:
        raise SearchIndexError(f"{combined}: not Material's search index ({error})") from error
    written = []
    for locale, entries in split_by_language(docs, languages).items():
        if not entries:
            raise SearchIndexError(f"{combined}: no page in language '{locale}'; search there would find nothing")
        path = site_dir / index_path(locale)
        path.write_text(index_script(locale, entries), encoding="utf-8")
        written.append(path)
    combined.unlink()
    (site_dir / MATERIAL_OFFLINE_INDEX).unlink(missing_ok=True)
    return written


@dataclass(frozen=True)
class SearchCost:
    """What opening search downloads on a page in one language, in bytes."""

    locale: str
    index_bytes: int
    index_gzip: int
    scripts_gzip: int  # lunr, the language's pipeline and the search itself

    @property
    def total_gzip(self) -> int:
        return self.index_gzip + self.scripts_gzip


def _gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def search_costs(site_dir: Path) -> list[SearchCost]:
    """Per language: the index's size (raw and gzip -9) and the scripts search loads with it."""
    costs = []
    for language in site_config.languages():
        index = site_dir / index_path(language.locale)
        scripts = [site_dir / LUNR_FOLDER / name for name in scripts_for(language.locale)]
        costs.append(
            SearchCost(
                locale=language.locale,
                index_bytes=index.stat().st_size,
                index_gzip=_gzip_size(index),
                scripts_gzip=sum(_gzip_size(script) for script in scripts),
            )
        )
    return costs
