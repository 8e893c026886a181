"""Read models of co-building units for the console: the units of a scope with their bound
members and accounts, and the members a unit's page may bind. A fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from app.accounts.models import User
from app.extensions import db
from app.members.models import MemberProfile, RegistrationStatus
from app.units.models import CoBuildingUnit, UnitAccount, unit_communities

BINDABLE_LIMIT = 200


@dataclass
class UnitRow:
    unit: CoBuildingUnit
    members: int = 0
    accounts: list[str] = field(default_factory=list)


def unit_rows(community_ids: set[int]) -> list[UnitRow]:
    """Units paired with any of the communities, oldest first."""
    paired = select(unit_communities.c.unit_id).where(
        unit_communities.c.community_id.in_(community_ids)
    )
    units = db.session.scalars(
        select(CoBuildingUnit).where(CoBuildingUnit.id.in_(paired)).order_by(CoBuildingUnit.id)
    ).all()
    rows = {unit.id: UnitRow(unit) for unit in units}
    members: dict[int | None, int] = dict(
        db.session.execute(
            select(MemberProfile.unit_id, func.count())
            .where(
                MemberProfile.unit_id.in_(rows), MemberProfile.status == RegistrationStatus.APPROVED
            )
            .group_by(MemberProfile.unit_id)
        ).all()
    )
    accounts = db.session.execute(
        select(UnitAccount.unit_id, User.username)
        .join(User, User.id == UnitAccount.user_id)
        .where(UnitAccount.unit_id.in_(rows))
        .order_by(User.id)
    ).all()
    for unit_id, username in accounts:
        rows[unit_id].accounts.append(str(username))
    for row in rows.values():
        row.members = members.get(row.unit.id, 0)
    return list(rows.values())


def bindable_members(unit: CoBuildingUnit, managed: set[int]) -> list[MemberProfile]:
    """Approved members of the unit's communities that the actor manages, not bound to it."""
    return list(
        db.session.scalars(
            select(MemberProfile)
            .where(
                MemberProfile.community_id.in_(set(unit.community_ids) & managed),
                MemberProfile.status == RegistrationStatus.APPROVED,
                MemberProfile.unit_id.is_distinct_from(unit.id),
            )
            .order_by(MemberProfile.name)
            .limit(BINDABLE_LIMIT)
        )
    )


def bound_members(unit_id: int) -> list[MemberProfile]:
    return list(
        db.session.scalars(
            select(MemberProfile)
            .where(MemberProfile.unit_id == unit_id)
            .order_by(MemberProfile.id)
            .limit(BINDABLE_LIMIT)
        )
    )
