# newsgraph: `make demo` runs the main job on the bundled examples, `make test` runs every test.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= newsgraph.db
PIP    := $(BIN)/python -m pip install --disable-pip-version-check -q -c constraints.txt

.PHONY: demo test install install-dev browser postgres clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(PIP) -e .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PIP) -e '.[dev]'
	@touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

demo: install
	$(BIN)/newsgraph --db $(DB) ingest examples/
	@echo
	$(BIN)/newsgraph --db $(DB) articles
	@echo
	$(BIN)/newsgraph --db $(DB) people --limit 8
	@echo
	$(BIN)/newsgraph --db $(DB) figures --about jobs
	@echo
	$(BIN)/newsgraph --db $(DB) claims --contested --limit 3
	@echo
	$(BIN)/newsgraph --db $(DB) events --limit 8
	@echo
	$(BIN)/newsgraph --db $(DB) show 1
	@echo
	$(BIN)/newsgraph --db $(DB) serve

# Debian's Chromium drives the browser tests (they are skipped, saying so, where it cannot be installed)
browser:
	@test -x /usr/bin/chromium || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && \
	  { apt-get install -y -q chromium >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; }; }; } || \
	  echo "warning: Chromium could not be installed; the browser tests will be skipped"

# Debian's PostgreSQL server for the PostgreSQL store's tests (skipped, saying so, where it cannot be installed)
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || \
	  { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && \
	  { DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null 2>&1 || \
	    { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null; }; }; } || \
	  echo "warning: PostgreSQL could not be installed; the PostgreSQL tests will be skipped"

test: install-dev browser postgres
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
