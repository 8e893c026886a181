"""Object-level checks: which communities a user may manage or serve in.

An object outside the caller's reach is reported as NOT_FOUND, never FORBIDDEN, so that
ids of other communities' objects reveal nothing."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.accounts.models import Role, User
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.org.models import Community, Grid


def managed_community_ids(user: User) -> set[int]:
    """Communities a staff member (one) or a street admin (all of the street) manages."""
    ids: set[int] = set()
    staff = user.role(Role.STAFF)
    if staff and staff.community_id:
        ids.add(staff.community_id)
    admin = user.role(Role.STREET_ADMIN)
    if admin and admin.street_id:
        ids.update(
            db.session.scalars(select(Community.id).where(Community.street_id == admin.street_id))
        )
    return ids


def require_managed_community(user: User, community_id: int) -> None:
    if community_id not in managed_community_ids(user):
        raise NotFound()


def member_community_id(user: User) -> int | None:
    member = user.role(Role.MEMBER)
    return member.community_id if member else None


def scope_community_ids(user: User, community_id: int | None = None) -> set[int]:
    """The communities a list page shows: all the user manages, or the one picked among them
    with a filter. Picking another is a bad filter value (422), named on the form."""
    managed = managed_community_ids(user)
    if community_id is None:
        return managed
    if community_id not in managed:
        raise ValidationError(details={"community_id": ["只能选择您管理的社区"]})
    return {community_id}


def reachable_community_ids(user: User, community_id: int | None = None) -> set[int]:
    """The communities a call reads: all the user manages, or the one it names among them;
    naming another is NOT_FOUND, as for any object out of reach (CONTRACT §6)."""
    if community_id is not None:
        require_managed_community(user, community_id)
        return {community_id}
    return managed_community_ids(user)


def managed_communities(user: User, *, with_places: bool = False) -> list[Community]:
    """The communities the user manages, in id order: the choices of a community filter;
    `with_places` loads their grids and buildings too (two more queries, not one a grid)."""
    stmt = (
        select(Community)
        .where(Community.id.in_(managed_community_ids(user)))
        .order_by(Community.id)
    )
    if with_places:
        stmt = stmt.options(selectinload(Community.grids).selectinload(Grid.buildings))
    return list(db.session.scalars(stmt))
