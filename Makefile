# Every set-up step the README names; `make run` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app catalogue
PYTEST := $(BIN)/pytest
PG_SERVER_URL ?= postgresql://postgres@127.0.0.1:5432/postgres
STAMP := $(VENV)/.installed
PYBABEL := $(BIN)/pybabel
TRANSLATIONS := catalogue/translations
# The interface languages with a catalogue (catalogue/i18n.py says which are offered to readers).
LANGUAGES := en de fr es it pl
CATALOGUES := $(foreach lang,$(LANGUAGES),$(TRANSLATIONS)/$(lang)/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGUES:.po=.mo)

.PHONY: translations compile-translations run serve test test-postgres test-browser lint format evaluate benchmark load load-postgres clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,browser,semantic]'
	$(PYBABEL) compile --statistics -d $(TRANSLATIONS)
	touch $(STAMP)

## translations: extract every marked string into messages.pot and merge it into each language's .po
translations: $(STAMP)
	$(PYBABEL) -q extract -F catalogue/babel.cfg -k lazy_gettext -k _l -k Nn_:1,2 -c Translators: --add-location=file --sort-by-file \
	  --project='Hubs for Cities' --copyright-holder='the Hubs for Cities authors' -o $(TRANSLATIONS)/messages.pot .
	$(PYBABEL) -q update -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) --ignore-obsolete \
	  --no-fuzzy-matching
	$(MAKE) compile-translations

## compile-translations: the .mo files the app reads (build output, not committed)
compile-translations: $(COMPILED)

$(TRANSLATIONS)/%/LC_MESSAGES/messages.mo: $(TRANSLATIONS)/%/LC_MESSAGES/messages.po | $(STAMP)
	$(PYBABEL) compile --statistics -d $(TRANSLATIONS) -l $*

## run: migrate and seed the SQLite database in instance/, then serve on http://127.0.0.1:5000
run: $(STAMP) compile-translations
	$(FLASK) db upgrade
	$(FLASK) seed
	$(FLASK) run

## serve: the production server (gunicorn, 2 workers) on 127.0.0.1:8000; needs FLASK_SECRET_KEY.
## It answers to 127.0.0.1 and localhost unless FLASK_PUBLIC_BASE_URL or FLASK_TRUSTED_HOSTS is set.
serve: $(STAMP) compile-translations
	$(FLASK) db upgrade
	if [ -z "$$FLASK_PUBLIC_BASE_URL$$FLASK_TRUSTED_HOSTS" ]; then \
	  export FLASK_TRUSTED_HOSTS='["127.0.0.1", "localhost"]'; fi; \
	$(BIN)/gunicorn -w 2 -b 127.0.0.1:8000 --timeout 120 'catalogue:create_app()'

## test: the whole suite on SQLite on two workers (the browser tests run with test-browser)
test: $(STAMP) compile-translations
	$(PYTEST) -m "not browser" -q -n 2

## test-postgres: the whole suite again on a throwaway database of the local PostgreSQL
test-postgres: $(STAMP) compile-translations
	TEST_DATABASE_URL=$(PG_SERVER_URL) $(PYTEST) -m "not browser" -q -n 2

## test-browser: Playwright + Debian's Chromium + axe-core (WCAG 2.1 AA) on every page
test-browser: $(STAMP) compile-translations
	command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)
	$(PYTEST) -m browser -q tests/browser

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## evaluate: nDCG@10, MRR and recall@10 of the matching engine against plain TF-IDF and BM25, on
## the seed as the app imports it (flask devset evaluate)
evaluate: $(STAMP)
	$(FLASK) devset evaluate

## benchmark: build time, memory and query latency at 1k, 10k and 100k services, beside bm25s
benchmark: $(STAMP)
	$(BIN)/python -m matching.benchmark

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache test-artifacts

## load: gunicorn (2 workers) on a seeded temporary database, loaded from 127.0.0.1 for 20 s
load: $(STAMP)
	$(BIN)/python -m tests.load.http_load --workers 2 --concurrency 8 --seconds 20

## load-postgres: a synthetic catalogue of 10,000 services on a throwaway PostgreSQL database,
## gunicorn (2 workers), wrk with 20 connections on each request kind; prints the table
load-postgres: $(STAMP)
	command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)
	PG_SERVER_URL=$(PG_SERVER_URL) $(BIN)/python -m tests.load.postgres_load
