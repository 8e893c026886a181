"""Without Redis, the workers of one server share their rate-limit counts (one SQLite file),
proved against a real gunicorn with two workers; and its request limits answer with the
envelope wherever the app gets the request."""

import json
import socket
import sqlite3
import time

import pytest

from app.rate_limit_store import SQLiteFileStorage
from tests.helpers.servers import http, sqlite_gunicorn

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
    settings = {
        "SECRET_KEY": "test-shared-limits",
        "RATELIMIT_STORAGE_URI": f"sqlitefile://{work / 'limits.db'}",
        "LOGIN_RATE_LIMIT": f"{LIMIT} per minute",
    }
    with sqlite_gunicorn(work, settings) as url:
        yield url


def test_the_login_limit_holds_across_two_workers(gunicorn_server):
    statuses = []
    for attempt in range(LIMIT + 4):
        body = {"username": f"nobody-{attempt}", "password": "wrong-password"}
        url = f"{gunicorn_server}/api/v1/auth/staff"
        statuses.append(http(url, "POST", body, {"Connection": "close"})[0])
    assert statuses == [401] * LIMIT + [429] * 4


def test_a_long_url_that_reaches_the_app_is_its_414_envelope(gunicorn_server):
    status, body, _ = http(f"{gunicorn_server}/api/v1/catalog?x=" + "a" * 6000)
    assert status == 414 and body["error"]["code"] == "URI_TOO_LONG"


def test_a_url_beyond_gunicorns_limit_is_refused_by_gunicorn(gunicorn_server):
    status, body, _ = http(f"{gunicorn_server}/api/v1/catalog?x=" + "a" * 9000)
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
