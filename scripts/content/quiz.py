"""The pupils' self-check quiz: questions from data/quiz/<locale>.yml, validated (the same
question ids, option ids and answers in every language), rendered at build time as plain
HTML that reads as a list without JavaScript (each answer in a <details> widget);
overrides/assets/js/quiz.js turns it into radio groups with the result announced."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scripts import yaml_reader
from scripts.content import html_templates
from scripts.content.phones import Phones

QUIZ_DIR = Path(__file__).resolve().parents[2] / "data" / "quiz"
TEMPLATES = html_templates.environment(Path(__file__).parent / "templates")
TOP_FIELDS = ("intro", "questions")
QUESTION_FIELDS = ("id", "question", "options", "answer", "explanation")
MIN_OPTIONS = 2
# Ids become parts of HTML ids and radio names: keep them plain.
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class QuizError(Exception):
    """A problem in a quiz data file; the message names the file, the question and what is expected."""


@dataclass(frozen=True)
class Option:
    id: str
    text: str


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    options: tuple[Option, ...]
    answer: str
    explanation: str

    def answer_text(self) -> str:
        return next(option.text for option in self.options if option.id == self.answer)


@dataclass(frozen=True)
class Quiz:
    intro: str
    questions: tuple[Question, ...]


def _text(value: Any) -> str:
    # Numbers are accepted as text (an editor may write `id: 1`); lists and mappings are not.
    return str(value).strip() if isinstance(value, str | int | float) and not isinstance(value, bool) else ""


def _id_problem(where: str, kind: str, value: str) -> list[str]:
    if ID_PATTERN.match(value):
        return []
    return [f"{where}: {kind} id '{value}' should use only a-z, 0-9 and '-', like 'job-offer'"]


def _option_problems(where: str, options: Any) -> list[str]:
    if not isinstance(options, list) or len(options) < MIN_OPTIONS:
        return [f"{where}: 'options' must be a list of at least {MIN_OPTIONS} entries, each with 'id' and 'text'"]
    problems: list[str] = []
    seen: set[str] = set()
    for index, option in enumerate(options):
        if not isinstance(option, dict) or not _text(option.get("id")) or not _text(option.get("text")):
            problems.append(f"{where}: options[{index}]: expected a mapping with a non-empty 'id' and 'text'")
            continue
        option_id = _text(option["id"])
        problems += _id_problem(f"{where}: options[{index}]", "option", option_id)
        if option_id in seen:
            problems.append(f"{where}: options[{index}]: option id '{option_id}' is used twice; ids must differ")
        seen.add(option_id)
    return problems


def _question_problems(name: str, index: int, question: Any) -> list[str]:
    if not isinstance(question, dict):
        return [f"{name}: questions[{index}]: expected a mapping with {', '.join(QUESTION_FIELDS)}"]
    question_id = _text(question.get("id"))
    where = f"{name}: question '{question_id}'" if question_id else f"{name}: questions[{index}]"
    problems = [
        f"{where}: '{key}' is missing or empty"
        for key in QUESTION_FIELDS
        if key != "options" and not _text(question.get(key))
    ]
    problems += [
        f"{where}: unknown key '{key}'; expected only {', '.join(QUESTION_FIELDS)}"
        for key in question
        if key not in QUESTION_FIELDS
    ]
    if question_id:
        problems += _id_problem(where, "question", question_id)
    option_problems = _option_problems(where, question.get("options"))
    problems += option_problems
    answer = _text(question.get("answer"))
    if not option_problems and answer:
        ids = [_text(option["id"]) for option in question["options"]]
        if answer not in ids:
            problems.append(f"{where}: answer is '{answer}'; expected one of the option ids: {', '.join(ids)}")
    return problems


def quiz_problems(name: str, data: Any) -> list[str]:
    """Every problem in one language's quiz data, each naming the file and the question."""
    if not isinstance(data, dict):
        return [f"{name}: expected a mapping with 'intro' and 'questions'"]
    problems = [f"{name}: 'intro' is missing or empty"] if not _text(data.get("intro")) else []
    problems += [
        f"{name}: unknown key '{key}'; expected only {', '.join(TOP_FIELDS)}" for key in data if key not in TOP_FIELDS
    ]
    questions = data.get("questions")
    if not isinstance(questions, list) or not questions:
        return [*problems, f"{name}: 'questions' must be a non-empty list"]
    seen: set[str] = set()
    for index, question in enumerate(questions):
        problems += _question_problems(name, index, question)
        question_id = _text(question.get("id")) if isinstance(question, dict) else ""
        if question_id and question_id in seen:
            problems.append(f"{name}: questions[{index}]: question id '{question_id}' is used twice; ids must differ")
        seen.add(question_id)
    return problems


def _pair_problems(name: str, reference_name: str, mine: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    """One question against the same position in the reference language."""
    question_id, expected_id = _text(mine["id"]), _text(theirs["id"])
    if question_id != expected_id:
        return [
            f"{name}: question '{question_id}' stands where {reference_name} has '{expected_id}'; "
            "keep the same questions in the same order in every language"
        ]
    where = f"{name}: question '{question_id}'"
    options = [_text(option["id"]) for option in mine["options"]]
    expected = [_text(option["id"]) for option in theirs["options"]]
    problems: list[str] = []
    if options != expected:
        problems.append(
            f"{where}: option ids are {', '.join(options)}; expected {', '.join(expected)} as in {reference_name}"
        )
    if _text(mine["answer"]) != _text(theirs["answer"]):
        problems.append(
            f"{where}: answer is '{_text(mine['answer'])}'; expected '{_text(theirs['answer'])}' as in {reference_name}"
        )
    return problems


def language_problems(raw: dict[str, Any], reference_locale: str) -> list[str]:
    """What differs between languages: question ids and order, option ids, answers."""
    reference_name = f"data/quiz/{reference_locale}.yml"
    reference = raw[reference_locale]["questions"]
    problems: list[str] = []
    for locale, data in raw.items():
        if locale == reference_locale:
            continue
        name = f"data/quiz/{locale}.yml"
        questions = data["questions"]
        if len(questions) != len(reference):
            problems.append(f"{name}: has {len(questions)} questions; expected {len(reference)} as in {reference_name}")
        for mine, theirs in zip(questions, reference, strict=False):
            problems += _pair_problems(name, reference_name, mine, theirs)
    return problems


def _read(path: Path, name: str) -> tuple[Any, list[str]]:
    if not path.is_file():
        return None, [f"{name}: missing; every language needs its quiz file"]
    try:
        return yaml_reader.safe_load(path.read_text(encoding="utf-8")), []
    except yaml.YAMLError as error:
        return None, [f"{name}: not valid YAML: {error}"]


def load_quizzes(locales: list[str], folder: Path = QUIZ_DIR) -> dict[str, Quiz]:
    """Load and check every language's quiz (the first locale is the reference); all problems at once."""
    raw: dict[str, Any] = {}
    problems: list[str] = []
    for locale in locales:
        name = f"data/quiz/{locale}.yml"
        data, read_problems = _read(folder / f"{locale}.yml", name)
        found = read_problems or quiz_problems(name, data)
        problems += found
        if not found:
            raw[locale] = data
    if not problems:
        problems = language_problems(raw, locales[0])
    if problems:
        raise QuizError("Quiz data is not valid:\n" + "\n".join(problems))
    return {locale: _to_quiz(data) for locale, data in raw.items()}


def _to_quiz(data: dict[str, Any]) -> Quiz:
    return Quiz(
        intro=_text(data["intro"]),
        questions=tuple(
            Question(
                id=_text(q["id"]),
                question=_text(q["question"]),
                options=tuple(Option(id=_text(o["id"]), text=_text(o["text"])) for o in q["options"]),
                answer=_text(q["answer"]),
                explanation=_text(q["explanation"]),
            )
            for q in data["questions"]
        ),
    )


def render_quiz(quiz: Quiz, text: Callable[[str], str], phones: Phones) -> str:
    """The quiz as HTML; `text` gives the interface strings (data/ui/schools.yml) in the page's
    language; phone markers in the quiz's texts become tel: links."""
    return TEMPLATES.get_template("quiz.html.j2").render(
        quiz=quiz, text=text, html=lambda value: phones.in_text(value, html=True)
    )
