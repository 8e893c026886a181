"""Without Redis, the workers of one server share their rate-limit counts (one SQLite file),
proved against a real gunicorn with two workers; and its request limits answer with the
envelope wherever the app gets the request."""

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest

from app.rate_limit_store import SQLiteFileStorage

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 5


def test_two_storages_on_one_file_count_together(tmp_path):
    uri = f"sqlitefile://{tmp_path / 'limits.db'}"
    first, second = SQLiteFileStorage(uri), SQLiteFileStorage(uri)
    assert [first.incr("k", 60), second.incr("k", 60), first.incr("k", 60)] == [1, 2, 3]
    assert second.get("k") == 3 and second.get_expiry("k") > time.time()
    first.clear("k")
    assert second.get("k") == 0 and second.check()


def test_a_count_ends_with_its_window_and_leaves_the_file(tmp_path):
    storage = SQLiteFileStorage(f"sqlitefile://{tmp_path / 'limits.db'}")
    storage.incr("k", 0)
    storage.incr("other", 0)
    assert storage.get("k") == 0 and storage.incr("k", 60) == 1
    with sqlite3.connect(tmp_path / "limits.db") as conn:
        assert conn.execute("SELECT key FROM counters").fetchall() == [("k",)]


@pytest.fixture(scope="module")
def gunicorn_server(tmp_path_factory):
    work = tmp_path_factory.mktemp("gunicorn")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **os.environ,
        "APP_ENV": "development",
        "WECHAT_FAKE": "1",
        "DATABASE_URL": f"sqlite:///{work / 'app.db'}",
        "SECRET_KEY": "test-shared-limits",
        "RATELIMIT_STORAGE_URI": f"sqlitefile://{work / 'limits.db'}",
        "LOGIN_RATE_LIMIT": f"{LIMIT} per minute",
        "REDIS_URL": "",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_THREADS": "1",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESS_LOG": str(work / "access.log"),
    }
    bin_dir = Path(sys.executable).parent
    subprocess.run(
        [bin_dir / "flask", "--app", "wsgi", "db", "upgrade"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    url = f"http://127.0.0.1:{port}"
    with open(work / "gunicorn.log", "w") as log:
        server = subprocess.Popen(
            [bin_dir / "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            _wait_until_up(url, server, work)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=30)


def _wait_until_up(url: str, server: subprocess.Popen, work: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail((work / "gunicorn.log").read_text())
        try:
            urlopen(f"{url}/api/v1/catalog", timeout=2).close()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail("gunicorn did not start:\n" + (work / "gunicorn.log").read_text())


def _status(request: Request) -> tuple[int, dict]:
    try:
        with urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read() or b"{}")
    except HTTPError as error:
        body = error.read()
        return error.code, json.loads(body) if body.startswith(b"{") else {"raw": body[:80]}


def test_the_login_limit_holds_across_two_workers(gunicorn_server):
    statuses = []
    for attempt in range(LIMIT + 4):
        body = json.dumps({"username": f"nobody-{attempt}", "password": "wrong-password"})
        request = Request(
            f"{gunicorn_server}/api/v1/auth/staff",
            data=body.encode(),
            headers={"Content-Type": "application/json", "Connection": "close"},
        )
        statuses.append(_status(request)[0])
    assert statuses == [401] * LIMIT + [429] * 4


def test_a_long_url_that_reaches_the_app_is_its_414_envelope(gunicorn_server):
    status, body = _status(Request(f"{gunicorn_server}/api/v1/catalog?x=" + "a" * 6000))
    assert status == 414 and body["error"]["code"] == "URI_TOO_LONG"


def test_a_url_beyond_gunicorns_limit_is_refused_by_gunicorn(gunicorn_server):
    status, body = _status(Request(f"{gunicorn_server}/api/v1/catalog?x=" + "a" * 9000))
    assert status in (400, 414) and "error" not in body


def test_a_declared_50_mb_body_is_refused_before_it_is_sent(gunicorn_server):
    """The answer comes as soon as the headers are in: the server never waits for the body."""
    host, port = gunicorn_server.removeprefix("http://").split(":")
    head = (
        f"POST /api/v1/auth/wechat HTTP/1.1\r\nHost: {host}\r\n"
        "Content-Type: application/json\r\nContent-Length: 52428800\r\n\r\n"
    )
    with socket.create_connection((host, int(port)), timeout=10) as conn:
        conn.sendall(head.encode() + b'{"code": "')
        answer = b""
        while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
            chunk = conn.recv(65536)
            if not chunk:
                break
            answer += chunk
    status_line, _, rest = answer.partition(b"\r\n")
    assert status_line.split()[1] == b"413"
    assert json.loads(rest.partition(b"\r\n\r\n")[2])["error"]["code"] == "PAYLOAD_TOO_LARGE"
