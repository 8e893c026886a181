"""`make bench`: throughput and latency of a few read endpoints, next to a bare Flask app.

Builds a throw-away database (SQLite in a temporary directory; with BENCH_DATABASE_URL, a
fresh database on that PostgreSQL server, dropped afterwards), applies the migrations, loads
the demo and gives one resident BENCH_ORDERS orders. Then serves the platform and
bench/bare_app.py with the same gunicorn.conf.py on free loopback ports, loads each endpoint
for BENCH_SECONDS with BENCH_CONNECTIONS connections (after BENCH_WARMUP_SECONDS of warm-up),
prints a Markdown table and writes it to bench/results/.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import platform
import runpy
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import Request, urlopen

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import load  # noqa: E402
from bench.data import add_orders, database, flask_cli, server_env  # noqa: E402

RESIDENT_CODE = "bench-resident"
ALONE_SECONDS = 3
ENDPOINTS = [  # (label, server, path, needs the resident's token)
    ("bare Flask JSON (baseline)", "bare", "/ping", False),
    ("GET /api/v1/catalog", "app", "/api/v1/catalog", False),
    (
        "GET /api/v1/venues?lat=28.68&lng=115.90",
        "app",
        "/api/v1/venues?lat=28.68&lng=115.90",
        False,
    ),
    ("GET /api/v1/my/orders", "app", "/api/v1/my/orders", True),
]


@dataclass
class Settings:
    seconds: int
    warmup_seconds: int
    connections: int
    orders: int
    server_url: str | None  # a PostgreSQL server, or None for SQLite

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ
        return cls(
            seconds=int(env.get("BENCH_SECONDS", "10")),
            warmup_seconds=int(env.get("BENCH_WARMUP_SECONDS", "2")),
            connections=int(env.get("BENCH_CONNECTIONS", "16")),
            orders=int(env.get("BENCH_ORDERS", "200")),
            server_url=env.get("BENCH_DATABASE_URL") or None,
        )


@dataclass
class Row:
    label: str
    result: load.Result | None
    alone_p50_ms: float = 0.0  # one connection: the service time, without queueing
    body_bytes: int = 0
    skipped: str = ""


def main() -> None:
    settings = Settings.from_env()
    with (
        tempfile.TemporaryDirectory(prefix="bench-") as workdir,
        database(settings.server_url, Path(workdir)) as database_url,
    ):
        env = server_env(database_url)
        flask_cli(env, "db", "upgrade")
        flask_cli(env, "seed", "demo")
        with (
            serve("wsgi:app", env, Path(workdir) / "app.log", "/api/v1/catalog") as app_url,
            serve("bench.bare_app:app", env, Path(workdir) / "bare.log", "/ping") as bare_url,
        ):
            token, user_id = login(app_url)
            add_orders(database_url, user_id, settings.orders)
            bases = {"app": app_url, "bare": bare_url}
            rows = [
                bench_one(label, bases[server] + path, token if private else None, settings)
                for label, server, path, private in ENDPOINTS
            ]
    report = render(rows, settings)
    print(report)
    print(f"written to {write_report(report).relative_to(ROOT)}")


# --- servers ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serve(target: str, env: dict[str, str], log_path: Path, probe: str):
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
            wait_until_ready(process, base + probe, log_path)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def wait_until_ready(process: subprocess.Popen, url: str, log_path: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{log_path.read_text()[-3000:]}")
        try:
            with urlopen(url, timeout=5):
                return
        except HTTPError:
            return  # it answers; the status is checked per endpoint
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer {url}:\n{log_path.read_text()[-3000:]}")


def login(app_url: str) -> tuple[str, int]:
    request = Request(
        app_url + "/api/v1/auth/wechat",
        method="POST",
        data=json.dumps({"code": RESIDENT_CODE}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urlopen(request, timeout=10) as response:
        body = json.load(response)
    return body["token"], body["user"]["id"]


# --- measuring and reporting -----------------------------------------------------------


def bench_one(label: str, url: str, token: str | None, settings: Settings) -> Row:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    status, body = fetch(url, headers)
    if status != 200:
        return Row(label, None, skipped=f"skipped: HTTP {status} {body[:80]!r}")
    load.measure(url, headers, settings.warmup_seconds, settings.connections)  # warm-up
    alone = load.measure(url, headers, ALONE_SECONDS, 1)
    return Row(
        label,
        load.measure(url, headers, settings.seconds, settings.connections),
        alone_p50_ms=alone.p50_ms,
        body_bytes=len(body),
    )


def fetch(url: str, headers: dict[str, str]) -> tuple[int, bytes]:
    try:
        with urlopen(Request(url, headers=headers), timeout=10) as response:
            return response.status, response.read()
    except HTTPError as error:
        return error.code, error.read()


def gunicorn_settings() -> dict:
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))


def render(rows: list[Row], settings: Settings) -> str:
    conf = gunicorn_settings()
    baseline = rows[0].result.requests_per_s if rows[0].result else float("nan")
    lines = [
        f"## make bench, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "",
        f"- machine: {multiprocessing.cpu_count()} cores ({cpu_model()}), "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
        f"1-min load average {os.getloadavg()[0]:.1f} after the run (the run itself "
        "accounts for about 3; more means other work shared the cores)",
        f"- database: {'PostgreSQL (fresh database)' if settings.server_url else 'SQLite file'}"
        f"; demo data + {settings.orders} orders for one resident",
        f"- server: gunicorn, {conf['workers']} workers x {conf['threads']} gthread threads, "
        "access log on (gunicorn.conf.py), APP_ENV=development, WECHAT_FAKE=1",
        f"- load: {load.generator_name()}, {settings.connections} keep-alive connections, "
        f"{settings.seconds} s per endpoint after {settings.warmup_seconds} s warm-up, "
        f"same machine, loopback; 'alone': {ALONE_SECONDS} s with one connection",
        "",
        "| endpoint | req/s | p50 ms | p99 ms | alone p50 ms | requests | errors | body bytes "
        "| vs bare |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        r = row.result
        if r is None:
            lines.append(f"| {row.label} | {row.skipped} | | | | | | | |")
            continue
        cells = [
            row.label,
            f"{r.requests_per_s:,.0f}",
            f"{r.p50_ms:.1f}",
            f"{r.p99_ms:.1f}",
            f"{row.alone_p50_ms:.1f}",
            f"{r.requests:,}",
            str(r.bad_responses),
            f"{row.body_bytes:,}",
            f"{r.requests_per_s / baseline:.0%}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def write_report(report: str) -> Path:
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    path = results / f"{datetime.now():%Y%m%d-%H%M%S}.md"
    path.write_text(report, encoding="utf-8")
    return path


if __name__ == "__main__":
    main()
