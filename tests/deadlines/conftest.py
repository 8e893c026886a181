"""The deadlines' tests run on the frozen clock (taken before the world), with the queue
emptied around each and the notifications' templates and fake WeChat at hand."""

from __future__ import annotations

import pytest

from tests.notifications.conftest import empty_queue, templates, wechat  # noqa: F401


@pytest.fixture(autouse=True)
def _clock_first(frozen_clock):
    return frozen_clock
