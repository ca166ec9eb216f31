# Commonplace's front door. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) src/manage.py
UV := $(shell command -v uv 2>/dev/null || echo .uv/bin/uv)
BUILD := src/commonplace/core/static/core/build
DEMO_ENV := COMMONPLACE_DEMO=1 COMMONPLACE_DEBUG=0 COMMONPLACE_TASK_BACKEND=database COMMONPLACE_SITE_URL=http://127.0.0.1:$(PORT)
PYTEST_ARGS ?=

.PHONY: help venv assets demo demo-data test lint fmt check messages bench-demo-build bench-scoping migrate conformance bench-lrs bench-learning

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN{FS=":.*## "}{printf "  %-18s %s\n", $$1, $$2}'

$(VENV)/.synced: pyproject.toml uv.lock
	@command -v $(UV) >/dev/null 2>&1 || { python3 -m venv .uv && .uv/bin/pip install -q uv==0.13.8; }
	$(UV) sync --frozen --python python3
	@touch $@

venv: $(VENV)/.synced ## Create .venv with the locked dependencies

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(BUILD)/.built: node_modules/.installed $(shell find src/commonplace/core/assets -type f 2>/dev/null)
	@mkdir -p $(BUILD)
	node_modules/.bin/sass --no-source-map --load-path=node_modules --quiet-deps --style=compressed \
		src/commonplace/core/assets/commonplace.scss $(BUILD)/commonplace.css
	cp node_modules/htmx.org/dist/htmx.min.js $(BUILD)/htmx.min.js
	@mkdir -p $(BUILD)/govuk
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js $(BUILD)/govuk/
	cp -r node_modules/govuk-frontend/dist/govuk/assets/images $(BUILD)/
	@mkdir -p $(BUILD)/fonts
	cp node_modules/@fontsource/eb-garamond/files/eb-garamond-latin{,-ext}-{400,700}-normal.woff2 $(BUILD)/fonts/
	@touch $@

assets: $(BUILD)/.built ## Compile the design system (sass) and copy htmx into static files

migrate: venv ## Apply migrations to the demo database
	@mkdir -p var
	$(DEMO_ENV) $(MANAGE) migrate --no-input -v 0

demo-data: migrate ## Build the demo union (skipped when it is already there)
	$(DEMO_ENV) $(MANAGE) demo_load

demo: venv assets demo-data ## Set up everything and serve the demo on http://127.0.0.1:$(PORT)
	@scripts/compile-messages.sh
	@$(DEMO_ENV) $(MANAGE) demo_logins
	@echo "Starting the background worker and the server on http://127.0.0.1:$(PORT) (Ctrl-C stops both)"
	@trap 'kill $$WORKER 2>/dev/null' EXIT INT TERM; \
	  $(DEMO_ENV) $(MANAGE) db_worker --queue-name default >var/worker.log 2>&1 & WORKER=$$!; \
	  $(DEMO_ENV) $(VENV)/bin/granian --interface wsgi --working-dir src --host 127.0.0.1 \
	    --port $(PORT) --workers 2 --blocking-threads 4 --access-log commonplace.wsgi:application ; \
	  kill $$WORKER 2>/dev/null

test: venv assets ## Run the whole test suite (as CI does)
	@scripts/compile-messages.sh
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: venv ## ruff (lint and format check) and import contracts
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	cd src && ../$(VENV)/bin/lint-imports --config ../pyproject.toml

fmt: venv ## Format and autofix with ruff
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: venv ## Refresh every app's Welsh catalogue from the source strings
	@for app in src/commonplace/*/; do \
	  if [ -d "$$app/locale" ] || [ -d "$$app/templates" ]; then \
	    (cd "$$app" && mkdir -p locale && ../../../$(VENV)/bin/django-admin makemessages -l cy --no-obsolete -v 0); \
	  fi; \
	done

check: lint test ## Everything CI checks

conformance: venv ## Run ADL's xAPI conformance suite when it sits beside the project (../lrs-conformance-test-suite)
	bench/conformance.sh

bench-lrs: venv ## LRS benchmark on PostgreSQL (prints figures)
	bench/lrs.sh

bench-learning: venv ## The learner's pages with 10,000 resources, 500 pathways, 10 million statements (PostgreSQL)
	scripts/with-postgres.sh $(PY) bench/learning.py

bench-demo-build: venv ## Time the demo build at full scale (1,200 branches, 1.3 million members) on PostgreSQL
	scripts/with-postgres.sh bash -c '$(MANAGE) migrate -v 0 && $(MANAGE) demo_load --branches 1200 --members 1300000'

bench-scoping: venv ## Time "the people this user may see" at 1.3 million members on PostgreSQL
	scripts/with-postgres.sh bash -c '$(MANAGE) migrate -v 0 && $(PY) bench/scoping.py'

typecheck: venv ## mypy with django-stubs (not yet clean; not part of CI)
	cd src && ../$(VENV)/bin/mypy commonplace
