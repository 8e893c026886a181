"""A device's shared secret: made, kept encrypted, and used to sign a call.

The server must recompute each call's HMAC, so it keeps the secret itself, encrypted with
Fernet under a key derived from SECRET_KEY (`SHA-256("device-secret:" + SECRET_KEY)`). A
stolen database alone gives no secret; a changed SECRET_KEY leaves every stored secret
unreadable, so each device's secret must then be rotated (docs/devices.md)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from flask import current_app

SECRET_BYTES = 32


def new_secret() -> str:
    """A fresh secret: 64 lowercase hex characters."""
    return secrets.token_hex(SECRET_BYTES)


def signature(secret: str, timestamp: str, nonce: str, body: bytes) -> str:
    """Lowercase hex HMAC-SHA256 with `secret` over "{timestamp}\\n{nonce}\\n{raw body}"."""
    message = f"{timestamp}\n{nonce}\n".encode() + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_matches(secret: str, timestamp: str, nonce: str, body: bytes, given: str) -> bool:
    """Compared in constant time; a header outside ASCII never matches."""
    expected = signature(secret, timestamp, nonce, body)
    return given.isascii() and hmac.compare_digest(expected, given)


def encrypt(secret: str) -> str:
    return _fernet(current_app.config["SECRET_KEY"]).encrypt(secret.encode()).decode()


def decrypt(stored: str) -> str | None:
    """The secret, or None when it was encrypted under another SECRET_KEY."""
    try:
        return _fernet(current_app.config["SECRET_KEY"]).decrypt(stored.encode()).decode()
    except InvalidToken:
        return None


@lru_cache(maxsize=4)
def _fernet(secret_key: str) -> Fernet:
    digest = hashlib.sha256(f"device-secret:{secret_key}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))
