# Convenience targets: owns nothing of its own; everything delegates to installer/dev.py or the .venv it builds.
PYTHON ?= python3
VENV_BIN := .venv/bin

.PHONY: help setup run test lint bench wheel

help:
	@echo "make run    - set up, then open the app (ARGS=... go to smp-desktop)"
	@echo "make test   - set up, then ruff check, mypy and pytest (ARGS=... go to pytest)"
	@echo "make lint   - set up, then ruff check and mypy only"
	@echo "make bench  - set up, then bench/run --quick"
	@echo "make wheel  - set up, then build the app's wheel into dist/"

setup:
	$(PYTHON) installer/dev.py setup

run:
	$(PYTHON) installer/dev.py run $(ARGS)

test:
	$(PYTHON) installer/dev.py test $(ARGS)

lint: setup
	$(VENV_BIN)/ruff check .
	$(VENV_BIN)/mypy

bench: setup
	bench/run --quick

wheel: setup
	$(VENV_BIN)/pip wheel --no-deps -w dist .
