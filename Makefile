# The verbs of thidua. A fresh machine needs only python3 (3.11) and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

BENCH_SCALE ?= national

.PHONY: bench bench-peer peer-deps scaleout demo test test-sqlite test-postgres lint format browser-deps doc-deps serve worker clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[dev]"
	touch $@ $(VENV)/.installed

## demo: install, migrate, load the demo data, serve on http://$(HOST):$(PORT)
## (background work such as printing certificates runs on a thread of the server)
demo: $(VENV)/.installed doc-deps
	$(BIN)/thidua migrate --noinput -v0
	$(BIN)/thidua demo
	@echo "thidua chạy tại http://$(HOST):$(PORT)/  (Ctrl+C để dừng)"
	TASK_BACKEND=$${TASK_BACKEND:-thread} SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)} \
	  $(BIN)/thidua runserver $(HOST):$(PORT) --noreload

## test: install dev dependencies and the browser, run the whole suite on SQLite,
## and again on PostgreSQL when DATABASE_URL points at one
test: $(VENV)/.installed-dev browser-deps doc-deps
	env -u DATABASE_URL $(BIN)/pytest -q
	@if [ -n "$${DATABASE_URL:-}" ]; then \
	  echo "== again on $${DATABASE_URL%%@*}@… (PostgreSQL)"; \
	  $(BIN)/pytest -q; \
	fi

## browser-deps: Debian's chromium for the Playwright tests (playwright cannot download one here)
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Cài chromium từ kho Debian cho kiểm thử trình duyệt…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

## doc-deps: LibreOffice (DOCX -> PDF) with Liberation fonts (Times New Roman's metrics) and
## poppler (PDF -> PNG in the tests), from Debian's packages
doc-deps:
	@command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && fc-list 2>/dev/null | grep -q "Liberation Serif" || { \
	  echo "Cài LibreOffice, phông Liberation và poppler từ kho Debian để tạo PDF…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    libreoffice-writer-nogui fonts-liberation poppler-utils >/dev/null; }

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy thidua tests

format: $(VENV)/.installed-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## bench: the national-scale benchmark on the local PostgreSQL (BENCH_DATABASE_URL, by default
## postgres://postgres@127.0.0.1:5432/thidua_bench): generated data, pages through gunicorn,
## functions, throughput and pretalx beside us; prints a Markdown table and writes
## bench/results/latest.json. BENCH_SCALE=smoke|province|national, BENCH_COMPARE=old.json
bench: $(VENV)/.installed doc-deps peer-deps
	$(BIN)/python -m bench.run --scale $(BENCH_SCALE) $${BENCH_COMPARE:+--compare $$BENCH_COMPARE} $${BENCH_ARGS:-}

## bench-peer: pretalx beside thidua alone (installs pretalx into var/bench/pretalx/ once)
bench-peer: $(VENV)/.installed peer-deps
	$(BIN)/python -m bench.peer --sizes $${PEER_SIZES:-1000,10000}

## peer-deps: msgfmt (Debian's gettext) for pretalx's compilemessages in the peer benchmark
peer-deps:
	@command -v msgfmt >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq gettext >/dev/null; }

## scaleout: two app servers (gunicorn) and two workers (db_worker) on the local PostgreSQL and
## Redis; work sent through one server is checked through the other (docs/deployment.md)
scaleout: $(VENV)/.installed doc-deps
	$(BIN)/python -m bench.scaleout $${SCALEOUT_DATABASE_URL:+--database-url $$SCALEOUT_DATABASE_URL}

## serve: production-style server (gunicorn); configure with environment variables
serve: $(VENV)/.installed
	$(BIN)/thidua migrate --noinput
	$(BIN)/thidua collectstatic --noinput -v0
	$(BIN)/gunicorn thidua.wsgi --bind $(HOST):$(PORT) --workers $${WEB_CONCURRENCY:-2}

## worker: runs queued background tasks when TASK_BACKEND=database
worker: $(VENV)/.installed
	$(BIN)/thidua db_worker

clean:
	rm -rf $(VENV) var/static .pytest_cache .mypy_cache .ruff_cache
