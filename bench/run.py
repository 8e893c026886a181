"""`make bench`: each endpoint's requests per second as a ratio to a bare Flask app under the
same gunicorn settings, interleaved (bare, endpoint, bare, endpoint ...), median of the rounds,
on SQLite and on PostgreSQL. See docs/benchmarks.md, "How to run", for what it does and its
knobs (BENCH_* environment variables)."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import data, fixtures, machine, wrk  # noqa: E402
from bench.endpoints import BARE_ENDPOINT, Endpoint, Plan, chosen  # noqa: E402
from bench.report import BackendRun, Measured, Pair, loud, table  # noqa: E402
from bench.servers import fake_wechat, login, serve  # noqa: E402

RESULTS = ROOT / "bench" / "results"
DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
GRABS_PER_SECOND = 1500  # the pool's size per second of grabbing: far above what one serves


def _list(name: str, default: str) -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


@dataclass
class Settings:
    backends: list[str]
    postgres_url: str
    database_prefix: str
    redis_url: str | None
    endpoints: list[Endpoint]
    seconds: int
    rounds: int
    connections: int
    warmup_seconds: int
    alone_seconds: int
    reader_orders: int
    pool_orders: int

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ
        seconds, rounds = int(env.get("BENCH_SECONDS", "10")), int(env.get("BENCH_ROUNDS", "3"))
        warmup, alone = (
            int(env.get("BENCH_WARMUP_SECONDS", "2")),
            int(env.get("BENCH_ALONE_SECONDS", "2")),
        )
        grab_seconds = warmup + alone + rounds * seconds
        return cls(
            backends=_list("BENCH_BACKENDS", "sqlite,postgresql"),
            postgres_url=env.get("BENCH_DATABASE_URL") or DEFAULT_POSTGRES,
            database_prefix=env.get("BENCH_DATABASE_PREFIX", "bench_"),
            redis_url=env.get("BENCH_REDIS_URL") or None,
            endpoints=chosen(_list("BENCH_ENDPOINTS", "")),
            seconds=seconds,
            rounds=rounds,
            connections=int(env.get("BENCH_CONNECTIONS", "32")),
            warmup_seconds=warmup,
            alone_seconds=alone,
            reader_orders=int(env.get("BENCH_ORDERS", "300")),
            pool_orders=int(env.get("BENCH_POOL_ORDERS", str(GRABS_PER_SECOND * grab_seconds))),
        )

    def check_backends(self) -> None:
        unknown = set(self.backends) - {"sqlite", "postgresql"}
        if unknown:
            raise SystemExit(f"BENCH_BACKENDS: unknown {sorted(unknown)}")
        if "postgresql" in self.backends and not data.answers(self.postgres_url):
            if "BENCH_BACKENDS" in os.environ or "BENCH_DATABASE_URL" in os.environ:
                raise SystemExit(f"no PostgreSQL server answers at {self.postgres_url}")
            print(f"!!! no PostgreSQL at {self.postgres_url}: SQLite only", file=sys.stderr)
            self.backends.remove("postgresql")


def main() -> None:
    settings = Settings.from_env()
    wrk.require()
    settings.check_backends()
    load_before = os.getloadavg()
    runs = [bench_backend(backend, settings) for backend in settings.backends]
    document = machine.document(runs, settings, load_before, [table(run) for run in runs])
    print(document)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{datetime.now():%Y%m%d-%H%M%S}.md"
    path.write_text(document, encoding="utf-8")
    print(f"written to {path.relative_to(ROOT)}")
    failed = [f"{r.backend}: {m.endpoint.label}" for r in runs for m in r.rows if m.failed]
    if failed:
        sys.exit("!!! failed runs (errors or unexpected statuses): " + "; ".join(failed))


def bench_backend(backend: str, settings: Settings) -> BackendRun:
    print(f"--- {backend}: preparing the database", file=sys.stderr)
    with (
        tempfile.TemporaryDirectory(prefix="bench-") as tmp,
        data.database(
            backend, settings.postgres_url, Path(tmp), settings.database_prefix
        ) as database_url,
        fake_wechat() as wechat,
    ):
        workdir = Path(tmp)
        data.flask_cli(data.cli_env(database_url), "db", "upgrade")
        data.flask_cli(data.cli_env(database_url), "seed", "demo")
        fixture = fixtures.prepare(database_url, settings.reader_orders, settings.pool_orders)
        if settings.redis_url:
            data.flush_redis(settings.redis_url)
        env = data.server_env(database_url, wechat, workdir, settings.redis_url)
        with (
            serve("wsgi:app", env, workdir / "app.log", "/api/v1/catalog") as app_url,
            serve("bench.bare_app:app", env, workdir / "bare.log", "/ping") as bare_url,
        ):
            tokens = {code: login(app_url, code) for code in fixtures.USERS}
            bare = Plan(BARE_ENDPOINT, bare_url, None, fixture)
            plans = [
                Plan(e, app_url, tokens.get(e.user or ""), fixture) for e in settings.endpoints
            ]
            rows = measure(bare, plans, settings, workdir)
            notes = _pool_notes(plans, settings)
        if any(row.failed for row in rows):
            notes.append(f"server log kept: {_keep_log(workdir / 'app.log', backend)}")
        return BackendRun(backend, data.server_version(database_url), rows, notes)


def measure(bare: Plan, plans: list[Plan], settings: Settings, workdir: Path) -> list[Measured]:
    for plan in [bare, *plans]:
        plan.write_script(workdir)
    rows = {plan.endpoint.key: Measured(plan.endpoint) for plan in plans}
    ready = [plan for plan in plans if _warm_up(plan, bare, rows[plan.endpoint.key], settings)]
    for round_no in range(1, settings.rounds + 1):
        for plan in ready:
            print(f"--- round {round_no}: {plan.endpoint.label}", file=sys.stderr)
            pair = Pair(_run(bare, settings), _run(plan, settings))
            rows[plan.endpoint.key].pairs.append(pair)
    return list(rows.values())


def _warm_up(plan: Plan, bare: Plan, row: Measured, settings: Settings) -> bool:
    """Probe the endpoint, load it (and the bare app) for the warm-up, then take its service
    time with one connection. False, with the reason in `row`, when it does not answer right."""
    row.skipped = plan.probe()
    if row.skipped:
        print(f"!!! {plan.endpoint.label}: {row.skipped}", file=sys.stderr)
        return False
    if settings.warmup_seconds:
        bare.run(settings.warmup_seconds, settings.connections)
        plan.run(settings.warmup_seconds, settings.connections)
    if settings.alone_seconds:
        row.alone_p50_ms = plan.run(settings.alone_seconds, 1).p50_ms
    return True


def _run(plan: Plan, settings: Settings) -> wrk.Result:
    result = plan.run(settings.seconds, settings.connections)
    warning = loud(plan.endpoint.label, result, plan.endpoint.expected)
    if warning:
        print(warning, file=sys.stderr)
    return result


def _keep_log(log: Path, backend: str) -> str:
    kept = RESULTS / f"{datetime.now():%Y%m%d-%H%M%S}-{backend}-app.log"
    RESULTS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(log, kept)
    return str(kept.relative_to(ROOT))


def _pool_notes(plans: list[Plan], settings: Settings) -> list[str]:
    notes = []
    for plan in plans:
        left = plan.pool_left
        if left is not None:
            notes.append(
                f"grab: pool of {settings.pool_orders:,} published orders, {left:,} left"
                + (" — RAN OUT: raise BENCH_POOL_ORDERS" if left < 0 else "")
            )
    return notes


if __name__ == "__main__":
    main()
