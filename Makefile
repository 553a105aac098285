# Every target bootstraps .venv on its own: a fresh clone needs only Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
DEV_STAMP := $(VENV)/.installed-dev-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
QT_OFFSCREEN := QT_QPA_PLATFORM=offscreen

.PHONY: run test lint typecheck contracts pytest bench dist translations migration server-migration release-db clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEV_STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: $(STAMP)
	$(BIN)/fieldbook --demo

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

contracts: $(DEV_STAMP)
	$(BIN)/lint-imports

pytest: $(DEV_STAMP)
	$(BIN)/python tools/check_translations.py
	$(BIN)/pytest $(PYTEST_ARGS)

test: lint typecheck contracts pytest

bench: $(DEV_STAMP)
	$(BIN)/python -m bench

translations: $(DEV_STAMP)
	$(BIN)/python tools/translations.py update

# A NEW revision on top of head (released ones are frozen): make migration NAME=add_x
migration: $(DEV_STAMP)
	@test -n "$(NAME)" || { echo "usage: make migration NAME=add_something"; exit 2; }
	$(BIN)/python tools/make_migration.py device "$(NAME)"

server-migration: $(DEV_STAMP)
	@test -n "$(NAME)" || { echo "usage: make server-migration NAME=add_something"; exit 2; }
	$(BIN)/python tools/make_migration.py server "$(NAME)"

# The databases a release wrote, for the upgrade tests (once per release): VERSION=0.1.0
release-db: $(DEV_STAMP)
	$(BIN)/python tools/build_release_db.py $(VERSION)

dist: $(DEV_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dist]'
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build build_specs/fieldbook.spec
	$(QT_OFFSCREEN) $(BIN)/python build_specs/smoke_test.py dist/fieldbook/fieldbook

clean:
	rm -rf build dist .mypy_cache .ruff_cache
