"""Files from a package on the npm registry, downloaded without npm and pinned by hash.

A package's tarball is checked against the registry's `dist.integrity` (sha512), pinned in
the module that uses it, as pip's --require-hashes does for Python packages: a changed
tarball on the registry, or on the way, is refused. Used for vnu.jar (scripts/checks/vnu.py) and
the Russian Hunspell dictionary (scripts/checks/language/spelling.py).
"""

from __future__ import annotations

import base64
import hashlib
import io
import tarfile
import tempfile
import urllib.request
from collections.abc import Mapping
from pathlib import Path

DOWNLOAD_TIMEOUT_SECONDS = 120


class NpmTarballError(RuntimeError):
    """The tarball cannot be had or does not match its pin; the message says which."""


def tarball_url(package: str, version: str) -> str:
    return f"https://registry.npmjs.org/{package}/-/{package}-{version}.tgz"


def integrity_of(data: bytes) -> str:
    """The npm registry's `dist.integrity` form of the data: sha512, base64."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def download(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=DOWNLOAD_TIMEOUT_SECONDS) as response:  # noqa: S310 - a fixed https URL
        return bytes(response.read())


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file, then rename: an interrupted download leaves no half file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as temporary:
        temporary.write(data)
    # Readable by everyone, as a file unpacked by tar would be (the temporary file is 0600).
    Path(temporary.name).chmod(0o644)
    Path(temporary.name).replace(path)


def members_of(tarball: bytes, names: Mapping[str, Path], url: str) -> None:
    """Write each named member of the tarball (e.g. 'package/index.dic') to its path."""
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for member_name, path in names.items():
            member = archive.extractfile(member_name)
            if member is None:
                raise NpmTarballError(f"{url} has no {member_name}")
            write_atomically(path, member.read())


def ensure_files(package: str, version: str, integrity: str, names: Mapping[str, Path]) -> None:
    """The named files of the pinned package, downloaded and checked once, then reused."""
    if all(path.is_file() for path in names.values()):
        return
    url = tarball_url(package, version)
    try:
        tarball = download(url)
    except OSError as error:
        raise NpmTarballError(f"cannot download {package} {version} from {url}: {error}") from error
    if integrity_of(tarball) != integrity:
        raise NpmTarballError(f"{url} does not match its pinned sha512; not used")
    members_of(tarball, names, url)
