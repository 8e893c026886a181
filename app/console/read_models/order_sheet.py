"""Everything staff see on one order (the console's order page): the order and where it is,
the timeline with who did what, the member, the follow-up calls, the internal notes, and,
when the order can be dispatched or reassigned, the ranked candidates. A fixed number of
queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from app.accounts.models import Role, User
from app.clock import utcnow
from app.errors import NotFound
from app.extensions import db
from app.members.models import MemberProfile
from app.orders.access import Viewer, get_order
from app.orders.candidates import Candidate, rank_candidates
from app.orders.deadlines import is_overdue
from app.orders.labels import ACTION_LABELS, ACTOR_LABELS, STATUS_LABELS, follow_up_outcome
from app.orders.models import FollowUp, Order, OrderEvent
from app.orders.queries import follow_ups_of, notes_of
from app.orders.state import MOVES, Actor, allowed_actions
from app.orders.vocabulary import Action
from app.org.models import Building, Community, Grid
from app.teams.queries import team_page_of, teams_for_order


@dataclass
class TimelineEntry:
    at: datetime
    action: str
    from_label: str
    to_label: str
    actor_name: str
    actor_role: str
    note: str | None


@dataclass
class FollowUpEntry:
    at: datetime
    staff_name: str
    outcome: str
    note: str | None


@dataclass
class NoteEntry:
    at: datetime
    author_name: str
    body: str


@dataclass
class OrderSheet:
    order: Order
    community: Community
    grid: Grid | None
    building: Building | None
    resident: User
    timeline: list[TimelineEntry]
    member: MemberProfile | None
    member_user: User | None
    follow_ups: list[FollowUpEntry]
    notes: list[NoteEntry]
    allowed: set[Action]
    candidates: list[Candidate]
    overdue: bool
    # The team it was dispatched to, and the teams it may be dispatched to (app.teams).
    team: dict | None = None
    teams: list[dict] = field(default_factory=list)


def order_sheet(order_id: int, actor: User) -> OrderSheet:
    """The order of a community the actor manages, else 404."""
    order = get_order(order_id)
    if not Viewer(actor).manages(order):
        raise NotFound()
    follow_ups = follow_ups_of(order.id)
    users = _users(
        {
            order.resident_id,
            order.member_id,
            *(e.actor_id for e in order.events),
            *(f.staff_id for f in follow_ups),
        }
    )
    allowed = allowed_actions(order.status)
    if not _unsatisfied(follow_ups, order.service_round):
        allowed.discard(Action.REOPEN)
    return OrderSheet(
        order=order,
        community=db.session.get_one(Community, order.community_id),
        grid=db.session.get(Grid, order.grid_id) if order.grid_id else None,
        building=db.session.get(Building, order.building_id) if order.building_id else None,
        resident=users[order.resident_id],
        timeline=[_entry(event, users.get(event.actor_id), order) for event in order.events],
        member=_profile(order.member_id),
        member_user=users.get(order.member_id),
        follow_ups=[_follow_up(f, users.get(f.staff_id)) for f in follow_ups],
        notes=[NoteEntry(n.created_at, n.author.shown_name, n.body) for n in notes_of(order.id)],
        allowed=allowed,
        candidates=(rank_candidates(order) if allowed & {Action.DISPATCH, Action.REASSIGN} else []),
        overdue=is_overdue(order, utcnow()),
        team=team_page_of(order.team_id),
        teams=(
            teams_for_order(order.community_id, order.item.category_id)
            if Action.DISPATCH_TEAM in allowed
            else []
        ),
    )


def _unsatisfied(follow_ups: list[FollowUp], service_round: int) -> bool:
    """Whether the latest follow-up call of this round found the resident unsatisfied: the
    order may be reopened (the move's own guard checks it again)."""
    of_round = [f for f in follow_ups if f.service_round == service_round]
    return bool(of_round) and of_round[-1].satisfied is False


def _users(ids: set[int | None]) -> dict[int | None, User]:
    wanted = {i for i in ids if i is not None}
    return {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(wanted)))}


def _profile(user_id: int | None) -> MemberProfile | None:
    if user_id is None:
        return None
    return db.session.scalar(select(MemberProfile).where(MemberProfile.user_id == user_id))


def _name(user: User | None) -> str:
    return user.shown_name if user is not None else "系统"


def _entry(event: OrderEvent, user: User | None, order: Order) -> TimelineEntry:
    return TimelineEntry(
        at=event.at,
        action=ACTION_LABELS.get(event.action, event.action),
        from_label=STATUS_LABELS.get(event.from_status, "") if event.from_status else "",
        to_label=STATUS_LABELS.get(event.to_status, event.to_status),
        actor_name=_name(user),
        actor_role=_role(event, user, order),
        note=event.note,
    )


def _role(event: OrderEvent, user: User | None, order: Order) -> str:
    """The role the user acted in: a member is a resident too, and an order entered by
    staff (代点单) has the staff member as the creator."""
    if user is None:
        return ""
    if event.action == Action.CREATE:
        kind = Actor.RESIDENT if user.id == order.resident_id else Actor.STAFF
    else:
        kind = MOVES[Action(event.action)].actor if event.action in MOVES else Actor.STAFF
    if kind is Actor.STAFF and not user.has_role(Role.STAFF) and user.has_role(Role.STREET_ADMIN):
        return "街道管理员"
    return ACTOR_LABELS[kind]


def _follow_up(follow_up: FollowUp, staff: User | None) -> FollowUpEntry:
    return FollowUpEntry(
        at=follow_up.created_at,
        staff_name=_name(staff),
        outcome=follow_up_outcome(follow_up.reached, follow_up.satisfied),
        note=follow_up.note,
    )
