"""The hot writes chained into one statement on PostgreSQL, whose data-modifying CTEs
(`WITH w AS (UPDATE/INSERT ... RETURNING ...)`) pass one write's rows to the next in a single
round trip. SQLite has no such CTEs: there `app.orders.state` and
`app.orders.services.create` run the same writes one statement at a time. Each statement
is built once (every value a bound parameter), so SQLAlchemy compiles it once.

- a move: the conditional UPDATE, then its event, written only if the UPDATE changed the row;
- a new order with an `Idempotency-Key`: the key claimed first, for an order id drawn from
  the orders' sequence; the order and its created event are written only if the claim
  succeeded, so a live key writes nothing and needs no savepoint to undo. The key's foreign
  key to the order is checked at the end of the statement, when the order is there."""

from __future__ import annotations

from functools import cache
from typing import cast

from sqlalchemy import Column, Select, Table, Update, bindparam, func, insert, null, select, true
from sqlalchemy.dialects.postgresql import insert as pg_insert

from app.extensions import db
from app.orders.models import IdempotencyKey
from app.orders.snapshot import EVENTS, ORDERS, RETURNED

KEYS = cast(Table, IdempotencyKey.__table__)
# The tables each chained statement writes, for the ready answers (`snapshot.run`).
MOVE_WRITES = (ORDERS.name, EVENTS.name)
CREATE_WRITES = (KEYS.name, ORDERS.name, EVENTS.name)
_WRITTEN = ["order_id", "community_id", "action", "from_status", "to_status", "actor_id"]
_WRITTEN += ["note", "at"]
# What a plain INSERT of an order takes from the columns' defaults: SQLAlchemy does not
# apply Python-side defaults to an INSERT inside a CTE, so the caller passes them.
NEW_ORDER_DEFAULTS = {"kind": ORDERS.c.kind.default.arg, "completion_photos": []}  # type: ignore[union-attr]


def chains() -> bool:
    """Whether this transaction's database chains writes in one statement (PostgreSQL)."""
    return db.session.get_bind().dialect.name == "postgresql"


def _param(name: str, column: Column):
    """A bound value typed as the column it is written to: in a SELECT that feeds an
    INSERT, PostgreSQL would otherwise take it for text."""
    return bindparam(name, type_=column.type)


@cache
def move_with_event(move: Update) -> Select:
    """`move` (an UPDATE ... RETURNING of app.orders.state), then its event; the row is the
    move's, with `event_id`. Reuses the move's parameters `from_status`, `to_status` and
    `actor_id`; adds `action`, `note` and `at`."""
    moved = move.cte("moved")
    event = select(
        moved.c.id,
        moved.c.community_id,
        *(_param(name, EVENTS.c[name]) for name in ("action", "from_status", "to_status")),
        *(_param(name, EVENTS.c[name]) for name in ("actor_id", "note", "at")),
    )
    return _with_event(moved, event)


@cache
def claimed_order(keys: tuple[str, ...]) -> Select:
    """The key claimed (taking over an expired one), then the order with the columns
    `keys` and its created event; no row when the key is live. Parameters: the key's
    `user_id`, `key`, `request_hash`, `now` and `cutoff`, the event's `action` and
    `actor_id`, and each of `keys`."""
    new_id = func.nextval(func.pg_get_serial_sequence(ORDERS.name, "id"))
    claim = pg_insert(KEYS).values(
        user_id=bindparam("user_id"),
        key=bindparam("key"),
        request_hash=bindparam("request_hash"),
        order_id=new_id,
        created_at=bindparam("now"),
    )
    taken = {name: claim.excluded[name] for name in ("request_hash", "order_id", "created_at")}
    claimed = (
        claim.on_conflict_do_update(
            index_elements=["user_id", "key"],
            set_=taken,
            where=KEYS.c.created_at < bindparam("cutoff"),
        )
        .returning(KEYS.c.order_id)
        .cte("claimed")
    )
    values = select(claimed.c.order_id, *(_param(key, ORDERS.c[key]) for key in keys))
    written = insert(ORDERS).from_select(["id", *keys], values, include_defaults=False)
    created = written.returning(*RETURNED).cte("created")
    event = select(
        created.c.id,
        created.c.community_id,
        _param("action", EVENTS.c.action),
        null(),
        created.c.status,
        _param("actor_id", EVENTS.c.actor_id),
        null(),
        _param("now", EVENTS.c.at),
    )
    return _with_event(created, event)


def _with_event(written, event: Select) -> Select:
    recorded = (
        insert(EVENTS)
        .from_select(_WRITTEN, event, include_defaults=False)
        .returning(EVENTS.c.id.label("event_id"))
        .cte("recorded")
    )
    # One row each: joined on true, which says so to SQLAlchemy's cartesian-product linter.
    return select(written, recorded.c.event_id).select_from(written.join(recorded, true()))
