"""Announcements of the communities a user manages, each with its reach."""

from __future__ import annotations

from sqlalchemy import func, select

from app.accounts.models import User
from app.auth.permissions import managed_community_ids
from app.errors import NotFound
from app.notifications.models import Announcement, Delivery, DeliveryStatus, Message
from app.pagination import paginate

_SENT = (
    select(func.count(Delivery.id))
    .join(Message, Message.id == Delivery.message_id)
    .where(Message.announcement_id == Announcement.id, Delivery.status == DeliveryStatus.SENT)
    .correlate(Announcement)
    .scalar_subquery()
)
_READ = (
    select(func.count(Message.id))
    .where(Message.announcement_id == Announcement.id, Message.read_at.is_not(None))
    .correlate(Announcement)
    .scalar_subquery()
)
REACH = select(
    Announcement.id,
    Announcement.community_id,
    Announcement.title,
    Announcement.body,
    Announcement.audience,
    Announcement.recipients,
    Announcement.created_at,
    _SENT.label("sent"),
    _READ.label("read"),
)


def scope(actor: User, community_id: int | None) -> set[int]:
    """The communities listed: all the actor manages, or the one asked for (404 outside)."""
    managed = managed_community_ids(actor)
    if community_id is None:
        return managed
    if community_id not in managed:
        raise NotFound()
    return {community_id}


def announcements(
    actor: User, limit: int, cursor: str | None = None, community_id: int | None = None
) -> dict:
    """Newest first, each row with `recipients`, `sent` (subscribe messages that went out)
    and `read` (inbox messages read): one statement a page."""
    stmt = REACH.where(Announcement.community_id.in_(scope(actor, community_id)))
    return paginate(stmt, Announcement.id, limit, cursor, rows=True)
