"""Chromium as this project runs it (tests, page-weight measurements): one list of flags."""

from __future__ import annotations

# No sandbox as root, no background calls home (the machine's network is closed, and a
# person at risk's visit must not be mixed with Google's traffic in our measurements).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]
