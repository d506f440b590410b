"""Build time of earlier revisions beside this checkout's, on this machine, builds alternated.

    .venv/bin/python -m scripts.bench.compare_builds c24bc6c eb3b425 --runs 7

A build's seconds can only be compared with seconds measured on the same machine at about the
same time: machines differ by a factor of three here, and a shared machine drifts within
minutes. So each revision is exported (`git archive`) into a temporary folder and built with
the dependencies its own requirements.txt pins: this virtual environment when the file is the
same, otherwise one made once in .cache/bench/venvs/ (pip, --require-hashes). The revisions
build with nothing reused; this checkout builds twice, with nothing reused (BUILD_CACHE=off)
and with .cache/build/ filled by the build before (scripts/build/build_cache.py). Each round
builds each of them once, in an order that turns by one every round, so that drift falls on
all alike. The table gives the medians of wall-clock and CPU seconds and the pages each
build publishes (not-found page left out). Seconds are reported, never asserted.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import statistics
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from scripts.bench.bench_build import BuildRun, log, machine, timed_build

ROOT = Path(__file__).resolve().parents[2]
VENVS = ROOT / ".cache" / "bench" / "venvs"
REQUIREMENTS = "requirements.txt"
NOT_FOUND_PAGE = "404.html"


class CompareError(Exception):
    """A revision cannot be compared; the message says which and why."""


@dataclass(frozen=True)
class Candidate:
    name: str  # as the table shows it
    project_dir: Path
    python: str
    cache: bool = False


@dataclass(frozen=True)
class Result:
    candidate: Candidate
    runs: tuple[BuildRun, ...]
    pages: int


def _git(*arguments: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *arguments], cwd=ROOT, capture_output=True, check=False)


def commit_of(revision: str) -> str:
    """The full commit a revision names; CompareError when it names none."""
    found = _git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if found.returncode != 0:
        raise CompareError(f"{revision!r} names no commit of this repository (git rev-parse found none)")
    return found.stdout.decode().strip()


def export_commit(commit: str, destination: Path) -> Path:
    """The commit's files (as `git archive` writes them) in destination."""
    archive = _git("archive", "--format=tar", commit)
    if archive.returncode != 0:
        raise CompareError(f"git archive {commit[:12]} failed: {archive.stderr.decode().strip()}")
    destination.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(destination, filter="data")
    return destination


def venv_for(requirements: bytes, venvs: Path = VENVS) -> Path:
    """Where the virtual environment for these pinned requirements is kept."""
    return venvs / hashlib.sha256(requirements).hexdigest()[:16]


def python_for(project_dir: Path, install: Callable[[Path, Path], None] | None = None, venvs: Path = VENVS) -> str:
    """The interpreter that has the project's pinned dependencies: this one when its
    requirements.txt is this checkout's, else a kept venv, made (by `install`) when missing."""
    requirements = (project_dir / REQUIREMENTS).read_bytes()
    if requirements == (ROOT / REQUIREMENTS).read_bytes():
        return sys.executable
    venv = venv_for(requirements, venvs)
    python = venv / "bin" / "python"
    if not (venv / ".installed").is_file():
        (install or _install)(venv, project_dir / REQUIREMENTS)
        (venv / ".installed").touch()
    return str(python)


def _install(venv: Path, requirements: Path) -> None:
    log(f"a virtual environment for {requirements.parent.name}'s dependencies: {venv}")
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--require-hashes", "--no-deps"]
    for command in ([sys.executable, "-m", "venv", "--clear", str(venv)], [*pip, "-r", str(requirements)]):
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise CompareError(f"{' '.join(command[:4])} failed:\n{done.stderr.strip()}")


def round_order(candidates: Sequence[Candidate], round_number: int) -> list[Candidate]:
    """Every candidate once, the list turned by one place each round."""
    shift = round_number % len(candidates) if candidates else 0
    return [*candidates[shift:], *candidates[:shift]]


def published_pages(site_dir: Path) -> int:
    return sum(1 for page in site_dir.rglob("*.html") if page.relative_to(site_dir).as_posix() != NOT_FOUND_PAGE)


def compare(candidates: Sequence[Candidate], runs: int, temp: Path) -> list[Result]:
    """RUNS rounds; a failed build stops the comparison with its output."""
    if any(candidate.cache for candidate in candidates):
        log("this checkout: a build to fill .cache/build/ (not timed)")
        warm = next(candidate for candidate in candidates if candidate.cache)
        timed_build(warm.project_dir, temp / "warm-up", cache=True, python=warm.python)
    timings: dict[str, list[BuildRun]] = {candidate.name: [] for candidate in candidates}
    pages: dict[str, int] = {}
    for number in range(runs):
        for candidate in round_order(candidates, number):
            site_dir = temp / f"site-{candidates.index(candidate)}-{number}"
            run = timed_build(candidate.project_dir, site_dir, cache=candidate.cache, python=candidate.python)
            log(f"round {number + 1} of {runs}, {candidate.name}: {run.seconds:.2f} s, {run.cpu_seconds:.2f} s CPU")
            if not run.ok:
                raise CompareError(f"{candidate.name} does not build:\n{run.detail}")
            timings[candidate.name].append(run)
            pages[candidate.name] = published_pages(site_dir)
    return [Result(candidate, tuple(timings[candidate.name]), pages[candidate.name]) for candidate in candidates]


def table(results: Sequence[Result]) -> str:
    """The Markdown table of medians, one row per candidate."""
    lines = [
        "| Build | Pages | Wall clock (median) | CPU (median) | CPU per page | Builds |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for result in results:
        wall = statistics.median(run.seconds for run in result.runs)
        cpu = statistics.median(run.cpu_seconds for run in result.runs)
        per_page = f"{1000 * cpu / result.pages:.0f} ms" if result.pages else "-"
        runs = str(len(result.runs))
        cells = [result.candidate.name, str(result.pages), f"{wall:.2f} s", f"{cpu:.2f} s", per_page, runs]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def candidates_for(revisions: Sequence[str], temp: Path) -> list[Candidate]:
    """Each revision exported and given its interpreter, then this checkout cold and warm."""
    found = []
    for revision in revisions:
        commit = commit_of(revision)
        project_dir = export_commit(commit, temp / f"revision-{commit[:12]}")
        name = revision if revision.startswith(commit[:7]) else f"{revision} ({commit[:7]})"
        found.append(Candidate(f"{name}, nothing reused", project_dir, python_for(project_dir)))
    found.append(Candidate("this checkout, nothing reused", ROOT, sys.executable))
    found.append(Candidate("this checkout, .cache/build/ filled", ROOT, sys.executable, cache=True))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revisions", nargs="+", help="commits, tags or branches to build beside this checkout")
    parser.add_argument("--runs", type=int, default=5, help="rounds: builds of each (median reported)")
    args = parser.parse_args(argv)
    facts = machine()
    try:
        with tempfile.TemporaryDirectory(prefix="compare-builds-") as temp:
            candidates = candidates_for(args.revisions, Path(temp))
            load = facts["Load average (1 min) at the start"]
            log(f"{len(candidates)} builds a round, {args.runs} rounds; load average {load}")
            results = compare(candidates, args.runs, Path(temp))
    except CompareError as error:
        print(f"compare_builds: {error}", file=sys.stderr)
        return 2
    print(f"{facts['CPUs']}; load average (1 min) at the start {facts['Load average (1 min) at the start']}\n")
    print(table(results), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
