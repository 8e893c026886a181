"""Reads of the bookings: a room's day, the caller's bookings, the staff's list, a room's
week for the console's calendar, and the usage numbers per venue (for the statistics page
too). Each runs a fixed number of queries, whatever the number of rows."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from sqlalchemy import func, select

from app.accounts.models import Role, User
from app.auth.permissions import managed_community_ids, reachable_community_ids
from app.bookings.access import bookable_room, managed_venue
from app.bookings.models import HOLDING, USED, Booking, BookingStatus
from app.cache import answers, register
from app.clock import day_end, day_start
from app.extensions import db
from app.pagination import paginate
from app.venues.models import Venue
from app.venues.rooms import VenueRoom

# The console's count of bookings waiting for a decision, per scope, kept until one is written.
PENDING_COUNTS = register("bookings_pending", [Booking])


def room_day(room_id: int, day: date, limit: int, cursor: str | None = None) -> dict:
    """The bookings that hold the room on a Beijing day, one page in the order they were
    made (the contract's list shape; a day holds at most 48 of them)."""
    room = bookable_room(room_id)
    stmt = select(Booking).where(
        Booking.room_id == room.id,
        Booking.status.in_(HOLDING),
        Booking.start_at < day_end(day),
        Booking.end_at > day_start(day),
    )
    return paginate(stmt, Booking.id, limit, cursor, oldest_first=True)


def week_of(room_id: int, monday: date) -> list[Booking]:
    """Every booking of the room in the Beijing week from `monday`, whatever its status,
    for the calendar (a rejected or cancelled one is shown struck through)."""
    stmt = (
        select(Booking)
        .where(
            Booking.room_id == room_id,
            Booking.start_at < day_end(monday + timedelta(days=6)),
            Booking.end_at > day_start(monday),
        )
        .order_by(Booking.start_at, Booking.id)
    )
    return list(db.session.scalars(stmt))


def my_bookings(actor: User, limit: int, cursor: str | None = None) -> dict:
    stmt = select(Booking).where(Booking.user_id == actor.id)
    return paginate(stmt, Booking.id, limit, cursor)


def staff_bookings(
    actor: User,
    limit: int,
    cursor: str | None = None,
    status: str | None = None,
    venue_id: int | None = None,
    community_id: int | None = None,
) -> dict:
    """Bookings of the actor's communities, newest first; a `venue_id` or `community_id`
    outside them is 404."""
    stmt = select(Booking).where(
        Booking.community_id.in_(reachable_community_ids(actor, community_id))
    )
    if venue_id is not None:
        managed_venue(actor, venue_id)
        stmt = stmt.where(Booking.venue_id == venue_id)
    if status is not None:
        stmt = stmt.where(Booking.status == status)
    return paginate(stmt, Booking.id, limit, cursor)


def pending_count(actor: User) -> int:
    """How many bookings of the actor's communities wait for a decision."""
    admin, staff = actor.role(Role.STREET_ADMIN), actor.role(Role.STAFF)
    key = f"street:{admin and admin.street_id},community:{staff and staff.community_id}"
    return answers().fetch(PENDING_COUNTS, key, lambda: _pending(actor))


def _pending(actor: User) -> int:
    stmt = select(func.count()).where(
        Booking.community_id.in_(managed_community_ids(actor)),
        Booking.status == BookingStatus.PENDING,
    )
    return db.session.scalar(stmt) or 0


def venue_rooms(venue: Venue) -> list[VenueRoom]:
    """Every room of the venue, closed ones too (the console shows them)."""
    stmt = select(VenueRoom).where(VenueRoom.venue_id == venue.id).order_by(VenueRoom.id)
    return list(db.session.scalars(stmt))


def usage(actor: User, start: date, end: date, community_id: int | None = None) -> list[dict]:
    """Per venue of the scope: the bookings used (approved or checked in; a no-show, a
    cancelled or rejected one is no use) that start on a Beijing day of [start, end], their
    hours and their people (the attendees booked), in venue order. Two queries."""
    communities = reachable_community_ids(actor, community_id)
    venues = db.session.execute(
        select(Venue.id, Venue.name).where(Venue.community_id.in_(communities)).order_by(Venue.id)
    ).all()
    used = db.session.execute(
        select(Booking.venue_id, Booking.start_at, Booking.end_at, Booking.attendees).where(
            Booking.community_id.in_(communities),
            Booking.status.in_(USED),
            Booking.start_at >= day_start(start),
            Booking.start_at < day_end(end),
        )
    ).all()
    return _tally(list(venues), used)


def _tally(venues: list, used: Iterable) -> list[dict]:
    bookings: dict[int, int] = {venue.id: 0 for venue in venues}
    seconds, people = dict(bookings), dict(bookings)
    for row in used:
        bookings[row.venue_id] += 1
        seconds[row.venue_id] += int((row.end_at - row.start_at).total_seconds())
        people[row.venue_id] += row.attendees
    return [
        {
            "venue_id": venue.id,
            "name": venue.name,
            "bookings": bookings[venue.id],
            "hours": round(seconds[venue.id] / 3600, 1),
            "people": people[venue.id],
        }
        for venue in venues
    ]
