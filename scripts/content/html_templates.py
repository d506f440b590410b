"""The Jinja environments of the content modules' templates: autoescaped, strict about
undefined names, and listed, so that the build can give them all one bytecode cache
(scripts/hooks.py, with scripts/build/build_cache.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

ENVIRONMENTS: list[Environment] = []


def environment(folder: Path, **options: Any) -> Environment:
    """An environment for the templates in `folder`; options as Jinja's Environment takes them."""
    env = Environment(loader=FileSystemLoader(folder), autoescape=True, undefined=StrictUndefined, **options)
    ENVIRONMENTS.append(env)
    return env
