"""The one place that moves an order from one status to another.

Every move is a conditional `UPDATE orders SET status=:to ... WHERE id=:id AND status=:from
[AND <guard>] RETURNING ...`: the database, not Python, decides who wins a race. A move that
changes no row raises a 409, and a move that changes its row writes an `OrderEvent` (the
timeline) in the same transaction. The caller commits.

The statements are Core, built once per move and set of values (bound parameters, so
SQLAlchemy compiles each once): no ORM object is loaded or flushed on the way
(`app.orders.snapshot`)."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import cast

from sqlalchemy import Table, Update, bindparam, exists, false, insert, select, update
from sqlalchemy.orm.util import identity_key

from app.accounts.models import User
from app.clock import utcnow
from app.errors import Forbidden, OrderAlreadyTaken, OrderStateConflict
from app.extensions import db
from app.orders.chained import MOVE_WRITES, chains, move_with_event
from app.orders.models import FollowUp, Order
from app.orders.notices import tell
from app.orders.snapshot import EVENTS, ORDERS, RETURNED, Event, OrderSnapshot, run, snapshot
from app.orders.transitions import (
    ACTOR_ROLES,
    MOVES,
    NEW_ROUND,
    Actor,
    Guard,
    Move,
    allowed_actions,
)
from app.orders.vocabulary import Action as A
from app.teams.access import MEMBERSHIPS, TEAMS

FOLLOW_UPS = cast(Table, FollowUp.__table__)
# The move table, read from here by callers that also make moves.
__all__ = ["MOVES", "Actor", "Guard", "allowed_actions", "record_event", "transition"]


def transition(
    order_id: int,
    action: A,
    actor: User | None,
    *,
    expected_from: str | None = None,
    values: dict | None = None,
    note: str | None = None,
    at: datetime | None = None,
) -> OrderSnapshot:
    """Move the order by `action`, or raise a 409. `expected_from` is the status the caller
    saw: the move then succeeds only if the order is still in it (compare-and-set), which
    also makes the event's from-status exact. `at` backdates the event (the demo history).
    Returns the order as it now is."""
    move = _allowed(action, actor)
    from_status = expected_from if expected_from is not None else _current_status(order_id)
    if from_status not in move.from_statuses:  # None too: no such order
        raise _conflict(order_id, action, actor)
    moved = _moved(order_id, action, actor, from_status, values or {}, note, at)
    if moved is None:
        raise _conflict(order_id, action, actor)
    return moved


def system_move(
    order_id: int, action: A, *, values: dict | None = None, note: str | None = None
) -> OrderSnapshot | None:
    """A move the platform makes itself, from the move's one from-status; None when the
    order is no longer in it (a member or staff moved it first: the UPDATE settled it)."""
    move = _allowed(action, None)
    (from_status,) = move.from_statuses
    return _moved(order_id, action, None, from_status, values or {}, note, None)


def move_in_reach(
    order_id: int,
    action: A,
    actor: User,
    communities: set[int] | None,
    *,
    values: dict | None = None,
    note: str | None = None,
) -> OrderSnapshot | None:
    """The move in one UPDATE that also checks the order is in one of `communities` (where
    the actor may act, `app.orders.access.reach`), for a move from one status only (so
    the event's from-status is exact without reading the order first). None when no row
    changed, or the move cannot be made so: the caller then reads the order to answer 404
    or 409 (`transition`), as a move that did not happen writes nothing."""
    move = _allowed(action, actor)
    if communities is None or len(move.from_statuses) != 1:
        return None
    (from_status,) = move.from_statuses
    return _moved(order_id, action, actor, from_status, values or {}, note, None, communities)


def _allowed(action: A, actor: User | None) -> Move:
    """A user's move needs the user's role; the platform's own moves take no user."""
    move = MOVES[action]
    if move.actor is Actor.SYSTEM:
        allowed = actor is None
    else:
        allowed = actor is not None and actor.has_any_role(ACTOR_ROLES[move.actor])
    if not allowed:
        raise Forbidden()
    return move


def _moved(
    order_id: int,
    action: A,
    actor: User | None,
    from_status: str,
    values: dict,
    note: str | None,
    at: datetime | None,
    communities: set[int] | None = None,
) -> OrderSnapshot | None:
    """The conditional UPDATE and, when it changed the row, the event: one statement on
    PostgreSQL (`app.orders.chained`), two on SQLite."""
    to_status = MOVES[action].to_status or from_status
    # Named, not left to the column's onupdate: SQLAlchemy applies none inside a CTE.
    values = {"updated_at": utcnow(), **values}
    stmt = _move_statement(action, tuple(sorted(values)), communities is not None)
    params = {f"new_{key}": value for key, value in values.items()}
    params |= {"order_id": order_id, "from_status": from_status, "to_status": to_status}
    actor_id = actor.id if actor is not None else None
    params |= {"actor_id": actor_id, "communities": sorted(communities or ())}
    if chains():
        event = {"action": action, "note": note, "at": at or utcnow()}
        row = run(move_with_event(stmt), params | event, writes=MOVE_WRITES).first()
    else:
        row = run(stmt, params).first()
        if row is not None:
            event_row = (row.community_id, action, from_status, to_status, actor_id, note, at)
            record_event(order_id, *event_row)
    if row is None:
        return None
    _expire_loaded(order_id)
    moved = snapshot(row)
    tell(action, moved)
    return moved


_EVENT = insert(EVENTS).returning(EVENTS.c.id)


def record_event(
    order_id: int,
    community_id: int,
    action: A,
    from_status: str | None,
    to_status: str,
    actor_id: int | None,
    note: str | None = None,
    at: datetime | None = None,
) -> Event:
    """One event of the timeline, with its order's community (the ORM hook that fills it in
    does not see Core inserts)."""
    at = at or utcnow()
    event = {"order_id": order_id, "community_id": community_id, "action": action}
    event |= {"from_status": from_status, "to_status": to_status, "actor_id": actor_id}
    event_id = run(_EVENT, {**event, "note": note, "at": at}).scalar_one()
    return Event(event_id, to_status, from_status, action, at, actor_id, note)


def _expire_loaded(order_id: int) -> None:
    """An Order this session loaded before the UPDATE (the console's sheet, the seed, a test
    sharing the session) is read again on its next use instead of showing the old row."""
    loaded = db.session.identity_map.get(identity_key(Order, order_id))
    if loaded is not None:
        db.session.expire(loaded)


@cache
def _move_statement(action: A, keys: tuple[str, ...], in_reach: bool) -> Update:
    """Built once per move, set of written columns and reach check; every value is a bound
    parameter, so SQLAlchemy compiles each statement once."""
    reach = [ORDERS.c.community_id.in_(bindparam("communities", expanding=True))]
    return (
        update(ORDERS)
        .where(
            ORDERS.c.id == bindparam("order_id"),
            ORDERS.c.status == bindparam("from_status"),
            *_guard(MOVES[action]),
            *(reach if in_reach else []),
        )
        .values(status=bindparam("to_status"), **{key: bindparam(f"new_{key}") for key in keys})
        .values(**_round_bump(action))
        .returning(*RETURNED)
    )


def _round_bump(action: A) -> dict:
    return {"service_round": ORDERS.c.service_round + 1} if action in NEW_ROUND else {}


def _guard(move: Move) -> list:
    if move.guard is Guard.OWNER:
        return [ORDERS.c.resident_id == bindparam("actor_id")]
    if move.guard is Guard.UNASSIGNED:
        return [ORDERS.c.member_id.is_(None)]
    if move.guard is Guard.ASSIGNEE:
        return [ORDERS.c.member_id == bindparam("actor_id")]
    if move.guard is Guard.UNSATISFIED:
        return [_latest_follow_up_satisfied().is_(false())]
    if move.guard is Guard.TEAM:
        return [ORDERS.c.member_id.is_(None), _in_the_team()]
    return []


def _in_the_team():
    """The acting member is one of the order's team, and the team is not disbanded (none:
    the order waits for no team). Checked in the move's own statement, so a take racing
    the team's disbanding never lands after it."""
    return exists().where(
        MEMBERSHIPS.c.team_id == ORDERS.c.team_id,
        MEMBERSHIPS.c.user_id == bindparam("actor_id"),
        TEAMS.c.id == MEMBERSHIPS.c.team_id,
        TEAMS.c.is_active.is_(True),
    )


def _latest_follow_up_satisfied():
    """Whether the resident was satisfied, by the latest follow-up call of the order's
    current round: NULL when there is none or it did not reach them."""
    return (
        select(FOLLOW_UPS.c.satisfied)
        .where(
            FOLLOW_UPS.c.order_id == ORDERS.c.id,
            FOLLOW_UPS.c.service_round == ORDERS.c.service_round,
        )
        .order_by(FOLLOW_UPS.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )


_STATUS = select(ORDERS.c.status, ORDERS.c.member_id).where(ORDERS.c.id == bindparam("order_id"))


def _current_status(order_id: int) -> str | None:
    row = db.session.execute(_STATUS, {"order_id": order_id}).first()
    return row.status if row is not None else None


def _conflict(order_id: int, action: A, actor: User | None) -> Exception:
    """The 409 for a move that changed nothing: a grab (or a team's take) that lost to
    another member is ORDER_ALREADY_TAKEN, anything else ORDER_STATE_CONFLICT (with the
    status it is in now)."""
    row = db.session.execute(_STATUS, {"order_id": order_id}).first()
    status, holder = row if row is not None else (None, None)
    if (
        action in (A.GRAB, A.TAKE)
        and holder is not None
        and actor is not None
        and holder != actor.id
    ):
        return OrderAlreadyTaken(details={"status": status})
    return OrderStateConflict(details={"action": action, "status": status})
