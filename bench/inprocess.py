"""CPU time of one request through the WSGI callable: no network, no gunicorn, no load
generator sharing the cores. It isolates the platform's own cost per request from the noise
of throughput runs (docs/benchmarks.md). SQLite in a temporary directory, the demo data, and
25 orders of one resident.

    .venv/bin/python bench/inprocess.py          # prints a Markdown table
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from werkzeug.test import EnvironBuilder

ROOT = Path(__file__).resolve().parents[1]
RUNS, CALLS = 5, 400
JSON = {"Content-Type": "application/json"}
READS = [
    ("GET /healthz", "/healthz", False),
    ("GET /api/v1/catalog", "/api/v1/catalog", False),
    ("GET /api/v1/venues?lat=28.68&lng=115.90", "/api/v1/venues?lat=28.68&lng=115.90", False),
    ("GET /api/v1/me", "/api/v1/me", True),
    ("GET /api/v1/my/orders", "/api/v1/my/orders", True),
]


def call(app, path: str, headers: dict | None = None, method: str = "GET", body=None):
    environ = EnvironBuilder(path=path, headers=headers or {}, method=method, data=body)
    status: list[str] = []
    chunks = app(environ.get_environ(), lambda s, h, e=None: status.append(s))
    data = b"".join(chunks)
    getattr(chunks, "close", lambda: None)()
    return status[0], data


def cpu_us(app, path: str, headers: dict | None = None) -> float:
    """The best of RUNS runs of CALLS calls, in microseconds of this process's CPU."""
    for _ in range(50):
        call(app, path, headers)
    best = float("inf")
    for _ in range(RUNS):
        began = time.process_time()
        for _ in range(CALLS):
            call(app, path, headers)
        best = min(best, (time.process_time() - began) / CALLS * 1e6)
    return best


def platform(workdir: Path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{workdir / 'app.db'}"}
    env |= {"APP_ENV": "development", "WECHAT_FAKE": "1", "LOG_LEVEL": "WARNING"}
    env["CACHE_STAMP_DIR"] = str(workdir / "stamps")
    for args in (["db", "upgrade"], ["seed", "demo"]):
        flask = [sys.executable, "-m", "flask", "--app", "wsgi", *args]
        subprocess.run(flask, cwd=ROOT, env=env, check=True, capture_output=True)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    from wsgi import app

    return app


def resident_with_orders(app) -> dict:
    _, body = call(app, "/api/v1/auth/wechat", JSON, "POST", json.dumps({"code": "cpu-r"}))
    headers = {"Authorization": "Bearer " + json.loads(body)["token"]}
    community = json.loads(call(app, "/api/v1/communities")[1])["items"][0]
    item = json.loads(call(app, "/api/v1/catalog")[1])["categories"][0]["items"][0]
    order = {"community_id": community["id"], "item_id": item["id"], "address": "东湖区1号"}
    order |= {"description": "家里水管漏水，需要帮忙维修", "contact_phone": "13800138000"}
    for _ in range(25):
        status, _ = call(app, "/api/v1/orders", {**headers, **JSON}, "POST", json.dumps(order))
        assert status.startswith("201"), status
    return headers


def main() -> None:
    spec = importlib.util.spec_from_file_location("bare_app", ROOT / "bench" / "bare_app.py")
    assert spec and spec.loader
    bare = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bare)
    with tempfile.TemporaryDirectory() as workdir:
        app = platform(Path(workdir))
        headers = resident_with_orders(app)
        baseline = cpu_us(bare.app, "/ping")
        print("| request | CPU µs | × bare |\n|---|---:|---:|")
        print(f"| bare Flask JSON | {baseline:,.0f} | 1.0 |")
        for label, path, authenticated in READS:
            spent = cpu_us(app, path, headers if authenticated else None)
            print(f"| {label} | {spent:,.0f} | {spent / baseline:.1f} |")


if __name__ == "__main__":
    main()
