"""Inbox messages, their subscribe-message deliveries (the outbox) and users' quotas."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.db_types import UTCDateTime
from app.extensions import Model


class DeliveryStatus(StrEnum):
    PENDING = "pending"  # waiting for the worker (again, after a failure: see next_attempt_at)
    SENDING = "sending"  # a worker holds it until lease_until
    SENT = "sent"
    NO_QUOTA = "no_quota"  # the user had no send left for the template: nothing sent
    NO_OPENID = "no_openid"  # a user without WeChat (代点单, devices)
    REFUSED = "refused"  # errcode 43101: the user refused; their quota is now 0
    DEAD = "dead"  # failed for good (or too often): staff may retry it from the console


FINAL = frozenset(set(DeliveryStatus) - {DeliveryStatus.PENDING, DeliveryStatus.SENDING})


class Message(Model):
    """One line of a user's inbox (`GET /my/messages`): an event of the order loop, a
    reminder, or an announcement. `key` names what it is about, once per user: the same
    event never makes two messages (nor two sends) for one user."""

    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("user_id", "key"),
        Index("ix_messages_user_newest", "user_id", "id"),
        Index("ix_messages_key", "key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    event: Mapped[str] = mapped_column(String(40))
    key: Mapped[str] = mapped_column(String(80))
    title: Mapped[str] = mapped_column(String(40))
    body: Mapped[str] = mapped_column(Text)
    page: Mapped[str | None] = mapped_column(String(200))
    announcement_id: Mapped[int | None] = mapped_column(
        ForeignKey("announcements.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Delivery(Model):
    """The outbox: a message to send as a subscribe message, written in the transaction of
    the change it tells of, sent by the worker after the commit (one per message)."""

    __tablename__ = "deliveries"
    __table_args__ = (
        Index("ix_deliveries_due", "status", "next_attempt_at"),
        CheckConstraint("attempts >= 0", name="attempts_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), unique=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # Whose staff see it in the console's outbox; None for a user of no community.
    community_id: Mapped[int | None] = mapped_column(ForeignKey("communities.id"), index=True)
    template_id: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict] = mapped_column(JSON)
    page: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), default=DeliveryStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    # A send of the user's quota is used by this delivery (and given back if it fails).
    quota_used: Mapped[bool] = mapped_column(default=False)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SubscriptionQuota(Model):
    """How many subscribe messages of one template a user has accepted and not yet used
    (each `wx.requestSubscribeMessage` acceptance allows one send)."""

    __tablename__ = "subscription_quotas"
    __table_args__ = (
        UniqueConstraint("user_id", "template_id"),
        CheckConstraint("remaining >= 0", name="remaining_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    template_id: Mapped[str] = mapped_column(String(64))
    remaining: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Audience(StrEnum):
    RESIDENTS = "residents"
    MEMBERS = "members"
    ALL = "all"


class Announcement(Model):
    """红喇叭: what staff wrote to a community's residents, members, or everyone."""

    __tablename__ = "announcements"
    __table_args__ = (Index("ix_announcements_community_newest", "community_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    title: Mapped[str] = mapped_column(String(20))
    body: Mapped[str] = mapped_column(Text)
    audience: Mapped[str] = mapped_column(String(20))
    recipients: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
