# The two commands of the README:
#   make demo   install into .venv (first run only) and start the service (web page + API) on SQLite
#   make test   install into .venv (first run only), make sure chromium is there, run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO ?= sample_contracts/hospitalist_employed.pdf

HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo analyze test install browser bench schema clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/contract-risk serve --host $(HOST) --port $(PORT)

analyze: $(STAMP)
	$(BIN)/contract-risk analyze $(DEMO)

# Debian's chromium for the browser tests (idempotent). Without it a laptop skips those tests; CI fails.
browser:
	scripts/ensure-chromium || [ "$$CI" != "true" ]

test: $(STAMP) browser
	$(BIN)/python -m pytest

# Speed: ratios to bare pypdfium2, pages/s, peak memory; batch throughput with 1 and N workers.
bench: $(STAMP)
	$(BIN)/python benchmarks/speed.py
	$(BIN)/python benchmarks/batch.py

schema: $(STAMP)
	$(BIN)/contract-risk schema --out docs/report.schema.json

clean:
	rm -rf $(VENV) .pytest_cache
