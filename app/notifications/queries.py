"""Reads of the inbox, the quotas and the outbox."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts.models import User
from app.auth.permissions import managed_community_ids
from app.extensions import db
from app.notifications.models import Delivery, DeliveryStatus, Message, SubscriptionQuota
from app.pagination import paginate


def quotas_of(user_id: int) -> dict[str, int]:
    rows = db.session.execute(
        select(SubscriptionQuota.template_id, SubscriptionQuota.remaining)
        .where(SubscriptionQuota.user_id == user_id)
        .order_by(SubscriptionQuota.template_id)
    )
    return {row.template_id: row.remaining for row in rows}


def inbox(user: User, limit: int, cursor: str | None = None) -> dict:
    """The user's messages, newest first."""
    return paginate(select(Message).where(Message.user_id == user.id), Message.id, limit, cursor)


def outbox(actor: User, limit: int, cursor: str | None = None, status: str | None = None) -> dict:
    """The deliveries of the communities the staff manage, newest first, with each one's
    message (one query however long the page)."""
    stmt = (
        select(Delivery, Message.title, Message.event, User.shown_name.label("user_name"))
        .join(Message, Message.id == Delivery.message_id)
        .join(User, User.id == Delivery.user_id)
        .where(Delivery.community_id.in_(managed_community_ids(actor)))
    )
    if status:
        stmt = stmt.where(Delivery.status == status)
    return paginate(stmt, Delivery.id, limit, cursor, rows=True)


def dead_count(actor: User) -> int:
    stmt = select(db.func.count(Delivery.id)).where(
        Delivery.community_id.in_(managed_community_ids(actor)),
        Delivery.status == DeliveryStatus.DEAD,
    )
    return db.session.scalar(stmt) or 0
