"""What the 一键通 page shows beside the devices: who may be a carer (the members and staff
of the staff's communities), in one query."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from sqlalchemy import func, select

from app.accounts.models import User, UserRole
from app.devices.registration import CARER_ROLES
from app.extensions import db
from app.members.models import MemberProfile
from app.orders.labels import ACTOR_LABELS


class Carer(NamedTuple):
    id: int
    name: str
    role: str
    community_id: int | None


def carer_choices(community_ids: Iterable[int]) -> list[Carer]:
    """Active members and staff of the communities, by community then name."""
    name = func.coalesce(MemberProfile.name, User.shown_name)
    stmt = (
        select(User.id, name, UserRole.role, UserRole.community_id)
        .join(UserRole, UserRole.user_id == User.id)
        .outerjoin(MemberProfile, MemberProfile.user_id == User.id)
        .where(
            User.is_active,
            UserRole.role.in_(CARER_ROLES),
            UserRole.community_id.in_(list(community_ids)),
        )
        .order_by(UserRole.community_id, UserRole.role, User.id)
    )
    return [
        Carer(user_id, label or f"用户 {user_id}", ACTOR_LABELS.get(role, role), community_id)
        for user_id, label, role, community_id in db.session.execute(stmt)
    ]
