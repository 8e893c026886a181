"""`Idempotency-Key` claims, shared by every create that takes one (orders, redemptions):
a key table with a unique (user_id, key), a request hash and the id of what the key made.
A live key answers a replay with what it made; the same key with another request is
refused; an expired key (IDEMPOTENCY_TTL_HOURS) is taken over by the next claim."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from flask import current_app
from sqlalchemy import Table, bindparam, select

from app.clock import utcnow
from app.db_types import upsert
from app.errors import IdempotencyKeyReused
from app.extensions import db


def request_hash(data: object) -> str:
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def cutoff() -> datetime:
    """Keys made before this have expired."""
    return utcnow() - timedelta(hours=current_app.config["IDEMPOTENCY_TTL_HOURS"])


@cache
def claim_statement(keys: Table, target: str, dialect: str):
    """INSERT ... ON CONFLICT (user_id, key) DO UPDATE ... WHERE expired, RETURNING the id:
    no row when the key is live. Binds user_id, key, request_hash, `target`, now, cutoff."""
    taken: dict[str, Any] = {name: bindparam(name) for name in ("request_hash", target)}
    taken["created_at"] = bindparam("now")
    insert = upsert(keys, dialect).values(
        user_id=bindparam("user_id"), key=bindparam("key"), **taken
    )
    return insert.on_conflict_do_update(
        index_elements=["user_id", "key"],
        set_=taken,
        where=keys.c.created_at < bindparam("cutoff"),
    ).returning(keys.c.id)


def live_target(keys: Table, target: str, user_id: int, key: str, hashed: str) -> int | None:
    """The id that a live key made, or None; the same key with another request is refused."""
    row = db.session.execute(
        select(keys.c.request_hash, keys.c[target]).where(
            keys.c.user_id == user_id, keys.c.key == key, keys.c.created_at >= cutoff()
        )
    ).first()
    if row is None:
        return None
    if row[0] != hashed:
        raise IdempotencyKeyReused(details={"Idempotency-Key": ["该幂等键已用于其他内容"]})
    return int(row[1])
