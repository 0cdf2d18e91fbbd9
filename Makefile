# Two commands do everything on a fresh machine:
#   make serve   build the site and serve it on http://127.0.0.1:8000/kwaliteitskaders/
#   make test    check the data and run every test, browser tests included
PYTHON ?= python3
# mkdocs (default) or zensical; see README, "Building with MkDocs or Zensical".
BUILDER ?= mkdocs
VENV := .venv
BIN := $(VENV)/bin

.PHONY: serve build test check bench clean

$(BIN)/kwaliteitskaders: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

serve: $(BIN)/kwaliteitskaders
	$(BIN)/kwaliteitskaders serve --builder $(BUILDER)

# Generate, then a strict build that re-renders only the changed pages when that gives the
# same site as a clean build (README, "Incremental builds"); `make build CLEAN=1` rebuilds all.
build: $(BIN)/kwaliteitskaders
	$(BIN)/kwaliteitskaders build --builder $(BUILDER) $(if $(CLEAN),--clean)

check: $(BIN)/kwaliteitskaders
	$(BIN)/kwaliteitskaders check

test: $(BIN)/kwaliteitskaders
	scripts/ensure-chromium.sh
	$(BIN)/kwaliteitskaders check
	$(BIN)/python -m pytest -n 2 --dist worksteal

bench: $(BIN)/kwaliteitskaders
	$(BIN)/python benchmarks/build_time.py

clean:
	rm -rf build $(VENV)
