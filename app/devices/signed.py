"""A signed call of a device (CONTRACT §6.6): who it says it is, when, a nonce, the
signature, and the raw body the signature covers. Checked in the call's own transaction,
so a refusal writes nothing and a nonce is used once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import cast

from sqlalchemy import Row, Table, bindparam, select

from app.db_types import upsert
from app.devices import keys
from app.devices.models import Device, DeviceNonce
from app.errors import DeviceUnauthorized
from app.extensions import db
from app.orders.snapshot import run

WINDOW = timedelta(seconds=300)
NONCE_LENGTH = range(8, 65)
DEVICES = cast(Table, Device.__table__)
_DEVICE = select(DEVICES.c.id, DEVICES.c.secret_encrypted, DEVICES.c.community_id).where(
    DEVICES.c.serial == bindparam("serial")
)


@dataclass(frozen=True)
class SignedCall:
    serial: str
    timestamp: str
    nonce: str
    signature: str
    body: bytes

    @classmethod
    def from_headers(cls, headers, body: bytes) -> SignedCall:
        def header(name: str) -> str:
            return headers.get(name) or ""

        return cls(
            serial=header("X-Device-Serial"),
            timestamp=header("X-Timestamp"),
            nonce=header("X-Nonce"),
            signature=header("X-Signature"),
            body=body,
        )


def authenticated(call: SignedCall, now: datetime) -> Row:
    """The calling device (`id`, `community_id`), its nonce now used; else 401
    DEVICE_UNAUTHORIZED, the same for every reason, so a caller learns nothing."""
    sent_at = _sent_at(call.timestamp)
    if sent_at is None or abs(now - sent_at) > WINDOW or len(call.nonce) not in NONCE_LENGTH:
        raise DeviceUnauthorized()
    device = run(_DEVICE, {"serial": call.serial}).first()
    secret = keys.decrypt(device.secret_encrypted) if device else None
    if (
        device is None
        or secret is None
        or not keys.signature_matches(secret, call.timestamp, call.nonce, call.body, call.signature)
    ):
        raise DeviceUnauthorized()
    # Kept while a call with this nonce could still be inside the window.
    if not _use_nonce(device.id, call.nonce, sent_at + WINDOW):
        raise DeviceUnauthorized()
    return device


def _sent_at(text: str) -> datetime | None:
    if not (text.isascii() and text.isdigit() and len(text) <= 11):
        return None
    return datetime.fromtimestamp(int(text), tz=UTC)


def _use_nonce(device_id: int, nonce: str, expires_at: datetime) -> bool:
    """Whether the nonce was new: the unique key settles two calls racing with one."""
    dialect = db.session.get_bind().dialect.name
    statement = (
        upsert(DeviceNonce, dialect)
        .values(device_id=device_id, nonce=nonce, expires_at=expires_at)
        .on_conflict_do_nothing(index_elements=["device_id", "nonce"])
        .returning(DeviceNonce.id)
    )
    return run(statement, {}).first() is not None
