"""Interface strings for the site's own templates (data/ui.yml), checked for completeness."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

UI_STRINGS_FILE = Path(__file__).resolve().parent.parent / "data" / "ui.yml"


class UiStringsError(Exception):
    pass


@dataclass(frozen=True)
class UiStrings:
    strings: dict[str, dict[str, str]]
    locale: str

    def __call__(self, key: str) -> str:
        if key not in self.strings:
            raise UiStringsError(f"{UI_STRINGS_FILE.name}: no interface string '{key}'; add it with {self.locale} text")
        return self.strings[key][self.locale]


def load_ui_strings(locales: list[str], path: Path = UI_STRINGS_FILE) -> dict[str, dict[str, str]]:
    strings = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    problems = [
        f"data/{path.name}: '{key}' has no {locale} text; add `{locale}: ...` under it"
        for key, texts in strings.items()
        for locale in locales
        if not isinstance(texts, dict) or not str(texts.get(locale, "")).strip()
    ]
    if problems:
        raise UiStringsError("\n".join(problems))
    return strings
