"""Staff keep the co-building units of their communities (name, kind, contact, pairings),
open their accounts, and the command line opens one for an operator."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts.models import Role, User, UserRole
from app.accounts.passwords import credential_errors, password_user, username_taken
from app.auth.permissions import managed_community_ids
from app.errors import NotFound, UnitNameTaken, ValidationError
from app.extensions import db
from app.org.models import Community
from app.transaction import use_case
from app.units.models import CoBuildingUnit, UnitAccount
from app.units.queries import managed_unit

FIELDS = ("name", "kind", "contact_name", "contact_phone")


@use_case(conflict=UnitNameTaken)
def create_unit(actor: User, data: dict) -> CoBuildingUnit:
    """A unit paired with communities the actor manages; a name taken is 409 (unique)."""
    communities = _managed(actor, data["community_ids"])
    unit = CoBuildingUnit(**{field: data[field] for field in FIELDS}, communities=communities)
    db.session.add(unit)
    db.session.flush()
    return unit


@use_case(conflict=UnitNameTaken)
def update_unit(actor: User, unit_id: int, data: dict) -> CoBuildingUnit:
    """Edit a unit; its pairings with the actor's communities become `community_ids`, and
    those with communities the actor does not manage stay as they are."""
    unit = managed_unit(actor, unit_id)
    managed = managed_community_ids(actor)
    kept = [community for community in unit.communities if community.id not in managed]
    for field in FIELDS:
        setattr(unit, field, data[field])
    unit.communities = kept + _managed(actor, data["community_ids"])
    db.session.flush()
    return unit


def _managed(actor: User, community_ids: list[int]) -> list[Community]:
    """The communities by id, each managed by the actor (404 for one that is not)."""
    if not set(community_ids) <= managed_community_ids(actor):
        raise NotFound()
    return list(
        db.session.scalars(
            select(Community).where(Community.id.in_(community_ids)).order_by(Community.id)
        )
    )


@use_case(conflict=username_taken)
def create_account(actor: User | None, unit_id: int, username: str, password: str) -> User:
    """A unit account (role `unit`); `actor` None is the operator at the command line, else
    staff of a community the unit is paired with."""
    if actor is not None:
        unit = managed_unit(actor, unit_id)
    else:
        found = db.session.get(CoBuildingUnit, unit_id)
        if found is None:
            raise NotFound(f"找不到编号为 {unit_id} 的共建单位 (no such unit)")
        unit = found
    errors = credential_errors(username, password)
    if errors:
        raise ValidationError(details=errors)
    user = password_user(username, password, UserRole(role=Role.UNIT), unit.name)
    db.session.add(UnitAccount(user_id=user.id, unit_id=unit.id))
    db.session.flush()
    return user
