"""Gunicorn settings: `gunicorn -c gunicorn.conf.py wsgi:app`.

Every value can be overridden from the environment, so one file serves the demo (`make run`),
the benchmarks and production behind a reverse proxy.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:5000")

# One process per core; threads cover the time a request waits on the database or WeChat.
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count())
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))

# WeChat calls give up after 5 s, so a request still running after 30 s is stuck.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))

# Each worker imports the app itself: no database connection or Redis client is shared
# across a fork, and a reload picks up new code.
preload_app = False

# Request lines up to gunicorn's maximum reach the app, which refuses those over MAX_URL_LENGTH
# with the API's own 414 envelope; only a line beyond this gets gunicorn's plain-text answer.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

# Addresses of the reverse proxies whose X-Forwarded-* headers are trusted.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")  # "-" is stdout
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'

# Gunicorn's control socket lives at one path per user (~/.gunicorn/), so two servers of the
# same user (the demo and the benchmark, say) would take it from each other; unused here.
control_socket_disable = True


def post_worker_init(worker):
    """The app's own objects (modules, models, routes, compiled SQL) live as long as the
    worker: frozen out of the garbage collector, a full collection no longer walks them
    (about 45 ms each time at 160,000 objects, which showed as the lists' p99)."""
    import gc

    gc.freeze()
