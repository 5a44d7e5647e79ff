"""Gunicorn's settings for SAKIP Kecamatan; gunicorn reads this file from the directory it
starts in (`make serve`, `manage.py layani --produksi`, or `gunicorn sakip.wsgi` by hand).

Each value can be changed from the environment without editing it (README "Deploying")."""

import os

wsgi_app = "sakip.wsgi"
# Processes × threads: pages mostly wait on the database, so a few threads per process
# serve more users than more processes (each holding the whole application in memory) would
# on a small machine; one process per core plus one, 3 × 4 on a 2-core server.
workers = int(os.environ.get("WEB_CONCURRENCY", str(min((os.cpu_count() or 1) + 1, 8))))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A request still running after this is ended and the process replaced: long documents are
# printed by the task worker, never in a request.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# After Ctrl-C / SIGTERM the requests under way get this long to finish.
graceful_timeout = 8
# A worker process is replaced now and then, so no slow leak grows without bound.
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Gunicorn 27's control socket lives at one path per user: a second server on the machine (CI
# beside `make serve`) would take it over. Nothing here uses it; older versions ignore this.
control_socket_disable = True
