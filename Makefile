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

.PHONY: build publish serve test test-fast lint lock chromium vnu clean

# A preview (no published address), with the offline copy; site/ changes only when the build succeeds.
build: $(STAMP)
	$(BIN)/python -m scripts.build.build_site

# For GitHub Pages: the same, for the published address in SITE_URL (refuses to run without it).
publish: $(STAMP)
	$(BIN)/python -m scripts.build.build_site --publish

# The live preview: reloads the page on every save, shows a failed build in the browser (scripts/build/preview.py).
PREVIEW_PORT ?= 8000
serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:$(PREVIEW_PORT)

# In parallel workers (pytest-xdist), each with its own build of the site (tests/conftest.py).
TEST_WORKERS ?= auto
test: $(STAMP) chromium vnu
	$(BIN)/ruff check scripts tests
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check scripts tests

chromium:
	@sh scripts/ensure_chromium.sh

# Java (Debian's, installed when root) and the pinned vnu.jar, for tests/checks/test_html_valid.py.
vnu: $(STAMP)
	@$(BIN)/python -m scripts.checks.vnu --setup >/dev/null

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

# --- Editors' checks: scripts/checks/editor_checks.py holds the one list (CHECKS); CONTRIBUTING.md explains every message. ---
.PHONY: check check-translations check-front-matter check-data check-markdown check-language fix-language check-build check-links check-links-external hooks

# Runs every check, even after one fails, so that all problems show at once; ends with the build.
check: $(STAMP)
	@$(BIN)/python -m scripts.checks.editor_checks

# One check of the list each (a new check in CHECKS gets a target here too).
CHECK_ONE = @$(BIN)/python -m scripts.checks.editor_checks $(@:check-%=%)
check-translations: $(STAMP)
	$(CHECK_ONE)
check-front-matter: $(STAMP)
	$(CHECK_ONE)
check-data: $(STAMP)
	$(CHECK_ONE)
check-markdown: $(STAMP)
	$(CHECK_ONE)
check-build: $(STAMP)
	$(CHECK_ONE)

# Words and typography of pages and data: the glossary's terms, quotation marks and dashes,
# mixed alphabets, English left in az/ru, Türkiye Turkish forms, Russian spelling, counted
# nouns. The first run downloads the pinned Russian dictionary into .cache/.
check-language: $(STAMP)
	$(CHECK_ONE)

# Replaces wrong quotation marks, dashes and apostrophes in place, then runs the check.
fix-language: $(STAMP)
	$(BIN)/python -m scripts.checks.check_language --fix

# The build checks every internal link and #anchor (scripts/hooks.py); kept as a name for it.
check-links: check-build

# Also links to other sites: needs the internet; the weekly workflow runs it.
check-links-external: build
	$(BIN)/python -m scripts.checks.check_links site --external

# Runs the fast checks before every `git commit` (.pre-commit-config.yaml).
hooks: $(STAMP)
	$(BIN)/pre-commit install

# The offline copy of the whole site, for file:// (a USB stick, a classroom without network):
# a second build without directory URLs, zipped to site/downloads/site-offline.zip. `make build`
# and `make publish` make it too; this target makes only the zip.
.PHONY: offline
offline: $(STAMP)
	$(BIN)/python -m scripts.build.offline --output site/downloads/site-offline.zip

# Build time (real site, then 10x and 100x synthetic content), page weight and layout shift
# in Chromium, and Lighthouse's mobile scores (the pinned npm package, installed on first use
# into .cache/: needs Node.js and npm), written to PERFORMANCE.md. Takes minutes and prints
# its progress; nothing is asserted.
.PHONY: bench
bench: $(STAMP) chromium
	$(BIN)/python -m scripts.bench.bench_build
