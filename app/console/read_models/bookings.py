"""What the console's booking pages show: the bookers' names, the venues of the scope with
their rooms, and a room's week as a grid of half hours (7 day columns × the venue's hours),
each booking a block spanning its half hours. Each page runs a fixed number of queries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from app.accounts.models import User
from app.bookings.models import HOLDING, Booking, BookingStatus
from app.bookings.queries import week_of
from app.clock import BEIJING
from app.extensions import db
from app.geo import hours
from app.venues.hours import closed_on
from app.venues.models import Venue
from app.venues.rooms import VenueRoom

SLOT_MINUTES = 30
# On the grid: what holds the room, and the no-shows (their time was held, then not used).
ON_THE_GRID = (*HOLDING, BookingStatus.NO_SHOW)


def booker_names(bookings: Iterable[Booking]) -> dict[int, str]:
    ids = {booking.user_id for booking in bookings}
    rows = db.session.execute(select(User.id, User.shown_name).where(User.id.in_(ids)))
    return dict(rows.all())


def venues_with_rooms(community_ids: set[int]) -> list[tuple[Venue, list[VenueRoom]]]:
    """The scope's venues, each with every room of it (closed ones too): two queries."""
    venues = db.session.scalars(
        select(Venue).where(Venue.community_id.in_(community_ids)).order_by(Venue.id)
    ).all()
    rooms = db.session.scalars(
        select(VenueRoom)
        .where(VenueRoom.venue_id.in_([v.id for v in venues]))
        .order_by(VenueRoom.id)
    ).all()
    return [(venue, [r for r in rooms if r.venue_id == venue.id]) for venue in venues]


@dataclass
class Block:
    rowspan: int
    bookings: list[Booking] = field(default_factory=list)


@dataclass
class Week:
    monday: date
    days: list[dict]
    rows: list[dict]  # {"time": "09:00", "cells": [Block | "free" | "closed" | None]}
    off_grid: list[Booking]  # rejected and cancelled ones, listed under the grid

    def every_booking(self) -> list[Booking]:
        on_grid = [
            booking
            for row in self.rows
            for cell in row["cells"]
            if isinstance(cell, Block)
            for booking in cell.bookings
        ]
        return on_grid + self.off_grid


def week_grid(room: VenueRoom, monday: date) -> Week:
    venue = room.venue
    week = hours.week_of(venue.opening_hours)
    bookings = week_of(room.id, monday)
    days = [monday + timedelta(days=d) for d in range(7)]
    first, last = _minutes_open(week)
    rows = list(range(first, last, SLOT_MINUTES))
    grid: list[list] = [[_free(week, venue, day, m) for day in days] for m in rows]
    for column, day in enumerate(days):
        on_day = [
            b for b in bookings if b.status in ON_THE_GRID and _local(b.start_at).date() == day
        ]
        _place(grid, column, [_rows_of(b, day, first, len(rows)) for b in on_day])
    return Week(
        monday,
        [{"date": d, "closed": closed_on(venue, d) or not week[d.weekday()]} for d in days],
        [
            {"time": f"{m // 60:02d}:{m % 60:02d}", "cells": c}
            for m, c in zip(rows, grid, strict=True)
        ],
        [b for b in bookings if b.status not in ON_THE_GRID],
    )


def _place(grid: list[list], column: int, spans: list[tuple[int, int, Booking]]) -> None:
    """Each booking as a block from its first half hour; one that starts under an earlier
    block (a no-show's time booked again) joins that block."""
    last: tuple[int, Block] | None = None
    for start, end, booking in sorted(spans, key=lambda span: span[2].start_at):
        if last is not None and start < last[0] + last[1].rowspan:
            first, block = last
            block.bookings.append(booking)
            block.rowspan = max(block.rowspan, end - first)
        else:
            first, block = start, Block(end - start, [booking])
            grid[start][column] = block
            last = (start, block)
        for row in range(first + 1, first + block.rowspan):
            grid[row][column] = None


def _rows_of(booking: Booking, day: date, first: int, count: int) -> tuple[int, int, Booking]:
    """The grid rows [start, end) a booking covers, clamped to the grid."""

    def row(at: datetime, ceiling: bool) -> int:
        local = _local(at)
        minutes = 24 * 60 if local.date() > day else local.hour * 60 + local.minute
        whole, part = divmod(minutes - first, SLOT_MINUTES)
        return min(max(whole + (1 if ceiling and part else 0), 0), count)

    start = min(row(booking.start_at, False), count - 1)
    return start, max(start + 1, row(booking.end_at, True)), booking


def _minutes_open(week: hours.Week) -> tuple[int, int]:
    """From the earliest opening to the latest closing of the week, in minutes of the day,
    on half hours; 08:00–18:00 for a venue never open."""
    spans = [span for day in week for span in day]
    if not spans:
        return 8 * 60, 18 * 60
    opens = min(s[0].hour * 60 + s[0].minute for s in spans)
    closes = max(24 * 60 if s[1] == time.max else s[1].hour * 60 + s[1].minute for s in spans)
    return opens - opens % SLOT_MINUTES, -(-closes // SLOT_MINUTES) * SLOT_MINUTES


def _free(week: hours.Week, venue: Venue, day: date, minutes: int) -> str:
    at = datetime.combine(day, time(minutes // 60, minutes % 60), BEIJING)
    return "free" if hours.is_open(week, at, lambda d: closed_on(venue, d)) else "closed"


def _local(at: datetime) -> datetime:
    return at.astimezone(BEIJING)
