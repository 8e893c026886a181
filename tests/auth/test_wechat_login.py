"""POST /auth/wechat through wechatpy against the fake WeChat server (WECHAT_FAKE=0)."""

from __future__ import annotations

import json
import re
import time

import pytest

from app.accounts.models import User
from app.extensions import db
from tests.helpers.api import assert_error, bearer
from tests.helpers.api import wechat_login as login
from tests.helpers.apps import WECHAT_TIMEOUT, other_app, wechat_overrides
from tests.helpers.db import count_rows
from tests.helpers.fake_wechat import APPID, SECRET

URL = "/api/v1/auth/wechat"


def test_login_goes_through_wechat_and_creates_a_resident(wechat_client, fake_wechat):
    response = login(wechat_client, "good-code-1")

    assert response.status_code == 200
    body = response.get_json()
    assert body["token"]
    assert body["user"]["roles"] == ["resident"]
    seen = fake_wechat.last("/sns/jscode2session")["query"]
    assert seen == {
        "appid": APPID,
        "secret": SECRET,
        "js_code": "good-code-1",
        "grant_type": "authorization_code",
    }
    assert fake_wechat.token_fetches() == 0  # login needs no access token
    user = db.session.get(User, body["user"]["id"])
    assert user.openid == "openid-good-code-1"
    assert user.unionid == "union-good-code-1"
    assert user.session_key == "SESSION-KEY-good-code-1"
    assert user.last_login_at is not None


def test_the_token_opens_me(wechat_client):
    token = login(wechat_client, "good-code-2").get_json()["token"]

    response = wechat_client.get("/api/v1/me", headers=bearer(token))

    assert response.status_code == 200
    assert response.get_json()["roles"] == ["resident"]


def test_session_key_and_openid_never_leave_the_server(wechat_client):
    login_response = login(wechat_client, "secret-code")
    token = login_response.get_json()["token"]
    me_response = wechat_client.get("/api/v1/me", headers=bearer(token))

    for response in (login_response, me_response):
        text = response.get_data(as_text=True)
        assert "SESSION-KEY" not in text
        assert "openid-secret-code" not in text
        assert "session_key" not in text and "openid" not in text


def test_second_login_of_the_same_person_is_the_same_user(wechat_client):
    first = login(wechat_client, "same-person").get_json()["user"]["id"]
    second = login(wechat_client, "same-person").get_json()["user"]["id"]

    assert first == second
    assert count_rows(User) == 1


@pytest.mark.parametrize("code", ["bad-code", "used-code"])
def test_invalid_or_used_code_is_401(wechat_client, code):
    assert_error(login(wechat_client, code), 401, "WECHAT_CODE_INVALID")
    assert count_rows(User) == 0


@pytest.mark.parametrize("code", ["busy-code", "boom-code", "html-code"])
def test_wechat_failing_is_503(wechat_client, code):
    assert_error(login(wechat_client, code), 503, "WECHAT_UNAVAILABLE")
    assert count_rows(User) == 0


def test_wechat_too_slow_is_503_within_the_timeout(wechat_client, fake_wechat):
    # Real time is the point here: the fake server really sleeps, and the client's socket
    # timeout (which no frozen clock moves) must cut the call short.
    fake_wechat.slow_seconds = WECHAT_TIMEOUT + 2
    started = time.monotonic()

    response = login(wechat_client, "slow-code")

    elapsed = time.monotonic() - started
    assert_error(response, 503, "WECHAT_UNAVAILABLE")
    assert elapsed < WECHAT_TIMEOUT + 1.0
    assert fake_wechat.calls["/sns/jscode2session"] == 1  # not retried


def test_wechat_unreachable_is_503(app, fake_wechat):
    nobody_listens = wechat_overrides(fake_wechat, WECHAT_API_BASE="http://127.0.0.1:9")
    with other_app(app, **nobody_listens) as down:
        response = login(down.test_client(), "good-code")

    assert_error(response, 503, "WECHAT_UNAVAILABLE")


def test_wrong_app_secret_is_503_not_the_users_fault(app, fake_wechat, caplog):
    with other_app(app, **wechat_overrides(fake_wechat, WECHAT_SECRET="wrong-secret")) as broken:
        response = login(broken.test_client(), "good-code")

    assert_error(response, 503, "WECHAT_UNAVAILABLE")
    assert "40125" in caplog.text
    assert "wrong-secret" not in caplog.text


def test_fake_mode_takes_the_code_as_identity(client, app):
    first = login(client, "resident-zhang")
    second = login(client, "resident-zhang")
    other = login(client, "resident-li")

    assert first.status_code == 200
    assert first.get_json()["user"]["id"] == second.get_json()["user"]["id"]
    assert other.get_json()["user"]["id"] != first.get_json()["user"]["id"]
    user = db.session.get(User, first.get_json()["user"]["id"])
    assert user.openid == "fake-resident-zhang"
    assert "session_key" not in first.get_data(as_text=True)


def test_fake_mode_accepts_the_longest_code(client):
    code = "x" * 128

    first = login(client, code)
    second = login(client, code)

    assert first.status_code == 200
    assert first.get_json()["user"]["id"] == second.get_json()["user"]["id"]


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"code": ""},
        {"code": "x" * 129},
        {"code": 42},
        {"code": None},
        {"code": ["a"]},
        {"code": "a\x00b"},
        {"code": "\ud800"},
    ],
)
def test_invalid_code_is_422_naming_code(client, body):
    response = client.post(URL, data=json.dumps(body), content_type="application/json")

    error = assert_error(response, 422, "VALIDATION_ERROR")
    assert re.search(r"[\u4e00-\u9fff]", error["details"]["code"][0])  # in Chinese
    assert count_rows(User) == 0


def test_form_body_is_422_naming_code(client):
    response = client.post(URL, data="code=abc")

    assert "code" in assert_error(response, 422, "VALIDATION_ERROR")["details"]


@pytest.mark.parametrize("raw", ["{not json", "[1, 2]", '"abc"', ""])
def test_non_json_body_is_422(client, raw):
    response = client.post(URL, data=raw, content_type="application/json")

    assert assert_error(response, 422, "VALIDATION_ERROR")["details"]


@pytest.mark.postgresql
def test_concurrent_first_logins_of_one_person_make_one_user(app):
    from concurrent.futures import ThreadPoolExecutor
    from threading import Barrier

    barrier = Barrier(10)

    def first_login(_):
        client = app.test_client()
        barrier.wait()
        response = login(client, "racing-person")
        return response.status_code, response.get_json()["user"]["id"]

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(first_login, range(10)))

    assert {status for status, _ in results} == {200}
    assert len({user_id for _, user_id in results}) == 1
    assert count_rows(User) == 1


def test_deactivated_user_gets_no_token(client):
    user_id = login(client, "leaving-resident").get_json()["user"]["id"]
    db.session.get(User, user_id).is_active = False
    db.session.commit()

    response = login(client, "leaving-resident")

    assert_error(response, 401, "UNAUTHORIZED")
    assert "token" not in response.get_json()
