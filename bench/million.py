"""The platform at a million orders: p50/p99 of the hot reads and each worker's memory.

    .venv/bin/python bench/million.py [--reuse] [--orders N] [--database NAME]
                                      [--seconds S] [--connections C]

Builds the PostgreSQL database `bench_million_<N>` (--database or BENCH_MILLION_DATABASE
names it otherwise) on the server of BENCH_DATABASE_URL (default: the local server) with
`db upgrade` and `seed load --orders N` (N from --orders or BENCH_MILLION_ORDERS, default
1,000,000); `--reuse` keeps one that an earlier run built, which saves the load.

Then serves the app with gunicorn.conf.py (WEB_CONCURRENCY=2), signs in loaded residents,
members and staff of many communities (the API's logins, the console's form with its CSRF
token), and loads each endpoint with wrk, every request as another user of the mix (a Lua
script), so no one row stays hot. Prints a Markdown table with each gunicorn worker's
VmRSS after the load, and writes it to bench/results/.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, Request, build_opener

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.seed.load_town import Sizes, member_code, resident_code, staff_username  # noqa: E402
from app.seed.people_data import DEMO_PASSWORD  # noqa: E402
from bench.data import cli_env, gunicorn_profile  # noqa: E402
from bench.million_load import Row, measure, worker_rss_mb  # noqa: E402
from bench.run import serve  # noqa: E402

SERVER_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
USERS_PER_ENDPOINT = 60
P99_BUDGET_MS = 30.0
RSS_BUDGET_MB = 150.0


@dataclass
class Settings:
    orders: int
    database: str
    reuse: bool
    seconds: int
    warmup_seconds: int
    connections: int


def parse_args(argv: list[str] | None = None) -> Settings:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--orders", type=int, default=int(os.environ.get("BENCH_MILLION_ORDERS", "1000000"))
    )
    parser.add_argument(
        "--database",
        default=os.environ.get("BENCH_MILLION_DATABASE"),
        help="its name (default bench_million_<orders>)",
    )
    parser.add_argument("--reuse", action="store_true", help="keep a database an earlier run built")
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", "10")))
    parser.add_argument("--warmup-seconds", type=int, default=3)
    parser.add_argument(
        "--connections", type=int, default=int(os.environ.get("BENCH_MILLION_CONNECTIONS", "4"))
    )
    args = parser.parse_args(argv)
    database = args.database or f"bench_million_{args.orders}"
    return Settings(
        args.orders, database, args.reuse, args.seconds, args.warmup_seconds, args.connections
    )


def main(argv: list[str] | None = None) -> None:
    settings = parse_args(argv)
    database_url, load_seconds = prepare_database(settings)
    env = million_server_env(database_url)
    with (
        tempfile.TemporaryDirectory(prefix="bench-million-") as workdir,
        serve("wsgi:app", env, Path(workdir) / "gunicorn.log", "/api/v1/catalog") as base,
    ):
        mixes = sign_in_everyone(base, Sizes.for_orders(settings.orders))
        rows = [
            row
            for label, mix in mixes
            for row in measure(label, base, mix, settings, Path(workdir))
        ]
        rss = worker_rss_mb()
    report = render(rows, rss, settings, load_seconds)
    print(report)
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    path = results / f"million-{datetime.now():%Y%m%d-%H%M%S}.md"
    path.write_text(report, encoding="utf-8")
    print(f"written to {path.relative_to(ROOT)}")


# --- the database ------------------------------------------------------------------------


def prepare_database(settings: Settings) -> tuple[str, float | None]:
    """The URL of bench_million_<N>, built unless --reuse finds it; and the load's seconds."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = settings.database
    url = make_url(SERVER_URL).set(database=name).render_as_string(hide_password=False)
    admin = create_engine(SERVER_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
        if exists and settings.reuse:
            admin.dispose()
            print(f"reusing database {name}")
            return url, None
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    env = {**os.environ, "DATABASE_URL": url, "APP_ENV": "development", "WECHAT_FAKE": "1"}
    flask = [sys.executable, "-m", "flask", "--app", "wsgi"]
    subprocess.run([*flask, "db", "upgrade"], cwd=ROOT, env=env, check=True)
    began = time.monotonic()
    subprocess.run(
        [*flask, "seed", "load", "--orders", str(settings.orders)], cwd=ROOT, env=env, check=True
    )
    return url, time.monotonic() - began


def million_server_env(database_url: str) -> dict[str, str]:
    """Demo mode (the loaded users sign in with their fake WeChat codes), gunicorn's
    production profile (2 sync workers), and logins without a rate limit (the benchmark
    signs in a few hundred users from one address)."""
    return {
        **cli_env(database_url),
        **gunicorn_profile(),
        "LOGIN_RATE_LIMIT": "100000 per minute",
        "RATELIMIT_STORAGE_URI": "memory://",
    }


# --- users and what each asks for ---------------------------------------------------------


def sign_in_everyone(base: str, sizes: Sizes) -> list[tuple[str, list]]:
    """For each endpoint, (path, headers) of many different users, all over the town."""
    residents = sizes.communities * sizes.residents_per_community
    people = range(USERS_PER_ENDPOINT)
    tokens = [_wechat(base, resident_code(n * 1663 % residents)) for n in people]
    # Members 0 .. 2C-1 are the first two of each community: approved (load_town).
    members = [_wechat(base, member_code(n % (2 * sizes.communities))) for n in people]
    staff = [_staff(base, c) for c in range(sizes.communities)]
    consoles = [_console(base, c) for c in range(0, sizes.communities, 2)]
    statuses = ["submitted", "approved", "published", "rated"]
    return [
        ("GET /api/v1/my/orders", [("/api/v1/my/orders", t) for t in tokens]),
        (
            "GET /api/v1/staff/orders?status=…",
            [(f"/api/v1/staff/orders?status={statuses[i % 4]}", t) for i, t in enumerate(staff)],
        ),
        ("GET /api/v1/member/pool", [("/api/v1/member/pool", t) for t in members]),
        ("GET /console/orders (queue)", [("/console/orders", c) for c in consoles]),
        ("GET /console/ (dashboard)", [("/console/", c) for c in consoles]),
    ]


def _post_json(base: str, path: str, body: dict) -> dict:
    request = Request(
        base + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with build_opener().open(request, timeout=30) as response:
        return json.load(response)


def _wechat(base: str, code: str) -> dict[str, str]:
    token = _post_json(base, "/api/v1/auth/wechat", {"code": code})["token"]
    return {"Authorization": f"Bearer {token}"}


def _staff(base: str, c: int) -> dict[str, str]:
    body = {"username": staff_username(c), "password": DEMO_PASSWORD}
    return {"Authorization": f"Bearer {_post_json(base, '/api/v1/auth/staff', body)['token']}"}


def _console(base: str, c: int) -> dict[str, str]:
    """The console's session cookie, signed in through its form."""
    jar = CookieJar()
    opener = build_opener(HTTPCookieProcessor(jar))
    page = opener.open(base + "/console/login", timeout=30).read().decode()
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match, "no CSRF token on the console's login page"
    form = {"username": staff_username(c, 2), "password": DEMO_PASSWORD, "csrf_token": match[1]}
    opener.open(base + "/console/login", data=urlencode(form).encode(), timeout=30).read()
    return {"Cookie": "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)}


def render(rows: list[Row], rss: dict[int, float], settings: Settings, load_seconds) -> str:
    load = f"built in {load_seconds:.0f} s" if load_seconds is not None else "reused"
    lines = [
        f"## bench/million.py, {datetime.now():%Y-%m-%d %H:%M}",
        "",
        f"- database: PostgreSQL `{settings.database}`, `seed load --orders "
        f"{settings.orders:,}` ({load}); {os.cpu_count()} cores, 1-min load average "
        f"{os.getloadavg()[0]:.1f} after the run",
        f"- server: gunicorn.conf.py, WEB_CONCURRENCY=2; wrk on the same cores, one "
        f"connection (the service time) then {settings.connections}, {settings.seconds} s "
        f"each after {settings.warmup_seconds} s of warm-up per endpoint; each request "
        f"another user of the mix ({USERS_PER_ENDPOINT} residents, "
        f"{USERS_PER_ENDPOINT} members, a staff member per community, a console session "
        "for every other community)",
        "",
        f"| endpoint | connections | req/s | p50 ms | p99 ms | p99 < {P99_BUDGET_MS:.0f} ms "
        "| requests | errors |",
        "|---|---:|---:|---:|---:|:-:|---:|---:|",
    ]
    for r in rows:
        ok = "yes" if r.p99_ms < P99_BUDGET_MS and not r.errors else "**no**"
        lines.append(
            f"| {r.label} | {r.connections} | {r.requests_per_s:,.0f} | {r.p50_ms:.1f} "
            f"| {r.p99_ms:.1f} | {ok} "
            f"| {r.requests:,} | {r.errors} |"
        )
    lines += ["", f"| gunicorn worker | VmRSS MB | < {RSS_BUDGET_MB:.0f} MB |", "|---|---:|:-:|"]
    for pid, mb in sorted(rss.items()):
        lines.append(f"| pid {pid} | {mb:.0f} | {'yes' if mb < RSS_BUDGET_MB else '**no**'} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
