"""`[[source-list]]`: the sources page's list of every source in the dataset, grouped by
kind, each under its id as anchor so that every figure's link lands on its source."""

from __future__ import annotations

from scripts.content.markers import Marker, MarkerError
from scripts.content.stats.dataset import Dataset
from scripts.content.stats.format import format_iso_date
from scripts.content.stats.render import TEMPLATES, PageContext, source_title

# The groups of the sources page, in order, and the kinds of source in each.
SOURCE_GROUPS = (
    ("official", ("official",)),
    ("international", ("international", "foreign_government")),
    ("news", ("news_of_official", "news")),
    ("other", ("other",)),
)
SOURCE_LIST_FIELDS = ("publisher", "date", "undated", "address", "no_address", "other_addresses", "kind")


def _source_date(date: str, page: PageContext) -> str:
    return page.text("sources.field.undated") if date == "undated" else format_iso_date(date, page.locale)


def render_source_list(marker: Marker, dataset: Dataset, page: PageContext) -> str:
    """Every source with its publisher, date, kind and address, grouped as official,
    international and news."""
    if marker.args or marker.options:
        raise MarkerError(f"{marker.text}: [[source-list]] takes no arguments")
    text = page.text
    groups = []
    for group_id, kinds in SOURCE_GROUPS:
        sources = [
            {
                "id": source.id,
                "title": source_title(dataset, source.id, page.locale),
                "publisher": source.publisher_local.get(page.locale, source.publisher),
                "date": _source_date(source.date, page),
                "kind": text(f"sources.kind.{source.kind}"),
                "url": source.url,
                "other_urls": source.other_urls,
            }
            for source in dataset.sources.values()
            if source.kind in kinds
        ]
        if sources:
            groups.append({"id": group_id, "title": text(f"sources.group.{group_id}"), "sources": sources})
    labels = {name: text(f"sources.field.{name}") for name in SOURCE_LIST_FIELDS}
    return TEMPLATES.get_template("source-list.html.j2").render(groups=groups, labels=labels).strip()
