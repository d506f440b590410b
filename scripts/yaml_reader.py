"""YAML as the build and the checks read it: libyaml's C parser, about twenty times faster
than PyYAML's own (the data files and front matter are read on every build), and PyYAML's
own parser for text that is not valid YAML, so that an editor gets the same message, with
its line and snippet, as before."""

from __future__ import annotations

from typing import Any

import yaml

# PyYAML wheels include libyaml; a PyYAML built without it still works, only slower.
FAST_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # CSafeLoader is no SafeLoader subclass


def safe_load(text: str) -> Any:
    """yaml.safe_load, faster."""
    try:
        return yaml.load(text, Loader=FAST_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return yaml.safe_load(text)  # raises PyYAML's own error, as editors know it


def compose(text: str) -> yaml.Node | None:
    """The node tree of a YAML document (with each node's line and column), faster."""
    try:
        return yaml.compose(text, Loader=FAST_LOADER)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)
