"""The data every page reads, loaded and checked once per build (scripts/checks/build_data.py)."""

from __future__ import annotations

import pytest
from conftest import ROOT, copy_project

from scripts import site_config
from scripts.checks.build_data import BuildDataError, load_build_data


def test_the_project_data_loads_for_every_language():
    data = load_build_data(ROOT, site_config.locales())
    for locale in site_config.locales():
        assert data.job_checks[locale]
        assert data.quizzes[locale]
        assert data.phones_for(locale).get("hotline").number == "152"
        assert data.ui_for(locale)("search.open")
    assert data.ui_for("az")("search.open") != data.ui_for("en")("search.open")


def test_a_number_typed_by_hand_in_a_page_stops_the_build_naming_file_and_line(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "en" / "rights.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Call](tel:152)\n", encoding="utf-8")
    line = len(page.read_text(encoding="utf-8").splitlines())
    with pytest.raises(BuildDataError) as error:
        load_build_data(project, site_config.locales())
    message = str(error.value)
    assert message.startswith("Phone numbers typed by hand:\n")
    assert f"docs/en/rights.md:{line}: found a tel: link typed by hand ('tel:152')" in message
