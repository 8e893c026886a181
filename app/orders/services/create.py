"""群众点单: a resident creates an order. With an `Idempotency-Key`, a replay of the same body
answers with the first order; the same key with another body is refused. The key's unique
constraint settles a race between two creates with one key."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table, select

from app.accounts.models import User
from app.clock import utcnow
from app.errors import Conflict
from app.extensions import db
from app.idempotency import claim_statement, cutoff, live_target, request_hash
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
    hashed = request_hash(data)
    claim = {"user_id": actor.id, "key": idempotency_key, "request_hash": hashed}
    claim |= {"now": utcnow(), "cutoff": cutoff()}
    if chains():
        order = _claimed(actor, data, claim, screening)
    else:
        order = _in_savepoint(actor, data, claim, screening)
    if order is not None:
        return order
    replay = _replay(actor, idempotency_key, hashed)
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
    stmt = claim_statement(KEYS, "order_id", db.engine.dialect.name)
    return run(stmt, params).first() is not None


def _replay(actor: User, key: str, hashed: str) -> OrderSnapshot | None:
    """The order a live key made, or None; the same key with another body is refused."""
    order_id = live_target(KEYS, "order_id", actor.id, key, hashed)
    if order_id is None:
        return None
    order = db.session.execute(select(*RETURNED).where(ORDERS.c.id == order_id)).one()
    return snapshot(order)
