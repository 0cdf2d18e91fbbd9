# Two commands do everything on a fresh machine:
#   make serve   build the site and serve it on http://127.0.0.1:8000
#   make test    check the data and run every test, browser tests included
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: serve build test check bench clean

$(BIN)/kwaliteitskaders: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

serve: $(BIN)/kwaliteitskaders
	$(BIN)/kwaliteitskaders generate
	$(BIN)/mkdocs serve

build: $(BIN)/kwaliteitskaders
	$(BIN)/kwaliteitskaders generate
	$(BIN)/mkdocs build --strict

check: $(BIN)/kwaliteitskaders
	$(BIN)/kwaliteitskaders check

test: $(BIN)/kwaliteitskaders
	scripts/ensure-chromium.sh
	$(BIN)/kwaliteitskaders check
	$(BIN)/python -m pytest

bench: $(BIN)/kwaliteitskaders
	$(BIN)/python benchmarks/build_time.py

clean:
	rm -rf build $(VENV)
