"""The WeChat access token is fetched once for every app server: `flask wechat check` run in
each server's environment finds the token the first one fetched, in Redis."""

from __future__ import annotations

import pytest

from app.wechat import REDIS_PREFIX
from tests.helpers.cluster import SERVERS
from tests.helpers.fake_wechat import printed_expiry
from tests.helpers.servers import flask_command

pytestmark = pytest.mark.cluster


def test_the_access_token_is_fetched_once_for_both_servers(cluster, fake_wechat):
    stored = cluster.redis.keys(f"{REDIS_PREFIX}:*")
    if stored:
        cluster.redis.delete(*stored)

    outputs = [flask_command(cluster.envs[name], "wechat", "check").stdout for name in SERVERS]

    assert all("微信凭证可用" in output for output in outputs), outputs
    assert fake_wechat.calls["/cgi-bin/stable_token"] == 1
    assert fake_wechat.token_fetches() == 1
    first, second = (printed_expiry(output) for output in outputs)
    assert first and second, outputs
    # The second server knows the expiry from the time to live Redis keeps for the token.
    assert abs((second - first).total_seconds()) <= 2
