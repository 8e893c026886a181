"""`WECHAT_FAKE=1`: no WeChat server at all (demo and development only).

A login `code` is the user's identity: the same code always logs in the same user."""

from __future__ import annotations

import hashlib
import io
import logging
import secrets

import segno

from app.wechat.client import TextVerdict

log = logging.getLogger(__name__)

FAKE_OPENID_PREFIX = "fake-"
_OPENID_MAX = 64  # the length of users.openid


def fake_openid(code: str) -> str:
    openid = FAKE_OPENID_PREFIX + code
    if len(openid) <= _OPENID_MAX:
        return openid
    # A long code still names one user, by its digest.
    return FAKE_OPENID_PREFIX + hashlib.sha256(code.encode()).hexdigest()[: _OPENID_MAX - 5]


class FakeWechat:
    def code_to_session(self, code: str) -> tuple[str, str, str | None]:
        return fake_openid(code), secrets.token_urlsafe(16), None

    def access_token(self) -> str:
        return "fake-access-token"

    def access_token_expires_at(self) -> int | None:
        return None

    def send_subscribe_message(
        self, openid: str, template_id: str, data: dict, page: str | None = None
    ) -> bool:
        log.info(
            "WECHAT_FAKE: subscribe message %s to %s not sent (demo mode): page=%s data=%s",
            template_id,
            openid,
            page,
            data,
        )
        return True

    def check_text(
        self, content: str, openid: str, scene: int, timeout: float | None = None
    ) -> TextVerdict:
        """Not called by the platform in fake mode (nothing leaves the server)."""
        return TextVerdict.PASS

    def get_wxa_code_unlimited(self, scene: str, page: str, width: int = 430) -> bytes:
        """A plain QR code made here, encoding `page?scene=…`: no mini-program opens it, but
        the demo shows and downloads a real image."""
        out = io.BytesIO()
        segno.make(f"{page}?scene={scene}", error="m").save(out, kind="png", scale=8, border=2)
        return out.getvalue()
