"""Reads of members: registrations (one's own, a community's), and the profile of `/me`."""

from __future__ import annotations

from sqlalchemy import and_, select

from app.accounts.models import Role, User, UserRole
from app.auth.permissions import managed_community_ids, require_managed_community
from app.cache import register
from app.errors import NotFound
from app.extensions import db
from app.members.models import MemberProfile, RegistrationStatus
from app.org.models import Community, Street
from app.pagination import paginate


def own_registration(actor: User) -> MemberProfile:
    registration = db.session.scalar(select(MemberProfile).where(MemberProfile.user_id == actor.id))
    if registration is None:
        raise NotFound("您还没有提交报到申请")
    return registration


def list_registrations(
    actor: User, limit: int, cursor: str | None = None, status: str | None = None
) -> dict:
    """Registrations of the communities the actor manages, newest first."""
    stmt = select(MemberProfile).where(MemberProfile.community_id.in_(managed_community_ids(actor)))
    if status:
        stmt = stmt.where(MemberProfile.status == status)
    return paginate(stmt, MemberProfile.id, limit, cursor)


def get_registration(actor: User, registration_id: int) -> MemberProfile:
    """A registration of a community the actor manages; NotFound for any other."""
    registration = db.session.get(MemberProfile, registration_id)
    if registration is None:
        raise NotFound()
    require_managed_community(actor, registration.community_id)
    return registration


# Every caller's `/me`, kept per caller (miniprogram_api.ready).
ME = register("me", [User, UserRole, MemberProfile, Community, Street], keys=4096)


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


def eligible_members(community_id: int):
    """SELECT of the community's members who may be given orders: an approved registration,
    the member role in the community and an active account."""
    return (
        select(MemberProfile)
        .join(User, User.id == MemberProfile.user_id)
        .join(
            UserRole,
            and_(
                UserRole.user_id == User.id,
                UserRole.role == Role.MEMBER,
                UserRole.community_id == community_id,
            ),
        )
        .where(
            MemberProfile.community_id == community_id,
            MemberProfile.status == RegistrationStatus.APPROVED,
            User.is_active.is_(True),
        )
    )
