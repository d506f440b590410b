#!/bin/sh
# Fetch the Nu Html Checker (vnu.jar) from the npm package vnu-jar into .cache/ (not committed)
# and print the jar's path. The version is pinned; a fetched jar is reused.
# Usage: sh scripts/ensure_vnu.sh  ->  prints the absolute path of vnu.jar
set -eu
VERSION=26.9.27
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE="$ROOT/.cache/vnu-jar-$VERSION"
JAR="$CACHE/package/build/dist/vnu.jar"
if [ ! -f "$JAR" ]; then
  command -v npm >/dev/null || { echo "npm is needed to fetch vnu-jar (apt-get install npm)" >&2; exit 1; }
  mkdir -p "$CACHE"
  (cd "$CACHE" && npm pack --silent "vnu-jar@$VERSION" >/dev/null 2>&1 && tar -xzf "vnu-jar-$VERSION.tgz" && rm -f "vnu-jar-$VERSION.tgz")
fi
[ -f "$JAR" ] || { echo "vnu.jar not found in vnu-jar@$VERSION" >&2; exit 1; }
echo "$JAR"
