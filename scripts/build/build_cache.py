"""What one build computes that the next can reuse, kept in .cache/build/ (git-ignored).

Two of a build's steps take long and give the same result for the same input: compiling the
theme's templates (Jinja bytecode) and pruning Material's stylesheets to what the pages use
(scripts/build/build_output.py). Each result is stored under a key made from everything it
depends on, so a changed input, template or pruning code simply misses and is computed
again; a cache file that cannot be read is treated as missing, and one that cannot be written
is skipped. Writes go to a temporary file
first and are renamed, so builds running side by side (the tests' workers) never read half a
file. BUILD_CACHE=off turns the cache off (the benchmark's cold builds).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import jinja2
from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

ROOT = Path(__file__).resolve().parents[2]
CACHE_DIR = ROOT / ".cache" / "build"
# How many results of one kind are kept: older ones are removed when a new one is written
# (pruned stylesheets change with the pages' class names, in `make serve` with every such edit).
KEEP_PER_KIND = 8


def enabled() -> bool:
    return os.environ.get("BUILD_CACHE", "on").strip().lower() not in {"off", "0", "no", "false"}


def key_of(parts: Iterable[str | bytes]) -> str:
    """A key for these inputs, in this order (each part's length is hashed too, so that
    two different lists of parts never make the same stream)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0  # removed meanwhile by a build beside this one


def _forget_old(folder: Path, keep: int) -> None:
    entries = sorted(folder.glob("*.json"), key=_modified, reverse=True)
    for old in entries[keep:]:
        old.unlink(missing_ok=True)


def load_texts(kind: str, key: str, cache_dir: Path | None = None) -> dict[str, str] | None:
    """The texts stored for this key ({name: text}), or None."""
    if not enabled():
        return None
    try:
        data = json.loads(((cache_dir or CACHE_DIR) / kind / f"{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        return None
    return data


def store_texts(kind: str, key: str, texts: dict[str, str], cache_dir: Path | None = None) -> None:
    if not enabled():
        return
    folder = (cache_dir or CACHE_DIR) / kind
    # A cache that cannot be written (a read-only checkout, a full disk) only costs time.
    try:
        _write_atomically(folder / f"{key}.json", json.dumps(texts, ensure_ascii=False).encode("utf-8"))
        _forget_old(folder, KEEP_PER_KIND)
    except OSError:
        return


def _environment_fingerprint(environment: Environment) -> str:
    """What else than a template's source changes the code Jinja compiles from it: Jinja's
    version, the syntax options and the extensions (Jinja's own key is the file name only)."""
    autoescape = environment.autoescape
    options = [
        jinja2.__version__,
        autoescape if isinstance(autoescape, bool) else getattr(autoescape, "__qualname__", repr(autoescape)),
        environment.block_start_string,
        environment.block_end_string,
        environment.variable_start_string,
        environment.variable_end_string,
        environment.comment_start_string,
        environment.comment_end_string,
        environment.line_statement_prefix,
        environment.line_comment_prefix,
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.newline_sequence,
        environment.keep_trailing_newline,
        environment.optimized,
        sorted(environment.extensions),
    ]
    return repr(options)


class TemplateBytecodeCache(BytecodeCache):
    """Jinja bytecode by template, environment options and source checksum: in this process's
    memory (mkdocs-static-i18n gives each language's build an environment of its own) and in
    .cache/build/templates/ for the next build. Jinja checks the source's checksum and its own
    bytecode version on load."""

    def __init__(self, cache_dir: Path | None = None) -> None:
        self._code: dict[str, bytes] = {}
        self._folder = (cache_dir or CACHE_DIR) / "templates"

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        key = key_of([name, filename or "", _environment_fingerprint(environment)])
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def _path(self, bucket: Bucket) -> Path:
        return self._folder / f"{bucket.key}.bytecode"

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is None and enabled():
            try:
                code = self._path(bucket).read_bytes()
            except OSError:
                return
        if code is not None:
            bucket.bytecode_from_string(code)  # resets the bucket when the checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = bucket.bytecode_to_string()
        self._code[bucket.key] = code
        if enabled():
            try:
                _write_atomically(self._path(bucket), code)
            except OSError:
                return  # as in store_texts: the next build compiles it again


TEMPLATE_CODE = TemplateBytecodeCache()
