"""`flask wechat check`: the operator's check of the WeChat credentials, against the fake
WeChat server (the real wechatpy path)."""

from __future__ import annotations

import time

from app import create_app
from tests.helpers.apps import make_config, wechat_overrides
from tests.helpers.fake_wechat import TOKEN_SECONDS, printed_expiry


def check(fake_wechat, **overrides):
    app = create_app(make_config("sqlite://", **wechat_overrides(fake_wechat, **overrides)))
    return app.test_cli_runner().invoke(args=["wechat", "check"])


def test_working_credentials_fetch_a_token_and_say_when_it_expires(fake_wechat):
    result = check(fake_wechat)

    assert result.exit_code == 0, result.output
    assert "微信凭证可用" in result.output
    expires = printed_expiry(result.output)
    assert expires is not None, result.output
    assert abs(expires.timestamp() - (time.time() + TOKEN_SECONDS)) < 60
    assert fake_wechat.calls["/cgi-bin/stable_token"] == 1


def test_an_errcode_exits_1_and_names_the_settings_to_check(fake_wechat):
    result = check(fake_wechat, WECHAT_SECRET="wrong-secret")

    assert result.exit_code == 1
    assert "errcode 40125" in result.output
    assert "WECHAT_SECRET" in result.output
    assert "微信凭证可用" not in result.output


def test_a_server_that_does_not_answer_is_named(fake_wechat):
    result = check(fake_wechat, WECHAT_API_BASE="http://127.0.0.1:9")

    assert result.exit_code == 1
    assert "无法从 http://127.0.0.1:9 取得 access token" in result.output


def test_demo_mode_checks_nothing_and_says_so(fake_wechat):
    result = check(fake_wechat, WECHAT_FAKE=True)

    assert result.exit_code == 1
    assert "WECHAT_FAKE=1" in result.output
    assert fake_wechat.token_fetches() == 0
