# The whole set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install index check bench clean

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

check: $(VENV)/.installed
	$(BIN)/gehecht check --readability

index: $(VENV)/.installed
	$(BIN)/gehecht index

bench: $(VENV)/.installed
	$(BIN)/python -m bench.search
	$(BIN)/python -m bench.guide

clean:
	rm -rf $(VENV) data .pytest_cache
