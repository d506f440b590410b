"""QR codes as inline SVG, made at build time with segno (no image file, no third-party service)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import segno

from scripts.content import html_templates

TEMPLATES = html_templates.environment(Path(__file__).parent / "templates")
QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks
SCALE = 5  # CSS pixels per module: about 4.5 cm wide in print, easy for a phone camera


@dataclass(frozen=True)
class QrCode:
    size: int  # modules, quiet zone included
    path: str  # SVG path data of the dark modules


def make_qr(data: str) -> QrCode:
    """The dark modules as one SVG path: each horizontal run of dark modules is one rectangle."""
    code = segno.make(data, error="m", micro=False)
    runs: list[str] = []
    for y, row in enumerate(code.matrix_iter(scale=1, border=QUIET_ZONE)):
        x = 0
        cells = list(row)
        while x < len(cells):
            if not cells[x]:
                x += 1
                continue
            start = x
            while x < len(cells) and cells[x]:
                x += 1
            runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
    size = code.symbol_size(scale=1, border=QUIET_ZONE)[0]
    return QrCode(size=size, path="".join(runs))


def render_qr(url: str, alt: str, caption: str, element_id: str = "qr") -> str:
    """A figure with the QR code of `url` (an image named by `alt`) and the address in text."""
    code = make_qr(url)
    return TEMPLATES.get_template("qr.html.j2").render(
        size=code.size, scale=SCALE, path=code.path, url=url, alt=alt, caption=caption, id=element_id
    )


def render_qr_preview(note: str) -> str:
    """In a preview build, in place of the code: a note that the printed handout needs the published site."""
    return TEMPLATES.get_template("qr-preview.html.j2").render(note=note)
