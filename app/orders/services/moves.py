"""Every status move of an order, as a use case: the caller must reach the order (404),
the input must be valid (422), and `state.transition` moves it or raises a 409."""

from __future__ import annotations

from sqlalchemy import Row, select

from app.accounts.models import User
from app.catalog.models import CatalogItem
from app.clock import utcnow
from app.errors import OrderStateConflict, ReopenNeedsFollowUp, ValidationError
from app.extensions import db
from app.moderation.screening import Screening, mark_for_review
from app.orders.access import facts_for, reach
from app.orders.candidates import candidate_name
from app.orders.deadlines import deadlines
from app.orders.models import Order
from app.orders.points import credit_points
from app.orders.snapshot import OrderSnapshot
from app.orders.state import MOVES, move_in_reach, transition
from app.orders.vocabulary import Action
from app.teams.access import dispatchable_team
from app.transaction import use_case

# --- resident: cancel, rate ---------------------------------------------------------------


@use_case(keep_loaded=True)
def cancel(order_id: int, actor: User) -> OrderSnapshot:
    return _move(Action.CANCEL, order_id, actor)


@use_case(keep_loaded=True)
def rate(
    order_id: int,
    actor: User,
    stars: int,
    comment: str | None = None,
    screening: Screening | None = None,
) -> OrderSnapshot:
    """`screening`: the comment's content check, written beside the rating."""
    order = _move(Action.RATE, order_id, actor, values={"stars": stars, "comment": comment})
    mark_for_review(screening, order.community_id, order.id, actor.id)
    return order


# --- staff: approve, reject, dispatch, publish (and recall, reassign, close, reopen) -------


@use_case(keep_loaded=True)
def approve(order_id: int, actor: User) -> OrderSnapshot:
    return _move(Action.APPROVE, order_id, actor)


@use_case(keep_loaded=True)
def reject(order_id: int, actor: User, reason: str) -> OrderSnapshot:
    return _move(Action.REJECT, order_id, actor, values={"reject_reason": reason}, note=reason)


@use_case(keep_loaded=True)
def publish(order_id: int, actor: User) -> OrderSnapshot:
    """Into the pool; `published_at` starts its timeout (app.orders.services.timeouts)."""
    return _move(Action.PUBLISH, order_id, actor, values={"published_at": utcnow()})


@use_case(keep_loaded=True)
def recall(order_id: int, actor: User) -> OrderSnapshot:
    return _move(Action.RECALL, order_id, actor, values={"published_at": None})


@use_case(keep_loaded=True)
def dispatch(order_id: int, actor: User, member_id: int) -> OrderSnapshot:
    return _assign(Action.DISPATCH, order_id, actor, member_id)


@use_case(keep_loaded=True)
def reassign(order_id: int, actor: User, member_id: int) -> OrderSnapshot:
    return _assign(Action.REASSIGN, order_id, actor, member_id)


@use_case(keep_loaded=True)
def dispatch_to_team(order_id: int, actor: User, team_id: int) -> OrderSnapshot:
    """To a service team of the order's community: it waits, dispatched with no member,
    until one of the team takes it (`take`)."""
    order = facts_for(Action.DISPATCH_TEAM, actor, order_id)
    team = dispatchable_team(team_id, order.community_id)
    if team is None:
        raise ValidationError(details={"team_id": ["不是本社区有队员的服务团队"]})
    return transition(
        order.id,
        Action.DISPATCH_TEAM,
        actor,
        expected_from=order.status,
        values={"team_id": team.id, "member_id": None},
        note=f"派给团队 {team.name}",
    )


@use_case(keep_loaded=True)
def close(order_id: int, actor: User) -> OrderSnapshot:
    """办结: the staff close a completed or rated order; nothing moves it afterwards."""
    return _move(Action.CLOSE, order_id, actor)


@use_case(keep_loaded=True)
def reopen(order_id: int, actor: User, reason: str) -> OrderSnapshot:
    """重新办理: a completed or rated order whose latest follow-up call (of this round)
    found the resident unsatisfied goes back to 待派单 for a new service round, without its
    member, completion and rating, its deadlines counted again from now. The first member
    keeps the points credited. The UPDATE's guard checks the follow-up, so a call recorded
    meanwhile is seen; refused in the right status, the follow-up is what is missing."""
    order = facts_for(Action.REOPEN, actor, order_id)
    values = REOPENED | deadlines(_item_hours(order.id), utcnow())
    try:
        return transition(
            order.id, Action.REOPEN, actor, expected_from=order.status, values=values, note=reason
        )
    except OrderStateConflict as refused:
        if refused.details.get("status") not in MOVES[Action.REOPEN].from_statuses:
            raise
        raise ReopenNeedsFollowUp(details={"status": refused.details["status"]}) from refused


# What a reopened order no longer has: the previous round's member, completion and rating.
REOPENED: dict[str, object] = {
    "member_id": None,
    "team_id": None,
    "completion_note": None,
    "completion_photos": [],
    "stars": None,
    "comment": None,
}


def _item_hours(order_id: int) -> Row:
    return db.session.execute(
        select(CatalogItem.response_hours, CatalogItem.completion_hours, CatalogItem.deadline_basis)
        .join(Order, Order.item_id == CatalogItem.id)
        .where(Order.id == order_id)
    ).one()


def _assign(action: Action, order_id: int, actor: User, member_id: int) -> OrderSnapshot:
    """The member must be one of the order's candidates (`app.orders.candidates`)."""
    order = facts_for(action, actor, order_id)
    name = candidate_name(member_id, order.community_id)
    if name is None:
        raise ValidationError(details={"member_id": ["不是本社区已审核通过的党员"]})
    return transition(
        order.id,
        action,
        actor,
        expected_from=order.status,
        values={"member_id": member_id, "team_id": None},
        note=f"派给党员 {name}",
    )


# --- member: grab, accept, start, complete -------------------------------------------------


@use_case(keep_loaded=True)
def grab(order_id: int, actor: User) -> OrderSnapshot:
    return _move(Action.GRAB, order_id, actor, values={"member_id": actor.id})


@use_case(keep_loaded=True)
def take(order_id: int, actor: User) -> OrderSnapshot:
    """One of the team takes the order dispatched to it: like a grab, exactly one wins."""
    return _move(Action.TAKE, order_id, actor, values={"member_id": actor.id})


@use_case(keep_loaded=True)
def accept(order_id: int, actor: User) -> OrderSnapshot:
    return _move(Action.ACCEPT, order_id, actor)


@use_case(keep_loaded=True)
def start(order_id: int, actor: User) -> OrderSnapshot:
    return _move(Action.START, order_id, actor)


@use_case(keep_loaded=True)
def complete(
    order_id: int, actor: User, note: str | None = None, photos: list[str] | None = None
) -> OrderSnapshot:
    """Complete the order and credit its points to the member, in one transaction: the
    status move happens once, so the credit does too (and its unique constraint agrees)."""
    order = _move(
        Action.COMPLETE,
        order_id,
        actor,
        note=note,
        values={"completion_note": note, "completion_photos": photos or []},
    )
    credit_points(order)
    return order


def _move(
    action: Action,
    order_id: int,
    actor: User,
    *,
    values: dict | None = None,
    note: str | None = None,
) -> OrderSnapshot:
    """One UPDATE that checks reach, status and guard at once (a grab, the hot move); when
    it changes nothing, or the move has several from-statuses, the order is read to answer
    404 (out of reach) or to move it from the status it is in (or answer 409)."""
    moved = move_in_reach(order_id, action, actor, reach(action, actor), values=values, note=note)
    if moved is not None:
        return moved
    order = facts_for(action, actor, order_id)
    return transition(order.id, action, actor, expected_from=order.status, values=values, note=note)
