"""What members' pages read that spans accounts and registrations."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts.models import Role, User
from app.extensions import db
from app.members.models import MemberProfile
from app.org.models import Community, Street


def profile(user: User) -> dict:
    """What `/me` shows: roles and scope, never openid, session_key or password hash."""
    staff_role, admin_role = user.role(Role.STAFF), user.role(Role.STREET_ADMIN)
    member_role = user.role(Role.MEMBER)
    staff_community_id = staff_role.community_id if staff_role else None
    community_id = staff_community_id or (member_role.community_id if member_role else None)
    staff = None
    if staff_role or admin_role:
        staff = {
            "username": user.username,
            "community": _get(Community, staff_community_id),
            "street": _get(Street, admin_role.street_id if admin_role else None),
        }
    return {
        "id": user.id,
        "roles": user.role_names,
        "display_name": user.display_name,
        "community": _get(Community, community_id),
        "staff": staff,
        "member": db.session.scalar(select(MemberProfile).where(MemberProfile.user_id == user.id)),
    }


def _get(model, obj_id: int | None):
    return db.session.get(model, obj_id) if obj_id else None
