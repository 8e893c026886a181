"""Gunicorn settings: `gunicorn -c gunicorn.conf.py wsgi:app`.

Every value can be overridden from the environment, so one file serves the demo (`make run`),
the benchmarks and production behind a reverse proxy.
"""

import multiprocessing
import os
import shutil
import tempfile
from pathlib import Path

from gunicorn.glogging import Logger
from pythonjsonlogger.orjson import OrjsonFormatter

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:5000")

# One process per core; threads cover the time a request waits on the database or WeChat.
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count())
# GUNICORN_WORKER_CLASS=sync: the benchmarks' production profile (threads are then unused).
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
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

# The app writes one access line per request itself (app/observability/request_log.py), with
# its request id and in the app's log format; gunicorn's own access log only on demand.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None  # "-" is stdout
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'


class JsonLogger(Logger):
    """Gunicorn's own lines as JSON too, with the fields of app/observability/logs.py."""

    def setup(self, cfg):
        super().setup(cfg)
        fields = "%(levelname)s %(name)s %(process)d %(message)s"
        renames = {"levelname": "level", "name": "logger"}
        for handler in [*self.error_log.handlers, *self.access_log.handlers]:
            handler.setFormatter(OrjsonFormatter(fields, rename_fields=renames, timestamp=True))


# Same default as config.py: JSON in production. (This file must not import the app: the
# master would keep its modules, and a reload would not pick up new code.)
_default_format = "json" if os.environ.get("APP_ENV") == "production" else "text"
if os.environ.get("LOG_FORMAT", _default_format) == "json":
    logger_class = JsonLogger

# Prometheus (app/observability/metrics.py): the workers write their counts to files in one
# directory, and a scrape of any worker sums them all.
_OWN_METRICS_DIR = os.path.join(tempfile.gettempdir(), "gunicorn-metrics-")


def on_starting(server):
    """Before any worker imports prometheus_client. Counts left by an earlier run in the
    same directory would be added to this one's. (A reload keeps the directory.)"""
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="gunicorn-metrics-")
    directory = Path(os.environ["PROMETHEUS_MULTIPROC_DIR"])
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob("*.db"):
        stale.unlink()


def child_exit(server, worker):
    """A dead worker's counters still count; its live gauges go."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    if os.environ["PROMETHEUS_MULTIPROC_DIR"].startswith(_OWN_METRICS_DIR):
        shutil.rmtree(os.environ["PROMETHEUS_MULTIPROC_DIR"], ignore_errors=True)


# Gunicorn's control socket lives at one path per user (~/.gunicorn/), so two servers of the
# same user (the demo and the benchmark, say) would take it from each other; unused here.
control_socket_disable = True


def post_worker_init(worker):
    """The app's own objects (modules, models, routes, compiled SQL) live as long as the
    worker: frozen out of the garbage collector, a full collection no longer walks them
    (about 45 ms each time at 160,000 objects, which showed as the lists' p99)."""
    import gc

    gc.freeze()
