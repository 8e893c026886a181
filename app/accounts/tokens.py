"""Signed, expiring bearer tokens for the API."""

from __future__ import annotations

from functools import lru_cache

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

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
    max_age = current_app.config["TOKEN_MAX_AGE_SECONDS"]
    try:
        payload = _serializer().loads(token, max_age=max_age)
    except SignatureExpired as exc:
        raise Unauthorized("登录已过期，请重新登录") from exc
    except BadSignature as exc:
        raise Unauthorized("登录凭证无效，请重新登录") from exc
    uid = payload.get("uid") if isinstance(payload, dict) else None
    if not isinstance(uid, int):
        raise Unauthorized("登录凭证无效，请重新登录")
    return uid
