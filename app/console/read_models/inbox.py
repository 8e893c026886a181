"""The staff user's own inbox: its unread count for the navigation, kept until a message is
written or read (any message: the count is cheap to build again)."""

from __future__ import annotations

from sqlalchemy import func, select

from app.cache import answers, register
from app.extensions import db
from app.notifications.models import Message

UNREAD = register("console_unread_messages", [Message])


def unread_count(user_id: int) -> int:
    return answers().fetch(UNREAD, str(user_id), lambda: _count(user_id))


def _count(user_id: int) -> int:
    stmt = select(func.count(Message.id)).where(
        Message.user_id == user_id, Message.read_at.is_(None)
    )
    return db.session.scalar(stmt) or 0
