"""The WeChat adapter's other calls, through wechatpy to the fake WeChat server."""

from __future__ import annotations

import pytest

from app import create_app
from app.errors import WechatUnavailable
from app.wechat import TextVerdict, wechat
from tests.helpers.apps import REDIS_TEST_URL, make_config, wechat_overrides
from tests.helpers.fake_wechat import (
    BOOM_WORD,
    BUSY_WORD,
    HTML_WORD,
    PNG,
    REFUSING_OPENID,
    REVIEW_WORD,
    RISKY_WORD,
    V1_RISKY_WORD,
)


def worker(fake, **overrides):
    """An app as one gunicorn worker builds it (no database needed for these calls)."""
    return create_app(make_config("sqlite://", **wechat_overrides(fake, **overrides)))


@pytest.mark.redis
def test_workers_share_one_access_token_through_redis(fake_wechat, redis_db15):
    first = worker(fake_wechat, REDIS_URL=REDIS_TEST_URL)
    second = worker(fake_wechat, REDIS_URL=REDIS_TEST_URL)

    with first.app_context():
        token = wechat.access_token()
        assert wechat.access_token() == token
    with second.app_context():
        assert wechat.access_token() == token

    assert fake_wechat.token_fetches() == 1
    assert fake_wechat.calls["/cgi-bin/stable_token"] == 1
    stored = [redis_db15.get(key) for key in redis_db15.keys("shaoxian:wechat:*")]
    assert any(token.encode() in value for value in stored)


def test_without_redis_each_worker_keeps_its_own_token(fake_wechat):
    first, second = worker(fake_wechat), worker(fake_wechat)

    with first.app_context():
        wechat.access_token()
        wechat.access_token()
    with second.app_context():
        wechat.access_token()

    assert fake_wechat.token_fetches() == 2


def test_subscribe_message_is_sent_with_the_access_token(wechat_app, fake_wechat):
    data = {"thing1": {"value": "您的工单已派单"}, "time2": {"value": "2026-11-26 10:00"}}

    sent = wechat.send_subscribe_message(
        "openid-1", "TEMPLATE-1", data, page="pages/order/detail?id=7"
    )

    assert sent is True
    request = fake_wechat.last("/cgi-bin/message/subscribe/send")
    assert request["body"] == {
        "touser": "openid-1",
        "template_id": "TEMPLATE-1",
        "data": data,
        "page": "pages/order/detail?id=7",
        "miniprogram_state": "formal",
        "lang": "zh_CN",
    }
    assert request["query"]["access_token"] in fake_wechat.valid_tokens


def test_subscribe_message_refused_by_the_user_is_false(wechat_app, fake_wechat):
    assert wechat.send_subscribe_message(REFUSING_OPENID, "TEMPLATE-1", {}) is False


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("家里水管漏水，需要帮忙", TextVerdict.PASS),
        (f"含有{RISKY_WORD}内容", TextVerdict.RISKY),
        (f"含有{REVIEW_WORD}内容", TextVerdict.REVIEW),
        (f"含有{V1_RISKY_WORD}内容", TextVerdict.RISKY),  # errcode 87014
    ],
)
def test_text_check_answers_the_verdict(wechat_app, fake_wechat, text, verdict):
    assert wechat.check_text(text, "openid-1", 2) == verdict

    body = fake_wechat.last("/wxa/msg_sec_check")["body"]
    assert body == {"content": text, "version": 2, "scene": 2, "openid": "openid-1"}


@pytest.mark.parametrize("word", [BUSY_WORD, BOOM_WORD, HTML_WORD])
def test_text_check_failing_is_unavailable(wechat_app, fake_wechat, word):
    with pytest.raises(WechatUnavailable):
        wechat.check_text(f"含有{word}内容", "openid-1", 3)


def test_wxa_code_unlimited_is_the_png(wechat_app, fake_wechat):
    image = wechat.get_wxa_code_unlimited("venue=12", "pages/venue/detail")

    assert image == PNG
    assert fake_wechat.last("/wxa/getwxacodeunlimit")["body"]["scene"] == "venue=12"
    assert fake_wechat.last("/wxa/getwxacodeunlimit")["body"]["page"] == "pages/venue/detail"


def test_wxa_code_refused_by_wechat_is_unavailable(wechat_app):
    with pytest.raises(WechatUnavailable):
        wechat.get_wxa_code_unlimited("x" * 40, "pages/venue/detail")


def test_a_token_wechat_no_longer_accepts_is_replaced_once(wechat_app, fake_wechat):
    wechat.send_subscribe_message("openid-1", "TEMPLATE-1", {})
    fake_wechat.expire_tokens()

    assert wechat.send_subscribe_message("openid-1", "TEMPLATE-1", {}) is True
    assert fake_wechat.token_fetches() == 2
    assert fake_wechat.calls["/cgi-bin/message/subscribe/send"] == 3


def test_token_fetch_failing_is_unavailable(app, fake_wechat):
    down = worker(fake_wechat, WECHAT_API_BASE="http://127.0.0.1:9")

    with down.app_context(), pytest.raises(WechatUnavailable):
        wechat.send_subscribe_message("openid-1", "TEMPLATE-1", {})


def test_fake_mode_calls_no_wechat_at_all(app, fake_wechat):
    openid, session_key, unionid = wechat.code_to_session("abc")

    assert openid == "fake-abc" and session_key and unionid is None
    assert wechat.access_token()
    assert wechat.send_subscribe_message("fake-abc", "TEMPLATE-1", {}) is True
    assert wechat.check_text("随便什么", "fake-abc", 2) == TextVerdict.PASS
    assert wechat.get_wxa_code_unlimited("venue=1", "pages/venue/detail").startswith(b"\x89PNG")
    assert fake_wechat.requests == []
