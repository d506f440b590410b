"""What one build leaves in .cache/build/ for the next (scripts/build/build_cache.py): the same
result as computing it, a miss whenever an input changes, nothing read when it is off."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader

from scripts.build import build_cache, build_output
from scripts.build.build_output import TrimReport, prune_material_stylesheets

PAGE = (
    '<!doctype html><html><head><link rel="stylesheet" href="assets/stylesheets/main.min.css"></head>'
    "<body>{}</body></html>"
)
STYLESHEET = ".md-used{color:red}.md-unused{color:blue}:root{--md-icon:url(x.svg)}.md-icon{mask:var(--md-icon)}"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setattr(build_cache, "CACHE_DIR", folder)
    monkeypatch.delenv("BUILD_CACHE", raising=False)
    return folder


def test_keys_tell_apart_inputs_that_join_to_the_same_text() -> None:
    assert build_cache.key_of(["ab", "c"]) != build_cache.key_of(["a", "bc"])
    assert build_cache.key_of(["ab", "c"]) == build_cache.key_of(["ab", b"c"])


def test_texts_come_back_as_stored_and_an_unreadable_file_is_a_miss(cache_dir: Path) -> None:
    build_cache.store_texts("kind", "k1", {"a.css": "x{}", "b.css": "ü"})

    assert build_cache.load_texts("kind", "k1") == {"a.css": "x{}", "b.css": "ü"}
    assert build_cache.load_texts("kind", "k2") is None
    (cache_dir / "kind" / "k1.json").write_text('{"a.css": ', encoding="utf-8")
    assert build_cache.load_texts("kind", "k1") is None
    (cache_dir / "kind" / "k1.json").write_text('{"a.css": 3}', encoding="utf-8")
    assert build_cache.load_texts("kind", "k1") is None
    assert not list((cache_dir / "kind").glob("*.tmp"))


def test_only_the_latest_results_of_a_kind_are_kept(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_cache, "KEEP_PER_KIND", 2)
    for number in range(4):
        build_cache.store_texts("kind", f"k{number}", {"n": str(number)})
        # Each written a second after the one before.
        os.utime(cache_dir / "kind" / f"k{number}.json", (1_000_000 + number, 1_000_000 + number))

    assert sorted(path.name for path in (cache_dir / "kind").iterdir()) == ["k2.json", "k3.json"]


def test_nothing_is_read_or_written_when_the_cache_is_off(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_cache.store_texts("kind", "k", {"a": "1"})
    monkeypatch.setenv("BUILD_CACHE", "off")

    assert build_cache.load_texts("kind", "k") is None
    build_cache.store_texts("kind", "other", {"a": "2"})
    assert not (cache_dir / "kind" / "other.json").exists()


def _site(root: Path, body: str) -> Path:
    site = root / "site"
    (site / "assets" / "stylesheets").mkdir(parents=True)
    (site / "assets" / "stylesheets" / "main.min.css").write_text(STYLESHEET, encoding="utf-8")
    (site / "index.html").write_text(PAGE.format(body), encoding="utf-8")
    return site


def _pruned(site: Path) -> str:
    prune_material_stylesheets(site, TrimReport())
    return (site / "assets" / "stylesheets" / "main.min.css").read_text(encoding="utf-8")


def test_pruned_stylesheets_are_reused_only_for_the_same_pages(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    computed = _pruned(_site(tmp_path / "one", '<p class="md-used">a</p>'))
    assert ".md-used" in computed
    assert ".md-unused" not in computed
    assert len(list((cache_dir / build_output.PRUNING_CACHE).glob("*.json"))) == 1

    def no_pruning(*args: object) -> None:
        raise AssertionError("pruned again although the same result was stored")

    with monkeypatch.context() as patch:
        patch.setattr(build_output, "_pruned_stylesheets", no_pruning)
        assert _pruned(_site(tmp_path / "two", '<p class="md-used">a</p>')) == computed

    # Another class on a page: computed again, and it keeps what that page uses.
    other = _pruned(_site(tmp_path / "three", '<p class="md-used md-unused">a</p>'))
    assert ".md-unused" in other
    assert len(list((cache_dir / build_output.PRUNING_CACHE).glob("*.json"))) == 2


def test_a_damaged_stored_result_is_computed_again(cache_dir: Path, tmp_path: Path) -> None:
    computed = _pruned(_site(tmp_path / "one", '<p class="md-used">a</p>'))
    [stored] = (cache_dir / build_output.PRUNING_CACHE).glob("*.json")
    stored.write_text('{"assets/stylesheets/other.min.css": ""}', encoding="utf-8")

    assert _pruned(_site(tmp_path / "two", '<p class="md-used">a</p>')) == computed


def _render(templates: Path, cache: build_cache.TemplateBytecodeCache) -> str:
    env = Environment(loader=FileSystemLoader(templates), bytecode_cache=cache, autoescape=True)
    return env.get_template("page.html").render(name="Aynur")


def test_compiled_templates_are_reused_by_the_next_build_until_the_template_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BUILD_CACHE", raising=False)
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("<p>{{ name }}</p>", encoding="utf-8")
    assert _render(templates, build_cache.TemplateBytecodeCache(tmp_path / "cache")) == "<p>Aynur</p>"
    assert len(list((tmp_path / "cache" / "templates").glob("*.bytecode"))) == 1

    compiled: list[str] = []
    original = Environment.compile

    def counting_compile(self: Environment, source: str, *args: object, **kwargs: object) -> object:
        compiled.append(source)
        return original(self, source, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", counting_compile)
    # A new process: an empty memory, the files of the build before.
    assert _render(templates, build_cache.TemplateBytecodeCache(tmp_path / "cache")) == "<p>Aynur</p>"
    assert compiled == []

    (templates / "page.html").write_text("<p>Salam, {{ name }}</p>", encoding="utf-8")
    assert _render(templates, build_cache.TemplateBytecodeCache(tmp_path / "cache")) == "<p>Salam, Aynur</p>"
    assert compiled == ["<p>Salam, {{ name }}</p>"]


def test_an_environment_with_other_options_compiles_the_template_again(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "list.html").write_text("{% if true %}\n  <li>{{ x }}</li>\n{% endif %}\n", encoding="utf-8")
    cache = build_cache.TemplateBytecodeCache(tmp_path / "cache")

    def render(**options: object) -> str:
        env = Environment(loader=FileSystemLoader(templates), bytecode_cache=cache, **options)
        return env.get_template("list.html").render(x="<b>")

    assert render() == "\n  <li><b></li>\n"
    assert render(autoescape=True) == "\n  <li>&lt;b&gt;</li>\n"
    assert render(trim_blocks=True) == "  <li><b></li>\n"
    assert len(list((tmp_path / "cache" / "templates").glob("*.bytecode"))) == 3


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BUILD_CACHE", raising=False)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")

    build_cache.store_texts("kind", "k", {"a": "1"}, cache_dir=blocked)
    assert build_cache.load_texts("kind", "k", cache_dir=blocked) is None
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("<p>{{ name }}</p>", encoding="utf-8")
    assert _render(templates, build_cache.TemplateBytecodeCache(blocked)) == "<p>Aynur</p>"
