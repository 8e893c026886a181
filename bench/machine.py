"""The run's Markdown document: where and how it ran, then one table per backend."""

from __future__ import annotations

import multiprocessing
import os
import platform
import runpy
import shlex
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from bench import wrk
from bench.data import ROOT, gunicorn_profile

if TYPE_CHECKING:
    from bench.report import BackendRun
    from bench.run import Settings

KNOBS = (
    "BENCH_BACKENDS", "BENCH_DATABASE_URL", "BENCH_DATABASE_PREFIX", "BENCH_REDIS_URL",
    "BENCH_ENDPOINTS", "BENCH_SECONDS", "BENCH_ROUNDS", "BENCH_CONNECTIONS",
    "BENCH_WARMUP_SECONDS", "BENCH_ALONE_SECONDS", "BENCH_ORDERS", "BENCH_POOL_ORDERS",
    "WEB_CONCURRENCY", "GUNICORN_WORKER_CLASS",
)  # fmt: skip


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _command() -> str:
    knobs = [f"{name}={shlex.quote(os.environ[name])}" for name in KNOBS if name in os.environ]
    return " ".join([*knobs, "make bench"])


def _versions() -> str:
    packages = ", ".join(f"{p} {version(p)}" for p in ("Flask", "SQLAlchemy", "gunicorn"))
    return f"Python {platform.python_version()}, {packages}, {wrk.version()}"


def _server(settings: Settings) -> str:
    conf = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    profile = gunicorn_profile()
    workers, worker_class = profile["WEB_CONCURRENCY"], profile["GUNICORN_WORKER_CLASS"]
    threads = f" x {conf['threads']} threads" if worker_class == "gthread" else ""
    redis = f"Redis at {settings.redis_url} (flushed first)" if settings.redis_url else "no Redis"
    return (
        f"gunicorn.conf.py, {workers} {worker_class} workers{threads}, the app's access lines "
        "and metrics on; "
        f"APP_ENV=production, WECHAT_FAKE=0 (logins to a local fake WeChat server); {redis}"
    )


def document(
    runs: list[BackendRun], settings: Settings, load_before: tuple, tables: list[str]
) -> str:
    load_after = os.getloadavg()
    lines = [
        f"## make bench, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "",
        f"- command: `{_command()}`",
        f"- machine: {multiprocessing.cpu_count()} cores ({cpu_model()}), "
        f"{platform.system()} {platform.release()}; load average (1, 5, 15 min) "
        f"{_load(load_before)} before, {_load(load_after)} after",
        f"- versions: {_versions()}; " + ", ".join(run.server for run in runs),
        f"- server: {_server(settings)}",
        f"- load: wrk, {wrk.THREADS} thread, {settings.connections} connections, "
        f"{settings.seconds} s per run; per round and endpoint the bare app, then the endpoint; "
        f"{settings.rounds} rounds, the median ratio shown; before round 1, "
        f"{settings.warmup_seconds} s warm-up of each and {settings.alone_seconds} s with one "
        "connection ('alone': the service time without queueing)",
        f"- data: demo + {settings.reader_orders} orders of the reading resident; "
        f"{settings.pool_orders:,} published orders in the grabbing member's pool",
        "- req/s, bare req/s, p50, p99: medians of the rounds; bad answers: statuses other than "
        "the expected one (200, 201 for POST /orders) and socket errors, bare runs included",
        "",
        *tables,
    ]
    return "\n".join(lines)


def _load(values: tuple) -> str:
    return ", ".join(f"{v:.1f}" for v in values)
