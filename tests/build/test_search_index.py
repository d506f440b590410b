"""The per-language search indexes (scripts/build/search_index.py): Material's one index of all
languages split by language into scripts of plain text, with clear errors when the build
has no index or a language has no page."""

from __future__ import annotations

import json

import pytest

from scripts import site_config
from scripts.build.search_index import (
    INDEX_GLOBAL,
    MATERIAL_INDEX,
    SearchIndexError,
    plain_text,
    scripts_for,
    search_costs,
    split_by_language,
    write_language_indexes,
)

LANGUAGES = site_config.languages()

DOCS = [
    {"location": "", "title": "İnsan alveri", "text": "<p>Qaynar xətt &amp; kömək</p>"},
    {"location": "#nedir", "title": "Nədir?", "text": "<ul> <li>Bir</li>\n<li>İki</li> </ul>"},
    {"location": "en/", "title": "Human trafficking", "text": "<p>Help</p>"},
    {"location": "en/rights/#shelter", "title": "Shelter", "text": "<p>A safe place</p>"},
    {"location": "en/rights/", "title": "Your rights", "text": ""},
    {"location": "ru/", "title": "Торговля людьми", "text": "<p>Помощь</p>"},
]


def test_entries_go_to_their_language_as_plain_text_with_their_page():
    split = split_by_language(DOCS, LANGUAGES)
    assert [entry["l"] for entry in split["az"]] == ["", "#nedir"]
    assert split["az"][0] == {"l": "", "t": "İnsan alveri", "x": "Qaynar xətt & kömək"}
    assert split["az"][1]["x"] == "Bir İki"
    assert split["az"][1]["p"] == "İnsan alveri"  # a section says which page it is on
    assert split["en"][1] == {"l": "en/rights/#shelter", "t": "Shelter", "x": "A safe place", "p": "Your rights"}
    assert [entry["t"] for entry in split["ru"]] == ["Торговля людьми"]


def test_plain_text_drops_tags_and_entities():
    assert plain_text("<p>a&amp;<strong>b</strong></p>\n<p>c&nbsp;d</p>") == "a& b c d"


def test_the_build_gets_one_script_per_language_and_no_combined_index(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / MATERIAL_INDEX).write_text(json.dumps({"config": {}, "docs": DOCS}), encoding="utf-8")
    (tmp_path / "search" / "search_index.js").write_text("var __index = {}", encoding="utf-8")
    written = write_language_indexes(tmp_path)
    assert sorted(path.name for path in written) == ["az.js", "en.js", "ru.js"]
    assert sorted(path.name for path in (tmp_path / "search").iterdir()) == ["az.js", "en.js", "ru.js"]
    script = (tmp_path / "search" / "ru.js").read_text(encoding="utf-8")
    assert script.startswith(f"{INDEX_GLOBAL}=")
    assert script.endswith(";\n")
    expected = {"lang": "ru", "docs": [{"l": "ru/", "t": "Торговля людьми", "x": "Помощь"}]}
    assert json.loads(script[len(INDEX_GLOBAL) + 1 : -2]) == expected
    # mkdocs-static-i18n may run the last post-build step twice: the second time changes nothing.
    assert write_language_indexes(tmp_path) == []


def test_a_build_without_materials_index_is_refused(tmp_path):
    message = r"search_index\.json: Material's search plugin wrote no index; keep `- search`"
    with pytest.raises(SearchIndexError, match=message):
        write_language_indexes(tmp_path)


def test_a_language_without_pages_is_refused(tmp_path):
    (tmp_path / "search").mkdir()
    docs = [doc for doc in DOCS if not doc["location"].startswith("ru/")]
    (tmp_path / MATERIAL_INDEX).write_text(json.dumps({"docs": docs}), encoding="utf-8")
    with pytest.raises(SearchIndexError, match="no page in language 'ru'"):
        write_language_indexes(tmp_path)


def test_an_unknown_language_is_named():
    with pytest.raises(SearchIndexError, match="no search pipeline for language 'xx'"):
        scripts_for("xx")


def test_costs_are_measured_on_the_built_site(site_dir):
    costs = {cost.locale: cost for cost in search_costs(site_dir)}
    assert set(costs) == set(site_config.locales())
    for cost in costs.values():
        assert 0 < cost.index_gzip < cost.index_bytes
        assert cost.scripts_gzip > 5_000  # lunr itself is about 8 KB gzip
        assert cost.total_gzip == cost.index_gzip + cost.scripts_gzip
