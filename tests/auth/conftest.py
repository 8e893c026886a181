"""Fixtures of the auth tests: apps configured differently from the shared test app (real
WeChat path, rate limiting on) over the same test database."""

from __future__ import annotations

import pytest

from tests.helpers.apps import other_app, rate_limited_app, wechat_overrides


@pytest.fixture
def wechat_app(app, fake_wechat):
    """WECHAT_FAKE=0: logins go through wechatpy to the fake WeChat server."""
    with other_app(app, **wechat_overrides(fake_wechat)) as second:
        yield second


@pytest.fixture
def wechat_client(wechat_app):
    return wechat_app.test_client()


@pytest.fixture
def limited_app(app):
    with rate_limited_app(app) as second:
        yield second
