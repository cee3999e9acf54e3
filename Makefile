# paved: `make plan` (offline plan of a stack) and `make test` work on a fresh machine with python3 and make.
SHELL := /bin/bash
PYTHON ?= python3
VENV := venv
BIN := $(VENV)/bin
STACK ?= dev
REQUIREMENTS := requirements.txt requirements-dev.txt policies/requirements.txt
STAMP := $(VENV)/.installed
# Files the requirement files include with -r: a change to them reinstalls too.
INCLUDED_REQUIREMENTS := app/requirements.txt app/requirements-container.txt

.PHONY: plan test lint typecheck unit bench postgres rds-ca-bundle clean

$(STAMP): $(REQUIREMENTS) $(INCLUDED_REQUIREMENTS)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check $(addprefix -r ,$(REQUIREMENTS))
	@touch $@

plan: $(STAMP)
	@$(BIN)/python -m tools.plan $(STACK)

test: lint typecheck unit

# Timings of the offline tools and the test suite, written to bench/results/latest.{json,md}.
bench: $(STAMP)
	$(BIN)/python -m bench

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy .
	$(BIN)/mypy policies/__main__.py

unit: $(STAMP) postgres
	$(BIN)/python -m pytest -n auto

# The app's SQL tests run against a real PostgreSQL: install the server binaries when absent.
postgres:
	@bash tests/app/install_postgres.sh

# The RDS CA bundle, so the Lambda function verifies the database's certificate (app/README.md).
rds-ca-bundle:
	@mkdir -p app/certs
	curl -fsSL -o app/certs/rds-global-bundle.pem https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis
