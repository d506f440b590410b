"""Compiled theme templates kept for the whole build. mkdocs-static-i18n builds each
language with its own Jinja environment, and each environment compiled every template
again (about 45 templates, three times); Jinja's bytecode cache hands the second and third
environment the code the first compiled. A template whose source changes (in `make serve`)
has a new checksum and is compiled again."""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Jinja bytecode by template and source checksum, in this process's memory."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


TEMPLATE_CODE = MemoryBytecodeCache()
