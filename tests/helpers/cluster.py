"""Two app servers (gunicorn, two workers each) on one PostgreSQL database and one Redis,
behind nginx: what an operator runs when one server is not enough. `running_cluster` starts it
all on free ports and stops it all, the database dropped, whatever happens in between."""

from __future__ import annotations

import itertools
import os
import secrets
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import redis
from sqlalchemy.engine import make_url

from tests.helpers.db import fresh_postgresql_database
from tests.helpers.fake_wechat import APPID, SECRET, FakeWechatServer
from tests.helpers.nginx import nginx, require_nginx
from tests.helpers.servers import flask_command, free_port, gunicorn, gunicorn_env

# Settings of both instances that the tests count against.
LOGIN_LIMIT = 6  # LOGIN_RATE_LIMIT, per minute and client address
MAX_FAILURES = 3  # LOGIN_MAX_FAILURES: wrong passwords before a lock
SERVERS = ("a", "b")
_clients = itertools.count(1)


def client_address() -> dict:
    """An X-Forwarded-For header naming a client no other call has named: each test counts
    against rate limits and lock-outs of its own."""
    n = next(_clients)
    return {"X-Forwarded-For": f"10.20.{n // 250}.{n % 250 + 1}"}


@dataclass
class Cluster:
    a: str  # base URLs of the two app servers
    b: str
    proxy: str  # nginx, round-robin over both
    envs: dict[str, dict]  # each server's environment, by "a" and "b"
    database_url: str
    secret_key: str
    redis: redis.Redis
    work: Path  # the servers' logs

    @property
    def both(self) -> tuple[str, str]:
        return self.a, self.b

    def entry(self, index: int) -> str:
        """The index-th of a spread of calls: A, B, A, B, then one through nginx."""
        return self.proxy if index % 5 == 4 else self.both[index % 2]

    def served(self, name: str, fragment: str) -> int:
        """Requests whose line contains `fragment` in the access log of server `name`."""
        lines = (self.work / f"access-{name}.log").read_text().splitlines()
        return sum(fragment in line for line in lines)


def instance_env(fake: FakeWechatServer, database_url: str, redis_url: str, key: str) -> dict:
    """What an operator sets on every app server (production, real WeChat path)."""
    return {
        **os.environ,
        "APP_ENV": "production",
        "SECRET_KEY": key,
        "PUBLIC_BASE_URL": "https://shaoxian.example.cn",
        # The residents' photos of tests/helpers/orders.py, beside the platform's own uploads.
        "PHOTO_HOSTS": "img.example.com",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "RATELIMIT_STORAGE_URI": "",
        "WECHAT_FAKE": "0",
        "WECHAT_API_BASE": fake.url,
        "WECHAT_APPID": APPID,
        "WECHAT_SECRET": SECRET,
        "LOGIN_RATE_LIMIT": f"{LOGIN_LIMIT} per minute",
        "LOGIN_MAX_FAILURES": str(MAX_FAILURES),
        "PROXY_COUNT": "1",  # nginx, or the test naming a client in X-Forwarded-For
        "WEB_CONCURRENCY": "2",
    }


@contextmanager
def running_cluster(work: Path, fake: FakeWechatServer, server_url: str, redis_url: str):
    """Yields a Cluster on a fresh database of the PostgreSQL server of `server_url`, migrated
    and loaded with the demo, and on the Redis database of `redis_url`, emptied before and
    after."""
    require_nginx()
    shared = redis.Redis.from_url(redis_url)
    prefix = f"{make_url(server_url).database}_cluster"
    with ExitStack() as stack:
        shared.flushdb()
        stack.callback(shared.flushdb)
        database_url = stack.enter_context(fresh_postgresql_database(server_url, prefix))
        key = secrets.token_urlsafe(32)
        base = instance_env(fake, database_url, redis_url, key)
        flask_command(base, "db", "upgrade")
        flask_command(base, "seed", "demo")
        envs, urls = {}, {}
        for name in SERVERS:
            envs[name] = gunicorn_env(base, free_port(), work / f"access-{name}.log")
            urls[name] = stack.enter_context(gunicorn(envs[name], work / f"gunicorn-{name}.log"))
        upstreams = [env["GUNICORN_BIND"] for env in envs.values()]
        proxy = stack.enter_context(nginx(work, free_port(), upstreams))
        yield Cluster(urls["a"], urls["b"], proxy, envs, database_url, key, shared, work)
