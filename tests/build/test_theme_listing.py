"""The theme's loader lists the files MkDocs copies, without walking hidden folders."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from scripts.build.theme_listing import ThemeLoader, list_visible_theme_files

ROOT = Path(__file__).resolve().parents[2]


def _theme_files(env: jinja2.Environment, config) -> list[str]:
    files = Files([])
    files.add_files_from_theme(env, config)
    return sorted(file.src_uri for file in files)


def test_the_real_theme_gives_mkdocs_the_same_files_to_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    config = load_config(str(ROOT / "mkdocs.yml"))
    plain = config.theme.get_env()
    assert isinstance(plain.loader, jinja2.FileSystemLoader)
    assert any(name.startswith(".icons/") for name in plain.loader.list_templates())

    list_visible_theme_files(config.theme)
    listed = config.theme.get_env()

    assert isinstance(listed.loader, ThemeLoader)
    assert not any("/." in f"/{name}" for name in listed.loader.list_templates())
    copied = _theme_files(listed, config)
    assert copied == _theme_files(plain, config)
    assert any(name.startswith("assets/stylesheets/main.") for name in copied)
    # Material's icons are still found by name, as its templates include them.
    assert listed.get_template(".icons/material/close.svg").render().startswith("<svg")


def test_hidden_files_and_folders_are_left_out_at_any_depth(tmp_path: Path) -> None:
    for name in ("a.css", ".hidden.css", ".icons/x.svg", "js/b.js", "js/.cache/c.js", "js/.d.js"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")

    assert ThemeLoader([str(tmp_path)]).list_templates() == ["a.css", "js/b.js"]


def test_the_environment_is_wrapped_once_however_often_the_hook_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    theme = load_config(str(ROOT / "mkdocs.yml")).theme
    list_visible_theme_files(theme)
    wrapped = theme.get_env
    list_visible_theme_files(theme)

    assert theme.get_env is wrapped
    assert isinstance(theme.get_env().loader, ThemeLoader)
