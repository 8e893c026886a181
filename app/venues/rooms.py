"""A venue's rooms (三室一厅: 服务室, 议事室, 互助室, 休闲厅 …), which residents, members,
units and merchants book (app.bookings). Rooms keep their venue's opening hours."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, false, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.clock import utcnow
from app.db_types import UTCDateTime
from app.extensions import Model
from app.venues.models import Venue


class RoomKind(StrEnum):
    SERVICE_ROOM = "service_room"  # 服务室
    MEETING_ROOM = "meeting_room"  # 议事室
    MUTUAL_AID_ROOM = "mutual_aid_room"  # 互助室
    LOUNGE = "lounge"  # 休闲厅
    OTHER = "other"


class VenueRoom(Model):
    __tablename__ = "venue_rooms"
    __table_args__ = (CheckConstraint("capacity >= 1", name="capacity_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    kind: Mapped[str] = mapped_column(String(30), default=RoomKind.OTHER)
    capacity: Mapped[int]
    facilities: Mapped[list] = mapped_column(JSON, default=list)
    # Bookings of a room staff mark so are approved as they are made.
    auto_approve: Mapped[bool] = mapped_column(default=False, server_default=false())
    is_active: Mapped[bool] = mapped_column(default=True, server_default=true())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    venue: Mapped[Venue] = relationship(lazy="joined", innerjoin=True)
