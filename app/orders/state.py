"""The one place that moves an order from one status to another.

Every move is a conditional `UPDATE orders SET status=:to ... WHERE id=:id AND status IN
(:allowed) [AND <guard>]`: the database, not Python, decides who wins a race. A move that
changes no row raises a 409, and a move that changes its row writes an `OrderEvent` (the
timeline) in the same transaction. The caller commits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import update
from sqlalchemy.orm.attributes import set_committed_value

from app.accounts.models import STAFF_ROLES, Role, User
from app.clock import utcnow
from app.errors import Forbidden, OrderAlreadyTaken, OrderStateConflict
from app.extensions import db
from app.orders.models import Order, OrderEvent
from app.orders.models import OrderStatus as S
from app.orders.vocabulary import Action as A


class Actor(StrEnum):
    RESIDENT = "resident"
    STAFF = "staff"
    MEMBER = "member"


ACTOR_ROLES = {
    Actor.RESIDENT: (Role.RESIDENT,),
    Actor.STAFF: STAFF_ROLES,
    Actor.MEMBER: (Role.MEMBER,),
}


class Guard(StrEnum):
    """An extra condition of the UPDATE, beside the status."""

    OWNER = "owner"  # the acting resident created the order
    UNASSIGNED = "unassigned"  # no member holds the order yet
    ASSIGNEE = "assignee"  # the acting member is the order's member


@dataclass(frozen=True)
class Move:
    """`to_status` None: the move keeps the order's status (a follow-up call)."""

    from_statuses: frozenset[str]
    to_status: str | None
    actor: Actor
    guard: Guard | None = None


def _move(froms, to, actor, guard=None) -> Move:
    return Move(frozenset(froms), to, actor, guard)


MOVES: dict[A, Move] = {
    A.APPROVE: _move({S.SUBMITTED}, S.APPROVED, Actor.STAFF),
    A.REJECT: _move({S.SUBMITTED, S.APPROVED}, S.REJECTED, Actor.STAFF),
    A.CANCEL: _move(
        {S.SUBMITTED, S.APPROVED, S.PUBLISHED}, S.CANCELLED, Actor.RESIDENT, Guard.OWNER
    ),
    A.DISPATCH: _move({S.APPROVED, S.PUBLISHED}, S.DISPATCHED, Actor.STAFF),
    A.PUBLISH: _move({S.APPROVED}, S.PUBLISHED, Actor.STAFF),
    A.GRAB: _move({S.PUBLISHED}, S.ACCEPTED, Actor.MEMBER, Guard.UNASSIGNED),
    A.ACCEPT: _move({S.DISPATCHED}, S.ACCEPTED, Actor.MEMBER, Guard.ASSIGNEE),
    A.START: _move({S.ACCEPTED}, S.IN_PROGRESS, Actor.MEMBER, Guard.ASSIGNEE),
    A.COMPLETE: _move({S.ACCEPTED, S.IN_PROGRESS}, S.COMPLETED, Actor.MEMBER, Guard.ASSIGNEE),
    A.RATE: _move({S.COMPLETED}, S.RATED, Actor.RESIDENT, Guard.OWNER),
    # Beyond the contract, for the dispatch console.
    A.RECALL: _move({S.PUBLISHED}, S.APPROVED, Actor.STAFF, Guard.UNASSIGNED),
    A.REASSIGN: _move({S.DISPATCHED}, S.DISPATCHED, Actor.STAFF),
    A.CLOSE: _move({S.COMPLETED, S.RATED}, S.CLOSED, Actor.STAFF),
    A.FOLLOW_UP: _move({S.COMPLETED, S.RATED, S.CLOSED}, None, Actor.STAFF),
}


def allowed_actions(status: str) -> set[A]:
    return {action for action, move in MOVES.items() if status in move.from_statuses}


def transition(
    order_id: int,
    action: A,
    actor: User,
    *,
    expected_from: str | None = None,
    values: dict | None = None,
    note: str | None = None,
    at: datetime | None = None,
) -> Order:
    """Move the order by `action`, or raise a 409. `expected_from` is the status the caller
    saw: the move then succeeds only if the order is still in it (compare-and-set), which
    also makes the event's from-status exact. `at` backdates the event (the demo history).
    Returns the order as it now is."""
    move = MOVES[action]
    if not actor.has_any_role(ACTOR_ROLES[move.actor]):
        raise Forbidden()
    from_status = expected_from if expected_from is not None else _current_status(order_id)
    if from_status not in move.from_statuses:  # None too: no such order
        raise _conflict(order_id, action, actor)
    to_status = move.to_status or from_status
    order = _update(order_id, to_status, move, actor, {from_status}, values or {})
    if order is None:
        raise _conflict(order_id, action, actor)
    record_event(order_id, action, from_status, to_status, actor.id, note, at)
    return with_timeline(order)


def with_timeline(order: Order) -> Order:
    """The order with its events read now, the ones this transaction added included."""
    events = db.session.scalars(
        db.select(OrderEvent).where(OrderEvent.order_id == order.id).order_by(OrderEvent.id)
    )
    set_committed_value(order, "events", list(events))
    return order


def record_event(
    order_id: int,
    action: A,
    from_status: str | None,
    to_status: str,
    actor_id: int | None,
    note: str | None = None,
    at: datetime | None = None,
) -> OrderEvent:
    event = OrderEvent(
        order_id=order_id,
        action=action,
        from_status=from_status,
        to_status=to_status,
        actor_id=actor_id,
        note=note,
        at=at or utcnow(),
    )
    db.session.add(event)
    db.session.flush()
    return event


def _update(
    order_id: int, to_status: str, move: Move, actor: User, allowed: set[str], values: dict
) -> Order | None:
    """The conditional UPDATE; RETURNING gives the order as it now is (the loaded one
    refreshed in place), or None when the condition no longer held."""
    stmt = (
        update(Order)
        .where(Order.id == order_id, Order.status.in_(sorted(allowed)), *_guard(move, actor))
        .values(status=to_status, **values)
        .returning(Order)
        .execution_options(synchronize_session=False, populate_existing=True)
    )
    return db.session.scalars(stmt).one_or_none()


def _guard(move: Move, actor: User) -> list:
    if move.guard is Guard.OWNER:
        return [Order.resident_id == actor.id]
    if move.guard is Guard.UNASSIGNED:
        return [Order.member_id.is_(None)]
    if move.guard is Guard.ASSIGNEE:
        return [Order.member_id == actor.id]
    return []


def _current_status(order_id: int) -> str | None:
    return db.session.scalar(db.select(Order.status).where(Order.id == order_id))


def _conflict(order_id: int, action: A, actor: User) -> Exception:
    """The 409 for a move that changed nothing: a grab that lost to another member is
    ORDER_ALREADY_TAKEN, anything else ORDER_STATE_CONFLICT (with the status it is in now)."""
    row = db.session.execute(
        db.select(Order.status, Order.member_id).where(Order.id == order_id)
    ).one_or_none()
    status, holder = row if row is not None else (None, None)
    if action == A.GRAB and holder is not None and holder != actor.id:
        return OrderAlreadyTaken(details={"status": status})
    return OrderStateConflict(details={"action": action, "status": status})
