"""WCAG 2.2 AA by axe-core on every page in every language: the default look, the default
colours at 200 % text and the black-on-white scheme (the other schemes: test_axe_schemes.py)."""

from __future__ import annotations

import json

import pytest
from axe_matrix import CONFIG_GROUPS, URL_PATHS, AxeMatrix


@pytest.fixture(scope="module")
def axe_matrix(browser, site_url) -> AxeMatrix:
    return AxeMatrix(browser, site_url)


@pytest.mark.parametrize("url_path", URL_PATHS)
@pytest.mark.parametrize("config", CONFIG_GROUPS["default"])
def test_axe_finds_no_wcag_a_or_aa_violation(axe_matrix, config, url_path):
    violations = axe_matrix.violations(config, url_path)
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
