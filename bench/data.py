"""The benchmark's throw-away databases and the environments the platform runs in."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]


def answers(server_url: str) -> bool:
    """Whether a PostgreSQL server takes connections at `server_url`."""
    engine = create_engine(server_url, connect_args={"connect_timeout": 3})
    try:
        with engine.connect():
            return True
    except Exception:  # noqa: BLE001 - any failure means "not there"
        return False
    finally:
        engine.dispose()


@contextmanager
def database(backend: str, server_url: str, workdir: Path, prefix: str) -> Iterator[str]:
    """A database URL: a SQLite file in `workdir`, or a new database named `prefix` and a
    random suffix on the PostgreSQL `server_url`, dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{workdir / 'bench.db'}"
        return
    name = f"{prefix}{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def server_version(database_url: str) -> str:
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                return "SQLite " + conn.scalar(text("select sqlite_version()"))
            return "PostgreSQL " + conn.scalar(text("show server_version"))
    finally:
        engine.dispose()


def cli_env(database_url: str) -> dict[str, str]:
    """For `db upgrade` and `seed demo`, which run in development mode like `make run`."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "APP_ENV": "development",
        "WECHAT_FAKE": "1",
    }


def gunicorn_profile() -> dict[str, str]:
    """Issue 8's production profile (2 sync workers) unless the environment says otherwise."""
    return {
        "WEB_CONCURRENCY": os.environ.get("WEB_CONCURRENCY", "2"),
        "GUNICORN_WORKER_CLASS": os.environ.get("GUNICORN_WORKER_CLASS", "sync"),
    }


def server_env(database_url: str, wechat: dict[str, str], workdir: Path, redis_url: str | None):
    """Production: a secret key, real WeChat calls (to the local fake in `wechat`), gunicorn's
    production profile."""
    env = {
        **os.environ,
        **wechat,
        "APP_ENV": "production",
        "DATABASE_URL": database_url,
        "SECRET_KEY": f"bench-{uuid.uuid4().hex}",
        "PUBLIC_BASE_URL": "https://shaoxian.example.cn",
        "WECHAT_FAKE": "0",
        **gunicorn_profile(),
    }
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    else:  # the login limit's counter file, out of the repository's instance/
        env["RATELIMIT_STORAGE_URI"] = f"sqlitefile://{workdir / 'ratelimits.db'}"
    return env


def flask_cli(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "flask", "--app", "wsgi", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def flush_redis(redis_url: str) -> None:
    """The benchmark owns BENCH_REDIS_URL's database: caches of an earlier run must not answer."""
    import redis

    client = redis.Redis.from_url(redis_url)
    try:
        client.flushdb()
    finally:
        client.close()
