"""The points ledger (先锋积分): append-only; the balance is the sum of its entries."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.db_types import UTCDateTime
from app.extensions import Model


class PointsReason(StrEnum):
    ORDER_COMPLETED = "order_completed"
    REDEMPTION = "redemption"
    ADJUSTMENT = "adjustment"


class PointsEntry(Model):
    __tablename__ = "points_entries"
    # An order credits its member once per service round (a reopened order is done again):
    # the database refuses a second entry.
    __table_args__ = (UniqueConstraint("order_id", "reason", "service_round"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    delta: Mapped[int]
    reason: Mapped[str] = mapped_column(String(30))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    service_round: Mapped[int] = mapped_column(default=0, server_default="0")
    note: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
