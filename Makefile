# The whole set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install index check bench audit bench-load bench-faults reliability clean

$(BIN)/gehecht $(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(VENV)/.installed

install: $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/gehecht check
	$(BIN)/gehecht index
	$(BIN)/gehecht serve --host $(HOST) --port $(PORT)

test: $(VENV)/.installed
	bash scripts/test-deps.sh
	$(BIN)/python -m pytest
	$(BIN)/python scripts/audit_dependencies.py

# Known vulnerabilities in the installed packages fail; an audit that could not run only warns.
audit: $(VENV)/.installed
	$(BIN)/python scripts/audit_dependencies.py

check: $(VENV)/.installed
	$(BIN)/gehecht check --readability

index: $(VENV)/.installed
	$(BIN)/gehecht index

bench: $(VENV)/.installed
	$(BIN)/python -m bench.search
	$(BIN)/python -m bench.guide

# Reliability figures (a few minutes each); they rewrite docs/RELIABILITY.md.
bench-load: $(VENV)/.installed
	bash scripts/test-deps.sh
	$(BIN)/python -m bench.load

bench-faults: $(VENV)/.installed
	bash scripts/test-deps.sh
	$(BIN)/python -m bench.faults

reliability: $(VENV)/.installed
	bash scripts/test-deps.sh
	$(BIN)/python -m bench.reliability

clean:
	rm -rf $(VENV) data .pytest_cache
