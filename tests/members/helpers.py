"""Helpers for the member registration and points tests."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import func, select

from app.accounts.models import Role, User, UserRole
from app.extensions import db
from app.members.models import MemberProfile, RegistrationStatus
from app.points.models import PointsEntry
from tests.helpers import factories
from tests.helpers.api import auth

REGISTRATION_URL = "/api/v1/member/registration"
STAFF_URL = "/api/v1/staff/members"


def registration_body(community, **overrides) -> dict:
    body = {"name": "张三", "community_id": community.id, "unit_name": "南昌市东湖区机关事务局",
            "letter_no": "DH-2026_0001", "skills": ["水电维修", "法律咨询"],
            "phone": "13812345678"}
    body.update(overrides)
    return body


def registration(community, user: User | None = None,
                 status: RegistrationStatus = RegistrationStatus.PENDING) -> MemberProfile:
    """A registration written straight to the database (the caller commits)."""
    user = user or factories.resident()
    obj = MemberProfile(user_id=user.id, community_id=community.id, name="李四",
                        unit_name="南昌市西湖区税务局", letter_no=f"XH-{user.id}", skills=[],
                        status=status)
    db.session.add(obj)
    db.session.flush()
    return obj


def points_entry(member: User, delta: int, reason: str = "order_completed",
                 order_id: int | None = None, note: str | None = None,
                 at: datetime | None = None) -> PointsEntry:
    obj = PointsEntry(member_id=member.id, delta=delta, reason=reason, order_id=order_id,
                      note=note, created_at=at or datetime.now(timezone.utc))
    db.session.add(obj)
    db.session.flush()
    return obj


def role_names(user_id: int) -> set[str]:
    return set(db.session.scalars(select(UserRole.role).where(UserRole.user_id == user_id)))


def member_role_count(user_id: int) -> int:
    return db.session.scalar(select(func.count()).select_from(UserRole).where(
        UserRole.user_id == user_id, UserRole.role == Role.MEMBER))


def profile_count(user_id: int | None = None) -> int:
    stmt = select(func.count()).select_from(MemberProfile)
    if user_id is not None:
        stmt = stmt.where(MemberProfile.user_id == user_id)
    return db.session.scalar(stmt)


def profile_id_of(user_id: int) -> int:
    return db.session.scalar(select(MemberProfile.id).where(MemberProfile.user_id == user_id))


def fresh(obj):
    """Re-read an object from the database, past anything the test session holds."""
    db.session.expire_all()
    return db.session.get(type(obj), obj.id)


def submit(client, user, body):
    return client.post(REGISTRATION_URL, json=body, headers=auth(user))
