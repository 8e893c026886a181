"""群众点单: a resident creates an order. With an `Idempotency-Key`, a replay of the same body
answers with the first order; the same key with another body is refused."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from app.accounts.models import User
from app.clock import utcnow
from app.errors import IdempotencyKeyReused
from app.extensions import db
from app.orders.intake import check_references, new_order
from app.orders.models import IdempotencyKey, Order, OrderSource
from app.orders.state import record_event
from app.orders.vocabulary import Action
from app.transaction import use_case


@use_case
def create_order(actor: User, data: dict, idempotency_key: str | None = None) -> Order:
    """A submitted order. Two concurrent creates with one key race on the key's unique
    constraint: the loser's savepoint is rolled back and it answers with the winner's order."""
    if idempotency_key is None:
        return _create(actor, data)
    request_hash = _request_hash(data)
    replay = _replay(actor, idempotency_key, request_hash)
    if replay is not None:
        return replay
    try:
        with db.session.begin_nested():
            return _create(actor, data, idempotency_key, request_hash)
    except IntegrityError:
        replay = _replay(actor, idempotency_key, request_hash)
        if replay is None:
            raise
        return replay


def _create(actor: User, data: dict, key: str | None = None, request_hash: str = "") -> Order:
    item = check_references(data)
    order = new_order(actor.id, data, item, OrderSource.MINIPROGRAM)
    record_event(order.id, Action.CREATE, None, order.status, actor.id)
    if key is not None:
        db.session.execute(
            delete(IdempotencyKey).where(
                IdempotencyKey.user_id == actor.id,
                IdempotencyKey.key == key,
                IdempotencyKey.created_at < _idempotency_cutoff(),
            )
        )
        db.session.add(
            IdempotencyKey(user_id=actor.id, key=key, request_hash=request_hash, order_id=order.id)
        )
        db.session.flush()
    return order


def _request_hash(data: dict) -> str:
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _idempotency_cutoff() -> datetime:
    return utcnow() - timedelta(hours=current_app.config["IDEMPOTENCY_TTL_HOURS"])


def _replay(actor: User, key: str, request_hash: str) -> Order | None:
    """The order a live key made, or None; the same key with another body is refused."""
    row = db.session.scalar(
        select(IdempotencyKey).where(
            IdempotencyKey.user_id == actor.id,
            IdempotencyKey.key == key,
            IdempotencyKey.created_at >= _idempotency_cutoff(),
        )
    )
    if row is None:
        return None
    if row.request_hash != request_hash:
        raise IdempotencyKeyReused(details={"Idempotency-Key": ["该幂等键已用于其他内容"]})
    return db.session.get(Order, row.order_id)
