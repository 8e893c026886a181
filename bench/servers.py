"""What the benchmark serves: the platform and the bare Flask app, each under gunicorn with
gunicorn.conf.py on a free loopback port, and the fake WeChat server the platform logs in to."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import Request, urlopen

from bench.data import ROOT
from tests.helpers.fake_wechat import APPID, SECRET, FakeWechatServer


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def fake_wechat() -> Iterator[dict[str, str]]:
    """The settings that send the platform's WeChat calls to a local fake."""
    server = FakeWechatServer().start()
    try:
        yield {"WECHAT_APPID": APPID, "WECHAT_SECRET": SECRET, "WECHAT_API_BASE": server.url}
    finally:
        server.stop()


@contextmanager
def serve(target: str, env: dict[str, str], log_path: Path, probe: str) -> Iterator[str]:
    """gunicorn -c gunicorn.conf.py TARGET on a free port; yields its base URL."""
    base = f"http://127.0.0.1:{free_port()}"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", target],
            cwd=ROOT,
            env={**env, "GUNICORN_BIND": base.removeprefix("http://")},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_until_ready(process, base + probe, log_path)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def _wait_until_ready(process: subprocess.Popen, url: str, log_path: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{log_path.read_text()[-3000:]}")
        try:
            with urlopen(url, timeout=5):
                return
        except HTTPError:
            return  # it answers; each endpoint's status is checked before it is measured
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer {url}:\n{log_path.read_text()[-3000:]}")


def login(app_url: str, code: str) -> str:
    """A bearer token for the WeChat user whose login code is `code`."""
    status, body = call(app_url + "/api/v1/auth/wechat", method="POST", body={"code": code})
    if status != 200:
        raise RuntimeError(f"login of {code!r} answered {status}: {body[:300]!r}")
    return json.loads(body)["token"]


def call(
    url: str, method: str = "GET", headers: dict[str, str] | None = None, body: dict | None = None
) -> tuple[int, bytes]:
    data = None if body is None else json.dumps(body).encode()
    request = Request(url, method=method, data=data, headers=dict(headers or {}))
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except HTTPError as error:
        return error.code, error.read()
