"""Gunicorn's settings for SAKIP Kecamatan; gunicorn reads this file from the directory it
starts in (`make serve`, `manage.py layani --produksi`, or `gunicorn sakip.wsgi` by hand).

Each value can be changed from the environment without editing it (README "Deploying")."""

import os

wsgi_app = "sakip.wsgi"
# Processes × threads: one process per core (at least 2, at most 8), 4 threads each. A page
# is mostly Python (the ORM, templates), which one process runs on one core at a time; its
# threads overlap the waits on the database, and more of them only share the one core (and
# its interpreter lock) among more requests under way. Measured on the 2-core machine with
# 20 users and no think time (bench/beban.py's round, 2026-12-07, no other session running,
# alternating): 2 × 4 gave the save's p95 903 / 952 / 891 ms, 2 × 8 1,004 / 1,010 ms (and
# 901–1,170 ms in four other runs), 2 × 12 1,106 ms, 3 × 6 1,063 ms, at the same 44–49
# requests/s; earlier runs on a machine shared with other sessions had put 2 × 8 before
# 3 × 4 and 2 × 4 (README "Load").
workers = int(os.environ.get("WEB_CONCURRENCY", str(min(max(os.cpu_count() or 1, 2), 8))))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Each thread keeps its database connection between requests (CONN_MAX_AGE seconds, checked
# before reuse): opening a PostgreSQL connection for every request cost the database about
# 4–6 ms of CPU per request (its new backend process, authentication, cold catalog caches),
# some 10 % of a page (bench/permintaan.py --baru). Set here, not in settings.py, because
# only gunicorn's threads live long: the development server starts a thread per request. The
# connections are 2 × 4 on 2 cores (plus the task worker's one), far below PostgreSQL's 100.
os.environ.setdefault("CONN_MAX_AGE", "60")

# A request still running after this is ended and the process replaced: long documents are
# printed by the task worker, never in a request.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# After Ctrl-C / SIGTERM the requests under way get this long to finish.
graceful_timeout = 8
# A worker process is replaced now and then, so no slow leak grows without bound. Not too
# often: a new worker imports the whole application and warms its caches again (a second or
# more of one core), and at 2,000 requests a busy 2-core server replaced one every 20-45 s
# (bench/beban.py, 2026-12-07: the dashboard's worst answer 1.4 s, right after a replacement).
max_requests = 20000
max_requests_jitter = 2000
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Gunicorn 27's control socket lives at one path per user: a second server on the machine (CI
# beside `make serve`) would take it over. Nothing here uses it; older versions ignore this.
control_socket_disable = True
