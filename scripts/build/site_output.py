"""The files made once every language's pages exist: the sitemaps, the site-root not-found
page, the statistics downloads and one search index per language."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from scripts.build.search_index import write_language_indexes
from scripts.build.sitemaps import split_sitemap
from scripts.content.stats.dataset import Dataset
from scripts.content.stats.downloads import Text, write_downloads


def complete_site(
    site_dir: Path,
    published: str | None,
    language_folders: Mapping[str, Path],
    not_found_page: str | None,
    dataset: Dataset,
    texts: Mapping[str, Text],
) -> None:
    """`language_folders`: the folder of each language but the default one, by locale.
    Raises SearchIndexError (search_index.py) when a language's index cannot be made."""
    if published:
        split_sitemap(site_dir / "sitemap.xml", published, dict(language_folders))
    else:
        # A sitemap lists absolute addresses: a preview has none to give.
        for sitemap in [*site_dir.rglob("sitemap.xml"), *site_dir.rglob("sitemap.xml.gz")]:
            sitemap.unlink()
    if not_found_page:
        # Every language's build writes the one site-root 404.html, the last one winning.
        (site_dir / "404.html").write_text(not_found_page, encoding="utf-8")
    # The statistics downloads ([[downloads]] links to them), in every language at once.
    write_downloads(site_dir, dataset, texts)
    # In place of Material's one index of every language.
    write_language_indexes(site_dir)
