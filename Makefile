# Two commands on a fresh Linux machine with Python 3.11+:
#   make run    set up, load the Jember data and demo users, serve http://127.0.0.1:8000
#               with the task worker that prints PDFs beside it (Ctrl-C stops both)
#   make serve  the production-like server: gunicorn + task worker, DEBUG off, on PostgreSQL
#   make test   set up, run the whole suite on SQLite and, when available, on PostgreSQL
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.terpasang
SQLITE_URL := sqlite:///$(CURDIR)/db.sqlite3
PG_URL_BAWAAN := postgres://postgres@127.0.0.1:5432/sakip
# The suite runs on every core (pytest-xdist), each test file whole on one worker so its
# module-scoped prints are made once; one worker more than the cores fills the moments a worker
# waits on its browser or live server. UJI_PEKERJA=0 runs it in this process.
UJI_PEKERJA ?= $(shell python3 -c "import os; print((os.cpu_count() or 1) + 1)")
PYTEST := $(BIN)/python -m pytest -n $(UJI_PEKERJA) --dist loadfile

.PHONY: install run serve test test-sqlite test-postgres lint demo demo-sintetis

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# The demo runs with DEBUG on (off by default: sakip/settings.py); buat_pengguna_demo needs it.
demo: install
	DATABASE_URL=$${DATABASE_URL:-$(SQLITE_URL)} $(BIN)/python manage.py migrate --noinput
	DATABASE_URL=$${DATABASE_URL:-$(SQLITE_URL)} $(BIN)/python manage.py muat_data_jember
	DEBUG=$${DEBUG:-1} DATABASE_URL=$${DATABASE_URL:-$(SQLITE_URL)} $(BIN)/python manage.py buat_pengguna_demo

# Optional, after `make demo` (or `make run`): clearly-labelled SINTETIS data for the other
# kecamatan, so the kabupaten dashboard has something to compare; the real fixtures stay as
# they are. Remove it again with `manage.py isi_data_sintetis --hapus`.
demo-sintetis: demo
	DATABASE_URL=$${DATABASE_URL:-$(SQLITE_URL)} $(BIN)/python manage.py isi_data_sintetis

# `layani` runs runserver and django-tasks-db's db_worker together (TASKS_BACKEND=db for
# both), so approving an LKIP or asking for a PDF never waits for the render.
run: demo
	DEBUG=$${DEBUG:-1} DATABASE_URL=$${DATABASE_URL:-$(SQLITE_URL)} $(BIN)/python manage.py layani 127.0.0.1:8000

# The production-like pair (README "Deploying"): gunicorn and the task worker through
# `layani --produksi`, DEBUG off, collected and compressed static files, on DATABASE_URL
# (default: the local PostgreSQL; `siapkan_basis_data` creates that database when it is
# missing, then migrates). Without SECRET_KEY in the environment a random one is
# kept in .kunci-rahasia (readable by this user only). The cookies are not marked Secure here
# because this serves plain HTTP; a deployment behind HTTPS leaves them on. Ctrl-C stops both.
SERVE_URL = $${DATABASE_URL:-$(PG_URL_BAWAAN)}
ALAMAT ?= 127.0.0.1:8000
PRODUKSI = DATABASE_URL=$(SERVE_URL) DEBUG=0 STATIC_MANIFEST=1 \
	SECRET_KEY="$${SECRET_KEY:-$$(cat .kunci-rahasia)}" \
	SESSION_COOKIE_SECURE=$${SESSION_COOKIE_SECURE:-0} CSRF_COOKIE_SECURE=$${CSRF_COOKIE_SECURE:-0}

serve: install
	@if [ -z "$${SECRET_KEY:-}" ] && [ ! -s .kunci-rahasia ]; then \
	  (umask 077; $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > .kunci-rahasia); fi
	$(PRODUKSI) $(BIN)/python manage.py siapkan_basis_data
	$(PRODUKSI) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(PRODUKSI) $(BIN)/python manage.py layani --produksi $(ALAMAT)

# Both halves share one layout cache of the printed documents' parts, made for this run and
# removed after it (tests/conftest.py; each half run alone makes and removes its own): a part
# with exactly the same input is laid out once per run.
test: install
	@dir=$$(mktemp -d "$${TMPDIR:-/tmp}/sakip-tembolok-uji-XXXXXX"); \
	SAKIP_TEMBOLOK_UJI="$$dir" $(MAKE) --no-print-directory test-sqlite test-postgres; status=$$?; \
	rm -rf "$$dir"; exit $$status

test-sqlite: install
	DATABASE_URL=$(SQLITE_URL) $(PYTEST)

# PostgreSQL: the DATABASE_URL given, else a local server on 127.0.0.1:5432 if one answers.
# Under CI=true a missing PostgreSQL is a failure, not a skip.
test-postgres: install
	@url="$${DATABASE_URL:-$(PG_URL_BAWAAN)}"; \
	if DATABASE_URL="$$url" $(BIN)/python -c "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'sakip.settings'); django.setup(); from django.db import connection; connection.ensure_connection()" 2>/dev/null \
	  || DATABASE_URL="$$url" $(BIN)/python -c "import psycopg2, os, dj_database_url as d; c = d.parse(os.environ['DATABASE_URL']); psycopg2.connect(dbname='postgres', user=c['USER'], host=c['HOST'], port=c['PORT'], password=c['PASSWORD'] or None).close()" 2>/dev/null; then \
	  echo "== PostgreSQL: $$url"; DATABASE_URL="$$url" $(PYTEST); \
	elif [ "$${CI:-}" = "true" ]; then \
	  echo "PostgreSQL tidak dapat dihubungi di $$url, padahal CI=true mewajibkannya." >&2; exit 1; \
	else \
	  echo "== PostgreSQL tidak tersedia di $$url: rangkaian uji PostgreSQL dilewati."; \
	fi

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
