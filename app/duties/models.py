"""周六报到 and the 先锋墙: the community's liaison venue, members' check-ins, wall entries."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.db_types import UTCDateTime
from app.extensions import Model


class LiaisonVenue(Model):
    """The venue where the community's members report (报到点): one per community, chosen by
    its staff among the community's venues."""

    __tablename__ = "liaison_venues"

    community_id: Mapped[int] = mapped_column(
        ForeignKey("communities.id", ondelete="CASCADE"), primary_key=True
    )
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id", ondelete="CASCADE"))
    chosen_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    chosen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CheckIn(Model):
    """A member's report at the liaison venue: one per member and Beijing day (the unique
    key settles a double scan), `saturday` when that day is a Saturday (周六报到)."""

    __tablename__ = "check_ins"
    __table_args__ = (UniqueConstraint("user_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id"), index=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id"))
    day: Mapped[date] = mapped_column(Date, index=True)
    saturday: Mapped[bool] = mapped_column(default=False, server_default=false())
    distance_m: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class WallEntry(Model):
    """A member's place on the community's 先锋墙 / 承诺墙: given with consent, withdrawn by
    deleting it. Staff may hide it and show it again; the member's own edits leave `hidden`
    as staff set it."""

    __tablename__ = "wall_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id"), index=True)
    photo_url: Mapped[str] = mapped_column(String(500))
    commitment: Mapped[str] = mapped_column(String(200))
    consented_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    hidden: Mapped[bool] = mapped_column(default=False, server_default=false())
    hidden_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
