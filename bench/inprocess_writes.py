"""CPU time of the two hot writes through the WSGI callable, as bench/inprocess.py does for
the reads: `POST /api/v1/orders` (a new `Idempotency-Key` each time) and
`POST /api/v1/member/orders/{id}/grab` (a fresh pool order each time), on a throw-away
database of each backend (a SQLite file; a new PostgreSQL database, dropped afterwards),
seeded like `make bench`'s (bench/fixtures.py). Each backend runs in its own process, since
the app reads its settings at import.

    .venv/bin/python bench/inprocess_writes.py                 # both backends, a table
    .venv/bin/python bench/inprocess_writes.py --backend postgresql --profile grab

CPU time is this process's only: PostgreSQL's own work is not in it, the driver's is.
`--profile create|grab` prints cProfile's top functions for that write, by CPU time
(BENCH_PROFILE_SORT: `cumulative`, the default, or `tottime`), each package's share, and
with BENCH_CALLEES (a pstats pattern, e.g. `_moved`) what those functions call;
`--profile sql` prints the statements of one create and one grab.
BENCH_BACKENDS and BENCH_DATABASE_URL as for bench/run.py."""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Nothing here imports the app at the top: its settings are read at import, and must name
# the throw-away database made first.
from bench import data  # noqa: E402

RUNS, CALLS, WARMUP = 9, 200, 50
GRAB_PATH = "/api/v1/member/orders/{id}/grab"
JSON = {"Content-Type": "application/json"}
DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


class Writes:
    """The app, the two writers' headers, and the next pool order to grab."""

    def __init__(self, app, fixture) -> None:
        from bench import fixtures
        from bench.endpoints import order_body

        self.app, self.fixture = app, fixture
        self.next_id = fixture.pool_first_id
        self.body = json.dumps(order_body(fixture))
        self.writer, self.member = _bearer(app, fixtures.WRITER), _bearer(app, fixtures.MEMBER)

    def create(self) -> None:
        headers = {**self.writer, **JSON, "Idempotency-Key": uuid.uuid4().hex}
        status, body = _call(self.app, "/api/v1/orders", headers, "POST", self.body)
        assert status.startswith("201"), (status, body)

    def grab(self) -> None:
        if self.next_id > self.fixture.pool_last_id:
            raise SystemExit("the pool ran out: raise the pool's size")
        path = GRAB_PATH.format(id=self.next_id)
        self.next_id += 1
        status, body = _call(self.app, path, self.member, "POST")
        assert status.startswith("200"), (status, body)


def _call(app, path: str, headers: dict, method: str, body=None):
    from bench.inprocess import call

    return call(app, path, headers, method, body)


def _bearer(app, code: str) -> dict:
    from sqlalchemy import select

    from app.accounts.models import User
    from app.accounts.tokens import issue_token
    from app.extensions import db
    from bench import fixtures

    with app.app_context():
        user_id = db.session.scalar(select(User.id).where(User.openid == fixtures.openid(code)))
        return {"Authorization": "Bearer " + issue_token(user_id)}


def cpu_us(write) -> float:
    """The best of RUNS runs of CALLS writes, in microseconds of this process's CPU."""
    for _ in range(WARMUP):
        write()
    best = float("inf")
    for _ in range(RUNS):
        began = time.process_time()
        for _ in range(CALLS):
            write()
        best = min(best, (time.process_time() - began) / CALLS * 1e6)
    return best


def profile(write, calls: int = 300) -> None:
    for _ in range(WARMUP):
        write()
    profiler = cProfile.Profile(time.process_time)  # CPU, as measured: not the waits
    profiler.enable()
    for _ in range(calls):
        write()
    profiler.disable()
    order = os.environ.get("BENCH_PROFILE_SORT", "cumulative")  # or tottime
    stats = pstats.Stats(profiler)
    stats.sort_stats(order).print_stats(60)
    _print_by_package(stats, calls)
    if os.environ.get("BENCH_CALLEES"):
        stats.print_callees(os.environ["BENCH_CALLEES"])


def _print_by_package(stats: pstats.Stats, calls: int) -> None:
    """Each package's own CPU time (profiled, so inflated), largest first."""
    by_package: dict[str, float] = {}
    for (filename, _, _), (_, _, own, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        by_package[_package(filename)] = by_package.get(_package(filename), 0.0) + own
    total = sum(by_package.values())
    for name, own in sorted(by_package.items(), key=lambda kv: -kv[1])[:15]:
        print(f"{name:30} {own / total:6.1%}  {own / calls * 1e6:7.0f} µs (profiled)")


def _package(filename: str) -> str:
    """The package a profiled function is in: site-packages' top name, or the app's module."""
    if "site-packages/" in filename:
        return filename.split("site-packages/")[1].split("/")[0]
    if str(ROOT) in filename:
        return filename.replace(str(ROOT) + "/", "")
    return "python" if filename.startswith(("/", "<frozen")) else filename


def statements(app, write) -> None:
    """Print the SQL of one write, as the driver receives it."""
    from sqlalchemy import event

    from app.extensions import db

    with app.app_context():
        engine = db.engine
    seen: list[str] = []

    def note(conn, cursor, statement, parameters, context, executemany):
        seen.append(" ".join(statement.split())[:160])

    write()
    event.listen(engine, "before_cursor_execute", note)
    write()
    event.remove(engine, "before_cursor_execute", note)
    print(f"{write.__name__}: {len(seen)} statements", *seen, sep="\n  ")


def one_backend(backend: str, server_url: str, profiled: str | None) -> dict:
    pool = WARMUP + RUNS * CALLS + (WARMUP + 300 if profiled else 0) + 10
    with (
        tempfile.TemporaryDirectory() as workdir,
        data.database(backend, server_url, Path(workdir), "bench_writes_") as url,
    ):
        env = data.cli_env(url)
        data.flask_cli(env, "db", "upgrade")
        data.flask_cli(env, "seed", "demo")
        os.environ.update(env, LOG_LEVEL="WARNING", CACHE_STAMP_DIR=f"{workdir}/stamps")
        os.environ.pop("REDIS_URL", None)
        from bench import fixtures
        from wsgi import app

        fixture = fixtures.prepare(url, 0, pool)
        writes = Writes(app, fixture)
        try:
            if profiled == "sql":
                statements(app, writes.create)
                statements(app, writes.grab)
            elif profiled:
                profile(getattr(writes, profiled))
            return {"create": cpu_us(writes.create), "grab": cpu_us(writes.grab)}
        finally:
            from app.extensions import db

            with app.app_context():
                db.engine.dispose()  # before the database is dropped


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", choices=["sqlite", "postgresql"])
    parser.add_argument("--profile", choices=["create", "grab", "sql"])
    args = parser.parse_args()
    server_url = os.environ.get("BENCH_DATABASE_URL") or DEFAULT_POSTGRES
    if args.backend:
        result = one_backend(args.backend, server_url, args.profile)
        print("RESULT " + json.dumps(result))
        return
    backends = os.environ.get("BENCH_BACKENDS", "sqlite,postgresql").split(",")
    print("| backend | POST /orders CPU µs | grab CPU µs |\n|---|---:|---:|")
    for backend in backends:
        out = subprocess.run(
            [sys.executable, __file__, "--backend", backend.strip()],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        result = json.loads(out.rsplit("RESULT ", 1)[1])
        print(f"| {backend} | {result['create']:,.0f} | {result['grab']:,.0f} |")


if __name__ == "__main__":
    main()
