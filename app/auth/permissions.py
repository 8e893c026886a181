"""Object-level checks: which communities a user may manage or serve in.

An object outside the caller's reach is reported as NOT_FOUND, never FORBIDDEN, so that
ids of other communities' objects reveal nothing."""
from __future__ import annotations

from sqlalchemy import select

from app.accounts.models import Role, User
from app.errors import NotFound
from app.extensions import db
from app.org.models import Community


def managed_community_ids(user: User) -> set[int]:
    """Communities a staff member (one) or a street admin (all of the street) manages."""
    ids: set[int] = set()
    staff = user.role(Role.STAFF)
    if staff and staff.community_id:
        ids.add(staff.community_id)
    admin = user.role(Role.STREET_ADMIN)
    if admin and admin.street_id:
        ids.update(db.session.scalars(
            select(Community.id).where(Community.street_id == admin.street_id)))
    return ids


def require_managed_community(user: User, community_id: int) -> None:
    if community_id not in managed_community_ids(user):
        raise NotFound()


def member_community_id(user: User) -> int | None:
    member = user.role(Role.MEMBER)
    return member.community_id if member else None
