"""Member registrations (报到) and points for the API and console tests. Paths are under
/api/v1 (for tests.helpers.api)."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts.models import Role, User, UserRole
from app.extensions import db
from app.members.models import MemberProfile, RegistrationStatus
from app.points.models import PointsEntry
from app.points.services import post_entry
from tests.helpers import factories
from tests.helpers.api import post
from tests.helpers.clock import utcnow
from tests.helpers.db import count_rows

REGISTRATION = "/member/registration"
STAFF_MEMBERS = "/staff/members"
POINTS = "/member/points"


def registration_body(community, **overrides) -> dict:
    body = {
        "name": "张三",
        "community_id": community.id,
        "unit_name": "南昌市东湖区机关事务局",
        "letter_no": "DH-2026_0001",
        "skills": ["水电维修", "法律咨询"],
        "phone": "13812345678",
    }
    body.update(overrides)
    return body


def submit_registration(client, user, body):
    return post(client, user, REGISTRATION, body)


def registration(
    community,
    name: str = "张卫东",
    status: RegistrationStatus = RegistrationStatus.PENDING,
    *,
    user: User | None = None,
    **fields,
) -> MemberProfile:
    """A registration of `user` (by default a new resident) written straight to the
    database. Commits."""
    user = user or factories.resident()
    values = {
        "unit_name": "南昌市东湖区城市管理局",
        "letter_no": f"DH-T-{user.id:04d}",
        "phone": "13900001111",
        "skills": ["水电维修", "代买代办"],
        **fields,
    }
    profile = MemberProfile(
        user_id=user.id, community_id=community.id, name=name, status=status, **values
    )
    db.session.add(profile)
    db.session.commit()
    return profile


def points_entry(
    member: User,
    delta: int,
    reason: str = "order_completed",
    order_id: int | None = None,
    note: str | None = None,
) -> PointsEntry:
    """An entry posted through the ledger (its balance moves with it). Flushes."""
    return post_entry(member.id, delta, reason, order_id=order_id, note=note, created_at=utcnow())


def role_names(user_id: int) -> set[str]:
    return set(db.session.scalars(select(UserRole.role).where(UserRole.user_id == user_id)))


def member_role_count(user_id: int) -> int:
    return count_rows(UserRole, UserRole.user_id == user_id, UserRole.role == Role.MEMBER)


def profile_count(user_id: int | None = None) -> int:
    return count_rows(
        MemberProfile, *([MemberProfile.user_id == user_id] if user_id is not None else [])
    )


def profile_id_of(user_id: int) -> int:
    return db.session.scalar(select(MemberProfile.id).where(MemberProfile.user_id == user_id))
