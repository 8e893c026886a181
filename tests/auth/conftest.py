"""Fixtures of the auth tests: the fake WeChat server, and apps configured differently from the
shared test app (real WeChat path, rate limiting on) over the same test database."""
from __future__ import annotations

from contextlib import contextmanager

import pytest

from app import create_app
from app.extensions import db, limiter
from tests.conftest import make_config
from tests.fake_wechat import APPID, SECRET, FakeWechatServer

WECHAT_TIMEOUT = 1.0


@pytest.fixture(scope="session")
def _fake_wechat_server():
    server = FakeWechatServer().start()
    yield server
    server.stop()


@pytest.fixture
def fake_wechat(_fake_wechat_server) -> FakeWechatServer:
    _fake_wechat_server.reset()
    return _fake_wechat_server


def wechat_overrides(fake: FakeWechatServer, **overrides) -> dict:
    return {"WECHAT_FAKE": False, "WECHAT_API_BASE": fake.url, "WECHAT_APPID": APPID,
            "WECHAT_SECRET": SECRET, "WECHAT_TIMEOUT_SECONDS": WECHAT_TIMEOUT,
            "REDIS_URL": None, **overrides}


@contextmanager
def other_app(app, **overrides):
    """A second app on the test database, its app context pushed. On SQLite (in memory, one
    database per engine) it gets its own tables; on PostgreSQL the `app` fixture empties the
    shared tables after the test."""
    config = make_config(app.config["SQLALCHEMY_DATABASE_URI"], **overrides)
    second = create_app(config)
    with second.app_context():
        if db.engine.dialect.name == "sqlite":
            db.create_all()
        try:
            yield second
        finally:
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def wechat_app(app, fake_wechat):
    """WECHAT_FAKE=0: logins go through wechatpy to the fake WeChat server."""
    with other_app(app, **wechat_overrides(fake_wechat)) as second:
        yield second


@pytest.fixture
def wechat_client(wechat_app):
    return wechat_app.test_client()


@contextmanager
def limiter_state_kept():
    """`limiter` is one object shared by every app of the process, and `init_app` sets its
    `enabled` flag from the app's config: an app with limits on would leave them on for all."""
    was_enabled = limiter.enabled
    try:
        yield
    finally:
        limiter.enabled = was_enabled


@contextmanager
def rate_limited_app(app, limit: str = "3 per minute", **overrides):
    """Rate limiting on, `limit` logins per client address, counted in memory unless
    `overrides` say otherwise."""
    settings = {"RATELIMIT_STORAGE_URI": "memory://", **overrides}
    with limiter_state_kept(), other_app(app, RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT=limit,
                                         **settings) as second:
        yield second


@pytest.fixture
def limited_app(app):
    with rate_limited_app(app) as second:
        yield second
