# The two commands of the quick start: `make serve` and `make test`. Each sets up what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install test lint schema validate site serve pdf bench clean system-deps

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

system-deps:
	@scripts/system-deps.sh

test: install system-deps
	$(BIN)/ruff check scripts tests benchmarks
	$(BIN)/ruff format --check scripts tests benchmarks
	$(BIN)/esl-toolbox schema --check
	$(BIN)/esl-toolbox validate
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check scripts tests benchmarks
	$(BIN)/ruff format --check scripts tests benchmarks

schema: install
	$(BIN)/esl-toolbox schema

validate: install
	$(BIN)/esl-toolbox validate

pdf: install system-deps
	$(BIN)/esl-toolbox pdf --all --out-dir site/pdf

site: install system-deps
	$(BIN)/esl-toolbox build

serve: install
	$(BIN)/esl-toolbox serve

bench: install system-deps
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf site build .pytest_cache
