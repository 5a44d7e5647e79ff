"""Settings of SAKIP Kecamatan, read from the environment.

With no environment at all the application runs on a SQLite file next to manage.py
("check out, make run, it works"). DEBUG is off unless the environment sets DEBUG=1
(`make run` and `make demo` do, for the demo). Production sets DATABASE_URL (PostgreSQL),
SECRET_KEY and ALLOWED_HOSTS.
"""

import json
import os
import secrets
import time
from decimal import Decimal
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ya"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def kunci_lokal(berkas: Path) -> str:
    """A checkout's own secret key, made once at random and kept in ``berkas`` (readable by
    its owner only): with no SECRET_KEY in the environment nothing runs on a key everyone
    knows, and every process of this checkout (server, worker, tests) signs alike."""
    try:
        fd = os.open(berkas, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _ in range(20):  # another process may have made it a moment ago, still writing
            kunci = berkas.read_text().strip()
            if len(kunci) >= 50:
                return kunci
            time.sleep(0.05)
        if len(kunci) < 50:
            raise RuntimeError(
                f"Berkas kunci rahasia {berkas} rusak atau kosong: hapus berkas itu atau isi "
                "SECRET_KEY di lingkungan."
            ) from None
        return kunci
    except OSError as e:
        raise RuntimeError(
            f"SECRET_KEY tidak diisi dan berkas kunci {berkas} tidak dapat dibuat ({e}): "
            "isi SECRET_KEY di lingkungan."
        ) from e
    kunci = secrets.token_urlsafe(50)
    with os.fdopen(fd, "w") as keluar:
        keluar.write(kunci + "\n")
    return kunci


# Off unless the environment turns it on: DEBUG shows technical error pages to anyone.
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "") or kunci_lokal(
    Path(os.environ.get("SECRET_KEY_FILE", BASE_DIR / ".kunci-rahasia"))
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    # Import and export with preview in the admin's one-row-one-record lists (kecamatan.admin).
    "import_export",
    "sakip",
    "kecamatan",
    "iku",
    "perjanjian",
    "laporan",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Serves the collected static files (CSS, JS) under any server, DEBUG on or off.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A POST larger than any allowed upload is refused before its body is read.
    "sakip.unggah.batas_permintaan",
    "django.contrib.messages.middleware.MessageMiddleware",
    # An htmx request of an ended session gets a message, not the login page (sakip.htmx).
    "sakip.htmx.sesi_berakhir",
    # A user with a temporary password reaches only the change-password page (sakip.akun).
    "sakip.akun.WajibGantiSandi",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Who made a change, for every history record (simple-history).
    "simple_history.middleware.HistoryRequestMiddleware",
    # Counts failed logins and locks the username + address out; must come last.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend loading the kabupaten and kecamatan with the user (the header shows them).
    "kecamatan.backend.PenggunaBackend",
]
# Five wrong passwords for one username from one address lock that pair for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_JAM", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "akun/terkunci.html"
AXES_VERBOSE = False

ROOT_URLCONF = "sakip.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kecamatan.konteks.izin_pengguna",
            ],
        },
    },
]

WSGI_APPLICATION = "sakip.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        # An empty DATABASE_URL counts as unset.
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        # A connection kept between requests (CONN_MAX_AGE, gunicorn.conf.py) is checked before
        # a request reuses it, so a database restarted meanwhile costs no request a 500.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite, the demo database, under concurrent saves: WAL lets pages read beside a write;
    # IMMEDIATE takes the write lock when a transaction begins, so two transactions never
    # both read and then fail to upgrade to writing ("database is locked", which no wait
    # retries); the timeout (seconds) makes a writer wait its turn instead of failing.
    # bench/serentak.py measures it (README "SQLite under concurrent saves").
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL",
        }
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that accepts connections but never answers must not hold a request for
    # minutes: connecting gives up after DB_CONNECT_TIMEOUT seconds, a statement after
    # DB_STATEMENT_TIMEOUT seconds (0: no limit, e.g. for a one-off maintenance command), and
    # TCP keepalives notice a server that went away mid-request.
    _batas_pernyataan = int(os.environ.get("DB_STATEMENT_TIMEOUT", "30"))
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": int(os.environ.get("DB_CONNECT_TIMEOUT", "5")),
            "options": f"-c statement_timeout={_batas_pernyataan * 1000}",
            "keepalives": 1,
            "keepalives_idle": 30,
            "keepalives_interval": 10,
            "keepalives_count": 3,
        }
    )

AUTH_USER_MODEL = "kecamatan.Pengguna"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
# Indonesian number and date formats: 1.234,56 and "10 Februari 2025". Figures on pages and
# documents go through the template filters of sakip/templatetags/sakip.py (half-up rounding,
# grouping); Django's automatic grouping stays off so a year prints "2025", not "2.025".
FORMAT_MODULE_PATH = ["sakip.formats"]
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# STATIC_MANIFEST=1 (`make serve`, a deployment): hashed, compressed copies from
# `collectstatic`, cached by browsers for a year; it needs `collectstatic` before the server
# starts. Off (development, tests): the files are served as they are in static/.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", False)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Without `collectstatic` (development, tests) WhiteNoise finds the files where they are.
WHITENOISE_USE_FINDERS = not env_bool("STATIC_MANIFEST", False)
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# MEDIA_ROOT is never served under a URL; a view that checked access sends the file itself, or
# lets the web server send it (sakip.berkas.respons_tersimpan): "x-sendfile" (Apache, lighttpd)
# or "x-accel-redirect" (nginx, internal location BERKAS_KIRIM_AWALAN aliased to MEDIA_ROOT).
BERKAS_KIRIM = os.environ.get("BERKAS_KIRIM", "").strip().lower()
if BERKAS_KIRIM not in ("", "x-sendfile", "x-accel-redirect"):
    raise RuntimeError("BERKAS_KIRIM hanya boleh kosong, 'x-sendfile' atau 'x-accel-redirect'.")
BERKAS_KIRIM_AWALAN = os.environ.get("BERKAS_KIRIM_AWALAN", "/berkas-internal/")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# HTTPS (README "Deploying"): with DEBUG off the cookies are sent over HTTPS only unless the
# environment says otherwise (`make serve` on a loopback address without TLS). Redirecting
# plain HTTP and HSTS are the deployment's to turn on (often the proxy redirects already; a
# browser remembers HSTS for its whole duration).
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Behind a reverse proxy that ends TLS: the header it sets, e.g. HTTP_X_FORWARDED_PROTO,
# whose value "https" marks a secure request (the proxy must overwrite it from clients).
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (os.environ["SECURE_PROXY_SSL_HEADER"], "https")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

# Background jobs (rendering a long PDF) through django-tasks, the backport of Django's task
# framework. TASKS_BACKEND=db stores them in the database for `python manage.py db_worker` to
# run; `make run` (`manage.py layani`) sets it and starts that worker beside the server.
# Without it (tests, a setup with no worker) they run inline, in the request.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if os.environ.get("TASKS_BACKEND") == "db"
            else "django_tasks.backends.immediate.ImmediateBackend"
        ),
    }
}
# A document render not finished this many seconds after it started (or, when nothing took
# it, after it was asked) is treated as dead: marked failed with the reason, printed again on
# request (laporan.dokumen.layanan.alasan_macet). A worker's render also writes a sign of life
# every DOKUMEN_DETAK_DETIK seconds and counts as dead after six missed beats.
DOKUMEN_BATAS_CETAK = int(os.environ.get("DOKUMEN_BATAS_CETAK", "600"))
DOKUMEN_DETAK_DETIK = int(os.environ.get("DOKUMEN_DETAK_DETIK", "10"))
# The layout cache of the parts of a printed document (laporan.dokumen.tembolok): a part whose
# input is unchanged (an approved PK or decree bound in the LKIP) is not laid out again. A
# folder every process that prints can write (the worker's and the server's), kept between
# prints and restarts, bounded to DOKUMEN_TEMBOLOK_BATAS_MB (the least recently used entries
# go first); DOKUMEN_TEMBOLOK="" switches it off. Safe to empty at any time.
DOKUMEN_TEMBOLOK = os.environ.get("DOKUMEN_TEMBOLOK", str(MEDIA_ROOT / "tembolok-tata-letak"))
DOKUMEN_TEMBOLOK_BATAS_MB = int(os.environ.get("DOKUMEN_TEMBOLOK_BATAS_MB", "200"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # WeasyPrint lowers fontTools' level to DEBUG while it subsets fonts and collects the
    # records itself; without propagate=False each table fontTools touches reaches stderr.
    "filters": {"tolak_satu_baris": {"()": "sakip.log.TolakSatuBaris"}},
    "loggers": {
        "fontTools": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # A 403 is one warning line, without the traceback Django attaches.
        "django.request": {"filters": ["tolak_satu_baris"]},
    },
}

# A capaian above this (in percent) is accepted but flagged as implausible where it is typed
# and on the beranda (perjanjian.selectors.peringatan): 150 % usually means a slip in the
# value or its unit, not an achievement.
SAKIP_BATAS_CAPAIAN_WAJAR = Decimal(os.environ.get("SAKIP_BATAS_CAPAIAN_WAJAR", "150"))

# Uploads (the Excel imports and the survey file): size, rows, columns, filled cells, problems
# reported and reading time; sakip.unggah.BatasUnggah holds the defaults and every reader,
# form and message reads them from there. E.g. {"baris_survei": 40000}.
SAKIP_BATAS_UNGGAH = json.loads(os.environ.get("SAKIP_BATAS_UNGGAH", "{}"))
# Up to this an uploaded file is kept in memory, above it in a temporary file (Django's default
# 2.5 MB): an allowed upload (5 MB) is read once, from memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024
