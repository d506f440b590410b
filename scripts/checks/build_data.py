"""The data files every page of a build reads, loaded and checked once per build.

The dataset, the job checks, the interface strings, the quizzes, the glossary and the phone
numbers; then the checks that span them: each source a phone number or a job check cites is
in the dataset, no data-file text holds unsafe markup, no page or data file types a phone
number by hand. A problem stops the build with a message that names the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from scripts.checks.language.glossary import Glossary, GlossaryError, load_glossary
from scripts.checks.unsafe_markup import data_file_problems
from scripts.content.job_check import JobCheck, JobCheckError, load_job_checks, unknown_source_problems
from scripts.content.phones import PhoneError, PhoneNumber, Phones, check_sources, load_phone_numbers, project_problems
from scripts.content.quiz import Quiz, QuizError, load_quizzes
from scripts.content.stats.dataset import Dataset, DatasetError, load_dataset
from scripts.content.ui_strings import UiStrings, UiStringsError, load_ui_strings


class BuildDataError(Exception):
    """A data file is wrong; the message names the file and each problem."""


@dataclass(frozen=True)
class BuildData:
    dataset: Dataset
    job_checks: Mapping[str, JobCheck]
    ui: Mapping[str, dict[str, str]]
    quizzes: Mapping[str, Quiz]
    glossary: Glossary
    phones: Mapping[str, PhoneNumber]

    def phones_for(self, locale: str) -> Phones:
        """The numbers for one language, with its wording of "Call …" (data/ui/phones.yml)."""
        return Phones(self.phones, locale, UiStrings(self.ui, locale).raw("phone.call"))

    def ui_for(self, locale: str) -> UiStrings:
        return UiStrings(self.ui, locale, self.phones_for(locale))


def load_build_data(project_root: Path, locales: list[str]) -> BuildData:
    try:
        data = BuildData(
            dataset=load_dataset(),
            job_checks=load_job_checks(locales),
            ui=load_ui_strings(locales),
            quizzes=load_quizzes(locales),
            glossary=load_glossary(),
            phones=load_phone_numbers(locales),
        )
        check_sources(data.phones, data.dataset.sources)
    except (DatasetError, JobCheckError, UiStringsError, QuizError, GlossaryError, PhoneError) as error:
        raise BuildDataError(str(error)) from error
    unknown = unknown_source_problems(data.job_checks, data.dataset.sources)
    if unknown:
        raise BuildDataError("\n".join(unknown))
    # Interface texts, quiz and job check reach pages through templates that do not escape them.
    unsafe = data_file_problems(project_root)
    if unsafe:
        raise BuildDataError("\n".join(str(problem) for problem in unsafe))
    # Every phone number comes from data/phones.yml.
    typed = project_problems(project_root, data.phones)
    if typed:
        raise BuildDataError("Phone numbers typed by hand:\n" + "\n".join(typed))
    return data
