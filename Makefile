# Quick start (fresh clone): `make build` (or `make serve`) and `make test`.
# Each target sets up what it needs: .venv with the pinned, hashed dependencies,
# and for the tests Debian's Chromium, Java and the Nu Html Checker.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# The stamp names the lock file's hash, so a changed lock reinstalls.
STAMP := $(VENV)/.installed-$(shell sha256sum requirements.txt | cut -c1-16)
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: build serve test lint lock chromium vnu clean

build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

test: $(STAMP) chromium vnu
	$(BIN)/ruff check scripts tests
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check scripts tests

chromium:
	@sh scripts/ensure_chromium.sh

# Java (Debian's, installed when root) and the pinned vnu.jar, for tests/test_html_valid.py.
vnu: $(STAMP)
	@$(BIN)/python -m scripts.vnu --setup >/dev/null

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

# --- Editors' checks: each is also a CI step; CONTRIBUTING.md explains every message. ---
.PHONY: check check-translations check-front-matter check-markdown check-data check-links check-links-external hooks
CHECKS := check-translations check-front-matter check-markdown check-data check-links

# Runs every check, even after one fails, so that all problems show at once.
check: $(STAMP)
	@status=0; for target in $(CHECKS); do $(MAKE) --no-print-directory $$target || status=1; done; \
	if [ $$status -eq 0 ]; then echo "All checks passed."; else echo "Some checks failed: see the messages above."; fi; \
	exit $$status

# Every page in every language: missing fails, outdated warns (job summary in CI).
check-translations: $(STAMP)
	$(BIN)/python -m scripts.translation_status

check-front-matter: $(STAMP)
	$(BIN)/python -m scripts.front_matter

# Markdown style of docs/ and CONTRIBUTING*.md (rules in .pymarkdown).
check-markdown: $(STAMP)
	$(BIN)/python -m scripts.lint_markdown

# The statistics dataset (data/statistics.json).
check-data: $(STAMP)
	$(BIN)/python -m scripts.stats

# Builds the site, then checks its internal links and #anchors.
check-links: build
	$(BIN)/python -m scripts.check_links site

# Also links to other sites: needs the internet; the weekly workflow runs it.
check-links-external: build
	$(BIN)/python -m scripts.check_links site --external

# Runs the fast checks before every `git commit` (.pre-commit-config.yaml).
hooks: $(STAMP)
	$(BIN)/pre-commit install

# The offline copy of the whole site, for file:// (a USB stick, a classroom without network):
# a second build without directory URLs, zipped to site/downloads/site-offline.zip. Run it
# after `make build` (which empties site/); the Pages workflow does both.
.PHONY: offline
offline: $(STAMP)
	$(BIN)/python -m scripts.offline --output site/downloads/site-offline.zip

# Build time (real site, then 10x and 100x synthetic content), page weight and layout shift
# in Chromium, and Lighthouse's mobile scores (the pinned npm package, installed on first use
# into .cache/: needs Node.js and npm), written to PERFORMANCE.md. Takes minutes and prints
# its progress; nothing is asserted.
.PHONY: bench
bench: $(STAMP) chromium
	$(BIN)/python -m scripts.bench_build
