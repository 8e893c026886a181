"""Who may see an order, act on it, and read the resident's phone number.

An order outside the caller's reach is NOT_FOUND, never FORBIDDEN, so that ids of other
residents' and other communities' orders reveal nothing."""

from __future__ import annotations

from functools import cached_property
from typing import Protocol

from sqlalchemy import Row, bindparam, select
from sqlalchemy import inspect as sa_inspect

from app.accounts.models import User
from app.auth.permissions import managed_community_ids, member_community_id
from app.errors import NotFound
from app.extensions import db
from app.orders.models import Order
from app.orders.snapshot import ORDERS, run
from app.orders.state import MOVES, Actor, Guard
from app.orders.vocabulary import HELD, Action
from app.teams.access import team_ids_of


class OrderFacts(Protocol):
    """What deciding who sees an order reads: an Order, or a listed row of one."""

    @property
    def resident_id(self) -> int: ...
    @property
    def community_id(self) -> int: ...
    @property
    def member_id(self) -> int | None: ...
    @property
    def status(self) -> str: ...
    @property
    def team_id(self) -> int | None: ...


class Viewer:
    """A user looking at orders; caches the communities they manage.

    The id comes from the identity map's key, which a commit does not expire: an answer
    dumped after a use case committed needs no reload of its resident or member (the
    communities a staff member manages still need the roles)."""

    def __init__(self, user: User) -> None:
        self.user = user
        self.user_id: int = sa_inspect(user).identity[0]  # type: ignore[index]  # persistent

    @cached_property
    def managed(self) -> set[int]:
        return managed_community_ids(self.user)

    def owns(self, order: OrderFacts) -> bool:
        return order.resident_id == self.user_id

    def manages(self, order: OrderFacts) -> bool:
        return order.community_id in self.managed

    @cached_property
    def teams(self) -> set[int]:
        return team_ids_of(self.user_id)

    def holds(self, order: OrderFacts) -> bool:
        return order.member_id is not None and order.member_id == self.user_id

    def in_team(self, order: OrderFacts) -> bool:
        """One of the team the order was dispatched to (read only for such an order)."""
        return order.team_id is not None and order.team_id in self.teams

    def can_see(self, order: OrderFacts) -> bool:
        return self.owns(order) or self.holds(order) or self.manages(order) or self.in_team(order)

    def sees_phone(self, order: OrderFacts) -> bool:
        return (
            self.owns(order) or (self.holds(order) and order.status in HELD) or self.manages(order)
        )


def can_act(action: Action, user: User, order: OrderFacts) -> bool:
    """Whether `user` may reach the order to try `action` at all; whether the move is
    allowed in the order's status is decided by `state.transition` (a 409)."""
    move = MOVES[action]
    if move.actor is Actor.RESIDENT:
        return order.resident_id == user.id
    if move.actor is Actor.STAFF:
        return order.community_id in managed_community_ids(user)
    if order.community_id != member_community_id(user):
        return False
    if move.guard is Guard.TEAM:  # a team's members may try; losing it is a 409
        return order.team_id is not None and order.team_id in team_ids_of(user.id)
    # A grab may be tried on any order of the member's community (losing it is a 409);
    # the other moves only on orders that no other member holds.
    return move.guard is Guard.UNASSIGNED or order.member_id in (None, user.id)


def reach(action: Action, user: User) -> set[int] | None:
    """`can_act` as a condition on the order's community, for `state.move_in_reach`: the
    communities where `user` may try `action`, or None where the rule is not about the
    community (a resident's moves). The rest of `can_act` is in the moves' own guards: a
    member's move is a grab (UNASSIGNED), a team's take (TEAM) or on an order they hold
    (ASSIGNEE)."""
    move = MOVES[action]
    if move.actor is Actor.STAFF:
        return managed_community_ids(user)
    if move.actor is Actor.MEMBER:
        community = member_community_id(user)
        return {community} if community is not None else set()
    return None


def get_order(order_id: int) -> Order:
    order = db.session.get(Order, order_id)
    if order is None:
        raise NotFound()
    return order


def order_for(action: Action, user: User, order_id: int) -> Order:
    order = get_order(order_id)
    if not can_act(action, user, order):
        raise NotFound()
    return order


_FACTS = select(
    *(
        ORDERS.c[name]
        for name in ("id", "status", "community_id", "resident_id", "member_id", "team_id")
    )
).where(ORDERS.c.id == bindparam("order_id"))


def facts_for(action: Action, user: User, order_id: int) -> Row:
    """`order_for` on the columns it decides on, read with one Core statement and no ORM
    object: what a move needs before its conditional UPDATE."""
    facts = run(_FACTS, {"order_id": order_id}).first()
    if facts is None or not can_act(action, user, facts):
        raise NotFound()
    return facts


def managed_facts(user: User, order_id: int) -> Row:
    """The order's facts when `user` manages its community (its staff, the street admin),
    else 404: for what only staff do with an order beside moving it (internal notes)."""
    facts = run(_FACTS, {"order_id": order_id}).first()
    if facts is None or facts.community_id not in managed_community_ids(user):
        raise NotFound()
    return facts


def visible_order(user: User, order_id: int) -> Order:
    order = get_order(order_id)
    if not Viewer(user).can_see(order):
        raise NotFound()
    return order
