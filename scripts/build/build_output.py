"""Post-build trimming of the published site: the bytes no reader needs.

Run once the whole multilingual site exists (scripts/hooks.py on_post_build), on the
build output only (the sources in overrides/ and docs/ stay as they are). It removes
what no browser uses and what cannot change what a reader sees:

- source maps: Material ships `*.map` files and its CSS/JS end with a `sourceMappingURL`
  comment; only a browser with its developer tools open fetches them;
- Material's search worker and the lunr language files the site's search does not load:
  the site's search runs in the page (assets/js/search.js) and loads only the lunr files
  scripts/build/search_index.py names for the site's languages;
- Material's default PNG favicon when no page links it (the site has its own SVG icon);
- Material's JavaScript bundle when no page loads it (overrides/main.html loads none of
  Material's JavaScript), so that its words no longer keep Material's CSS rules alive;
- comments and whitespace in the site's own CSS and JavaScript (scripts/build/minify.py;
  the pages are minified as MkDocs writes them, scripts/build/page_output.py);
- the rules of Material's stylesheets that can match nothing on any page, and the
  custom properties (mostly inline SVG icons) nothing reads (scripts/build/unused_css.py).
  The file keeps its name: after a deploy that needs rules the old file lacked, a
  reader's cached copy (GitHub Pages: max-age=600) is stale for at most ten minutes.

PERFORMANCE.md explains the page-weight budget this serves.
"""

from __future__ import annotations

import itertools
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import tinycss2

from scripts.build import build_cache, unused_css
from scripts.build.minify import already_minified, minify_css, minify_js
from scripts.build.search_index import LUNR_FOLDER, lunr_files_used
from scripts.build.unused_css import KnownClasses, known_classes, page_vocabulary, prune

LUNR_DIR = Path(LUNR_FOLDER)
MATERIAL_WORKERS = Path("assets/javascripts/workers")
MATERIAL_FAVICON = Path("assets/images/favicon.png")
MATERIAL_BUNDLE = "assets/javascripts/bundle.*.min.js"
MATERIAL_STYLESHEETS = "assets/stylesheets/*.min.css"
PRUNING_CACHE = "pruned-stylesheets"

_JS_MAP_COMMENT = re.compile(r"\n?//# sourceMappingURL=[^\n]*\s*\Z")
_CSS_MAP_COMMENT = re.compile(r"\n?/\*# sourceMappingURL=[^*]*\*/\s*\Z")


@dataclass
class TrimReport:
    removed: list[Path] = field(default_factory=list)
    edited: list[Path] = field(default_factory=list)
    bytes_removed: int = 0

    def remove(self, file: Path) -> None:
        self.bytes_removed += file.stat().st_size
        file.unlink()
        self.removed.append(file)

    def rewrite(self, file: Path, old: str, new: str) -> None:
        if new == old:
            return
        file.write_text(new, encoding="utf-8")
        self.bytes_removed += len(old.encode("utf-8")) - len(new.encode("utf-8"))
        self.edited.append(file)


def remove_source_maps(site_dir: Path, report: TrimReport) -> None:
    for file in sorted(site_dir.rglob("*.map")):
        report.remove(file)
    for suffix, pattern in ((".js", _JS_MAP_COMMENT), (".css", _CSS_MAP_COMMENT)):
        for file in sorted(site_dir.rglob(f"*{suffix}")):
            text = file.read_text(encoding="utf-8")
            report.rewrite(file, text, pattern.sub("", text))


def prune_search_files(site_dir: Path, report: TrimReport) -> None:
    """Material's search worker goes, and every lunr file the site's search never loads."""
    workers = site_dir / MATERIAL_WORKERS
    if workers.is_dir():
        for file in sorted(workers.glob("*")):
            report.remove(file)
        workers.rmdir()
    lunr_dir = site_dir / LUNR_DIR
    if not lunr_dir.is_dir():
        return
    used = lunr_files_used()
    for file in sorted(lunr_dir.rglob("*.js")):
        if file.relative_to(lunr_dir).as_posix() not in used:
            report.remove(file)


def remove_unlinked_favicon(site_dir: Path, report: TrimReport) -> None:
    favicon = site_dir / MATERIAL_FAVICON
    if not favicon.is_file():
        return
    name = favicon.name
    for page in site_dir.rglob("*.html"):
        if name in page.read_text(encoding="utf-8"):
            return
    report.remove(favicon)


def remove_unloaded_bundle(site_dir: Path, report: TrimReport) -> None:
    bundles = sorted(site_dir.glob(MATERIAL_BUNDLE))
    if not bundles:
        return
    names = {bundle.name for bundle in bundles}
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        names -= {name for name in names if name in text}
    for bundle in bundles:
        if bundle.name in names:
            report.remove(bundle)


def minify_assets(site_dir: Path, report: TrimReport) -> None:
    # Pages are minified as they are written (scripts/build/page_output.py), before their policy is added.
    minifiers = {".css": minify_css, ".js": minify_js}
    for file in sorted(site_dir.rglob("*")):
        minify = minifiers.get(file.suffix)
        if minify is None or ".min." in file.name or not file.is_file():
            continue
        text = file.read_text(encoding="utf-8")
        if already_minified(text):
            continue
        smaller = minify(text)
        if len(smaller) < len(text):
            report.rewrite(file, text, smaller)


def _pruned_stylesheets(original: dict[str, str], others: list[str], known: KnownClasses) -> dict[str, str]:
    current = dict(original)
    # Each may read the others' custom properties (the palette's colours): when one changes,
    # the others are pruned again, so that what it stops reading they can drop. (prune() is
    # its own fixed point: a stylesheet whose readers did not change needs no second pass.)
    pending = list(original)
    while pending:
        stylesheet = pending.pop(0)
        readers = others + [text for other, text in current.items() if other != stylesheet]
        pruned = prune(current[stylesheet], known, readers)
        if pruned != current[stylesheet]:
            current[stylesheet] = pruned
            pending += [other for other in original if other != stylesheet and other not in pending]
    return current


def _pruning_key(original: dict[str, str], others: list[str], known: KnownClasses) -> str:
    """Everything the pruning's result depends on, the pruning's own code included."""
    code = [Path(module.__file__).read_bytes() for module in (unused_css, sys.modules[__name__])]
    return build_cache.key_of(
        [
            *code,
            tinycss2.__version__,
            *itertools.chain.from_iterable(sorted(original.items())),
            "\0others",
            *others,
            "\0known",
            "\n".join(sorted(known.tokens)),
            "\n".join(known.prefixes),
            "\n".join(sorted(known.custom_properties)),
        ]
    )


def prune_material_stylesheets(site_dir: Path, report: TrimReport) -> None:
    stylesheets = sorted(site_dir.glob(MATERIAL_STYLESHEETS))
    if not stylesheets:
        return
    pages = (page_vocabulary(file.read_text(encoding="utf-8")) for file in site_dir.rglob("*.html"))
    scripts = (file.read_text(encoding="utf-8") for file in site_dir.rglob("*.js"))
    known = known_classes(itertools.chain(pages, scripts))
    names = {stylesheet.relative_to(site_dir).as_posix(): stylesheet for stylesheet in stylesheets}
    original = {name: path.read_text(encoding="utf-8") for name, path in names.items()}
    others = sorted(file.read_text(encoding="utf-8") for file in site_dir.rglob("*.css") if file not in stylesheets)
    # Tokenising Material's stylesheets is most of the pruning's time, and its result is the
    # same for the same pages: the last builds' results are reused (scripts/build/build_cache.py).
    key = _pruning_key(original, others, known)
    pruned = build_cache.load_texts(PRUNING_CACHE, key)
    if pruned is None or set(pruned) != set(original):
        pruned = _pruned_stylesheets(original, others, known)
        build_cache.store_texts(PRUNING_CACHE, key, pruned)
    for name, path in names.items():
        report.rewrite(path, original[name], pruned[name])


def trim_site(site_dir: Path) -> TrimReport:
    """Remove from a built site what no reader's browser requests (see the module docstring)."""
    report = TrimReport()
    remove_source_maps(site_dir, report)
    prune_search_files(site_dir, report)
    remove_unlinked_favicon(site_dir, report)
    remove_unloaded_bundle(site_dir, report)
    minify_assets(site_dir, report)
    # Last: the class vocabulary comes from the final pages and scripts.
    prune_material_stylesheets(site_dir, report)
    return report
