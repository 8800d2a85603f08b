# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PATH := $(CURDIR)/$(BIN):$(PATH)

.PHONY: install run test bench lint format messages clean

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	scripts/system_deps.sh
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	$(BIN)/ecocsme compile-translations
	-$(BIN)/ecocsme build-embedding-engine
	touch $@

run: install
	PORT=$(PORT) scripts/run.sh

test: install
	scripts/test.sh

bench: install
	$(BIN)/python -m bench

lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache --no-logo
	$(BIN)/python scripts/lint_views.py
	$(BIN)/ruff format --check --diff . || true

format: install
	$(BIN)/ruff check --fix .

# Refresh the .po files from the code and templates (needs GNU gettext), then compile them.
messages: install
	$(BIN)/ecocsme makemessages --all --no-location --no-obsolete --ignore=.venv --ignore=var \
		--ignore=build --ignore=bench
	$(BIN)/python scripts/po_tidy.py
	$(BIN)/ecocsme compile-translations

clean:
	rm -rf $(VENV) var/static build *.egg-info
