# One command each: `make example` (set up, analyse the bundled article), `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3

.PHONY: setup example test bench clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test,notebook,languages,multilingual]"
	touch $@

setup: $(VENV)/.installed

example: setup
	$(VENV)/bin/unspun analyze examples/trend-2023-09-20-karabakh.txt --format pretty

test: setup
	$(PY) -m pytest -q -rs

bench: setup
	$(PY) -m pip install -q -e ".[bench]"
	$(PY) bench/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info
