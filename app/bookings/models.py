"""Bookings of venue rooms (云平台 免费预约服务阵地). At most one holding booking has any
minute of a room: on PostgreSQL an exclusion constraint over (room, time range) of the
holding bookings says so; on SQLite every use case holds the write lock, so the overlap
query and the insert are one step (app.sqlite_settings)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import DDL, CheckConstraint, ForeignKey, Index, String, event, text
from sqlalchemy.dialects.postgresql import ExcludeConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.clock import utcnow
from app.db_types import UTCDateTime
from app.extensions import Model
from app.venues.rooms import VenueRoom


class BookingStatus(StrEnum):
    PENDING = "pending"  # 待审核
    APPROVED = "approved"  # 已通过
    CHECKED_IN = "checked_in"  # 已签到
    REJECTED = "rejected"  # 未通过
    CANCELLED = "cancelled"  # 已取消
    NO_SHOW = "no_show"  # 未到场


# The bookings that hold their room's time; the others leave it free.
HOLDING = (BookingStatus.PENDING, BookingStatus.APPROVED, BookingStatus.CHECKED_IN)
# What counts as use of a room (the usage numbers).
USED = (BookingStatus.APPROVED, BookingStatus.CHECKED_IN)


class Behalf(StrEnum):
    """On whose behalf a booking is made."""

    SELF = "self"  # 个人
    UNIT = "unit"  # the member's 共建单位
    MERCHANT = "merchant"  # the merchant account's shop


_HOLDING_SQL = "status IN ({})".format(", ".join(f"'{s.value}'" for s in HOLDING))


class Booking(Model):
    __tablename__ = "bookings"
    __table_args__ = (
        CheckConstraint("end_at > start_at", name="ends_after_start"),
        CheckConstraint("attendees >= 1", name="attendees_positive"),
        ExcludeConstraint(
            ("room_id", "="),
            (text("tstzrange(start_at, end_at, '[)')"), "&&"),
            name="bookings_no_overlap",
            using="gist",
            where=text(_HOLDING_SQL),
        ).ddl_if(dialect="postgresql"),
        Index("ix_bookings_room_id_start_at", "room_id", "start_at"),
        Index("ix_bookings_user_id_id", "user_id", "id"),
        Index("ix_bookings_community_id_status", "community_id", "status"),
        Index("ix_bookings_status_start_at", "status", "start_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("venue_rooms.id"))
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id"), index=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id"))  # the venue's
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))  # the booker
    on_behalf_of: Mapped[str] = mapped_column(String(20), default=Behalf.SELF)
    behalf_name: Mapped[str | None] = mapped_column(String(100))  # the unit's, the shop's
    purpose: Mapped[str] = mapped_column(String(200))
    attendees: Mapped[int]
    start_at: Mapped[datetime] = mapped_column(UTCDateTime)
    end_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(20), default=BookingStatus.PENDING)
    series_id: Mapped[str | None] = mapped_column(String(32), index=True)  # weekly ones
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reason: Mapped[str | None] = mapped_column(String(200))  # why it was rejected
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    room: Mapped[VenueRoom] = relationship(lazy="joined", innerjoin=True)


# The exclusion constraint compares room ids with `=` inside a gist index.
event.listen(
    Booking.__table__,
    "before_create",
    DDL("CREATE EXTENSION IF NOT EXISTS btree_gist").execute_if(dialect="postgresql"),
)
