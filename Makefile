# The two commands of the README:
#   make demo   install into .venv (first run only) and analyse a sample contract
#   make test   install into .venv (first run only) and run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO ?= sample_contracts/hospitalist_employed.pdf

.PHONY: demo test install schema clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/contract-risk analyze $(DEMO)

test: $(STAMP)
	$(BIN)/python -m pytest

schema: $(STAMP)
	$(BIN)/contract-risk schema --out docs/report.schema.json

clean:
	rm -rf $(VENV) .pytest_cache
