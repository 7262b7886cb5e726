# Two commands for a fresh Linux machine with Python 3.11+:
#   make run   — set up .venv and start the app on the demo library
#   make test  — set up .venv and run the whole test suite (lint, contracts, types, pytest)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_LIBRARY ?= $(HOME)/.local/share/briefing/demo.sqlite
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck contracts pytest venv clean screenshots package package-smoke wheel-smoke

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# Debian's pip 23.2 cannot resolve lxml's extras (trafilatura): upgrade pip in the venv first.
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(BIN)/briefing --library "$(DEMO_LIBRARY)" demo
	$(BIN)/briefing --library "$(DEMO_LIBRARY)"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

contracts: $(STAMP)
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

test: lint contracts typecheck pytest

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info

# The README's and the user guide's screenshots: the real app on the demo library, offscreen.
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m briefing_app.gui.screenshot docs/screenshots/main-window.png
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m briefing_app.gui.screenshot docs/screenshots/note-editor.png
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m briefing_app.gui.guide_screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m briefing_app.gui.walk_screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m briefing_app.gui.view_screenshots docs/screenshots
	# The 1366×768 pictures in 256 colours: a third of the size, as sharp.
	if command -v convert >/dev/null; then for f in docs/screenshots/walk-*.png docs/screenshots/views-*.png; do \
		convert "$$f" -strip +dither -colors 256 "PNG8:$$f"; done; fi

# The one-folder desktop bundle (dist/briefing/briefing, runs without Python): packaging/briefing.spec.
PACKAGE_STAMP := $(VENV)/.package-installed

$(PACKAGE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,package]'
	touch $(PACKAGE_STAMP)

package: $(PACKAGE_STAMP)
	rm -rf build/pyinstaller dist/briefing
	$(BIN)/pyinstaller --noconfirm --log-level WARN --workpath build/pyinstaller --distpath dist packaging/briefing.spec
	$(BIN)/python -c "from briefing_app.core.bundled.licenses import third_party_notice as t; open('dist/briefing/THIRD_PARTY_LICENSES.txt', 'w', encoding='utf-8').write(t())"

# Build the bundle, then run it headless outside the checkout (packaging/smoke_bundle.sh).
package-smoke: package
	QT_QPA_PLATFORM=offscreen packaging/smoke_bundle.sh dist/briefing

wheel-smoke: $(STAMP)
	PYTHON=$(PYTHON) packaging/smoke_wheel.sh
