#!/bin/sh
# Make sure Debian's Chromium is there for the browser tests (Playwright drives it;
# `playwright install` cannot download browsers here).
set -eu
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's Chromium for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium is missing. Install it as root: sudo apt-get install chromium" >&2
echo "(the browser tests need it and fail without it)" >&2
exit 1
