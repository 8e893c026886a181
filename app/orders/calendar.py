"""How a deadline counts its hours: calendar hours, or working hours (a daily window in
Beijing time, on Chinese working days: public holidays off, 调休 weekend days on).

Pure functions of their arguments, unit-tested in tests/unit/test_working_hours.py. The
working days come from `chinesecalendar`; for a year it has no data for, Monday to Friday
count, with one warning in the log."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from functools import cache

import chinese_calendar

from app.clock import BEIJING

log = logging.getLogger(__name__)


class DeadlineBasis(StrEnum):
    """A catalog item's choice of how its deadlines count."""

    HOURS = "hours"  # every hour counts
    WORKING_HOURS = "working_hours"  # only the working window of working days


Window = tuple[time, time]
DEFAULT_WINDOW: Window = (time(9), time(17))
# Far more working days than any deadline spans: a guard against a window that never opens.
_MAX_DAYS = 3660


@cache
def parse_window(text: str) -> Window:
    """`"09:00-17:00"`: the working day's start and end in Beijing time."""
    try:
        start, end = (time.fromisoformat(part.strip()) for part in text.split("-"))
    except ValueError as exc:
        raise ValueError(f"WORKING_HOURS must look like 09:00-17:00, not {text!r}") from exc
    if start >= end:
        raise ValueError(f"WORKING_HOURS must end after it starts, not {text!r}")
    return start, end


def due_after(
    start: datetime, hours: float, basis: str, window: Window = DEFAULT_WINDOW
) -> datetime:
    """The instant `hours` after `start`, counted by `basis`."""
    if basis == DeadlineBasis.WORKING_HOURS:
        return add_working_hours(start, hours, window)
    return start + timedelta(hours=hours)


def add_working_hours(start: datetime, hours: float, window: Window = DEFAULT_WINDOW) -> datetime:
    """The instant when `hours` of working time have passed since `start`: time outside the
    window, and days that are not working days, do not count. A deadline that ends exactly
    at the window's close is due then, not at the next day's opening."""
    left = timedelta(hours=hours)
    cursor = start.astimezone(BEIJING)
    for _ in range(_MAX_DAYS):
        day = cursor.date()
        if is_working_day(day):
            opens = datetime.combine(day, window[0], BEIJING)
            closes = datetime.combine(day, window[1], BEIJING)
            cursor = max(cursor, opens)
            if cursor < closes:
                if left <= closes - cursor:
                    return (cursor + left).astimezone(UTC)
                left -= closes - cursor
        cursor = datetime.combine(day + timedelta(days=1), time(), BEIJING)
    raise ValueError("no working time within ten years")


def is_working_day(day: date) -> bool:
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        _warn_no_data(day.year)
        return day.weekday() < 5


@cache
def _warn_no_data(year: int) -> None:
    log.warning("chinesecalendar has no holidays for %s: counting Monday to Friday", year)
