"""Booking a room, once or weekly for up to 12 weeks, all or nothing.

The overlap query names the dates that are taken; the database has the last word: on
PostgreSQL the exclusion constraint refuses the insert of a booking that lost a race (the
use case turns it into BOOKING_CONFLICT), on SQLite the use case holds the write lock from
its first read, so nobody books in between."""

from __future__ import annotations

import secrets

from sqlalchemy import or_, select

from app.accounts.models import User
from app.bookings import rules
from app.bookings.access import bookable_room
from app.bookings.models import HOLDING, Behalf, Booking, BookingStatus
from app.bookings.notices import tell_decided
from app.clock import utcnow
from app.errors import BookingConflict
from app.extensions import db
from app.transaction import use_case
from app.venues.rooms import VenueRoom


@use_case(conflict=BookingConflict)
def book(actor: User, room_id: int, data: dict) -> Booking:
    """The booking (the first of a weekly series): `pending`, or `approved` for a room
    staff marked to approve as booked."""
    room = bookable_room(room_id)
    slots = rules.weekly(data["start"], data["end"], data.get("repeat_weeks") or 1)
    taken = _taken_days(room, slots)
    if taken:
        raise BookingConflict(details={"dates": taken})
    now = utcnow()
    rules.check(room, slots, data["attendees"], now)
    behalf = data.get("on_behalf_of") or Behalf.SELF
    name = rules.behalf_name(actor, behalf)
    series = secrets.token_hex(8) if len(slots) > 1 else None
    status = BookingStatus.APPROVED if room.auto_approve else BookingStatus.PENDING
    made = [
        Booking(
            room=room,
            venue_id=room.venue_id,
            community_id=room.venue.community_id,
            user_id=actor.id,
            on_behalf_of=behalf,
            behalf_name=name,
            purpose=data["purpose"],
            attendees=data["attendees"],
            start_at=start,
            end_at=end,
            status=status,
            series_id=series,
            decided_at=now if room.auto_approve else None,
        )
        for start, end in slots
    ]
    db.session.add_all(made)
    db.session.flush()
    if room.auto_approve:
        tell_decided(made[0], weeks=len(made))
    return made[0]


def _taken_days(room: VenueRoom, slots: list[rules.Slot]) -> list[str]:
    """The Beijing dates of the slots that overlap a holding booking (ends may touch)."""
    overlaps = [(Booking.start_at < end) & (Booking.end_at > start) for start, end in slots]
    held = db.session.execute(
        select(Booking.start_at, Booking.end_at).where(
            Booking.room_id == room.id, Booking.status.in_(HOLDING), or_(*overlaps)
        )
    ).all()
    return [
        rules.day_of(slot).isoformat()
        for slot in slots
        if any(start < slot[1] and end > slot[0] for start, end in held)
    ]
