# Needs only Python 3.11 and pip: pipenv is installed on first use, the locked packages go
# into .venv/, and later runs skip the install until Pipfile.lock changes.
#
#   make run          install, migrate instance/app.db, load the demo, serve on 127.0.0.1:5000
#                     with the background worker beside it (Procfile, honcho)
#   make test         install with dev packages, run pytest (PostgreSQL too if TEST_DATABASE_URL)
#   make lint         ruff (lint, import order, format), mypy, import-linter; fails on any finding
#   make format       let ruff sort imports and format the code
#   make migrate      apply the migrations to DATABASE_URL (default instance/app.db)
#   make migration MESSAGE="add rewards"   a new migration on top of the others, from the models
#   make bench        endpoints vs bare Flask on SQLite and PostgreSQL, then the million-order
#                     latencies (see docs/benchmarks.md)
#   make bench-quick  the same without the million orders (their load takes minutes)
#   make clean        caches, bench results and install stamps (not .venv, not instance/)

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
PYTEST_ARGS ?= -q
HOST ?= 127.0.0.1
PORT ?= 5000

export PIPENV_VENV_IN_PROJECT := 1
export PIPENV_YES := 1
export PIPENV_NOSPIN := 1
export PIPENV_IGNORE_VIRTUALENVS := 1
export PIPENV_VERBOSITY := -1
export PIP_DISABLE_PIP_VERSION_CHECK := 1
export PIP_NO_INPUT := 1

PIPENV := $(PYTHON) -m pipenv
# Stamps live in .venv/, so deleting .venv forces a fresh install.
STAMP := $(VENV)/.synced
STAMP_DEV := $(VENV)/.synced-dev
# Uploads made in the demo are addressed to where it serves (PUBLIC_BASE_URL, over http).
DEMO_ENV := APP_ENV=development WECHAT_FAKE=1 PUBLIC_BASE_URL=$${PUBLIC_BASE_URL:-http://$(HOST):$(PORT)}

.PHONY: help run test lint format install install-dev pipenv migrate migration bench bench-quick clean

help:
	@sed -n 's/^#   //p' $(MAKEFILE_LIST)

install: $(STAMP)

pipenv:
	$(ensure_pipenv)

install-dev: $(STAMP_DEV)

# pipenv: the user's own (--user) site, whether root or not. Debian's Python refuses --user
# installs (PEP 668) unless told; inside a virtualenv --user is not allowed at all.
define ensure_pipenv
	@$(PIPENV) --version >/dev/null 2>&1 || { \
	  echo "Installing pipenv for $(PYTHON) ..."; \
	  $(PYTHON) -m pip install --quiet --user pipenv 2>/dev/null \
	  || $(PYTHON) -m pip install --quiet --user --break-system-packages pipenv \
	  || $(PYTHON) -m pip install --quiet pipenv; }
endef

# `pipenv sync` installs exactly Pipfile.lock (`pipenv install` could re-lock).
$(STAMP): Pipfile.lock
	$(ensure_pipenv)
	$(PIPENV) sync --python "$$($(PYTHON) -c 'import sys; print(sys.executable)')"
	@touch $@

$(STAMP_DEV): Pipfile.lock
	$(ensure_pipenv)
	$(PIPENV) sync --dev --python "$$($(PYTHON) -c 'import sys; print(sys.executable)')"
	@touch $@ $(STAMP)

migrate: install
	$(FLASK) db upgrade

run: install
	$(DEMO_ENV) $(FLASK) db upgrade
	$(DEMO_ENV) $(FLASK) seed demo --if-empty
	@echo "Serving on http://$(HOST):$(PORT)/api/v1/docs  (demo mode: WECHAT_FAKE=1), worker beside it"
	$(DEMO_ENV) GUNICORN_BIND=$(HOST):$(PORT) PATH="$(CURDIR)/$(BIN):$$PATH" \
	  exec $(BIN)/honcho start -f Procfile

test: install-dev
	$(BIN)/pytest $(PYTEST_ARGS)

# Settings in pyproject.toml. lint-imports: no import cycles, domains never import interfaces.
LINT_PATHS := app miniprogram_api tests bench migrations/env.py config.py wsgi.py gunicorn.conf.py
lint: install-dev
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

format: install-dev
	$(BIN)/ruff check --select I --fix $(LINT_PATHS)
	$(BIN)/ruff format $(LINT_PATHS)

# Operators have data: a change of the models is a new migration on top of the shipped ones,
# generated against a scratch database at the current head. Read it before committing it.
MIGRATION_DB := /tmp/migration-$(shell id -u).db
migration: install
	@test -n "$(MESSAGE)" || { echo 'usage: make migration MESSAGE="what changes"'; exit 2; }
	rm -f $(MIGRATION_DB)
	DATABASE_URL=sqlite:///$(MIGRATION_DB) $(FLASK) db upgrade
	DATABASE_URL=sqlite:///$(MIGRATION_DB) $(FLASK) db migrate -m "$(MESSAGE)"
	rm -f $(MIGRATION_DB)
	@echo "Now read the new file in migrations/versions/ and run: make test"

# The million-order latencies run even when an endpoint failed; the failure is the exit status.
# BENCH_MILLION_ARGS, e.g. "--database bench_million_1000000 --reuse": keep the loaded database.
bench: install
	@status=0; $(BIN)/python bench/run.py || status=$$?; \
	$(BIN)/python bench/million.py $(BENCH_MILLION_ARGS) || status=$$?; \
	exit $$status

bench-quick: install
	$(BIN)/python bench/run.py

clean:
	rm -rf .pytest_cache bench/results $(STAMP) $(STAMP_DEV)
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -exec rm -rf {} +
