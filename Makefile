# Two commands for a fresh Linux machine with Python 3.11+:
#   make run   — set up .venv and start the app on the demo library
#   make test  — set up .venv and run the whole test suite (lint, contracts, types, pytest)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_LIBRARY ?= $(HOME)/.local/share/briefing/demo.sqlite
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck contracts pytest venv clean screenshots

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

# The README's screenshot: the main window on the demo library, rendered offscreen.
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m briefing_app.gui.screenshot docs/screenshots/main-window.png
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m briefing_app.gui.screenshot docs/screenshots/note-editor.png
