# Quick start (fresh clone): `make build` (or `make serve`) and `make test`.
# Each target sets up what it needs: .venv with the pinned, hashed dependencies,
# and for the tests Debian's Chromium.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# The stamp names the lock file's hash, so a changed lock reinstalls.
STAMP := $(VENV)/.installed-$(shell sha256sum requirements.txt | cut -c1-16)
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: build serve test lint lock chromium clean

build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

test: $(STAMP) chromium
	$(BIN)/ruff check scripts tests
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check scripts tests

chromium:
	@sh scripts/ensure_chromium.sh

$(STAMP): requirements.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed: install python3.11 (e.g. apt-get install python3.11 python3.11-venv)"; exit 1; }
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.txt
	touch $@

# Regenerate requirements.txt (exact versions with hashes) from requirements.in.
lock:
	$(PYTHON) -m venv /tmp/pip-tools-venv && /tmp/pip-tools-venv/bin/pip install --quiet pip-tools==7.6.2
	/tmp/pip-tools-venv/bin/pip-compile --quiet --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links --output-file requirements.txt requirements.in

clean:
	rm -rf site $(VENV)
