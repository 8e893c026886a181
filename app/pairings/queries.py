"""结对 reads: a member's pairings, staff's pairings of their communities, a pairing's visits,
and the counts of visits (and pairings) of each member for 1+X. Each list is one statement
whatever the page size."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased

from app.accounts.models import User
from app.auth.permissions import managed_community_ids
from app.counting import counts_by
from app.errors import NotFound
from app.extensions import db
from app.members.models import MemberProfile
from app.org.models import Building
from app.pagination import paginate
from app.pairings.models import Pairing, PairingVisit

_RESIDENT = aliased(User)
_VISITS = (
    select(func.count(PairingVisit.id))
    .where(PairingVisit.pairing_id == Pairing.id)
    .correlate(Pairing)
    .scalar_subquery()
)
_LAST_VISIT = (
    select(func.max(PairingVisit.visited_on))
    .where(PairingVisit.pairing_id == Pairing.id)
    .correlate(Pairing)
    .scalar_subquery()
)
_PAIRINGS: Select = (
    select(
        *(Pairing.__table__.c),
        MemberProfile.name.label("member_name"),
        _RESIDENT.shown_name.label("resident_name"),
        _RESIDENT.phone.label("resident_phone"),
        Building.name.label("building_name"),
        _VISITS.label("visits"),
        _LAST_VISIT.label("last_visit_on"),
    )
    .join(_RESIDENT, _RESIDENT.id == Pairing.resident_id)
    .outerjoin(MemberProfile, MemberProfile.user_id == Pairing.member_id)
    .outerjoin(Building, Building.id == Pairing.building_id)
)


def pairing_row(pairing_id: int):
    """One pairing as the lists show it (a new one's answer)."""
    return db.session.execute(_PAIRINGS.where(Pairing.id == pairing_id)).one()


def member_pairings(member: User, limit: int, cursor: str | None = None) -> dict:
    stmt = _PAIRINGS.where(Pairing.member_id == member.id)
    return paginate(stmt, Pairing.id, limit, cursor, rows=True)


def staff_pairings(
    staff: User, limit: int, cursor: str | None = None, community_ids: set[int] | None = None
) -> dict:
    scope = managed_community_ids(staff) if community_ids is None else community_ids
    stmt = _PAIRINGS.where(Pairing.community_id.in_(sorted(scope)))
    return paginate(stmt, Pairing.id, limit, cursor, rows=True)


def pairing_of_member(member: User, pairing_id: int) -> Pairing:
    """The member's own pairing, else 404."""
    pairing = db.session.get(Pairing, pairing_id)
    if pairing is None or pairing.member_id != member.id:
        raise NotFound()
    return pairing


def pairing_in_reach(viewer: User, pairing_id: int) -> Pairing:
    """The pairing for its member or the staff of its community, else 404."""
    pairing = db.session.get(Pairing, pairing_id)
    if pairing is None or (
        pairing.member_id != viewer.id and pairing.community_id not in managed_community_ids(viewer)
    ):
        raise NotFound()
    return pairing


def visits(viewer: User, pairing_id: int, limit: int, cursor: str | None = None) -> dict:
    """The pairing's visits, newest first, for its member and its community's staff."""
    pairing = pairing_in_reach(viewer, pairing_id)
    stmt = select(PairingVisit).where(PairingVisit.pairing_id == pairing.id)
    return paginate(stmt, PairingVisit.id, limit, cursor)


def counts(user_ids: set[int], start: datetime, end: datetime) -> dict[int, int]:
    """How many visits each of `user_ids` logged in [start, end) (when logged): one query."""
    return counts_by(PairingVisit.member_id, PairingVisit.created_at, user_ids, start, end)


def pairing_counts(user_ids: set[int], start: datetime, end: datetime) -> dict[int, int]:
    """How many households each of `user_ids` was paired with in [start, end): one query."""
    return counts_by(Pairing.member_id, Pairing.created_at, user_ids, start, end)
