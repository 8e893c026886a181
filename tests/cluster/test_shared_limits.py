"""Rate limits and wrong-password lock-outs count the calls of one client on both app servers
(through Redis and the database), not on each server apart."""

from __future__ import annotations

import pytest

from tests.cluster.calls import call
from tests.helpers.cluster import LOGIN_LIMIT, MAX_FAILURES, client_address
from tests.helpers.factories import STAFF_PASSWORD

pytestmark = pytest.mark.cluster


def _login(server: str, client: dict, username: str, password: str):
    return call(server, "POST", "/auth/staff", client, {"username": username, "password": password})


def test_the_login_limit_counts_logins_on_both_servers(cluster):
    client = client_address()
    statuses = [
        _login(cluster.both[attempt % 2], client, f"nobody-{attempt}", "wrong-password")[0]
        for attempt in range(LOGIN_LIMIT + 1)
    ]

    assert statuses == [401] * LOGIN_LIMIT + [429]
    status, body, headers = _login(cluster.proxy, client, "nobody", "wrong-password")
    assert (status, body["error"]["code"]) == (429, "RATE_LIMITED")
    assert int(headers["Retry-After"]) > 0


def test_wrong_passwords_on_both_servers_lock_the_account(cluster, side):
    client, username = client_address(), side.staff.username
    for attempt in range(MAX_FAILURES):
        status, body, _ = _login(cluster.both[attempt % 2], client, username, "wrong-password")
        assert (status, body["error"]["code"]) == (401, "INVALID_CREDENTIALS")

    status, body, headers = _login(cluster.both[MAX_FAILURES % 2], client, username, STAFF_PASSWORD)

    assert (status, body["error"]["code"]) == (429, "RATE_LIMITED")
    assert "密码错误次数过多" in body["error"]["message"]
    assert int(headers["Retry-After"]) > 0
    # From any other address the staff member still signs in.
    assert _login(cluster.a, client_address(), username, STAFF_PASSWORD)[0] == 200
