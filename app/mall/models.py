"""The points mall (积分兑单): rewards a community or a merchant offers, and the redemptions
that spend points on them. Stock, the per-person limit and the balance are each settled by
one conditional statement; the constraints here are the last word."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.clock import utcnow
from app.db_types import UTCDateTime
from app.extensions import Model


class RedemptionStatus(StrEnum):
    PENDING = "pending"  # 待核销
    FULFILLED = "fulfilled"  # 已核销
    CANCELLED = "cancelled"  # 已取消
    EXPIRED = "expired"  # 已过期


class Reward(Model):
    __tablename__ = "rewards"
    __table_args__ = (
        CheckConstraint("points > 0", name="points_positive"),
        CheckConstraint("stock >= 0", name="stock_not_negative"),
        CheckConstraint("per_person_limit IS NULL OR per_person_limit >= 1", name="limit_positive"),
        CheckConstraint(
            "valid_until IS NULL OR valid_until >= valid_from", name="valid_period_ordered"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id"), index=True)
    merchant_id: Mapped[int | None] = mapped_column(ForeignKey("merchants.id"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    photo: Mapped[str | None] = mapped_column(String(500))
    description: Mapped[str | None] = mapped_column(Text)
    points: Mapped[int]
    stock: Mapped[int]
    per_person_limit: Mapped[int | None]
    # On offer from valid_from to valid_until (Beijing days, both included; no end: None).
    valid_from: Mapped[date]
    valid_until: Mapped[date | None]
    is_active: Mapped[bool] = mapped_column(default=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Redemption(Model):
    __tablename__ = "redemptions"
    __table_args__ = (
        Index("ix_redemptions_user_id_id", "user_id", "id"),
        Index("ix_redemptions_status_expires_at", "status", "expires_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reward_id: Mapped[int] = mapped_column(ForeignKey("rewards.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    points: Mapped[int]  # what it cost, whatever the reward costs later
    code: Mapped[str] = mapped_column(String(16), unique=True)
    status: Mapped[str] = mapped_column(String(20), default=RedemptionStatus.PENDING)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # fulfilled, cancelled …
    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    reward: Mapped[Reward] = relationship(lazy="joined", innerjoin=True)


class RewardClaim(Model):
    """How many live (pending or fulfilled) redemptions a user holds of a reward: the
    per-person limit is one conditional upsert of this row."""

    __tablename__ = "reward_claims"
    __table_args__ = (CheckConstraint("held >= 0", name="held_not_negative"),)

    reward_id: Mapped[int] = mapped_column(
        ForeignKey("rewards.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    held: Mapped[int] = mapped_column(default=0)


class RedemptionKey(Model):
    """An `Idempotency-Key` of a redemption, scoped to its caller, like orders' keys."""

    __tablename__ = "redemption_keys"
    __table_args__ = (UniqueConstraint("user_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(255))
    request_hash: Mapped[str] = mapped_column(String(64))
    redemption_id: Mapped[int] = mapped_column(ForeignKey("redemptions.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
