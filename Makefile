# Everyday commands. `make` alone lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MIN_PYTHON := 3.12
CHROMIUM ?= /usr/bin/chromium
# Installs a missing Debian package when running as root, else prints the command to run.
DEBIAN_PACKAGE := scripts/debian-package.sh

.PHONY: help check-python install install-dev install-lint test-programs migrate seed admin run test test-e2e lint format worker check-deploy benchmark serve bench install-stack clean

help: ## List the commands
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-14s %s\n", $$1, $$2}'

check-python:
	@$(PYTHON) -c 'import sys; m = tuple(map(int, "$(MIN_PYTHON)".split("."))); sys.exit(0 if sys.version_info[:2] >= m else 1)' \
	  || { echo "Python $(MIN_PYTHON) or newer is needed (Django 6.1); '$(PYTHON)' is $$($(PYTHON) --version 2>&1). Install it, or run: make PYTHON=python3.13 ..."; exit 1; }

$(BIN)/python: | check-python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: check-python $(VENV)/.installed ## Create .venv and install the runtime packages

install-dev: check-python $(VENV)/.installed-dev ## Install the test and lint tools too

# Front-end lint tools only (package.json); npm ci installs exactly what package-lock.json pins.
node_modules/.installed: package.json package-lock.json
	@$(DEBIAN_PACKAGE) npm npm
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install-lint: install-dev node_modules/.installed ## Install the Python and the npm lint tools

# The browser tests drive Debian's Chromium and the stack tests run Debian's nginx and Varnish;
# installed when running as root, else the tests that need them fail and say what to install.
test-programs:
	@$(DEBIAN_PACKAGE) --warn $(CHROMIUM) chromium
	@$(DEBIAN_PACKAGE) --warn nginx nginx
	@$(DEBIAN_PACKAGE) --warn varnishd varnish

migrate: install ## Apply database migrations
	$(BIN)/python manage.py migrate --no-input

seed: migrate ## Load the seed content (safe to repeat: keeps editors' changes)
	$(BIN)/python manage.py load_seed_content

admin: migrate ## Make sure the 'admin' login exists (password from ADMIN_PASSWORD, else printed once)
	$(BIN)/python manage.py ensure_admin

run: seed admin ## Install, migrate, seed, create the admin login and serve on http://127.0.0.1:$(PORT)
	$(BIN)/python manage.py ensure_site --url http://127.0.0.1:$(PORT)
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install-dev test-programs ## Install and run the whole test suite (PostgreSQL when DATABASE_URL is set)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-e2e: install-dev test-programs ## Run only the browser tests
	$(BIN)/python -m pytest -m e2e $(PYTEST_ARGS)

lint: install-lint ## Check the Python, CSS, JavaScript and templates, and that migrations are complete
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	node_modules/.bin/stylelint "static/css/**/*.css"
	node_modules/.bin/eslint static/js
	$(BIN)/djlint templates --lint

format: install-dev ## Format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

worker: install ## Run background tasks (production uses the database task backend)
	$(BIN)/python manage.py run_worker

check-deploy: install ## Run Django's deployment checks against production settings
	DJANGO_SETTINGS_MODULE=portal.settings.production \
	  SECRET_KEY=$${SECRET_KEY:-check-deploy-placeholder-key-that-is-long-enough-0123456789abcdef} \
	  ALLOWED_HOSTS=$${ALLOWED_HOSTS:-example.org} \
	  EMAIL_URL=$${EMAIL_URL:-smtp+tls://mail.example.org:587} \
	  DATABASE_URL=$${DATABASE_URL:-postgres://portal@127.0.0.1:5432/portal} \
	  REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} \
	  SITE_URL=$${SITE_URL:-https://example.org} \
	  DEFAULT_FROM_EMAIL=$${DEFAULT_FROM_EMAIL:-no-reply@example.org} \
	  MEDIA_ROOT=$${MEDIA_ROOT:-/srv/portal/media} \
	  $(BIN)/python manage.py check --deploy --fail-level WARNING

BENCH_DB ?= search_bench
benchmark: install-dev ## Search latency at 1,000 and 10,000 pages on a PostgreSQL database of its own (BENCH_DB)
	psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$(BENCH_DB)'" | grep -q 1 \
	  || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE $(BENCH_DB)"
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/$(BENCH_DB) $(BIN)/python scripts/search_benchmark.py --sizes 1000 10000

# `make serve` and `make bench` default to 8080 for the front door unless PORT is given.
STACK_PORT := $(if $(filter command line environment,$(origin PORT)),$(PORT),8080)
SERVE_DB ?= portal
STACK_DB_URL = $(or $(DATABASE_URL),postgres://postgres@127.0.0.1:5432/$(SERVE_DB))

install-stack: ## Install nginx, Varnish, Redis, wrk and PostgreSQL from Debian when missing (root)
	scripts/install-stack.sh

serve: install install-stack ## The production stack on loopback: Varnish on PORT (8080), nginx, gunicorn on APP_PORT (8081), Redis, worker, schedule
	@[ -n "$(DATABASE_URL)" ] || psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$(SERVE_DB)'" | grep -q 1 \
	  || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE $(SERVE_DB)"
	PORT=$(STACK_PORT) DATABASE_URL=$(STACK_DB_URL) $(BIN)/python deploy/serve.py --prepare --seed

BENCH_STACK_DB ?= portal_bench
bench: install-dev install-stack ## Measure the stack: cache vs nginx, publish-to-visible, uncached vs `wagtail start`, queries, memory, slow clients
	psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$(BENCH_STACK_DB)'" | grep -q 1 \
	  || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE $(BENCH_STACK_DB)"
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/$(BENCH_STACK_DB) $(BIN)/python scripts/bench.py $(BENCH_ARGS)

clean: ## Remove the virtual environment and collected static files
	rm -rf $(VENV) staticfiles
