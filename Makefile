# Both targets build their own virtual environment from a plain Python 3.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint docs fuzz bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-core: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed-core

# `claimcheck check` exits 1 when it finds conflicts (the example story has some): that is
# the demo working, not failing.
demo: $(VENV)/.installed-core
	$(BIN)/claimcheck check examples/story || [ $$? -eq 1 ]

# The suite, after lint and types (ruff, mypy --strict on claimcheck/): a red lint is a red build.
test: lint
	$(BIN)/python -m pytest -q

lint: $(VENV)/.installed-test
	$(BIN)/ruff check claimcheck
	$(BIN)/mypy

# docs/claims.md lists the claim stage's rules from the code (tests/test_rules.py checks it).
docs: $(VENV)/.installed-core
	$(BIN)/python -c "from claimcheck.rules import update_page; update_page('docs/claims.md')"

# Every hypothesis property with at least 10,000 examples (CLAIMCHECK_FUZZ_EXAMPLES=N for
# more or fewer; see tests/conftest.py). Minutes, not seconds: on demand, not in `make test`.
FUZZ_EXAMPLES ?= 10000
fuzz: $(VENV)/.installed-test
	CLAIMCHECK_HYPOTHESIS_PROFILE=fuzz CLAIMCHECK_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) \
		$(BIN)/python -m pytest -q -m hypothesis --hypothesis-show-statistics tests

# check_scale.py runs 10k, 100k and 1M claims (about two minutes and 6 GB at 1M);
# parallel.py checks the shared corpus x10 on 1 and 2 workers (process pool and Dask).
bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/peers.py
	$(BIN)/python benchmarks/adversarial.py
	$(BIN)/python benchmarks/adversarial_claims.py
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/check_scale.py
	$(BIN)/python benchmarks/parallel.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
