"""群众点单: a resident creates an order. With an `Idempotency-Key`, a replay of the same body
answers with the first order; the same key with another body is refused. The key's unique
constraint settles a race between two creates with one key."""

from __future__ import annotations

import hashlib
import json
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
from app.moderation.screening import Screening, mark_for_review
from app.orders.chained import CREATE_WRITES, NEW_ORDER_DEFAULTS, chains, claimed_order
from app.orders.intake import check_references, new_order, order_values
from app.orders.models import IdempotencyKey, OrderSource
from app.orders.snapshot import ORDERS, RETURNED, Event, Item, OrderSnapshot, run, snapshot
from app.orders.state import record_event
from app.orders.vocabulary import Action
from app.transaction import use_case

KEYS = cast(Table, IdempotencyKey.__table__)


@use_case(keep_loaded=True)
def create_order(
    actor: User,
    data: dict,
    idempotency_key: str | None = None,
    screening: Screening | None = None,
) -> OrderSnapshot:
    """A submitted order. With a key, the order is written only if the key is claimed for
    it: a key that is live already (a replay, or a concurrent create that won the key's
    unique constraint) writes nothing and answers with the first order. `screening`: the
    description's content check (`app.moderation.screening.screen`), written beside a new
    order."""
    if idempotency_key is None:
        return _create(actor, data, screening)
    request_hash = _request_hash(data)
    claim = {"user_id": actor.id, "key": idempotency_key, "request_hash": request_hash}
    claim |= {"now": utcnow(), "cutoff": _idempotency_cutoff()}
    if chains():
        order = _claimed(actor, data, claim, screening)
    else:
        order = _in_savepoint(actor, data, claim, screening)
    if order is not None:
        return order
    replay = _replay(actor, idempotency_key, request_hash)
    if replay is None:  # the live key was gone by the time it was read: let the client retry
        raise Conflict("提交冲突，请重试")
    return replay


def _claimed(
    actor: User, data: dict, claim: dict, screening: Screening | None
) -> OrderSnapshot | None:
    """PostgreSQL: the key, the order and its event in one statement (app.orders.chained)."""
    item = check_references(data)
    values = order_values(actor.id, data, item, OrderSource.MINIPROGRAM, claim["now"])
    values |= NEW_ORDER_DEFAULTS
    event = {"action": Action.CREATE, "actor_id": actor.id}
    stmt = claimed_order(tuple(sorted(values)))
    row = run(stmt, values | claim | event, writes=CREATE_WRITES).first()
    if row is None:
        return None
    mark_for_review(screening, row.community_id, row.id, actor.id)
    created = Event(row.event_id, row.status, None, Action.CREATE, claim["now"], actor.id, None)
    return OrderSnapshot(row, Item(item.id, item.name, item.points), [created])


def _in_savepoint(
    actor: User, data: dict, claim: dict, screening: Screening | None
) -> OrderSnapshot | None:
    """SQLite: the order first, then the key claimed for it, in a savepoint that a live
    key rolls back."""
    try:
        with db.session.begin_nested():
            order = _create(actor, data, screening)
            if not _claim({**claim, "order_id": order.id}):
                raise _KeyIsLive()  # leaving the block rolls the new order back
            return order
    except _KeyIsLive:
        return None


class _KeyIsLive(Exception):
    """The key was claimed already: undo this order and answer with the first one."""


def _create(actor: User, data: dict, screening: Screening | None) -> OrderSnapshot:
    item = check_references(data)
    row = new_order(actor.id, data, item, OrderSource.MINIPROGRAM)
    mark_for_review(screening, row.community_id, row.id, actor.id)
    created = record_event(row.id, row.community_id, Action.CREATE, None, row.status, actor.id)
    # A new order's timeline is the event just written: no one else sees the order yet.
    return OrderSnapshot(row, Item(item.id, item.name, item.points), [created])


def _claim(params: dict) -> bool:
    """Record the key for `order_id`, taking over an expired one; False if it is live."""
    return run(_claim_statement(db.engine.dialect.name), params).first() is not None


@cache
def _claim_statement(dialect: str):
    """INSERT ... ON CONFLICT (user_id, key) DO UPDATE ... WHERE expired, built once."""
    taken: dict[str, Any] = {name: bindparam(name) for name in ("request_hash", "order_id")}
    taken["created_at"] = bindparam("now")
    insert = upsert(KEYS, dialect).values(
        user_id=bindparam("user_id"), key=bindparam("key"), **taken
    )
    return insert.on_conflict_do_update(
        index_elements=["user_id", "key"],
        set_=taken,
        where=KEYS.c.created_at < bindparam("cutoff"),
    ).returning(KEYS.c.id)


def _request_hash(data: dict) -> str:
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _idempotency_cutoff() -> datetime:
    return utcnow() - timedelta(hours=current_app.config["IDEMPOTENCY_TTL_HOURS"])


def _replay(actor: User, key: str, request_hash: str) -> OrderSnapshot | None:
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
    order = db.session.execute(select(*RETURNED).where(ORDERS.c.id == row.order_id)).one()
    return snapshot(order)
