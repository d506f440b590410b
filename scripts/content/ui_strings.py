"""Interface strings for the site's own templates (data/ui/*.yml, one file per feature),
checked for completeness: every key in every language, no key defined twice."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from scripts import yaml_reader
from scripts.content.phones import Phones

UI_STRINGS_DIR = Path(__file__).resolve().parents[2] / "data" / "ui"


class UiStringsError(Exception):
    pass


@dataclass(frozen=True)
class UiStrings:
    strings: dict[str, dict[str, str]]
    locale: str
    # Phone markers ([[hotline]], [[phone ID]]) in a string become the number (data/phones.yml).
    phones: Phones | None = None

    def raw(self, key: str) -> str:
        if key not in self.strings:
            raise UiStringsError(
                f"data/ui: no interface string '{key}'; add it to a file in data/ui/ with every language"
            )
        return self.strings[key][self.locale]

    def __call__(self, key: str) -> str:
        """The string as text, phone numbers written out (safe in attributes and scripts)."""
        text = self.raw(key)
        return self.phones.in_text(text, html=False) if self.phones else text

    def html(self, key: str) -> Markup:
        """The string as HTML: escaped, with phone numbers as tel: links."""
        text = self.raw(key)
        return self.phones.in_text(text, html=True) if self.phones else Markup.escape(text)


def load_ui_strings(locales: list[str], folder: Path = UI_STRINGS_DIR) -> dict[str, dict[str, str]]:
    strings: dict[str, dict[str, str]] = {}
    problems: list[str] = []
    for path in sorted(folder.glob("*.yml")):
        name = f"data/ui/{path.name}"
        for key, texts in (yaml_reader.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            if key in strings:
                problems.append(f"{name}: '{key}' is already defined in another file of data/ui/; keep one")
            problems += [
                f"{name}: '{key}' has no {locale} text; add `{locale}: ...` under it"
                for locale in locales
                if not isinstance(texts, dict) or not str(texts.get(locale, "")).strip()
            ]
            strings[key] = texts
    if problems:
        raise UiStringsError("\n".join(problems))
    return strings
