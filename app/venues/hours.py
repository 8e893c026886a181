"""When a venue is open: its weekly hours (app/geo/hours.py) less its closed days, the dates
staff list and, for a venue that closes on them, the statutory holidays."""

from __future__ import annotations

from datetime import date, datetime

from app.geo import hours
from app.venues.models import Venue


def closed_on(venue: Venue, day: date) -> bool:
    if venue.closed_on_holidays and hours.is_public_holiday(day):
        return True
    iso = day.isoformat()
    return any(closure.get("date") == iso for closure in venue.closed_dates or ())


def open_now(venue: Venue, now: datetime) -> bool:
    return hours.is_open(hours.week_of(venue.opening_hours), now, lambda d: closed_on(venue, d))


def open_throughout(venue: Venue, start: datetime, end: datetime) -> bool:
    """Whether the venue is open for the whole of [start, end): rooms keep their venue's
    hours."""
    week = hours.week_of(venue.opening_hours)
    return hours.open_throughout(week, start, end, lambda d: closed_on(venue, d))
