"""The layout of scripts/ (ARCHITECTURE.md): which package may import which.

    shared helpers (scripts/*.py)  <-  content  <-  build  <-  checks
                                                       ^---  bench
    scripts/hooks.py, the thin MkDocs entry point, may import all but bench.

Content (markers and what they render) never imports the build; the build never imports the
editors' checks (the hooks run them); nothing but a benchmark imports a benchmark. Read from
every `import` and `from ... import` in the source, functions included, with `ast`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGES = ("content", "build", "checks", "bench")
# The only modules at the top of scripts/: a new module goes into the package it belongs to.
SHARED = {"__init__", "hooks", "site_config", "site_urls", "problems", "chromium", "npm_tarball", "yaml_reader"}
ALLOWED = {
    "shared": {"shared"},
    "content": {"shared", "content"},
    "build": {"shared", "content", "build"},
    "checks": {"shared", "content", "build", "checks"},
    "bench": {"shared", "content", "build", "bench"},
    "hooks": {"shared", "content", "build", "checks"},
}


def layer_of(module: str) -> str:
    """The layer of a dotted module under `scripts` (`scripts.build.csp` -> build)."""
    parts = module.split(".")[1:]
    if not parts:
        return "shared"  # the scripts package itself
    if parts[0] in PACKAGES:
        return parts[0]
    return "hooks" if parts[0] == "hooks" else "shared"


def imported_modules(source: str) -> list[tuple[int, str]]:
    """(line, dotted module) of every import of something under `scripts`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.split(".")[0] == "scripts"]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "scripts":
            # `from scripts import build_site` and `from scripts.build import csp` import modules.
            if len(node.module.split(".")) <= 2:
                found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, node.module))
    return found


def import_violations(scripts_dir: Path) -> list[str]:
    """Each import against the rule, as `file:line: layer imports module (layer)`."""
    violations = []
    for path in sorted(scripts_dir.rglob("*.py")):
        relative = path.relative_to(scripts_dir)
        if any(part.startswith(".") or part == "node_modules" for part in relative.parts):
            continue
        module = ".".join(("scripts", *relative.with_suffix("").parts))
        importer = layer_of(module)
        source = path.read_text(encoding="utf-8")
        # A relative import would hide its target from the rule's reading.
        if any(isinstance(node, ast.ImportFrom) and node.level for node in ast.walk(ast.parse(source))):
            violations.append(f"scripts/{relative.as_posix()}: a relative import; write `from scripts...`")
        for line, imported in imported_modules(source):
            target = layer_of(imported)
            if target not in ALLOWED[importer]:
                violations.append(f"scripts/{relative.as_posix()}:{line}: {importer} imports {imported} ({target})")
    return violations


def test_no_import_runs_against_the_layers():
    assert import_violations(ROOT / "scripts") == []


@pytest.mark.parametrize(
    ("path", "source", "expected"),
    [
        (
            "content/quiz.py",
            "from scripts.build import csp\n",
            ["scripts/content/quiz.py:1: content imports scripts.build.csp (build)"],
        ),
        (
            "content/stats/x.py",
            "def f():\n    import scripts.checks.vnu\n",
            ["scripts/content/stats/x.py:2: content imports scripts.checks.vnu (checks)"],
        ),
        (
            "build/csp.py",
            "from scripts.checks import unsafe_markup\n",
            ["scripts/build/csp.py:1: build imports scripts.checks.unsafe_markup (checks)"],
        ),
        (
            "site_config.py",
            "from scripts.content.phones import Phones\n",
            ["scripts/site_config.py:1: shared imports scripts.content.phones (content)"],
        ),
        ("build/x.py", "from scripts import hooks\n", ["scripts/build/x.py:1: build imports scripts.hooks (hooks)"]),
        (
            "checks/x.py",
            "from scripts.bench import page_weight\n",
            ["scripts/checks/x.py:1: checks imports scripts.bench.page_weight (bench)"],
        ),
        ("build/x.py", "from . import csp\n", ["scripts/build/x.py: a relative import; write `from scripts...`"]),
        # What the rule allows.
        ("checks/editor_checks.py", "from scripts.build import build_site\nfrom scripts import problems\n", []),
        ("bench/x.py", "from scripts.build.held_html import HeldHtml\nfrom scripts.content.stats import dataset\n", []),
        ("hooks.py", "from scripts.checks.unsafe_markup import check_html\n", []),
    ],
)
def test_the_rule_finds_an_import_against_it(tmp_path, path, source, expected):
    file = tmp_path / "scripts" / path
    file.parent.mkdir(parents=True)
    file.write_text(source, encoding="utf-8")
    assert import_violations(tmp_path / "scripts") == expected


def test_the_top_of_scripts_holds_only_hooks_and_the_shared_helpers():
    top = {path.stem for path in (ROOT / "scripts").glob("*.py")}
    folders = {path.name for path in (ROOT / "scripts").iterdir() if path.is_dir() and path.name != "__pycache__"}
    assert top == SHARED
    assert folders == set(PACKAGES)


@pytest.mark.parametrize("package", PACKAGES)
def test_each_package_says_in_two_lines_what_it_holds(package):
    docstring = ast.get_docstring(ast.parse((ROOT / "scripts" / package / "__init__.py").read_text(encoding="utf-8")))
    assert docstring
    assert len(docstring.splitlines()) == 2


def test_the_tests_mirror_the_packages():
    folders = {
        path.name for path in (ROOT / "tests").iterdir() if path.is_dir() and not path.name.startswith((".", "_"))
    }
    assert folders == set(PACKAGES)
