"""Translation status: every page (nav: in mkdocs.yml) in every language, from git history.

A page is *missing* in a language when its file does not exist (the check fails), and
*outdated* in a language when its counterpart in another language changed later (a
warning: a typo fix need not be translated). "Changed" is a commit that touched the file;
a file with uncommitted changes counts as changed now, so an editor sees before committing
which translations their change leaves behind.

Two kinds of change make no other language outdated: a translation catching up (the file
was created, or changed, while a counterpart had changed since its own last change: it
brings the news over, it is not news), and a commit that says so, with a line
`Translation: not needed` in its message or its id in .translation-ignore-revs (for commits
made before that line existed). Without the first rule a fresh clone warned that every
page written first in English was behind its own translations.

Run: python -m scripts.translation_status   (exit 1 when a page is missing)
In GitHub Actions the table is also written to the job summary ($GITHUB_STEP_SUMMARY).
"""

from __future__ import annotations

import argparse
import datetime
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from scripts import site_config
from scripts.problems import Problem

ROOT = Path(__file__).resolve().parent.parent
PRESENT, MISSING, OUTDATED = "present", "missing", "outdated"


@dataclass(frozen=True)
class Cell:
    """One page in one language."""

    page: str
    locale: str
    path: str  # relative to the repository root, e.g. docs/ru/rights.md
    status: str
    changed: int | None  # Unix time of the last change; None when missing
    newer: tuple[str, ...] = ()  # for an outdated cell: the counterparts that changed later


@dataclass(frozen=True)
class Report:
    locales: list[str]
    pages: list[str]
    cells: dict[tuple[str, str], Cell]
    unlisted: dict[str, list[str]]  # a page in some language folder but not in nav: -> its files
    uncommitted: frozenset[str] = frozenset()  # paths whose change time is "now"
    git_note: str = ""

    def by_status(self, status: str) -> list[Cell]:
        return [cell for cell in self.cells.values() if cell.status == status]

    @property
    def failed(self) -> bool:
        return bool(self.by_status(MISSING) or self.unlisted)


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)


class GitHistoryError(Exception):
    """git cannot read this repository's history (not a repository, or git refuses it)."""


def uncommitted_files(root: Path) -> set[str]:
    """Files under docs/ that differ from the last commit (or are new)."""
    result = _git(root, "status", "--porcelain", "-z", "--untracked-files=all", "--", "docs")
    if result.returncode != 0:
        raise GitHistoryError(result.stderr.strip().splitlines()[0] if result.stderr.strip() else "git failed")
    entries = [entry for entry in result.stdout.split("\0") if entry]
    # Each entry is "XY path"; a rename is followed by its old path as a separate entry.
    return {entry[3:] for entry in entries if len(entry) > 3 and entry[2] == " "}


def last_commit_time(root: Path, path: str) -> int | None:
    result = _git(root, "log", "-1", "--format=%ct", "--", path)
    output = result.stdout.strip()
    return int(output) if result.returncode == 0 and output else None


IGNORE_REVS = ".translation-ignore-revs"
NOT_NEEDED = "not needed"


def ignored_revisions(root: Path) -> set[str]:
    """Commits listed in .translation-ignore-revs: one id per line, `#` starts a comment."""
    path = root / IGNORE_REVS
    if not path.is_file():
        return set()
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {line for line in lines if line}


def change_history(root: Path, path: str, ignored: set[str]) -> list[int]:
    """The times of the commits that changed `path` and may need translating, oldest first."""
    result = _git(root, "log", "--format=%H %ct %(trailers:key=Translation,valueonly,separator=%x2C)", "--", path)
    times = []
    for line in result.stdout.splitlines() if result.returncode == 0 else []:
        sha, _, rest = line.partition(" ")
        stamp, _, trailer = rest.partition(" ")
        if stamp.isdigit() and NOT_NEEDED not in trailer.lower() and not any(sha.startswith(rev) for rev in ignored):
            times.append(int(stamp))
    return sorted(times)


def news_times(histories: dict[str, list[int]]) -> dict[str, list[int]]:
    """For each file, the changes that are news for its counterparts: not a catch-up. A change
    is a catch-up when another file had news since this file's own previous change (or, for its
    first commit, at all); taken in time order, since whether a change is news depends on the
    earlier ones."""
    news: dict[str, list[int]] = {path: [] for path in histories}
    events = sorted(
        (moment, path, index) for path, history in histories.items() for index, moment in enumerate(history)
    )
    for moment, path, index in events:
        previous = histories[path][index - 1] if index else None
        behind = any(
            (previous is None or other > previous) and other < moment
            for other_path, times in news.items()
            if other_path != path
            for other in times
        )
        if not behind:
            news[path].append(moment)
    return news


def _change_times(root: Path, paths: list[str]) -> tuple[dict[str, int], frozenset[str], str]:
    """Each file's last change, the files counted as changed now, and a note when git is unusable."""
    now = int(time.time())
    try:
        dirty = uncommitted_files(root)
    except GitHistoryError as error:
        note = f"git cannot read the history ({error}): outdated translations cannot be found"
        return dict.fromkeys(paths, now), frozenset(paths), note
    times = {}
    for path in paths:
        committed = None if path in dirty else last_commit_time(root, path)
        times[path] = now if committed is None else committed
    return times, frozenset(path for path in paths if path in dirty or times[path] == now), ""


def unlisted_pages(docs_dir: Path, locales: list[str], pages: list[str]) -> dict[str, list[str]]:
    """Pages that exist in a language folder but not in nav:, with the files found."""
    found: dict[str, list[str]] = {}
    for locale in locales:
        folder = docs_dir / locale
        for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            page = path.relative_to(folder).as_posix()
            if page not in pages:
                found.setdefault(page, []).append(f"docs/{locale}/{page}")
    return dict(sorted(found.items()))


def _unlisted_fix(page: str, files: list[str], locales: list[str]) -> str:
    absent = [f"docs/{locale}/{page}" for locale in locales if f"docs/{locale}/{page}" not in files]
    also = f"; it must also exist as {', '.join(absent)}" if absent else ""
    return (
        f"{page} ({', '.join(files)}) is not listed in nav: of mkdocs.yml. Add `  - {page}` under nav: "
        f"(once, for all languages), or delete the file{'s' if len(files) > 1 else ''}{also}."
    )


def translation_report(root: Path = ROOT) -> Report:
    config = site_config.load_mkdocs_config(root / "mkdocs.yml")
    locales, pages = site_config.locales(config), site_config.pages(config)
    existing = [
        f"docs/{locale}/{page}" for page in pages for locale in locales if (root / "docs" / locale / page).is_file()
    ]
    times, uncommitted, note = _change_times(root, existing)
    ignored = ignored_revisions(root)
    cells: dict[tuple[str, str], Cell] = {}
    for page in pages:
        paths = {locale: f"docs/{locale}/{page}" for locale in locales}
        histories = {
            path: sorted({*change_history(root, path, ignored), *([times[path]] if path in uncommitted else [])})
            for path in paths.values()
            if path in times
        }
        news = news_times(histories) if not note else {path: [times[path]] for path in histories}
        for locale, path in paths.items():
            changed = times.get(path)
            newer = tuple(other for other in news if other != path and max(news[other], default=0) > (changed or 0))
            if changed is None:
                cells[page, locale] = Cell(page, locale, path, MISSING, None)
            elif newer:
                cells[page, locale] = Cell(page, locale, path, OUTDATED, changed, newer)
            else:
                cells[page, locale] = Cell(page, locale, path, PRESENT, changed)
    return Report(locales, pages, cells, unlisted_pages(root / "docs", locales, pages), uncommitted, note)


def _when(report: Report, path: str) -> str:
    locale, page = path.split("/", 2)[1:]
    timestamp = report.cells[page, locale].changed
    if path in report.uncommitted:
        return "not committed yet"
    if timestamp is None:
        return "-"
    return datetime.datetime.fromtimestamp(timestamp, tz=datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _fix_for(cell: Cell, report: Report) -> str:
    """What is wrong with one page in one language, and what the editor does about it."""
    if cell.status == MISSING:
        source = next(
            (other.path for other in (report.cells[cell.page, loc] for loc in report.locales) if other.changed),
            None,
        )
        start = f" (start from a copy of {source} and translate it)" if source else ""
        return f"{cell.path} is missing: create it{start}."
    newer = ", ".join(f"{path} ({_when(report, path)})" for path in cell.newer)
    return (
        f"{cell.path} may be outdated: it last changed {_when(report, cell.path)}, but {newer} changed later. "
        f"Make {cell.path} say the same (and update its last_reviewed), or ignore this warning "
        "if that change needs no translation."
    )


def problems(report: Report) -> list[Problem]:
    """The report's findings in the shape every check shares (scripts/problems.py)."""
    found: list[Problem] = []
    for cell in report.by_status(MISSING):
        fix = _fix_for(cell, report).removeprefix(f"{cell.path} is missing: ").rstrip(".")
        found.append(Problem(cell.path, 0, "this translation is missing", fix))
    for page, files in report.unlisted.items():
        found.append(
            Problem(
                "mkdocs.yml",
                0,
                f"{page} ({', '.join(files)}) is not listed in nav:",
                _unlisted_fix(page, files, report.locales).split(". ", 1)[1],
            )
        )
    for cell in report.by_status(OUTDATED):
        message = _fix_for(cell, report)
        found_text, _, fix = message.partition(" changed later. ")
        found.append(
            Problem(cell.path, 0, found_text.removeprefix(f"{cell.path} ") + " changed later", fix, warning=True)
        )
    return found


def text_table(report: Report) -> str:
    width = max(len(page) for page in report.pages) if report.pages else 4
    lines = [f"{'page':<{width}}  " + "  ".join(f"{locale:<9}" for locale in report.locales)]
    for page in report.pages:
        row = "  ".join(f"{report.cells[page, locale].status:<9}" for locale in report.locales)
        lines.append(f"{page:<{width}}  {row}".rstrip())
    return "\n".join(lines)


def text_report(report: Report) -> str:
    parts = ["Translation status (pages from nav: in mkdocs.yml; one column per language)", "", text_table(report)]
    if report.git_note:
        parts += ["", f"Note: {report.git_note}."]
    problems = [f"ERROR: {_fix_for(cell, report)}" for cell in report.by_status(MISSING)]
    problems += [f"ERROR: {_unlisted_fix(page, files, report.locales)}" for page, files in report.unlisted.items()]
    problems += [f"WARNING: {_fix_for(cell, report)}" for cell in report.by_status(OUTDATED)]
    if problems:
        parts += ["", *problems]
    missing, outdated = len(report.by_status(MISSING)), len(report.by_status(OUTDATED))
    verdict = "FAILED" if report.failed else "OK"
    parts += [
        "",
        f"{verdict}: {missing} missing, {len(report.unlisted)} not in nav, {outdated} outdated "
        f"({len(report.pages)} pages x {len(report.locales)} languages).",
    ]
    return "\n".join(parts)


_BADGES = {PRESENT: "✅ present", MISSING: "❌ missing", OUTDATED: "⚠️ outdated"}


def markdown_report(report: Report) -> str:
    """The job summary: the table, then the exact files to create or update."""
    lines = [
        "## Translation status",
        "",
        "| page | " + " | ".join(report.locales) + " |",
        "| --- | " + " | ".join("---" for _ in report.locales) + " |",
    ]
    for page in report.pages:
        cells = " | ".join(_BADGES[report.cells[page, locale].status] for locale in report.locales)
        lines.append(f"| `{page}` | {cells} |")
    todo = [*report.by_status(MISSING), *report.by_status(OUTDATED)]
    if todo or report.unlisted:
        lines += ["", "### Files to update", ""]
        lines += [f"- {_fix_for(cell, report)}" for cell in todo]
        lines += [f"- {_unlisted_fix(page, files, report.locales)}" for page, files in report.unlisted.items()]
    else:
        lines += ["", "Every page exists in every language, and no translation is behind."]
    return "\n".join(lines) + "\n"


def github_annotations(report: Report) -> list[str]:
    """Workflow commands that pin each finding to its file in the pull request view."""
    lines = [f"::error file={cell.path}::{_fix_for(cell, report)}" for cell in report.by_status(MISSING)]
    lines += [
        f"::error file={files[0]}::{_unlisted_fix(page, files, report.locales)}"
        for page, files in report.unlisted.items()
    ]
    lines += [f"::warning file={cell.path}::{_fix_for(cell, report)}" for cell in report.by_status(OUTDATED)]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository (default: this one)")
    args = parser.parse_args(argv)
    if not (args.root / "mkdocs.yml").is_file():
        print(f"ERROR: {args.root / 'mkdocs.yml'} does not exist: run this in the repository's folder", file=sys.stderr)
        return 2
    report = translation_report(args.root.resolve())
    print(text_report(report))
    if os.environ.get("GITHUB_ACTIONS") == "true":
        print("\n".join(github_annotations(report)))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(markdown_report(report))
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
