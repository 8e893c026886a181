"""Venues (红色驿站, 党群服务中心, ...) with GCJ-02 coordinates."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

if TYPE_CHECKING:
    from app.venues.rooms import VenueRoom

from app.clock import utcnow
from app.db_types import UTCDateTime
from app.extensions import Model


class VenueType(StrEnum):
    RED_STATION = "red_station"
    SERVICE_CENTER = "service_center"
    NEIGHBORHOOD = "neighborhood"
    CONVENIENCE = "convenience"
    CULTURE = "culture"
    ELDERLY_CARE = "elderly_care"


class Venue(Model):
    __tablename__ = "venues"

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id"), index=True)
    type: Mapped[str] = mapped_column(String(30), index=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    address: Mapped[str] = mapped_column(String(200))
    latitude: Mapped[float]
    longitude: Mapped[float]
    phone: Mapped[str | None] = mapped_column(String(30))
    opening_hours: Mapped[list] = mapped_column(JSON, default=list)
    services: Mapped[list] = mapped_column(JSON, default=list)
    facilities: Mapped[list] = mapped_column(JSON, default=list)
    description: Mapped[str] = mapped_column(Text, default="")  # plain short text
    # The illustrated description, sanitised on write (app/venues/intro.py), and up to nine
    # photo URLs.
    intro_html: Mapped[str] = mapped_column(Text, default="", server_default="")
    photos: Mapped[list] = mapped_column(JSON, default=list, server_default="[]")
    # Closed days beside the weekly hours: [{"date": "2027-01-01", "reason": "元旦"}], and
    # whether the statutory holidays close it too.
    closed_dates: Mapped[list] = mapped_column(JSON, default=list, server_default="[]")
    closed_on_holidays: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Hidden by staff: absent from every public answer, still listed for its staff.
    hidden: Mapped[bool] = mapped_column(default=False, server_default=false())
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=utcnow)

    community = relationship("Community")
    # What the detail shows: its rooms open to booking (app/venues/rooms.py), read when asked.
    rooms: Mapped[list[VenueRoom]] = relationship(
        "VenueRoom",
        primaryjoin="and_(VenueRoom.venue_id == Venue.id, VenueRoom.is_active.is_(True))",
        order_by="VenueRoom.id",
        viewonly=True,
    )
