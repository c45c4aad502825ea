# The two commands of the quick start: `make serve` and `make test`. Each sets up what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock

.PHONY: install install-latest lock test lint schema validate site serve pdf bench clean system-deps

install: $(STAMP)

# Exactly the lock, hashes checked: every machine runs the versions the tests were written against.
# pyproject.toml keeps ranges for those who install the package as a library; `make lock` remakes the lock.
$(STAMP): $(LOCK) pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

# The newest versions pyproject.toml allows instead of the lock (the weekly workflow latest.yml):
# an upgrade that breaks a test shows there before `make lock` takes it in.
install-latest:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --upgrade --upgrade-strategy eager -e '.[test]'
	touch $(STAMP)

lock:
	@test -x $(BIN)/pip-compile || ($(PYTHON) -m venv $(VENV) && $(BIN)/pip install --quiet pip-tools)
	$(BIN)/python scripts/lock.py

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

# Lighthouse comes from npm, pinned in benchmarks/package-lock.json; without npm the benchmark says
# that Lighthouse was not measured.
bench: install system-deps
	@if [ ! -d benchmarks/node_modules ]; then \
		if command -v npm >/dev/null 2>&1; then \
			npm ci --prefix benchmarks --no-audit --no-fund || echo "npm ci failed: Lighthouse will not be measured"; \
		else echo "npm is missing: Lighthouse will not be measured"; fi; \
	fi
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf site build .pytest_cache
