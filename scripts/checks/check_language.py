"""The language checks, all at once: `make check-language`.

    python -m scripts.checks.check_language           check; prints `file:line: found ...; use ...`
    python -m scripts.checks.check_language --fix     first replace wrong quotation marks, dashes and
                                               apostrophes in the files (the unambiguous fixes)
    python -m scripts.checks.check_language FILE...   check only these files (the git pre-commit hook);
                                               all of them when the glossary or a word list is one

Checks: the glossary's avoided terms (data/glossary.yml), each language's typography,
Latin and Cyrillic letters mixed in a word, English left in Azerbaijani and Russian,
Türkiye Turkish forms in Azerbaijani, Russian spelling (Hunspell), and hand-typed nouns
after figures. Exits 1 when it found a problem, 2 when the Russian dictionary is missing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from scripts.checks.language.counted_nouns import counted_noun_problems
from scripts.checks.language.english import english_problems
from scripts.checks.language.glossary import GLOSSARY, ROOT, GlossaryError, load_glossary
from scripts.checks.language.mixed_scripts import mixed_script_problems
from scripts.checks.language.problems import Problem
from scripts.checks.language.spelling import SpellingUnavailableError, spelling_problems
from scripts.checks.language.terms import GLOSSARY_NOTE, term_problems
from scripts.checks.language.texts import TextLine, all_text_lines, checked_files, text_lines
from scripts.checks.language.turkish import turkish_problems
from scripts.checks.language.typography import apply_edits, typography_edits, typography_problems

RULES_DIR = ROOT / "data" / "language"


def language_problems(paths: Iterable[Path], root: Path = ROOT, spelling: bool = True) -> list[Problem]:
    """Every problem of every check in the files, sorted by file and line."""
    paths = list(paths)
    glossary = load_glossary()
    lines = all_text_lines(paths, root)
    problems = [
        *term_problems(lines, glossary),
        *mixed_script_problems(lines),
        *english_problems(lines),
        *turkish_problems(lines),
        *counted_noun_problems(paths, glossary.nouns, root),
        *typography_problems(lines),
    ]
    if spelling:
        problems += spelling_problems(lines)
    return sorted(set(problems))


def glossary_reasons() -> dict[str, str]:
    return {term.id: term.reason for term in load_glossary().terms}


def why(problems: Iterable[Problem], reasons: dict[str, str]) -> list[str]:
    """The glossary's reason for each term the problems name, once each."""
    ids = dict.fromkeys(p.note.removeprefix(GLOSSARY_NOTE) for p in problems if p.note.startswith(GLOSSARY_NOTE))
    return [f"{term_id}: {reasons[term_id]}" for term_id in ids if term_id in reasons]


def fix_typography(path: Path, root: Path = ROOT) -> int:
    """Apply the typographic fixes to one file in place; how many characters changed."""
    lines: list[TextLine] = text_lines(path, root)
    source = path.read_text(encoding="utf-8").split("\n")
    changed = 0
    for line in lines:
        if line.offset is None:
            continue
        edits = typography_edits(line.text, line.locale)
        if edits:
            source[line.line - 1] = apply_edits(source[line.line - 1], edits, line.offset)
            changed += len(edits)
    if changed:
        path.write_text("\n".join(source), encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the words and typography of pages and data.")
    parser.add_argument("files", nargs="*", type=Path, help="files to check (default: every page and data file)")
    parser.add_argument("--fix", action="store_true", help="fix quotation marks, dashes and apostrophes first")
    args = parser.parse_args(argv)
    checked = set(checked_files(ROOT))
    given = [path.resolve() for path in args.files]
    # A changed glossary or word list changes what every file is checked against.
    rules_changed = any(path.is_relative_to(RULES_DIR) or path == GLOSSARY for path in given)
    paths = sorted(checked) if not given or rules_changed else [path for path in given if path in checked]
    if args.fix:
        for path in paths:
            count = fix_typography(path)
            if count:
                print(f"{path.relative_to(ROOT)}: fixed {count} character(s)")
    try:
        problems = language_problems(paths)
    except (GlossaryError, SpellingUnavailableError) as error:
        print(error, file=sys.stderr)
        return 2
    for problem in problems:
        print(problem)
    reasons = why(problems, glossary_reasons())
    if reasons:
        print("Why (data/glossary.yml):", *reasons, sep="\n  ")
    if problems:
        print(
            f"{len(problems)} language problem(s). The glossary is data/glossary.yml; the conventions are in "
            "CONTRIBUTING.md (Words and typography); `make fix-language` fixes quotation marks and dashes.",
            file=sys.stderr,
        )
        return 1
    print(f"Language checks passed ({len(paths)} files).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
