"""The GitHub Actions workflows: valid against GitHub's schema, no zizmor finding,
actions pinned to commit SHAs, least-privilege permissions."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def test_both_workflows_exist():
    assert {path.name for path in WORKFLOWS} >= {"ci.yml", "pages.yml"}


def test_workflows_match_githubs_schema():
    result = subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", *WORKFLOWS],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing():
    result = subprocess.run(
        [BIN / "zizmor", "--offline", "--no-progress", *WORKFLOWS], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_sha(path):
    uses = re.findall(r"uses:\s*(\S+)", path.read_text(encoding="utf-8"))
    assert uses
    assert [ref for ref in uses if not re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref)] == []


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_permissions_are_empty_by_default_and_granted_per_job(path):
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {}
    assert "concurrency" in workflow
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, f"{path.name}: job {name} must state its permissions"
        assert job["permissions"].get("contents", "read") == "read" or job["permissions"] == {}


def test_pages_workflow_deploys_only_from_main_with_pages_rights():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    # PyYAML reads the `on:` key as True.
    assert workflow[True]["push"]["branches"] == ["main"]
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_pages_publishes_only_after_the_whole_test_suite_passed():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    assert [step.get("run") for step in jobs["test"]["steps"] if step.get("run")] == ["make test"]
    assert jobs["build"]["needs"] == "test"
    assert jobs["deploy"]["needs"] == "build"


def test_ci_runs_the_readme_test_command_and_uploads_the_site():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert "make test" in readme
    assert "run: make test" in ci
    assert "actions/upload-artifact@" in ci
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_ci_runs_the_editors_checks_in_a_fast_job_of_their_own_beside_the_tests():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    assert [step.get("run") for step in jobs["checks"]["steps"] if "make" in step.get("run", "")] == ["make check"]
    assert "needs" not in jobs["checks"]
    assert "needs" not in jobs["test"]
    assert [step.get("run") for step in jobs["test"]["steps"] if "make" in step.get("run", "")] == ["make test"]
    assert sorted(jobs["all-checks"]["needs"]) == ["checks", "test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pytest -n $(TEST_WORKERS)" in makefile
