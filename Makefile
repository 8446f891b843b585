# Two commands matter on a fresh machine: `make dev` (the whole stack on localhost, no Docker,
# no AWS account) and `make test`. Everything else is for working on the project.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.12 2>/dev/null || ls -d $$HOME/.pyenv/versions/3.12*/bin/python3.12 2>/dev/null | tail -n 1)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements-dev.txt layers/common/requirements.txt | sha1sum | cut -c1-12)
export SAM_CLI_TELEMETRY := 0
export AWS_DEFAULT_REGION ?= eu-central-1

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(STAMP): requirements-dev.txt layers/common/requirements.txt
	@test -n "$(PYTHON)" || { echo "python3.12 not found: install Python 3.12 (pyenv install 3.12)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	rm -f $(VENV)/.installed-*; touch $@

.PHONY: venv
venv: $(STAMP) ## Create the virtual environment with the pinned dev dependencies
	@# `python -m cli.contabo_admin` from any directory: the repository on the module path.
	@site=$$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_path("purelib"))'); \
		grep -qxF "$(CURDIR)" "$$site/contabo-reseller-repo.pth" 2>/dev/null || \
		echo "$(CURDIR)" > "$$site/contabo-reseller-repo.pth"

.PHONY: dev
dev: venv ## Run the whole stack locally: moto, Contabo simulator, API, schedules (ARGS="--speedup 60")
	$(BIN)/python -m local.stack $(ARGS)

.PHONY: run-job
run-job: venv ## Run a scheduled job now on the running `make dev` (JOB=provisioning, status-sync, heartbeat...)
	@test -n "$(JOB)" || { echo "usage: make run-job JOB=<job>: provisioning, status-sync, catalog-sync, usage-sync, action-queue, heartbeat"; exit 2; }
	$(BIN)/python -m local.stack.run_job $(JOB)

.PHONY: invoke
invoke: venv ## Run one function on the running `make dev` with a sample event, signed afresh (FN=create_service [EVENT=events/...json])
	@test -n "$(FN)" || { echo "usage: make invoke FN=<function> [EVENT=events/<folder>/<Event>.json]"; exit 2; }
	@$(BIN)/python -m local.stack.invoke $(FN) $(EVENT)

.PHONY: events
events: venv ## Write the missing sample events in events/ from template.yaml and docs/openapi.json (ARGS=--force: all)
	$(BIN)/python scripts/generate_events.py $(ARGS)

.PHONY: demo
demo: venv ## Test order on the running `make dev`, watched until active (ARGS="--whmcs-module")
	$(BIN)/python -m local.demo_order $(ARGS)

.PHONY: preview
preview: venv ## The module's client-area and addon pages in a browser, on the running `make dev` (PREVIEW_PORT=8095)
	$(BIN)/python -m local.preview $(ARGS)

.PHONY: screenshots
screenshots: venv ## Regenerate docs/screenshots/ with headless Chromium (starts its own stack and preview)
	$(BIN)/python -m local.screenshots $(ARGS)

.PHONY: admin
admin: venv ## Operator CLI on a stack: ARGS="--local service show 1001" or ARGS="--stack NAME keys rotate"
	@$(BIN)/python -m cli.contabo_admin $(if $(ARGS),$(ARGS),--help)

.PHONY: sim
sim: venv ## Run the Contabo simulator alone (SIM_PORT, default 8090)
	$(BIN)/python -m local.contabo_sim

# pytest-xdist: one worker per CPU (TEST_WORKERS=0: in this process, one test at a time). A
# test file stays on one worker (--dist loadfile), so a module's local stack starts once; each
# worker is its own process with its own stack on free ports and its own temp dirs.
TEST_WORKERS ?= auto
PYTEST_PARALLEL = $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadfile)

.PHONY: test
test: venv ## Install what is needed and run the whole suite (Python, then PHP), ~15 min on 2 CPUs
	$(BIN)/python -m pytest tests/unit --disable-socket --allow-unix-socket -q $(PYTEST_PARALLEL)
	@# Its own run: its moto (mock_aws) resets every in-process backend, a local stack's too.
	$(BIN)/python -m pytest tests/contract -q $(PYTEST_PARALLEL)
	$(BIN)/python -m pytest tests --ignore=tests/unit --ignore=tests/contract --ignore=tests/chaos -q $(PYTEST_PARALLEL)
	$(MAKE) test-php

.PHONY: test-php
test-php: venv ## PHPUnit: the WHMCS module, its integration tests start the local stack
	phpunit -c tests/php/phpunit.xml
	phpunit -c tests/php/phpunit-database.xml

.PHONY: test-php-mariadb
test-php-mariadb: ## The module's database code on a throw-away MariaDB (SQLite runs in test-php)
	tests/php/Database/with-mariadb.sh

.PHONY: models
models: venv ## Regenerate the Contabo client's models from docs/contabo (never edit them by hand)
	scripts/regenerate_contabo_models.sh

.PHONY: openapi
openapi: venv ## Regenerate docs/openapi.json from the handlers (a test fails when it is stale)
	$(BIN)/python scripts/generate_openapi.py

.PHONY: iam
iam: venv ## Write each function's IAM Policies in template.yaml from its Metadata.FunctionAccess row
	$(BIN)/python scripts/generate_iam_policies.py

SECURITY_VENV := .venv-security
SECURITY_STAMP := $(SECURITY_VENV)/.installed-$(shell sha1sum requirements-security.txt | cut -c1-12)
BANDIT_PATHS := layers/common/contabo_reseller functions cli local scripts

$(SECURITY_STAMP): requirements-security.txt
	@test -n "$(PYTHON)" || { echo "python3.12 not found: install Python 3.12 (pyenv install 3.12)"; exit 1; }
	test -x $(SECURITY_VENV)/bin/python || $(PYTHON) -m venv $(SECURITY_VENV)
	$(SECURITY_VENV)/bin/python -m pip install --quiet -r requirements-security.txt
	rm -f $(SECURITY_VENV)/.installed-*; touch $@

.PHONY: security
security: $(SECURITY_STAMP) ## checkov (template) and bandit (Python) with the reviewed skips; fails on any new finding
	$(SECURITY_VENV)/bin/checkov --file template.yaml --framework cloudformation --compact --quiet --skip-download
	$(SECURITY_VENV)/bin/bandit -c pyproject.toml -r $(BANDIT_PATHS) --quiet \
		--baseline scripts/security/bandit-baseline.json

.PHONY: security-baseline
security-baseline: $(SECURITY_STAMP) ## Rewrite bandit's reviewed findings (review each new one first: docs/reliability.md)
	-$(SECURITY_VENV)/bin/bandit -c pyproject.toml -r $(BANDIT_PATHS) --quiet --format json \
		--output scripts/security/bandit-baseline.json

.PHONY: bench
bench: venv build ## Build, then run every bench/*.py and print its figures (see docs/performance.md)
	@set -e; for bench in bench/*.py; do \
		case "$$(basename $$bench)" in _*) continue;; esac; \
		echo "== $$bench"; PYTHONPATH=layers/common:. $(BIN)/python $$bench; \
	done

.PHONY: chaos
chaos: venv ## Reliability and security suite on the local stack, minutes (see docs/reliability.md)
	$(BIN)/python -m pytest tests/chaos -q -s

.PHONY: lint
lint: venv ## ruff and mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

.PHONY: validate
validate: venv ## sam validate --lint and cfn-lint
	$(BIN)/sam validate --lint --template template.yaml
	$(BIN)/cfn-lint template.yaml

.PHONY: build
build: venv ## sam build, keep only the botocore models the functions use, hash the TLS roots, compile to hash-checked .pyc
	PATH="$(dir $(PYTHON)):$$PATH" $(BIN)/sam build --template template.yaml
	$(PYTHON) scripts/slim_layer.py .aws-sam/build/CommonLayer/python
	$(PYTHON) -m compileall -q --invalidation-mode unchecked-hash .aws-sam/build

.PHONY: deploy
deploy: venv ## Check AWS credentials, build, deploy with samconfig.toml (ARGS="--parameter-overrides AlarmEmail=ops@example.com")
	@$(BIN)/python scripts/check_aws_credentials.py
	$(MAKE) build
	$(BIN)/sam deploy $(ARGS)

.PHONY: clean
clean: ## Remove build output and local state
	rm -rf .aws-sam .local
