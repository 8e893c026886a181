"""Fixtures: one app per database backend (SQLite always, PostgreSQL when TEST_DATABASE_URL is
set), a clean database per test, a client, users of every role in two communities, and the
fake WeChat server."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app import create_app
from app.extensions import db
from tests.helpers import factories
from tests.helpers.apps import BACKENDS, REDIS_TEST_URL, make_config
from tests.helpers.clock import frozen_clock  # noqa: F401 - a fixture for every test
from tests.helpers.fake_wechat import FakeWechatServer

CLUSTER_CONFIGURED = "postgresql" in BACKENDS and REDIS_TEST_URL is not None


@pytest.fixture(scope="session", params=list(BACKENDS))
def backend(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def _session_app(backend):
    app = create_app(make_config(BACKENDS[backend]))
    with app.app_context():
        db.drop_all()
        db.create_all()
    yield app
    with app.app_context():
        db.drop_all()
        db.engine.dispose()


@pytest.fixture
def redis_db15():
    """The Redis database of tests marked `redis`, empty before and after the test."""
    import redis

    client = redis.Redis.from_url(REDIS_TEST_URL)
    client.flushdb()
    yield client
    client.flushdb()


def _empty_all_tables() -> None:
    # DELETE, children first: on tables this small it is much faster than TRUNCATE.
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(table.delete())
    db.session.commit()


@pytest.fixture
def app(_session_app):
    with _session_app.app_context():
        yield _session_app
        db.session.rollback()
        _empty_all_tables()
        db.session.remove()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def _fake_wechat_server():
    server = FakeWechatServer().start()
    yield server
    server.stop()


@pytest.fixture
def fake_wechat(_fake_wechat_server) -> FakeWechatServer:
    """The fake WeChat server, its counts and tokens reset."""
    _fake_wechat_server.reset()
    return _fake_wechat_server


def pytest_configure(config):
    """The suite's markers, registered here and nowhere else."""
    config.addinivalue_line(
        "markers",
        "postgresql: needs PostgreSQL's real concurrency (row locks, concurrent "
        "writers); runs only in the PostgreSQL pass of the `app` fixture",
    )
    config.addinivalue_line("markers", "redis: needs the Redis server of REDIS_URL")
    config.addinivalue_line(
        "markers",
        "cluster: needs PostgreSQL and Redis (TEST_DATABASE_URL and REDIS_URL) for two app "
        "servers behind nginx (tests/cluster)",
    )


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgresql` are not run on SQLite, which has no row locks or concurrent
    writers to speak of, tests marked `redis` not without REDIS_URL, and tests marked
    `cluster` not without both: they are deselected, and counted when their server is not
    configured at all, so that nothing is silently counted as passing."""
    keep, dropped, unconfigured = [], [], []
    for item in items:
        callspec = getattr(item, "callspec", None)
        backend = callspec.params.get("backend") if callspec else None
        pg_only = item.get_closest_marker("postgresql") is not None
        needs_redis = item.get_closest_marker("redis") is not None and REDIS_TEST_URL is None
        needs_cluster = item.get_closest_marker("cluster") is not None and not CLUSTER_CONFIGURED
        if needs_redis or needs_cluster or (pg_only and "postgresql" not in BACKENDS):
            unconfigured.append(item)
        unrunnable = needs_redis or needs_cluster or (pg_only and backend != "postgresql")
        (dropped if unrunnable else keep).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep
    if unconfigured:
        config.pluginmanager.get_plugin("terminalreporter").write_line(
            f"{len(unconfigured)} tests not run: they need PostgreSQL (TEST_DATABASE_URL) "
            "or Redis (REDIS_URL), or both"
        )


@dataclass
class Side:
    """One community with a user of every role in it."""

    community: object
    grid: object
    building: object
    staff: object
    member: object
    resident: object


@dataclass
class World:
    street: object
    a: Side
    b: Side
    street_admin: object
    item: object

    def user(self, name: str):
        """A user by name: "street_admin", or a side's role ("a.staff", "b.member" ...)."""
        if name == "street_admin":
            return self.street_admin
        side, role = name.split(".")
        return getattr(getattr(self, side), role)


@pytest.fixture
def world(app) -> World:
    return build_world()


def build_world() -> World:
    """A street with two communities (demo-a, demo-b), a user of every role in each, a
    street admin and a catalog item, in the current app's database. Commits."""
    street = factories.street()
    item = factories.catalog_item()
    sides = []
    for code in ("demo-a", "demo-b"):
        community = factories.community(street, code)
        grid = factories.grid(community)
        building = factories.building(grid)
        sides.append(
            Side(
                community,
                grid,
                building,
                staff=factories.staff(community),
                member=factories.member(community),
                resident=factories.resident(),
            )
        )
    admin = factories.street_admin(street)
    db.session.commit()
    return World(street, sides[0], sides[1], admin, item)
