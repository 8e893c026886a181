"""Working party members' registration (报到) with their community."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.clock import utcnow
from app.db_types import UTCDateTime
from app.extensions import Model


class RegistrationStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class MemberProfile(Model):
    """A member's registration: pending until the community's staff approve it.
    One per user (the unique `user_id`); a rejected one may be submitted again."""

    __tablename__ = "member_profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    unit_name: Mapped[str] = mapped_column(String(100))  # 共建单位 / employer
    # The co-building unit (app.units) it is bound to, one paired with its community.
    unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("co_building_units.id", ondelete="SET NULL"), index=True
    )
    letter_no: Mapped[str] = mapped_column(String(64))  # 介绍信编号 (introduction letter)
    phone: Mapped[str | None] = mapped_column(String(20))
    skills: Mapped[list] = mapped_column(JSON, default=list)
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grids.id"))
    building_id: Mapped[int | None] = mapped_column(ForeignKey("buildings.id"))
    status: Mapped[str] = mapped_column(String(20), default=RegistrationStatus.PENDING, index=True)
    reject_reason: Mapped[str | None] = mapped_column(String(200))
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user = relationship("User", foreign_keys=[user_id])
