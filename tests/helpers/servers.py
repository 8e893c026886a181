"""Real servers for tests that go over the network: the app under gunicorn on a free port,
`flask` commands in a server's environment, and plain HTTP calls to them (no test client)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
START_SECONDS = 30


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def flask_command(env: dict, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    """`flask --app wsgi ARGS` from the repository root, its output captured as text."""
    result = subprocess.run(
        [BIN / "flask", "--app", "wsgi", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if check and result.returncode != 0:
        pytest.fail(f"flask {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def gunicorn_env(base: dict, port: int, access_log: Path) -> dict:
    """`base` plus what gunicorn.conf.py reads: the address and where to write its log."""
    return {**base, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_ACCESS_LOG": str(access_log)}


@contextmanager
def gunicorn(env: dict, log_path: Path, probe: str = "/healthz"):
    """gunicorn -c gunicorn.conf.py wsgi:app with `env` (GUNICORN_BIND included); yields its
    base URL once `probe` answers, and stops it afterwards, whatever happened."""
    url = "http://" + env["GUNICORN_BIND"]
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [BIN / "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            wait_until_up(url + probe, server, log_path)
            yield url
        finally:
            stop(server)


def wait_until_up(url: str, server: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"{url} exited at start:\n{log_path.read_text()}")
        try:
            urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"{url} did not answer within {START_SECONDS} s:\n{log_path.read_text()}")


def stop(server: subprocess.Popen) -> None:
    """Ask politely (SIGTERM), then insist."""
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)


def http(
    url: str, method: str = "GET", body: dict | None = None, headers: dict | None = None
) -> tuple[int, dict, dict]:
    """(status, JSON body or {"raw": ...}, headers) of one request; errors are answers too."""
    data = json.dumps(body).encode() if body is not None else None
    request = Request(url, data=data, method=method, headers=dict(headers or {}))
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urlopen(request, timeout=15) as answer:
            return answer.status, _json(answer.read()), dict(answer.headers)
    except HTTPError as error:
        return error.code, _json(error.read()), dict(error.headers)


def _json(raw: bytes) -> dict:
    return json.loads(raw) if raw.startswith(b"{") else {"raw": raw[:200]}


@contextmanager
def sqlite_gunicorn(work: Path, settings: dict, stderr: Path | None = None, demo: bool = False):
    """The demo-mode app on a fresh, migrated SQLite file in `work` (with the demo data if
    `demo`), two single-thread workers, `settings` over the environment; yields its URL."""
    base = {
        **os.environ,
        "APP_ENV": "development",
        "WECHAT_FAKE": "1",
        "DATABASE_URL": f"sqlite:///{work / 'app.db'}",
        "REDIS_URL": "",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_THREADS": "1",
        **settings,
    }
    env = gunicorn_env(base, free_port(), work / "access.log")
    flask_command(env, "db", "upgrade")
    if demo:
        flask_command(env, "seed", "demo")
    with gunicorn(env, stderr or work / "gunicorn.log", probe="/api/v1/catalog") as url:
        yield url
