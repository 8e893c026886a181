"""Reads of co-building units: a community's paired units (the registration form), the units
staff manage, and the unit a unit account reads for."""

from __future__ import annotations

from sqlalchemy import Select, exists, select

from app.accounts.models import Role, User
from app.auth.permissions import managed_community_ids, scope_community_ids
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.org.models import Community
from app.pagination import paginate
from app.units.models import CoBuildingUnit, UnitAccount, unit_communities


def _paired_with(community_ids: set[int]):
    """Units paired with any of the communities."""
    return exists().where(
        unit_communities.c.unit_id == CoBuildingUnit.id,
        unit_communities.c.community_id.in_(community_ids),
    )


def community_units(community_id: int, limit: int, cursor: str | None = None) -> dict:
    """The units paired with a community, oldest first: the choices of the registration
    form. A community that does not exist is 404, as an object out of reach."""
    if db.session.get(Community, community_id) is None:
        raise NotFound()
    stmt = select(CoBuildingUnit).where(_paired_with({community_id}))
    return paginate(stmt, CoBuildingUnit.id, limit, cursor, oldest_first=True)


def managed_units_query(actor: User, community_id: int | None = None) -> Select:
    """Units paired with a community the actor manages (or the one picked among them)."""
    return select(CoBuildingUnit).where(_paired_with(scope_community_ids(actor, community_id)))


def managed_units(
    actor: User, limit: int, cursor: str | None = None, community_id: int | None = None
) -> dict:
    stmt = managed_units_query(actor, community_id)
    return paginate(stmt, CoBuildingUnit.id, limit, cursor, oldest_first=True)


def managed_unit(actor: User, unit_id: int) -> CoBuildingUnit:
    """A unit paired with a community the actor manages; NotFound for any other."""
    unit = db.session.get(CoBuildingUnit, unit_id)
    if unit is None or not set(unit.community_ids) & managed_community_ids(actor):
        raise NotFound()
    return unit


def paired_unit(unit_id: int, community_id: int, field: str = "unit_id") -> CoBuildingUnit:
    """The unit, which must be paired with the community: else a 422 naming `field`."""
    unit = db.session.get(CoBuildingUnit, unit_id)
    if unit is None or community_id not in unit.community_ids:
        raise ValidationError(details={field: ["该单位不是所选社区的共建单位"]})
    return unit


def account_unit(user: User) -> CoBuildingUnit:
    """The unit a unit account reads for; NotFound for any other user."""
    if not user.has_role(Role.UNIT):
        raise NotFound()
    unit = db.session.scalar(
        select(CoBuildingUnit)
        .join(UnitAccount, UnitAccount.unit_id == CoBuildingUnit.id)
        .where(UnitAccount.user_id == user.id)
    )
    if unit is None:
        raise NotFound()
    return unit


def unit_account_names(unit_id: int) -> list[str]:
    return list(
        db.session.scalars(
            select(User.username)
            .join(UnitAccount, UnitAccount.user_id == User.id)
            .where(UnitAccount.unit_id == unit_id)
            .order_by(User.id)
        )
    )
