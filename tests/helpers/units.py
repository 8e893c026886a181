"""Co-building units for the API and console tests: a world with two units (one paired with
each community), each with an account, and each side's member bound to its side's unit."""

from __future__ import annotations

from sqlalchemy import update

from app.accounts.models import Role, UserRole
from app.extensions import db
from app.members.models import MemberProfile
from app.units.models import CoBuildingUnit, UnitAccount, UnitKind
from tests.helpers import factories

STAFF_UNITS = "/staff/units"


def unit_body(community_ids: list[int], **overrides) -> dict:
    body = {
        "name": "南昌市东湖区民政局",
        "kind": UnitKind.ORGAN.value,
        "contact_name": "张主任",
        "contact_phone": "13912345678",
        "community_ids": community_ids,
    }
    body.update(overrides)
    return body


def make_unit(*communities, name: str | None = None) -> CoBuildingUnit:
    """A unit paired with the communities, written straight to the database. Flushes."""
    unit = CoBuildingUnit(
        name=name or f"共建单位{factories._n()}",
        kind=UnitKind.ENTERPRISE,
        contact_name="李联络",
        contact_phone="13800001111",
        communities=list(communities),
    )
    db.session.add(unit)
    db.session.flush()
    return unit


def unit_account(unit: CoBuildingUnit):
    """A password account (the staff test password) of the unit. Flushes."""
    user = factories.user(
        UserRole(role=Role.UNIT),
        username=f"unit{factories._n()}",
        password_hash=factories._staff_password_hash(),
        display_name=unit.name,
    )
    db.session.add(UnitAccount(user_id=user.id, unit_id=unit.id))
    db.session.flush()
    return user


def bind(member, unit: CoBuildingUnit) -> None:
    db.session.execute(
        update(MemberProfile)
        .where(MemberProfile.user_id == member.id)
        .values(unit_id=unit.id, unit_name=unit.name)
    )


def add_units(world):
    """Each side gets `unit_obj` (paired with its community), `unit` (its account), and its
    member bound to it. Commits; returns the world."""
    for side in (world.a, world.b):
        side.unit_obj = make_unit(side.community)
        side.unit = unit_account(side.unit_obj)
        bind(side.member, side.unit_obj)
    db.session.commit()
    return world
