# The two commands: `make demo` and `make test`.  Both set up .venv first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test docs schema clean bench fuzz

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	@echo "installing gov-check and its test dependencies into $(VENV) (log: $(VENV)/install.log)"
	@{ $(BIN)/python -m pip install --upgrade pip && $(BIN)/python -m pip install -e '.[test]'; } \
		> $(VENV)/install.log 2>&1 || { tail -n 40 $(VENV)/install.log; exit 1; }
	touch $(STAMP)

demo: $(STAMP)
	@echo '$$ gov-check examples/yangquan-2023.json'
	@$(BIN)/gov-check examples/yangquan-2023.json; status=$$?; [ $$status -le 1 ] || exit $$status
	@echo '$$ gov-check examples/yangquan-2023.txt'
	@$(BIN)/gov-check examples/yangquan-2023.txt; status=$$?; [ $$status -le 1 ] || exit $$status

test: $(STAMP)
	$(BIN)/python -m pytest

# The fuzzer (tests/fuzz, docs/robustness.md): as long as asked, one line of figures at the end.
FUZZ_SECONDS ?= 60
FUZZ_SEED ?= 1
fuzz: $(STAMP)
	$(BIN)/python -m tests.fuzz --seconds $(FUZZ_SECONDS) --seed $(FUZZ_SEED) $(FUZZ_ARGS)

docs: $(STAMP)
	$(BIN)/python tools/build_schema.py
	$(BIN)/python tools/build_docs.py

clean:
	rm -rf $(VENV) build *.egg-info

# gov-check side by side with check-jsonschema (and python-docx) on generated reports: benchmarks/README.md
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)
