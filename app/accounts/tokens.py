"""Signed, expiring bearer tokens for the API."""

from __future__ import annotations

import time
from functools import lru_cache
from typing import Any

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

from app.errors import Unauthorized

_SALT = "api-token-v1"


def _serializer() -> URLSafeTimedSerializer:
    return _serializer_for(current_app.config["SECRET_KEY"])


@lru_cache(maxsize=8)
def _serializer_for(secret_key: str) -> URLSafeTimedSerializer:
    # Built once per key: every bearer-token call reads a token.
    return URLSafeTimedSerializer(secret_key, salt=_SALT)


def issue_token(user_id: int) -> str:
    return _serializer().dumps({"uid": user_id})


def read_token(token: str) -> int:
    """The user id inside a token; Unauthorized when it is forged, garbled or expired."""
    try:
        payload, signed_at = _signed(current_app.config["SECRET_KEY"], token)
    except BadSignature as exc:
        raise Unauthorized("登录凭证无效，请重新登录") from exc
    if not 0 <= time.time() - signed_at <= current_app.config["TOKEN_MAX_AGE_SECONDS"]:
        raise Unauthorized("登录已过期，请重新登录")
    uid = payload.get("uid") if isinstance(payload, dict) else None
    if not isinstance(uid, int):
        raise Unauthorized("登录凭证无效，请重新登录")
    return uid


@lru_cache(maxsize=4096)
def _signed(secret_key: str, token: str) -> tuple[Any, float]:
    """The payload of a token whose signature holds, and when it was signed. Kept per token:
    the HMAC was a tenth of an authenticated answer's time. Only a token that passed is
    kept; a forged one raises, every time. Its age is checked on every use."""
    payload, signed_at = _serializer_for(secret_key).loads(token, return_timestamp=True)
    return payload, signed_at.timestamp()
