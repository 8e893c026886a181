"""Which moves an order has: from which statuses, to which, by whom, under which guard.
`app.orders.state` makes them; this is the table it reads (and the console, the seeds and
the access checks with it)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.accounts.models import STAFF_ROLES, Role
from app.orders.models import OrderStatus as S
from app.orders.vocabulary import Action as A


class Actor(StrEnum):
    RESIDENT = "resident"
    STAFF = "staff"
    MEMBER = "member"
    SYSTEM = "system"  # the platform itself, on a deadline: no acting user


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
    # The order waits for its team, and the acting member is one of the team.
    TEAM = "team"
    # The latest follow-up call of the order's current round reached an unsatisfied resident.
    UNSATISFIED = "unsatisfied"


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
    # Back to 待派单 to be served again (a new service round); 办结 stays final.
    A.REOPEN: _move({S.COMPLETED, S.RATED}, S.APPROVED, Actor.STAFF, Guard.UNSATISFIED),
    # To a service team (again, to another team): 已派单 with the team and no member, until
    # one of the team takes it.
    A.DISPATCH_TEAM: _move({S.APPROVED, S.PUBLISHED, S.DISPATCHED}, S.DISPATCHED, Actor.STAFF),
    A.TAKE: _move({S.DISPATCHED}, S.ACCEPTED, Actor.MEMBER, Guard.TEAM),
    # Deadlines that act (app.orders.services.timeouts).
    A.EXPIRE: _move({S.PUBLISHED}, S.APPROVED, Actor.SYSTEM, Guard.UNASSIGNED),
}
# Moves that start a new service round (`Order.service_round`).
NEW_ROUND = {A.REOPEN}


def allowed_actions(status: str) -> set[A]:
    """What a user may do to an order in `status` (the platform's own moves left out)."""
    return {
        action
        for action, move in MOVES.items()
        if status in move.from_statuses and move.actor is not Actor.SYSTEM
    }
