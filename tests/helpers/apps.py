"""The test databases, and apps on them configured differently from the shared test app
(real WeChat path, rate limiting on, another pool)."""

from __future__ import annotations

import os
from contextlib import contextmanager

from app import create_app
from app.extensions import db, limiter
from config import TestingConfig
from tests.helpers.fake_wechat import APPID, SECRET

BACKENDS = {"sqlite": "sqlite://"}
if os.environ.get("TEST_DATABASE_URL"):
    BACKENDS["postgresql"] = os.environ["TEST_DATABASE_URL"]

# Tests of sharing through Redis (marked `redis`) use database 15 of the server in REDIS_URL.
REDIS_TEST_URL = (
    os.environ["REDIS_URL"].rsplit("/", 1)[0] + "/15" if os.environ.get("REDIS_URL") else None
)

WECHAT_TIMEOUT = 1.0


def make_config(database_url: str, **overrides) -> type[TestingConfig]:
    return type(
        "TestConfig", (TestingConfig,), {"SQLALCHEMY_DATABASE_URI": database_url, **overrides}
    )


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


def wechat_overrides(fake, **overrides) -> dict:
    """Settings of an app that logs in through wechatpy to the fake WeChat server `fake`."""
    return {
        "WECHAT_FAKE": False,
        "WECHAT_API_BASE": fake.url,
        "WECHAT_APPID": APPID,
        "WECHAT_SECRET": SECRET,
        "WECHAT_TIMEOUT_SECONDS": WECHAT_TIMEOUT,
        "REDIS_URL": None,
        **overrides,
    }


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
    with (
        limiter_state_kept(),
        other_app(app, RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT=limit, **settings) as second,
    ):
        yield second
