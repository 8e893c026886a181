"""A redemption with an `Idempotency-Key`, by the same rules as `POST /orders`: a replay of
the same request answers with the first redemption, the same key for another reward is
refused, and the key's unique constraint settles two redemptions racing with one key."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from functools import cache
from typing import Any, cast

from flask import current_app
from sqlalchemy import Table, bindparam, select

from app.accounts.models import User
from app.clock import utcnow
from app.db_types import upsert
from app.errors import Conflict, IdempotencyKeyReused
from app.extensions import db
from app.mall.models import Redemption, RedemptionKey
from app.mall.spending import redeem
from app.transaction import use_case

KEYS = cast(Table, RedemptionKey.__table__)


@use_case
def redeem_reward(actor: User, reward_id: int, idempotency_key: str | None = None) -> Redemption:
    if idempotency_key is None:
        return redeem(actor, reward_id)
    request_hash = hashlib.sha256(f"reward:{reward_id}".encode()).hexdigest()
    replay = _replay(actor, idempotency_key, request_hash)
    if replay is not None:
        return replay
    claim = {"user_id": actor.id, "key": idempotency_key, "request_hash": request_hash}
    claim |= {"now": utcnow(), "cutoff": _cutoff()}
    try:
        with db.session.begin_nested():
            redemption = redeem(actor, reward_id)
            claim["redemption_id"] = redemption.id
            if db.session.execute(_claim_statement(db.engine.dialect.name), claim).first():
                return redemption
            raise _KeyIsLive()  # leaving the block rolls this redemption back
    except _KeyIsLive:
        pass
    replay = _replay(actor, idempotency_key, request_hash)
    if replay is None:
        raise Conflict("提交冲突，请重试")
    return replay


class _KeyIsLive(Exception):
    """A concurrent redemption with this key won it: undo this one, answer with that one."""


@cache
def _claim_statement(dialect: str):
    """INSERT ... ON CONFLICT (user_id, key) DO UPDATE ... WHERE expired, built once."""
    taken: dict[str, Any] = {name: bindparam(name) for name in ("request_hash", "redemption_id")}
    taken["created_at"] = bindparam("now")
    insert = upsert(KEYS, dialect).values(
        user_id=bindparam("user_id"), key=bindparam("key"), **taken
    )
    return insert.on_conflict_do_update(
        index_elements=["user_id", "key"],
        set_=taken,
        where=KEYS.c.created_at < bindparam("cutoff"),
    ).returning(KEYS.c.id)


def _cutoff() -> datetime:
    return utcnow() - timedelta(hours=current_app.config["IDEMPOTENCY_TTL_HOURS"])


def _replay(actor: User, key: str, request_hash: str) -> Redemption | None:
    row = db.session.scalar(
        select(RedemptionKey).where(
            RedemptionKey.user_id == actor.id,
            RedemptionKey.key == key,
            RedemptionKey.created_at >= _cutoff(),
        )
    )
    if row is None:
        return None
    if row.request_hash != request_hash:
        raise IdempotencyKeyReused(details={"Idempotency-Key": ["该幂等键已用于其他内容"]})
    return db.session.get(Redemption, row.redemption_id)
