# paved: `make plan` (offline plan of a stack) and `make test` work on a fresh machine with python3 and make.
SHELL := /bin/bash
PYTHON ?= python3
VENV := venv
BIN := $(VENV)/bin
STACK ?= dev
REQUIREMENTS := requirements.txt requirements-dev.txt policies/requirements.txt
STAMP := $(VENV)/.installed

.PHONY: plan test lint typecheck unit clean

$(STAMP): $(REQUIREMENTS)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check $(addprefix -r ,$(REQUIREMENTS))
	@touch $@

plan: $(STAMP)
	@$(BIN)/python -m tools.plan $(STACK)

test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy .
	$(BIN)/mypy policies/__main__.py

unit: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis
