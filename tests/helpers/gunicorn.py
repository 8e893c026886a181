"""A real gunicorn (gunicorn.conf.py) on a free loopback port, on a fresh SQLite file with
the migrations applied, for tests of what several workers share."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.request import urlopen

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(work: Path, settings: dict, stderr: Path | None = None) -> Iterator[str]:
    """Serves the app with `settings` over the environment, two single-thread workers unless
    told otherwise; yields its base URL. Its stderr goes to `stderr` (default work/...)."""
    port = free_port()
    env = {
        **os.environ,
        "APP_ENV": "development",
        "WECHAT_FAKE": "1",
        "DATABASE_URL": f"sqlite:///{work / 'app.db'}",
        "REDIS_URL": "",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_THREADS": "1",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        **settings,
    }
    flask = [BIN / "flask", "--app", "wsgi", "db", "upgrade"]
    subprocess.run(flask, cwd=ROOT, env=env, check=True, capture_output=True)
    url, log_path = f"http://127.0.0.1:{port}", stderr or work / "gunicorn.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [BIN / "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            _wait_until_up(url, server, log_path)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=30)


def _wait_until_up(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(log.read_text())
        try:
            urlopen(f"{url}/api/v1/catalog", timeout=2).close()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail("gunicorn did not start:\n" + log.read_text())
