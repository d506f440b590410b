"""The "Is this job offer safe?" check: questions from data/job-check/<locale>.yml,
validated (same ids in every language), rendered as plain HTML that reads as a list
without JavaScript; overrides/assets/js/job-check.js turns it into yes/no questions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from scripts.phones import Phones

JOB_CHECK_DIR = Path(__file__).resolve().parent.parent / "data" / "job-check"
TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True, undefined=StrictUndefined
)
TEXT_FIELDS = ("title", "intro", "result_safe", "result_risky")
QUESTION_FIELDS = ("id", "question", "risky_answer", "advice")


class JobCheckError(Exception):
    pass


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    risky_answer: str
    advice: str


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
    return problems


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
            raw[locale] = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            problems.append(f"{name}: not valid YAML: {error}")
            continue
        problems += _problems_in(name, raw[locale])
    if problems:
        raise JobCheckError("\n".join(problems))
    reference_locale = locales[0]
    reference = [(q["id"], q["risky_answer"]) for q in raw[reference_locale]["questions"]]
    for locale in locales[1:]:
        found = [(q["id"], q["risky_answer"]) for q in raw[locale]["questions"]]
        if found != reference:
            problems.append(
                f"data/job-check/{locale}.yml: questions (id, risky_answer) {found} differ from "
                f"data/job-check/{reference_locale}.yml {reference}; keep the same ids, answers and order"
            )
    if problems:
        raise JobCheckError("\n".join(problems))
    return {
        locale: JobCheck(
            **{key: str(data[key]).strip() for key in TEXT_FIELDS},
            questions=tuple(
                Question(**{key: str(q[key]).strip() for key in QUESTION_FIELDS}) for q in data["questions"]
            ),
        )
        for locale, data in raw.items()
    }


def render_job_check(check: JobCheck, labels: dict[str, str], phones: Phones) -> str:
    """The check as HTML; phone markers in its texts become tel: links (in attributes, the number)."""
    return TEMPLATES.get_template("job-check.html.j2").render(
        check=check,
        labels=labels,
        html=lambda text: phones.in_text(text, html=True),
        plain=lambda text: phones.in_text(text, html=False),
    )
