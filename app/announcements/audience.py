"""Who an announcement reaches: one SELECT of user ids, each user once."""

from __future__ import annotations

from sqlalchemy import Select, select, union

from app.members.models import MemberProfile, RegistrationStatus
from app.notifications.models import Audience
from app.orders.models import Order


def residents(community_id: int) -> Select:
    # A community's residents are the users who have made an order there. The platform has
    # no "home community" of a resident yet; when it does, its users join this union.
    return select(Order.resident_id.label("user_id")).where(Order.community_id == community_id)


def members(community_id: int) -> Select:
    return select(MemberProfile.user_id.label("user_id")).where(
        MemberProfile.community_id == community_id,
        MemberProfile.status == RegistrationStatus.APPROVED,
    )


def recipients(audience: Audience, community_id: int):
    """The statement selecting the distinct user ids of `audience` in the community."""
    if audience is Audience.RESIDENTS:
        return residents(community_id).distinct()
    if audience is Audience.MEMBERS:
        return members(community_id).distinct()
    return union(residents(community_id), members(community_id))
