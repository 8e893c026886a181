"""The points ledger (先锋积分): append-only entries, and a balance per user kept in the same
transaction as each entry, so that a balance is read in one row and never goes below 0."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.db_types import UTCDateTime
from app.extensions import Model


class PointsReason(StrEnum):
    ORDER_COMPLETED = "order_completed"
    REDEMPTION = "redemption"
    REDEMPTION_REFUND = "redemption_refund"  # a cancelled or expired redemption
    ADJUSTMENT = "adjustment"
    ACTIVITY_ATTENDED = "activity_attended"  # checked in to an activity


class PointsEntry(Model):
    __tablename__ = "points_entries"
    # An order credits its member once per service round (a reopened order is done again):
    # the database refuses a second entry.
    # An activity credits each member who checked in once.
    __table_args__ = (
        UniqueConstraint("order_id", "reason", "service_round"),
        UniqueConstraint("activity_id", "member_id", "reason"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    delta: Mapped[int]
    reason: Mapped[str] = mapped_column(String(30))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    service_round: Mapped[int] = mapped_column(default=0, server_default="0")
    redemption_id: Mapped[int | None] = mapped_column(ForeignKey("redemptions.id"))
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activities.id"))
    # Who made an adjustment (the staff member); None for entries the platform writes.
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PointsBalance(Model):
    """A user's balance: the sum of their entries, changed by one conditional statement in
    each entry's transaction (app.points.services)."""

    __tablename__ = "points_balances"
    __table_args__ = (CheckConstraint("balance >= 0", name="balance_not_negative"),)

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    balance: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
