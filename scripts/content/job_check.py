"""The "Is this offer safe?" check (job offers, marriage offers, offers made online):
questions from data/job-check/<locale>.yml, validated (the same ids, risky answers and
sources in every language), rendered as plain HTML that reads as a list of questions with
their advice without JavaScript; overrides/assets/js/job-check.js turns it into yes/no
questions. Each question's advice names the sources of the facts it rests on (`sources`);
advice without sources is labelled as the site's own."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scripts import yaml_reader
from scripts.content import html_templates
from scripts.content.phones import Phones

JOB_CHECK_DIR = Path(__file__).resolve().parents[2] / "data" / "job-check"
TEMPLATES = html_templates.environment(Path(__file__).parent / "templates")
TEXT_FIELDS = ("title", "intro", "result_safe", "result_risky")
QUESTION_FIELDS = ("id", "question", "risky_answer", "advice")
# Optional: the source ids (data/statistics.json "sources") of the facts in the advice.
SOURCES_FIELD = "sources"


class JobCheckError(Exception):
    pass


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    risky_answer: str
    advice: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class JobCheck:
    title: str
    intro: str
    result_safe: str
    result_risky: str
    questions: tuple[Question, ...]


def _problems_in(name: str, data: Any) -> list[str]:
    if not isinstance(data, dict):
        return [f"{name}: expected a mapping with {', '.join(TEXT_FIELDS)} and questions"]
    problems = [f"{name}: '{key}' is missing or empty" for key in TEXT_FIELDS if not str(data.get(key) or "").strip()]
    questions = data.get("questions")
    if not isinstance(questions, list) or not questions:
        return [*problems, f"{name}: 'questions' must be a non-empty list"]
    for index, question in enumerate(questions):
        where = f"{name}: questions[{index}]"
        if not isinstance(question, dict):
            problems.append(f"{where}: expected a mapping with {', '.join(QUESTION_FIELDS)}")
            continue
        problems += [
            f"{where}: '{key}' is missing or empty"
            for key in QUESTION_FIELDS
            if not str(question.get(key) or "").strip()
        ]
        if question.get("risky_answer") not in ("yes", "no"):
            problems.append(
                f'{where}: risky_answer is {question.get("risky_answer")!r}; expected "yes" or "no" (quoted)'
            )
        sources = question.get(SOURCES_FIELD, [])
        if not isinstance(sources, list) or not all(isinstance(source, str) and source for source in sources):
            problems.append(
                f"{where}: sources is {sources!r}; expected a list of source ids, e.g. [osce-country-visit-2012]"
            )
    return problems


def _shape(question: dict[str, Any]) -> tuple[str, str, tuple[str, ...]]:
    """What every language must share for a question: its id, its risky answer, its sources."""
    return question["id"], question["risky_answer"], tuple(question.get(SOURCES_FIELD) or ())


def load_job_checks(locales: list[str], folder: Path = JOB_CHECK_DIR) -> dict[str, JobCheck]:
    """Load and check every language's file; all problems are reported at once."""
    raw: dict[str, Any] = {}
    problems: list[str] = []
    for locale in locales:
        path = folder / f"{locale}.yml"
        name = f"data/job-check/{path.name}"
        if not path.is_file():
            problems.append(f"{name}: missing; every language needs its job-check file")
            continue
        try:
            raw[locale] = yaml_reader.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            problems.append(f"{name}: not valid YAML: {error}")
            continue
        problems += _problems_in(name, raw[locale])
    if problems:
        raise JobCheckError("\n".join(problems))
    reference_locale = locales[0]
    reference = [_shape(q) for q in raw[reference_locale]["questions"]]
    for locale in locales[1:]:
        found = [_shape(q) for q in raw[locale]["questions"]]
        if found != reference:
            problems.append(
                f"data/job-check/{locale}.yml: questions (id, risky_answer, sources) {found} differ from "
                f"data/job-check/{reference_locale}.yml {reference}; keep the same ids, answers, sources and order"
            )
    if problems:
        raise JobCheckError("\n".join(problems))
    return {
        locale: JobCheck(
            **{key: str(data[key]).strip() for key in TEXT_FIELDS},
            questions=tuple(
                Question(
                    **{key: str(q[key]).strip() for key in QUESTION_FIELDS},
                    sources=tuple(q.get(SOURCES_FIELD) or ()),
                )
                for q in data["questions"]
            ),
        )
        for locale, data in raw.items()
    }


def unknown_source_problems(checks: Mapping[str, JobCheck], known: Iterable[str]) -> list[str]:
    """Questions citing a source id that data/statistics.json does not have."""
    known_ids = set(known)
    return [
        f"data/job-check/{locale}.yml: question '{question.id}': unknown source '{source}'; "
        f'add it to data/statistics.json "sources" or use one of: {", ".join(sorted(known_ids))}'
        for locale, check in checks.items()
        for question in check.questions
        for source in question.sources
        if source not in known_ids
    ]


def render_job_check(
    check: JobCheck, labels: dict[str, str], phones: Phones, source_line: Callable[[tuple[str, ...]], str]
) -> str:
    """The check as HTML; phone markers in its texts become tel: links (in attributes, the number).
    `source_line` gives the "Source: ..." HTML for a question's sources."""
    return TEMPLATES.get_template("job-check.html.j2").render(
        check=check,
        labels=labels,
        html=lambda text: phones.in_text(text, html=True),
        plain=lambda text: phones.in_text(text, html=False),
        source_line=source_line,
    )
