"""Both login endpoints are limited per client address (LOGIN_RATE_LIMIT)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import redis

from tests.helpers.api import assert_error, wechat_login
from tests.helpers.apps import REDIS_TEST_URL, rate_limited_app


@pytest.mark.parametrize(
    "url, body",
    [
        ("/api/v1/auth/wechat", {"code": "resident-zhang"}),
        ("/api/v1/auth/staff", {"username": "nobody", "password": "wrong-password"}),
    ],
)
def test_too_many_logins_from_one_address_is_429(limited_app, url, body):
    client = limited_app.test_client()
    answers = [client.post(url, json=body).status_code for _ in range(3)]

    response = client.post(url, json=body)

    assert answers[0] != 429 and len(set(answers)) == 1
    assert_error(response, 429, "RATE_LIMITED")
    assert 1 <= int(response.headers["Retry-After"]) <= 61  # a minute, plus rounding up


def test_retry_after_is_when_logins_are_allowed_again(app, frozen_clock):
    # The in-memory counts expire by time.time(), which the frozen clock moves: no sleep.
    # Mid-second, as a real clock nearly always is: on a whole second the limiter's rounding
    # (reset_at = int(expiry + 1)) answers one second more.
    frozen_clock.shift(timedelta(milliseconds=500))
    with rate_limited_app(app, "2 per 2 second") as limited:
        client = limited.test_client()
        for _ in range(2):
            wechat_login(client, "a")
        refused = wechat_login(client, "a")
        wait = int(refused.headers["Retry-After"])
        frozen_clock.shift(timedelta(seconds=wait))
        again = wechat_login(client, "a")

    assert_error(refused, 429, "RATE_LIMITED")
    assert 1 <= wait <= 3  # a 2-second window, counted in whole seconds
    assert again.status_code == 200


def test_the_limit_is_per_client_address(limited_app):
    client = limited_app.test_client()
    for _ in range(4):
        wechat_login(client, "a", environ_base={"REMOTE_ADDR": "10.0.0.1"})

    response = wechat_login(client, "a", environ_base={"REMOTE_ADDR": "10.0.0.2"})

    assert response.status_code == 200


def test_limiting_one_app_leaves_the_shared_test_app_unlimited(app, client, monkeypatch):
    with rate_limited_app(app) as limited:
        for _ in range(4):
            wechat_login(limited.test_client(), "a")
    monkeypatch.setitem(app.config, "LOGIN_RATE_LIMIT", "1 per minute")

    answers = [wechat_login(client, "a").status_code for _ in range(3)]

    assert answers == [200, 200, 200]


def test_behind_a_proxy_the_limit_follows_the_forwarded_client_address(app):
    with rate_limited_app(app, PROXY_COUNT=1) as proxied:
        client = proxied.test_client()
        for _ in range(4):
            wechat_login(client, "a", headers={"X-Forwarded-For": "203.0.113.7"})
        same = wechat_login(client, "a", headers={"X-Forwarded-For": "203.0.113.7"})
        other = wechat_login(client, "a", headers={"X-Forwarded-For": "203.0.113.8"})

    assert_error(same, 429, "RATE_LIMITED")
    assert other.status_code == 200


@pytest.mark.redis
def test_with_redis_the_counts_live_in_redis_for_every_worker(app):
    server = redis.Redis.from_url(REDIS_TEST_URL)
    server.flushdb()
    try:  # no RATELIMIT_STORAGE_URI: the app takes REDIS_URL, as in production
        with rate_limited_app(app, REDIS_URL=REDIS_TEST_URL, RATELIMIT_STORAGE_URI=None) as worker:
            client = worker.test_client()
            answers = [wechat_login(client, "a") for _ in range(4)]
            keys = server.keys("LIMITS*")
    finally:
        server.flushdb()

    # Redis expires the counts by its own clock, which no frozen clock moves: a test that
    # waited for this window to end would have to sleep for real.
    assert [answer.status_code for answer in answers[:3]] == [200, 200, 200]
    assert_error(answers[3], 429, "RATE_LIMITED")
    assert keys, "the limiter kept its counts somewhere other than Redis"


def test_a_limited_login_says_its_budget_and_other_answers_say_nothing(limited_app):
    client = limited_app.test_client()
    login = client.post("/api/v1/auth/wechat", json={"code": "resident-zhang"})
    catalog = client.get("/api/v1/catalog")
    assert login.headers["X-RateLimit-Limit"] == "3"
    assert login.headers["X-RateLimit-Remaining"] == "2"
    assert catalog.status_code == 200 and "X-RateLimit-Limit" not in catalog.headers
