"""Activities (活动) staff publish in a community, and the sign-ups to them (报名).

The places taken are a counter on the activity, moved by conditional UPDATEs
(`signed_up < capacity`), and a check constraint says it never passes the capacity; one
sign-up per user and activity is a unique constraint. A cancelled sign-up is reused when
its user signs up again."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.clock import utcnow
from app.db_types import UTCDateTime
from app.extensions import Model
from app.notifications.models import Audience
from app.venues.models import Venue


class SignupStatus(StrEnum):
    SIGNED_UP = "signed_up"  # 已报名: holds a place
    WAITLISTED = "waitlisted"  # 候补: waits for a place
    CANCELLED = "cancelled"  # 已取消
    CHECKED_IN = "checked_in"  # 已签到
    NO_SHOW = "no_show"  # 未到场


# The sign-ups that hold a place (and count in `signed_up`).
HOLDING = (SignupStatus.SIGNED_UP, SignupStatus.CHECKED_IN, SignupStatus.NO_SHOW)
# The sign-ups a user still has: signing up again is ALREADY_SIGNED_UP.
ACTIVE = (*HOLDING, SignupStatus.WAITLISTED)


class Activity(Model):
    __tablename__ = "activities"
    __table_args__ = (
        CheckConstraint("end_at > start_at", name="ends_after_start"),
        CheckConstraint("capacity >= 1", name="capacity_positive"),
        CheckConstraint("signed_up >= 0 AND signed_up <= capacity", name="places_within_capacity"),
        CheckConstraint("points >= 0", name="points_not_negative"),
        Index("ix_activities_community_id_start_at", "community_id", "start_at"),
        Index("ix_activities_end_at", "end_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id"))
    title: Mapped[str] = mapped_column(String(50))
    description: Mapped[str] = mapped_column(Text)
    cover_url: Mapped[str | None] = mapped_column(String(500))
    venue_id: Mapped[int | None] = mapped_column(ForeignKey("venues.id"), index=True)
    address: Mapped[str | None] = mapped_column(String(200))  # where there is no venue
    # Where location check-in measures from (GCJ-02): the venue's, else given by staff.
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    start_at: Mapped[datetime] = mapped_column(UTCDateTime)
    end_at: Mapped[datetime] = mapped_column(UTCDateTime)
    capacity: Mapped[int]
    signed_up: Mapped[int] = mapped_column(default=0, server_default="0")
    points: Mapped[int] = mapped_column(default=0, server_default="0")
    tags: Mapped[list] = mapped_column(JSON, default=list)
    # Who it is announced to (the 红喇叭 audiences); anyone may sign up.
    audience: Mapped[str] = mapped_column(String(20), default=Audience.ALL)
    series_id: Mapped[str | None] = mapped_column(String(32), index=True)  # weekly ones
    checkin_code: Mapped[str] = mapped_column(String(16), unique=True)
    announcement_id: Mapped[int | None] = mapped_column(ForeignKey("announcements.id"))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    venue: Mapped[Venue | None] = relationship(lazy="joined")


class ActivitySignup(Model):
    __tablename__ = "activity_signups"
    __table_args__ = (
        UniqueConstraint("activity_id", "user_id"),
        Index("ix_activity_signups_activity_id_status", "activity_id", "status"),
        Index("ix_activity_signups_user_id_id", "user_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(20))
    # The waitlist's order: who asked first (a sign-up taken up again asks anew).
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    promoted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # off the waitlist
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    activity: Mapped[Activity] = relationship(lazy="joined", innerjoin=True)
