"""Fixtures of the content security tests: an app whose texts go through wechatpy to the
fake WeChat server (WECHAT_FAKE=0), with its own world of two communities."""

from __future__ import annotations

import pytest

from tests.conftest import build_world
from tests.helpers.apps import other_app, wechat_overrides

CHECK_TIMEOUT = 0.3  # CONTENT_CHECK_TIMEOUT_SECONDS of the checked app


@pytest.fixture
def checked_app(app, fake_wechat, monkeypatch):
    """The fake server answers a `slow` text after twice the check's timeout."""
    monkeypatch.setattr(fake_wechat, "slow_seconds", CHECK_TIMEOUT * 3)
    overrides = wechat_overrides(fake_wechat, CONTENT_CHECK_TIMEOUT_SECONDS=CHECK_TIMEOUT)
    with other_app(app, **overrides) as second:
        yield second


@pytest.fixture
def checked_client(checked_app):
    return checked_app.test_client()


@pytest.fixture
def checked_world(checked_app):
    return build_world()
