"""Build times of other revisions beside this checkout's (scripts/bench/compare_builds.py):
which interpreter builds a revision, the order of the builds, the table, and the errors. The
seconds themselves are never asserted; the pages each build publishes are."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from scripts import site_config
from scripts.bench import compare_builds
from scripts.bench.bench_build import BuildRun
from scripts.bench.compare_builds import Candidate, CompareError, Result

ROOT = Path(__file__).resolve().parents[2]
SITE_PAGES = len(site_config.pages()) * len(site_config.locales())


def candidate(name: str, cache: bool = False) -> Candidate:
    return Candidate(name, ROOT, sys.executable, cache)


def test_each_round_builds_every_one_once_and_turns_the_order_by_one():
    candidates = [candidate("a"), candidate("b"), candidate("c")]
    orders = [[item.name for item in compare_builds.round_order(candidates, number)] for number in range(4)]
    assert orders == [["a", "b", "c"], ["b", "c", "a"], ["c", "a", "b"], ["a", "b", "c"]]


def test_table_gives_medians_pages_and_cpu_per_page():
    def run(seconds: float, cpu: float) -> BuildRun:
        return BuildRun(seconds=seconds, cpu_seconds=cpu, peak_rss_mb=80, ok=True)

    results = [
        Result(candidate("c24bc6c, nothing reused"), (run(2.4, 2.3), run(3.0, 2.9), run(2.6, 2.5)), 39),
        Result(candidate("this checkout, nothing reused"), (run(2.8, 2.76), run(2.9, 2.8)), 69),
    ]
    assert compare_builds.table(results) == (
        "| Build | Pages | Wall clock (median) | CPU (median) | CPU per page | Builds |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: |\n"
        "| c24bc6c, nothing reused | 39 | 2.60 s | 2.50 s | 64 ms | 3 |\n"
        "| this checkout, nothing reused | 69 | 2.85 s | 2.78 s | 40 ms | 2 |\n"
    )


def test_a_revision_with_this_checkouts_requirements_builds_with_this_interpreter(tmp_path: Path):
    (tmp_path / "requirements.txt").write_bytes((ROOT / "requirements.txt").read_bytes())
    assert compare_builds.python_for(tmp_path, install=pytest.fail, venvs=tmp_path / "venvs") == sys.executable


def test_other_requirements_get_a_venv_of_their_own_made_once(tmp_path: Path):
    (tmp_path / "requirements.txt").write_text("mkdocs==1.5.3 --hash=sha256:00\n", encoding="utf-8")
    installs: list[tuple[Path, Path]] = []
    venvs = tmp_path / "venvs"

    def install(venv: Path, requirements: Path) -> None:
        installs.append((venv, requirements))
        venv.mkdir(parents=True)  # as `python -m venv` does

    first = compare_builds.python_for(tmp_path, install=install, venvs=venvs)
    second = compare_builds.python_for(tmp_path, install=install, venvs=venvs)
    venv = compare_builds.venv_for((tmp_path / "requirements.txt").read_bytes(), venvs)
    assert first == second == str(venv / "bin" / "python")
    assert installs == [(venv, tmp_path / "requirements.txt")]


def test_an_unknown_revision_is_named(capsys: pytest.CaptureFixture[str]):
    assert compare_builds.main(["no-such-revision-here", "--runs", "1"]) == 2
    assert capsys.readouterr().err == (
        "compare_builds: 'no-such-revision-here' names no commit of this repository (git rev-parse found none)\n"
    )


def test_a_build_that_fails_stops_the_comparison_with_its_output(tmp_path: Path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "mkdocs.yml").write_text("site_name: x\nnav: [\n", encoding="utf-8")
    with pytest.raises(CompareError) as failed:
        compare_builds.compare([Candidate("broken, nothing reused", broken, sys.executable)], 1, tmp_path)
    message = str(failed.value)
    assert message.startswith("broken, nothing reused does not build:\n")
    assert "mkdocs.yml" in message


def test_head_and_this_checkout_build_side_by_side(capsys: pytest.CaptureFixture[str]):
    # Builds the committed tree (git archive) and this checkout, cold and warm: what the
    # comparison in PERFORMANCE.md does, one round.
    assert compare_builds.main(["HEAD", "--runs", "1"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("| ") and " s |" in line]
    names = [row.split(" | ")[0].removeprefix("| ") for row in rows]
    commit = compare_builds.commit_of("HEAD")[:7]
    assert names == [
        f"HEAD ({commit}), nothing reused",
        "this checkout, nothing reused",
        "this checkout, .cache/build/ filled",
    ]
    pages = [int(row.split(" | ")[1]) for row in rows]
    assert pages[1:] == [SITE_PAGES, SITE_PAGES]
    assert pages[0] > 0
