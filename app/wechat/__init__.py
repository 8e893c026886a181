"""The one way to WeChat: `wechat.code_to_session(code)`, `wechat.send_subscribe_message(...)`.

`init_app` builds one backend per app at start-up and keeps it in `app.extensions["wechat"]`:
the real server API through wechatpy, or `FakeWechat` when `WECHAT_FAKE=1`. With `REDIS_URL`
the access token lives in Redis, so every worker shares one token."""

from __future__ import annotations

import logging

from flask import Flask, current_app
from wechatpy.session.memorystorage import MemoryStorage
from wechatpy.session.redisstorage import RedisStorage

from app.wechat.client import ApiClient, RealWechat, TextVerdict
from app.wechat.fake import FakeWechat

log = logging.getLogger(__name__)

REDIS_PREFIX = "shaoxian:wechat"


def build_backend(config, redis_client) -> RealWechat | FakeWechat:
    if config["WECHAT_FAKE"]:
        return FakeWechat()
    if not (config.get("WECHAT_APPID") and config.get("WECHAT_SECRET")):
        log.warning("WECHAT_APPID / WECHAT_SECRET are not set: WeChat calls will fail")
    session = RedisStorage(redis_client, prefix=REDIS_PREFIX) if redis_client else MemoryStorage()
    return RealWechat(
        ApiClient(
            config.get("WECHAT_APPID") or "",
            config.get("WECHAT_SECRET") or "",
            config["WECHAT_API_BASE"],
            session,
            float(config["WECHAT_TIMEOUT_SECONDS"]),
        ),
        config.get("WECHAT_MINIPROGRAM_STATE") or "formal",
    )


class WechatAdapter:
    """Flask extension: the calls below go to the current app's backend."""

    def init_app(self, app: Flask) -> None:
        app.extensions["wechat"] = build_backend(app.config, app.extensions["redis_store"].client)

    @property
    def backend(self) -> RealWechat | FakeWechat:
        return current_app.extensions["wechat"]

    def code_to_session(self, code: str) -> tuple[str, str, str | None]:
        """(openid, session_key, unionid) of a `wx.login()` code."""
        return self.backend.code_to_session(code)

    def access_token(self) -> str:
        return self.backend.access_token()

    def access_token_expires_at(self) -> int | None:
        """When the access token `access_token()` gave expires (Unix time); None if unknown."""
        return self.backend.access_token_expires_at()

    def send_subscribe_message(
        self, openid: str, template_id: str, data: dict, page: str | None = None
    ) -> bool:
        """True when sent, False when the user has not subscribed to the template."""
        return self.backend.send_subscribe_message(openid, template_id, data, page)

    @property
    def checks_content(self) -> bool:
        """Whether users' texts go to WeChat's content check (not in fake mode)."""
        return not isinstance(self.backend, FakeWechat)

    def check_text(
        self, content: str, openid: str, scene: int, timeout: float | None = None
    ) -> TextVerdict:
        """WeChat's verdict on a user's text; WechatUnavailable when it fails or is slow."""
        return self.backend.check_text(content, openid, scene, timeout)

    def get_wxa_code_unlimited(self, scene: str, page: str, width: int = 430) -> bytes:
        """PNG bytes of the mini-program code that opens `page` with `scene` (at most 32
        characters); WechatUnavailable when WeChat refuses or fails."""
        return self.backend.get_wxa_code_unlimited(scene, page, width)


wechat = WechatAdapter()
code_to_session = wechat.code_to_session
access_token = wechat.access_token
send_subscribe_message = wechat.send_subscribe_message
check_text = wechat.check_text
get_wxa_code_unlimited = wechat.get_wxa_code_unlimited
