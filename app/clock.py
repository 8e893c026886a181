"""Time as the platform counts it: aware UTC instants, and Beijing calendar days (the days
staff and residents count in) turned into UTC bounds for queries. Every "now" comes from
`utcnow`, so a test can freeze or move it."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

BEIJING = timezone(timedelta(hours=8), "Asia/Shanghai")


def utcnow() -> datetime:
    return datetime.now(UTC)


def beijing_today(now: datetime) -> date:
    return now.astimezone(BEIJING).date()


def day_start(day: date) -> datetime:
    """The first instant of a Beijing day, in UTC."""
    return datetime.combine(day, time(), BEIJING).astimezone(UTC)


def day_end(day: date) -> datetime:
    """The first instant after a Beijing day (an exclusive bound), in UTC."""
    return day_start(day + timedelta(days=1))


def wall_time(value: datetime | None) -> datetime | None:
    """Beijing wall time without an offset, for a spreadsheet: Excel has no time zones."""
    return value.astimezone(BEIJING).replace(tzinfo=None) if value else None
