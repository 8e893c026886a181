"""What the console's team form offers: the approved members of the staff's communities
and the catalog's categories. Two queries."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from app.catalog.models import Category
from app.extensions import db
from app.members.models import MemberProfile, RegistrationStatus


def member_choices(community_ids: Iterable[int]) -> list[MemberProfile]:
    """Approved members, by community then name (the service checks each again)."""
    return list(
        db.session.scalars(
            select(MemberProfile)
            .where(
                MemberProfile.community_id.in_(list(community_ids)),
                MemberProfile.status == RegistrationStatus.APPROVED,
            )
            .order_by(MemberProfile.community_id, MemberProfile.name, MemberProfile.id)
        )
    )


def category_choices() -> list[Category]:
    return list(db.session.scalars(select(Category).order_by(Category.position, Category.id)))
