"""The app with subscribe-message templates, and WeChat reached through wechatpy at the fake
server (the swapped backend stands for `WECHAT_FAKE=0`), the queue emptied around each test."""

from __future__ import annotations

import pytest

from app.wechat import build_backend
from app.worker.queue import queue
from tests.helpers.apps import wechat_overrides
from tests.helpers.worker import TEMPLATES


@pytest.fixture(autouse=True)
def empty_queue():
    queue.flush()
    yield
    queue.flush()


@pytest.fixture
def templates(app, monkeypatch) -> dict:
    monkeypatch.setitem(app.config, "WECHAT_TEMPLATE_IDS", TEMPLATES)
    return TEMPLATES


@pytest.fixture
def wechat(app, fake_wechat, templates, monkeypatch):
    """The fake WeChat server, reached the real way (wechatpy over HTTP)."""
    backend = build_backend(wechat_overrides(fake_wechat), None)
    monkeypatch.setitem(app.extensions, "wechat", backend)
    return fake_wechat
